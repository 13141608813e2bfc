//! The scenario's inputs resolved to numbers (`resolve` builds them): what every cost
//! line, the capacity sizing and the analyses read.

use super::breakeven::MAX_MONTHLY_REQUESTS;
use super::guard::input;
use crate::scenario::{KvCache, Quantization};

/// Tokens in a million: prices are quoted per million tokens.
pub const TOKENS_PER_MTOK: f64 = 1.0e6;

/// Numbers of an open model, from the catalog (or a stand-in when the id is unknown).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ModelSpec {
    pub id: &'static str,
    pub params_billion: f64,
    pub kv_bytes_per_token: f64,
    pub context_tokens: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GpuSpec {
    pub id: &'static str,
    pub vram_gb: f64,
    pub bandwidth_gb_per_sec: f64,
    pub bf16_tflops: f64,
    pub fp8_support: bool,
    pub tdp_watts: f64,
}

/// The scenario's inputs made safe and its catalog ids resolved to numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub volume: f64,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub active_hours: f64,
    pub peak_to_average: f64,
    pub latency_slo_ms: Option<f64>,
    pub min_output_tokens_per_sec_per_user: Option<f64>,
    pub input_usd_per_mtok: f64,
    pub output_usd_per_mtok: f64,
    pub cached_input_usd_per_mtok: f64,
    pub model: ModelSpec,
    pub gpu: GpuSpec,
    pub quantization: Quantization,
    pub kv_cache: KvCache,
    pub user_gpus_per_replica: Option<u32>,
    pub user_tokens_per_sec: Option<f64>,
    pub planning_utilization_pct: f64,
    pub redundancy_replicas: u32,
    pub usd_per_gpu_hour: f64,
    pub gpu_price_usd: f64,
    pub loaded_fte_usd_per_month: f64,
    pub horizon_months: f64,
}

/// A monthly volume as the model uses it: whole requests within `[0, MAX_MONTHLY_REQUESTS]`.
pub(crate) fn whole_requests(x: f64) -> f64 {
    input(x, 0.0, MAX_MONTHLY_REQUESTS, 0.0).round()
}
