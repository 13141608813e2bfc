//! The cost breakdown chart, read back from its ECharts option JSON.

use llm_tco::charts::{Cell, Look, breakdown, breakdown_table};
use llm_tco::format::Money;
use llm_tco::model::evaluate;
use llm_tco::scenario::Scenario;
use serde_json::{Value, json};

fn stack_sums(json: &Value) -> [f64; 4] {
    let mut sums = [0.0; 4];
    for s in json["series"].as_array().unwrap() {
        assert_eq!(s["type"], "bar");
        assert_eq!(s["stack"], "cost");
        let data = s["data"].as_array().unwrap();
        assert_eq!(data.len(), 4, "one value per option");
        for (sum, v) in sums.iter_mut().zip(data) {
            *sum += v.as_f64().unwrap_or(0.0);
        }
    }
    sums
}

#[test]
fn stacks_sum_to_each_options_monthly_cost() {
    let mut s = Scenario::default();
    s.set("org.usd_exchange_rate", json!(2)).unwrap();
    s.set("org.currency", json!("EUR")).unwrap();
    let report = evaluate(&s);
    let json: Value = serde_json::from_str(
        &breakdown(&report, &Look::new(false, Money::from_org(&s.org))).to_string(),
    )
    .unwrap();
    assert_eq!(json["xAxis"]["type"], "category");
    assert_eq!(
        json["xAxis"]["data"],
        json!(["Cloud API", "Rented GPUs", "Owned GPUs", "Hybrid"])
    );
    assert_eq!(json["yAxis"]["name"], "Monthly cost (EUR)");
    assert_eq!(json["legend"]["type"], "scroll");
    let o = &report.options;
    let expected = [
        o.api.monthly_usd,
        o.rented.monthly_usd,
        o.owned.monthly_usd,
        o.hybrid.monthly_usd,
    ];
    for (sum, usd) in stack_sums(&json).iter().zip(expected) {
        // Each segment is rounded to cents.
        assert!((sum - 2.0 * usd).abs() <= 0.1, "{sum} vs {}", 2.0 * usd);
    }
}

#[test]
fn an_option_without_an_item_has_null_not_zero() {
    let report = evaluate(&Scenario::default());
    let json: Value =
        serde_json::from_str(&breakdown(&report, &Look::new(false, Money::usd())).to_string())
            .unwrap();
    let series = json["series"].as_array().unwrap();
    let power = series
        .iter()
        .find(|s| s["name"] == "Power")
        .expect("owned GPUs draw power");
    assert_eq!(power["data"][0], Value::Null, "the API has no power bill");
    assert!(power["data"][2].as_f64().unwrap() > 0.0);
    // Items can repeat across options: one series each.
    let mut names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
    let n = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), n);
}

#[test]
fn table_has_item_rows_and_a_total_row() {
    let report = evaluate(&Scenario::default());
    let look = Look::new(false, Money::usd());
    let json: Value = serde_json::from_str(&breakdown(&report, &look).to_string()).unwrap();
    let table = breakdown_table(&report, &look);
    let series = json["series"].as_array().unwrap();
    assert_eq!(table.rows.len(), series.len() + 1);
    for (row, s) in table.rows.iter().zip(series) {
        assert_eq!(row[0], Cell::Text(s["name"].as_str().unwrap().into()));
        for col in 0..4 {
            assert_eq!(row[col + 1].value(), s["data"][col].as_f64());
        }
    }
    let total = table.rows.last().unwrap();
    assert_eq!(total[0], Cell::Text("Total".into()));
    assert_eq!(
        total[1].value(),
        Some(look.value(report.options.api.monthly_usd))
    );
    assert_eq!(
        total[1].shown(),
        Money::usd().format(report.options.api.monthly_usd)
    );
}

#[test]
fn infeasible_options_have_empty_bars() {
    let mut s = Scenario::default();
    s.set("self_host.model", json!("llama-3.1-405b")).unwrap();
    s.set("self_host.gpu", json!("l4")).unwrap();
    s.set("self_host.gpus_per_replica", json!(1)).unwrap();
    let report = evaluate(&s);
    let look = Look::new(false, Money::usd());
    let json: Value = serde_json::from_str(&breakdown(&report, &look).to_string()).unwrap();
    assert_eq!(json["xAxis"]["data"][1], "Rented GPUs\n(does not fit)");
    for s in json["series"].as_array().unwrap() {
        assert_eq!(s["data"][1], Value::Null);
        assert_eq!(s["data"][2], Value::Null);
    }
    let table = breakdown_table(&report, &look);
    assert_eq!(table.columns[2], "Rented GPUs (USD, does not fit)");
    assert!(table.rows.iter().all(|r| r[2] == Cell::Empty));
}

#[test]
fn one_kind_of_cost_is_one_series_across_options() {
    // Operations appear in every option with different FTE counts (0.05 for the API,
    // 0.25 for self-hosting): they stack as one "Operations" series, not one per label.
    let report = evaluate(&Scenario::default());
    let json: Value =
        serde_json::from_str(&breakdown(&report, &Look::new(false, Money::usd())).to_string())
            .unwrap();
    let series = json["series"].as_array().unwrap();
    let ops = series
        .iter()
        .find(|s| s["name"] == "Operations")
        .expect("an operations series");
    // 0.05 x $16,000 = $800 for the API; 0.25 x $16,000 = $4,000 for rented and owned.
    assert_eq!(ops["data"][0], json!(800.0));
    assert_eq!(ops["data"][1], json!(4000.0));
    assert_eq!(ops["data"][2], json!(4000.0));
    assert!(
        series
            .iter()
            .all(|s| !s["name"].as_str().unwrap().contains("FTE"))
    );
    // The routing hybrid is made of its two parts.
    let hybrid: Vec<&str> = series
        .iter()
        .filter(|s| !s["data"][3].is_null())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(hybrid, ["API part", "Self-hosted part"]);
}
