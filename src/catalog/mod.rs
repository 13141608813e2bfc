//! The built-in catalog: API models, open-weight models, GPUs, measured throughput and
//! presets. Every figure carries its source and an "as of" date.
//!
//! The data lives in `src/catalog/data/*.json`, compiled into the binary and parsed once
//! on first use. A file that fails to parse leaves its list empty (and is recorded in
//! [`load_errors`]) instead of panicking: a panic in WebAssembly kills the page. The unit
//! tests below parse every file, so a broken file never ships.

use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::scenario::fields::CatalogList;
use crate::scenario::{Quantization, Scenario};

/// A per-token cloud API model. `custom` has no prices: the scenario supplies them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiModel {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub input_usd_per_mtok: Option<f64>,
    pub output_usd_per_mtok: Option<f64>,
    /// Price of input tokens served from the provider's prompt cache.
    pub cached_input_usd_per_mtok: Option<f64>,
    /// Discount of the provider's batch API on list prices.
    pub batch_discount_pct: Option<f64>,
    pub source: String,
    pub as_of: String,
}

/// An open-weight model: what memory sizing and the roofline estimate need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenModel {
    pub id: String,
    pub name: String,
    pub params_billion: f64,
    pub layers: u32,
    /// Key/value heads (fewer than attention heads with grouped-query attention).
    pub kv_heads: u32,
    pub head_dim: u32,
    pub context_tokens: u32,
    // What the serving estimate needs beyond size and attention shape. Each field has a
    // default so a row without it still loads as a dense model with full attention.
    /// Query heads; 0 when not given (then the KV heads stand in).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attention_heads: u32,
    /// Parameters one token runs through; absent for a dense model (all of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_params_billion: Option<f64>,
    /// Routed experts per mixture-of-experts layer; 0 for a dense model.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub experts: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub experts_per_token: u32,
    /// Width of the compressed key/value latent cached per layer with multi-head latent
    /// attention (DeepSeek: kv_lora_rank 512 + rope 64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mla_latent_dim: Option<u32>,
    /// Layers that attend only to the last `sliding_window_tokens` tokens.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sliding_window_layers: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sliding_window_tokens: u32,
    /// Precision of the released weights: "bf16", "fp8" or "mxfp4".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_precision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub source: String,
    pub as_of: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl OpenModel {
    /// KV-cache bytes one token occupies in every layer: keys and values (2) x layers x
    /// KV heads x head dim x bytes per element, or layers x latent width x bytes with
    /// multi-head latent attention.
    pub fn kv_bytes_per_token(&self, bytes_per_element: f64) -> f64 {
        match self.mla_latent_dim {
            Some(latent) => f64::from(self.layers) * f64::from(latent) * bytes_per_element,
            None => {
                2.0 * f64::from(self.layers)
                    * f64::from(self.kv_heads)
                    * f64::from(self.head_dim)
                    * bytes_per_element
            }
        }
    }
}

/// Cloud list prices of one GPU by pricing tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpuHourPrices {
    pub on_demand: f64,
    pub reserved: f64,
    pub spot: f64,
}

/// An accelerator, rented or bought.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gpu {
    pub id: String,
    pub name: String,
    /// Memory in decimal gigabytes (1e9 bytes).
    pub vram_gb: f64,
    /// Memory as sold, in GiB (80 GB of HBM is 80 GiB); absent in rows that predate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gib: Option<f64>,
    pub bandwidth_gb_per_sec: f64,
    /// Dense BF16 tensor throughput (no sparsity).
    pub bf16_tflops: f64,
    /// Dense FP8 and FP4 tensor throughput, where the GPU has such tensor cores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp8_tflops: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp4_tflops: Option<f64>,
    /// FP8 tensor cores: FP8 weights then also double the compute rate.
    pub fp8_support: bool,
    pub tdp_watts: f64,
    pub purchase_usd: f64,
    pub cloud_usd_per_gpu_hour: GpuHourPrices,
    pub source: String,
    pub as_of: String,
}

impl Gpu {
    /// The catalog price of the given pricing tier.
    pub fn usd_per_gpu_hour(&self, pricing: crate::scenario::Pricing) -> f64 {
        use crate::scenario::Pricing;
        match pricing {
            Pricing::OnDemand => self.cloud_usd_per_gpu_hour.on_demand,
            Pricing::Reserved => self.cloud_usd_per_gpu_hour.reserved,
            Pricing::Spot => self.cloud_usd_per_gpu_hour.spot,
        }
    }
}

