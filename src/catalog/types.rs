//! The shapes of catalog entries, as the data files spell them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::vocab::{Pricing, Quantization};

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
    pub fn usd_per_gpu_hour(&self, pricing: Pricing) -> f64 {
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

/// A named starting point: a partial scenario laid over the default scenario. The
/// catalog keeps the overlay as JSON; `scenario::presets` resolves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Partial canonical scenario JSON; `{}` for the default preset.
    pub scenario: Value,
}
