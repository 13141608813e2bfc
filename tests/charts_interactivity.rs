//! The throughput-interactivity chart, read back from its ECharts option JSON.

use llm_tco::catalog;
use llm_tco::charts::{
    ESTIMATE, Look, MEASURED, OPERATING_POINT, interactivity, interactivity_table,
};
use llm_tco::format::Money;
use llm_tco::model::serving::{
    self, Architecture, Calibration, Deployment, Engine, Hardware, KvCacheDtype, Parallelism,
    Precision, Shape,
};
use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::Scenario;
use serde_json::{Value, json};

mod common;
use common::series;

/// The audit scenario (Llama 3.1 8B at FP16 on one H100, 1,000 input and 100 output
/// tokens) with the engine's estimate, and `over` laid on it.
fn scenario(over: Value) -> Scenario {
    let mut v = common::audit_base(1_000.0);
    llm_tco::scenario::merge(
        &mut v,
        &json!({ "self_host": { "output_tokens_per_sec_per_replica": null } }),
    );
    llm_tco::scenario::merge(&mut v, &over);
    Scenario::from_value(&v).unwrap()
}

fn chart(s: &Scenario) -> (Report, Value) {
    let report = evaluate(s);
    let look = Look::new(false, Money::from_org(&s.org));
    let json = serde_json::from_str(&interactivity(&report, s, &look).to_string()).unwrap();
    (report, json)
}

