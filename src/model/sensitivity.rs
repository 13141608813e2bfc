//! Sensitivity: the tornado. Each of a stated list of inputs is moved down and up by the
//! same percentage, one at a time, and the scenario is evaluated again; the bars are
//! sorted by how far the monthly savings move.

use serde::{Deserialize, Serialize};

use super::evaluate::evaluate;
use super::report::Report;
use crate::scenario::{FieldKind, Scenario, field};

/// The swing of a default tornado, in percent.
pub const DEFAULT_SWING_PCT: f64 = 20.0;

/// The inputs of the tornado, by canonical path, with their labels.
pub const SENSITIVITY_FIELDS: &[(&str, &str)] = &[
    ("workload.monthly_requests", "Monthly requests"),
    (
        "workload.input_tokens_per_request",
        "Input tokens per request",
    ),
    (
        "workload.output_tokens_per_request",
        "Output tokens per request",
    ),
    ("api.input_usd_per_mtok", "API input price"),
    ("api.output_usd_per_mtok", "API output price"),
    ("api.cache_hit_pct", "Cache hit share"),
    ("cloud.usd_per_gpu_hour", "GPU hour price"),
    ("owned.gpu_price_usd", "GPU purchase price"),
    ("owned.life_years", "Hardware life"),
    (
        "self_host.output_tokens_per_sec_per_replica",
        "Throughput per replica",
    ),
    ("self_host.planning_utilization_pct", "Planning utilisation"),
    ("workload.peak_to_average", "Peak to average"),
    ("self_host.ops_fte", "Self-host operations staff"),
    ("org.loaded_fte_usd_per_month", "Loaded cost of an engineer"),
];

/// One bar: the input at -swing and +swing (clamped to its range) and what follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitivityBar {
    /// Canonical path of the input.
    pub field: String,
    pub label: String,
    pub low_value: f64,
    pub high_value: f64,
    /// `savings_vs_api_usd_per_month` with the input at `low_value` / `high_value`.
    pub savings_low_usd: f64,
    pub savings_high_usd: f64,
    /// The cheaper of the rented and owned breakeven volumes at `low_value` / `high_value`;
    /// `null` when neither breaks even.
    pub breakeven_low_requests: Option<f64>,
    pub breakeven_high_requests: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    pub swing_pct: f64,
    /// `savings_vs_api_usd_per_month` at today's inputs.
    pub base_savings_usd: f64,
    /// Largest savings swing (|high - low|) first.
    pub bars: Vec<SensitivityBar>,
}

/// Today's value of an input: the scenario's, or for an optional override left empty the
/// resolved value the report used (catalog price, catalog or estimated throughput).
fn current(s: &Scenario, r: &Report, path: &str) -> f64 {
    match path {
        "workload.monthly_requests" => s.workload.monthly_requests,
        "workload.input_tokens_per_request" => s.workload.input_tokens_per_request,
        "workload.output_tokens_per_request" => s.workload.output_tokens_per_request,
        "api.input_usd_per_mtok" => r.options.api.input_usd_per_mtok,
        "api.output_usd_per_mtok" => r.options.api.output_usd_per_mtok,
        "api.cache_hit_pct" => s.api.cache_hit_pct,
        "cloud.usd_per_gpu_hour" => r.options.rented.usd_per_gpu_hour,
        "owned.gpu_price_usd" => r.options.owned.gpu_price_usd,
        "owned.life_years" => s.owned.life_years,
        "self_host.output_tokens_per_sec_per_replica" => {
            r.capacity.output_tokens_per_sec_per_replica
        }
        "self_host.planning_utilization_pct" => s.self_host.planning_utilization_pct,
        "workload.peak_to_average" => s.workload.peak_to_average,
        "self_host.ops_fte" => s.self_host.ops_fte,
        "org.loaded_fte_usd_per_month" => s.org.loaded_fte_usd_per_month,
        _ => 0.0,
    }
}

