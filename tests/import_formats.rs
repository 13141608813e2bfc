//! Audit scenarios: each format's sample (tests/fixtures/usage/) read end to end, every
//! derived figure checked against the arithmetic in the comment above it. A month is 730
//! hours; the period is whole UTC days.

use llm_tco::import::{self, Derived, Source, report};
use serde_json::json;

const OPENAI_USAGE: &[u8] = include_bytes!("fixtures/usage/openai_usage_hourly.json");
const OPENAI_COSTS: &[u8] = include_bytes!("fixtures/usage/openai_costs_daily.json");
const ANTHROPIC_USAGE: &[u8] = include_bytes!("fixtures/usage/anthropic_usage_hourly.json");
const ANTHROPIC_COST: &[u8] = include_bytes!("fixtures/usage/anthropic_cost_daily.json");
const LITELLM: &[u8] = include_bytes!("fixtures/usage/litellm_spend_logs.csv");
const OPENROUTER: &[u8] = include_bytes!("fixtures/usage/openrouter_activity.csv");
const FOCUS: &[u8] = include_bytes!("fixtures/usage/focus_ai_hourly.csv");

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} != {expected}"
    );
}

#[track_caller]
fn some(actual: Option<f64>, expected: f64) {
    close(actual.expect("a figure"), expected);
}

fn derive(files: &[&[u8]]) -> Derived {
    import::import(files).unwrap_or_else(|e| panic!("{e}"))
}

/// (model, catalog id, requests, input, output, spend, share) of each model, in order.
type ModelRow<'a> = (
    &'a str,
    Option<&'a str>,
    Option<f64>,
    f64,
    f64,
    Option<f64>,
    f64,
);

#[track_caller]
fn models(d: &Derived, expected: &[ModelRow]) {
    assert_eq!(d.models.len(), expected.len());
    for (m, e) in d.models.iter().zip(expected) {
        assert_eq!((m.model.as_str(), m.catalog_id), (e.0, e.1));
        assert_eq!(m.requests, e.2, "{}", e.0);
        close(m.input_tokens, e.3);
        close(m.output_tokens, e.4);
        match (m.spend_usd, e.5) {
            (Some(a), Some(b)) => close(a, b),
            (a, b) => assert_eq!(a, b, "{}", e.0),
        }
        close(m.share_pct, e.6);
    }
}

