//! Audit scenarios for the serving engine: tiny inputs, the arithmetic in a comment.

use super::memory::{kv_share_per_gpu, weight_bytes_per_gpu};
use super::step::experts_touched_share;
use super::*;
use crate::catalog;

/// 2 layers, 4 query and 2 KV heads of 4 dims, 1,000 parameters, dense.
fn tiny() -> Architecture {
    Architecture {
        total_params: 1000.0,
        active_params: 1000.0,
        layers: 2.0,
        attention_heads: 4.0,
        kv_heads: 2.0,
        head_dim: 4.0,
        mla_latent_dim: None,
        sliding_window_layers: 0.0,
        sliding_window_tokens: 0.0,
        experts: 0.0,
        experts_per_token: 0.0,
    }
}

fn deployment(gpus: u32, parallelism: Parallelism, precision: Precision) -> Deployment {
    Deployment {
        gpus,
        parallelism,
        precision,
        kv_cache: KvCacheDtype::Bits16,
        engine: Engine::Current,
    }
}

fn model(id: &str) -> Architecture {
    Architecture::from_catalog(catalog::open_model(id).unwrap())
}

fn gpu(id: &str) -> Hardware {
    Hardware::from_catalog(catalog::gpu(id).unwrap())
}

#[test]
fn kv_cache_bytes_follow_the_attention() {
    let a = tiny();
    // Keys and values (2) x 2 layers x 2 KV heads x 4 dims x 2 bytes = 64 bytes a token;
    // 10 tokens = 640 bytes; at 8 bits half of it.
    assert_eq!(kv_bytes_per_sequence(&a, 10.0, KvCacheDtype::Bits16), 640.0);
    assert_eq!(kv_bytes_per_sequence(&a, 10.0, KvCacheDtype::Bits8), 320.0);
    // One of the two layers slides over 3 tokens: 32 x 10 + 32 x 3 = 416 bytes.
    let sliding = Architecture {
        sliding_window_layers: 1.0,
        sliding_window_tokens: 3.0,
        ..tiny()
    };
    assert_eq!(
        kv_bytes_per_sequence(&sliding, 10.0, KvCacheDtype::Bits16),
        416.0
    );
    // A 6-wide latent per layer: 2 layers x 6 x 2 bytes x 10 tokens = 240 bytes.
    let mla = Architecture {
        mla_latent_dim: Some(6.0),
        ..tiny()
    };
    assert_eq!(
        kv_bytes_per_sequence(&mla, 10.0, KvCacheDtype::Bits16),
        240.0
    );
}

#[test]
fn kv_cache_of_catalog_models_matches_the_reference_table() {
    let kib = |id: &str, tokens: f64| {
        kv_bytes_per_sequence(&model(id), tokens, KvCacheDtype::Bits16) / 1024.0 / tokens
    };
    // 2 x 80 x 8 x 128 x 2 = 327,680 bytes = 320 KiB a token.
    assert_eq!(kib("llama-3.3-70b", 1000.0), 320.0);
    // MLA: 61 layers x 576 x 2 bytes = 70,272 bytes = 68.625 KiB.
    assert_eq!(kib("deepseek-r1", 1000.0), 68.625);
    // gpt-oss-120b at 12,800 tokens: 18 full layers x 2 x 8 x 64 x 2 = 36 KiB a token,
    // plus 18 window layers holding 128 tokens each: 36 x 128 / 12,800 = 0.36 KiB.
    assert_eq!(kib("gpt-oss-120b", 12_800.0), 36.36);
}

#[test]
fn kv_share_splits_heads_and_copies_latents() {
    let a = tiny();
    // 2 KV heads over 4 GPUs: each head sits on 2 GPUs, each GPU holds half the cache.
    assert_eq!(kv_share_per_gpu(&a, 4, Parallelism::Tensor), 0.5);
    assert_eq!(kv_share_per_gpu(&a, 2, Parallelism::Tensor), 0.5);
    assert_eq!(kv_share_per_gpu(&a, 4, Parallelism::DataExpert), 0.25);
    let mla = Architecture {
        mla_latent_dim: Some(6.0),
        ..tiny()
    };
    assert_eq!(kv_share_per_gpu(&mla, 4, Parallelism::Tensor), 1.0);
}

#[test]
fn parallel_degrees_divide_the_heads() {
    let six = Architecture {
        attention_heads: 6.0,
        ..tiny()
    };
    assert_eq!(parallel_degrees(&six), [1, 2]);
    assert_eq!(parallel_degrees(&model("llama-4-scout")), [1, 2, 4, 8]);
    assert_eq!(parallel_degrees(&tiny()), [1, 2, 4]);
}

#[test]
fn experts_a_batch_touches() {
    // 4 experts, 1 per token: two tokens miss a given expert with (3/4)^2 = 9/16.
    let moe = Architecture {
        active_params: 400.0,
        experts: 4.0,
        experts_per_token: 1.0,
        ..tiny()
    };
    assert_eq!(experts_touched_share(&moe, 2.0), 7.0 / 16.0);
    assert_eq!(experts_touched_share(&tiny(), 2.0), 1.0);
    // total = shared + experts and active = shared + experts / 4:
    // experts = (1000 - 400) / (3/4) = 800, shared 200.
    assert_eq!(moe.expert_params(), 800.0);
    // FP4 experts at 4.25 bits and 16-bit shared weights: 800 x 4.25 / 8 + 200 x 2 = 825.
    assert_eq!(weight_bytes(&moe, Precision::Fp4), 825.0);
    // Expert-parallel over 2 GPUs: each keeps the shared 400 bytes and half of 425.
    let d = deployment(2, Parallelism::DataExpert, Precision::Fp4);
    assert_eq!(weight_bytes_per_gpu(&moe, &d), 612.5);
}

