//! The built-in catalog: API models, open-weight models, GPUs, measured throughput and
//! presets. Every figure carries its source and an "as of" date.

use crate::scenario::Scenario;
use crate::scenario::fields::CatalogList;

/// Catalog ids of a list, in display order (API models end with `custom`).
pub fn ids(list: CatalogList) -> Vec<&'static str> {
    match list {
        CatalogList::ApiModels => vec![
            "gpt-4o", "gpt-4o-mini", "claude-3.5-sonnet", "claude-3.5-haiku",
            "gemini-1.5-pro", "gemini-1.5-flash", "custom",
        ],
        CatalogList::OpenModels => {
            vec!["llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b", "phi-3-mini"]
        }
        CatalogList::Gpus => vec!["a100-80gb", "h100-sxm", "h100-pcie", "l4", "rtx-4090"],
    }
}

/// Ids of the presets, in display order.
pub fn preset_ids() -> Vec<&'static str> {
    vec!["document-processing"]
}

/// The full scenario a preset stands for.
pub fn preset_scenario(id: &str) -> Option<Scenario> {
    (id == "document-processing").then(Scenario::default)
}