#[test]
fn openai_usage_and_costs() {
    let d = derive(&[OPENAI_USAGE, OPENAI_COSTS]);
    assert_eq!(d.format, "openai");
    assert_eq!(d.sources, [Source::OpenAiUsage, Source::OpenAiCosts]);
    // Hourly buckets from 2026-11-02 09:00 to 2026-11-03 10:00 -> whole days 11-02 and 11-03.
    assert_eq!(d.period.start, "2026-11-02T00:00:00Z");
    assert_eq!(d.period.end, "2026-11-04T00:00:00Z");
    assert_eq!((d.period.days, d.period.hours), (2, 48));
    // 7 usage results + 8 cost line items.
    assert_eq!(d.rows_used, 15);
    // Requests 100+20+200+300+50+30+100 = 800 over 48 h -> 800 x 730 / 48.
    some(d.requests_per_month, 800.0 * 730.0 / 48.0);
    // input_tokens already holds cached and cache-write tokens:
    // 50k+30k+100k+150k+25k+15k+50k = 420,000 (not 420k + 105k cached).
    close(d.input_tokens_per_month, 420_000.0 * 730.0 / 48.0);
    // Output 10k+6k+20k+30k+5k+9k+10k = 90,000.
    close(d.output_tokens_per_month, 90_000.0 * 730.0 / 48.0);
    // 420,000 / 800 = 525; 90,000 / 800 = 112.5.
    some(d.input_tokens_per_request, 525.0);
    some(d.output_tokens_per_request, 112.5);
    // Cached 20k+15k+40k+10k+20k = 105,000 of 420,000 = 25 %; written 5,000 -> 1.19 %.
    some(d.cached_input_share_pct, 25.0);
    some(d.cache_write_share_pct, 5_000.0 / 420_000.0 * 100.0);
    // The usage API does not break out reasoning.
    assert_eq!(d.reasoning_share_of_output_pct, None);
    // Interactive requests by hour: 11-02 09h 120, 10h 200, 11h 50, 11-03 09h 130 (500);
    // the 300 batch requests at 10h are left out. 4 active hours of 48 -> 4 x 730 / 48;
    // peak 200 over the mean 500 / 4 = 125 -> 1.6.
    some(d.active_hours_per_month, 4.0 * 730.0 / 48.0);
    some(d.peak_to_average, 1.6);
    let p = d.profile.as_ref().expect("hourly buckets give a profile");
    assert_eq!(p.basis, "requests");
    // By hour of day: 09h (120+130)/500 = 50 %, 10h 40 %, 11h 10 %.
    let mut expected = vec![0.0; 24];
    expected[9] = 50.0;
    expected[10] = 40.0;
    expected[11] = 10.0;
    for (a, e) in p.hour_of_day_pct.iter().zip(&expected) {
        close(*a, *e);
    }
    assert_eq!(p.hourly.len(), 48);
    // Batch: 300 of 800 requests = 37.5 %; 150,000 input and 30,000 output tokens.
    let b = d.batch.as_ref().expect("grouped by batch");
    assert_eq!(b.share_basis, "requests");
    close(b.share_pct, 37.5);
    some(b.requests_per_month, 300.0 * 730.0 / 48.0);
    close(b.input_tokens_per_month, 150_000.0 * 730.0 / 48.0);
    close(b.output_tokens_per_month, 30_000.0 * 730.0 / 48.0);
    // Spend from the Costs API: 1.00 (11-02) + 0.50 (11-03) over 48 h -> 1.5 x 730 / 48.
    some(d.spend_usd_per_month, 1.5 * 730.0 / 48.0);
    assert_eq!(d.billed_usd_per_month, None);
    // Shares of requests: 750 / 800, 30 / 800, 20 / 800; spend per model from line items.
    models(
        &d,
        &[
            (
                "gpt-4o-mini-2024-07-18",
                Some("gpt-4o-mini"),
                Some(750.0),
                375_000.0,
                75_000.0,
                Some(1.0),
                93.75,
            ),
            (
                "o3-mini-2025-01-31",
                None,
                Some(30.0),
                15_000.0,
                9_000.0,
                Some(0.25),
                3.75,
            ),
            (
                "gpt-4o-2024-08-06",
                Some("gpt-4o"),
                Some(20.0),
                30_000.0,
                6_000.0,
                Some(0.25),
                2.5,
            ),
        ],
    );
    // The scenario, rounded as typed: 12,166.67 -> 12,167; 60.83 h -> 60.8.
    assert_eq!(
        report::to_json(&d)["scenario"],
        json!({
            "workload": {
                "monthly_requests": 12167.0,
                "input_tokens_per_request": 525.0,
                "output_tokens_per_request": 112.5,
                "active_hours_per_month": 60.8,
                "peak_to_average": 1.6
            },
            "api": {"cache_hit_pct": 25.0, "batch_share_pct": 37.5, "model": "gpt-4o-mini"}
        })
    );
    assert!(report::not_in_file(&d).is_empty());
}

