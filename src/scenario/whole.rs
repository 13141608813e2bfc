//! The whole scenario: its sections, its defaults, and reading, checking and setting
//! fields by canonical path.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::FieldError;
use super::fields::{FIELDS, FieldSpec, field};
use super::hosting::{Cloud, Owned, SelfHost};
use super::json::{json_pointer, put};
use super::org::{Criteria, Hybrid, Org};
use super::workload::{Api, Workload};

/// The schema version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 1;

/// A whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    /// Id of the preset the scenario starts from.
    pub preset: String,
    /// Free text; only ever shown as text.
    pub name: String,
    pub workload: Workload,
    pub api: Api,
    pub self_host: SelfHost,
    pub cloud: Cloud,
    pub owned: Owned,
    pub hybrid: Hybrid,
    pub org: Org,
    pub criteria: Criteria,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            preset: "document-processing".into(),
            name: String::new(),
            workload: Workload::default(),
            api: Api::default(),
            self_host: SelfHost::default(),
            cloud: Cloud::default(),
            owned: Owned::default(),
            hybrid: Hybrid::default(),
            org: Org::default(),
            criteria: Criteria::default(),
        }
    }
}

impl Scenario {
    /// The scenario as a JSON value (the canonical form).
    pub fn to_value(&self) -> Value {
        // Serialising plain structs of numbers, strings and enums cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Checks every field against its allowed values and ranges.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let value = self.to_value();
        let errors: Vec<FieldError> = FIELDS
            .iter()
            .filter_map(|spec| spec.check(&value).err())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Reads one field by canonical path (`null` when an optional field is absent).
    pub fn get(&self, path: &str) -> Value {
        self.to_value()
            .pointer(&json_pointer(path))
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Sets one field by canonical path, checking the value against the field's spec.
    /// On error the scenario is left unchanged.
    pub fn set(&mut self, path: &str, value: Value) -> Result<(), FieldError> {
        let Some(spec) = field(path) else {
            return Err(FieldError::new(path, "unknown field"));
        };
        let mut whole = self.to_value();
        put(&mut whole, path, value);
        self.replace_checked(whole, spec)
    }

    /// Sets several fields, as [`Scenario::set`] for each in turn would: a value its field
    /// refuses is skipped with its error and the others apply. One JSON round trip in all
    /// instead of one per field (a preset's frozen link text sets dozens at start-up).
    pub fn set_many<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a str, Value)>,
    ) -> Vec<FieldError> {
        let items: Vec<(&str, Value)> = items.into_iter().collect();
        let mut whole = self.to_value();
        let mut errors = Vec::new();
        for (path, value) in &items {
            let Some(spec) = field(path) else {
                errors.push(FieldError::new(path, "unknown field"));
                continue;
            };
            match spec.check_value(value) {
                Ok(()) => put(&mut whole, path, value.clone()),
                Err(e) => errors.push(e),
            }
        }
        match serde_json::from_value::<Scenario>(whole) {
            Ok(parsed) => *self = parsed,
            // A combination the types refuse although each field passed its check: one at
            // a time, which names the field.
            Err(_) => {
                errors.clear();
                for (path, value) in items {
                    if let Err(e) = self.set(path, value) {
                        errors.push(e);
                    }
                }
            }
        }
        errors
    }

    fn replace_checked(&mut self, whole: Value, spec: &FieldSpec) -> Result<(), FieldError> {
        spec.check(&whole)?;
        let parsed: Scenario = serde_json::from_value(whole)
            .map_err(|_| FieldError::new(spec.path, spec.allowed()))?;
        *self = parsed;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::fields::FieldKind;

    /// The choice lists come from strum and the JSON from serde: every id a choice field
    /// offers must set the field and read back as itself.
    #[test]
    fn every_choice_id_is_the_json_id() {
        let mut choices = 0;
        for spec in FIELDS {
            let FieldKind::Choice(ids) = spec.kind else {
                continue;
            };
            for id in ids {
                let mut s = Scenario::default();
                assert_eq!(s.set(spec.path, Value::from(*id)), Ok(()), "{}", spec.path);
                assert_eq!(s.get(spec.path), Value::from(*id), "{}", spec.path);
                choices += 1;
            }
        }
        // fp16/fp8/int8/int4/fp4, KV cache fp16/fp8, 3 tiers, 3 billings, 3 strategies,
        // 3 sensitivities, 3 patterns.
        assert_eq!(choices, 22);
    }
}
