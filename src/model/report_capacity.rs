//! The report's capacity section: what one replica serves, at which operating point, and
//! from which source (your figure, a scaled catalog measurement, or the estimate).

use serde::{Deserialize, Serialize};

/// How many requests one replica serves, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capacity {
    /// False when the model does not fit even one sequence on the replica's GPUs.
    pub feasible: bool,
    pub infeasible_reason: Option<String>,
    pub gpus_per_replica: u32,
    /// "user" or "memory_fit".
    pub gpus_per_replica_source: String,
    pub weights_gb: f64,
    pub kv_cache_bytes_per_token: f64,
    /// Sequences held in memory at once for the fit check.
    pub planned_concurrent_sequences: f64,
    pub kv_cache_gb: f64,
    pub overhead_gb: f64,
    /// Weights + KV cache + overhead for the planned batch.
    pub required_gb: f64,
    pub vram_per_replica_gb: f64,
    pub output_tokens_per_sec_per_replica: f64,
    /// "user", "catalog" or "estimate".
    pub throughput_source: String,
    /// Where the figure comes from, or the estimate's assumptions.
    pub throughput_note: String,
    /// Output tokens/s / output tokens per request x planning utilisation x active hours
    /// x 3600 / peak-to-average.
    pub monthly_requests_per_replica: f64,
    /// The same in whole requests: one request more buys another replica.
    pub capacity_requests_per_replica: f64,
    /// Estimated time to first token at the operating point (own prefill plus one decode
    /// step of the batch).
    pub time_to_first_token_ms: f64,
    /// Sequences decoding together at the operating point.
    #[serde(default)]
    pub batch: f64,
    /// Output tokens/s each request receives at the operating point.
    #[serde(default)]
    pub output_tokens_per_sec_per_user: f64,
    /// What stopped the batch from growing: "memory", "scheduler", "per_user_speed",
    /// "time_to_first_token" or "does_not_fit".
    #[serde(default)]
    pub batch_limited_by: String,
    /// Bits per cached key/value element.
    #[serde(default)]
    pub kv_cache_bits: u32,
    /// The catalog measurement the throughput was scaled from; absent when it came from
    /// the user or the estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_point: Option<ScaledPoint>,
}

/// A catalog measurement carried over to the scenario: measured x the estimate under the
/// scenario's conditions / the estimate under the measurement's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaledPoint {
    pub measured_output_tokens_per_sec: f64,
    pub engine: String,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub gpus: u32,
    pub estimate_at_measurement: f64,
    pub estimate_at_scenario: f64,
    pub scale: f64,
    pub source: String,
    pub as_of: String,
}