#[test]
fn anthropic_usage_and_cost_report() {
    let d = derive(&[ANTHROPIC_USAGE, ANTHROPIC_COST]);
    assert_eq!(d.format, "anthropic");
    // Buckets 14h to 18h on 2026-11-02 -> one whole day, 24 h.
    assert_eq!((d.period.days, d.period.hours), (1, 24));
    // 4 usage results + 5 cost results.
    assert_eq!(d.rows_used, 9);
    // No request count in the usage report: unknown, never invented.
    assert_eq!(d.requests_per_month, None);
    assert_eq!(d.input_tokens_per_request, None);
    assert_eq!(d.output_tokens_per_request, None);
    // Cache reads and writes sit beside uncached input, so input is the sum:
    // 14h sonnet 6,000 + 3,000 + 1,000; haiku 6,000; 15h 12,000 + 12,000 + 1,000 + 1,000;
    // 16h batch 18,000 -> 60,000 (uncached alone would be 42,000).
    close(d.input_tokens_per_month, 60_000.0 * 730.0 / 24.0);
    // Output 2,000 + 2,000 + 4,000 + 2,000 = 10,000.
    close(d.output_tokens_per_month, 10_000.0 * 730.0 / 24.0);
    // Reads 3,000 + 12,000 = 15,000 of 60,000 = 25 %; writes 3,000 = 5 %.
    some(d.cached_input_share_pct, 25.0);
    some(d.cache_write_share_pct, 5.0);
    assert_eq!(d.reasoning_share_of_output_pct, None);
    // Profile from tokens (no requests), batch left out: 14h 12,000 + 8,000 = 20,000,
    // 15h 30,000. 2 active hours of 24 -> 2 x 730 / 24; peak 30,000 / mean 25,000 = 1.2.
    assert_eq!(d.profile.as_ref().map(|p| p.basis), Some("tokens"));
    some(d.active_hours_per_month, 2.0 * 730.0 / 24.0);
    some(d.peak_to_average, 1.2);
    // Batch (service_tier batch) by tokens: 18,000 + 2,000 of 70,000.
    let b = d.batch.as_ref().expect("grouped by service tier");
    assert_eq!((b.share_basis, b.requests_per_month), ("tokens", None));
    close(b.share_pct, 20_000.0 / 70_000.0 * 100.0);
    // Cost amounts are cents as text: 36.60 + 45.00 + 3.60 + 4.80 + 6.00 = 96 cents = $0.96
    // over 24 h -> 0.96 x 730 / 24 = 29.2 (not $96).
    some(d.spend_usd_per_month, 29.2);
    // Shares of tokens: sonnet 54,000 + 8,000 = 62,000 of 70,000; haiku 8,000.
    // Spend: sonnet 85.2 cents, haiku 10.8 cents.
    models(
        &d,
        &[
            (
                "claude-3-5-sonnet-20241022",
                Some("claude-3.5-sonnet"),
                None,
                54_000.0,
                8_000.0,
                Some(0.852),
                62.0 / 70.0 * 100.0,
            ),
            (
                "claude-3-5-haiku-20241022",
                Some("claude-3.5-haiku"),
                None,
                6_000.0,
                2_000.0,
                Some(0.108),
                8.0 / 70.0 * 100.0,
            ),
        ],
    );
    assert_eq!(
        report::to_json(&d)["scenario"],
        json!({
            "workload": {"active_hours_per_month": 60.8, "peak_to_average": 1.2},
            "api": {"cache_hit_pct": 25.0, "batch_share_pct": 28.6, "model": "claude-3.5-sonnet"}
        })
    );
    assert_eq!(
        report::not_in_file(&d),
        [
            "workload.monthly_requests",
            "workload.input_tokens_per_request",
            "workload.output_tokens_per_request"
        ]
    );
}

