//! A random valid scenario for property tests: every catalog id, volumes from zero to the
//! field maximum on a log scale, optional overrides present or absent.

use llm_tco::scenario::Scenario;
use proptest::prelude::*;
use serde_json::json;

/// Log-uniform in [lo, hi].
pub fn log_range(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

pub fn pick(ids: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(ids)
}

prop_compose! {
    pub fn scenario()(
        volume in prop_oneof![Just(0.0), log_range(1.0, 1.0e11)],
        input in log_range(1.0, 2.0e5),
        output in log_range(1.0, 1.0e4),
        hours in 1.0..=730.0f64,
        peak in 1.0..=10.0f64,
        growth in -20.0..=30.0f64,
        api in pick(&["gpt-4o", "gpt-4o-mini", "claude-3.5-sonnet", "claude-3.5-haiku", "gemini-1.5-pro", "gemini-1.5-flash", "custom"]),
        prices in prop::option::of((0.0..=100.0f64, 0.0..=200.0f64)),
        cache in 0.0..=100.0f64,
        batch in 0.0..=100.0f64,
        trim in 0.0..=100.0f64,
        model in pick(&["llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b", "phi-3-mini"]),
        quant in pick(&["fp16", "fp8", "int8", "int4"]),
        gpu in pick(&["a100-80gb", "h100-sxm", "h100-pcie", "l4", "rtx-4090"]),
        tp in prop::option::of(prop::sample::select(&[1u32, 2, 3, 4, 8][..])),
        tps in prop::option::of(log_range(0.01, 1.0e5)),
        util in 1.0..=100.0f64,
        redundancy in 0u32..=3,
        gph in prop::option::of(0.0..=20.0f64),
        pricing in pick(&["on_demand", "reserved", "spot"]),
        billing in pick(&["always_on", "active_window", "scale_to_zero"]),
        life in 0.5..=8.0f64,
        coc in 0.0..=30.0f64,
        strategy in pick(&["routing", "overflow", "fallback"]),
        share in 0.0..=100.0f64,
        horizon in 1u32..=120,
        sensitivity in pick(&["public", "internal", "must_stay_internal"]),
        flags in prop::collection::vec(any::<bool>(), 9),
    ) -> Scenario {
        let mut v = json!({
            "workload": { "monthly_requests": volume.round(), "input_tokens_per_request": input.round(),
                          "output_tokens_per_request": output.round().max(1.0), "active_hours_per_month": hours,
                          "peak_to_average": peak, "monthly_growth_pct": growth },
            "api": { "model": api, "cache_hit_pct": cache, "batch_share_pct": batch, "prompt_reduction_pct": trim },
            "self_host": { "model": model, "quantization": quant, "gpu": gpu, "planning_utilization_pct": util,
                           "redundancy_replicas": redundancy },
            "cloud": { "pricing": pricing, "billing": billing },
            "owned": { "life_years": life, "cost_of_capital_pct": coc },
            "hybrid": { "strategy": strategy, "self_host_share_pct": share },
            "org": { "horizon_months": horizon },
            "criteria": { "data_sensitivity": sensitivity, "frontier_capability_needed": flags[0],
                          "gpu_ops_experience": flags[1], "time_to_market_critical": flags[2],
                          "fine_tuning_needed": flags[3], "long_term_cost_priority": flags[4],
                          "use_cases_differ": flags[5], "resilience_priority": flags[6] }
        });
        if let Some((pin, pout)) = prices {
            llm_tco::scenario::merge(&mut v, &json!({ "api": { "input_usd_per_mtok": pin, "output_usd_per_mtok": pout } }));
        }
        if let Some(tp) = tp {
            llm_tco::scenario::merge(&mut v, &json!({ "self_host": { "gpus_per_replica": tp.min(8) } }));
        }
        if let Some(tps) = tps {
            llm_tco::scenario::merge(&mut v, &json!({ "self_host": { "output_tokens_per_sec_per_replica": tps } }));
        }
        if let Some(gph) = gph {
            llm_tco::scenario::merge(&mut v, &json!({ "cloud": { "usd_per_gpu_hour": gph } }));
        }
        Scenario::from_value(&v).expect("generated scenarios are valid")
    }
}
