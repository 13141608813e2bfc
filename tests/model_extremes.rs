//! Numbers at the edges of what the inputs allow: volumes, fleets, prices and horizons
//! far from the presets, and every numeric field at its minimum or maximum at once. Each
//! report must keep the report's number rules (finite, non-negative dollars, `null` only
//! where a value is optional; see `common/report_check.rs`), and values outside a field's
//! range must be refused with a message naming the field.

mod common;

use common::report_check::{non_finite_in_debug, report_problems};
use common::{audit_base, audit_scenario};
use llm_tco::link::decode;
use llm_tco::model::{
    Report, default_ranges, evaluate, flip_points, hybrid_strategies, sensitivity, uncertainty,
};
use llm_tco::scenario::{FIELDS, FieldKind, Scenario};
use serde_json::{Value, json};

/// Evaluates and checks the report's number rules, returning the report.
fn clean_report(s: &Scenario) -> Report {
    let report = evaluate(s);
    let problems = report_problems(&serde_json::to_value(&report).unwrap());
    assert!(
        problems.is_empty(),
        "report breaks its number rules: {problems:#?}"
    );
    report
}

/// The analyses the page runs beside the report stay finite too.
fn clean_analyses(s: &Scenario) {
    let debug = format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        sensitivity(s, 20.0),
        flip_points(s),
        hybrid_strategies(s),
        uncertainty(s, &default_ranges(s), 200, 7),
    );
    let problems = non_finite_in_debug(&debug);
    assert!(
        problems.is_empty(),
        "analysis has non-finite numbers: {problems:#?}"
    );
}

