//! Runs the estimate against public measurements (the table in
//! `tests/fixtures/serving_measurements.json`) and writes `docs/VALIDATION.md`.

use serde::Deserialize;

use super::{
    Architecture, Calibration, Deployment, Engine, Hardware, KvCacheDtype, Parallelism, Precision,
    Shape, Targets, operating_point,
};

/// One published measurement with its conditions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuredPoint {
    pub id: String,
    /// Catalog ids.
    pub model: String,
    pub gpu: String,
    /// Replaces the catalog GPU's bandwidth when the measured card is a variant of it.
    #[serde(default)]
    pub bandwidth_gb_per_sec: Option<f64>,
    pub precision: String,
    pub kv_cache_bits: u32,
    pub gpus: u32,
    /// "TP" (tensor parallel) or "DEP" (attention data-parallel, experts spread).
    pub parallelism: String,
    pub engine: String,
    pub input_tokens: f64,
    pub output_tokens: f64,
    /// Requests in flight; `null` for a max-throughput run.
    pub concurrency: Option<f64>,
    pub measured_output_tokens_per_sec: f64,
    /// "gpu" or "replica": what the measured figure is per.
    pub measured_per: String,
    /// Left out of the calibration fit.
    pub held_out: bool,
    pub source: String,
    pub as_of: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A measurement beside the estimate of the same conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub point: MeasuredPoint,
    /// Output tokens/s in the measurement's unit (per GPU or per replica).
    pub estimate: f64,
}

impl Checked {
    /// Estimate over measured.
    pub fn ratio(&self) -> f64 {
        self.estimate / self.point.measured_output_tokens_per_sec
    }

    /// How far off, as a factor of at least 1 either way.
    pub fn factor_off(&self) -> f64 {
        let r = self.ratio();
        if r >= 1.0 { r } else { 1.0 / r }
    }
}

pub fn parse(json: &str) -> Result<Vec<MeasuredPoint>, String> {
    serde_json::from_str(json).map_err(|e| format!("serving measurements: {e}"))
}

/// The estimate for one measurement's conditions, in its unit.
pub fn estimate(p: &MeasuredPoint, cal: &Calibration) -> Result<f64, String> {
    let model = crate::catalog::open_model(&p.model)
        .ok_or_else(|| format!("{}: unknown model \"{}\"", p.id, p.model))?;
    let gpu = crate::catalog::gpu(&p.gpu)
        .ok_or_else(|| format!("{}: unknown GPU \"{}\"", p.id, p.gpu))?;
    let precision = Precision::from_id(&p.precision).ok_or_else(|| {
        format!(
            "{}: precision \"{}\" is not one of bf16, fp16, fp8, int8, int4, fp4",
            p.id, p.precision
        )
    })?;
    let kv_cache = match p.kv_cache_bits {
        16 => KvCacheDtype::Bits16,
        8 => KvCacheDtype::Bits8,
        other => return Err(format!("{}: kv_cache_bits {other} is not 8 or 16", p.id)),
    };
    let parallelism = match p.parallelism.as_str() {
        "TP" => Parallelism::Tensor,
        "DEP" => Parallelism::DataExpert,
        other => {
            return Err(format!(
                "{}: parallelism \"{other}\" is not TP or DEP",
                p.id
            ));
        }
    };
    let per_gpu = match p.measured_per.as_str() {
        "gpu" => true,
        "replica" => false,
        other => {
            return Err(format!(
                "{}: measured_per \"{other}\" is not gpu or replica",
                p.id
            ));
        }
    };
    let arch = Architecture::from_catalog(model);
    let mut hw = Hardware::from_catalog(gpu);
    if let Some(bw) = p.bandwidth_gb_per_sec {
        hw.bandwidth_bytes_per_sec = bw * 1.0e9;
    }
    let d = Deployment {
        gpus: p.gpus.max(1),
        parallelism,
        precision,
        kv_cache,
        engine: Engine::from_name(&p.engine),
    };
    let shape = Shape {
        input_tokens: p.input_tokens,
        output_tokens: p.output_tokens,
    };
    let targets = Targets {
        concurrency: p.concurrency,
        ..Targets::default()
    };
    let op = operating_point(&arch, &hw, &d, shape, targets, cal);
    let replica = op.output_tokens_per_sec_per_replica;
    Ok(if per_gpu {
        replica / f64::from(d.gpus)
    } else {
        replica
    })
}

pub fn check_all(points: &[MeasuredPoint], cal: &Calibration) -> Result<Vec<Checked>, String> {
    points
        .iter()
        .map(|p| {
            estimate(p, cal).map(|estimate| Checked {
                point: p.clone(),
                estimate,
            })
        })
        .collect()
}

