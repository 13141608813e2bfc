//! Scenario links: the URL query string <-> Scenario.
//!
//! A link reads `v=1&p=coding-assistant&req=250000&api=gpt-4o-mini`: the link version,
//! the preset the scenario started from, then `alias=value` for every field whose value
//! differs from that preset's frozen version 1 values ([`PRESETS_V1`] laid over
//! [`REFERENCE_V1`]). Fields a link leaves out are read from those frozen values, never
//! from the live catalog or `Scenario::default()`, so correcting a preset or a default
//! later cannot change what an old link shows. `docs/LINKS.md` lists the keys.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde_json::Value;

use crate::scenario::{CURRENT_VERSION, FIELDS, FieldError, Scenario, json_pointer};

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
&ltc=0&mix=0&resil=0";

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

/// Page settings that may ride along in a link; they are not part of the scenario.
pub const EXTRA_KEYS: [&str; 4] = ["embed", "theme", "accent", "sections"];

/// Only this many bytes of a query are read: a real link is under 2,000.
pub const MAX_QUERY_BYTES: usize = 8192;

/// Only this many keys are read: a link that sets every field has about 60.
pub const MAX_KEYS: usize = 200;

/// The `field` of notices about the link itself rather than one field.
pub const LINK_NOTICE_FIELD: &str = "(link)";

/// A link read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// Always valid: whatever could not be applied was left at its reference value.
    pub scenario: Scenario,
    /// One per problem, in link order; `field` is the canonical path, `version`, `preset`
    /// or [`LINK_NOTICE_FIELD`].
    pub notices: Vec<FieldError>,
    /// The [`EXTRA_KEYS`] present, with their percent-decoded values, in link order.
    pub extras: Vec<(String, String)>,
}

type Pairs = Vec<(String, String)>;

/// The query string (without `?`) that [`decode`] turns back into exactly `s`.
pub fn encode(s: &Scenario) -> String {
    let now = s.to_value();
    let base = frozen_preset(&s.preset).map_or_else(reference_value, |(_, v)| v);
    let mut out = format!("v={CURRENT_VERSION}&p={}", escape(&s.preset));
    for spec in FIELDS {
        let pointer = json_pointer(spec.path);
        let value = now.pointer(&pointer).unwrap_or(&Value::Null);
        if value != base.pointer(&pointer).unwrap_or(&Value::Null) {
            let _ = write!(out, "&{}={}", spec.alias, value_text(value));
        }
    }
    out
}

/// Reads a full URL, `?query` or bare query. Never fails: each problem becomes a notice
/// and the rest of the link is still applied.
pub fn decode(query_or_url: &str) -> Decoded {
    let mut notices = Vec::new();
    let mut query = query_part(query_or_url.trim());
    if query.len() > MAX_QUERY_BYTES {
        // Stop before the pair the limit cuts through, so no value is read half-way.
        let mut end = MAX_QUERY_BYTES;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        query = &query[..query[..end].rfind('&').unwrap_or(0)];
        notices.push(link_notice(format!(
            "the link is longer than {MAX_QUERY_BYTES} characters; the rest was ignored"
        )));
    }

    let mut pairs = Pairs::new();
    for (i, piece) in query.split('&').filter(|p| !p.is_empty()).enumerate() {
        if i == MAX_KEYS {
            notices.push(link_notice(format!(
                "the link has more than {MAX_KEYS} keys; the rest were ignored"
            )));
            break;
        }
        let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
        match (unescape(key), unescape(value)) {
            (Some(k), Some(v)) => pairs.push((k, v)),
            (Some(k), None) => {
                notices.push(notice(&k, "the value is not valid UTF-8 text; ignored"))
            }
            (None, _) => notices.push(link_notice(format!(
                "key {} is not valid UTF-8 text; ignored",
                shown(key)
            ))),
        }
    }

    // No link at all (a plain visit): today's defaults, without reading the frozen ones.
    if pairs.is_empty() && notices.is_empty() {
        return Decoded {
            scenario: Scenario::default(),
            notices,
            extras: Vec::new(),
        };
    }

    let version = take_version(&mut pairs, &mut notices);
    let pairs = migrate(version, pairs);
    // The preset supplies every value the link leaves out, wherever `p` stands in the link.
    let named = pairs
        .iter()
        .find(|(k, _)| k == "p")
        .and_then(|(_, v)| frozen_preset(v));
    let mut scenario = named.map_or_else(|| reference().clone(), |(s, _)| s.clone());
    let mut extras = Vec::new();
    let mut seen = HashSet::new();
    for (key, value) in pairs {
        // The first value wins, as with URLSearchParams.get in the page.
        if !seen.insert(key.clone()) {
            notices.push(notice(
                &key,
                "appears more than once; the first value was used",
            ));
        } else if EXTRA_KEYS.contains(&key.as_str()) {
            extras.push((key, value));
        } else if key == "p" {
            if frozen_preset(&value).is_none() {
                let ids: Vec<&str> = PRESETS_V1.iter().map(|(id, _)| *id).collect();
                let problem = format!(
                    "unknown preset {}, read as \"{}\" with its values (allowed: {})",
                    shown(&value),
                    scenario.preset,
                    ids.join(", ")
                );
                notices.push(notice(&key, problem));
            }
        } else if let Some(spec) = FIELDS.iter().find(|f| f.alias == key) {
            if let Err(e) = spec
                .parse_text(&value)
                .and_then(|v| scenario.set(spec.path, v))
            {
                notices.push(notice(
                    &key,
                    format!("{} (got {}; ignored)", e.message, shown(&value)),
                ));
            }
        } else {
            notices.push(notice(&key, "unknown key; ignored"));
        }
    }
    Decoded {
        scenario,
        notices,
        extras,
    }
}

