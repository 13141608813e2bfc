//! The Monte Carlo run and the lean cost path it samples: the lean path gives `evaluate`'s
//! numbers exactly, a seed reproduces a run bit for bit, and the spread is sane.

mod common;

use common::strategies::scenario;

use llm_tco::catalog;
use llm_tco::model::{
    API_PRICE_MULTIPLIER, LEAN_FIELDS, MonteCarlo, UncertainRange, Uncertainty, default_ranges,
    evaluate, lean_costs, lean_costs_with, scenario_with, uncertainty,
};
use llm_tco::scenario::{Scenario, preset_scenario};
use proptest::prelude::*;
use serde_json::Value;

/// The audit scenario of `model_audit.rs`: custom API at $2 / $10 per million tokens,
/// 1,000 input and 100 output tokens ($0.003 a request); one H100 at a measured
/// 100 tokens/s (2,628,000 requests a month) rented at $2 an hour ($1,460 a month) or
/// owned for $991.4694444652933 capital + $125 maintenance + $41.8509 idle power a month
/// and $0.3822 / 3,600 x $0.10 of power a request while busy.
fn base() -> Value {
    common::audit_base(1_000_000.0)
}

/// The owned server at `v` requests ($1,168.937... at 1M).
fn owned_usd(v: f64) -> f64 {
    991.469_444_465_293_3 + 125.0 + 41.8509 + v * 0.3822 / 3600.0 * 0.1
}

fn audit() -> Scenario {
    Scenario::from_value(&base()).expect("valid audit scenario")
}

fn range(field: &str, low: f64, likely: f64, high: f64) -> UncertainRange {
    UncertainRange {
        field: field.into(),
        label: field.into(),
        low,
        likely,
        high,
    }
}

fn same_bits(a: &Uncertainty, b: &Uncertainty) -> bool {
    let bits = |u: &Uncertainty| {
        let mut v = vec![
            u.p10_usd,
            u.p50_usd,
            u.p90_usd,
            u.mean_usd,
            u.probability_self_host_cheaper,
            u.base_savings_usd,
        ];
        for h in &u.histogram {
            v.extend([h.from_usd, h.to_usd, h.count as f64]);
        }
        v.into_iter().map(f64::to_bits).collect::<Vec<_>>()
    };
    a == b && bits(a) == bits(b)
}

fn assert_lean_matches(s: &Scenario, what: &str) {
    let r = evaluate(s);
    let c = lean_costs(s);
    assert_eq!(
        c.api_usd.to_bits(),
        r.options.api.monthly_usd.to_bits(),
        "{what}: API"
    );
    assert_eq!(
        c.rented_usd.to_bits(),
        r.options.rented.monthly_usd.to_bits(),
        "{what}: rented"
    );
    assert_eq!(
        c.owned_usd.to_bits(),
        r.options.owned.monthly_usd.to_bits(),
        "{what}: owned"
    );
    assert_eq!(
        c.savings_usd.to_bits(),
        r.savings_vs_api_usd_per_month.to_bits(),
        "{what}: savings"
    );
}

#[test]
fn lean_path_equals_evaluate_on_every_preset() {
    for id in catalog::preset_ids() {
        let s = preset_scenario(id).unwrap();
        assert_lean_matches(&s, id);
        // And with every sampled input moved: the lean path against the scenario that says
        // the same in canonical fields.
        for (k, &(field, _)) in LEAN_FIELDS.iter().enumerate() {
            let now = default_ranges(&s)
                .iter()
                .find(|r| r.field == field)
                .map_or(1.0, |r| r.likely);
            let x = if field == API_PRICE_MULTIPLIER {
                0.37
            } else {
                now * (0.55 + 0.1 * k as f64) + 0.5
            };
            let values = [(field, x)];
            let lean = lean_costs_with(&s, &values);
            let r = evaluate(&scenario_with(&s, &values));
            assert_eq!(
                lean.api_usd.to_bits(),
                r.options.api.monthly_usd.to_bits(),
                "{id} {field}"
            );
            assert_eq!(
                lean.rented_usd.to_bits(),
                r.options.rented.monthly_usd.to_bits(),
                "{id} {field}"
            );
            assert_eq!(
                lean.owned_usd.to_bits(),
                r.options.owned.monthly_usd.to_bits(),
                "{id} {field}"
            );
            assert_eq!(
                lean.savings_usd.to_bits(),
                r.savings_vs_api_usd_per_month.to_bits(),
                "{id} {field}"
            );
        }
    }
}

