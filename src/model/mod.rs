//! The cost, capacity and decision model: pure Rust, no web.
//!
//! [`evaluate`] turns a [`Scenario`](crate::scenario::Scenario) into a [`Report`] in two
//! steps: [`resolve`] makes the inputs safe and resolves the catalog ids, then
//! [`evaluate`](evaluate::evaluate) costs the API, rented GPUs, owned servers and the
//! hybrid; sizes the replicas; finds the breakevens on the real replica staircase; runs
//! the month-by-month TCO with NPV and the chart curve; and decides, with reasons stated
//! as [`facts`]. It never panics and never returns NaN or infinity, for any scenario,
//! validated or not.
//!
//! The analyses run apart from `evaluate`, on demand: [`sensitivity`] (the tornado),
//! [`uncertainty`] / [`MonteCarlo`] (a seeded, chunked Monte Carlo run on the lean cost
//! path, [`lean_costs`]), [`flip_points`] and [`hybrid_strategies`].

mod api;
mod breakeven;
mod capacity;
mod curve;
mod decision;
mod evaluate;
mod facts;
mod flip;
mod guard;
mod hybrid;
mod inputs;
mod lean;
mod options;
mod power;
mod report;
mod report_capacity;
mod resolve;
mod self_host;
mod sensitivity;
pub mod serving;
mod strategies;
mod tco;
pub(crate) mod text;
mod uncertainty;

pub use breakeven::MAX_MONTHLY_REQUESTS;
pub use capacity::{
    Interactivity, InteractivityPoint, KV_BYTES_PER_ELEMENT, MAX_BATCH, MBU, MFU, MeasuredPoint,
    OVERHEAD_GB_PER_GPU, OVERHEAD_VRAM_SHARE, PLANNED_CONCURRENT_SEQUENCES, TP_DEGREES,
    TP_EFFICIENCY, interactivity,
};
pub use curve::MAX_POINTS as MAX_CURVE_POINTS;
pub use evaluate::evaluate;
pub use facts::*;
pub use flip::{FlipFact, FlipPoint, FlipPoints, flip_points};
pub use guard::guard;
pub use inputs::TOKENS_PER_MTOK;
pub use lean::{
    API_PRICE_MULTIPLIER, Costs, LEAN_FIELDS, lean_costs, lean_costs_with, scenario_with,
};
pub use power::{HOST_SHARE_OF_GPU_TDP, IDLE_SHARE_OF_MAX};
pub use report::*;
pub use self_host::annuity_factor;
pub use sensitivity::{
    DEFAULT_SWING_PCT, SENSITIVITY_FIELDS, Sensitivity, SensitivityBar, sensitivity,
};
pub use strategies::{HybridComparison, REVERSE_FALLBACK, hybrid_strategies};
pub use uncertainty::{
    DEFAULT_SAMPLES, DEFAULT_SEED, HISTOGRAM_BINS, HistogramBin, MAX_SAMPLES, MonteCarlo,
    UncertainRange, Uncertainty, default_ranges, uncertainty,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    #[test]
    fn default_scenario_evaluates() {
        let r = evaluate(&Scenario::default());
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert!(!json.contains("NaN") && !json.contains("null,\n  \"capacity\""));
    }
}
