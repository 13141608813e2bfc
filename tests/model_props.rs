//! Properties over random valid scenarios: finite, non-negative, monotone in volume, and
//! a breakeven that really is the first volume where self-hosting costs no more.

use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::Scenario;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Log-uniform in [lo, hi].
fn log_range(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

fn pick(ids: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(ids)
}

prop_compose! {
    fn scenario()(
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

fn all_finite_non_negative(path: &str, v: &Value) -> Result<(), String> {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().ok_or_else(|| format!("{path}: not a number"))?;
            if !x.is_finite() || (x < 0.0 && !path.ends_with("savings_vs_api_usd_per_month")) {
                return Err(format!("{path} = {x}"));
            }
            Ok(())
        }
        Value::Array(a) => a.iter().enumerate().try_for_each(|(i, x)| all_finite_non_negative(&format!("{path}[{i}]"), x)),
        Value::Object(m) => m.iter().try_for_each(|(k, x)| all_finite_non_negative(&format!("{path}.{k}"), x)),
        _ => Ok(()),
    }
}

fn at(s: &Scenario, v: f64) -> Report {
    let mut s = s.clone();
    s.workload.monthly_requests = v;
    evaluate(&s)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn every_output_is_finite_and_non_negative(s in scenario()) {
        let r = evaluate(&s);
        let v = serde_json::to_value(&r).unwrap();
        prop_assert!(all_finite_non_negative("report", &v).is_ok(), "{:?}", all_finite_non_negative("report", &v));
        prop_assert!(r.savings_vs_api_usd_per_month.is_finite());
        prop_assert!(r.curve.len() <= llm_tco::model::MAX_CURVE_POINTS);
        prop_assert!(r.curve.windows(2).all(|w| w[0].monthly_requests < w[1].monthly_requests));
    }

    #[test]
    fn costs_never_fall_as_volume_rises(s in scenario(), a in log_range(1.0, 1.0e10), f in 1.0..=10.0f64) {
        let (lo, hi) = (a.round(), (a * f).round());
        let (x, y) = (at(&s, lo), at(&s, hi));
        prop_assert!(y.options.api.monthly_usd >= x.options.api.monthly_usd);
        prop_assert!(y.options.rented.monthly_usd >= x.options.rented.monthly_usd);
        prop_assert!(y.options.owned.monthly_usd >= x.options.owned.monthly_usd);
        prop_assert!(y.options.rented.replicas >= x.options.rented.replicas);
        // The curve is a staircase: along it self-hosted cost never falls either.
        let c = &x.curve;
        prop_assert!(c.windows(2).all(|w| w[1].rented_usd >= w[0].rented_usd && w[1].owned_usd >= w[0].owned_usd
            && w[1].api_usd >= w[0].api_usd));
    }

    #[test]
    fn breakeven_is_the_first_volume_where_self_hosting_costs_no_more(s in scenario()) {
        let r = evaluate(&s);
        for (name, b) in [("rented", &r.breakeven.rented_vs_api), ("owned", &r.breakeven.owned_vs_api)] {
            let cost = |r: &Report| if name == "rented" { r.options.rented.monthly_usd } else { r.options.owned.monthly_usd };
            match b.monthly_requests {
                Some(v) => {
                    prop_assert!(b.not_below.is_none());
                    let here = at(&s, v);
                    prop_assert!(cost(&here) <= here.options.api.monthly_usd, "{name} at {v}");
                    if v > 1.0 {
                        let before = at(&s, v - 1.0);
                        prop_assert!(cost(&before) > before.options.api.monthly_usd, "{name} at {v} - 1");
                    }
                }
                None => {
                    prop_assert_eq!(b.not_below, Some(1.0e11));
                    let top = at(&s, 1.0e11);
                    prop_assert!(cost(&top) > top.options.api.monthly_usd || top.options.api.monthly_usd == 0.0);
                }
            }
        }
    }

    #[test]
    fn overflow_is_never_worse_than_either_pure_option(s in scenario()) {
        let mut s = s;
        s.hybrid.strategy = llm_tco::scenario::HybridStrategy::Overflow;
        let r = evaluate(&s);
        let best = r.options.api.monthly_usd.min(r.options.rented.monthly_usd).min(r.options.owned.monthly_usd);
        prop_assert!(r.options.hybrid.monthly_usd <= best + 1e-6 * best.max(1.0));
    }
}

#[test]
fn unvalidated_scenarios_do_not_panic() {
    let mut s = Scenario::default();
    s.workload.monthly_requests = f64::NAN;
    s.workload.output_tokens_per_request = 0.0;
    s.workload.peak_to_average = -3.0;
    s.workload.active_hours_per_month = f64::INFINITY;
    s.api.model = "nope".into();
    s.self_host.model = "nope".into();
    s.self_host.gpu = "nope".into();
    s.self_host.gpus_per_replica = Some(0);
    s.self_host.output_tokens_per_sec_per_replica = Some(-1.0);
    s.owned.life_years = 0.0;
    s.owned.cost_of_capital_pct = f64::NAN;
    s.org.horizon_months = 0;
    s.workload.monthly_growth_pct = 1.0e9;
    let r = evaluate(&s);
    let v = serde_json::to_value(&r).unwrap();
    assert!(all_finite_non_negative("report", &v).is_ok(), "{:?}", all_finite_non_negative("report", &v));
    assert!(r.warnings.len() >= 3);
}
