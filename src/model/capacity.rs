//! How many GPUs one replica needs and how many requests a month it serves.
//!
//! The numbers come from the serving engine ([`super::serving`]): memory fit per the
//! model's attention and precision, and the operating point the workload's shape and
//! interactivity targets allow. A catalog measurement is carried over only after scaling
//! by the engine's own estimates under the scenario's and the measurement's conditions.

mod interactivity;
mod throughput;

pub use interactivity::{Interactivity, InteractivityPoint, MeasuredPoint, interactivity};

use super::guard::guard;
use super::inputs::Resolved;
use super::report::Capacity;
use super::serving::{
    self, Architecture, Calibration, Deployment, Engine, Hardware, KvCacheDtype, Limit,
    OperatingPoint, Parallelism, Precision, Shape, Targets,
};
use crate::catalog::{self, ThroughputPoint};
use crate::scenario::{KvCache, Quantization};

/// GPUs per replica tried, smallest first (only those dividing the attention heads are
/// used).
pub const TP_DEGREES: [u32; 4] = serving::DEGREES;
/// Sequences whose KV cache must fit beside the weights when sizing a replica: enough
/// for continuous batching to reach a useful share of the bandwidth bound.
pub const PLANNED_CONCURRENT_SEQUENCES: f64 = 16.0;
/// Share of each GPU's memory the runtime keeps (activations, fragmentation).
pub const OVERHEAD_VRAM_SHARE: f64 = Calibration::FITTED.memory_reserved_share;
/// Fixed runtime memory per GPU on top of the share (context, graphs, buffers), in GB.
pub const OVERHEAD_GB_PER_GPU: f64 = Calibration::FITTED.memory_reserved_bytes_per_gpu / 1.0e9;
/// Bytes per KV-cache element unless the deployment quantizes the cache.
pub const KV_BYTES_PER_ELEMENT: f64 = 2.0;
/// Share of peak memory bandwidth a decode step reaches (fitted; see docs/VALIDATION.md).
pub const MBU: f64 = Calibration::FITTED.bandwidth_efficiency;
/// Share of peak tensor throughput compute-bound decode reaches (fitted).
pub const MFU: f64 = Calibration::FITTED.compute_efficiency;
/// Bandwidth and compute kept by each doubling of GPUs per replica (fitted).
pub const TP_EFFICIENCY: f64 = 1.0 / (1.0 + Calibration::FITTED.parallel_loss_per_doubling);
/// Largest batch one scheduler runs (fitted).
pub const MAX_BATCH: f64 = Calibration::FITTED.max_batch_per_scheduler;

/// The scenario's serving choices beyond the model and GPU; the default is a 16-bit KV
/// cache and no per-user speed target.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ServingOptions {
    pub kv_cache: KvCacheDtype,
    pub min_output_tokens_per_sec_per_user: Option<f64>,
}

/// What the rest of the model needs from capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityCalc {
    pub report: Capacity,
    /// Whole requests a month one serving replica takes (at least 1).
    pub capacity_requests: f64,
    pub gpus_per_replica: u32,
    /// The catalog measurement used, if the throughput was scaled from one.
    pub catalog_point: Option<&'static ThroughputPoint>,
}

fn precision(q: Quantization) -> Precision {
    match q {
        Quantization::Fp16 => Precision::Bf16,
        Quantization::Fp8 => Precision::Fp8,
        Quantization::Int8 => Precision::Int8,
        Quantization::Int4 => Precision::Int4,
        Quantization::Fp4 => Precision::Fp4,
    }
}

/// The catalog's architecture for the model; if the catalog lacks it, a dense model of
/// the resolved size and KV cache (one layer holding the whole per-token cache).
fn architecture(r: &Resolved) -> Architecture {
    catalog::open_model(r.model.id).map_or_else(
        || Architecture {
            total_params: r.model.params_billion * 1.0e9,
            active_params: r.model.params_billion * 1.0e9,
            layers: 1.0,
            attention_heads: 64.0,
            kv_heads: 1.0,
            head_dim: r.model.kv_bytes_per_token / (2.0 * KV_BYTES_PER_ELEMENT),
            mla_latent_dim: None,
            sliding_window_layers: 0.0,
            sliding_window_tokens: 0.0,
            experts: 0.0,
            experts_per_token: 0.0,
        },
        Architecture::from_catalog,
    )
}

fn hardware(r: &Resolved) -> Hardware {
    catalog::gpu(r.gpu.id).map_or_else(
        || Hardware {
            memory_bytes: r.gpu.vram_gb * 1.0e9,
            bandwidth_bytes_per_sec: r.gpu.bandwidth_gb_per_sec * 1.0e9,
            bf16_flops_per_sec: r.gpu.bf16_tflops * 1.0e12,
            fp8_flops_per_sec: r.gpu.fp8_support.then_some(2.0e12 * r.gpu.bf16_tflops),
            fp4_flops_per_sec: None,
        },
        Hardware::from_catalog,
    )
}

