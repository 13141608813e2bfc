//! What every chart shares: finite numbers for any preset, tables that export to CSV.

use llm_tco::catalog;
use llm_tco::charts::{Cell, Look, Table, breakdown, breakeven, breakeven_table, tco, tco_table};
use llm_tco::format::Money;
use llm_tco::model::evaluate;
use llm_tco::scenario::preset_scenario;
use serde_json::Value;

/// Every number in the option, with where it sits.
fn numbers<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| numbers(x, format!("{path}/{i}"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| numbers(x, format!("{path}/{k}"), out)),
        _ => out.push((path, v)),
    }
}

#[test]
fn presets_chart_finite_numbers_only() {
    let ids = catalog::preset_ids();
    assert!(ids.len() >= 5);
    for id in ids {
        let s = preset_scenario(id).unwrap_or_else(|| panic!("preset {id}"));
        let report = evaluate(&s);
        for look in [
            Look::new(false, Money::from_org(&s.org)),
            Look::new(
                true,
                Money {
                    currency: "JPY".into(),
                    rate: 150.0,
                },
            ),
        ] {
            for (which, text) in [
                ("breakeven", breakeven(&report, &s, &look).to_string()),
                ("tco", tco(&report, &look).to_string()),
                ("breakdown", breakdown(&report, &look).to_string()),
            ] {
                assert!(
                    !text.contains("NaN") && !text.contains("Infinity"),
                    "{id} {which}"
                );
                let json: Value = serde_json::from_str(&text).unwrap();
                let mut all = Vec::new();
                numbers(&json, String::new(), &mut all);
                for (path, v) in all {
                    // Only a breakdown bar an option lacks may be null (serde writes NaN as null).
                    let allowed = which == "breakdown"
                        && path.starts_with("/series/")
                        && path.contains("/data/");
                    assert!(!v.is_null() || allowed, "{id} {which}: null at {path}");
                    if let Some(x) = v.as_f64() {
                        assert!(x.is_finite(), "{id} {which}: {x} at {path}");
                    }
                }
                let series = json["series"].as_array().unwrap();
                assert!(
                    series
                        .iter()
                        .any(|s| s["data"].as_array().is_some_and(|d| !d.is_empty())),
                    "{id} {which} draws"
                );
            }
            assert_eq!(
                tco_table(&report, &look).rows.len(),
                report.tco.months.len()
            );
        }
    }
}

#[test]
fn csv_quotes_per_rfc_4180_and_writes_raw_numbers() {
    let table = Table {
        caption: "ignored".into(),
        columns: vec!["Item".into(), "Cost, \"net\"".into()],
        rows: vec![
            vec![
                Cell::Text("GPU time: 1 replicas x 2 GPUs".into()),
                Cell::Number {
                    value: 12_345.5,
                    shown: "$12,346".into(),
                },
            ],
            vec![Cell::Text("API part: 500,000 requests".into()), Cell::Empty],
            vec![
                Cell::Text("two\nlines".into()),
                Cell::Number {
                    value: -0.0042,
                    shown: "-$0.0042".into(),
                },
            ],
            vec![
                Cell::Text("huge".into()),
                Cell::Number {
                    value: 1.0e20,
                    shown: "".into(),
                },
            ],
            vec![
                Cell::Text("not a number".into()),
                Cell::Number {
                    value: f64::NAN,
                    shown: "–".into(),
                },
            ],
        ],
    };
    assert_eq!(
        table.to_csv(),
        "Item,\"Cost, \"\"net\"\"\"\r\n\
         GPU time: 1 replicas x 2 GPUs,12345.5\r\n\
         \"API part: 500,000 requests\",\r\n\
         \"two\nlines\",-0.0042\r\n\
         huge,100000000000000000000\r\n\
         not a number,\r\n"
    );
    assert_eq!(table.rows[1][1].shown(), "–");
    assert_eq!(table.rows[0][1].shown(), "$12,346");
}

#[test]
fn table_csv_has_one_line_per_row_and_the_header() {
    let s = llm_tco::scenario::Scenario::default();
    let report = evaluate(&s);
    let look = Look::new(false, Money::from_org(&s.org));
    let table = breakeven_table(&report, &s, &look);
    let csv = table.to_csv();
    assert_eq!(csv.matches("\r\n").count(), table.rows.len() + 1);
    assert!(csv.starts_with(
        "Monthly requests,Cloud API (USD),Rented GPUs (USD),Owned GPUs (USD),Hybrid (USD)\r\n"
    ));
    // Raw numbers, not "$1,264" or "30,993".
    let first = csv.lines().nth(1).unwrap();
    assert!(!first.contains('$'));
    assert_eq!(first.split(',').count(), 5);
}

#[test]
fn look_values_are_converted_rounded_and_finite() {
    let eur = Look::new(
        false,
        Money {
            currency: "EUR".into(),
            rate: 2.0,
        },
    );
    assert_eq!(eur.value(1_234.567), 2_469.13);
    assert_eq!(eur.value(0.0012345), 0.0025);
    assert_eq!(eur.value(f64::NAN), 0.0);
    assert_eq!(
        Look::new(
            false,
            Money {
                currency: "EUR".into(),
                rate: f64::MAX
            }
        )
        .value(10.0),
        0.0
    );
}
