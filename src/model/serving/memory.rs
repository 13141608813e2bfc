//! What fits in a replica's memory: weights, each sequence's KV cache, runtime overhead.

use super::{
    Architecture, Calibration, Deployment, Hardware, KvCacheDtype, Parallelism, Precision,
};

/// GPUs per replica the estimate tries, smallest first.
pub const DEGREES: [u32; 4] = [1, 2, 4, 8];

/// Degrees from [`DEGREES`] that split the model's attention heads evenly: a degree
/// that does not divide them leaves GPUs with unequal work, which engines refuse.
pub fn parallel_degrees(arch: &Architecture) -> Vec<u32> {
    DEGREES
        .iter()
        .copied()
        .filter(|&n| {
            arch.attention_heads >= f64::from(n) && arch.attention_heads % f64::from(n) == 0.0
        })
        .collect()
}

/// Bytes of the whole model's weights at the precision. Under FP4 a mixture-of-experts
/// model keeps its non-expert weights (attention, router, embeddings, shared experts)
/// at 16 bits, as gpt-oss ships them; they are a few percent of its parameters.
pub fn weight_bytes(arch: &Architecture, precision: Precision) -> f64 {
    let experts = arch.expert_params();
    let shared = arch.total_params - experts;
    let shared_bits = if precision == Precision::Fp4 && arch.is_moe() {
        16.0
    } else {
        precision.bits_per_weight()
    };
    (experts * precision.bits_per_weight() + shared * shared_bits) / 8.0
}

/// Weight bytes each GPU holds: a split of everything under tensor parallelism; under
/// attention data-parallel each GPU keeps all non-expert weights and its share of the
/// experts.
pub fn weight_bytes_per_gpu(arch: &Architecture, d: &Deployment) -> f64 {
    let n = f64::from(d.gpus.max(1));
    let total = weight_bytes(arch, d.precision);
    match d.parallelism {
        Parallelism::Tensor => total / n,
        Parallelism::DataExpert => {
            let experts = arch.expert_params() * d.precision.bits_per_weight() / 8.0;
            (total - experts) + experts / n
        }
    }
}

/// KV-cache bytes of one sequence of `tokens` tokens, all GPUs together. Full-attention
/// layers keep every token; sliding-window layers keep at most the window; multi-head
/// latent attention keeps one latent vector per layer instead of keys and values per
/// KV head.
pub fn kv_bytes_per_sequence(arch: &Architecture, tokens: f64, kv: KvCacheDtype) -> f64 {
    let tokens = tokens.max(0.0);
    let per_layer_token = match arch.mla_latent_dim {
        Some(latent) => latent,
        None => 2.0 * arch.kv_heads * arch.head_dim,
    } * kv.bytes_per_element();
    let full_layers = arch.layers - arch.sliding_window_layers;
    let window_tokens = tokens.min(arch.sliding_window_tokens);
    per_layer_token * (full_layers * tokens + arch.sliding_window_layers * window_tokens)
}

/// Share of one sequence's KV cache each GPU holds on average. Tensor parallelism splits
/// KV heads but copies each head to every GPU beyond one per head, and copies a latent
/// cache to all of them; attention data-parallel keeps a sequence on one GPU.
pub fn kv_share_per_gpu(arch: &Architecture, gpus: u32, parallelism: Parallelism) -> f64 {
    let n = f64::from(gpus.max(1));
    match parallelism {
        Parallelism::DataExpert => 1.0 / n,
        Parallelism::Tensor if arch.mla_latent_dim.is_some() => 1.0,
        Parallelism::Tensor => (1.0 / n).max(1.0 / arch.kv_heads.max(1.0)),
    }
}

/// Whether a replica holds the model and how many sequences of a length it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryFit {
    pub weights_bytes_per_gpu: f64,
    /// Memory the runtime leaves to weights and KV cache on each GPU.
    pub usable_bytes_per_gpu: f64,
    pub kv_bytes_per_sequence: f64,
    /// Whole sequences whose KV cache fits beside the weights (0 when none).
    pub max_sequences: f64,
}

impl MemoryFit {
    pub fn fits(&self, sequences: f64) -> bool {
        self.max_sequences >= sequences.max(1.0)
    }
}

pub fn memory_fit(
    arch: &Architecture,
    hw: &Hardware,
    d: &Deployment,
    sequence_tokens: f64,
    cal: &Calibration,
) -> MemoryFit {
    let weights = weight_bytes_per_gpu(arch, d);
    let usable = (hw.memory_bytes * (1.0 - cal.memory_reserved_share)
        - cal.memory_reserved_bytes_per_gpu)
        .max(0.0);
    let kv_seq = kv_bytes_per_sequence(arch, sequence_tokens, d.kv_cache);
    let kv_per_gpu = kv_seq * kv_share_per_gpu(arch, d.gpus, d.parallelism);
    let free = usable - weights;
    let max_sequences = if free <= 0.0 {
        0.0
    } else if kv_per_gpu > 0.0 {
        (free / kv_per_gpu).floor()
    } else {
        f64::INFINITY
    };
    MemoryFit {
        weights_bytes_per_gpu: weights,
        usable_bytes_per_gpu: usable,
        kv_bytes_per_sequence: kv_seq,
        max_sequences,
    }
}
