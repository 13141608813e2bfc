//! Total cost of ownership over the horizon: cash month by month.
//!
//! The monthly costs of the options amortise one-off spending; the TCO shows cash
//! instead. Implementation is spent in month 1, owned capital when it is bought (month 1
//! for today's fleet, later months for growth) and again when a cohort reaches the end
//! of its life (net of the resale value of the old hardware); the monthly capital charge
//! is therefore left out. Hardware still in service at the end of the horizon is
//! credited in the NPV at what it is still worth on the capital charge's schedule, so
//! that a horizon shorter than the hardware's life does not charge the whole purchase to
//! it and the NPV agrees with the monthly costs on which option is cheaper.

use super::api::ApiLine;
use super::breakeven::MAX_MONTHLY_REQUESTS;
use super::facts::SelfHostKind;
use super::guard::guard;
use super::hybrid::{HybridCalc, Parts};
use super::report::{PerOption, Tco, TcoMonth};
use super::self_host::{Owned, Rented};
use crate::scenario::HybridStrategy;

/// Owned hardware bought so far and the replacements it schedules.
struct Fleet {
    installed: f64,
    installation_bought: bool,
    /// Capital to re-buy in each month (index = month), net of resale value.
    replacements: Vec<f64>,
    life_months: usize,
    /// Each purchase: the month it was bought and its capital (re-bought every life).
    cohorts: Vec<(usize, f64)>,
}

impl Fleet {
    fn new(horizon: usize, life_months: f64) -> Self {
        Self {
            installed: 0.0,
            installation_bought: false,
            replacements: vec![0.0; horizon + 2],
            life_months: (life_months.round() as usize).max(1),
            cohorts: Vec::new(),
        }
    }

    /// What the hardware in service at the end of month `horizon` is still worth: each
    /// cohort's latest generation, at its age then.
    fn remaining_value(&self, owned: &Owned, horizon: usize) -> f64 {
        self.cohorts
            .iter()
            .filter(|(bought, _)| *bought <= horizon)
            .map(|&(bought, usd)| {
                let age = (horizon - bought) % self.life_months + 1;
                owned.remaining_value(usd, age as f64)
            })
            .sum()
    }

    fn schedule(&mut self, month: usize, usd: f64) {
        let mut at = month + self.life_months;
        while at < self.replacements.len() {
            self.replacements[at] += usd;
            at += self.life_months;
        }
    }

    /// Capital spent in `month` to have `needed` replicas (never sold when demand falls).
    fn capex(&mut self, owned: &Owned, month: usize, needed: f64) -> f64 {
        let mut usd = self.replacements.get(month).copied().unwrap_or(0.0);
        if needed > self.installed {
            let mut bought = (needed - self.installed) * owned.capital_per_replica_usd;
            if !self.installation_bought {
                bought += owned.installation_usd;
                self.installation_bought = true;
            }
            self.installed = needed;
            usd += bought;
            self.cohorts.push((month, bought));
            self.schedule(month, bought * (1.0 - owned.residual_share));
        }
        usd
    }

    /// Running costs of owned hardware apart from the capital: maintenance on the capital
    /// installed and power for the GPUs installed.
    fn running(&self, owned: &Owned) -> f64 {
        let capital = self.installed * owned.capital_per_replica_usd
            + if self.installation_bought {
                owned.installation_usd
            } else {
                0.0
            };
        capital * owned.maintenance_per_month_share + self.installed * owned.power.idle_usd
    }
}

pub struct TcoInputs<'a> {
    pub api: &'a ApiLine,
    pub rented: &'a Rented,
    pub owned: &'a Owned,
    pub volume: f64,
    pub growth_pct: f64,
    pub horizon_months: u32,
    pub discount_rate_pct: f64,
    pub strategy: HybridStrategy,
    pub share_pct: f64,
    pub hybrid_kind: SelfHostKind,
    /// One-off implementation spending of each side.
    pub api_implementation_usd: f64,
    pub self_host_implementation_usd: f64,
}

/// One month's cash of each option, with the owned hardware bought so far.
struct Months<'a> {
    t: &'a TcoInputs<'a>,
    parts: Parts<'a>,
    owned_fleet: Fleet,
    hybrid_fleet: Fleet,
}

impl<'a> Months<'a> {
    fn new(t: &'a TcoInputs<'a>, horizon: usize) -> Self {
        Self {
            t,
            parts: Parts {
                api: t.api,
                rented: t.rented,
                owned: t.owned,
            },
            owned_fleet: Fleet::new(horizon, t.owned.life_months),
            hybrid_fleet: Fleet::new(horizon, t.owned.life_months),
        }
    }

    /// The one-off spending in place of its amortised share: all of it in month 1, none
    /// of it later.
    fn one_off(month: usize, amortised: f64, total: f64) -> f64 {
        if month == 1 {
            total - amortised
        } else {
            -amortised
        }
    }

    /// Cash of the API, rented, owned and hybrid in `month` at `volume`, and the owned
    /// capital bought that month.
    fn cash(&mut self, month: usize, volume: f64) -> ([f64; 4], f64) {
        let t = self.t;
        let api_impl = t.api.implementation_usd_per_month;
        let sh_impl = t.rented.overheads.implementation_usd_per_month;
        let api_usd =
            guard(t.api.cost(volume) + Self::one_off(month, api_impl, t.api_implementation_usd));
        let rented_usd = guard(
            t.rented.line.cost(volume)
                + Self::one_off(month, sh_impl, t.self_host_implementation_usd),
        );
        let (owned_usd, owned_capex) = self.owned(month, volume);
        let hybrid_usd = self.hybrid(month, volume);
        ([api_usd, rented_usd, owned_usd, hybrid_usd], owned_capex)
    }

