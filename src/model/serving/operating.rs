//! The operating point: the largest batch memory, the scheduler and the interactivity
//! targets allow, and what the replica serves there.

use super::memory::memory_fit;
use super::step::{decode_step_s, prefill_s};
use super::{Architecture, Calibration, Deployment, Hardware, Parallelism, Shape};

/// What each request must see. `None` leaves a target out.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Targets {
    /// Output tokens per second each request must receive while it decodes.
    pub min_output_tokens_per_sec_per_user: Option<f64>,
    /// Longest acceptable time to first token.
    pub max_time_to_first_token_s: Option<f64>,
    /// Requests in flight, when a measurement or a deployment fixes it.
    pub concurrency: Option<f64>,
}

/// What stopped the batch from growing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The KV cache of one more sequence does not fit.
    Memory,
    /// The engine's largest batch.
    Scheduler,
    /// A fixed number of requests in flight.
    Concurrency,
    /// One more sequence would slow every request below the per-user speed target.
    PerUserSpeed,
    /// One more sequence would push the time to first token past the target.
    TimeToFirstToken,
    /// Not even one sequence fits beside the weights.
    DoesNotFit,
}

impl Limit {
    pub fn id(self) -> &'static str {
        match self {
            Self::Memory => "memory",
            Self::Scheduler => "scheduler",
            Self::Concurrency => "concurrency",
            Self::PerUserSpeed => "per_user_speed",
            Self::TimeToFirstToken => "time_to_first_token",
            Self::DoesNotFit => "does_not_fit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OperatingPoint {
    /// Sequences decoding together.
    pub batch: f64,
    pub output_tokens_per_sec_per_user: f64,
    pub time_to_first_token_s: f64,
    pub output_tokens_per_sec_per_replica: f64,
    /// Sequences of the workload's full length the memory holds.
    pub max_batch_by_memory: f64,
    pub limited_by: Limit,
    /// False when even a batch of one misses a target.
    pub targets_met: bool,
}

/// Speeds at batch `b`. Continuous batching interleaves every request's prefill with
/// the decode steps, so over one request's life each of the `b` sequences waits for `b`
/// prefills: per user, a token takes a step plus b x prefill / output tokens.
fn at_batch(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    shape: Shape,
    cal: &Calibration,
    b: f64,
) -> (f64, f64) {
    let context = shape.input_tokens.max(0.0) + shape.output_tokens.max(0.0) / 2.0;
    let step = decode_step_s(arch, hw, d, cal, b, context);
    let prefill = prefill_s(arch, hw, d, cal, shape.input_tokens);
    let output = shape.output_tokens.max(1.0);
    let per_user = 1.0 / (step + b * prefill / output);
    (per_user, prefill + step)
}

/// The speeds at a given batch, whatever memory and the targets say.
pub fn point_at_batch(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    shape: Shape,
    cal: &Calibration,
    b: f64,
) -> OperatingPoint {
    let (per_user, ttft) = at_batch(arch, hw, d, shape, cal, b);
    OperatingPoint {
        batch: b,
        output_tokens_per_sec_per_user: per_user,
        time_to_first_token_s: ttft,
        output_tokens_per_sec_per_replica: b * per_user,
        max_batch_by_memory: 0.0,
        limited_by: Limit::Memory,
        targets_met: true,
    }
}

/// The operating point of a replica for a workload and targets.
pub fn operating_point(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    shape: Shape,
    targets: Targets,
    cal: &Calibration,
) -> OperatingPoint {
    let fit = memory_fit(arch, hw, d, shape.input_tokens + shape.output_tokens, cal);
    if !fit.fits(1.0) {
        return OperatingPoint {
            batch: 0.0,
            output_tokens_per_sec_per_user: 0.0,
            time_to_first_token_s: f64::INFINITY,
            output_tokens_per_sec_per_replica: 0.0,
            max_batch_by_memory: 0.0,
            limited_by: Limit::DoesNotFit,
            targets_met: false,
        };
    }
    let schedulers = match d.parallelism {
        Parallelism::Tensor => 1.0,
        Parallelism::DataExpert => f64::from(d.gpus.max(1)),
    };
    let mut upper = (fit.max_sequences, Limit::Memory);
    let cap = cal.max_batch(d.engine) * schedulers;
    if cap < upper.0 {
        upper = (cap, Limit::Scheduler);
    }
    if let Some(c) = targets.concurrency.filter(|c| *c >= 1.0)
        && c.floor() < upper.0
    {
        upper = (c.floor(), Limit::Concurrency);
    }
    let speed_ok = |p: &OperatingPoint| {
        targets
            .min_output_tokens_per_sec_per_user
            .is_none_or(|t| p.output_tokens_per_sec_per_user >= t)
    };
    let ttft_ok = |p: &OperatingPoint| {
        targets
            .max_time_to_first_token_s
            .is_none_or(|t| p.time_to_first_token_s <= t)
    };
    let ok = |b: f64| {
        let p = point_at_batch(arch, hw, d, shape, cal, b);
        speed_ok(&p) && ttft_ok(&p)
    };
    let (batch, limited_by, targets_met) = if ok(upper.0) {
        (upper.0, upper.1, true)
    } else {
        // Both targets get harder as the batch grows, so the largest batch meeting them
        // is found by bisection between 1 and the upper bound.
        let first = point_at_batch(arch, hw, d, shape, cal, upper.0);
        let which = if speed_ok(&first) {
            Limit::TimeToFirstToken
        } else {
            Limit::PerUserSpeed
        };
        if ok(1.0) {
            let (mut lo, mut hi) = (1.0_f64, upper.0);
            while hi - lo > 1.0 {
                let mid = ((lo + hi) / 2.0).floor();
                if ok(mid) { lo = mid } else { hi = mid }
            }
            (lo, which, true)
        } else {
            (1.0, which, false)
        }
    };
    OperatingPoint {
        max_batch_by_memory: fit.max_sequences,
        limited_by,
        targets_met,
        ..point_at_batch(arch, hw, d, shape, cal, batch)
    }
}

/// The throughput-interactivity curve: (output tokens/s per user, output tokens/s per
/// GPU) at batches 1, 2, 4, ... up to what memory and the scheduler allow.
pub fn interactivity_curve(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    shape: Shape,
    cal: &Calibration,
) -> Vec<(f64, f64)> {
    let top = operating_point(arch, hw, d, shape, Targets::default(), cal);
    let gpus = f64::from(d.gpus.max(1));
    let mut out = Vec::new();
    let mut b = 1.0;
    while b <= top.batch {
        let p = point_at_batch(arch, hw, d, shape, cal, b);
        out.push((
            p.output_tokens_per_sec_per_user,
            p.output_tokens_per_sec_per_replica / gpus,
        ));
        if b == top.batch {
            break;
        }
        b = (b * 2.0).min(top.batch);
    }
    out
}