/// A measured throughput: one replica of `gpus` GPUs serving `model` at `quantization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThroughputPoint {
    pub model: String,
    pub gpu: String,
    pub quantization: Quantization,
    pub gpus: u32,
    /// Aggregate output tokens per second of the replica under a batched load.
    pub output_tokens_per_sec: f64,
    // The run's conditions: a point applies to another workload only after scaling.
    /// Serving engine and version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// Mean prompt and output tokens per request of the run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<f64>,
    /// Requests in flight; absent for a max-throughput run (as many as memory allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<f64>,
    /// Bits per cached key/value element in the run; absent means 16.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kv_cache_bits: Option<u32>,
    /// How the replica splits the model, e.g. "TP2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallelism: Option<String>,
    pub source: String,
    pub as_of: String,
}

/// A named starting point: a partial scenario laid over `Scenario::default()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Partial canonical scenario JSON; `{}` for the default preset.
    pub scenario: Value,
}

struct Catalog {
    api_models: Vec<ApiModel>,
    open_models: Vec<OpenModel>,
    gpus: Vec<Gpu>,
    throughput: Vec<ThroughputPoint>,
    presets: Vec<Preset>,
    /// Each preset's full scenario, resolved the first time it is asked for (same order
    /// as `presets`): the page's start-up needs one of them at most.
    preset_scenarios: Vec<OnceLock<Result<Scenario, String>>>,
    errors: Vec<String>,
}

const API_MODELS_JSON: &str = include_str!("data/api_models.json");
const OPEN_MODELS_JSON: &str = include_str!("data/open_models.json");
const GPUS_JSON: &str = include_str!("data/gpus.json");
const THROUGHPUT_JSON: &str = include_str!("data/throughput.json");
const PRESETS_JSON: &str = include_str!("data/presets.json");

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
    let presets: Vec<Preset> = parse("presets.json", PRESETS_JSON, &mut errors);
    let preset_scenarios = presets.iter().map(|_| OnceLock::new()).collect();
    Catalog {
        api_models,
        open_models,
        gpus,
        throughput,
        presets,
        preset_scenarios,
        errors,
    }
});

/// Lays a preset's overlay over the default scenario. Only serde runs here (no
/// validation), so building the catalog never calls back into itself.
fn resolve_preset(preset: &Preset) -> Result<Scenario, String> {
    let mut value = Scenario::default().to_value();
    crate::scenario::merge(&mut value, &preset.scenario);
    if let Value::Object(m) = &mut value {
        m.insert("preset".into(), Value::String(preset.id.clone()));
    }
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// Problems found in the data files (empty when all is well): files that do not parse,
/// and presets whose scenario does not resolve.
pub fn load_errors() -> Vec<String> {
    let c: &'static Catalog = &CATALOG;
    let presets = c.presets.iter().enumerate().filter_map(|(i, p)| {
        resolved_preset(i)?
            .as_ref()
            .err()
            .map(|e| format!("presets.json: preset \"{}\": {e}", p.id))
    });
    c.errors.iter().cloned().chain(presets).collect()
}

fn resolved_preset(i: usize) -> Option<&'static Result<Scenario, String>> {
    let c: &'static Catalog = &CATALOG;
    Some(
        c.preset_scenarios
            .get(i)?
            .get_or_init(|| resolve_preset(&c.presets[i])),
    )
}

/// Catalog ids of a list, in display order (API models end with `custom`).
pub fn ids(list: CatalogList) -> Vec<&'static str> {
    let c: &'static Catalog = &CATALOG;
    match list {
        CatalogList::ApiModels => c.api_models.iter().map(|m| m.id.as_str()).collect(),
        CatalogList::OpenModels => c.open_models.iter().map(|m| m.id.as_str()).collect(),
        CatalogList::Gpus => c.gpus.iter().map(|g| g.id.as_str()).collect(),
    }
}

/// Ids of the presets, in display order.
pub fn preset_ids() -> Vec<&'static str> {
    CATALOG.presets.iter().map(|p| p.id.as_str()).collect()
}

