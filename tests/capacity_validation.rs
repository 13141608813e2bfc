//! The serving estimate against public measurements: every point of
//! `tests/fixtures/serving_measurements.json`, and `docs/VALIDATION.md` kept true.

use llm_tco::model::serving::Calibration;
use llm_tco::model::serving::validation::{self, Checked, summary};

const POINTS_JSON: &str = include_str!("fixtures/serving_measurements.json");
const VALIDATION_MD: &str = include_str!("../docs/VALIDATION.md");

fn rows() -> Vec<Checked> {
    let points = validation::parse(POINTS_JSON).unwrap();
    validation::check_all(&points, &Calibration::FITTED).unwrap()
}

#[test]
fn the_estimate_matches_every_measured_point() {
    let rows = rows();
    assert!(rows.len() >= 25, "{} points", rows.len());
    let all = summary(rows.iter());
    assert!(
        all.median_error <= 0.30,
        "median error {:.3}",
        all.median_error
    );
    for r in &rows {
        assert!(
            r.factor_off() <= 2.5,
            "{}: estimate {:.0}, measured {:.0}",
            r.point.id,
            r.estimate,
            r.point.measured_output_tokens_per_sec
        );
    }
    // The points held out of the fit meet the same bar.
    let held_out = summary(rows.iter().filter(|r| r.point.held_out));
    assert!(
        held_out.points >= 5 && held_out.median_error <= 0.30,
        "{held_out:?}"
    );
}

#[test]
fn the_table_covers_dense_and_moe_models_on_each_gpu_generation() {
    let rows = rows();
    for gpu in ["h100-sxm", "h200", "b200"] {
        assert!(rows.iter().any(|r| r.point.gpu == gpu), "{gpu}");
    }
    let moe = |id: &str| llm_tco::catalog::open_model(id).is_some_and(|m| m.experts > 0);
    assert!(rows.iter().any(|r| moe(&r.point.model)));
    assert!(rows.iter().any(|r| !moe(&r.point.model)));
    // Max-throughput runs and a fixed-concurrency (per-user speed) run.
    assert!(rows.iter().any(|r| r.point.concurrency.is_none()));
    assert!(rows.iter().any(|r| r.point.concurrency == Some(1.0)));
    for r in &rows {
        assert!(
            !r.point.source.is_empty() && !r.point.as_of.is_empty(),
            "{}",
            r.point.id
        );
    }
}

#[test]
fn validation_md_shows_the_current_estimates() {
    let rows = rows();
    let regenerate = "regenerate with `cargo run --example serving_validation`";
    assert!(
        VALIDATION_MD.contains(&validation::calibration_table(&Calibration::FITTED)),
        "docs/VALIDATION.md's constants are stale; {regenerate}"
    );
    assert!(
        VALIDATION_MD.contains(&validation::summary_table(&rows)),
        "docs/VALIDATION.md's summary is stale; {regenerate}"
    );
    assert!(
        VALIDATION_MD.contains(&validation::points_table(&rows)),
        "docs/VALIDATION.md's table is stale; {regenerate}"
    );
}
