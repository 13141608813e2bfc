//! The built-in catalog: API models, open-weight models, GPUs, measured throughput and
//! presets. Every figure carries its source and an "as of" date.
//!
//! The catalog is the ground floor: it imports nothing else of the crate, so the
//! scenario, the link and the model can all read it. The words it shares with the
//! scenario (quantization, pricing tier, catalog list) are defined here, in [`vocab`].
//!
//! The data lives in `src/catalog/data/*.json`, compiled into the binary and parsed once
//! on first use. A file that fails to parse leaves its list empty (and is recorded in
//! [`load_errors`]) instead of panicking: a panic in WebAssembly kills the page. The unit
//! tests below parse every file, so a broken file never ships.

mod data;
mod types;
pub mod vocab;

pub use data::{
    api_model, api_models, gpu, gpus, ids, load_errors, open_model, open_models, preset,
    preset_ids, presets, throughput, throughput_points,
};
pub use types::{ApiModel, Gpu, GpuHourPrices, OpenModel, Preset, ThroughputPoint};
pub use vocab::{CatalogList, Pricing, Quantization};

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::data::{
        API_MODELS_JSON, GPUS_JSON, OPEN_MODELS_JSON, PRESETS_JSON, THROUGHPUT_JSON,
    };
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
}
