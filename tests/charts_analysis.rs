//! The tornado and the savings histogram, read back from their ECharts option JSON.

use llm_tco::charts::{Look, histogram, histogram_table, tornado, tornado_table};
use llm_tco::format::Money;
use llm_tco::model::{UncertainRange, sensitivity, uncertainty};
use llm_tco::scenario::Scenario;
use serde_json::Value;

fn json(chart: llm_tco::charts::Chart) -> Value {
    serde_json::from_str(&chart.to_string()).unwrap()
}

#[test]
fn tornado_puts_the_largest_swing_on_top_with_deltas_from_today() {
    let s = Scenario::default();
    let sens = sensitivity(&s, 20.0);
    let look = Look::new(false, Money::usd());
    let j = json(tornado(&sens, &look));
    let labels = j["yAxis"]["data"].as_array().unwrap();
    assert_eq!(labels.len(), sens.bars.len());
    // ECharts draws the last category on top: that must be the largest bar.
    let top = &sens.bars[0];
    assert_eq!(labels.last().unwrap(), top.label.as_str());
    assert_eq!(j["series"][0]["name"], "-20%");
    assert_eq!(j["series"][1]["name"], "+20%");
    let last = labels.len() - 1;
    assert_eq!(
        j["series"][0]["data"][last].as_f64().unwrap(),
        look.value(top.savings_low_usd - sens.base_savings_usd)
    );
    assert_eq!(
        j["series"][1]["data"][last].as_f64().unwrap(),
        look.value(top.savings_high_usd - sens.base_savings_usd)
    );
    let table = tornado_table(&sens, &look);
    assert_eq!(table.rows.len(), sens.bars.len());
    assert_eq!(table.rows[0][0].shown(), top.label);
}

#[test]
fn histogram_shares_add_up_and_mark_the_percentiles() {
    let s = Scenario::default();
    let ranges = llm_tco::model::default_ranges(&s);
    let u = uncertainty(&s, &ranges, 2_000, 7);
    let look = Look::new(true, Money::usd());
    let j = json(histogram(&u, &look));
    let mut total = 0.0;
    for series in j["series"].as_array().unwrap() {
        for v in series["data"].as_array().unwrap() {
            total += v.as_f64().unwrap_or(0.0);
        }
    }
    // Shares are rounded to 0.1% per bin: 30 bins stay within 1.5 points of 100%.
    assert!((total - 100.0).abs() < 1.5, "{total}");
    let marks = j["series"][1]["markLine"]["data"].as_array().unwrap();
    assert_eq!(marks.len(), 3);
    let p50_bin = u
        .histogram
        .iter()
        .position(|b| u.p50_usd >= b.from_usd && u.p50_usd <= b.to_usd)
        .unwrap();
    assert_eq!(marks[1]["xAxis"].as_f64().unwrap(), p50_bin as f64);
    let table = histogram_table(&u, &look);
    assert_eq!(table.rows.len(), u.histogram.len());
    let counted: f64 = table.rows.iter().map(|r| r[2].value().unwrap()).sum();
    assert_eq!(counted, 2_000.0);
}

#[test]
fn a_certain_input_gives_one_bar_at_the_point_estimate() {
    let s = Scenario::default();
    let v = s.workload.monthly_requests;
    let ranges = vec![UncertainRange {
        field: "workload.monthly_requests".into(),
        label: "Monthly requests".into(),
        low: v,
        likely: v,
        high: v,
    }];
    let u = uncertainty(&s, &ranges, 500, 1);
    let j = json(histogram(&u, &Look::new(false, Money::usd())));
    let bars: Vec<f64> = j["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["data"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_f64)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(bars, vec![100.0]);
}