#[test]
fn lean_path_hand_computed() {
    // 1M requests x $0.003 = $3,000; rented one replica $1,460; owned $1,168.94:
    // savings $3,000 - $1,168.94 = $1,831.06.
    let c = lean_costs(&audit());
    assert_eq!(c.api_usd, 3_000.0);
    assert_eq!(c.rented_usd, 1_460.0);
    assert!((c.owned_usd - owned_usd(1.0e6)).abs() < 1e-9);
    assert!((c.savings_usd - (3_000.0 - owned_usd(1.0e6))).abs() < 1e-9);
    // GPU hour at $1 and API prices halved: API $1,500, rented $730 -> savings $770.
    let c = lean_costs_with(
        &audit(),
        &[("cloud.usd_per_gpu_hour", 1.0), (API_PRICE_MULTIPLIER, 0.5)],
    );
    assert_eq!((c.api_usd, c.rented_usd), (1_500.0, 730.0));
    assert_eq!(c.savings_usd, 770.0);
}

#[test]
fn fixed_seed_reproduces_bit_for_bit_and_chunks_change_nothing() {
    for id in catalog::preset_ids() {
        let s = preset_scenario(id).unwrap();
        let ranges = default_ranges(&s);
        let a = uncertainty(&s, &ranges, 2_000, 7);
        let b = uncertainty(&s, &ranges, 2_000, 7);
        assert!(same_bits(&a, &b), "{id}");
        // Taken 333 at a time, with progress reported between the chunks.
        let mut mc = MonteCarlo::new(&s, &ranges, 2_000, 7);
        let mut last = 0.0;
        while !mc.step(333) {
            assert!(mc.progress() > last && mc.progress() < 1.0);
            last = mc.progress();
        }
        assert_eq!(mc.progress(), 1.0);
        assert!(same_bits(&mc.result(), &a), "{id}");
        let c = uncertainty(&s, &ranges, 2_000, 8);
        assert_ne!(
            (c.p10_usd, c.p50_usd, c.p90_usd, c.mean_usd),
            (a.p10_usd, a.p50_usd, a.p90_usd, a.mean_usd),
            "{id}"
        );
    }
}

#[test]
fn degenerate_ranges_give_the_point_estimate() {
    for id in catalog::preset_ids() {
        let s = preset_scenario(id).unwrap();
        let point = evaluate(&s).savings_vs_api_usd_per_month;
        let ranges: Vec<UncertainRange> = default_ranges(&s)
            .into_iter()
            .map(|r| UncertainRange {
                low: r.likely,
                high: r.likely,
                ..r
            })
            .collect();
        let u = uncertainty(&s, &ranges, 500, 1);
        assert_eq!(u.samples, 500);
        for p in [u.p10_usd, u.p50_usd, u.p90_usd, u.base_savings_usd] {
            assert_eq!(p.to_bits(), point.to_bits(), "{id}");
        }
        assert!(
            (u.mean_usd - point).abs() <= 1e-9 * point.abs().max(1.0),
            "{id}"
        );
        assert_eq!(u.histogram.len(), 1);
        assert_eq!(u.histogram[0].count, 500);
        assert_eq!(
            u.probability_self_host_cheaper,
            if point > 0.0 { 1.0 } else { 0.0 }
        );
    }
}

