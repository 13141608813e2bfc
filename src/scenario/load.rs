//! Reading a partial scenario: its version checked, laid over the preset it names, every
//! field checked before serde sees it.

use serde_json::{Map, Value};

use super::error::FieldError;
use super::fields::{FIELDS, FieldKind, FieldSpec};
use super::json::{json_pointer, merge};
use super::presets::preset_scenario;
use super::whole::{CURRENT_VERSION, Scenario};
use crate::catalog::{self, CatalogList};

/// Checks a partial scenario's `version` (absent means the current one).
fn check_version(map: &Map<String, Value>) -> Result<(), FieldError> {
    let Some(v) = map.get("version") else {
        return Ok(());
    };
    match v.as_u64() {
        Some(n) if n >= 1 && n <= u64::from(CURRENT_VERSION) => Ok(()),
        Some(n) if n > u64::from(CURRENT_VERSION) => Err(FieldError::new(
            "version",
            format!(
                "version {n} is newer than this calculator understands (1 to {CURRENT_VERSION})"
            ),
        )),
        _ => Err(FieldError::new(
            "version",
            format!("must be a whole number from 1 to {CURRENT_VERSION}"),
        )),
    }
}

/// The full scenario of the preset a partial scenario names (the default one when it
/// names none).
fn base_preset(map: &Map<String, Value>) -> Result<Scenario, FieldError> {
    let preset_id = match map.get("preset") {
        None => Scenario::default().preset,
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(FieldError::new("preset", "must be the id of a preset")),
    };
    preset_scenario(&preset_id).ok_or_else(|| {
        FieldError::new(
            "preset",
            format!(
                "unknown preset \"{}\"; allowed: {}",
                preset_id,
                catalog::ids(CatalogList::Presets).join(", ")
            ),
        )
    })
}

impl Scenario {
    /// Builds a scenario from a partial canonical JSON value, laid over the preset it
    /// names (or the default preset). Every problem is reported with its field; nothing panics.
    pub fn from_value(partial: &Value) -> Result<Scenario, Vec<FieldError>> {
        let Value::Object(map) = partial else {
            return Err(vec![FieldError::new("(scenario)", "must be a JSON object")]);
        };
        check_version(map).map_err(|e| vec![e])?;
        // The place for migrations: version 1 is the only version so far, so a valid
        // version needs no rewriting. A later version that renames or re-means a field
        // rewrites `partial` here, one step per older version, before it meets its preset.
        let base = base_preset(map).map_err(|e| vec![e])?;
        let mut merged = base.to_value();
        merge(&mut merged, partial);
        if let Value::Object(m) = &mut merged {
            m.insert("version".into(), Value::from(CURRENT_VERSION));
        }
        // Checked field by field before serde sees the value, so that a wrong type or a
        // value out of range is reported with its field and range (serde's own message
        // names the value, not the field), and `240.0` is read as the whole number it is.
        let mut errors = Vec::new();
        for spec in FIELDS {
            if let Some(slot) = merged.pointer_mut(&json_pointer(spec.path)) {
                whole_number_as_integer(spec, slot);
            }
            if let Err(e) = spec.check(&merged) {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let scenario: Scenario = serde_json::from_value(merged).map_err(|e| {
            let message = e.to_string();
            let leaf = serde_error_field(&message);
            vec![FieldError::new(
                &key_path(partial, &leaf).unwrap_or(leaf),
                message,
            )]
        })?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Parses canonical JSON text (see [`Scenario::from_value`]).
    /// A leading UTF-8 byte-order mark, which some editors write, is skipped.
    pub fn from_json(text: &str) -> Result<Scenario, Vec<FieldError>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![FieldError::new(
                "(scenario)",
                format!("not valid JSON: {e}"),
            )]
        })?;
        Scenario::from_value(&value)
    }
}

/// An integer field's `24.0` becomes `24`, which the u32 behind it accepts.
fn whole_number_as_integer(spec: &FieldSpec, slot: &mut Value) {
    if let (FieldKind::Number { integer: true, .. }, Some(x)) = (spec.kind, slot.as_f64())
        && slot.is_f64()
        && x.fract() == 0.0
        && (0.0..=f64::from(u32::MAX)).contains(&x)
    {
        *slot = Value::from(x as u64);
    }
}

/// The dotted path of the first key called `key` in `value` (depth first): serde names
/// an unknown nested field by its own name only, the reader needs where it is.
fn key_path(value: &Value, key: &str) -> Option<String> {
    let Value::Object(m) = value else {
        return None;
    };
    if m.contains_key(key) {
        return Some(key.to_string());
    }
    m.iter()
        .find_map(|(k, v)| key_path(v, key).map(|rest| format!("{k}.{rest}")))
}

/// serde's messages name the field with "unknown field `x`" or "invalid type ... for key";
/// keep the field when it can be found, else the whole scenario.
fn serde_error_field(message: &str) -> String {
    if let Some(start) = message.find('`')
        && let Some(len) = message[start + 1..].find('`')
    {
        return message[start + 1..start + 1 + len].to_string();
    }
    "(scenario)".into()
}