/// A series' points; a series without points has no `data`.
fn xy(series: &Value) -> Vec<(f64, f64)> {
    series["data"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

fn tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// (per user, per GPU) of the audit deployment at batch `b`, from the engine itself.
fn engine_at(b: f64) -> (f64, f64) {
    let arch = Architecture::from_catalog(catalog::open_model("llama-3.1-8b").unwrap());
    let hw = Hardware::from_catalog(catalog::gpu("h100-sxm").unwrap());
    let d = Deployment {
        gpus: 1,
        parallelism: Parallelism::Tensor,
        precision: Precision::Bf16,
        kv_cache: KvCacheDtype::Bits16,
        engine: Engine::Current,
    };
    let shape = Shape {
        input_tokens: 1000.0,
        output_tokens: 100.0,
    };
    let p = serving::point_at_batch(&arch, &hw, &d, shape, &Calibration::FITTED, b);
    (
        tenth(p.output_tokens_per_sec_per_user),
        tenth(p.output_tokens_per_sec_per_replica),
    )
}

#[test]
fn axes_are_tokens_per_second_per_user_and_per_gpu() {
    let (_, json) = chart(&scenario(json!({})));
    assert_eq!(json["xAxis"]["type"], "value");
    assert_eq!(json["xAxis"]["name"], "Output tokens/s per user");
    assert_eq!(json["yAxis"]["name"], "Output tokens/s per GPU");
    assert_eq!(json["tooltip"]["trigger"], "item");
    assert_eq!(json["animation"], false);
    let names: Vec<&str> = json["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [ESTIMATE, MEASURED, OPERATING_POINT]);
}

#[test]
fn the_curve_is_the_engine_at_doubling_batches() {
    let (_, json) = chart(&scenario(json!({})));
    let curve = xy(series(&json, ESTIMATE));
    // Batches 1, 2, 4, ..., 256 and the scheduler's 384.
    let batches = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 384.0];
    let expected: Vec<(f64, f64)> = batches.iter().map(|&b| engine_at(b)).collect();
    assert_eq!(curve, expected);
    // One request alone decodes at 102.6 tokens/s; 384 together at 6.3 each, 2,403.5 in all.
    assert_eq!(curve[0], (102.6, 102.6));
    assert_eq!(curve[9], (6.3, 2403.5));
    // Faster for each user, less for each GPU, all along the curve.
    assert!(curve.windows(2).all(|w| w[1].0 < w[0].0 && w[1].1 > w[0].1));
}

#[test]
fn the_marker_is_the_reports_operating_point() {
    // A 50 tokens/s reading speed: batch 27 at 50.17 tokens/s each, 1,354.65 per GPU.
    let (report, json) = chart(&scenario(
        json!({ "workload": { "min_output_tokens_per_sec_per_user": 50 } }),
    ));
    let c = &report.capacity;
    let marker = series(&json, OPERATING_POINT);
    assert_eq!(
        xy(marker),
        [(
            tenth(c.output_tokens_per_sec_per_user),
            tenth(c.output_tokens_per_sec_per_replica)
        )]
    );
    assert_eq!(xy(marker), [(50.2, 1354.7)]);
    assert_eq!(xy(marker), [engine_at(27.0)]);
    assert_eq!(marker["label"]["formatter"], "Batch 27");
    let table = interactivity_table(
        &report,
        &scenario(json!({ "workload": { "min_output_tokens_per_sec_per_user": 50 } })),
    );
    assert_eq!(
        table.caption,
        "Output tokens/s per GPU by output tokens/s per user (operating point: batch 27, 50.2 per user, 1,354.7 per GPU; 1 catalog measurement)"
    );
    let row = table
        .rows
        .iter()
        .find(|r| r[0].shown() == OPERATING_POINT)
        .unwrap();
    assert_eq!(
        row.iter().map(|c| c.shown()).collect::<Vec<_>>()[1..4],
        ["27", "50.2", "1,354.7"]
    );
    assert_eq!(
        row[4].shown(),
        "43 ms to first token; throughput from estimate"
    );
}

#[test]
fn per_gpu_divides_the_replica_by_its_gpus() {
    // Two GPUs per replica: the marker's height is the replica's tokens/s over 2.
    let s = scenario(json!({ "self_host": { "gpus_per_replica": 2 } }));
    let (report, json) = chart(&s);
    let c = &report.capacity;
    assert_eq!(c.gpus_per_replica, 2);
    let (_, y) = xy(series(&json, OPERATING_POINT))[0];
    assert_eq!(y, tenth(c.output_tokens_per_sec_per_replica / 2.0));
    let top = *xy(series(&json, ESTIMATE)).last().unwrap();
    assert_eq!(
        top.1, y,
        "no target: the operating point is the curve's end"
    );
}

#[test]
fn catalog_measurements_of_the_model_and_gpu_are_drawn_per_gpu() {
    // Llama 3.1 8B on one H100 was measured at 3,400 output tokens/s (FP8, 205 / 196
    // tokens); its per-user speed is 3,400 over the batch the engine finds for that run.
    let s = scenario(json!({}));
    let (report, json) = chart(&s);
    let measured = xy(series(&json, MEASURED));
    assert_eq!(measured.len(), 1);
    let table = interactivity_table(&report, &s);
    let row = table
        .rows
        .iter()
        .find(|r| r[0].shown() == MEASURED)
        .unwrap();
    let batch = row[1].value().unwrap();
    assert_eq!(measured[0].1, 3400.0);
    assert_eq!(measured[0].0, tenth(3400.0 / batch));
    assert!(
        row[4]
            .shown()
            .starts_with("fp8 on 1 GPU, 205 input / 196 output tokens; ")
    );
    // Another GPU's measurements are not drawn.
    let (_, l4) = chart(&scenario(json!({ "self_host": { "gpu": "l4" } })));
    assert!(xy(series(&l4, MEASURED)).is_empty());
}

#[test]
fn a_model_that_does_not_fit_has_no_curve_and_no_marker() {
    let s = scenario(
        json!({ "self_host": { "model": "llama-3.1-405b", "gpu": "l4", "gpus_per_replica": 1 } }),
    );
    let (report, json) = chart(&s);
    assert!(!report.capacity.feasible);
    assert!(xy(series(&json, ESTIMATE)).is_empty());
    assert!(xy(series(&json, OPERATING_POINT)).is_empty());
    assert_eq!(
        interactivity_table(&report, &s).caption,
        "Output tokens/s per GPU by output tokens/s per user (the model does not fit these GPUs)"
    );
}

#[test]
fn a_catalog_throughput_scales_the_curve_through_the_operating_point() {
    // At FP8 the catalog's 3,400 tokens/s run is scaled to the workload: the report's
    // throughput is the engine's x 3,400 / the engine's estimate under the run's
    // conditions, and the curve's per-GPU figures take the same factor.
    let s = scenario(json!({ "self_host": { "quantization": "fp8" } }));
    let (report, json) = chart(&s);
    let c = &report.capacity;
    assert_eq!(c.throughput_source, "catalog");
    let p = c.catalog_point.clone().unwrap();
    let k = llm_tco::charts::report_scale(&report);
    assert!((k - 3400.0 / p.estimate_at_measurement).abs() < 1e-9, "{k}");
    // No target: the operating point is the curve's last batch, on the scaled curve.
    let curve = xy(series(&json, ESTIMATE));
    let marker = xy(series(&json, OPERATING_POINT));
    assert_eq!(curve.last().copied(), marker.first().copied());
    assert_eq!(marker[0].1, tenth(c.output_tokens_per_sec_per_replica));
    let caption = interactivity_table(&report, &s).caption;
    assert!(
        caption.contains(&format!(
            "per GPU scaled by {k:.2} to the throughput from catalog"
        )),
        "{caption}"
    );
}