/// Median of |estimate / measured - 1| and the worst factor off, over `rows`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub points: usize,
    pub median_error: f64,
    pub worst_factor_off: f64,
}

pub fn summary<'a>(rows: impl Iterator<Item = &'a Checked>) -> Summary {
    let mut errors: Vec<f64> = Vec::new();
    let mut worst: f64 = 1.0;
    for r in rows {
        errors.push((r.ratio() - 1.0).abs());
        worst = worst.max(r.factor_off());
    }
    errors.sort_by(f64::total_cmp);
    let n = errors.len();
    // The middle value, or the mean of the two middle values of an even count.
    let upper = errors.get(n / 2).copied().unwrap_or(0.0);
    let lower = if n.is_multiple_of(2) {
        errors
            .get(n.saturating_sub(1) / 2)
            .copied()
            .unwrap_or(upper)
    } else {
        upper
    };
    let median_error = (lower + upper) / 2.0;
    Summary {
        points: n,
        median_error,
        worst_factor_off: worst,
    }
}

fn summary_line(label: &str, s: Summary) -> String {
    format!(
        "| {label} | {} | {:.0}% | {:.2}x |\n",
        s.points,
        s.median_error * 100.0,
        s.worst_factor_off
    )
}

/// The validation summary: all points, the fitted ones and the held-out ones.
pub fn summary_table(rows: &[Checked]) -> String {
    let mut out =
        String::from("| points | n | median error | worst factor off |\n|---|---|---|---|\n");
    out += &summary_line("all", summary(rows.iter()));
    out += &summary_line("fitted", summary(rows.iter().filter(|r| !r.point.held_out)));
    out += &summary_line(
        "held out",
        summary(rows.iter().filter(|r| r.point.held_out)),
    );
    out
}

/// One table row per measurement: its conditions, the measured and estimated figures.
pub fn points_table(rows: &[Checked]) -> String {
    let mut out = String::from(
        "| point | model | GPU x n | precision, KV | parallelism | engine | in / out tokens | concurrency | measured tok/s | per | estimate | error | source, as of |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let p = &r.point;
        out += &format!(
            "| {}{} | {} | {} x {} | {}, KV {}-bit | {} | {} | {:.0} / {:.0} | {} | {:.0} | {} | {:.0} | {:+.0}% | {}; {}{} |\n",
            p.id,
            if p.held_out { " (held out)" } else { "" },
            p.model,
            p.gpu,
            p.gpus,
            p.precision,
            p.kv_cache_bits,
            p.parallelism,
            p.engine,
            p.input_tokens,
            p.output_tokens,
            p.concurrency
                .map_or("max throughput".to_string(), |c| format!("{c:.0}")),
            p.measured_output_tokens_per_sec,
            p.measured_per,
            r.estimate,
            (r.ratio() - 1.0) * 100.0,
            p.source,
            p.as_of,
            p.note.as_ref().map_or(String::new(), |n| format!(" ({n})")),
        );
    }
    out
}

/// The calibration constants, one row each.
pub fn calibration_table(cal: &Calibration) -> String {
    let rows: [(&str, String); 12] = [
        (
            "bandwidth_efficiency",
            format!("{}", cal.bandwidth_efficiency),
        ),
        ("compute_efficiency", format!("{}", cal.compute_efficiency)),
        ("prefill_efficiency", format!("{}", cal.prefill_efficiency)),
        (
            "moe_compute_efficiency",
            format!("{}", cal.moe_compute_efficiency),
        ),
        (
            "parallel_loss_per_doubling",
            format!("{}", cal.parallel_loss_per_doubling),
        ),
        (
            "sync_s_per_layer",
            format!("{:.1} µs", cal.sync_s_per_layer * 1e6),
        ),
        (
            "step_overhead_s",
            format!("{:.2} ms", cal.step_overhead_s * 1e3),
        ),
        (
            "s_per_sequence_step",
            format!("{:.1} µs", cal.s_per_sequence_step * 1e6),
        ),
        (
            "max_batch_per_scheduler",
            format!("{}", cal.max_batch_per_scheduler),
        ),
        (
            "memory reserved per GPU",
            format!(
                "{:.0}% + {:.1} GB",
                cal.memory_reserved_share * 100.0,
                cal.memory_reserved_bytes_per_gpu / 1e9
            ),
        ),
        (
            "vllm_2024_s_per_sequence_step",
            format!("{:.0} µs", cal.vllm_2024_s_per_sequence_step * 1e6),
        ),
        (
            "vllm_2024_max_batch",
            format!("{}", cal.vllm_2024_max_batch),
        ),
    ];
    let mut out = String::from("| constant | value |\n|---|---|\n");
    for (name, value) in rows {
        out += &format!("| `{name}` | {value} |\n");
    }
    out
}