/// The engine's inputs for this scenario, resolved once.
struct Setup {
    arch: Architecture,
    hw: Hardware,
    precision: Precision,
    kv_cache: KvCacheDtype,
    shape: Shape,
    targets: Targets,
    cal: Calibration,
}

impl Setup {
    fn deployment(&self, gpus: u32, engine: Engine) -> Deployment {
        Deployment {
            gpus,
            parallelism: Parallelism::default_for(&self.arch),
            precision: self.precision,
            kv_cache: self.kv_cache,
            engine,
        }
    }

    fn fit(&self, gpus: u32) -> serving::MemoryFit {
        let d = self.deployment(gpus, Engine::Current);
        let tokens = self.shape.input_tokens + self.shape.output_tokens;
        serving::memory_fit(&self.arch, &self.hw, &d, tokens, &self.cal)
    }

    /// Weights and one sequence against what `gpus` GPUs leave after the runtime.
    fn shortfall(&self, r: &Resolved, gpus: u32) -> String {
        let f = self.fit(gpus);
        format!(
            "{} at {} needs {:.1} GB for weights and one sequence, but {gpus} x {} leave {:.1} GB after runtime overhead",
            r.model.id,
            r.quantization.id(),
            (f.weights_bytes_per_gpu * f64::from(gpus) + f.kv_bytes_per_sequence) / 1.0e9,
            r.gpu.id,
            f.usable_bytes_per_gpu * f64::from(gpus) / 1.0e9
        )
    }
}

/// GPUs per replica, where the figure came from, whether one sequence fits, and why not.
fn choose_gpus(
    s: &Setup,
    r: &Resolved,
    warnings: &mut Vec<String>,
) -> (u32, &'static str, bool, Option<String>) {
    let planned = PLANNED_CONCURRENT_SEQUENCES;
    if let Some(user) = r.user_gpus_per_replica {
        let fit = s.fit(user);
        if !fit.fits(planned) {
            warnings.push(format!(
                "{user} x {} does not hold {} at {} plus the KV cache of {planned} sequences; your GPUs per replica is used anyway.",
                r.gpu.id, r.model.id, r.quantization.id()
            ));
        }
        let feasible = fit.fits(1.0);
        let reason = (!feasible).then(|| format!("{}.", s.shortfall(r, user)));
        return (user, "user", feasible, reason);
    }
    let degrees = serving::parallel_degrees(&s.arch);
    let largest = degrees.last().copied().unwrap_or(1);
    if let Some(n) = degrees.iter().copied().find(|&n| s.fit(n).fits(planned)) {
        return (n, "memory_fit", true, None);
    }
    if s.fit(largest).fits(1.0) {
        warnings.push(format!(
            "{largest} x {} hold {} at {} but fewer than {planned} concurrent sequences of {} tokens; throughput will be low.",
            r.gpu.id,
            r.model.id,
            r.quantization.id(),
            super::text::count(r.input_tokens + r.output_tokens)
        ));
        return (largest, "memory_fit", true, None);
    }
    let reason = format!(
        "{}; choose a lower quantization or a larger GPU.",
        s.shortfall(r, largest)
    );
    (largest, "memory_fit", false, Some(reason))
}

/// Capacity under the scenario's own KV cache precision and per-user speed target.
pub fn capacity(r: &Resolved, warnings: &mut Vec<String>) -> CapacityCalc {
    capacity_with(r, serving_options(r), warnings)
}

/// The serving choices the scenario carries.
fn serving_options(r: &Resolved) -> ServingOptions {
    ServingOptions {
        kv_cache: match r.kv_cache {
            KvCache::Fp16 => KvCacheDtype::Bits16,
            KvCache::Fp8 => KvCacheDtype::Bits8,
        },
        min_output_tokens_per_sec_per_user: r.min_output_tokens_per_sec_per_user,
    }
}

fn setup(r: &Resolved, opts: ServingOptions) -> Setup {
    Setup {
        arch: architecture(r),
        hw: hardware(r),
        precision: precision(r.quantization),
        kv_cache: opts.kv_cache,
        shape: Shape {
            input_tokens: r.input_tokens,
            output_tokens: r.output_tokens,
        },
        targets: Targets {
            min_output_tokens_per_sec_per_user: opts.min_output_tokens_per_sec_per_user,
            max_time_to_first_token_s: r.latency_slo_ms.map(|ms| ms / 1000.0),
            concurrency: None,
        },
        cal: Calibration::FITTED,
    }
}

