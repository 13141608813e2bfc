//! The serving estimate against public measurements: every point of
//! `tests/fixtures/serving_measurements.json`, and `docs/VALIDATION.md` kept true.

use llm_tco::model::serving::Calibration;
use llm_tco::model::serving::validation::{self, Checked, summary};

const POINTS_JSON: &str = include_str!("fixtures/serving_measurements.json");
const VALIDATION_MD: &str = include_str!("../docs/VALIDATION.md");

fn rows() -> Vec<Checked> {
    let points = validation::parse(POINTS_JSON).unwrap();
    validation::check_all(&points, &Calibration::FITTED).unwrap()
}

#[test]
fn the_estimate_matches_every_measured_point() {
    let rows = rows();
    assert!(rows.len() >= 25, "{} points", rows.len());
    let all = summary(rows.iter());
    assert!(
        all.median_error <= 0.30,
        "median error {:.3}",
        all.median_error
    );
    for r in &rows {
        assert!(
            r.factor_off() <= 2.5,
            "{}: estimate {:.0}, measured {:.0}",
            r.point.id,
            r.estimate,
            r.point.measured_output_tokens_per_sec
        );
    }
    // The points held out of the fit meet the same bar.
    let held_out = summary(rows.iter().filter(|r| r.point.held_out));
    assert!(
        held_out.points >= 5 && held_out.median_error <= 0.30,
        "{held_out:?}"
    );
}

#[test]
fn the_table_covers_dense_and_moe_models_on_each_gpu_generation() {
    let rows = rows();
    for gpu in ["h100-sxm", "h200", "b200"] {
        assert!(rows.iter().any(|r| r.point.gpu == gpu), "{gpu}");
    }
    let moe = |id: &str| llm_tco::catalog::open_model(id).is_some_and(|m| m.experts > 0);
    assert!(rows.iter().any(|r| moe(&r.point.model)));
    assert!(rows.iter().any(|r| !moe(&r.point.model)));
    // Max-throughput runs and a fixed-concurrency (per-user speed) run.
    assert!(rows.iter().any(|r| r.point.concurrency.is_none()));
    assert!(rows.iter().any(|r| r.point.concurrency == Some(1.0)));
    for r in &rows {
        assert!(
            !r.point.source.is_empty() && !r.point.as_of.is_empty(),
            "{}",
            r.point.id
        );
    }
}

#[test]
fn validation_md_shows_the_current_estimates() {
    let rows = rows();
    let regenerate = "regenerate with `cargo run --example serving_validation`";
    assert!(
        VALIDATION_MD.contains(&validation::calibration_table(&Calibration::FITTED)),
        "docs/VALIDATION.md's constants are stale; {regenerate}"
    );
    assert!(
        VALIDATION_MD.contains(&validation::summary_table(&rows)),
        "docs/VALIDATION.md's summary is stale; {regenerate}"
    );
    assert!(
        VALIDATION_MD.contains(&validation::points_table(&rows)),
        "docs/VALIDATION.md's table is stale; {regenerate}"
    );
}

fn preset_with(id: &str, over: serde_json::Value) -> llm_tco::scenario::Scenario {
    let mut v = llm_tco::scenario::preset_scenario(id).unwrap().to_value();
    llm_tco::scenario::merge(&mut v, &over);
    llm_tco::scenario::Scenario::from_value(&v).unwrap()
}

#[test]
fn a_catalog_point_is_scaled_to_the_scenario_and_says_how() {
    // Llama 3.1 70B FP8 on 2 x H100 was measured at 1,728 tokens/s with prompts of about
    // 205 tokens; the coding assistant sends 6,000.
    let s = preset_with(
        "coding-assistant",
        serde_json::json!({ "self_host": { "model": "llama-3.1-70b", "quantization": "fp8", "gpu": "h100-sxm",
                                           "gpus_per_replica": 2, "output_tokens_per_sec_per_replica": null } }),
    );
    let c = llm_tco::model::evaluate(&s).capacity;
    assert_eq!(c.throughput_source, "catalog");
    let p = c.catalog_point.clone().unwrap();
    assert_eq!(
        (p.measured_output_tokens_per_sec, p.input_tokens, p.gpus),
        (1728.0, 205.0, 2)
    );
    // Throughput = measured x estimate here / estimate there.
    assert_eq!(p.scale, p.estimate_at_scenario / p.estimate_at_measurement);
    assert_eq!(c.output_tokens_per_sec_per_replica, 1728.0 * p.scale);
    assert!(
        p.scale < 0.5,
        "a 6,000-token prompt at least halves throughput: {p:?}"
    );
    assert!(c.throughput_note.contains("scaled by") && c.throughput_note.contains("1728"));
}

