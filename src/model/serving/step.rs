//! Time of one decode step and of one prompt's prefill on a replica.

use super::memory::{kv_bytes_per_sequence, kv_share_per_gpu, weight_bytes};
use super::{Architecture, Calibration, Deployment, Hardware, Parallelism};

/// Share of the single-GPU bandwidth and compute each GPU keeps when a replica spans
/// `gpus`: each doubling of the degree costs `parallel_loss_per_doubling` in
/// communication. The per-layer synchronisation in [`decode_step_s`] adds a fixed time
/// per step on top, which is what makes the loss larger for small models.
pub fn parallel_efficiency(gpus: u32, cal: &Calibration) -> f64 {
    let doublings = f64::from(gpus.max(1)).log2();
    1.0 / (1.0 + cal.parallel_loss_per_doubling * doublings)
}

/// Attention FLOPs for one query token against `context` cached tokens: QK and PV are
/// 2 x 2 x heads x dim per layer and cached token (dim is the latent width under
/// multi-head latent attention); sliding-window layers see at most their window.
fn attention_flops(arch: &Architecture, context: f64) -> f64 {
    let dim = arch.mla_latent_dim.unwrap_or(arch.head_dim);
    let full_layers = arch.layers - arch.sliding_window_layers;
    let seen = full_layers * context
        + arch.sliding_window_layers * context.min(arch.sliding_window_tokens);
    4.0 * arch.attention_heads * dim * seen
}

/// Expected share of a layer's experts a step of `tokens` tokens activates, each token
/// choosing k of E: 1 - (1 - k/E)^tokens. The engine reads only those experts' weights.
pub fn experts_touched_share(arch: &Architecture, tokens: f64) -> f64 {
    if !arch.is_moe() {
        return 1.0;
    }
    1.0 - (1.0 - arch.experts_per_token / arch.experts).powf(tokens.max(1.0))
}

/// Seconds one decode step takes for `batch` sequences holding `context_tokens` each.
///
/// Each GPU reads the weights it holds that the step touches (all of a dense model; for
/// a mixture-of-experts model the non-expert weights plus the experts the batch
/// activates) and its share of every sequence's KV cache, at the calibrated share of its
/// bandwidth; or computes 2 x active parameters per token plus attention at the
/// calibrated share of its tensor rate, whichever takes longer. A fixed scheduling
/// overhead and, across GPUs, a synchronisation per layer are added.
pub fn decode_step_s(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    cal: &Calibration,
    batch: f64,
    context_tokens: f64,
) -> f64 {
    let n = f64::from(d.gpus.max(1));
    let batch = batch.max(1.0);
    let eff = parallel_efficiency(d.gpus, cal);
    let expert_bytes = arch.expert_params() * d.precision.bits_per_weight() / 8.0;
    let shared_bytes = weight_bytes(arch, d.precision) - expert_bytes;
    let touched = expert_bytes * experts_touched_share(arch, batch);
    let weights_read = match d.parallelism {
        Parallelism::Tensor => (shared_bytes + touched) / n,
        Parallelism::DataExpert => shared_bytes + touched / n,
    };
    let kv_read = batch
        * kv_bytes_per_sequence(arch, context_tokens, d.kv_cache)
        * kv_share_per_gpu(arch, d.gpus, d.parallelism);
    let memory_s =
        (weights_read + kv_read) / (hw.bandwidth_bytes_per_sec * cal.bandwidth_efficiency * eff);
    let flops = batch * (2.0 * arch.active_params + attention_flops(arch, context_tokens)) / n;
    let compute_s = flops
        / (hw.flops_per_sec(d.precision)
            * cal.compute_efficiency
            * cal.compute_share(arch.is_moe())
            * eff);
    let sync_s = if d.gpus > 1 {
        arch.layers * cal.sync_s_per_layer * n.log2()
    } else {
        0.0
    };
    let schedulers = match d.parallelism {
        Parallelism::Tensor => 1.0,
        Parallelism::DataExpert => n,
    };
    let host_s = batch / schedulers * cal.s_per_sequence_step(d.engine);
    memory_s.max(compute_s) + cal.step_overhead_s + sync_s + host_s
}

/// Seconds of the whole replica one prompt's prefill occupies: 2 x active parameters
/// per prompt token plus causal attention over the prompt (half the square), at the
/// calibrated share of the replica's tensor rate.
pub fn prefill_s(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    cal: &Calibration,
    input_tokens: f64,
) -> f64 {
    let tokens = input_tokens.max(0.0);
    let flops = 2.0 * arch.active_params * tokens + attention_flops(arch, tokens) * tokens / 2.0;
    let rate = f64::from(d.gpus.max(1))
        * hw.flops_per_sec(d.precision)
        * cal.prefill_efficiency
        * cal.compute_share(arch.is_moe())
        * parallel_efficiency(d.gpus, cal);
    if rate > 0.0 {
        flops / rate
    } else {
        f64::INFINITY
    }
}