fn set(s: &mut Scenario, path: &str, x: f64) {
    match path {
        "workload.monthly_requests" => s.workload.monthly_requests = x,
        "workload.input_tokens_per_request" => s.workload.input_tokens_per_request = x,
        "workload.output_tokens_per_request" => s.workload.output_tokens_per_request = x,
        "api.input_usd_per_mtok" => s.api.input_usd_per_mtok = Some(x),
        "api.output_usd_per_mtok" => s.api.output_usd_per_mtok = Some(x),
        "api.cache_hit_pct" => s.api.cache_hit_pct = x,
        "cloud.usd_per_gpu_hour" => s.cloud.usd_per_gpu_hour = Some(x),
        "owned.gpu_price_usd" => s.owned.gpu_price_usd = Some(x),
        "owned.life_years" => s.owned.life_years = x,
        "self_host.output_tokens_per_sec_per_replica" => {
            s.self_host.output_tokens_per_sec_per_replica = Some(x)
        }
        "self_host.planning_utilization_pct" => s.self_host.planning_utilization_pct = x,
        "workload.peak_to_average" => s.workload.peak_to_average = x,
        "self_host.ops_fte" => s.self_host.ops_fte = x,
        "org.loaded_fte_usd_per_month" => s.org.loaded_fte_usd_per_month = x,
        _ => {}
    }
}

/// `x` forced into the field's range (whole for whole-number fields); NaN becomes `min`.
pub(crate) fn clamp_to_field(path: &str, x: f64) -> f64 {
    match field(path).map(|f| f.kind) {
        Some(FieldKind::Number {
            min, max, integer, ..
        }) => {
            let x = if x.is_nan() { min } else { x.clamp(min, max) };
            if integer {
                x.round().clamp(min, max)
            } else {
                x
            }
        }
        _ => {
            if x.is_finite() {
                x
            } else {
                0.0
            }
        }
    }
}

/// The cheaper of the two breakeven volumes, if any.
pub(crate) fn best_breakeven(r: &Report) -> Option<f64> {
    match (
        r.breakeven.rented_vs_api.monthly_requests,
        r.breakeven.owned_vs_api.monthly_requests,
    ) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn savings(r: &Report) -> f64 {
    let x = r.savings_vs_api_usd_per_month;
    if x.is_finite() { x } else { 0.0 }
}

/// The tornado of [`SENSITIVITY_FIELDS`] at +/- `swing_pct` percent (NaN means the
/// default 20; the swing is kept within 0-100%). Two evaluations per input.
pub fn sensitivity(s: &Scenario, swing_pct: f64) -> Sensitivity {
    let swing_pct = if swing_pct.is_nan() {
        DEFAULT_SWING_PCT
    } else {
        swing_pct.clamp(0.0, 100.0)
    };
    let swing = swing_pct / 100.0;
    let base = evaluate(s);
    let mut bars = Vec::with_capacity(SENSITIVITY_FIELDS.len());
    let mut work = s.clone();
    for &(path, label) in SENSITIVITY_FIELDS {
        let now = current(s, &base, path);
        let low_value = clamp_to_field(path, now * (1.0 - swing));
        let high_value = clamp_to_field(path, now * (1.0 + swing));
        let mut run = |x: f64| {
            set(&mut work, path, x);
            let r = evaluate(&work);
            (savings(&r), best_breakeven(&r))
        };
        let (savings_low_usd, breakeven_low_requests) = run(low_value);
        let (savings_high_usd, breakeven_high_requests) = run(high_value);
        work.clone_from(s);
        bars.push(SensitivityBar {
            field: path.into(),
            label: label.into(),
            low_value,
            high_value,
            savings_low_usd,
            savings_high_usd,
            breakeven_low_requests,
            breakeven_high_requests,
        });
    }
    // Stable: equal swings keep the order of the list.
    bars.sort_by(|a, b| {
        let wa = (a.savings_high_usd - a.savings_low_usd).abs();
        let wb = (b.savings_high_usd - b.savings_low_usd).abs();
        wb.total_cmp(&wa)
    });
    Sensitivity {
        swing_pct,
        base_savings_usd: savings(&base),
        bars,
    }
}
