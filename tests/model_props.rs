//! Properties over random valid scenarios: finite, non-negative, monotone in volume, and
//! a breakeven that really is the first volume where self-hosting costs no more.

use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::Scenario;
use proptest::prelude::*;

mod common;

use common::strategies::{log_range, scenario};
use serde_json::Value;

fn all_finite_non_negative(path: &str, v: &Value) -> Result<(), String> {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().ok_or_else(|| format!("{path}: not a number"))?;
            if !x.is_finite() || (x < 0.0 && !path.ends_with("savings_vs_api_usd_per_month")) {
                return Err(format!("{path} = {x}"));
            }
            Ok(())
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| all_finite_non_negative(&format!("{path}[{i}]"), x)),
        Value::Object(m) => m
            .iter()
            .try_for_each(|(k, x)| all_finite_non_negative(&format!("{path}.{k}"), x)),
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
    assert!(
        all_finite_non_negative("report", &v).is_ok(),
        "{:?}",
        all_finite_non_negative("report", &v)
    );
    assert!(r.warnings.len() >= 3);
}
