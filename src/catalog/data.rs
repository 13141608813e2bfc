//! The data files, compiled into the binary and parsed once on first use, and the
//! lookups over them.

use std::sync::LazyLock;

use super::types::{ApiModel, Gpu, OpenModel, Preset, ThroughputPoint};
use super::vocab::{CatalogList, Quantization};

struct Catalog {
    api_models: Vec<ApiModel>,
    open_models: Vec<OpenModel>,
    gpus: Vec<Gpu>,
    throughput: Vec<ThroughputPoint>,
    presets: Vec<Preset>,
    errors: Vec<String>,
}

pub(super) const API_MODELS_JSON: &str = include_str!("data/api_models.json");
pub(super) const OPEN_MODELS_JSON: &str = include_str!("data/open_models.json");
pub(super) const GPUS_JSON: &str = include_str!("data/gpus.json");
pub(super) const THROUGHPUT_JSON: &str = include_str!("data/throughput.json");
pub(super) const PRESETS_JSON: &str = include_str!("data/presets.json");

fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    errors: &mut Vec<String>,
) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_else(|e| {
        errors.push(format!("{file}: {e}"));
        Vec::new()
    })
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let mut errors = Vec::new();
    let api_models = parse("api_models.json", API_MODELS_JSON, &mut errors);
    let open_models = parse("open_models.json", OPEN_MODELS_JSON, &mut errors);
    let gpus = parse("gpus.json", GPUS_JSON, &mut errors);
    let throughput = parse("throughput.json", THROUGHPUT_JSON, &mut errors);
    let presets = parse("presets.json", PRESETS_JSON, &mut errors);
    Catalog {
        api_models,
        open_models,
        gpus,
        throughput,
        presets,
        errors,
    }
});

/// Data files that do not parse (empty when all is well). Whether each preset's overlay
/// makes a valid scenario is the scenario's to say: `scenario::presets::preset_errors`.
pub fn load_errors() -> Vec<String> {
    CATALOG.errors.clone()
}

/// Catalog ids of a list, in display order (API models end with `custom`).
pub fn ids(list: CatalogList) -> Vec<&'static str> {
    let c: &'static Catalog = &CATALOG;
    match list {
        CatalogList::ApiModels => c.api_models.iter().map(|m| m.id.as_str()).collect(),
        CatalogList::OpenModels => c.open_models.iter().map(|m| m.id.as_str()).collect(),
        CatalogList::Gpus => c.gpus.iter().map(|g| g.id.as_str()).collect(),
        CatalogList::Presets => c.presets.iter().map(|p| p.id.as_str()).collect(),
    }
}

/// Ids of the presets, in display order.
pub fn preset_ids() -> Vec<&'static str> {
    ids(CatalogList::Presets)
}

pub fn api_models() -> &'static [ApiModel] {
    &CATALOG.api_models
}

pub fn open_models() -> &'static [OpenModel] {
    &CATALOG.open_models
}

pub fn gpus() -> &'static [Gpu] {
    &CATALOG.gpus
}

pub fn throughput_points() -> &'static [ThroughputPoint] {
    &CATALOG.throughput
}

pub fn presets() -> &'static [Preset] {
    &CATALOG.presets
}

pub fn api_model(id: &str) -> Option<&'static ApiModel> {
    CATALOG.api_models.iter().find(|m| m.id == id)
}

pub fn open_model(id: &str) -> Option<&'static OpenModel> {
    CATALOG.open_models.iter().find(|m| m.id == id)
}

pub fn gpu(id: &str) -> Option<&'static Gpu> {
    CATALOG.gpus.iter().find(|g| g.id == id)
}

pub fn preset(id: &str) -> Option<&'static Preset> {
    CATALOG.presets.iter().find(|p| p.id == id)
}

/// The measured throughput for exactly this model x GPU x quantization x GPUs per replica.
pub fn throughput(
    model: &str,
    gpu: &str,
    quantization: Quantization,
    gpus: u32,
) -> Option<&'static ThroughputPoint> {
    CATALOG.throughput.iter().find(|t| {
        t.model == model && t.gpu == gpu && t.quantization == quantization && t.gpus == gpus
    })
}
