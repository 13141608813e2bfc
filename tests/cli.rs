//! The `tco` command end to end.

mod common;

use common::cli::{stdout_json, tco};

/// Every path the page, the charts and scripts rely on.
const PATHS: &[&str] = &[
    "/options/api/monthly_usd",
    "/options/rented/monthly_usd",
    "/options/owned/monthly_usd",
    "/options/hybrid/monthly_usd",
    "/options/api/breakdown/0/item",
    "/options/api/breakdown/0/usd",
    "/options/rented/breakdown",
    "/options/owned/breakdown",
    "/options/hybrid/breakdown",
    "/options/api/usd_per_request",
    "/options/rented/usd_per_request",
    "/options/owned/usd_per_request",
    "/options/hybrid/usd_per_request",
    "/options/api/usd_per_mtok",
    "/options/rented/usd_per_mtok",
    "/options/owned/usd_per_mtok",
    "/options/hybrid/usd_per_mtok",
    "/options/rented/replicas",
    "/options/rented/gpus",
    "/options/rented/gpus_per_replica",
    "/options/rented/utilization_pct",
    "/options/owned/replicas",
    "/options/owned/gpus",
    "/options/owned/gpus_per_replica",
    "/options/owned/utilization_pct",
    "/capacity/monthly_requests_per_replica",
    "/capacity/output_tokens_per_sec_per_replica",
    "/capacity/throughput_source",
    "/breakeven/rented_vs_api/monthly_requests",
    "/breakeven/owned_vs_api/monthly_requests",
    "/breakeven/rented_vs_api/monthly_tokens",
    "/breakeven/owned_vs_api/monthly_tokens",
    "/breakeven/rented_vs_api/not_below",
    "/breakeven/owned_vs_api/not_below",
    "/tco/months/0/month",
    "/tco/months/0/api_usd",
    "/tco/months/0/cumulative_owned_usd",
    "/tco/payback_month_owned",
    "/tco/payback_month_rented",
    "/tco/npv_usd/api",
    "/tco/npv_usd/rented",
    "/tco/npv_usd/owned",
    "/tco/npv_usd/hybrid",
    "/decision/recommendation",
    "/decision/confidence",
    "/decision/reasons/0/criterion",
    "/decision/reasons/0/favours",
    "/decision/reasons/0/text",
    "/curve/0/monthly_requests",
    "/curve/0/api_usd",
    "/curve/0/rented_usd",
    "/curve/0/owned_usd",
    "/curve/0/hybrid_usd",
    "/cheapest",
    "/savings_vs_api_usd_per_month",
    "/warnings",
    "/sources",
];

#[test]
fn eval_json_from_stdin_has_every_documented_path() {
    let r = stdout_json(&tco(&["eval", "-"], Some("{}")));
    for p in PATHS {
        assert!(r.pointer(p).is_some(), "missing {p}");
    }
    assert_eq!(r["capacity"]["throughput_source"], "catalog");
    let v = r["breakeven"]["rented_vs_api"]["monthly_requests"]
        .as_f64()
        .unwrap();
    assert!((500_000.0..=2_000_000.0).contains(&v));
}

#[test]
fn eval_reads_a_partial_file_over_its_preset() {
    let path = std::env::temp_dir().join(format!("tco-cli-{}.json", std::process::id()));
    std::fs::write(
        &path,
        r#"{"preset": "startup-prototype", "workload": {"monthly_requests": 12345}}"#,
    )
    .unwrap();
    let r = stdout_json(&tco(
        &["eval", "--format", "json", path.to_str().unwrap()],
        None,
    ));
    let _ = std::fs::remove_file(&path);
    assert_eq!(r["tco"]["months"].as_array().unwrap().len(), 12);
    assert!(
        r["options"]["hybrid"]["api_requests_per_month"]
            .as_f64()
            .is_some()
    );
    assert_eq!(r["decision"]["recommendation"], "api");
}

#[test]
fn eval_reads_a_share_link() {
    let r = stdout_json(&tco(
        &[
            "eval",
            "?v=1&p=document-processing&req=250000&api=gpt-4o-mini",
        ],
        None,
    ));
    assert_eq!(
        r["options"]["api"]["input_usd_per_mtok"].as_f64(),
        Some(0.15)
    );
    assert_eq!(
        r["tco"]["months"][0]["monthly_requests"].as_f64(),
        Some(250_000.0)
    );
}

