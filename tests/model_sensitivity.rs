//! The tornado: hand-computed bars on the audit scenario, and the largest bar of every
//! preset recomputed by brute force.

mod common;

use llm_tco::catalog;
use llm_tco::model::{Report, SENSITIVITY_FIELDS, Sensitivity, evaluate, sensitivity};
use llm_tco::scenario::{FieldKind, Scenario, field, preset_scenario};
use serde_json::{Value, json};

/// The audit scenario of `model_audit.rs` at 1M requests: API $0.003 a request = $3,000;
/// one owned H100 server $1,158.3203... a month plus its power per request, $0.3822 x
/// 100 output tokens / (tokens/s x 3,600) x $0.10 (0.3822 kW more while busy, the hours a
/// request keeps the replica busy, the price per kWh): $1,168.94 at 1M requests and
/// 100 tokens/s, cheaper than renting it for $1,460.
fn audit() -> Scenario {
    let v = common::audit_base(1_000_000.0);
    Scenario::from_value(&v).expect("valid audit scenario")
}

const OWNED_IDLE_USD: f64 = 991.469_444_465_293_3 + 125.0 + 41.8509;

/// The owned server's power per request at `tokens_per_sec`.
fn power_per_request(tokens_per_sec: f64) -> f64 {
    0.3822 * 100.0 / (tokens_per_sec * 3600.0) * 0.1
}

/// The owned server at `v` requests and 100 tokens/s.
fn owned_usd(v: f64) -> f64 {
    OWNED_IDLE_USD + v * power_per_request(100.0)
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

fn bar<'a>(t: &'a Sensitivity, field: &str) -> &'a llm_tco::model::SensitivityBar {
    t.bars
        .iter()
        .find(|b| b.field == field)
        .unwrap_or_else(|| panic!("no bar {field}"))
}

#[test]
fn audit_tornado_by_hand() {
    let t = sensitivity(&audit(), 20.0);
    assert_eq!(t.swing_pct, 20.0);
    assert_eq!(t.bars.len(), SENSITIVITY_FIELDS.len());
    close(t.base_savings_usd, 3_000.0 - owned_usd(1.0e6));
    // Volume 800k / 1.2M: API $2,400 / $3,600, the owned server's power moves by
    // 400k x $0.0000106: a $1,195.75 swing, the largest.
    let b = &t.bars[0];
    assert_eq!(b.field, "workload.monthly_requests");
    assert_eq!((b.low_value, b.high_value), (800_000.0, 1_200_000.0));
    close(b.savings_low_usd, 2_400.0 - owned_usd(8.0e5));
    close(b.savings_high_usd, 3_600.0 - owned_usd(1.2e6));
    // The breakeven does not move with today's volume:
    // $1,158.32 / ($0.003 - $0.0000106) = 387,478.02 -> 387,479.
    assert_eq!(b.breakeven_low_requests, Some(387_479.0));
    assert_eq!(b.breakeven_high_requests, Some(387_479.0));
    // Input tokens 800 / 1,200: $0.0016 / $0.0024 of input + $0.001 of output a request
    // -> API $2,600 / $3,400; the breakeven becomes
    // $1,158.32 / ($0.0026 - $0.0000106) = 447,334.4 -> 447,335.
    let b = bar(&t, "workload.input_tokens_per_request");
    close(b.savings_low_usd, 2_600.0 - owned_usd(1.0e6));
    close(b.savings_high_usd, 3_400.0 - owned_usd(1.0e6));
    assert_eq!(b.breakeven_low_requests, Some(447_335.0));
    // The input price moves the same dollars: $1.60 / $2.40 per M.
    let p = bar(&t, "api.input_usd_per_mtok");
    close(p.low_value, 1.6);
    close(p.savings_low_usd, b.savings_low_usd);
    close(p.savings_high_usd, b.savings_high_usd);
    // Throughput 80 / 120 tokens/s: one replica still carries 1M requests; only the
    // power a request costs moves, with the hours it keeps the replica busy.
    let b = bar(&t, "self_host.output_tokens_per_sec_per_replica");
    close(b.low_value, 80.0);
    close(
        b.savings_low_usd,
        3_000.0 - OWNED_IDLE_USD - 1.0e6 * power_per_request(80.0),
    );
    close(
        b.savings_high_usd,
        3_000.0 - OWNED_IDLE_USD - 1.0e6 * power_per_request(120.0),
    );
    // Utilisation 100% is at the top of its range: +20% stays at 100.
    let b = bar(&t, "self_host.planning_utilization_pct");
    assert_eq!((b.low_value, b.high_value), (80.0, 100.0));
    // Bars are sorted by swing, largest first.
    let swings: Vec<f64> = t
        .bars
        .iter()
        .map(|b| (b.savings_high_usd - b.savings_low_usd).abs())
        .collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
}