#[test]
fn volume_uncertainty_hand_computed() {
    // Only volume is uncertain: triangular 500k / 1M / 1.5M. Savings = $0.003 v - the owned
    // server at v (one owned replica carries up to 2,628,000). The triangle's 10% quantile
    // is 500,000 + sqrt(0.1 x 1,000,000 x 500,000) = 723,606.8, so P10 = 0.003 x 723,606.8
    // - 1,166.00 = $1,004.82; the median is 1M -> $1,831.06; P90 by symmetry
    // 1,276,393.2 -> $2,657.31. Every sample is above the 387,479 flip: probability 1.
    let u = uncertainty(
        &audit(),
        &[range(
            "workload.monthly_requests",
            500_000.0,
            1_000_000.0,
            1_500_000.0,
        )],
        10_000,
        3,
    );
    let near = |got: f64, want: f64| assert!((got - want).abs() < 0.02 * want, "{got} vs {want}");
    near(u.p10_usd, 0.003 * 723_606.8 - owned_usd(723_606.8));
    near(u.p50_usd, 0.003 * 1_000_000.0 - owned_usd(1.0e6));
    near(u.p90_usd, 0.003 * 1_276_393.2 - owned_usd(1_276_393.2));
    near(u.mean_usd, 0.003 * 1_000_000.0 - owned_usd(1.0e6));
    assert_eq!(u.probability_self_host_cheaper, 1.0);
    assert_eq!(u.histogram.len(), 30);
    assert_eq!(u.histogram.iter().map(|h| h.count).sum::<u64>(), 10_000);
    assert!(u.histogram[0].from_usd >= 0.003 * 500_000.0 - owned_usd(500_000.0) - 1e-6);
    assert!(u.histogram[29].to_usd <= 0.003 * 1_500_000.0 - owned_usd(1_500_000.0) + 1e-6);
    // Down to 200k the API wins below 387,479 requests: P(v < 387,479) for the triangle
    // 200k / 1M / 1.5M is 187,479^2 / (1.3M x 0.8M) = 3.38%.
    let u = uncertainty(
        &audit(),
        &[range(
            "workload.monthly_requests",
            200_000.0,
            1_000_000.0,
            1_500_000.0,
        )],
        10_000,
        3,
    );
    assert!(
        (u.probability_self_host_cheaper - (1.0 - 0.033_797)).abs() < 0.008,
        "{}",
        u.probability_self_host_cheaper
    );
}

#[test]
fn bad_ranges_are_cleaned_up_and_never_panic() {
    let s = audit();
    let ranges = [
        range("no.such.field", 1.0, 2.0, 3.0),
        range("workload.monthly_requests", f64::NAN, f64::INFINITY, -5.0),
        range(API_PRICE_MULTIPLIER, 3.0, f64::NAN, 0.5),
        range("self_host.planning_utilization_pct", -10.0, 500.0, 50.0),
    ];
    let u = uncertainty(&s, &ranges, 1_000, 9);
    assert_eq!(u.ranges.len(), 3);
    for r in &u.ranges {
        assert!(r.low <= r.likely && r.likely <= r.high, "{r:?}");
        assert!(r.low.is_finite() && r.high.is_finite(), "{r:?}");
    }
    let v = serde_json::to_value(&u).unwrap();
    assert!(!v.to_string().contains("null"));
    // No samples: an empty, finite result.
    let u = uncertainty(&s, &default_ranges(&s), 0, 1);
    assert_eq!((u.samples, u.histogram.len(), u.p50_usd), (0, 0, 0.0));
    assert_eq!(MonteCarlo::new(&s, &[], 0, 1).progress(), 1.0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn lean_path_equals_evaluate_on_random_scenarios(
        s in scenario(),
        m in 0.0..=3.0f64, f in 0.3..=2.0f64, g in 0.3..=2.0f64, seed in any::<u64>(),
    ) {
        let r = evaluate(&s);
        let c = lean_costs(&s);
        prop_assert_eq!(c.api_usd.to_bits(), r.options.api.monthly_usd.to_bits());
        prop_assert_eq!(c.rented_usd.to_bits(), r.options.rented.monthly_usd.to_bits());
        prop_assert_eq!(c.owned_usd.to_bits(), r.options.owned.monthly_usd.to_bits());
        prop_assert_eq!(c.savings_usd.to_bits(), r.savings_vs_api_usd_per_month.to_bits());
        let values = [
            ("workload.monthly_requests", s.workload.monthly_requests * f),
            (API_PRICE_MULTIPLIER, m),
            ("cloud.usd_per_gpu_hour", r.options.rented.usd_per_gpu_hour * g),
            ("self_host.output_tokens_per_sec_per_replica", r.capacity.output_tokens_per_sec_per_replica * f),
            ("self_host.planning_utilization_pct", s.self_host.planning_utilization_pct * g),
            ("owned.gpu_price_usd", r.options.owned.gpu_price_usd * f),
            ("workload.peak_to_average", s.workload.peak_to_average * g),
            ("self_host.ops_fte", s.self_host.ops_fte * f),
            ("org.loaded_fte_usd_per_month", s.org.loaded_fte_usd_per_month * g),
        ];
        let lean = lean_costs_with(&s, &values);
        let full = evaluate(&scenario_with(&s, &values));
        prop_assert_eq!(lean.api_usd.to_bits(), full.options.api.monthly_usd.to_bits());
        prop_assert_eq!(lean.rented_usd.to_bits(), full.options.rented.monthly_usd.to_bits());
        prop_assert_eq!(lean.owned_usd.to_bits(), full.options.owned.monthly_usd.to_bits());
        prop_assert_eq!(lean.savings_usd.to_bits(), full.savings_vs_api_usd_per_month.to_bits());

        let u = uncertainty(&s, &default_ranges(&s), 200, seed);
        prop_assert!(u.p10_usd <= u.p50_usd && u.p50_usd <= u.p90_usd, "{:?}", u);
        prop_assert!((0.0..=1.0).contains(&u.probability_self_host_cheaper));
        prop_assert!(u.mean_usd.is_finite() && u.p10_usd.is_finite() && u.p90_usd.is_finite());
        prop_assert_eq!(u.histogram.iter().map(|h| h.count).sum::<u64>(), 200);
        prop_assert!(u.histogram.len() == 1 || u.histogram.len() == 30);
    }
}

fn tco(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tco"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run tco");
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("tco output")
}

