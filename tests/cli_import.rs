//! `tco import` and `tco eval --usage` end to end.

mod common;

use common::cli::{stdout_json, tco};
use serde_json::{Value, json};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/usage/");

fn sample(name: &str) -> String {
    format!("{DIR}{name}")
}

/// The documented fields, present for every format (null where the file does not have them).
const FIELDS: &[&str] = &[
    "/format",
    "/period/hours",
    "/requests_per_month",
    "/input_tokens_per_month",
    "/output_tokens_per_month",
    "/input_tokens_per_request",
    "/output_tokens_per_request",
    "/cached_input_share_pct",
    "/reasoning_share_of_output_pct",
    "/active_hours_per_month",
    "/peak_to_average",
    "/spend_usd_per_month",
    "/models/0/model",
    "/models/0/requests",
    "/models/0/input_tokens",
    "/models/0/output_tokens",
    "/models/0/spend_usd",
    "/scenario",
];

#[test]
fn import_prints_the_fields_for_each_format() {
    let cases: [(&[&str], &str, Value); 5] = [
        // 800 requests over 48 h -> 12,166.67 a month.
        (
            &["openai_usage_hourly.json", "openai_costs_daily.json"],
            "openai",
            json!(800.0 * 730.0 / 48.0),
        ),
        // No request count in Anthropic's usage report.
        (
            &["anthropic_usage_hourly.json", "anthropic_cost_daily.json"],
            "anthropic",
            Value::Null,
        ),
        // 5 model calls over 48 h.
        (
            &["litellm_spend_logs.csv"],
            "litellm",
            json!(5.0 * 730.0 / 48.0),
        ),
        // 5 generations over 24 h.
        (
            &["openrouter_activity.csv"],
            "openrouter",
            json!(5.0 * 730.0 / 24.0),
        ),
        // No request column in FOCUS.
        (&["focus_ai_hourly.csv"], "focus", Value::Null),
    ];
    for (files, format, requests) in cases {
        let paths: Vec<String> = files.iter().map(|f| sample(f)).collect();
        let mut args = vec!["import"];
        args.extend(paths.iter().map(String::as_str));
        let v = stdout_json(&tco(&args, None));
        for path in FIELDS {
            assert!(v.pointer(path).is_some(), "{format}: {path}");
        }
        assert_eq!(v["format"], format);
        assert_eq!(v["requests_per_month"], requests, "{format}");
    }
}

#[test]
fn import_markdown() {
    let out = tco(
        &[
            "import",
            "--format",
            "md",
            &sample("openrouter_activity.csv"),
        ],
        None,
    );
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("# Usage import: OpenRouter activity export\n"));
    // 2,000 input tokens a request (10,000 over 5 generations).
    assert!(md.contains("| input tokens per request | 2000.0 |"));
    assert!(md.contains("- `api.model` = \"gpt-4o-mini\""));
}

#[test]
fn bad_files_exit_2_with_the_file_and_row_named() {
    let dir = std::env::temp_dir().join(format!("tco-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let hostile = dir.join("hostile.csv");
    std::fs::write(
        &hostile,
        "generation_id,created_at,cost_total,tokens_prompt,tokens_completion,model_permaslug\n\
         gen-1,2026-11-05 08:00:00.000,0.001,100,50,=cmd|' /C calc'!A0\n",
    )
    .expect("write");
    let path = hostile.to_string_lossy().to_string();
    let out = tco(&["import", &path], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{path}: line 2: model_permaslug")),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    // The second file of a pair is named when it is the one refused.
    let usage = sample("openai_usage_hourly.json");
    let other = sample("anthropic_cost_daily.json");
    let out = tco(&["import", &usage, &other], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("{other}: this Anthropic cost report")),
        "{err}"
    );

    let out = tco(&["import"], None);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_usage_equals_the_scenario_with_the_fields_set() {
    let dir = std::env::temp_dir().join(format!("tco-eval-usage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let base = dir.join("base.json");
    std::fs::write(&base, r#"{"preset": "customer-support-chatbot"}"#).expect("write");
    // What the LiteLLM sample sets (see tests/import_formats.rs), typed by hand.
    let by_hand = dir.join("by_hand.json");
    std::fs::write(
        &by_hand,
        r#"{"preset": "customer-support-chatbot",
            "workload": {"monthly_requests": 76, "input_tokens_per_request": 1600,
                         "output_tokens_per_request": 600, "active_hours_per_month": 45.6,
                         "peak_to_average": 1.2},
            "api": {"cache_hit_pct": 30, "model": "gpt-4o-mini"}}"#,
    )
    .expect("write");
    let logs = sample("litellm_spend_logs.csv");
    let with_usage = tco(
        &[
            "eval",
            "--samples",
            "0",
            "--usage",
            &logs,
            &base.to_string_lossy(),
        ],
        None,
    );
    let typed = tco(
        &["eval", "--samples", "0", &by_hand.to_string_lossy()],
        None,
    );
    assert_eq!(stdout_json(&with_usage), stdout_json(&typed));
    let notes = String::from_utf8_lossy(&with_usage.stderr);
    assert!(
        notes.contains("not in the export, left as they were: api.batch_share_pct"),
        "{notes}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