fn with(mut base: Value, pointer: &str, value: Value) -> Scenario {
    *base.pointer_mut(pointer).unwrap() = value;
    Scenario::from_value(&base).expect("valid scenario")
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

#[test]
fn a_billion_requests_a_month() {
    // API: 1e9 x (1,000 x $2 + 100 x $10) / 1e6 = 1e9 x $0.003 = $3,000,000.
    // A replica serves 100 tok/s / 100 tok x 730 h x 3,600 s = 2,628,000 requests a month,
    // so 1e9 needs ceil(1e9 / 2,628,000) = 381 replicas; 381 x 730 h x $2 = $556,260.
    let r = clean_report(&audit_scenario(1.0e9));
    close(r.options.api.monthly_usd, 3_000_000.0);
    assert_eq!(r.options.rented.replicas, 381);
    close(r.options.rented.monthly_usd, 556_260.0);
    assert!(r.savings_vs_api_usd_per_month > 0.0);
    clean_analyses(&audit_scenario(1.0e9));
}

#[test]
fn a_thousand_gpu_fleet() {
    // At the smallest measured throughput, 0.001 tok/s, a replica serves 0.001 / 100 x
    // 730 x 3,600 = 26.28 requests a month, 26 whole ones: 26,000 requests need exactly
    // 1,000 one-GPU replicas, 1,000 x 730 h x $2 = $1,460,000 a month rented.
    let s = with(
        audit_base(26_000.0),
        "/self_host/output_tokens_per_sec_per_replica",
        json!(0.001),
    );
    let r = clean_report(&s);
    assert_eq!(r.options.rented.replicas, 1000);
    assert_eq!(r.options.rented.gpus, 1000);
    close(r.options.rented.monthly_usd, 1_460_000.0);
    assert_eq!(r.options.owned.gpus, 1000);
    clean_analyses(&s);
}

#[test]
fn a_fleet_of_billions_of_replicas_stays_finite() {
    // 1e11 requests at 0.001 tok/s and 1e6 output tokens each: about 3.8e15 replicas.
    let mut base = audit_base(1.0e11);
    base["self_host"]["output_tokens_per_sec_per_replica"] = json!(0.001);
    base["workload"]["output_tokens_per_request"] = json!(1.0e6);
    let s = Scenario::from_value(&base).unwrap();
    clean_report(&s);
    clean_analyses(&s);
}

#[test]
fn prices_of_a_hundredth_of_a_cent() {
    // $0.0001 per million tokens: 1e6 x 1,100 tokens x $0.0001 / 1e6 = $0.11 a month, and
    // self-hosting at $1,460 a month for one GPU never breaks even below the search ceiling.
    let mut base = audit_base(1.0e6);
    for price in [
        "input_usd_per_mtok",
        "output_usd_per_mtok",
        "cached_input_usd_per_mtok",
    ] {
        base["api"][price] = json!(0.0001);
    }
    let s = Scenario::from_value(&base).unwrap();
    let r = clean_report(&s);
    close(r.options.api.monthly_usd, 0.11);
    assert!(r.breakeven.rented_vs_api.monthly_requests.is_none());
    assert!(r.breakeven.rented_vs_api.not_below.is_some());
    clean_analyses(&s);
}

#[test]
fn ten_and_twenty_year_horizons() {
    for months in [120u32, 240] {
        let mut base = audit_base(2.0e6);
        base["org"]["horizon_months"] = json!(months);
        base["workload"]["monthly_growth_pct"] = json!(5);
        let s = Scenario::from_value(&base).unwrap();
        let r = clean_report(&s);
        assert_eq!(r.tco.months.len(), months as usize);
        assert_eq!(r.tco.months.last().unwrap().month, months);
        clean_analyses(&s);
    }
}

#[test]
fn zero_input_tokens() {
    // Output only: 1e6 x 100 x $10 / 1e6 = $1,000 a month, all of it output tokens.
    let s = with(
        audit_base(1.0e6),
        "/workload/input_tokens_per_request",
        json!(0),
    );
    let r = clean_report(&s);
    close(r.options.api.monthly_usd, 1000.0);
    close(r.options.api.billed_input_tokens_per_month, 0.0);
    clean_analyses(&s);
}

#[test]
fn zero_requests() {
    let r = clean_report(&audit_scenario(0.0));
    assert_eq!(r.options.api.usd_per_request, 0.0);
    assert_eq!(r.options.rented.serving_replicas, 0);
}

/// The audit scenario with every numeric field at `pick(min, max)`; optional ones included.
fn every_number_at(pick: fn(f64, f64) -> f64) -> Scenario {
    let mut base = audit_base(1.0e6);
    for spec in FIELDS {
        if let FieldKind::Number { min, max, .. } = spec.kind {
            let (group, leaf) = spec.path.split_once('.').unwrap_or(("", spec.path));
            base[group][leaf] = json!(pick(min, max));
        }
    }
    Scenario::from_value(&base).expect("every bound is allowed")
}

#[test]
fn every_numeric_field_at_its_maximum() {
    let s = every_number_at(|_, max| max);
    clean_report(&s);
    clean_analyses(&s);
}

#[test]
fn every_numeric_field_at_its_minimum() {
    let s = every_number_at(|min, _| min);
    clean_report(&s);
    clean_analyses(&s);
}

#[test]
fn every_preset_at_extreme_volumes() {
    for preset in llm_tco::catalog::preset_ids() {
        for volume in [0.0, 1.0, 1.0e11] {
            let s = Scenario::from_value(
                &json!({ "preset": preset, "workload": { "monthly_requests": volume } }),
            )
            .unwrap();
            clean_report(&s);
        }
    }
}

#[test]
fn values_out_of_range_are_refused_naming_the_field() {
    for spec in FIELDS {
        let FieldKind::Number {
            min, max, integer, ..
        } = spec.kind
        else {
            continue;
        };
        let (group, leaf) = spec.path.split_once('.').unwrap_or(("", spec.path));
        let too_big = if integer { max + 1.0 } else { max * 2.0 + 1.0 };
        let too_small = if min > 0.0 {
            min / 2.0 - 1.0
        } else {
            min - 1.0
        };
        let mut bad = vec![json!(too_big), json!(too_small), json!("12"), json!(true)];
        if integer {
            bad.push(json!(min + 0.5));
        }
        for value in bad {
            let mut base = audit_base(1.0e6);
            base[group][leaf] = value.clone();
            let errors =
                Scenario::from_value(&base).expect_err(&format!("{} = {value}", spec.path));
            assert!(
                errors
                    .iter()
                    .any(|e| e.field == spec.path || e.message.contains(leaf)),
                "{} = {value}: {errors:?}",
                spec.path
            );
            if value.is_number() {
                let e = errors.iter().find(|e| e.field == spec.path).unwrap();
                assert!(
                    e.message.starts_with("must be"),
                    "{}: {}",
                    spec.path,
                    e.message
                );
            }
        }
        // The same values in a link are ignored with a notice naming the field, and the
        // scenario keeps a valid value.
        let link = format!("v=1&{}={too_big}", spec.alias);
        let d = decode(&link);
        assert!(
            d.notices.iter().any(|n| n.field == spec.path),
            "{link}: {:?}",
            d.notices
        );
        assert!(d.scenario.validate().is_ok());
    }
}

#[test]
fn whole_numbers_written_with_a_point_are_read_and_wrong_types_name_their_field() {
    // Once refused with serde's message, which named the value ("240.0") as the field.
    let s = Scenario::from_value(
        &json!({ "org": { "horizon_months": 240.0 }, "self_host": { "redundancy_replicas": 2.0 } }),
    )
    .unwrap();
    assert_eq!(
        (s.org.horizon_months, s.self_host.redundancy_replicas),
        (240, 2)
    );
    let errors = Scenario::from_value(
        &json!({ "org": { "horizon_months": 12.5 }, "workload": { "monthly_requests": "12" } }),
    )
    .unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["workload.monthly_requests", "org.horizon_months"]);
    assert_eq!(errors[1].message, "must be a whole number from 1 to 240");
}
