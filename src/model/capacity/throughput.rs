//! Where a replica's output tokens/s come from: the user's figure, a catalog
//! measurement scaled to the scenario, or the estimate.

use super::Setup;
use crate::catalog::{self, ThroughputPoint};
use crate::model::guard::guard;
use crate::model::inputs::Resolved;
use crate::model::report::ScaledPoint;
use crate::model::serving::{
    self, Deployment, Engine, KvCacheDtype, OperatingPoint, Parallelism, Shape, Targets,
};

/// Where the replica's output tokens/s come from.
pub(super) struct Throughput {
    pub tokens_per_sec: f64,
    pub source: &'static str,
    pub note: String,
    pub point: Option<&'static ThroughputPoint>,
    pub scaled: Option<ScaledPoint>,
}

/// The user's figure, else a catalog measurement of this model x GPU x quantization x
/// GPUs scaled to the scenario, else the estimate.
pub(super) fn throughput(
    s: &Setup,
    r: &Resolved,
    d: &Deployment,
    op: &OperatingPoint,
) -> Throughput {
    let estimate = op.output_tokens_per_sec_per_replica;
    if let Some(user) = r.user_tokens_per_sec {
        return Throughput {
            tokens_per_sec: user,
            source: "user",
            note: "Your measured figure.".into(),
            point: None,
            scaled: None,
        };
    }
    let point = nearest_point(s, r, d.gpus);
    match point.and_then(|p| scale_point(s, p, estimate).map(|sp| (p, sp))) {
        Some((p, sp)) => Throughput {
            tokens_per_sec: p.output_tokens_per_sec * sp.scale,
            source: "catalog",
            note: format!(
                "Measured {:.0} output tokens/s ({}, {}) with {} at {:.0} input / {:.0} output tokens, scaled by {:.2}: the estimate for this workload with today's engines ({:.0}) over the estimate under the measurement's conditions ({:.0}). {}",
                p.output_tokens_per_sec,
                p.source,
                p.as_of,
                sp.engine,
                sp.input_tokens,
                sp.output_tokens,
                sp.scale,
                sp.estimate_at_scenario,
                sp.estimate_at_measurement,
                operating_note(s, r, d, op)
            ),
            point: Some(p),
            scaled: Some(sp),
        },
        None => Throughput {
            tokens_per_sec: estimate,
            source: "estimate",
            note: format!(
                "Calibrated roofline estimate (docs/VALIDATION.md): decode reads the weights it touches and each sequence's KV cache at {:.0}% of memory bandwidth. {}",
                s.cal.bandwidth_efficiency * 100.0,
                operating_note(s, r, d, op)
            ),
            point: None,
            scaled: None,
        },
    }
}

/// The catalog measurement of this model x GPU x quantization x GPUs whose prompt and
/// output lengths are nearest the scenario's (by the sum of |ln ratio|): the smaller the
/// gap, the less the scaling has to carry.
fn nearest_point(s: &Setup, r: &Resolved, gpus: u32) -> Option<&'static ThroughputPoint> {
    let gap = |p: &ThroughputPoint| {
        let log_gap = |measured: Option<f64>, scenario: f64| {
            measured.map_or(0.0, |m| (m.max(1.0) / scenario.max(1.0)).ln().abs())
        };
        log_gap(p.input_tokens, s.shape.input_tokens)
            + log_gap(p.output_tokens, s.shape.output_tokens)
    };
    catalog::throughput_points()
        .iter()
        .filter(|p| {
            p.model == r.model.id
                && p.gpu == r.gpu.id
                && p.quantization == r.quantization
                && p.gpus == gpus
        })
        .min_by(|a, b| gap(a).total_cmp(&gap(b)))
}

/// The estimate under the measurement's own conditions, and the ratio that carries the
/// measurement to the scenario. `None` when the estimate has nothing to scale from.
fn scale_point(s: &Setup, p: &ThroughputPoint, estimate: f64) -> Option<ScaledPoint> {
    let engine = p.engine.clone().unwrap_or_default();
    let shape = Shape {
        input_tokens: p.input_tokens.unwrap_or(s.shape.input_tokens),
        output_tokens: p.output_tokens.unwrap_or(s.shape.output_tokens),
    };
    let d = Deployment {
        kv_cache: if p.kv_cache_bits == Some(8) {
            KvCacheDtype::Bits8
        } else {
            KvCacheDtype::Bits16
        },
        ..s.deployment(p.gpus, Engine::from_name(&engine))
    };
    let targets = Targets {
        concurrency: p.concurrency,
        ..Targets::default()
    };
    let at_point = serving::operating_point(&s.arch, &s.hw, &d, shape, targets, &s.cal)
        .output_tokens_per_sec_per_replica;
    (at_point > 0.0 && estimate > 0.0).then(|| ScaledPoint {
        measured_output_tokens_per_sec: p.output_tokens_per_sec,
        engine,
        input_tokens: shape.input_tokens,
        output_tokens: shape.output_tokens,
        gpus: p.gpus,
        estimate_at_measurement: guard(at_point),
        estimate_at_scenario: guard(estimate),
        scale: guard(estimate / at_point),
        source: p.source.clone(),
        as_of: p.as_of.clone(),
    })
}

fn operating_note(s: &Setup, r: &Resolved, d: &Deployment, op: &OperatingPoint) -> String {
    format!(
        "Operating point: a batch of {:.0} (limited by {}), {:.0} output tokens/s per user, {:.0} ms to first token; {} x {} ({}), weights at {}, KV cache at {} bits.",
        op.batch,
        op.limited_by.id().replace('_', " "),
        op.output_tokens_per_sec_per_user,
        op.time_to_first_token_s * 1000.0,
        d.gpus,
        r.gpu.id,
        match d.parallelism {
            Parallelism::Tensor => "tensor parallel",
            Parallelism::DataExpert => "attention data-parallel, experts spread",
        },
        r.quantization.id(),
        s.kv_cache.bytes_per_element() * 8.0
    )
}
