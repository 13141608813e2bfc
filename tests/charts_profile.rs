//! The hourly load profile of an imported usage export, read back from its ECharts option
//! JSON and its table.

use llm_tco::charts::{Cell, Look, usage_profile, usage_profile_table};
use llm_tco::format::Money;
use llm_tco::import::{Profile, import};
use serde_json::{Value, json};

fn option(profile: &Profile, dark: bool) -> Value {
    serde_json::from_str(&usage_profile(profile, &Look::new(dark, Money::usd())).to_string())
        .unwrap()
}

/// Three hours of load: 1 request at 09:00, 2 at 10:00, 3 at 23:00 (6 in all).
fn three_hours() -> Profile {
    let mut pct = vec![0.0; 24];
    pct[9] = 100.0 / 6.0;
    pct[10] = 200.0 / 6.0;
    pct[23] = 300.0 / 6.0;
    Profile {
        basis: "requests",
        hour_of_day_pct: pct,
        hourly: Vec::new(),
    }
}

#[test]
fn one_bar_per_utc_hour_with_its_share_in_tenths_of_a_percent() {
    let json = option(&three_hours(), false);
    let hours = json["xAxis"]["data"].as_array().unwrap();
    assert_eq!(hours.len(), 24);
    assert_eq!(hours[0], "00");
    assert_eq!(hours[23], "23");
    assert_eq!(json["xAxis"]["name"], "Hour of day (UTC)");
    assert_eq!(json["yAxis"]["name"], "Share of requests (%)");
    let series = json["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["type"], "bar");
    assert_eq!(series[0]["name"], "Share of requests");
    let data = series[0]["data"].as_array().unwrap();
    // 1/6 = 16.67% -> 16.7; 2/6 = 33.33% -> 33.3; 3/6 = 50%.
    assert_eq!(data[9], json!(16.7));
    assert_eq!(data[10], json!(33.3));
    assert_eq!(data[23], json!(50.0));
    assert_eq!(data[0], json!(0.0));
    // The API's colour, a shade lighter on a dark page.
    assert_eq!(series[0]["itemStyle"]["color"], "#2563eb");
    assert_eq!(
        option(&three_hours(), true)["series"][0]["itemStyle"]["color"],
        "#3b82f6"
    );
}

#[test]
fn the_table_holds_the_same_shares() {
    let table = usage_profile_table(&three_hours());
    assert_eq!(table.columns, vec!["Hour (UTC)", "Share of requests"]);
    assert_eq!(table.rows.len(), 24);
    assert_eq!(table.rows[9][0], Cell::Text("09:00".into()));
    assert_eq!(table.rows[9][1].value(), Some(16.7));
    assert_eq!(table.rows[9][1].shown(), "16.7%");
    assert_eq!(table.rows[23][1].shown(), "50.0%");
    assert!(table.to_csv().contains("\r\n23:00,50\r\n"));
}

#[test]
fn a_short_profile_leaves_the_missing_hours_empty() {
    let short = Profile {
        basis: "tokens",
        hour_of_day_pct: vec![100.0],
        hourly: Vec::new(),
    };
    let json = option(&short, false);
    assert_eq!(json["yAxis"]["name"], "Share of tokens (%)");
    let data = json["series"][0]["data"].as_array().unwrap();
    assert_eq!(data.len(), 24);
    assert_eq!(data[0], json!(100.0));
    assert_eq!(data[1], Value::Null);
    assert_eq!(usage_profile_table(&short).rows[1][1], Cell::Empty);
}

#[test]
fn the_openai_sample_charts_its_derived_profile() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/usage/openai_usage_hourly.json"
    ))
    .unwrap();
    let derived = import(&[&bytes]).unwrap();
    let profile = derived.profile.expect("hourly buckets have a profile");
    let json = option(&profile, false);
    let data: Vec<f64> = json["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    // Interactive requests in the sample (batch left out): 09:00 has 120 on Nov 2 and 130
    // on Nov 3, 10:00 has 200, 11:00 has 50; 500 in all -> 50%, 40%, 10%.
    let mut expected = vec![0.0; 24];
    expected[9] = 50.0;
    expected[10] = 40.0;
    expected[11] = 10.0;
    assert_eq!(data, expected);
}
