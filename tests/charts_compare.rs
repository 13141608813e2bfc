//! The comparison chart of saved scenarios: two lines per scenario on a log volume axis.

use llm_tco::charts::{Look, compare};
use llm_tco::format::Money;
use llm_tco::model::evaluate;
use llm_tco::scenario::preset_scenario;
use serde_json::Value;

#[test]
fn each_scenario_draws_its_api_line_and_its_cheapest_self_host_line() {
    let a = evaluate(&preset_scenario("document-processing").unwrap());
    let b = evaluate(&preset_scenario("customer-support-chatbot").unwrap());
    let look = Look::new(false, Money::usd());
    let option: Value = serde_json::from_str(
        &compare(&[("Docs".into(), &a), ("Bot".into(), &b)], &look).to_string(),
    )
    .unwrap();
    let series = option["series"].as_array().unwrap();
    let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Docs · API",
            "Docs · self-host",
            "Bot · API",
            "Bot · self-host"
        ]
    );
    assert_eq!(option["xAxis"]["type"], "log");
    assert_eq!(series[1]["lineStyle"]["type"], "dashed");
    // Same colour for a scenario's two lines, another for the next scenario.
    assert_eq!(
        series[0]["lineStyle"]["color"],
        series[1]["lineStyle"]["color"]
    );
    assert_ne!(
        series[0]["lineStyle"]["color"],
        series[2]["lineStyle"]["color"]
    );
    // The self-host line is the cheaper of rented and owned at every volume.
    for (point, drawn) in a.curve.iter().zip(series[1]["data"].as_array().unwrap()) {
        assert_eq!(drawn[0].as_f64().unwrap(), point.monthly_requests);
        assert_eq!(
            drawn[1].as_f64().unwrap(),
            look.value(point.rented_usd.min(point.owned_usd))
        );
    }
    assert_eq!(series[0]["data"].as_array().unwrap().len(), a.curve.len());
}