#[test]
fn eval_markdown_is_a_table() {
    let out = tco(
        &["eval", "--format", "md", "-"],
        Some(r#"{"preset": "coding-assistant"}"#),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("| option | $/month |"), "{text}");
    assert!(text.contains("| rented vs API |"));
    assert!(text.contains("Recommendation"));
}

#[test]
fn eval_markdown_gives_the_operating_point_of_the_json_report() {
    // The same scenario as JSON and as Markdown: the Markdown's operating point is the
    // report's batch, tokens/s per user (one decimal) and time to first token (whole ms).
    let scenario = r#"{"preset": "coding-assistant"}"#;
    let c = stdout_json(&tco(&["eval", "-"], Some(scenario)))["capacity"].clone();
    let out = tco(&["eval", "--format", "md", "-"], Some(scenario));
    let text = String::from_utf8(out.stdout).unwrap();
    let batch = c["batch"].as_f64().unwrap();
    let per_user = c["output_tokens_per_sec_per_user"].as_f64().unwrap();
    let first_token = c["time_to_first_token_ms"].as_f64().unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Operating point: "))
        .unwrap_or_else(|| panic!("no operating point in {text}"));
    assert!(
        line.starts_with(&format!("Operating point: {batch} requests together (")),
        "{line}"
    );
    assert!(
        line.contains(&format!(", {per_user:.1} output tokens/s per user, ")),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(", {first_token:.0} ms to the first token.")),
        "{line}"
    );
}

#[test]
fn bad_input_names_each_field_and_exits_2() {
    let out = tco(
        &["eval", "-"],
        Some(r#"{"workload": {"monthly_requests": -5, "peak_to_average": 0.5}}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("workload.monthly_requests"), "{err}");
    assert!(err.contains("workload.peak_to_average"), "{err}");
    assert!(out.stdout.is_empty());

    let out = tco(&["eval", "-"], Some("not json"));
    assert_eq!(out.status.code(), Some(2));
    let out = tco(&["eval", "-"], Some(r#"{"self_host": {"gpu": "tpu-v9"}}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("self_host.gpu"));
    let out = tco(&["eval", "/no/such/file.json"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = tco(&["eval", "?req=-1"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("workload.monthly_requests"));
    let out = tco(&["eval", "--format", "xml", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    let out = tco(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = tco(&[], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn presets_lists_every_preset() {
    let r = stdout_json(&tco(&["presets"], None));
    let ids: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, llm_tco::catalog::preset_ids());
    let md = tco(&["presets", "--format", "md"], None);
    assert!(String::from_utf8_lossy(&md.stdout).contains("`regulated-healthcare`"));
}

#[test]
fn eval_words_every_amount_in_the_display_currency() {
    let euros = r#"{"org": {"currency": "EUR", "usd_exchange_rate": 0.9}}"#;
    let r = stdout_json(&tco(&["eval", "-"], Some(euros)));
    let summary = r["decision"]["summary"].as_str().unwrap();
    assert!(summary.contains('€') && !summary.contains('$'), "{summary}");
    for reason in r["decision"]["reasons"].as_array().unwrap() {
        let text = reason["text"].as_str().unwrap();
        assert!(!text.contains('$'), "{text}");
    }
    for key in ["volume", "api_price", "gpu_price"] {
        let text = r["flip_points"][key]["text"].as_str().unwrap();
        assert!(!text.contains('$'), "{text}");
    }
    // The figures themselves stay in US dollars, as their names say.
    let usd = stdout_json(&tco(&["eval", "-"], Some("{}")));
    assert_eq!(
        r["options"]["api"]["monthly_usd"],
        usd["options"]["api"]["monthly_usd"]
    );

    let out = tco(&["eval", "--format", "md", "-"], Some(euros));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| option | €/month | €/request | €/M tokens |"),
        "{text}"
    );
    let recommendation = text
        .lines()
        .find(|l| l.starts_with("**Recommendation"))
        .unwrap();
    assert!(
        recommendation.contains('€') && !recommendation.contains('$'),
        "{recommendation}"
    );
}