/// The full scenario a preset stands for.
pub fn preset_scenario(id: &str) -> Option<Scenario> {
    let c: &Catalog = &CATALOG;
    let i = c.presets.iter().position(|p| p.id == id)?;
    resolved_preset(i)?.as_ref().ok().cloned()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses() {
        assert!(load_errors().is_empty(), "{:?}", load_errors());
        for (file, text) in [
            ("api_models", API_MODELS_JSON),
            ("open_models", OPEN_MODELS_JSON),
            ("gpus", GPUS_JSON),
            ("throughput", THROUGHPUT_JSON),
            ("presets", PRESETS_JSON),
        ] {
            let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(
                v.as_array().is_some_and(|a| !a.is_empty()),
                "{file} is an empty list"
            );
        }
        assert!(!api_models().is_empty() && !open_models().is_empty() && !gpus().is_empty());
        assert!(!throughput_points().is_empty() && !presets().is_empty());
    }

    #[test]
    fn ids_are_the_stable_link_ids() {
        assert_eq!(
            ids(CatalogList::ApiModels),
            [
                "gpt-4o",
                "gpt-4o-mini",
                "claude-3.5-sonnet",
                "claude-3.5-haiku",
                "gemini-1.5-pro",
                "gemini-1.5-flash",
                "custom"
            ]
        );
        assert_eq!(
            ids(CatalogList::OpenModels),
            [
                "llama-3.1-8b",
                "llama-3.1-70b",
                "llama-3.1-405b",
                "mistral-7b",
                "phi-3-mini",
                "llama-3.3-70b",
                "llama-4-scout",
                "llama-4-maverick",
                "qwen3-8b",
                "qwen3-32b",
                "qwen3-30b-a3b",
                "qwen3-235b-a22b",
                "gpt-oss-20b",
                "gpt-oss-120b",
                "deepseek-r1",
                "deepseek-v3",
                "mistral-small-3.2-24b",
                "gemma-3-27b"
            ]
        );
        assert_eq!(
            ids(CatalogList::Gpus),
            [
                "a100-80gb",
                "h100-sxm",
                "h100-pcie",
                "l4",
                "rtx-4090",
                "h200",
                "b200",
                "mi300x",
                "l40s",
                "rtx-5090"
            ]
        );
    }

    #[test]
    fn every_entry_is_sourced_dated_and_sane() {
        for m in api_models().iter().filter(|m| m.id != "custom") {
            assert!(
                !m.source.is_empty() && !m.as_of.is_empty() && !m.name.is_empty(),
                "{}",
                m.id
            );
            assert!(m.input_usd_per_mtok.is_some_and(|p| p > 0.0), "{}", m.id);
            assert!(m.output_usd_per_mtok.is_some_and(|p| p > 0.0), "{}", m.id);
        }
        let custom = api_model("custom").expect("custom");
        assert!(custom.input_usd_per_mtok.is_none() && custom.output_usd_per_mtok.is_none());
        for m in open_models() {
            assert!(!m.source.is_empty() && !m.as_of.is_empty(), "{}", m.id);
            assert!(m.params_billion > 0.0 && m.layers > 0 && m.kv_heads > 0 && m.head_dim > 0);
        }
        for g in gpus() {
            assert!(!g.source.is_empty() && !g.as_of.is_empty(), "{}", g.id);
            let p = g.cloud_usd_per_gpu_hour;
            assert!(
                p.spot <= p.reserved + 0.2 && p.reserved <= p.on_demand,
                "{}",
                g.id
            );
            assert!(g.vram_gb > 0.0 && g.bandwidth_gb_per_sec > 0.0 && g.bf16_tflops > 0.0);
        }
        for t in throughput_points() {
            assert!(
                open_model(&t.model).is_some() && gpu(&t.gpu).is_some(),
                "{t:?}"
            );
            assert!(t.output_tokens_per_sec > 0.0 && !t.source.is_empty() && !t.as_of.is_empty());
        }
    }

    #[test]
    fn kv_bytes_match_the_reference_table() {
        let kib = |id: &str| open_model(id).unwrap().kv_bytes_per_token(2.0) / 1024.0;
        assert_eq!(kib("llama-3.1-8b"), 128.0);
        assert_eq!(kib("llama-3.1-70b"), 320.0);
        assert_eq!(kib("llama-3.1-405b"), 504.0);
    }

    #[test]
    fn presets_resolve_and_validate() {
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