#[test]
fn litellm_spend_logs() {
    let d = derive(&[LITELLM]);
    assert_eq!(d.format, "litellm");
    // Requests on 2026-11-02 and 2026-11-03 -> 2 days.
    assert_eq!((d.period.days, d.period.hours), (2, 48));
    // 8 rows: a failure, a LiteLLM response-cache hit and an embedding are not model calls.
    assert_eq!(d.rows_used, 5);
    let skipped: Vec<(usize, &str)> = d
        .rows_skipped
        .iter()
        .map(|s| (s.rows, s.first.as_str()))
        .collect();
    assert_eq!(skipped, [(1, "line 4"), (1, "line 5"), (1, "line 9")]);
    // 5 requests over 48 h.
    some(d.requests_per_month, 5.0 * 730.0 / 48.0);
    // prompt_tokens already include cache reads and writes: 1,000 + 2,000 + 3,000 + 1,000 +
    // 1,000 = 8,000 -> 1,600 a request; completions 200 + 300 + 500 + 1,500 + 500 = 3,000 -> 600.
    some(d.input_tokens_per_request, 1_600.0);
    some(d.output_tokens_per_request, 600.0);
    close(d.input_tokens_per_month, 8_000.0 * 730.0 / 48.0);
    // Cached (metadata.usage_object) 400 + 1,000 + 1,000 = 2,400 of 8,000 = 30 %;
    // Anthropic's cache_creation_input_tokens 500 of 8,000 = 6.25 %.
    some(d.cached_input_share_pct, 30.0);
    some(d.cache_write_share_pct, 6.25);
    // Reasoning 900 of 3,000 output = 30 %.
    some(d.reasoning_share_of_output_pct, 30.0);
    // Requests by hour: 11-02 09h 2, 10h 2, 11-03 14h 1 -> 3 active hours of 48;
    // peak 2 over the mean 5 / 3 = 1.2.
    some(d.active_hours_per_month, 3.0 * 730.0 / 48.0);
    some(d.peak_to_average, 1.2);
    // No batch flag in spend logs.
    assert_eq!(d.batch, None);
    // Spend 0.0003 + 0.0006 + 0.012 + 0.0077 + 0.00045 = 0.02105 (skipped rows excluded).
    some(d.spend_usd_per_month, 0.02105 * 730.0 / 48.0);
    models(
        &d,
        &[
            (
                "gpt-4o-mini-2024-07-18",
                Some("gpt-4o-mini"),
                Some(3.0),
                4_000.0,
                1_000.0,
                Some(0.00135),
                60.0,
            ),
            (
                "claude-3-5-sonnet-20241022",
                Some("claude-3.5-sonnet"),
                Some(1.0),
                3_000.0,
                500.0,
                Some(0.012),
                20.0,
            ),
            (
                "o3-mini-2025-01-31",
                None,
                Some(1.0),
                1_000.0,
                1_500.0,
                Some(0.0077),
                20.0,
            ),
        ],
    );
    // 76.04 requests a month -> 76; 45.625 h -> 45.6.
    assert_eq!(
        report::to_json(&d)["scenario"],
        json!({
            "workload": {
                "monthly_requests": 76.0,
                "input_tokens_per_request": 1600.0,
                "output_tokens_per_request": 600.0,
                "active_hours_per_month": 45.6,
                "peak_to_average": 1.2
            },
            "api": {"cache_hit_pct": 30.0, "model": "gpt-4o-mini"}
        })
    );
    assert_eq!(report::not_in_file(&d), ["api.batch_share_pct"]);
}

