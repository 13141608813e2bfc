//! The codec: a scenario to the shortest link that reads back as it, and any link back
//! to a scenario with a notice for each problem.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde_json::Value;

use super::escape::{escape, query_part, unescape};
use super::frozen::{
    PRESETS_V1, WIDENED_V1, field_alias, frozen_preset, reference, reference_value,
};
use super::notice::{link_notice, notice, shown};
use crate::scenario::{CURRENT_VERSION, FIELDS, FieldError, Scenario, json_pointer};

/// Page settings that may ride along in a link; they are not part of the scenario.
pub const EXTRA_KEYS: [&str; 4] = ["embed", "theme", "accent", "sections"];

/// Only this many bytes of a query are read: a real link is under 2,000.
pub const MAX_QUERY_BYTES: usize = 8192;

/// Only this many keys are read: a link that sets every field has about 60.
pub const MAX_KEYS: usize = 200;

/// A link read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// Always valid: whatever could not be applied was left at its reference value.
    pub scenario: Scenario,
    /// One per problem, in link order; `field` is the canonical path, `version`, `preset`
    /// or [`LINK_NOTICE_FIELD`](super::notice::LINK_NOTICE_FIELD).
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
            let _ = write!(out, "&{}={}", key_for(spec.alias, value), value_text(value));
        }
    }
    out
}

/// Reads a full URL, `?query` or bare query. Never fails: each problem becomes a notice
/// and the rest of the link is still applied.
pub fn decode(query_or_url: &str) -> Decoded {
    let mut notices = Vec::new();
    let mut pairs = read_pairs(query_or_url, &mut notices);

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
        // The first value wins, as with URLSearchParams.get in the page; a field's two
        // keys count as one.
        if !seen.insert(field_alias(&key).to_string()) {
            notices.push(notice(
                &key,
                "appears more than once; the first value was used",
            ));
        } else if EXTRA_KEYS.contains(&key.as_str()) {
            extras.push((key, value));
        } else if let Some(problem) = apply(&mut scenario, &key, &value) {
            notices.push(notice(&key, problem));
        }
    }
    Decoded {
        scenario,
        notices,
        extras,
    }
}

/// The link's `key=value` pairs, percent-decoded, within the length and key limits.
fn read_pairs(query_or_url: &str, notices: &mut Vec<FieldError>) -> Pairs {
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
    pairs
}

/// Applies one scenario key (`p` or a field alias) of a link; the problem, if any.
fn apply(scenario: &mut Scenario, key: &str, value: &str) -> Option<String> {
    if key == "p" {
        // The preset was applied first, as the base; here only a bad id is reported.
        return frozen_preset(value).is_none().then(|| {
            let ids: Vec<&str> = PRESETS_V1.iter().map(|(id, _)| *id).collect();
            format!(
                "unknown preset {}, read as \"{}\" with its values (allowed: {})",
                shown(value),
                scenario.preset,
                ids.join(", ")
            )
        });
    }
    let Some(spec) = FIELDS.iter().find(|f| f.alias == field_alias(key)) else {
        return Some("unknown key; ignored".into());
    };
    if let Some(w) = WIDENED_V1.iter().find(|w| w.alias == key)
        && !w.v1_values.contains(&value)
    {
        return Some(format!(
            "must be one of {} (got {}; ignored)",
            w.v1_values.join(", "),
            shown(value)
        ));
    }
    spec.parse_text(value)
        .and_then(|v| scenario.set(spec.path, v))
        .err()
        .map(|e| format!("{} (got {}; ignored)", e.message, shown(value)))
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

/// Rewrites the keys and values of a link written by an older version into the current
/// version's.
///
/// This is the one place for version steps. When version N+1 renames a key, respells a
/// value, or must give old links their old meaning, add `fn vN_to_vN1(pairs) -> pairs`
/// and call it here when the link's version is N or lower, oldest step first, so every
/// old link passes through each later step. Version 1 is the first version: nothing is
/// rewritten yet, so the version goes unread.
fn migrate(_version: u32, pairs: Pairs) -> Pairs {
    pairs
}

/// The key a field's value is written under: its version 1 key, unless the value is one
/// that key never took.
fn key_for(alias: &'static str, value: &Value) -> &'static str {
    match WIDENED_V1.iter().find(|w| w.alias == alias) {
        Some(w) if value.as_str().is_some_and(|v| !w.v1_values.contains(&v)) => w.key,
        _ => alias,
    }
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
