//! The throughput-interactivity curve of the scenario's model on its GPUs: what each GPU
//! serves as every request is promised a faster answer, and the catalog's measurements
//! of the same model and GPU placed on the same axes.

use super::{ServingOptions, Setup, choose_gpus, precision, serving_options, setup};
use crate::catalog::{self, ThroughputPoint};
use crate::model::guard::guard;
use crate::model::resolve::{Notes, resolve};
use crate::model::serving::{self, Engine, KvCacheDtype, Shape, Targets};
use crate::scenario::Scenario;

/// One point of the curve: a batch and what it gives each user and each GPU.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InteractivityPoint {
    /// Sequences decoding together.
    pub batch: f64,
    pub output_tokens_per_sec_per_user: f64,
    pub output_tokens_per_sec_per_gpu: f64,
}

/// A catalog measurement of the scenario's model and GPU, per GPU.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredPoint {
    pub output_tokens_per_sec_per_gpu: f64,
    /// The measured output tokens/s over the batch the run held: its concurrency, or for
    /// a max-throughput run the batch the engine finds under the run's conditions.
    pub output_tokens_per_sec_per_user: f64,
    pub batch: f64,
    pub gpus: u32,
    pub quantization: &'static str,
    pub input_tokens: Option<f64>,
    pub output_tokens: Option<f64>,
    pub source: String,
    pub as_of: String,
}

/// The curve for the scenario's workload shape on the replica the report sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Interactivity {
    /// Batches 1, 2, 4, ... up to the largest memory and the scheduler allow; empty when
    /// not one sequence fits.
    pub curve: Vec<InteractivityPoint>,
    pub measured: Vec<MeasuredPoint>,
    pub gpus_per_replica: u32,
}

/// The scenario's throughput-interactivity curve, with no per-user target (the curve is
/// every target's answer) and the scenario's KV cache precision.
pub fn interactivity(s: &Scenario) -> Interactivity {
    let mut warnings = Vec::new();
    let mut sources = Vec::new();
    let r = resolve(
        s,
        &mut Notes {
            warnings: &mut warnings,
            sources: &mut sources,
        },
    );
    let setup = setup(
        &r,
        ServingOptions {
            min_output_tokens_per_sec_per_user: None,
            ..serving_options(&r)
        },
    );
    let (gpus, ..) = choose_gpus(&setup, &r, &mut warnings);
    let d = setup.deployment(gpus, Engine::Current);
    let top = serving::operating_point(
        &setup.arch,
        &setup.hw,
        &d,
        setup.shape,
        Targets::default(),
        &setup.cal,
    );
    let per_gpu = f64::from(gpus.max(1));
    let mut curve = Vec::new();
    let mut b = 1.0;
    while b <= top.batch {
        let p = serving::point_at_batch(&setup.arch, &setup.hw, &d, setup.shape, &setup.cal, b);
        curve.push(InteractivityPoint {
            batch: b,
            output_tokens_per_sec_per_user: guard(p.output_tokens_per_sec_per_user),
            output_tokens_per_sec_per_gpu: guard(p.output_tokens_per_sec_per_replica / per_gpu),
        });
        if b == top.batch {
            break;
        }
        b = (b * 2.0).min(top.batch);
    }
    let measured = catalog::throughput_points()
        .iter()
        .filter(|p| p.model == r.model.id && p.gpu == r.gpu.id)
        .filter_map(|p| measured(&setup, p))
        .collect();
    Interactivity {
        curve,
        measured,
        gpus_per_replica: gpus,
    }
}

/// A measurement per GPU, its per-user speed from the batch its run held; `None` when
/// the engine finds no batch for it.
fn measured(s: &Setup, p: &ThroughputPoint) -> Option<MeasuredPoint> {
    let shape = Shape {
        input_tokens: p.input_tokens.unwrap_or(s.shape.input_tokens),
        output_tokens: p.output_tokens.unwrap_or(s.shape.output_tokens),
    };
    let engine = p
        .engine
        .as_deref()
        .map_or(Engine::Current, Engine::from_name);
    let d = serving::Deployment {
        precision: precision(p.quantization),
        kv_cache: if p.kv_cache_bits == Some(8) {
            KvCacheDtype::Bits8
        } else {
            KvCacheDtype::Bits16
        },
        ..s.deployment(p.gpus, engine)
    };
    let targets = Targets {
        concurrency: p.concurrency,
        ..Targets::default()
    };
    let batch = serving::operating_point(&s.arch, &s.hw, &d, shape, targets, &s.cal).batch;
    (batch >= 1.0 && p.gpus >= 1).then(|| MeasuredPoint {
        output_tokens_per_sec_per_gpu: guard(p.output_tokens_per_sec / f64::from(p.gpus)),
        output_tokens_per_sec_per_user: guard(p.output_tokens_per_sec / batch),
        batch,
        gpus: p.gpus,
        quantization: p.quantization.id(),
        input_tokens: p.input_tokens,
        output_tokens: p.output_tokens,
        source: p.source.clone(),
        as_of: p.as_of.clone(),
    })
}
