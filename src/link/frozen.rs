//! The frozen version 1 values: what a version 1 link's missing fields mean, whatever
//! later happens to the defaults or the catalog's presets.

use std::sync::OnceLock;

use serde_json::Value;

use super::escape::unescape;
use crate::scenario::{FIELDS, Scenario};

/// Every field's value in a version 1 link that leaves the field out: the default scenario
/// as it was when version 1 was published. Frozen: a value here must never change, or old
/// links would change meaning. A field added later appends its key with the value that
/// keeps old links meaning what they meant (the behaviour before the field existed).
pub const REFERENCE_V1: &str = "n=&req=1000000&in=2000&out=300&hrs=730&peak=1.5&grow=0&slo=\
&api=claude-3.5-sonnet&pin=&pout=&pcache=&cache=0&batch=0&bdisc=50&trim=0&afix=0&afte=0.05\
&aimpl=5000&om=llama-3.1-70b&q=fp8&gpu=h100-sxm&tp=&tps=&util=70&nk=0&infra=300&sfte=0.25\
&simpl=30000&gph=&tier=on_demand&bill=always_on&buf=10&gbuy=&srv=5000&inst=5000&life=4\
&resid=20&coc=8&maint=5&kwh=0.13&pue=1.4&load=60&fac=200&hy=routing&share=50&fteusd=16000\
&hz=36&disc=8&cur=USD&fx=1&data=public&traffic=predictable&frontier=0&gpuops=0&ttm=0&ft=0\
&ltc=0&mix=0&resil=0&utps=&kv=fp16";

/// A choice field whose version 1 key keeps the values version 1 allowed, so a link that
/// was refused then (`q=fp4`) is refused now; a value the field gained later rides under
/// the field's second key, which takes every value the field allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widened {
    /// The second key.
    pub key: &'static str,
    /// The field's version 1 key.
    pub alias: &'static str,
    pub v1_values: &'static [&'static str],
}

/// Frozen like the reference: an entry never changes.
pub const WIDENED_V1: &[Widened] = &[Widened {
    key: "wq",
    alias: "q",
    v1_values: &["fp16", "fp8", "int8", "int4"],
}];

/// The field alias a link key stands for: itself, or the version 1 key of a second key.
pub(super) fn field_alias(key: &str) -> &str {
    WIDENED_V1
        .iter()
        .find(|w| w.key == key)
        .map_or(key, |w| w.alias)
}

/// Every preset's values in a version 1 link, as link text laid over [`REFERENCE_V1`] (an
/// empty text: the preset is the reference itself). Frozen like the reference: an entry
/// never changes, so a link naming a preset keeps meaning what it meant when it was made,
/// whatever later happens to the preset in the catalog. A new preset appends its entry.
/// Tests check every entry still equals the catalog's preset; when a catalog preset is
/// corrected, that correction needs a new link version whose migration keeps old links'
/// values, not an edit here.
pub const PRESETS_V1: &[(&str, &str)] = &[
    ("document-processing", ""),
    (
        "customer-support-chatbot",
        "n=Customer%20support%20chatbot&req=3000000&in=1500&out=250&peak=3&grow=3&api=gpt-4o\
         &cache=40&afte=0.1&aimpl=20000&nk=1&infra=800&sfte=0.5&simpl=60000&hy=overflow\
         &data=internal&traffic=seasonal&resil=1",
    ),
    (
        "coding-assistant",
        "n=Coding%20assistant&req=2000000&in=6000&out=400&hrs=220&peak=2&grow=2&cache=60\
         &afte=0.1&aimpl=15000&sfte=0.5&simpl=50000&tier=reserved&bill=active_window&share=70\
         &data=internal&frontier=1&gpuops=1&mix=1",
    ),
    (
        "rag-knowledge-base",
        "n=RAG%20knowledge%20base&req=800000&in=6000&peak=2&api=gpt-4o-mini&cache=20&trim=10\
         &aimpl=10000&om=llama-3.1-8b&gpu=l4&infra=200&sfte=0.2&simpl=25000&data=internal",
    ),
    (
        "regulated-healthcare",
        "n=Regulated%20healthcare&req=400000&in=3000&out=500&peak=2&slo=2000&afte=0.1\
         &aimpl=20000&gpu=a100-80gb&nk=1&infra=500&sfte=0.5&simpl=80000&fac=600&hz=48\
         &data=must_stay_internal&gpuops=1&ltc=1&resil=1",
    ),
    (
        "startup-prototype",
        "n=Startup%20prototype&req=30000&in=800&out=200&hrs=300&peak=4&grow=15\
         &api=gpt-4o-mini&afte=0.02&aimpl=2000&om=llama-3.1-8b&q=int4&gpu=rtx-4090&infra=50\
         &sfte=0.2&simpl=10000&tier=spot&bill=scale_to_zero&buf=25&hz=12\
         &traffic=unpredictable&ttm=1",
    ),
    (
        "batch-classification",
        "n=Batch%20classification%20at%20scale&req=50000000&in=600&out=20&hrs=240&peak=1.2\
         &api=gpt-4o-mini&batch=100&om=llama-3.1-8b&bill=active_window&gpuops=1&ltc=1",
    ),
];

/// `Scenario::default()` with [`REFERENCE_V1`] applied: what a link's missing fields mean
/// when it names no preset, or one this version does not know.
pub(super) fn reference() -> &'static Scenario {
    static REFERENCE: OnceLock<Scenario> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let mut s = Scenario::default();
        apply_frozen(&mut s, REFERENCE_V1);
        s
    })
}

/// A preset's frozen version 1 scenario and its canonical JSON, when the id is in
/// [`PRESETS_V1`].
pub fn frozen_preset(id: &str) -> Option<&'static (Scenario, Value)> {
    // Each preset is built the first time it is asked for: opening a link builds one.
    static PRESETS: OnceLock<Vec<OnceLock<(Scenario, Value)>>> = OnceLock::new();
    let all = PRESETS.get_or_init(|| PRESETS_V1.iter().map(|_| OnceLock::new()).collect());
    let i = PRESETS_V1.iter().position(|(p, _)| *p == id)?;
    let (preset, query) = PRESETS_V1[i];
    Some(all.get(i)?.get_or_init(|| {
        let mut s = reference().clone();
        apply_frozen(&mut s, query);
        s.preset = preset.to_string();
        let value = s.to_value();
        (s, value)
    }))
}

/// Lays frozen link text over a scenario. Tests check every entry applies cleanly; a
/// failure here would show up there.
fn apply_frozen(s: &mut Scenario, query: &str) {
    let items = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .filter_map(|(key, value)| {
            let spec = FIELDS.iter().find(|f| f.alias == key)?;
            spec.parse_text(&unescape(value).unwrap_or_default())
                .ok()
                .map(|v| (spec.path, v))
        });
    let _ = s.set_many(items);
}

pub(super) fn reference_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| reference().to_value())
}
