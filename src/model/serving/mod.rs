//! The serving engine: what one replica of an open-weight model on some GPUs serves.
//!
//! A calibrated roofline. Memory decides which batches fit (weights at the chosen
//! precision, each sequence's KV cache per the model's attention, runtime overhead).
//! A decode step reads the weights it touches and every sequence's KV cache, or runs
//! out of compute first; prefill is compute over the active parameters and shares the
//! replica with decode. The operating point is the largest batch that memory, the
//! scheduler and the interactivity targets allow. The constants live in
//! [`calibration`], fitted to the public measurements in
//! `tests/fixtures/serving_measurements.json` (see `docs/VALIDATION.md`).
//!
//! Everything here is a pure function of its arguments; units are in the names.

pub mod calibration;
mod memory;
mod operating;
mod step;
pub mod validation;

pub use calibration::{Calibration, Engine};
pub use memory::{
    DEGREES, MemoryFit, kv_bytes_per_sequence, memory_fit, parallel_degrees, weight_bytes,
};
pub use operating::{
    Limit, OperatingPoint, Targets, interactivity_curve, operating_point, point_at_batch,
};
pub use step::{decode_step_s, parallel_efficiency, prefill_s};

use crate::catalog::{Gpu, OpenModel};

const GIB_BYTES: f64 = 1_073_741_824.0;

/// The facts about a model the estimate needs, in plain units (parameters, not billions).
#[derive(Debug, Clone, PartialEq)]
pub struct Architecture {
    pub total_params: f64,
    /// Parameters one token runs through (equal to the total for a dense model).
    pub active_params: f64,
    pub layers: f64,
    pub attention_heads: f64,
    pub kv_heads: f64,
    pub head_dim: f64,
    /// Width of the cached latent per layer with multi-head latent attention.
    pub mla_latent_dim: Option<f64>,
    pub sliding_window_layers: f64,
    pub sliding_window_tokens: f64,
    /// Routed experts per layer (0: dense) and how many each token uses.
    pub experts: f64,
    pub experts_per_token: f64,
}

impl Architecture {
    pub fn from_catalog(m: &OpenModel) -> Self {
        let total_params = m.params_billion.max(0.0) * 1.0e9;
        let active = m
            .active_params_billion
            .map_or(total_params, |a| (a.max(0.0) * 1.0e9).min(total_params));
        let kv_heads = f64::from(m.kv_heads.max(1));
        Self {
            total_params,
            active_params: active,
            layers: f64::from(m.layers.max(1)),
            attention_heads: if m.attention_heads > 0 {
                f64::from(m.attention_heads)
            } else {
                kv_heads
            },
            kv_heads,
            head_dim: f64::from(m.head_dim.max(1)),
            mla_latent_dim: m.mla_latent_dim.map(f64::from),
            sliding_window_layers: f64::from(m.sliding_window_layers.min(m.layers)),
            sliding_window_tokens: f64::from(m.sliding_window_tokens),
            experts: f64::from(m.experts),
            experts_per_token: f64::from(m.experts_per_token.min(m.experts)),
        }
    }

    pub fn is_moe(&self) -> bool {
        self.experts > 1.0 && self.experts_per_token > 0.0 && self.active_params < self.total_params
    }

    /// Parameters in the routed experts. From total = shared + experts and
    /// active = shared + experts x k / E: experts = (total - active) / (1 - k / E).
    pub fn expert_params(&self) -> f64 {
        if !self.is_moe() {
            return 0.0;
        }
        let routed_share = self.experts_per_token / self.experts;
        ((self.total_params - self.active_params) / (1.0 - routed_share)).min(self.total_params)
    }
}

/// The facts about a GPU the estimate needs, in bytes and operations per second.
#[derive(Debug, Clone, PartialEq)]
pub struct Hardware {
    pub memory_bytes: f64,
    pub bandwidth_bytes_per_sec: f64,
    pub bf16_flops_per_sec: f64,
    pub fp8_flops_per_sec: Option<f64>,
    pub fp4_flops_per_sec: Option<f64>,
}

