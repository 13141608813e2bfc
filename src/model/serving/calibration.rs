//! The estimate's constants, fitted to public measurements.
//!
//! Fitted on the points of `tests/fixtures/serving_measurements.json` not marked
//! `held_out` by minimising the median and the worst of |ln(estimate / measured)| with
//! `cargo run --example serving_validation -- --fit`; the held-out points show how the
//! fit generalises. `docs/VALIDATION.md` lists every point with its estimate and error.

/// Serving engine generation: kernels and schedulers moved fast between 2024 and 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// TensorRT-LLM 1.x and vLLM of 2025-26: what a deployment today runs.
    #[default]
    Current,
    /// vLLM 0.5 (2024), the engine of the legacy catalog measurements.
    Vllm2024,
}

impl Engine {
    /// The engine a measurement names ("vLLM 0.5.4" is the 2024 generation).
    pub fn from_name(name: &str) -> Self {
        if name.starts_with("vLLM 0.5") || name.starts_with("vLLM 0.4") {
            Self::Vllm2024
        } else {
            Self::Current
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// Share of peak memory bandwidth a decode step reaches.
    pub bandwidth_efficiency: f64,
    /// Share of peak dense tensor throughput decode reaches when compute bound.
    pub compute_efficiency: f64,
    /// Share of peak dense tensor throughput prefill reaches.
    pub prefill_efficiency: f64,
    /// What a mixture-of-experts model keeps of those compute shares: each expert's
    /// matrix product runs over the few tokens routed to it, and routing costs time.
    pub moe_compute_efficiency: f64,
    /// Bandwidth and compute lost per doubling of GPUs per replica.
    pub parallel_loss_per_doubling: f64,
    /// Seconds of synchronisation per layer, per doubling of GPUs, in each decode step.
    pub sync_s_per_layer: f64,
    /// Seconds each decode step spends outside the GPU kernels' roofline (scheduling,
    /// sampling, launch gaps).
    pub step_overhead_s: f64,
    /// Seconds each sequence adds to a decode step on the host (batch bookkeeping,
    /// sampling, detokenising), per scheduler.
    pub s_per_sequence_step: f64,
    /// Largest batch one scheduler runs (per attention data-parallel rank).
    pub max_batch_per_scheduler: f64,
    /// Memory the runtime keeps per GPU: a share (activations, fragmentation) and a fixed
    /// amount (CUDA context, graphs, communication buffers).
    pub memory_reserved_share: f64,
    pub memory_reserved_bytes_per_gpu: f64,
    /// The 2024 engine's host time per sequence and step (it scheduled every step in
    /// Python; vLLM 0.6's multi-step scheduling removed most of it), and its scheduler
    /// cap (vLLM's default `max_num_seqs` of 256).
    pub vllm_2024_s_per_sequence_step: f64,
    pub vllm_2024_max_batch: f64,
}

impl Calibration {
    pub const FITTED: Calibration = Calibration {
        bandwidth_efficiency: 0.53,
        compute_efficiency: 0.30,
        prefill_efficiency: 0.53,
        moe_compute_efficiency: 0.42,
        parallel_loss_per_doubling: 0.013,
        sync_s_per_layer: 32.0e-6,
        step_overhead_s: 0.31e-3,
        s_per_sequence_step: 2.8e-6,
        max_batch_per_scheduler: 384.0,
        memory_reserved_share: 0.10,
        memory_reserved_bytes_per_gpu: 1.5e9,
        vllm_2024_s_per_sequence_step: 340.0e-6,
        vllm_2024_max_batch: 256.0,
    };

    pub fn s_per_sequence_step(&self, engine: Engine) -> f64 {
        match engine {
            Engine::Current => self.s_per_sequence_step,
            Engine::Vllm2024 => self.vllm_2024_s_per_sequence_step,
        }
    }

    /// Share of peak tensor throughput kept by the model's kind.
    pub fn compute_share(&self, moe: bool) -> f64 {
        if moe {
            self.moe_compute_efficiency
        } else {
            1.0
        }
    }

    pub fn max_batch(&self, engine: Engine) -> f64 {
        match engine {
            Engine::Current => self.max_batch_per_scheduler,
            Engine::Vllm2024 => self.vllm_2024_max_batch,
        }
    }
}
