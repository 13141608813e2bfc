//! The TCO chart, read back from its ECharts option JSON.

use llm_tco::charts::{Look, tco, tco_table};
use llm_tco::format::Money;
use llm_tco::model::evaluate;
use llm_tco::scenario::Scenario;
use serde_json::{Value, json};

mod common;
use common::series;

fn last_y(json: &Value, name: &str) -> f64 {
    series(json, name)["data"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()[1]
        .as_f64()
        .unwrap()
}

#[test]
fn one_point_per_month_ending_at_the_totals_in_display_currency() {
    let mut s = Scenario::default();
    s.set("org.horizon_months", json!(24)).unwrap();
    s.set("org.currency", json!("GBP")).unwrap();
    s.set("org.usd_exchange_rate", json!(2)).unwrap();
    let report = evaluate(&s);
    let look = Look::new(false, Money::from_org(&s.org));
    let json: Value = serde_json::from_str(&tco(&report, &look).to_string()).unwrap();
    assert_eq!(json["xAxis"]["type"], "value");
    assert_eq!(json["xAxis"]["min"], 1);
    assert_eq!(json["xAxis"]["max"], 24);
    assert_eq!(json["yAxis"]["name"], "Cumulative cost (GBP)");
    assert_eq!(json["tooltip"]["trigger"], "axis");
    for name in ["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"] {
        let data = series(&json, name)["data"].as_array().unwrap();
        assert_eq!(data.len(), 24, "{name}");
        assert_eq!(data[0][0], 1.0);
        assert_eq!(data[23][0], 24.0);
    }
    let t = report.tco.total_usd;
    for (name, usd) in [
        ("Cloud API", t.api),
        ("Rented GPUs", t.rented),
        ("Owned GPUs", t.owned),
        ("Hybrid", t.hybrid),
    ] {
        assert!(
            (last_y(&json, name) - 2.0 * usd).abs() <= 0.005,
            "{name}: {} vs {}",
            last_y(&json, name),
            2.0 * usd
        );
    }
}

#[test]
fn payback_months_are_marked_on_their_options() {
    let s = Scenario::default();
    let report = evaluate(&s);
    let json: Value =
        serde_json::from_str(&tco(&report, &Look::new(false, Money::usd())).to_string()).unwrap();
    let owned = report
        .tco
        .payback_month_owned
        .expect("default scenario pays back");
    let rented = report
        .tco
        .payback_month_rented
        .expect("default scenario pays back");
    let mark = &series(&json, "Owned GPUs")["markLine"]["data"][0];
    assert_eq!(mark["xAxis"].as_f64(), Some(f64::from(owned)));
    assert_eq!(
        mark["label"]["formatter"],
        format!("Owned pays back: month {owned}")
    );
    let mark = &series(&json, "Rented GPUs")["markLine"]["data"][0];
    assert_eq!(mark["xAxis"].as_f64(), Some(f64::from(rented)));
    assert_eq!(
        mark["label"]["formatter"],
        format!("Rented pays back: month {rented}")
    );
    assert!(series(&json, "Cloud API").get("markLine").is_none());
}

#[test]
fn no_payback_no_mark() {
    let mut s = Scenario::default();
    s.set("api.input_usd_per_mtok", json!(0)).unwrap();
    s.set("api.output_usd_per_mtok", json!(0)).unwrap();
    let report = evaluate(&s);
    assert_eq!(report.tco.payback_month_owned, None);
    let json: Value =
        serde_json::from_str(&tco(&report, &Look::new(false, Money::usd())).to_string()).unwrap();
    assert!(series(&json, "Owned GPUs").get("markLine").is_none());
}

#[test]
fn table_has_a_row_per_month_with_the_chart_numbers() {
    let s = Scenario::default();
    let report = evaluate(&s);
    let look = Look::new(true, Money::usd());
    let json: Value = serde_json::from_str(&tco(&report, &look).to_string()).unwrap();
    let table = tco_table(&report, &look);
    assert_eq!(table.rows.len(), report.tco.months.len());
    assert_eq!(table.columns[0], "Month");
    assert!(
        table.caption.contains("Owned pays back: month"),
        "{}",
        table.caption
    );
    for (i, row) in table.rows.iter().enumerate() {
        assert_eq!(row[0].value(), Some((i + 1) as f64));
        for (col, name) in ["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"]
            .iter()
            .enumerate()
        {
            assert_eq!(
                row[col + 1].value(),
                series(&json, name)["data"][i][1].as_f64(),
                "month {} {name}",
                i + 1
            );
        }
    }
}