pub fn capacity_with(
    r: &Resolved,
    opts: ServingOptions,
    warnings: &mut Vec<String>,
) -> CapacityCalc {
    let seq_tokens = r.input_tokens + r.output_tokens;
    if seq_tokens > r.model.context_tokens {
        warnings.push(format!(
            "Input plus output ({} tokens) exceed {}'s context of {} tokens; memory is sized for the full sequence anyway.",
            super::text::count(seq_tokens),
            r.model.id,
            super::text::count(r.model.context_tokens)
        ));
    }
    let s = setup(r, opts);
    let (gpus, source, feasible, reason) = choose_gpus(&s, r, warnings);
    if let Some(reason) = &reason {
        warnings.push(format!("Self-hosting is infeasible: {reason}"));
    }
    let d = s.deployment(gpus, Engine::Current);
    let mut op = serving::operating_point(&s.arch, &s.hw, &d, s.shape, s.targets, &s.cal);
    if op.limited_by == Limit::DoesNotFit {
        // Costs still need a finite capacity: one sequence at a time, as if it fitted.
        op = OperatingPoint {
            limited_by: Limit::DoesNotFit,
            targets_met: false,
            ..serving::point_at_batch(&s.arch, &s.hw, &d, s.shape, &s.cal, 1.0)
        };
    }
    target_warnings(r, &op, opts, warnings);
    if r.quantization == Quantization::Fp8 && !r.gpu.fp8_support {
        warnings.push(format!(
            "{} has no FP8 tensor cores: FP8 weights save memory but compute runs at BF16 speed.",
            r.gpu.id
        ));
    }
    if r.quantization == Quantization::Fp4 && s.hw.fp4_flops_per_sec.is_none() {
        warnings.push(format!(
            "{} has no FP4 tensor cores: FP4 weights save memory and bandwidth but compute runs at BF16 speed.",
            r.gpu.id
        ));
    }
    let thr = throughput::throughput(&s, r, &d, &op);
    report(&s, r, &d, &op, thr, (source, feasible, reason), warnings)
}

fn target_warnings(
    r: &Resolved,
    op: &OperatingPoint,
    opts: ServingOptions,
    warnings: &mut Vec<String>,
) {
    if op.targets_met || op.limited_by == Limit::DoesNotFit {
        return;
    }
    let ttft_ms = op.time_to_first_token_s * 1000.0;
    if let Some(slo) = r.latency_slo_ms
        && ttft_ms > slo
    {
        warnings.push(format!(
            "The estimated time to first token of a self-hosted replica ({ttft_ms:.0} ms, one request at a time) exceeds the latency target of {slo:.0} ms."
        ));
    }
    if let Some(t) = opts.min_output_tokens_per_sec_per_user
        && op.output_tokens_per_sec_per_user < t
    {
        warnings.push(format!(
            "A self-hosted replica gives each request {:.0} output tokens/s even one request at a time, below the target of {t:.0}.",
            op.output_tokens_per_sec_per_user
        ));
    }
}

fn report(
    s: &Setup,
    r: &Resolved,
    d: &Deployment,
    op: &OperatingPoint,
    thr: throughput::Throughput,
    (source, feasible, reason): (&'static str, bool, Option<String>),
    warnings: &mut Vec<String>,
) -> CapacityCalc {
    let gpus = d.gpus;
    let n = f64::from(gpus);
    let fit = s.fit(gpus);
    let (monthly_requests, capacity_requests) = requests_per_replica(thr.tokens_per_sec, r);
    if monthly_requests < 1.0 {
        warnings.push(
            "One replica serves less than one request a month; its capacity is counted as one request.".into(),
        );
    }
    let weights_gb = serving::weight_bytes(&s.arch, s.precision) / 1.0e9;
    let vram_per_replica_gb = n * s.hw.memory_bytes / 1.0e9;
    let overhead_gb = vram_per_replica_gb - n * fit.usable_bytes_per_gpu / 1.0e9;
    let kv_cache_gb = PLANNED_CONCURRENT_SEQUENCES * fit.kv_bytes_per_sequence / 1.0e9;
    let kv_per_token = serving::kv_bytes_per_sequence(&s.arch, 1.0, s.kv_cache);
    CapacityCalc {
        capacity_requests,
        gpus_per_replica: gpus,
        catalog_point: thr.point,
        report: Capacity {
            feasible,
            infeasible_reason: reason,
            gpus_per_replica: gpus,
            gpus_per_replica_source: source.into(),
            weights_gb: guard(weights_gb),
            kv_cache_bytes_per_token: guard(kv_per_token),
            planned_concurrent_sequences: PLANNED_CONCURRENT_SEQUENCES,
            kv_cache_gb: guard(kv_cache_gb),
            overhead_gb: guard(overhead_gb),
            required_gb: guard(weights_gb + kv_cache_gb + overhead_gb),
            vram_per_replica_gb: guard(vram_per_replica_gb),
            output_tokens_per_sec_per_replica: guard(thr.tokens_per_sec),
            throughput_source: thr.source.into(),
            throughput_note: thr.note,
            monthly_requests_per_replica: monthly_requests,
            capacity_requests_per_replica: capacity_requests,
            time_to_first_token_ms: guard(op.time_to_first_token_s * 1000.0),
            batch: guard(op.batch),
            output_tokens_per_sec_per_user: guard(op.output_tokens_per_sec_per_user),
            batch_limited_by: op.limited_by.id().into(),
            kv_cache_bits: (s.kv_cache.bytes_per_element() * 8.0) as u32,
            catalog_point: thr.scaled,
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
