//! The breakeven chart, read back from its ECharts option JSON.

use llm_tco::charts::{Cell, Look, breakeven, breakeven_table};
use llm_tco::format::Money;
use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::Scenario;
use serde_json::{Value, json};

mod common;
use common::series;

fn scenario(fields: &[(&str, Value)]) -> Scenario {
    let mut s = Scenario::default();
    for (path, value) in fields {
        s.set(path, value.clone())
            .unwrap_or_else(|e| panic!("{path}: {e:?}"));
    }
    s
}

fn chart(s: &Scenario) -> (Report, Look, Value) {
    let report = evaluate(s);
    let look = Look::new(false, Money::from_org(&s.org));
    let json = serde_json::from_str(&breakeven(&report, s, &look).to_string()).unwrap();
    (report, look, json)
}

/// The x positions and labels of a series' mark lines.
fn marks(series: &Value) -> Vec<(f64, String)> {
    series["markLine"]["data"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|m| {
                    (
                        m["xAxis"].as_f64().unwrap(),
                        m["label"]["formatter"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn log_x_axis_money_y_axis_zoom_and_four_named_series() {
    let (_, _, json) = chart(&Scenario::default());
    assert_eq!(json["xAxis"]["type"], "log");
    assert_eq!(json["xAxis"]["name"], "Monthly requests");
    assert_eq!(json["yAxis"]["type"], "value");
    assert_eq!(json["yAxis"]["name"], "Monthly cost (USD)");
    assert_eq!(json["tooltip"]["trigger"], "axis");
    assert_eq!(json["animation"], false);
    assert_eq!(json["backgroundColor"], "transparent");
    assert_eq!(json["grid"][0]["containLabel"], true);
    let zoom = json["dataZoom"].as_array().unwrap();
    assert_eq!(
        zoom.iter()
            .map(|z| z["type"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["inside", "slider"]
    );
    assert!(
        zoom.iter()
            .all(|z| z["filterMode"] == "none" && z["xAxisIndex"] == 0)
    );
    let names: Vec<&str> = json["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"]);
    for (name, colour) in [
        ("Cloud API", "#2563eb"),
        ("Rented GPUs", "#ea580c"),
        ("Owned GPUs", "#16a34a"),
        ("Hybrid", "#9333ea"),
    ] {
        let s = series(&json, name);
        assert_eq!(s["type"], "line");
        assert_eq!(s["lineStyle"]["color"], colour);
        // Plain lines: the curve holds both edges of each step, so risers are vertical.
        assert!(s.get("step").is_none());
    }
}

#[test]
fn series_are_the_curve_points() {
    let (report, _, json) = chart(&Scenario::default());
    let rented = series(&json, "Rented GPUs")["data"].as_array().unwrap();
    assert_eq!(rented.len(), report.curve.len());
    for (point, p) in rented.iter().zip(&report.curve) {
        assert_eq!(point[0].as_f64().unwrap(), p.monthly_requests);
        assert!((point[1].as_f64().unwrap() - p.rented_usd).abs() <= 0.005);
    }
}

#[test]
fn today_and_breakevens_are_marked_exactly() {
    let s = scenario(&[("workload.monthly_requests", json!(1_234_567))]);
    let (report, _, json) = chart(&s);
    assert_eq!(
        marks(series(&json, "Cloud API")),
        [(1_234_567.0, "Today: 1.2M".to_string())]
    );
    let rented = report
        .breakeven
        .rented_vs_api
        .monthly_requests
        .expect("default scenario breaks even");
    let owned = report
        .breakeven
        .owned_vs_api
        .monthly_requests
        .expect("default scenario breaks even");
    let rented_marks = marks(series(&json, "Rented GPUs"));
    assert_eq!(rented_marks.len(), 1);
    assert_eq!(rented_marks[0].0, rented);
    assert!(
        rented_marks[0].1.starts_with("Rented breakeven "),
        "{}",
        rented_marks[0].1
    );
    assert_eq!(marks(series(&json, "Owned GPUs"))[0].0, owned);
    assert!(marks(series(&json, "Hybrid")).is_empty());
}

#[test]
fn no_breakeven_no_mark() {
    // A free API never costs more than self-hosting.
    let s = scenario(&[
        ("api.input_usd_per_mtok", json!(0)),
        ("api.output_usd_per_mtok", json!(0)),
    ]);
    let (report, _, json) = chart(&s);
    assert_eq!(report.breakeven.rented_vs_api.monthly_requests, None);
    assert_eq!(report.breakeven.owned_vs_api.monthly_requests, None);
    assert!(series(&json, "Rented GPUs").get("markLine").is_none());
    assert!(series(&json, "Owned GPUs").get("markLine").is_none());
    assert_eq!(marks(series(&json, "Cloud API")).len(), 1);
}

#[test]
fn exchange_rate_scales_every_cost() {
    let plain = chart(&Scenario::default()).2;
    let s = scenario(&[
        ("org.currency", json!("EUR")),
        ("org.usd_exchange_rate", json!(2)),
    ]);
    let (_, look, doubled) = chart(&s);
    assert_eq!(look.money.format(1.0), "€2.00");
    assert_eq!(doubled["yAxis"]["name"], "Monthly cost (EUR)");
    for name in ["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"] {
        let (a, b) = (
            series(&plain, name)["data"].as_array().unwrap(),
            series(&doubled, name)["data"].as_array().unwrap(),
        );
        assert_eq!(a.len(), b.len());
        for (a, b) in a.iter().zip(b) {
            assert_eq!(a[0], b[0], "volumes do not change");
            assert!(
                (2.0 * a[1].as_f64().unwrap() - b[1].as_f64().unwrap()).abs() <= 0.011,
                "{name}: {a} vs {b}"
            );
        }
    }
}

#[test]
fn infeasible_self_hosting_keeps_a_marked_empty_legend_entry() {
    let s = scenario(&[
        ("self_host.model", json!("llama-3.1-405b")),
        ("self_host.gpu", json!("l4")),
        ("self_host.gpus_per_replica", json!(1)),
    ]);
    let (report, _, json) = chart(&s);
    assert!(!report.options.rented.feasible);
    for name in [
        "Rented GPUs (does not fit)",
        "Owned GPUs (does not fit)",
        "Hybrid (does not fit)",
    ] {
        let s = series(&json, name);
        assert!(s.get("data").is_none(), "{name} draws nothing");
        assert!(s.get("markLine").is_none(), "{name} marks nothing");
    }
    assert!(
        !series(&json, "Cloud API")["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn dark_look_lightens_text_and_colours() {
    let s = Scenario::default();
    let report = evaluate(&s);
    let dark: Value =
        serde_json::from_str(&breakeven(&report, &s, &Look::new(true, Money::usd())).to_string())
            .unwrap();
    assert_eq!(dark["xAxis"]["axisLabel"]["color"], "#e5e7eb");
    assert_eq!(dark["legend"]["textStyle"]["color"], "#e5e7eb");
    assert_eq!(series(&dark, "Cloud API")["lineStyle"]["color"], "#3b82f6");
    let light = chart(&s).2;
    assert_eq!(light["xAxis"]["axisLabel"]["color"], "#1f2937");
}

#[test]
fn table_holds_the_chart_numbers() {
    let s = Scenario::default();
    let (report, look, json) = chart(&s);
    let table = breakeven_table(&report, &s, &look);
    assert_eq!(
        table.columns,
        [
            "Monthly requests",
            "Cloud API (USD)",
            "Rented GPUs (USD)",
            "Owned GPUs (USD)",
            "Hybrid (USD)"
        ]
    );
    assert_eq!(table.rows.len(), report.curve.len());
    assert!(table.caption.contains("Today: 1M"), "{}", table.caption);
    let names = ["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"];
    for (i, row) in table.rows.iter().enumerate() {
        for (col, name) in names.iter().enumerate() {
            let point = &series(&json, name)["data"][i];
            assert_eq!(row[0].value(), point[0].as_f64());
            assert_eq!(row[col + 1].value(), point[1].as_f64(), "row {i} {name}");
        }
    }
    assert!(matches!(&table.rows[0][1], Cell::Number { shown, .. } if shown.starts_with('$')));
}