#[test]
fn cli_eval_adds_the_analyses() {
    let out = tco(&["eval", "-"], "{}");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    for p in [
        "/sensitivity/swing_pct",
        "/sensitivity/bars/0/field",
        "/sensitivity/bars/0/savings_low_usd",
        "/uncertainty/p10_usd",
        "/uncertainty/p50_usd",
        "/uncertainty/p90_usd",
        "/uncertainty/probability_self_host_cheaper",
        "/uncertainty/histogram/0/count",
        "/uncertainty/ranges/0/field",
        "/flip_points/volume/text",
        "/flip_points/api_price/value",
        "/flip_points/gpu_price/current",
        "/hybrid/chosen",
        "/hybrid/cheapest",
        "/hybrid/strategies/3/explanation",
        "/options/hybrid/explanation",
        "/savings_vs_api_usd_per_month",
    ] {
        assert!(r.pointer(p).is_some(), "missing {p}");
    }
    assert_eq!(r["uncertainty"]["samples"], 10_000);
    assert_eq!(r["uncertainty"]["seed"], llm_tco::model::DEFAULT_SEED);
    // The run is the library's, seed for seed (both sides parsed from JSON text alike).
    let s = Scenario::default();
    let u = uncertainty(
        &s,
        &default_ranges(&s),
        10_000,
        llm_tco::model::DEFAULT_SEED,
    );
    let text = serde_json::to_string(&u).unwrap();
    assert_eq!(
        r["uncertainty"],
        serde_json::from_str::<Value>(&text).unwrap()
    );
    assert_eq!(r["hybrid"]["strategies"][0], r["options"]["hybrid"]);

    let out = tco(&["eval", "--samples", "300", "--seed=5", "-"], "{}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            r["uncertainty"]["samples"].as_u64(),
            r["uncertainty"]["seed"].as_u64()
        ),
        (Some(300), Some(5))
    );

    let out = tco(&["eval", "--format", "md", "-"], "{}");
    let text = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "## What flips the answer",
        "## Sensitivity",
        "## Uncertainty",
        "## Hybrid strategies",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    for bad in [
        &["eval", "--samples", "-1", "-"][..],
        &["eval", "--seed", "x", "-"],
        &["eval", "--samples", "-"],
    ] {
        let out = tco(bad, "{}");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
}
