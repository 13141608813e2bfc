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
    pub source: String,
    pub as_of: String,
}

impl OpenModel {
    /// KV-cache bytes one token occupies: keys and values (2) x layers x KV heads x
    /// head dim x bytes per element.
    pub fn kv_bytes_per_token(&self, bytes_per_element: f64) -> f64 {
        2.0 * f64::from(self.layers)
            * f64::from(self.kv_heads)
            * f64::from(self.head_dim)
            * bytes_per_element
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
    pub bandwidth_gb_per_sec: f64,
    /// Dense BF16 tensor throughput (no sparsity).
    pub bf16_tflops: f64,
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
