//! Setting many fields at once behaves exactly like setting them one after another: the
//! same scenario and the same errors, in the same order.

mod common;

use llm_tco::scenario::{FIELDS, Scenario};
use proptest::prelude::*;
use serde_json::{Value, json};

fn one_by_one(start: &Scenario, items: &[(&str, Value)]) -> (Scenario, Vec<String>) {
    let mut s = start.clone();
    let errors = items
        .iter()
        .filter_map(|(p, v)| s.set(p, v.clone()).err())
        .map(|e| e.to_string())
        .collect();
    (s, errors)
}

fn at_once(start: &Scenario, items: &[(&str, Value)]) -> (Scenario, Vec<String>) {
    let mut s = start.clone();
    let errors = s
        .set_many(items.iter().cloned())
        .into_iter()
        .map(|e| e.to_string())
        .collect();
    (s, errors)
}

#[test]
fn refused_values_are_skipped_and_the_rest_apply() {
    let items = [
        ("workload.monthly_requests", json!(2_500_000)),
        ("workload.monthly_requests", json!(-5)), // below 0: refused, 2.5M stays
        ("no.such.field", json!(1)),              // unknown: refused
        ("api.input_usd_per_mtok", json!(1.25)),  // optional price, absent before
        ("name", json!("Audit")),
        ("api.model", json!("not-a-model")), // not in the catalog: refused
    ];
    let (s, errors) = at_once(&Scenario::default(), &items);
    assert_eq!(s.workload.monthly_requests, 2_500_000.0);
    assert_eq!(s.api.input_usd_per_mtok, Some(1.25));
    assert_eq!(s.name, "Audit");
    assert_eq!(s.api.model, Scenario::default().api.model);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!((s, errors), one_by_one(&Scenario::default(), &items));
}

/// A value for any field: mostly plausible numbers, sometimes the wrong type or out of range.
fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-10.0..1.0e7f64).prop_map(|x| json!(x)),
        2 => (0u32..5_000).prop_map(|x| json!(x)),
        1 => Just(Value::Null),
        1 => Just(json!(true)),
        1 => "[a-z-]{0,12}".prop_map(|t| json!(t)),
    ]
}

proptest! {
    #[test]
    fn many_at_once_equals_one_after_another(
        s in common::strategies::scenario(),
        picks in proptest::collection::vec((0..FIELDS.len(), value()), 0..12),
    ) {
        let items: Vec<(&str, Value)> = picks.into_iter().map(|(i, v)| (FIELDS[i].path, v)).collect();
        prop_assert_eq!(at_once(&s, &items), one_by_one(&s, &items));
    }
}