/// The scenario with one field set through its canonical path, as the page would.
fn with_field(s: &Scenario, path: &str, x: f64) -> Report {
    let mut s = s.clone();
    let integer = matches!(
        field(path).map(|f| f.kind),
        Some(FieldKind::Number { integer: true, .. })
    );
    let value = if integer {
        Value::from(x as i64)
    } else {
        json!(x)
    };
    s.set(path, value)
        .unwrap_or_else(|e| panic!("{path} = {x}: {e}"));
    evaluate(&s)
}

#[test]
fn largest_bar_matches_a_brute_force_recomputation() {
    for id in catalog::preset_ids() {
        let s = preset_scenario(id).unwrap();
        for swing in [20.0, 35.0] {
            let t = sensitivity(&s, swing);
            let base = evaluate(&s);
            assert_eq!(t.base_savings_usd, base.savings_vs_api_usd_per_month);
            // Recompute every bar from scratch: today's value, +/- swing, clamped to the range.
            let mut widest: Option<(f64, &str)> = None;
            for &(path, _) in SENSITIVITY_FIELDS {
                let now = match path {
                    "api.input_usd_per_mtok" => base.options.api.input_usd_per_mtok,
                    "api.output_usd_per_mtok" => base.options.api.output_usd_per_mtok,
                    "cloud.usd_per_gpu_hour" => base.options.rented.usd_per_gpu_hour,
                    "owned.gpu_price_usd" => base.options.owned.gpu_price_usd,
                    "self_host.output_tokens_per_sec_per_replica" => {
                        base.capacity.output_tokens_per_sec_per_replica
                    }
                    _ => s.get(path).as_f64().unwrap(),
                };
                let Some(FieldKind::Number { min, max, .. }) = field(path).map(|f| f.kind) else {
                    panic!("{path}")
                };
                let lo = (now * (1.0 - swing / 100.0)).clamp(min, max);
                let hi = (now * (1.0 + swing / 100.0)).clamp(min, max);
                let (a, b) = (with_field(&s, path, lo), with_field(&s, path, hi));
                let w = (b.savings_vs_api_usd_per_month - a.savings_vs_api_usd_per_month).abs();
                let got = bar(&t, path);
                assert_eq!((got.low_value, got.high_value), (lo, hi), "{id} {path}");
                assert_eq!(
                    got.savings_low_usd, a.savings_vs_api_usd_per_month,
                    "{id} {path}"
                );
                assert_eq!(
                    got.savings_high_usd, b.savings_vs_api_usd_per_month,
                    "{id} {path}"
                );
                if widest.is_none_or(|(wmax, _)| w > wmax) {
                    widest = Some((w, path));
                }
            }
            let (w, path) = widest.unwrap();
            let top = &t.bars[0];
            assert_eq!(
                (top.savings_high_usd - top.savings_low_usd).abs(),
                w,
                "{id}: {} vs {path}",
                top.field
            );
        }
    }
}

#[test]
fn odd_swings_never_panic_or_leave_the_ranges() {
    for swing in [f64::NAN, -5.0, 0.0, 100.0, 1.0e9] {
        let t = sensitivity(&Scenario::default(), swing);
        assert!((0.0..=100.0).contains(&t.swing_pct));
        let v = serde_json::to_value(&t).unwrap();
        assert!(!v.to_string().contains("NaN"));
        for b in &t.bars {
            let Some(FieldKind::Number { min, max, .. }) = field(&b.field).map(|f| f.kind) else {
                panic!()
            };
            assert!(b.low_value >= min && b.high_value <= max, "{b:?}");
            assert!(b.savings_low_usd.is_finite() && b.savings_high_usd.is_finite());
        }
    }
    // A swing of 0 gives zero-width bars at today's savings.
    let t = sensitivity(&Scenario::default(), 0.0);
    assert!(t.bars.iter().all(
        |b| b.savings_low_usd == t.base_savings_usd && b.savings_high_usd == t.base_savings_usd
    ));
}