#[test]
fn replicas_follow_the_prompt_length() {
    let replicas = |input: u32| {
        let s = preset_with(
            "coding-assistant",
            serde_json::json!({ "workload": { "input_tokens_per_request": input },
                                "self_host": { "gpus_per_replica": 2 } }),
        );
        let r = llm_tco::model::evaluate(&s);
        (
            r.options.rented.serving_replicas,
            r.options.rented.monthly_usd,
        )
    };
    let (short, short_usd) = replicas(200);
    let (long, long_usd) = replicas(6000);
    assert!(
        long >= 3 * short,
        "{short} replicas at 200 tokens, {long} at 6,000"
    );
    assert!(long_usd > short_usd);
}

#[test]
fn a_latency_target_shrinks_the_batch() {
    // Short prompts: the decode steps of a large batch dominate the time to first token.
    let s = |slo: Option<f64>| {
        preset_with(
            "coding-assistant",
            serde_json::json!({ "workload": { "input_tokens_per_request": 200, "latency_slo_ms": slo },
                                "self_host": { "gpus_per_replica": 2 } }),
        )
    };
    let free = llm_tco::model::evaluate(&s(None)).capacity;
    let target_ms = free.time_to_first_token_ms * 0.75;
    let tight = llm_tco::model::evaluate(&s(Some(target_ms))).capacity;
    assert_eq!(tight.batch_limited_by, "time_to_first_token");
    assert!(tight.time_to_first_token_ms <= target_ms, "{tight:?}");
    assert!(tight.batch < free.batch);
    assert!(tight.output_tokens_per_sec_per_replica < free.output_tokens_per_sec_per_replica);
}

#[test]
fn the_catalog_point_nearest_the_workload_is_scaled() {
    // Llama 3.3 70B FP8 on 2 x H200 was measured at 1000/1000 and at 8192/1024 tokens.
    let point = |input: u32, output: u32| {
        let s = preset_with(
            "coding-assistant",
            serde_json::json!({ "workload": { "input_tokens_per_request": input, "output_tokens_per_request": output },
                                "self_host": { "model": "llama-3.3-70b", "quantization": "fp8", "gpu": "h200",
                                               "gpus_per_replica": 2, "output_tokens_per_sec_per_replica": null } }),
        );
        let c = llm_tco::model::evaluate(&s).capacity;
        let p = c.catalog_point.unwrap();
        (
            p.input_tokens,
            p.output_tokens,
            p.measured_output_tokens_per_sec,
        )
    };
    // 2 GPUs x 537 and x 2,587 tokens/s per GPU.
    assert_eq!(point(6000, 400), (8192.0, 1024.0, 1074.0));
    assert_eq!(point(800, 1200), (1000.0, 1000.0, 5174.0));
}

#[test]
fn deepseek_r1_at_fp8_takes_eight_b200s() {
    // 671 GB of FP8 weights. Attention data-parallel with experts spread: each GPU keeps
    // the 16.55 GB of non-expert weights and 654.45 / n GB of experts, against
    // 180 GiB x 0.9 - 1.5 GB = 172.4 GB usable: 180.2 GB on 4 GPUs does not fit, 98.4 GB
    // on 8 does.
    let s = preset_with(
        "document-processing",
        serde_json::json!({ "self_host": { "model": "deepseek-r1", "quantization": "fp8", "gpu": "b200",
                                           "gpus_per_replica": null, "output_tokens_per_sec_per_replica": null } }),
    );
    let c = llm_tco::model::evaluate(&s).capacity;
    assert!(c.feasible);
    assert_eq!((c.gpus_per_replica, c.weights_gb), (8, 671.0));
    assert_eq!(c.throughput_source, "estimate");
}
