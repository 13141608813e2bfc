//! The lean cost path: only what the savings need (the API's, rented GPUs' and owned
//! servers' monthly cost at today's volume), for analyses that cost a scenario thousands
//! of times (the Monte Carlo run, the flip points).
//!
//! A [`Basis`] resolves a scenario once (catalog, memory fit, throughput source), then
//! [`Basis::costs`] re-costs it after inputs that do not touch the catalog or the memory fit
//! have changed. It builds the same `ApiLine`, `Rented` and `Owned` values `evaluate`
//! builds and uses the same capacity formula, so its numbers are `evaluate`'s bit for bit
//! (a test checks it on every preset and on random scenarios), without the curve, the TCO,
//! the decision, the sources or a single string.

use serde::{Deserialize, Serialize};

use super::api::ApiLine;
use super::capacity;
use super::facts::SelfHostKind;
use super::guard::guard;
use super::inputs::{Resolved, whole_requests};
use super::resolve::{Notes, resolve};
use super::self_host::{Owned, Rented};
use crate::scenario::Scenario;

/// The three monthly costs the savings come from, at today's volume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Costs {
    pub api_usd: f64,
    pub rented_usd: f64,
    pub owned_usd: f64,
    /// The cheaper self-hosted deployment (rented on a tie, as in `evaluate`).
    pub self_host_option: SelfHostKind,
    /// API cost minus the cheaper self-hosted cost: `Report::savings_vs_api_usd_per_month`.
    pub savings_usd: f64,
}

impl Costs {
    fn new(api_usd: f64, rented_usd: f64, owned_usd: f64) -> Self {
        let (self_host_option, self_host_usd) = if owned_usd < rented_usd {
            (SelfHostKind::Owned, owned_usd)
        } else {
            (SelfHostKind::Rented, rented_usd)
        };
        let savings = api_usd - self_host_usd;
        Self {
            api_usd,
            rented_usd,
            owned_usd,
            self_host_option,
            savings_usd: if savings.is_finite() { savings } else { 0.0 },
        }
    }

    /// The cheaper of rented and owned.
    pub fn self_host_usd(&self) -> f64 {
        self.rented_usd.min(self.owned_usd)
    }
}

/// The pseudo-field of the API price multiplier: input, cached input and output prices
/// all multiplied by one factor (1 = today's prices).
pub const API_PRICE_MULTIPLIER: &str = "api.price_multiplier";

/// An input the lean path can change without re-resolving the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Knob {
    Volume,
    ApiPriceMultiplier,
    GpuHour,
    GpuPrice,
    TokensPerSec,
    PlanningUtilization,
    PeakToAverage,
    SelfHostOpsFte,
    LoadedFte,
}

/// Every input the lean path (and so the Monte Carlo run) can vary, with its label.
pub const LEAN_FIELDS: &[(&str, &str)] = &[
    ("workload.monthly_requests", "Monthly requests"),
    (API_PRICE_MULTIPLIER, "API prices (multiplier)"),
    ("cloud.usd_per_gpu_hour", "GPU hour price"),
    ("owned.gpu_price_usd", "GPU purchase price"),
    (
        "self_host.output_tokens_per_sec_per_replica",
        "Throughput per replica",
    ),
    ("self_host.planning_utilization_pct", "Planning utilisation"),
    ("workload.peak_to_average", "Peak to average"),
    ("self_host.ops_fte", "Self-host operations staff"),
    ("org.loaded_fte_usd_per_month", "Loaded cost of an engineer"),
];

impl Knob {
    pub fn from_field(path: &str) -> Option<Self> {
        Some(match path {
            "workload.monthly_requests" => Self::Volume,
            API_PRICE_MULTIPLIER => Self::ApiPriceMultiplier,
            "cloud.usd_per_gpu_hour" => Self::GpuHour,
            "owned.gpu_price_usd" => Self::GpuPrice,
            "self_host.output_tokens_per_sec_per_replica" => Self::TokensPerSec,
            "self_host.planning_utilization_pct" => Self::PlanningUtilization,
            "workload.peak_to_average" => Self::PeakToAverage,
            "self_host.ops_fte" => Self::SelfHostOpsFte,
            "org.loaded_fte_usd_per_month" => Self::LoadedFte,
            _ => return None,
        })
    }

