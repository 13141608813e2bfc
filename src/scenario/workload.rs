//! The traffic to serve, and the per-token API that could serve it.

use serde::{Deserialize, Serialize};

/// Hours in a billing month (365 x 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Workload {
    pub monthly_requests: f64,
    pub input_tokens_per_request: f64,
    pub output_tokens_per_request: f64,
    /// Hours a month the workload is served; 730 means always busy.
    pub active_hours_per_month: f64,
    /// Peak request rate over the average rate within the active hours (>= 1).
    pub peak_to_average: f64,
    /// Compound monthly growth of volume over the horizon.
    pub monthly_growth_pct: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_slo_ms: Option<f64>,
    /// Output tokens per second each request must see while it decodes (its reading
    /// speed); absent: no per-user target, the replica runs at its largest batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_output_tokens_per_sec_per_user: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Api {
    /// Catalog id of the API model, or `custom`.
    pub model: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_usd_per_mtok: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_usd_per_mtok: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cached_input_usd_per_mtok: Option<f64>,
    /// Share of (remaining) input tokens billed at the cached price.
    pub cache_hit_pct: f64,
    /// Share of requests sent through the batch API.
    pub batch_share_pct: f64,
    /// Discount of the batch API on list prices.
    pub batch_discount_pct: f64,
    /// Input tokens saved by prompt optimisation.
    pub prompt_reduction_pct: f64,
    pub fixed_usd_per_month: f64,
    pub ops_fte: f64,
    pub implementation_usd: f64,
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            monthly_requests: 1_000_000.0,
            input_tokens_per_request: 2_000.0,
            output_tokens_per_request: 300.0,
            active_hours_per_month: HOURS_PER_MONTH,
            peak_to_average: 1.5,
            monthly_growth_pct: 0.0,
            latency_slo_ms: None,
            min_output_tokens_per_sec_per_user: None,
        }
    }
}

impl Default for Api {
    fn default() -> Self {
        Self {
            model: "claude-3.5-sonnet".into(),
            input_usd_per_mtok: None,
            output_usd_per_mtok: None,
            cached_input_usd_per_mtok: None,
            cache_hit_pct: 0.0,
            batch_share_pct: 0.0,
            batch_discount_pct: 50.0,
            prompt_reduction_pct: 0.0,
            fixed_usd_per_month: 0.0,
            ops_fte: 0.05,
            implementation_usd: 5_000.0,
        }
    }
}
