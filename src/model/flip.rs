//! Flip points: how far monthly volume, the API's prices and the GPU hour price would
//! have to move for the cheaper self-hosted option and the API to swap places.
//!
//! All three are exact. The volume is the first whole monthly volume at which self-hosting
//! (the cheaper of rented and owned) costs no more than the API, found on the replica
//! staircase like the breakevens. The API's cost is a straight line in a multiplier of its
//! token prices, and rented cost a straight line in the GPU hour price at a fixed volume,
//! so both are solved in closed form and then checked on the lean cost path, nudged by
//! rounding steps if the check needs it.

use serde::{Deserialize, Serialize};

use super::breakeven::{self, MAX_MONTHLY_REQUESTS};
use super::lean::{API_PRICE_MULTIPLIER, Basis, Knob, max_api_price};
use crate::scenario::Scenario;

/// Where one input flips the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlipPoint {
    /// Canonical path of the input, or `api.price_multiplier` (1 = today's API prices).
    pub field: String,
    /// The value at which self-hosting first costs no more than the API; `null` when no
    /// value in the field's range flips the comparison.
    pub value: Option<f64>,
    /// Today's value.
    pub current: f64,
    /// What the flip means, with its figures.
    pub fact: FlipFact,
}

/// What a flip point says: a kind with the figures its sentence quotes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FlipFact {
    /// Self-hosting costs no more than the API from `at` requests, at or below today's.
    VolumeReached {
        at: f64,
        today: f64,
    },
    /// It would from `at` requests, above today's.
    VolumeAhead {
        at: f64,
        today: f64,
    },
    /// No volume up to `ceiling` makes self-hosting the cheaper.
    VolumeNever {
        ceiling: f64,
        today: f64,
    },
    ApiBillsNoTokens,
    /// The API's fixed costs alone exceed self-hosting's whole cost.
    ApiFixedAboveSelfHost {
        api_fixed_usd: f64,
        self_host_usd: f64,
    },
    /// No API price up to `max_usd_per_mtok` makes self-hosting win.
    ApiNeverDearEnough {
        max_usd_per_mtok: f64,
    },
    /// The API's prices times `multiplier` tie; `usd_per_mtok` is the input price then
    /// (the output price when input tokens are free, `of_input` false).
    ApiPrice {
        multiplier: f64,
        usd_per_mtok: f64,
        of_input: bool,
    },
    OwnedAlreadyCheaper,
    NoGpuHoursBilled,
    FreeGpuHoursNotEnough,
    /// Rented GPUs stay no dearer than the API at any hour price up to `max_usd`.
    GpuNeverDearEnough {
        max_usd: f64,
        today_usd: f64,
    },
    /// The GPU hour price at which rented GPUs and the API tie.
    GpuPrice {
        usd: f64,
        today_usd: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlipPoints {
    /// Monthly requests (`workload.monthly_requests`).
    pub volume: FlipPoint,
    /// A multiplier on all API token prices (`api.price_multiplier`).
    pub api_price: FlipPoint,
    /// The rented GPU hour price (`cloud.usd_per_gpu_hour`).
    pub gpu_price: FlipPoint,
}

/// Rounding nudges tried before a closed-form answer is given up (never needed in tests).
const NUDGES: usize = 64;

/// The flip points of a scenario. Never panics; every number is finite.
pub fn flip_points(s: &Scenario) -> FlipPoints {
    let b = Basis::new(s);
    FlipPoints {
        volume: volume(&b),
        api_price: api_price(&b),
        gpu_price: gpu_price(&b),
    }
}

fn volume(b: &Basis) -> FlipPoint {
    let (api, rented, owned) = b.lines(&b.s, &b.r);
    let first = match (
        breakeven::first_volume(&api, &rented.line),
        breakeven::first_volume(&api, &owned.line),
    ) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let today = b.r.volume;
    let fact = match first {
        Some(at) if at <= today => FlipFact::VolumeReached { at, today },
        Some(at) => FlipFact::VolumeAhead { at, today },
        None => FlipFact::VolumeNever {
            ceiling: MAX_MONTHLY_REQUESTS,
            today,
        },
    };
    FlipPoint {
        field: "workload.monthly_requests".into(),
        value: first,
        current: today,
        fact,
    }
}

fn api_price(b: &Basis) -> FlipPoint {
    let field = API_PRICE_MULTIPLIER;
    let none = |fact: FlipFact| FlipPoint {
        field: field.into(),
        value: None,
        current: 1.0,
        fact,
    };
    let (api, _, _) = b.lines(&b.s, &b.r);
    let today = b.costs(&b.s, &b.r);
    let self_host_usd = today.self_host_usd();
    let token_usd = api.usd_per_request() * b.r.volume;
    let fixed_usd = api.fixed_usd();
    if !(token_usd > 0.0 && token_usd.is_finite()) {
        return none(FlipFact::ApiBillsNoTokens);
    }
    // API cost = fixed + m x token cost; it equals the self-hosted cost at m*.
    let mut m = (self_host_usd - fixed_usd) / token_usd;
    if !m.is_finite() || m < 0.0 {
        return none(FlipFact::ApiFixedAboveSelfHost {
            api_fixed_usd: fixed_usd,
            self_host_usd,
        });
    }
    let largest =
        b.r.input_usd_per_mtok
            .max(b.r.output_usd_per_mtok)
            .max(b.r.cached_input_usd_per_mtok);
    let max_price = max_api_price();
    let max_m = if largest > 0.0 {
        max_price / largest
    } else {
        0.0
    };
    let holds = |m: f64| b.costs_with(&[(field, m)]).savings_usd >= 0.0;
    let mut tries = 0;
    while !holds(m) && tries < NUDGES {
        m += m.abs().max(f64::MIN_POSITIVE) * f64::EPSILON * 2.0;
        tries += 1;
    }
    if m > max_m || !holds(m) {
        return none(FlipFact::ApiNeverDearEnough {
            max_usd_per_mtok: max_price,
        });
    }
    let (input, output, _) = b.prices_at(m);
    let of_input = b.r.input_usd_per_mtok > 0.0;
    let fact = FlipFact::ApiPrice {
        multiplier: m,
        usd_per_mtok: if of_input { input } else { output },
        of_input,
    };
    FlipPoint {
        field: field.into(),
        value: Some(m),
        current: 1.0,
        fact,
    }
}

fn gpu_price(b: &Basis) -> FlipPoint {
    let field = "cloud.usd_per_gpu_hour";
    let g0 = b.current(Knob::GpuHour);
    let none = |fact: FlipFact| FlipPoint {
        field: field.into(),
        value: None,
        current: g0,
        fact,
    };
    let today = b.costs(&b.s, &b.r);
    if today.owned_usd <= today.api_usd {
        return none(FlipFact::OwnedAlreadyCheaper);
    }
    let (_, rented, _) = b.lines(&b.s, &b.r);
    let hours = rented.billed_gpu_hours(b.r.volume);
    if !(hours > 0.0 && hours.is_finite()) {
        return none(FlipFact::NoGpuHoursBilled);
    }
    // Rented cost = (cost with free GPU hours) + price x billed GPU-hours.
    let free = b.costs_with(&[(field, 0.0)]);
    if free.rented_usd > free.api_usd {
        return none(FlipFact::FreeGpuHoursNotEnough);
    }
    let mut g = (today.api_usd - free.rented_usd) / hours;
    let max_g = Knob::GpuHour.clamp(field, f64::MAX, g0);
    if !g.is_finite() || g < 0.0 {
        g = 0.0;
    }
    if g > max_g {
        return none(FlipFact::GpuNeverDearEnough {
            max_usd: max_g,
            today_usd: g0,
        });
    }
    let holds = |g: f64| {
        let c = b.costs_with(&[(field, g)]);
        c.rented_usd <= c.api_usd
    };
    let mut tries = 0;
    while !holds(g) && g > 0.0 && tries < NUDGES {
        g = (g - g.abs().max(f64::MIN_POSITIVE) * f64::EPSILON * 2.0).max(0.0);
        tries += 1;
    }
    if !holds(g) {
        return none(FlipFact::FreeGpuHoursNotEnough);
    }
    FlipPoint {
        field: field.into(),
        value: Some(g),
        current: g0,
        fact: FlipFact::GpuPrice {
            usd: g,
            today_usd: g0,
        },
    }
}