impl Hardware {
    /// Memory as sold (GiB) where the row has it, else its decimal gigabytes. FP8 compute
    /// is the row's dense figure, or twice BF16 on a GPU with FP8 tensor cores.
    pub fn from_catalog(g: &Gpu) -> Self {
        let bf16 = g.bf16_tflops.max(0.0) * 1.0e12;
        let fp8 = g
            .fp8_tflops
            .map(|t| t.max(0.0) * 1.0e12)
            .or((g.fp8_support).then_some(2.0 * bf16));
        Self {
            memory_bytes: g
                .memory_gib
                .map_or(g.vram_gb * 1.0e9, |gib| gib * GIB_BYTES)
                .max(0.0),
            bandwidth_bytes_per_sec: g.bandwidth_gb_per_sec.max(0.0) * 1.0e9,
            bf16_flops_per_sec: bf16,
            fp8_flops_per_sec: fp8,
            fp4_flops_per_sec: g.fp4_tflops.map(|t| t.max(0.0) * 1.0e12),
        }
    }

    /// Dense tensor rate the precision computes at: FP4 weights use FP4 tensor cores
    /// where the GPU has them and are otherwise widened to BF16 (weight-only, as the
    /// MXFP4 kernels for older GPUs do); FP8 uses FP8 tensor cores; weight-only integer
    /// formats and BF16 compute in BF16.
    pub fn flops_per_sec(&self, p: Precision) -> f64 {
        match p {
            Precision::Fp4 => self.fp4_flops_per_sec.unwrap_or(self.bf16_flops_per_sec),
            Precision::Fp8 => self.fp8_flops_per_sec.unwrap_or(self.bf16_flops_per_sec),
            Precision::Bf16 | Precision::Int8 | Precision::Int4 => self.bf16_flops_per_sec,
        }
    }
}

/// Weight precision of a deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Bf16,
    Fp8,
    Int8,
    Int4,
    /// MXFP4 or NVFP4 weights.
    Fp4,
}

impl Precision {
    /// Stored bits per weight, scales included: INT4 keeps one 16-bit scale per group of
    /// 128 weights (4.125), MXFP4 one 8-bit scale per block of 32 (4.25).
    pub fn bits_per_weight(self) -> f64 {
        match self {
            Self::Bf16 => 16.0,
            Self::Fp8 | Self::Int8 => 8.0,
            Self::Int4 => 4.125,
            Self::Fp4 => 4.25,
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "fp16" | "bf16" => Some(Self::Bf16),
            "fp8" => Some(Self::Fp8),
            "int8" => Some(Self::Int8),
            "int4" => Some(Self::Int4),
            "fp4" => Some(Self::Fp4),
            _ => None,
        }
    }
}

/// Bits per cached key/value element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KvCacheDtype {
    #[default]
    Bits16,
    Bits8,
}

impl KvCacheDtype {
    pub fn bytes_per_element(self) -> f64 {
        match self {
            Self::Bits16 => 2.0,
            Self::Bits8 => 1.0,
        }
    }
}

/// How a replica splits the model over its GPUs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parallelism {
    /// Every layer split across the GPUs; one scheduler for the replica.
    Tensor,
    /// Attention data-parallel (each GPU its own sequences and a copy of the non-expert
    /// weights) with the experts spread over the GPUs.
    DataExpert,
}

impl Parallelism {
    /// What serving engines run by default: mixture-of-experts models spread their
    /// experts, dense models split every layer.
    pub fn default_for(arch: &Architecture) -> Self {
        if arch.is_moe() {
            Self::DataExpert
        } else {
            Self::Tensor
        }
    }
}

/// One replica's configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deployment {
    pub gpus: u32,
    pub parallelism: Parallelism,
    pub precision: Precision,
    pub kv_cache: KvCacheDtype,
    pub engine: Engine,
}

/// Mean tokens per request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub input_tokens: f64,
    pub output_tokens: f64,
}

#[cfg(test)]
mod tests;
