//! How many GPUs one replica needs and how many requests a month it serves.

use super::guard::guard;
use super::inputs::Resolved;
use super::report::Capacity;
use crate::scenario::Quantization;

/// Tensor-parallel degrees tried, smallest first.
pub const TP_DEGREES: [u32; 4] = [1, 2, 4, 8];
/// Sequences whose KV cache must fit beside the weights when sizing a replica: enough
/// for continuous batching to reach a useful share of the bandwidth bound.
pub const PLANNED_CONCURRENT_SEQUENCES: f64 = 16.0;
/// Share of each GPU's memory the runtime keeps (CUDA context, activations,
/// fragmentation); vLLM's default memory fraction is 0.9.
pub const OVERHEAD_VRAM_SHARE: f64 = 0.10;
/// Fixed runtime memory per GPU on top of the share (graphs, communication buffers).
pub const OVERHEAD_GB_PER_GPU: f64 = 1.0;
/// The KV cache stays at 16 bits whatever the weight quantization (the serving default).
pub const KV_BYTES_PER_ELEMENT: f64 = 2.0;
/// Memory-bandwidth utilisation reached in decode (measured 0.6-0.8; single-stream
/// Llama 8B on A100 reaches about 0.77).
pub const MBU: f64 = 0.7;
/// Model-FLOP utilisation reached in prefill and compute-bound decode.
pub const MFU: f64 = 0.4;
/// Bandwidth and compute kept when a replica spans several GPUs (tensor-parallel
/// communication costs the rest).
pub const TP_EFFICIENCY: f64 = 0.9;
/// Largest decode batch the estimate assumes (scheduler limits such as vLLM's 256).
pub const MAX_BATCH: f64 = 256.0;

/// What the rest of the model needs from capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityCalc {
    pub report: Capacity,
    /// Whole requests a month one serving replica takes (at least 1).
    pub capacity_requests: f64,
    pub gpus_per_replica: u32,
    /// The catalog measurement used, if the throughput came from one.
    pub catalog_point: Option<&'static crate::catalog::ThroughputPoint>,
}

fn usable_gb(gpus: u32, vram_gb: f64) -> f64 {
    f64::from(gpus) * (vram_gb * (1.0 - OVERHEAD_VRAM_SHARE) - OVERHEAD_GB_PER_GPU).max(0.0)
}

