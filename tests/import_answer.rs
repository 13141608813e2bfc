//! The page reads files in a worker of its own, which answers with JSON: every sample's
//! workload and every refusal must read back as the reader gave it.

mod common;

use common::usage::SAMPLES;
use llm_tco::import::{self, Derived, ImportError, answer, read_answer};
use serde_json::Value;

/// The workload as the page gets it: the hour-by-hour series stays in the worker (no chart
/// draws it).
fn as_sent(mut d: Derived) -> Derived {
    if let Some(p) = d.profile.as_mut() {
        p.hourly.clear();
    }
    d
}

/// Equal, numbers to 1e-12 of their size: JSON's shortest decimal of a float can read back
/// one unit in the last place away.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            (x - y).abs() <= 1e-12 * x.abs().max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[track_caller]
fn reads_back(back: Result<Derived, ImportError>, given: Result<Derived, ImportError>) {
    let json = |r: &Result<Derived, ImportError>| serde_json::to_value(r).unwrap_or_default();
    assert!(same(&json(&back), &json(&given)), "{back:?}\n!=\n{given:?}");
    assert_eq!(back.is_ok(), given.is_ok());
}

/// Each sample alone: a workload, or (a cost export without its usage) a refusal.
#[test]
fn every_sample_reads_back_as_the_reader_gave_it() {
    let mut read = 0;
    for sample in SAMPLES {
        let given = import::import(&[sample]).map(as_sent);
        read += usize::from(given.is_ok());
        reads_back(read_answer(&answer(&[sample])), given);
    }
    assert_eq!(read, 5, "two cost exports alone are refused");
}

#[test]
fn usage_and_costs_together_read_back() {
    let files = [SAMPLES[0], SAMPLES[1]];
    let derived = import::import(&files).unwrap_or_else(|e| panic!("{e}"));
    let back = read_answer(&answer(&files)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.sources.len(), 2);
    reads_back(Ok(back), Ok(as_sent(derived)));
}

#[test]
fn a_refusal_reads_back_with_its_file_and_row() {
    let files: [&[u8]; 2] = [SAMPLES[0], b"model,tokens\n=cmd(),1\n"];
    let refused = import::import(&files).expect_err("an unknown CSV is refused");
    assert_eq!(refused.file, Some(2));
    assert_eq!(read_answer(&answer(&files)), Err(refused));
}

#[test]
fn an_answer_that_is_not_the_readers_is_refused_with_a_message() {
    let e = read_answer("{\"Ok\":{\"format\":\"acme\"}}").expect_err("not a workload");
    assert!(
        e.problem
            .starts_with("the reader's answer could not be read"),
        "{e}"
    );
    let e = read_answer("").expect_err("empty");
    assert!(e.problem.contains("reload the page"), "{e}");
}