/// Removes every `v` and returns the version whose rules read the rest. A link from a newer
/// calculator is read with the current rules: keys this version knows still apply.
fn take_version(pairs: &mut Pairs, notices: &mut Vec<FieldError>) -> u32 {
    let mut version = None;
    pairs.retain(|(key, value)| {
        if key != "v" {
            return true;
        }
        if version.is_some() {
            notices.push(notice(key, "appears more than once; the first value was used"));
            return false;
        }
        version = Some(match value.parse::<u32>() {
            Ok(n) if (1..=CURRENT_VERSION).contains(&n) => n,
            Ok(n) if n > CURRENT_VERSION => {
                notices.push(notice(key, format!(
                    "the link is from a newer version ({n}) of the calculator than this one \
                     ({CURRENT_VERSION}); what this version knows was applied"
                )));
                CURRENT_VERSION
            }
            _ => {
                notices.push(notice(key, format!(
                    "must be a whole number from 1 to {CURRENT_VERSION} (got {}); read as {CURRENT_VERSION}",
                    shown(value)
                )));
                CURRENT_VERSION
            }
        });
        false
    });
    // A link without a version is taken as written by this one.
    version.unwrap_or(CURRENT_VERSION)
}

/// Rewrites the keys and values of a link written by `version` into the current version's.
///
/// This is the one place for version steps. When version N+1 renames a key, respells a
/// value, or must give old links their old meaning, add `fn vN_to_vN1(pairs) -> pairs`
/// and call it here when `version <= N`, oldest step first, so every old link passes
/// through each later step. Version 1 is the first version: there is nothing to rewrite yet.
fn migrate(version: u32, pairs: Pairs) -> Pairs {
    let _ = version;
    pairs
}

/// `Scenario::default()` with [`REFERENCE_V1`] applied: what a link's missing fields mean
/// when it names no preset, or one this version does not know.
fn reference() -> &'static Scenario {
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

fn reference_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| reference().to_value())
}

/// One field value as link text: numbers in their shortest exact form, bools as 1/0,
/// an absent optional number as nothing.
fn value_text(value: &Value) -> String {
    match value {
        Value::Bool(b) => (if *b { "1" } else { "0" }).into(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() => number_text(x),
            _ => n.to_string(),
        },
        Value::String(s) => escape(s),
        // Null is an absent optional; no field holds arrays or objects.
        _ => String::new(),
    }
}

/// Rust's `{}` prints the shortest digits that parse back to the same f64, and whole
/// numbers without `.0`; it spells out every zero of extreme magnitudes, though, so the
/// exponent form (also shortest, also exact) is used when that is shorter.
fn number_text(x: f64) -> String {
    // -0 reads back as 0 anyway; writing it plainly keeps one spelling per link.
    if x == 0.0 {
        return "0".into();
    }
    let plain = format!("{x}");
    let exponent = format!("{x:e}");
    if plain.len() > 12 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// Percent-encodes every byte but the RFC 3986 unreserved characters, which every tool
/// leaves alone. Characters a query may hold unencoded, such as `( ) ' , ! *`, are encoded
/// too: mail, chat and Markdown end or rewrite links at them. A final `.`, `_` or `~` is
/// encoded for the same reason: many programs drop trailing punctuation from a link.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, b) in text.bytes().enumerate() {
        let last = i + 1 == text.len();
        if b.is_ascii_alphanumeric() || b == b'-' || (!last && matches!(b, b'.' | b'_' | b'~')) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-decodes a key or value as URLSearchParams does (`+` is a space; a `%` without
/// two hex digits after it stays as it is), except that bytes which are not UTF-8 are
/// refused instead of silently becoming replacement characters.
fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 2;
            }
            (b'+', _, _) => out.push(b' '),
            (b, _, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The query of a URL, `?query` or bare query, without any `#fragment`.
fn query_part(input: &str) -> &str {
    let input = input.split('#').next().unwrap_or_default();
    match input.split_once('?') {
        // Text before `?` holding a `=` means a bare query with a `?` in a value.
        Some((before, query)) if !before.contains('=') => query,
        _ if input.starts_with('/') || has_scheme(input) => "",
        _ => input,
    }
}

/// `https://…`, `file://…`: a URL without a query, not a bare query.
fn has_scheme(input: &str) -> bool {
    input
        .find("://")
        .is_some_and(|i| i > 0 && input[..i].bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A notice about one key, naming its canonical field when the key is known.
fn notice(key: &str, problem: impl std::fmt::Display) -> FieldError {
    let field = match key {
        "v" => "version",
        "p" => "preset",
        _ => FIELDS
            .iter()
            .find(|f| f.alias == key)
            .map_or(LINK_NOTICE_FIELD, |f| f.path),
    };
    FieldError {
        field: field.into(),
        message: format!("link key {}: {problem}", shown(key)),
    }
}

fn link_notice(message: String) -> FieldError {
    FieldError {
        field: LINK_NOTICE_FIELD.into(),
        message,
    }
}

/// Quotes link text for a message: escaped, and cut short so one bad key cannot flood it.
fn shown(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let head: String = text.chars().take(MAX_CHARS).collect();
    let more = if text.chars().nth(MAX_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("\"{}{more}\"", head.escape_debug())
}
