//! Audit scenarios for the serving choices a scenario carries: a per-user reading speed,
//! the KV cache precision and FP4 weights. Inputs are the plain audit scenario
//! (Llama 3.1 8B at FP16 on one H100, 1,000 input and 100 output tokens, 100% planning
//! utilisation, no peak, 730 active hours) with the estimate instead of a measured figure.

mod common;

use llm_tco::catalog;
use llm_tco::link;
use llm_tco::model::serving::{
    self, Architecture, Calibration, Deployment, Engine, Hardware, KvCacheDtype, Parallelism,
    Precision, Shape,
};
use llm_tco::model::{Report, evaluate};
use llm_tco::scenario::{KvCache, Quantization, Scenario};
use serde_json::{Value, json};

fn with(monthly_requests: f64, over: Value) -> Scenario {
    let mut v = common::audit_base(monthly_requests);
    llm_tco::scenario::merge(
        &mut v,
        &json!({ "self_host": { "output_tokens_per_sec_per_replica": null } }),
    );
    llm_tco::scenario::merge(&mut v, &over);
    Scenario::from_value(&v).unwrap_or_else(|e| panic!("invalid audit scenario: {e:?}"))
}

fn eval(monthly_requests: f64, over: Value) -> Report {
    evaluate(&with(monthly_requests, over))
}

/// Output tokens/s per user of the audit deployment at batch `b`, from the engine itself.
fn per_user_at(b: f64) -> f64 {
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
    serving::point_at_batch(&arch, &hw, &d, shape, &Calibration::FITTED, b)
        .output_tokens_per_sec_per_user
}

#[test]
fn a_reading_speed_target_lowers_the_batch_and_raises_the_replicas() {
    // 50 million requests of 100 output tokens a month.
    let free = eval(50.0e6, json!({}));
    let target = eval(
        50.0e6,
        json!({ "workload": { "min_output_tokens_per_sec_per_user": 50 } }),
    );
    let (f, t) = (&free.capacity, &target.capacity);

    // Without a target the scheduler's 384 sequences run together.
    assert_eq!((f.batch, f.batch_limited_by.as_str()), (384.0, "scheduler"));
    // With 50 tokens/s per user the batch is the largest whose per-user speed keeps 50:
    // 27 gives 50.17, 28 would give less than 50.
    assert_eq!(
        (t.batch, t.batch_limited_by.as_str()),
        (27.0, "per_user_speed")
    );
    assert!(per_user_at(27.0) >= 50.0 && per_user_at(28.0) < 50.0);
    assert_eq!(t.output_tokens_per_sec_per_user, per_user_at(27.0));
    // A replica serves batch x per-user speed: 27 x 50.17 = 1,354.65 tokens/s, against
    // 384 x 6.26 = 2,403.46 without the target.
    assert_eq!(
        t.output_tokens_per_sec_per_replica,
        27.0 * per_user_at(27.0)
    );
    assert_eq!(
        f.output_tokens_per_sec_per_replica,
        384.0 * per_user_at(384.0)
    );
    assert!((t.output_tokens_per_sec_per_replica - 1_354.650_037).abs() < 1e-6);
    // Requests a month = tokens/s / 100 tokens x 730 h x 3,600 s: 1,354.65 x 26,280 =
    // 35,600,202 and 2,403.46 x 26,280 = 63,162,926; 50 million need 2 replicas, not 1.
    assert_eq!(t.capacity_requests_per_replica, 35_600_202.0);
    assert_eq!(f.capacity_requests_per_replica, 63_162_926.0);
    assert_eq!(free.options.rented.serving_replicas, 1);
    assert_eq!(target.options.rented.serving_replicas, 2);
}

