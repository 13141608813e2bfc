//! Any scenario JSON (a file for the command line, a stored scenario): parsing and
//! validation must not panic, and every scenario they accept must evaluate to a report
//! whose numbers are all finite and whose dollars are non-negative, except the fields the
//! report documents as signed.
#![no_main]

#[path = "../../tests/common/report_check.rs"]
mod report_check;

use libfuzzer_sys::fuzz_target;
use llm_tco::model::evaluate;
use llm_tco::scenario::Scenario;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(scenario) = Scenario::from_json(text) else { return };
    if let Err(errors) = scenario.validate() {
        panic!("from_json accepted an invalid scenario: {errors:?}");
    }
    let report = evaluate(&scenario);
    let json = serde_json::to_value(&report).expect("a report always serialises");
    let problems = report_check::report_problems(&json);
    assert!(problems.is_empty(), "report of {text} breaks its number rules: {problems:#?}");
});
