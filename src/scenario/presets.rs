//! Presets as whole scenarios: the catalog holds each preset's overlay as JSON, laid here
//! over the default scenario.

use std::sync::{LazyLock, OnceLock};

use serde_json::Value;

use super::json::merge;
use super::whole::Scenario;
use crate::catalog::{self, Preset};

/// Each preset's full scenario, resolved the first time it is asked for (same order as
/// `catalog::presets()`): the page's start-up needs one of them at most.
static RESOLVED: LazyLock<Vec<OnceLock<Result<Scenario, String>>>> =
    LazyLock::new(|| catalog::presets().iter().map(|_| OnceLock::new()).collect());

/// Lays a preset's overlay over the default scenario. Only serde runs here (no
/// validation), so resolving a preset never calls back into preset lookup.
fn resolve(preset: &Preset) -> Result<Scenario, String> {
    let mut value = Scenario::default().to_value();
    merge(&mut value, &preset.scenario);
    if let Value::Object(m) = &mut value {
        m.insert("preset".into(), Value::String(preset.id.clone()));
    }
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn resolved(i: usize) -> Option<&'static Result<Scenario, String>> {
    let preset = catalog::presets().get(i)?;
    Some(RESOLVED.get(i)?.get_or_init(|| resolve(preset)))
}

/// The full scenario a preset stands for.
pub fn preset_scenario(id: &str) -> Option<Scenario> {
    let i = catalog::presets().iter().position(|p| p.id == id)?;
    resolved(i)?.as_ref().ok().cloned()
}

/// Presets whose overlay does not resolve to a scenario (empty when all is well).
pub fn preset_errors() -> Vec<String> {
    catalog::presets()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            resolved(i)?
                .as_ref()
                .err()
                .map(|e| format!("presets.json: preset \"{}\": {e}", p.id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{preset, preset_ids, presets};

    #[test]
    fn presets_resolve_and_validate() {
        assert!(preset_errors().is_empty(), "{:?}", preset_errors());
        assert_eq!(preset_ids().first(), Some(&"document-processing"));
        // The default scenario IS the document-processing preset: its overlay is empty.
        assert_eq!(
            preset("document-processing").unwrap().scenario,
            serde_json::json!({})
        );
        assert_eq!(
            preset_scenario("document-processing"),
            Some(Scenario::default())
        );
        assert!(preset_ids().len() >= 5);
        for p in presets() {
            assert!(!p.name.is_empty() && !p.description.is_empty(), "{}", p.id);
            let s = preset_scenario(&p.id).unwrap_or_else(|| panic!("{} does not resolve", p.id));
            assert_eq!(s.preset, p.id);
            s.validate().unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
            // A link that names only the preset reproduces it.
            let json = format!("{{\"preset\": \"{}\"}}", p.id);
            assert_eq!(Scenario::from_json(&json), Ok(s));
        }
        assert_eq!(preset_scenario("no-such-preset"), None);
    }
}
