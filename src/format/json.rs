//! The report as JSON for people and scripts: the model's figures (US dollars, as their
//! names say) with every fact also worded in the display currency, at the paths
//! docs/CLI.md documents (`decision.summary`, `decision.reasons[].text`,
//! `options.hybrid.explanation`, `flip_points.*.text`, `hybrid.strategies[].explanation`).

use serde::Serialize;
use serde_json::{Map, Value};

use super::money::Money;
use super::words;
use crate::model::{FlipPoints, HybridComparison, HybridOption, Report};

fn value<T: Serialize + ?Sized>(x: &T) -> Value {
    // The model's types are plain structs with string keys: serialising them cannot fail.
    serde_json::to_value(x).unwrap_or_default()
}

fn set(v: &mut Value, key: &str, text: String) {
    if let Value::Object(map) = v {
        map.insert(key.into(), Value::String(text));
    }
}

/// The report with its sentences.
pub fn report(r: &Report, m: &Money) -> Value {
    let mut v = value(r);
    if let Some(d) = v.get_mut("decision") {
        set(d, "summary", words::headline(&r.decision.headline, m));
        if let Some(Value::Array(reasons)) = d.get_mut("reasons") {
            for (json, reason) in reasons.iter_mut().zip(&r.decision.reasons) {
                set(json, "text", words::reason(reason, m));
            }
        }
    }
    if let Some(h) = v.pointer_mut("/options/hybrid") {
        set(h, "explanation", words::split(&r.options.hybrid.split, m));
    }
    v
}

/// A hybrid option with its explanation.
pub fn hybrid_option(o: &HybridOption, m: &Money) -> Value {
    let mut v = value(o);
    set(&mut v, "explanation", words::split(&o.split, m));
    v
}

/// The flip points with their sentences.
pub fn flip_points(f: &FlipPoints, m: &Money) -> Value {
    let mut v = Map::new();
    for (key, p) in [
        ("volume", &f.volume),
        ("api_price", &f.api_price),
        ("gpu_price", &f.gpu_price),
    ] {
        let mut point = value(p);
        set(&mut point, "text", words::flip(&p.fact, m));
        v.insert(key.into(), point);
    }
    Value::Object(v)
}

/// The hybrid strategies side by side, each with its explanation.
pub fn hybrid(h: &HybridComparison, m: &Money) -> Value {
    let mut v = value(h);
    if let Some(list) = v.get_mut("strategies") {
        *list = Value::Array(h.strategies.iter().map(|o| hybrid_option(o, m)).collect());
    }
    v
}