pub fn capacity(r: &Resolved, warnings: &mut Vec<String>) -> CapacityCalc {
    let m = &r.model;
    let g = &r.gpu;
    let weights_gb = m.params_billion * r.quantization.bits() / 8.0;
    let kv_bytes_per_token = m.kv_bytes_per_token;
    let seq_tokens = r.input_tokens + r.output_tokens;
    if seq_tokens > m.context_tokens {
        warnings.push(format!(
            "Input plus output ({} tokens) exceed {}'s context of {} tokens; memory is sized for the full sequence anyway.",
            super::text::count(seq_tokens),
            m.id,
            super::text::count(m.context_tokens)
        ));
    }
    let kv_per_seq_gb = kv_bytes_per_token * seq_tokens / 1.0e9;
    let fits =
        |gpus: u32, seqs: f64| weights_gb + seqs * kv_per_seq_gb <= usable_gb(gpus, g.vram_gb);

    let (gpus, source, feasible, reason) = match r.user_gpus_per_replica {
        Some(user) => {
            let feasible = fits(user, 1.0);
            if !fits(user, PLANNED_CONCURRENT_SEQUENCES) {
                warnings.push(format!(
                    "{user} x {} does not hold {} at {} plus the KV cache of {} sequences; your GPUs per replica is used anyway.",
                    g.id, m.id, r.quantization.id(), PLANNED_CONCURRENT_SEQUENCES
                ));
            }
            let reason = (!feasible).then(|| {
                format!(
                    "{} at {} needs {:.1} GB for weights and one sequence, but {user} x {} leave {:.1} GB after runtime overhead.",
                    m.id, r.quantization.id(), weights_gb + kv_per_seq_gb, g.id, usable_gb(user, g.vram_gb)
                )
            });
            (user, "user", feasible, reason)
        }
        None => match TP_DEGREES
            .iter()
            .copied()
            .find(|&n| fits(n, PLANNED_CONCURRENT_SEQUENCES))
        {
            Some(n) => (n, "memory_fit", true, None),
            None if fits(8, 1.0) => {
                warnings.push(format!(
                    "8 x {} hold {} at {} but fewer than {} concurrent sequences of {} tokens; throughput will be low.",
                    g.id, m.id, r.quantization.id(), PLANNED_CONCURRENT_SEQUENCES, super::text::count(seq_tokens)
                ));
                (8, "memory_fit", true, None)
            }
            None => (
                8,
                "memory_fit",
                false,
                Some(format!(
                    "{} at {} needs {:.1} GB for weights and one sequence, more than the {:.1} GB that 8 x {} leave after runtime overhead; choose a lower quantization or a larger GPU.",
                    m.id,
                    r.quantization.id(),
                    weights_gb + kv_per_seq_gb,
                    usable_gb(8, g.vram_gb),
                    g.id
                )),
            ),
        },
    };
    if let Some(reason) = &reason {
        warnings.push(format!("Self-hosting is infeasible: {reason}"));
    }
    let vram_per_replica_gb = f64::from(gpus) * g.vram_gb;
    let overhead_gb = vram_per_replica_gb - usable_gb(gpus, g.vram_gb);
    let kv_cache_gb = PLANNED_CONCURRENT_SEQUENCES * kv_per_seq_gb;

    // Throughput: the user's measurement, else a catalog measurement of exactly this
    // configuration, else the roofline estimate.
    let catalog_point = crate::catalog::throughput(m.id, g.id, r.quantization, gpus);
    let est = estimate(r, gpus, weights_gb, kv_per_seq_gb);
    let (tps, tsource, note, used_point) = if let Some(user) = r.user_tokens_per_sec {
        (user, "user", "Your measured figure.".to_string(), None)
    } else if let Some(p) = catalog_point {
        (
            p.output_tokens_per_sec,
            "catalog",
            format!("{} ({}).", p.source, p.as_of),
            Some(p),
        )
    } else {
        (est.tokens_per_sec, "estimate", est.note, None)
    };
    if r.quantization == Quantization::Fp8 && !g.fp8_support {
        warnings.push(format!(
            "{} has no FP8 tensor cores: FP8 weights save memory but compute runs at BF16 speed.",
            g.id
        ));
    }

    let (monthly_requests, capacity_requests) = requests_per_replica(tps, r);
    if monthly_requests < 1.0 {
        warnings.push(
            "One replica serves less than one request a month; its capacity is counted as one request.".into(),
        );
    }
    let ttft_ms = guard(est.time_to_first_token_s * 1000.0);
    if let Some(slo) = r.latency_slo_ms
        && ttft_ms > slo
    {
        warnings.push(format!(
            "The estimated time to first token of a self-hosted replica ({ttft_ms:.0} ms) exceeds the latency target of {slo:.0} ms."
        ));
    }
    CapacityCalc {
        capacity_requests,
        gpus_per_replica: gpus,
        catalog_point: used_point,
        report: Capacity {
            feasible,
            infeasible_reason: reason,
            gpus_per_replica: gpus,
            gpus_per_replica_source: source.into(),
            weights_gb: guard(weights_gb),
            kv_cache_bytes_per_token: guard(kv_bytes_per_token),
            planned_concurrent_sequences: PLANNED_CONCURRENT_SEQUENCES,
            kv_cache_gb: guard(kv_cache_gb),
            overhead_gb: guard(overhead_gb),
            required_gb: guard(weights_gb + kv_cache_gb + overhead_gb),
            vram_per_replica_gb: guard(vram_per_replica_gb),
            output_tokens_per_sec_per_replica: guard(tps),
            throughput_source: tsource.into(),
            throughput_note: note,
            monthly_requests_per_replica: monthly_requests,
            capacity_requests_per_replica: capacity_requests,
            time_to_first_token_ms: ttft_ms,
        },
    }
}