    /// The knob's value in `[min, max]` of its field (NaN becomes `fallback`), so the lean
    /// path only ever sees values a valid scenario could hold.
    pub fn clamp(self, path: &str, x: f64, fallback: f64) -> f64 {
        let (min, max) = match crate::scenario::field(path).map(|f| f.kind) {
            Some(crate::scenario::FieldKind::Number { min, max, .. }) => (min, max),
            _ => (0.0, f64::MAX),
        };
        let x = if x.is_nan() { fallback } else { x };
        if x.is_nan() { min } else { x.clamp(min, max) }
    }
}

/// The largest API price a scenario allows (`api.*_usd_per_mtok`).
pub(crate) fn max_api_price() -> f64 {
    match crate::scenario::field("api.input_usd_per_mtok").map(|f| f.kind) {
        Some(crate::scenario::FieldKind::Number { max, .. }) => max,
        _ => 1.0e4,
    }
}

/// A scenario resolved once.
#[derive(Debug, Clone)]
pub(crate) struct Basis {
    pub s: Scenario,
    pub r: Resolved,
    pub gpus_per_replica: u32,
    /// The catalog or estimated throughput, used when the scenario gives none.
    pub fallback_tokens_per_sec: f64,
}

impl Basis {
    pub fn new(s: &Scenario) -> Self {
        let mut warnings = Vec::new();
        let mut sources = Vec::new();
        let r = resolve(
            s,
            &mut Notes {
                warnings: &mut warnings,
                sources: &mut sources,
            },
        );
        let cap = capacity::capacity(&r, &mut warnings);
        Self {
            s: s.clone(),
            gpus_per_replica: cap.gpus_per_replica,
            fallback_tokens_per_sec: cap.report.output_tokens_per_sec_per_replica,
            r,
        }
    }

    /// The cost lines of `s` and `r`, which differ from the basis only through knobs.
    pub fn lines(&self, s: &Scenario, r: &Resolved) -> (ApiLine, Rented, Owned) {
        let tokens_per_sec = r
            .user_tokens_per_sec
            .unwrap_or(self.fallback_tokens_per_sec);
        (
            ApiLine::new(s, r, true),
            Rented::new(s, r, self.gpus_per_replica, tokens_per_sec),
            Owned::new(s, r, self.gpus_per_replica, tokens_per_sec),
        )
    }

    pub fn costs(&self, s: &Scenario, r: &Resolved) -> Costs {
        let (api, rented, owned) = self.lines(s, r);
        let v = r.volume;
        Costs::new(
            guard(api.cost(v)),
            guard(rented.line.cost(v)),
            guard(owned.line.cost(v)),
        )
    }

    /// Sets `knob` to `x` (already clamped) in a working copy `r`/`s` of the basis.
    pub fn apply(&self, knob: Knob, x: f64, r: &mut Resolved, s: &mut Scenario) {
        match knob {
            Knob::Volume => r.volume = whole_requests(x),
            Knob::ApiPriceMultiplier => {
                let (input, output, cached) = self.prices_at(x);
                r.input_usd_per_mtok = input;
                r.output_usd_per_mtok = output;
                r.cached_input_usd_per_mtok = cached;
            }
            Knob::GpuHour => r.usd_per_gpu_hour = x,
            Knob::GpuPrice => r.gpu_price_usd = x,
            Knob::TokensPerSec => r.user_tokens_per_sec = Some(x),
            Knob::PlanningUtilization => r.planning_utilization_pct = x,
            Knob::PeakToAverage => r.peak_to_average = x,
            Knob::SelfHostOpsFte => s.self_host.ops_fte = x,
            Knob::LoadedFte => r.loaded_fte_usd_per_month = x,
        }
    }

