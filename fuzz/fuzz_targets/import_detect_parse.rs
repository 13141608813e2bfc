//! Any file a stranger can drop on the page: detecting its format and parsing it must not
//! panic; a refusal must say why; and whatever is accepted must give finite figures inside
//! their ranges and lay over a scenario that still passes validation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_tco::import::{self, report};
use llm_tco::scenario::Scenario;

fuzz_target!(|data: &[u8]| {
    let derived = match import::import(&[data]) {
        Ok(d) => d,
        Err(e) => {
            assert!(!e.problem.is_empty(), "a refusal without a message");
            return;
        }
    };
    let counts = [
        Some(derived.input_tokens_per_month),
        Some(derived.output_tokens_per_month),
        derived.requests_per_month,
        derived.input_tokens_per_request,
        derived.output_tokens_per_request,
    ];
    for x in counts.into_iter().flatten() {
        assert!(x.is_finite() && x >= 0.0, "count {x}");
    }
    // Money may be negative (credits), never infinite.
    for x in [derived.spend_usd_per_month, derived.billed_usd_per_month].into_iter().flatten() {
        assert!(x.is_finite(), "money {x}");
    }
    let shares = [
        derived.cached_input_share_pct,
        derived.cache_write_share_pct,
        derived.reasoning_share_of_output_pct,
        derived.batch.as_ref().map(|b| b.share_pct),
    ];
    for s in shares.into_iter().flatten() {
        assert!((0.0..=100.0 + 1e-9).contains(&s), "share {s}");
    }
    if let Some(hours) = derived.active_hours_per_month {
        assert!((0.0..=730.0 + 1e-9).contains(&hours), "active hours {hours}");
    }
    if let Some(peak) = derived.peak_to_average {
        assert!(peak >= 1.0 - 1e-9 && peak.is_finite(), "peak to average {peak}");
    }
    let _ = report::to_json(&derived);
    let _ = report::to_markdown(&derived);
    let mut scenario = serde_json::json!({});
    import::apply_to_scenario_json(&mut scenario, &derived);
    if let Err(errors) = Scenario::from_value(&scenario) {
        panic!("an import made an invalid scenario {scenario}: {errors:?}");
    }
});