#[test]
fn openrouter_activity() {
    let d = derive(&[OPENROUTER]);
    assert_eq!(d.format, "openrouter");
    // Generations from 08:15 to 23:59:59.999 on 2026-11-05 stay in one day.
    assert_eq!(d.period.start, "2026-11-05T00:00:00Z");
    assert_eq!((d.period.days, d.period.hours), (1, 24));
    // The cancelled generation was a (billed) model call: 5 rows.
    assert_eq!(d.rows_used, 5);
    some(d.requests_per_month, 5.0 * 730.0 / 24.0);
    // tokens_prompt includes tokens_cached: 2,000 + 4,000 + 1,000 + 1,000 + 2,000 = 10,000;
    // completions 400 + 600 + 3,000 + 200 + 800 = 5,000.
    some(d.input_tokens_per_request, 2_000.0);
    some(d.output_tokens_per_request, 1_000.0);
    // Cached 500 + 2,000 = 2,500 of 10,000 = 25 %; cache writes not reported: 0.
    some(d.cached_input_share_pct, 25.0);
    some(d.cache_write_share_pct, 0.0);
    // Reasoning inside completion: 2,000 of 5,000 = 40 %.
    some(d.reasoning_share_of_output_pct, 40.0);
    // Requests by hour: 08h 3, 09h 1, 23h 1 -> 3 active of 24; peak 3 / mean (5 / 3) = 1.8.
    some(d.active_hours_per_month, 3.0 * 730.0 / 24.0);
    some(d.peak_to_average, 1.8);
    // cost_total 0.00063 + 0.0141 + 0.00714 + 0.00027 + 0.00078 = 0.02292.
    some(d.spend_usd_per_month, 0.02292 * 730.0 / 24.0);
    models(
        &d,
        &[
            (
                "openai/gpt-4o-mini-2024-07-18",
                Some("gpt-4o-mini"),
                Some(3.0),
                5_000.0,
                1_400.0,
                Some(0.00168),
                60.0,
            ),
            (
                "anthropic/claude-3.5-sonnet",
                Some("claude-3.5-sonnet"),
                Some(1.0),
                4_000.0,
                600.0,
                Some(0.0141),
                20.0,
            ),
            (
                "deepseek/deepseek-r1",
                None,
                Some(1.0),
                1_000.0,
                3_000.0,
                Some(0.00714),
                20.0,
            ),
        ],
    );
    // 152.08 -> 152; 91.25 h -> 91.3.
    assert_eq!(
        report::to_json(&d)["scenario"]["workload"],
        json!({
            "monthly_requests": 152.0,
            "input_tokens_per_request": 2000.0,
            "output_tokens_per_request": 1000.0,
            "active_hours_per_month": 91.3,
            "peak_to_average": 1.8
        })
    );
}

#[test]
fn focus_token_skus() {
    let d = derive(&[FOCUS]);
    assert_eq!(d.format, "focus");
    // Charge periods 10h and 11h of 2026-11-04 -> one day.
    assert_eq!((d.period.days, d.period.hours), (1, 24));
    // 7 token rows; a non-token meter (Hours), a Tax and a Credit row are skipped.
    assert_eq!(d.rows_used, 7);
    assert_eq!(d.rows_skipped.len(), 3);
    // No request column in FOCUS.
    assert_eq!(d.requests_per_month, None);
    // Quantities in blocks: gpt-4o-mini 0.03 + 0.01 (cached) of "1M Tokens" = 40,000 input,
    // Claude 25 + 10 (cache read) + 5 (cache write) of "1K Tokens" = 40,000 input: 80,000.
    close(d.input_tokens_per_month, 80_000.0 * 730.0 / 24.0);
    // Output 0.01 x 1M + 35 x 1K = 45,000.
    close(d.output_tokens_per_month, 45_000.0 * 730.0 / 24.0);
    // Cache rows sit beside input: reads 10,000 + 10,000 = 20,000 of 80,000 = 25 %;
    // writes 5,000 = 6.25 %.
    some(d.cached_input_share_pct, 25.0);
    some(d.cache_write_share_pct, 6.25);
    // Token profile: 10h 30k + 10k + 10k = 50,000; 11h 25k + 10k + 5k + 35k = 75,000;
    // 2 active hours; peak 75,000 / mean 62,500 = 1.2.
    some(d.active_hours_per_month, 2.0 * 730.0 / 24.0);
    some(d.peak_to_average, 1.2);
    // EffectiveCost of the token rows: 0.0045 + 0.00075 + 0.006 + 0.075 + 0.003 + 0.01875
    // + 0.525 = 0.633.
    some(d.spend_usd_per_month, 0.633 * 730.0 / 24.0);
    // BilledCost of every row: 0.633 + 2.00 (throughput) + 0.05 (tax) - 0.50 (credit) = 2.183.
    some(d.billed_usd_per_month, 2.183 * 730.0 / 24.0);
    // The model comes from SkuPriceDetails (x_ModelName) or the SkuMeter's words before the
    // token class. Shares of tokens: Claude 75,000 of 125,000 = 60 %.
    models(
        &d,
        &[
            (
                "Claude 3.5 Sonnet",
                Some("claude-3.5-sonnet"),
                None,
                40_000.0,
                35_000.0,
                Some(0.62175),
                60.0,
            ),
            (
                "gpt-4o-mini",
                Some("gpt-4o-mini"),
                None,
                40_000.0,
                10_000.0,
                Some(0.01125),
                40.0,
            ),
        ],
    );
    assert_eq!(
        report::to_json(&d)["scenario"],
        json!({
            "workload": {"active_hours_per_month": 60.8, "peak_to_average": 1.2},
            "api": {"cache_hit_pct": 25.0, "model": "claude-3.5-sonnet"}
        })
    );
}

