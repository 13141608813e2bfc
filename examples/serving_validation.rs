//! Prints the serving estimate against the public measurements, as the tables of
//! `docs/VALIDATION.md`. With `--fit`, searches the calibration constants on the points
//! not held out and prints them.
//!
//! cargo run --example serving_validation          # the tables
//! cargo run --example serving_validation -- --fit # refit the constants

use llm_tco::model::serving::Calibration;
use llm_tco::model::serving::validation::{self, Checked, MeasuredPoint};

const POINTS_JSON: &str = include_str!("../tests/fixtures/serving_measurements.json");

/// Median plus a third of the worst |ln(estimate / measured)| over the fitted points.
fn loss(points: &[MeasuredPoint], cal: &Calibration) -> f64 {
    let Ok(rows) = validation::check_all(points, cal) else {
        return f64::INFINITY;
    };
    let mut logs: Vec<f64> = rows
        .iter()
        .filter(|r: &&Checked| !r.point.held_out)
        .map(|r| r.ratio().ln().abs())
        .collect();
    logs.sort_by(f64::total_cmp);
    let median = logs.get(logs.len() / 2).copied().unwrap_or(0.0);
    let worst = logs.last().copied().unwrap_or(0.0);
    median + worst / 3.0
}

type Knob = fn(&mut Calibration) -> &mut f64;

/// The constants the fit moves, each with its allowed range.
fn knobs() -> [(&'static str, Knob, f64, f64); 11] {
    [
        (
            "bandwidth_efficiency",
            |c| &mut c.bandwidth_efficiency,
            0.2,
            0.95,
        ),
        (
            "compute_efficiency",
            |c| &mut c.compute_efficiency,
            0.05,
            0.9,
        ),
        (
            "prefill_efficiency",
            |c| &mut c.prefill_efficiency,
            0.05,
            0.9,
        ),
        (
            "parallel_loss_per_doubling",
            |c| &mut c.parallel_loss_per_doubling,
            0.0,
            1.0,
        ),
        ("sync_s_per_layer", |c| &mut c.sync_s_per_layer, 0.0, 1.0e-3),
        ("step_overhead_s", |c| &mut c.step_overhead_s, 0.0, 0.05),
        (
            "max_batch_per_scheduler",
            |c| &mut c.max_batch_per_scheduler,
            64.0,
            4096.0,
        ),
        (
            "moe_compute_efficiency",
            |c| &mut c.moe_compute_efficiency,
            0.05,
            1.0,
        ),
        (
            "s_per_sequence_step",
            |c| &mut c.s_per_sequence_step,
            0.0,
            1.0e-3,
        ),
        (
            "memory_reserved_bytes_per_gpu",
            |c| &mut c.memory_reserved_bytes_per_gpu,
            0.5e9,
            8.0e9,
        ),
        (
            "vllm_2024_s_per_sequence_step",
            |c| &mut c.vllm_2024_s_per_sequence_step,
            0.0,
            2.0e-3,
        ),
    ]
}

fn fit(points: &[MeasuredPoint]) -> Calibration {
    let knobs = knobs();
    let mut best = Calibration::FITTED;
    let mut best_loss = loss(points, &best);
    let mut step = 0.5;
    while step > 0.01 {
        let mut improved = false;
        for (_, knob, lo, hi) in knobs {
            for factor in [1.0 + step, 1.0 / (1.0 + step)] {
                let mut c = best;
                let v = knob(&mut c);
                *v = if *v == 0.0 {
                    hi * 0.01
                } else {
                    (*v * factor).clamp(lo, hi)
                };
                let l = loss(points, &c);
                if l < best_loss - 1e-9 {
                    best = c;
                    best_loss = l;
                    improved = true;
                }
            }
        }
        if !improved {
            step /= 2.0;
        }
    }
    for (name, knob, _, _) in knobs {
        let mut c = best;
        println!("{name}: {:.4e}", *knob(&mut c));
    }
    println!("loss: {best_loss:.4}");
    best
}

fn main() {
    let points = match validation::parse(POINTS_JSON) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let cal = if std::env::args().any(|a| a == "--fit") {
        fit(&points)
    } else {
        Calibration::FITTED
    };
    match validation::check_all(&points, &cal) {
        Ok(rows) => {
            println!("{}", validation::calibration_table(&cal));
            println!("{}", validation::summary_table(&rows));
            println!("{}", validation::points_table(&rows));
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