#[test]
fn a_target_no_batch_reaches_runs_one_request_at_a_time_and_warns() {
    // One request alone decodes at 102.6 tokens/s: 150 cannot be met, so the batch is 1.
    let r = eval(
        1_000.0,
        json!({ "workload": { "min_output_tokens_per_sec_per_user": 150 } }),
    );
    assert_eq!(r.capacity.batch, 1.0);
    assert_eq!(r.capacity.output_tokens_per_sec_per_user, per_user_at(1.0));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("below the target of 150")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_fp8_kv_cache_halves_its_bytes() {
    // Llama 3.1 8B: 32 layers x 8 KV heads x 128 dims x 2 (key and value) = 65,536
    // elements per token; 2 bytes each at FP16 = 131,072, 1 byte at FP8 = 65,536.
    let fp16 = eval(1_000.0, json!({})).capacity;
    let fp8 = eval(1_000.0, json!({ "self_host": { "kv_cache_dtype": "fp8" } })).capacity;
    assert_eq!(fp16.kv_cache_bytes_per_token, 131_072.0);
    assert_eq!(fp8.kv_cache_bytes_per_token, 65_536.0);
    assert_eq!((fp16.kv_cache_bits, fp8.kv_cache_bits), (16, 8));
    // The 16 planned sequences of 1,100 tokens: 16 x 1,100 x 131,072 = 2.3068672 GB, half
    // at FP8.
    assert_eq!(fp16.kv_cache_gb, 2.306_867_2);
    assert_eq!(fp8.kv_cache_gb, 1.153_433_6);
    // Each decode step reads half the cache, so a replica serves more.
    assert!(fp8.output_tokens_per_sec_per_replica > fp16.output_tokens_per_sec_per_replica);
}

#[test]
fn gpt_oss_120b_at_fp4_fits_one_80_gb_gpu() {
    // Experts: (117 - 5.1) / (1 - 4/128) = 115.5097B parameters at 4.25 bits (MXFP4 with
    // its block scales) = 61.3645 GB; the other 1.4903B stay at 16 bits = 2.9806 GB;
    // 64.3452 GB in all, against 80 GiB x 0.9 - 1.5 GB = 75.81 GB usable on one H100.
    let over = |q: &str| {
        json!({ "self_host": { "model": "gpt-oss-120b", "quantization": q, "gpu": "h100-sxm",
                               "gpus_per_replica": null } })
    };
    let r = eval(1_000.0, over("fp4"));
    let c = &r.capacity;
    assert!(c.feasible);
    assert_eq!(
        (c.gpus_per_replica, c.gpus_per_replica_source.as_str()),
        (1, "memory_fit")
    );
    let weights = (111.9e9 / (1.0 - 4.0 / 128.0) * 4.25 / 8.0
        + (117.0e9 - 111.9e9 / (1.0 - 4.0 / 128.0)) * 2.0)
        / 1.0e9;
    assert!((c.weights_gb - weights).abs() < 1e-9, "{}", c.weights_gb);
    assert!((c.weights_gb - 64.345_161).abs() < 1e-6);
    assert_eq!(c.vram_per_replica_gb, 85.899_345_92);
    assert_eq!((r.options.rented.gpus, r.options.owned.gpus), (1, 1));
    // An H100 has no FP4 tensor cores: the page says compute runs at BF16 speed.
    assert!(r.warnings.iter().any(|w| w.contains("no FP4 tensor cores")));
    // At FP8 the 117 GB of weights need two.
    assert_eq!(eval(1_000.0, over("fp8")).capacity.gpus_per_replica, 2);
}

#[test]
fn the_new_fields_ride_in_links_and_old_links_keep_their_meaning() {
    let mut s = Scenario::default();
    s.workload.min_output_tokens_per_sec_per_user = Some(40.0);
    s.self_host.kv_cache_dtype = KvCache::Fp8;
    s.self_host.quantization = Quantization::Fp4;
    let query = link::encode(&s);
    // fp4 rides under the second key `wq`: version 1 refused `q=fp4`, and still does.
    assert!(query.contains("&wq=fp4") && query.contains("&kv=fp8") && query.contains("&utps=40"));
    assert!(!query.contains("&q="));
    let back = link::decode(&query);
    assert_eq!((back.scenario, back.notices), (s, vec![]));

    // A version 1 link made before the fields existed: no target, a 16-bit cache.
    let old = link::decode("v=1&p=coding-assistant&req=5000");
    assert!(old.notices.is_empty());
    assert_eq!(
        old.scenario.workload.min_output_tokens_per_sec_per_user,
        None
    );
    assert_eq!(old.scenario.self_host.kv_cache_dtype, KvCache::Fp16);

    let bad = link::decode("v=1&utps=0&kv=fp4&q=fp4&wq=int4");
    let messages: Vec<&str> = bad.notices.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "link key \"utps\": must be a number from 0.1 to 10,000 (or empty) (got \"0\"; ignored)",
            "link key \"kv\": must be one of fp16, fp8 (got \"fp4\"; ignored)",
            "link key \"q\": must be one of fp16, fp8, int8, int4 (got \"fp4\"; ignored)",
            "link key \"wq\": appears more than once; the first value was used",
        ]
    );
    // `wq` takes every quantization; the field's two keys count as one.
    assert_eq!(bad.notices[3].field, "self_host.quantization");
    let wq = link::decode("v=1&wq=int4");
    assert_eq!(wq.scenario.self_host.quantization, Quantization::Int4);
}