#[test]
fn json_output_uses_the_documented_names() {
    let v = report::to_json(&derive(&[ANTHROPIC_USAGE]));
    for path in [
        "/format",
        "/period/hours",
        "/input_tokens_per_month",
        "/output_tokens_per_month",
        "/cached_input_share_pct",
        "/active_hours_per_month",
        "/peak_to_average",
        "/models/0/model",
        "/models/0/input_tokens",
        "/models/0/output_tokens",
        "/scenario/workload",
        "/not_in_file",
    ] {
        assert!(v.pointer(path).is_some(), "{path}");
    }
    // Unknown figures are null, not absent and not zero.
    for path in [
        "/requests_per_month",
        "/input_tokens_per_request",
        "/output_tokens_per_request",
        "/reasoning_share_of_output_pct",
        "/spend_usd_per_month",
        "/models/0/requests",
        "/models/0/spend_usd",
    ] {
        assert_eq!(v.pointer(path), Some(&serde_json::Value::Null), "{path}");
    }
    // The hourly series is for the page's chart; JSON carries the 24-hour shape.
    assert_eq!(v.pointer("/profile/hourly"), None);
    assert_eq!(
        v.pointer("/profile/hour_of_day_pct")
            .and_then(|h| h.as_array())
            .map(Vec::len),
        Some(24)
    );
}

#[test]
fn apply_sets_only_what_the_file_has() {
    let d = derive(&[FOCUS]);
    let mut scenario = json!({
        "preset": "customer-support-chatbot",
        "workload": {"monthly_requests": 1000, "input_tokens_per_request": 300},
        "api": {"model": "gpt-4o"}
    });
    let applied = import::apply_to_scenario_json(&mut scenario, &d);
    assert_eq!(
        applied,
        [
            "workload.active_hours_per_month",
            "workload.peak_to_average",
            "api.cache_hit_pct",
            "api.model"
        ]
    );
    // Requests and tokens per request are not in a FOCUS file: they stay as they were.
    assert_eq!(
        scenario,
        json!({
            "preset": "customer-support-chatbot",
            "workload": {
                "monthly_requests": 1000,
                "input_tokens_per_request": 300,
                "active_hours_per_month": 60.8,
                "peak_to_average": 1.2
            },
            "api": {"model": "claude-3.5-sonnet", "cache_hit_pct": 25.0}
        })
    );
    // A scenario laid over still passes the scenario's own validation.
    let s = llm_tco::scenario::Scenario::from_value(&scenario).expect("a valid scenario");
    assert_eq!(s.api.model, "claude-3.5-sonnet");
}

#[test]
fn markdown_report_names_unknowns() {
    let md = report::to_markdown(&derive(&[ANTHROPIC_USAGE, ANTHROPIC_COST]));
    assert!(md.starts_with("# Usage import: Anthropic usage report + Anthropic cost report\n"));
    assert!(md.contains("| requests per month | unknown (not in the files) |"));
    assert!(md.contains("| spend per month (USD) | 29.20 |"));
    assert!(md.contains(
        "| claude-3-5-sonnet-20241022 | claude-3.5-sonnet | - | 54000 | 8000 | 0.8520 | 88.6 |"
    ));
    assert!(md.contains(
        "Not in the files (left as they were): workload.monthly_requests, workload.input_tokens_per_request, workload.output_tokens_per_request."
    ));
}