    /// Input, output and cached input prices at a multiplier of today's, each within the
    /// range a scenario allows.
    pub fn prices_at(&self, multiplier: f64) -> (f64, f64, f64) {
        let max = max_api_price();
        let m = if multiplier.is_nan() {
            1.0
        } else {
            multiplier.max(0.0)
        };
        let at = |p: f64| (p * m).clamp(0.0, max);
        (
            at(self.r.input_usd_per_mtok),
            at(self.r.output_usd_per_mtok),
            at(self.r.cached_input_usd_per_mtok),
        )
    }

    /// The scenario `evaluate` must see to cost the same as [`Basis::apply`] with `x`.
    pub fn apply_to_scenario(&self, knob: Knob, x: f64, s: &mut Scenario) {
        match knob {
            Knob::Volume => s.workload.monthly_requests = x,
            Knob::ApiPriceMultiplier => {
                let (input, output, cached) = self.prices_at(x);
                s.api.input_usd_per_mtok = Some(input);
                s.api.output_usd_per_mtok = Some(output);
                s.api.cached_input_usd_per_mtok = Some(cached);
            }
            Knob::GpuHour => s.cloud.usd_per_gpu_hour = Some(x),
            Knob::GpuPrice => s.owned.gpu_price_usd = Some(x),
            Knob::TokensPerSec => s.self_host.output_tokens_per_sec_per_replica = Some(x),
            Knob::PlanningUtilization => s.self_host.planning_utilization_pct = x,
            Knob::PeakToAverage => s.workload.peak_to_average = x,
            Knob::SelfHostOpsFte => s.self_host.ops_fte = x,
            Knob::LoadedFte => s.org.loaded_fte_usd_per_month = x,
        }
    }

    /// Today's value of a knob (1 for the price multiplier).
    pub fn current(&self, knob: Knob) -> f64 {
        match knob {
            Knob::Volume => self.r.volume,
            Knob::ApiPriceMultiplier => 1.0,
            Knob::GpuHour => self.r.usd_per_gpu_hour,
            Knob::GpuPrice => self.r.gpu_price_usd,
            Knob::TokensPerSec => self
                .r
                .user_tokens_per_sec
                .unwrap_or(self.fallback_tokens_per_sec),
            Knob::PlanningUtilization => self.r.planning_utilization_pct,
            Knob::PeakToAverage => self.r.peak_to_average,
            Knob::SelfHostOpsFte => self.s.self_host.ops_fte,
            Knob::LoadedFte => self.r.loaded_fte_usd_per_month,
        }
    }

    /// Costs with each `(field, value)` set; unknown fields are ignored.
    pub fn costs_with(&self, values: &[(&str, f64)]) -> Costs {
        let mut r = self.r.clone();
        let mut s = self.s.clone();
        for &(path, x) in values {
            if let Some(k) = Knob::from_field(path) {
                let x = k.clamp(path, x, self.current(k));
                self.apply(k, x, &mut r, &mut s);
            }
        }
        self.costs(&s, &r)
    }
}

/// The API's, rented and owned monthly cost and the savings of `s`, exactly as
/// `evaluate(s)` reports them, at a fraction of its cost.
pub fn lean_costs(s: &Scenario) -> Costs {
    let b = Basis::new(s);
    b.costs(&b.s, &b.r)
}

/// [`lean_costs`] with inputs changed: each `(field, value)` names one of
/// [`LEAN_FIELDS`] (others are ignored); values are clamped to the field's range.
pub fn lean_costs_with(s: &Scenario, values: &[(&str, f64)]) -> Costs {
    Basis::new(s).costs_with(values)
}

/// The scenario that `evaluate` costs exactly as [`lean_costs_with`] costs `s` with
/// `values` (the price multiplier becomes explicit prices).
pub fn scenario_with(s: &Scenario, values: &[(&str, f64)]) -> Scenario {
    let b = Basis::new(s);
    let mut out = s.clone();
    for &(path, x) in values {
        if let Some(k) = Knob::from_field(path) {
            let x = k.clamp(path, x, b.current(k));
            b.apply_to_scenario(k, x, &mut out);
        }
    }
    out
}