#[test]
fn gpt_oss_120b_at_fp4_fits_one_80_gb_gpu() {
    let a = model("gpt-oss-120b");
    // Experts (117 - 5.1) / (1 - 4/128) = 115.51e9 at 4.25 bits = 61.36 GB, plus the
    // other 1.49e9 at 16 bits = 2.98 GB: 64.35 GB. 80 GiB = 85.90 GB, of which the
    // runtime leaves 85.90 x 0.9 - 1.5 = 75.81 GB.
    assert!((weight_bytes(&a, Precision::Fp4) / 1e9 - 64.345).abs() < 0.001);
    let d = deployment(1, Parallelism::Tensor, Precision::Fp4);
    let fit = memory_fit(&a, &gpu("h100-sxm"), &d, 2000.0, &Calibration::FITTED);
    assert!((fit.usable_bytes_per_gpu / 1e9 - 75.809).abs() < 0.001);
    assert!(fit.fits(16.0), "{fit:?}");
    // At FP8 it does not: 117 GB of weights.
    let d8 = deployment(1, Parallelism::Tensor, Precision::Fp8);
    assert!(!memory_fit(&a, &gpu("h100-sxm"), &d8, 2000.0, &Calibration::FITTED).fits(1.0));
}

#[test]
fn deepseek_r1_at_fp8_needs_more_than_one_b200() {
    let a = model("deepseek-r1");
    let b200 = gpu("b200");
    // 671 GB of FP8 weights against 180 GiB x 0.9 - 1.5 GB = 172.4 GB usable.
    assert_eq!(weight_bytes(&a, Precision::Fp8), 671.0e9);
    let fit = |n| {
        memory_fit(
            &a,
            &b200,
            &deployment(n, Parallelism::DataExpert, Precision::Fp8),
            2000.0,
            &Calibration::FITTED,
        )
    };
    assert!(!fit(1).fits(1.0));
    // Four GPUs each keep the 16.55 GB of non-expert weights and a quarter of the
    // 654.45 GB of experts: 180.2 GB, still too much; eight hold it.
    assert!(!fit(4).fits(1.0));
    assert!(fit(8).fits(16.0));
}

#[test]
fn interactivity_targets_shrink_the_batch() {
    let a = model("llama-3.3-70b");
    let hw = gpu("h100-sxm");
    let d = deployment(2, Parallelism::Tensor, Precision::Fp8);
    let shape = Shape {
        input_tokens: 1000.0,
        output_tokens: 1000.0,
    };
    let cal = Calibration::FITTED;
    let free = operating_point(&a, &hw, &d, shape, Targets::default(), &cal);
    assert!(free.targets_met && free.batch > 16.0, "{free:?}");
    let target = free.output_tokens_per_sec_per_user * 2.0;
    let fast = operating_point(
        &a,
        &hw,
        &d,
        shape,
        Targets {
            min_output_tokens_per_sec_per_user: Some(target),
            ..Targets::default()
        },
        &cal,
    );
    assert_eq!(fast.limited_by, Limit::PerUserSpeed);
    assert!(fast.targets_met && fast.output_tokens_per_sec_per_user >= target);
    assert!(
        fast.batch < free.batch
            && fast.output_tokens_per_sec_per_replica < free.output_tokens_per_sec_per_replica
    );
    // One more sequence would miss the target: the batch is the largest that keeps it.
    let one_more = operating_point(
        &a,
        &hw,
        &d,
        shape,
        Targets {
            concurrency: Some(fast.batch + 1.0),
            ..Targets::default()
        },
        &cal,
    );
    assert!(one_more.output_tokens_per_sec_per_user < target);
    // A speed no batch reaches: a batch of one, reported as missed.
    let never = operating_point(
        &a,
        &hw,
        &d,
        shape,
        Targets {
            min_output_tokens_per_sec_per_user: Some(1.0e6),
            ..Targets::default()
        },
        &cal,
    );
    assert!(!never.targets_met && never.batch == 1.0);
    // The curve runs from one sequence to the free operating point.
    let curve = interactivity_curve(&a, &hw, &d, shape, &cal);
    assert_eq!(
        curve.first().map(|p| p.0),
        Some(
            operating_point(
                &a,
                &hw,
                &d,
                shape,
                Targets {
                    concurrency: Some(1.0),
                    ..Targets::default()
                },
                &cal
            )
            .output_tokens_per_sec_per_user
        )
    );
    assert_eq!(
        curve.last().map(|p| p.1),
        Some(free.output_tokens_per_sec_per_replica / 2.0)
    );
}

#[test]
fn a_model_that_does_not_fit_serves_nothing() {
    let a = model("deepseek-r1");
    let d = deployment(1, Parallelism::Tensor, Precision::Bf16);
    let shape = Shape {
        input_tokens: 100.0,
        output_tokens: 100.0,
    };
    let op = operating_point(
        &a,
        &gpu("l4"),
        &d,
        shape,
        Targets::default(),
        &Calibration::FITTED,
    );
    assert_eq!(
        (
            op.limited_by,
            op.batch,
            op.output_tokens_per_sec_per_replica
        ),
        (Limit::DoesNotFit, 0.0, 0.0)
    );
}