    fn owned(&mut self, month: usize, volume: f64) -> (f64, f64) {
        let (t, o) = (self.t, self.t.owned);
        let replicas = o.line.serving_replicas(volume) + o.redundancy_replicas;
        let capex = self.owned_fleet.capex(o, month, replicas);
        let usd = guard(
            capex
                + self.owned_fleet.running(o)
                + o.line.per_request_usd * volume
                + o.facility_usd
                + o.overheads.infra_usd
                + o.overheads.ops_usd
                + if month == 1 {
                    t.self_host_implementation_usd
                } else {
                    0.0
                },
        );
        (usd, capex)
    }

    fn hybrid(&mut self, month: usize, volume: f64) -> f64 {
        let (t, o) = (self.t, self.t.owned);
        let h: HybridCalc = self
            .parts
            .at(volume, t.strategy, t.share_pct, Some(t.hybrid_kind));
        let mut usd = h.usd;
        if h.uses_api {
            let api_impl = t.api.implementation_usd_per_month;
            usd += Self::one_off(month, api_impl, t.api_implementation_usd);
        }
        if h.uses_self_host {
            let sh_impl = t.rented.overheads.implementation_usd_per_month;
            usd += Self::one_off(month, sh_impl, t.self_host_implementation_usd);
            if h.kind == SelfHostKind::Owned {
                // Swap the amortised capital and running costs for cash, as for owned.
                let amortised = o.capital_usd(h.self_host_replicas)
                    * (o.annuity_factor + o.maintenance_per_month_share)
                    + h.self_host_replicas * o.power.idle_usd;
                let capex = self.hybrid_fleet.capex(o, month, h.self_host_replicas);
                usd += capex + self.hybrid_fleet.running(o) - amortised;
            }
        }
        guard(usd)
    }
}

/// One month of the timeline: its cash per option and the running totals.
fn month_row(month: usize, volume: f64, cash: &[f64; 4], cum: &[f64; 4]) -> TcoMonth {
    TcoMonth {
        month: month as u32,
        monthly_requests: guard(volume),
        api_usd: cash[0],
        rented_usd: cash[1],
        owned_usd: cash[2],
        hybrid_usd: cash[3],
        cumulative_api_usd: guard(cum[0]),
        cumulative_rented_usd: guard(cum[1]),
        cumulative_owned_usd: guard(cum[2]),
        cumulative_hybrid_usd: guard(cum[3]),
    }
}

pub fn tco(t: &TcoInputs, warnings: &mut Vec<String>) -> Tco {
    let horizon = t.horizon_months.max(1) as usize;
    let growth = 1.0 + t.growth_pct / 100.0;
    // The discount rate is a nominal annual rate compounded monthly, the convention the
    // cost of capital uses too (annual / 12 a month), so that at equal rates the NPV of a
    // purchase equals that of its monthly capital charge. Month m is discounted by m - 1
    // months: month 1's spending is today's money.
    let monthly_discount = 1.0 + t.discount_rate_pct / 100.0 / 12.0;
    let mut cash_of = Months::new(t, horizon);
    let mut months = Vec::with_capacity(horizon);
    let mut cum = [0.0_f64; 4];
    let mut npv = [0.0_f64; 4];
    let mut payback_owned = None;
    let mut payback_rented = None;
    let mut upfront_capital_usd = 0.0;
    let mut volume = t.volume;
    let mut capped = false;
    let mut discount = 1.0;
    for month in 1..=horizon {
        if month > 1 {
            volume *= growth;
            discount /= monthly_discount;
        }
        if volume > MAX_MONTHLY_REQUESTS {
            volume = MAX_MONTHLY_REQUESTS;
            capped = true;
        }
        let (cash, owned_capex) = cash_of.cash(month, volume);
        if month == 1 {
            upfront_capital_usd = owned_capex;
        }
        for i in 0..4 {
            cum[i] += cash[i];
            npv[i] += cash[i] * discount;
        }
        if payback_owned.is_none() && cum[2] <= cum[0] {
            payback_owned = Some(month as u32);
        }
        if payback_rented.is_none() && cum[1] <= cum[0] {
            payback_rented = Some(month as u32);
        }
        months.push(month_row(month, volume, &cash, &cum));
    }
    if capped {
        warnings.push(
            "Growth takes volume past 100 billion requests a month; the TCO holds it there.".into(),
        );
    }
    let remaining = [
        0.0,
        0.0,
        cash_of.owned_fleet.remaining_value(t.owned, horizon),
        cash_of.hybrid_fleet.remaining_value(t.owned, horizon),
    ];
    // The hardware is worth its remaining value at the start of the month after the
    // horizon, discounted like that month's cash.
    let end_discount = discount / monthly_discount;
    for (n, r) in npv.iter_mut().zip(remaining) {
        *n -= r * end_discount;
    }
    let per = |a: [f64; 4]| PerOption {
        api: guard(a[0]),
        rented: guard(a[1]),
        owned: guard(a[2]),
        hybrid: guard(a[3]),
    };
    Tco {
        months,
        payback_month_owned: payback_owned,
        payback_month_rented: payback_rented,
        npv_usd: per(npv),
        total_usd: per(cum),
        upfront_capital_usd: guard(upfront_capital_usd),
        remaining_value_usd: per(remaining),
    }
}
