//! What the model and chart tests share: the audit scenario, where every cost that is not
//! under test is zero, and a reader for a chart option's series.
#![allow(dead_code)]

pub mod cli;
pub mod strategies;
pub mod usage;

use llm_tco::scenario::Scenario;
use serde_json::{Value, json};

/// Custom API at $2 / $10 / $0.50 per million tokens on 1,000 input and 100 output
/// tokens; Llama 3.1 8B on one H100 with a measured 100 output tokens/s, 100% planning
/// utilisation, no peak; $2 per GPU-hour; owned: $20,000 GPU + $4,000 server share +
/// $1,000 installation over 2 years at 12% with 20% residual, 6% maintenance, $0.10/kWh,
/// PUE 1.5, 50% load; an engineer costs $10,000 a month; 10-month horizon; no discounting.
pub fn audit_base(monthly_requests: f64) -> Value {
    json!({
        "workload": { "monthly_requests": monthly_requests, "input_tokens_per_request": 1000, "output_tokens_per_request": 100,
                      "active_hours_per_month": 730, "peak_to_average": 1, "monthly_growth_pct": 0 },
        "api": { "model": "custom", "input_usd_per_mtok": 2, "output_usd_per_mtok": 10, "cached_input_usd_per_mtok": 0.5,
                 "cache_hit_pct": 0, "batch_share_pct": 0, "batch_discount_pct": 50, "prompt_reduction_pct": 0,
                 "fixed_usd_per_month": 0, "ops_fte": 0, "implementation_usd": 0 },
        "self_host": { "model": "llama-3.1-8b", "quantization": "fp16", "gpu": "h100-sxm", "gpus_per_replica": 1,
                       "output_tokens_per_sec_per_replica": 100, "planning_utilization_pct": 100,
                       "redundancy_replicas": 0, "infra_usd_per_month": 0, "ops_fte": 0, "implementation_usd": 0 },
        "cloud": { "usd_per_gpu_hour": 2, "pricing": "on_demand", "billing": "always_on", "runtime_buffer_pct": 0 },
        "owned": { "gpu_price_usd": 20000, "server_usd_per_gpu": 4000, "installation_usd": 1000, "life_years": 2,
                   "residual_pct": 20, "cost_of_capital_pct": 12, "maintenance_pct_per_year": 6,
                   "electricity_usd_per_kwh": 0.1, "pue": 1.5, "avg_power_load_pct": 50, "facility_usd_per_month": 0 },
        "hybrid": { "strategy": "routing", "self_host_share_pct": 50 },
        "org": { "loaded_fte_usd_per_month": 10000, "horizon_months": 10, "discount_rate_pct": 0 }
    })
}

/// The audit scenario at `monthly_requests` as a validated scenario.
pub fn audit_scenario(monthly_requests: f64) -> Scenario {
    Scenario::from_value(&audit_base(monthly_requests)).expect("valid audit scenario")
}
pub mod report_check;

/// The series called `name` in a chart option's JSON.
pub fn series<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"))
}