/// Requests a month one replica serves at `tokens_per_sec`, and the same in whole
/// requests (at least 1).
///
/// Why this shape: a replica turns output tokens/s into requests, is only planned up to
/// the utilisation target, works only in the active hours, and must carry the peak rate,
/// so the average it can carry is its peak capacity over peak-to-average.
pub(crate) fn requests_per_replica(tokens_per_sec: f64, r: &Resolved) -> (f64, f64) {
    let monthly_requests = guard(
        tokens_per_sec / r.output_tokens
            * (r.planning_utilization_pct / 100.0)
            * r.active_hours
            * 3600.0
            / r.peak_to_average,
    );
    (monthly_requests, monthly_requests.floor().max(1.0))
}

struct Estimate {
    tokens_per_sec: f64,
    time_to_first_token_s: f64,
    note: String,
}

/// Roofline estimate of a replica's aggregate output tokens/s.
///
/// Decode reads every weight once per step for the whole batch plus each sequence's KV
/// cache, so a step takes (weights + batch x KV) / (MBU x bandwidth) unless the batch's
/// 2 x params FLOPs per token take longer at MFU x peak compute. Batching therefore
/// raises throughput until compute binds. Prefill of the prompt is compute bound
/// (2 x params x input tokens) and occupies the replica on its own. The batch is as many
/// sequences as the memory left after weights holds, capped at `MAX_BATCH`.
fn estimate(r: &Resolved, gpus: u32, weights_gb: f64, kv_per_seq_gb: f64) -> Estimate {
    let g = &r.gpu;
    let n = f64::from(gpus);
    let tp = if gpus > 1 { TP_EFFICIENCY } else { 1.0 };
    let bandwidth_bytes_per_sec = n * g.bandwidth_gb_per_sec * 1.0e9 * tp;
    // FP8 weights on FP8 tensor cores run at twice the BF16 rate; other quantizations
    // are weight-only and compute in BF16.
    let fp8_compute = r.quantization == Quantization::Fp8 && g.fp8_support;
    let flops_per_sec = n * g.bf16_tflops * 1.0e12 * tp * if fp8_compute { 2.0 } else { 1.0 };
    let free_gb = usable_gb(gpus, g.vram_gb) - weights_gb;
    let batch = if kv_per_seq_gb > 0.0 {
        (free_gb / kv_per_seq_gb).floor()
    } else {
        MAX_BATCH
    };
    let batch = batch.clamp(1.0, MAX_BATCH);
    let params = r.model.params_billion * 1.0e9;
    let weight_bytes = weights_gb * 1.0e9;
    // During decode a sequence holds its prompt and on average half its output.
    let kv_bytes_avg = r.model.kv_bytes_per_token * (r.input_tokens + r.output_tokens / 2.0);
    let step_s = |b: f64| {
        let memory_s = (weight_bytes + b * kv_bytes_avg) / (MBU * bandwidth_bytes_per_sec);
        let compute_s = 2.0 * params * b / (MFU * flops_per_sec);
        memory_s.max(compute_s)
    };
    let prefill_s = 2.0 * params * r.input_tokens / (MFU * flops_per_sec);
    let request_s = prefill_s + r.output_tokens * step_s(batch) / batch;
    let tokens_per_sec = if request_s > 0.0 {
        r.output_tokens / request_s
    } else {
        0.0
    };
    Estimate {
        tokens_per_sec: guard(tokens_per_sec),
        time_to_first_token_s: prefill_s + step_s(1.0),
        note: format!(
            "Roofline estimate: decode at {MBU} of {:.0} GB/s memory bandwidth, compute at {MFU} of {:.0} TFLOP/s{}, a batch of {batch:.0} sequences, {} GPUs at {TP_EFFICIENCY} tensor-parallel efficiency; measured figures are often within a factor of two.",
            n * g.bandwidth_gb_per_sec,
            flops_per_sec / 1.0e12 / tp,
            if fp8_compute { " (FP8)" } else { " (BF16)" },
            gpus
        ),
    }
}
