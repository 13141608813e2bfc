//! The second step: a resolved scenario costed as every option at today's volume, with the
//! breakevens, the TCO, the chart curve and the decision.

use super::api::ApiLine;
use super::breakeven;
use super::capacity::{self, CapacityCalc};
use super::curve;
use super::decision::{self, DecisionInputs};
use super::facts::{Decision, SelfHostKind};
use super::guard::{guard, input};
use super::hybrid::Parts;
use super::inputs::{Resolved, TOKENS_PER_MTOK};
use super::options::{cost, hybrid_option};
use super::report::*;
use super::resolve::{Notes, resolve};
use super::self_host::{Line, Owned, Rented, ReplicaCapacity, utilization_pct};
use super::tco::{self, TcoInputs};
use crate::scenario::{HybridStrategy, Scenario};

/// Evaluates every option for a scenario. Never panics; every number is finite.
pub fn evaluate(s: &Scenario) -> Report {
    let mut warnings = Vec::new();
    let mut sources = Vec::with_capacity(12);
    let mut notes = Notes {
        warnings: &mut warnings,
        sources: &mut sources,
    };
    let r = resolve(s, &mut notes);
    let cap = exact_capacity(capacity::capacity(&r, &mut warnings), &r);
    sources.extend(throughput_source(&cap));
    if r.volume <= 0.0 {
        warnings.push(
            "With no requests no serving replica is needed: self-hosting costs only its fixed costs and redundancy.".into(),
        );
    }
    let lines = Lines::new(s, &r, &cap);
    let options = lines.options(s, &r, &cap);
    let breakeven = Breakevens {
        rented_vs_api: lines.breakeven(&lines.rented.line),
        owned_vs_api: lines.breakeven(&lines.owned.line),
    };
    let tco = lines.tco(s, &r, &options.hybrid, &mut warnings);
    let curve = curve::curve(
        &lines.parts(),
        r.volume,
        [
            breakeven.rented_vs_api.monthly_requests,
            breakeven.owned_vs_api.monthly_requests,
        ],
        s.hybrid.strategy,
        lines.share_pct,
    );
    let decision = lines.decide(s, &r, &cap, &options, &breakeven, &tco);
    let savings = options.api.monthly_usd - self_host_usd(&options);
    Report {
        cheapest: cheapest(s, &options, lines.share_pct),
        options,
        capacity: cap.report,
        breakeven,
        tco,
        decision,
        curve,
        savings_vs_api_usd_per_month: if savings.is_finite() { savings } else { 0.0 },
        warnings,
        sources,
    }
}

/// The capacity with its requests per replica taken from [`ReplicaCapacity`], which
/// keeps a capacity the inputs make whole from being floored by binary rounding.
fn exact_capacity(mut cap: CapacityCalc, r: &Resolved) -> CapacityCalc {
    let exact = ReplicaCapacity::new(cap.report.output_tokens_per_sec_per_replica, r);
    cap.capacity_requests = exact.capacity_requests;
    cap.report.capacity_requests_per_replica = exact.capacity_requests;
    cap.report.monthly_requests_per_replica = exact.monthly_requests;
    cap
}

/// The catalog measurement the capacity used, if it used one.
fn throughput_source(cap: &CapacityCalc) -> Option<SourceRef> {
    let p = cap.catalog_point?;
    Some(SourceRef {
        item: format!(
            "{} on {} x {} at {}",
            p.model,
            p.gpus,
            p.gpu,
            p.quantization.id()
        ),
        value: p.output_tokens_per_sec,
        unit: "output tokens/s per replica".into(),
        source: p.source.clone(),
        as_of: p.as_of.clone(),
    })
}

/// The cheaper self-hosted deployment (rented on a tie) and its monthly cost.
fn self_host(o: &Options) -> (SelfHostKind, f64) {
    if o.owned.monthly_usd < o.rented.monthly_usd {
        (SelfHostKind::Owned, o.owned.monthly_usd)
    } else {
        (SelfHostKind::Rented, o.rented.monthly_usd)
    }
}

fn self_host_usd(o: &Options) -> f64 {
    self_host(o).1
}

/// Cheapest today; ties go to the simpler option (listed first). Self-hosting that does
/// not fit is out, and so is a hybrid that runs it (a 0% routing share does not).
fn cheapest(s: &Scenario, o: &Options, share_pct: f64) -> OptionId {
    let feasible = o.rented.feasible;
    let hybrid_ok = feasible || s.hybrid.strategy == HybridStrategy::Routing && share_pct == 0.0;
    let mut cheapest = (OptionId::Api, o.api.monthly_usd);
    for (id, usd, ok) in [
        (OptionId::Rented, o.rented.monthly_usd, feasible),
        (OptionId::Owned, o.owned.monthly_usd, feasible),
        (OptionId::Hybrid, o.hybrid.monthly_usd, hybrid_ok),
    ] {
        if ok && usd < cheapest.1 {
            cheapest = (id, usd);
        }
    }
    cheapest.0
}

/// The cost lines of the three deployments, built once and shared by every step.
struct Lines {
    api: ApiLine,
    rented: Rented,
    owned: Owned,
    share_pct: f64,
    tokens_per_request: f64,
}

impl Lines {
    fn new(s: &Scenario, r: &Resolved, cap: &CapacityCalc) -> Self {
        let tps = cap.report.output_tokens_per_sec_per_replica;
        Self {
            api: ApiLine::new(s, r, true),
            rented: Rented::new(s, r, cap.gpus_per_replica, tps),
            owned: Owned::new(s, r, cap.gpus_per_replica, tps),
            share_pct: input(s.hybrid.self_host_share_pct, 0.0, 100.0, 50.0),
            tokens_per_request: r.input_tokens + r.output_tokens,
        }
    }

    fn parts(&self) -> Parts<'_> {
        Parts {
            api: &self.api,
            rented: &self.rented,
            owned: &self.owned,
        }
    }

    fn breakeven(&self, line: &Line) -> Breakeven {
        breakeven::breakeven(&self.api, line, self.tokens_per_request)
    }

    fn cost(&self, usd: f64, breakdown: Vec<CostItem>, v: f64) -> Cost {
        cost(usd, breakdown, v, self.tokens_per_request)
    }

    /// The four options at today's volume.
    fn options(&self, s: &Scenario, r: &Resolved, cap: &CapacityCalc) -> Options {
        let v = r.volume;
        let strategy = s.hybrid.strategy;
        let h = self.parts().at(v, strategy, self.share_pct, None);
        Options {
            api: self.api_option(s, r),
            rented: self.rented_option(s, r, cap),
            owned: self.owned_option(s, r, cap),
            hybrid: hybrid_option(&h, strategy, v, self.tokens_per_request),
        }
    }

    fn api_option(&self, s: &Scenario, r: &Resolved) -> ApiOption {
        let (api, v) = (&self.api, r.volume);
        let breakdown = api.breakdown(v, s.api.ops_fte, r.horizon_months);
        ApiOption {
            cost: self.cost(api.cost(v), breakdown, v),
            input_usd_per_mtok: guard(r.input_usd_per_mtok),
            output_usd_per_mtok: guard(r.output_usd_per_mtok),
            cached_input_usd_per_mtok: guard(r.cached_input_usd_per_mtok),
            token_usd_per_request: guard(api.usd_per_request()),
            billed_input_tokens_per_month: guard(api.billed_input_tokens * v),
            output_tokens_per_month: guard(api.output_tokens * v),
        }
    }

    /// The fleet both self-hosted options run at today's volume, with its cost.
    fn fleet(&self, r: &Resolved, cap: &CapacityCalc, cost: Cost) -> Fleet {
        let serving = self.rented.line.serving_replicas(r.volume);
        let replicas = serving + f64::from(r.redundancy_replicas);
        Fleet {
            cost,
            feasible: cap.report.feasible,
            replicas: replicas as u64,
            serving_replicas: serving as u64,
            redundancy_replicas: u64::from(r.redundancy_replicas),
            gpus: (replicas * f64::from(cap.gpus_per_replica)) as u64,
            gpus_per_replica: cap.gpus_per_replica,
            utilization_pct: utilization_pct(r.volume, replicas, cap.capacity_requests),
        }
    }

    fn rented_option(&self, s: &Scenario, r: &Resolved, cap: &CapacityCalc) -> RentedOption {
        let (rented, v) = (&self.rented, r.volume);
        let breakdown = rented.breakdown(v, s.self_host.ops_fte, r.horizon_months);
        let cost = self.cost(rented.line.cost(v), breakdown, v);
        RentedOption {
            fleet: self.fleet(r, cap, cost),
            usd_per_gpu_hour: guard(r.usd_per_gpu_hour),
            price_source: if s.cloud.usd_per_gpu_hour.is_some() {
                PriceSource::User
            } else {
                PriceSource::Catalog
            },
            billed_gpu_hours_per_month: guard(rented.billed_gpu_hours(v)),
        }
    }

    fn owned_option(&self, s: &Scenario, r: &Resolved, cap: &CapacityCalc) -> OwnedOption {
        let (owned, v) = (&self.owned, r.volume);
        let breakdown = owned.breakdown(v, s.self_host.ops_fte, r.horizon_months);
        let cost = self.cost(owned.line.cost(v), breakdown, v);
        let replicas = self.rented.line.serving_replicas(v) + f64::from(r.redundancy_replicas);
        OwnedOption {
            gpu_price_usd: guard(r.gpu_price_usd),
            capital_usd: guard(owned.capital_usd(replicas)),
            monthly_capital_usd: guard(owned.capital_usd(replicas) * owned.annuity_factor),
            power_kw: guard(owned.power.average_kw(replicas, v)),
            fleet: self.fleet(r, cap, cost),
        }
    }

    fn tco(
        &self,
        s: &Scenario,
        r: &Resolved,
        hybrid: &HybridOption,
        warnings: &mut Vec<String>,
    ) -> Tco {
        let horizon = r.horizon_months;
        let inputs = TcoInputs {
            api: &self.api,
            rented: &self.rented,
            owned: &self.owned,
            volume: r.volume,
            growth_pct: input(s.workload.monthly_growth_pct, -100.0, 1.0e3, 0.0),
            horizon_months: horizon as u32,
            discount_rate_pct: input(s.org.discount_rate_pct, 0.0, 1.0e3, 0.0),
            strategy: s.hybrid.strategy,
            share_pct: self.share_pct,
            hybrid_kind: hybrid.self_host_option,
            api_implementation_usd: self.api.implementation_usd_per_month * horizon,
            self_host_implementation_usd: self.rented.overheads.implementation_usd_per_month
                * horizon,
        };
        tco::tco(&inputs, warnings)
    }

    /// The decision, with what the API optimisations are worth against the cheaper
    /// self-hosted deployment.
    fn decide(
        &self,
        s: &Scenario,
        r: &Resolved,
        cap: &CapacityCalc,
        o: &Options,
        b: &Breakevens,
        tco: &Tco,
    ) -> Decision {
        let v = r.volume;
        let (kind, self_host_usd) = self_host(o);
        let (self_host_line, breakeven) = match kind {
            SelfHostKind::Rented => (&self.rented.line, &b.rented_vs_api),
            SelfHostKind::Owned => (&self.owned.line, &b.owned_vs_api),
        };
        let api_plain = ApiLine::new(s, r, false);
        let optimisation = main_optimisation(s, &self.api, r);
        let (api_usd_unoptimised, breakeven_unoptimised) = if optimisation.is_some() {
            (
                guard(api_plain.cost(v)),
                breakeven::first_volume(&api_plain, self_host_line),
            )
        } else {
            (o.api.monthly_usd, None)
        };
        decision::decide(&DecisionInputs {
            s,
            volume: v,
            api_usd: o.api.monthly_usd,
            self_host_usd,
            self_host_kind: kind,
            hybrid_usd: o.hybrid.monthly_usd,
            feasible: cap.report.feasible,
            infeasible_reason: cap.report.infeasible_reason.as_deref(),
            breakeven: breakeven.monthly_requests,
            cheaper_until: breakeven.cheaper_until(),
            breakeven_unoptimised,
            api_usd_unoptimised,
            main_optimisation: optimisation,
            npv_usd: tco.npv_usd,
            horizon_months: r.horizon_months as u32,
        })
    }
}

/// The optimisation field saving the most on the API bill, if any saves anything.
fn main_optimisation(s: &Scenario, api: &ApiLine, r: &Resolved) -> Option<&'static str> {
    let a = &s.api;
    let input_usd = r.input_tokens * r.input_usd_per_mtok / TOKENS_PER_MTOK;
    let reduction = input_usd * input(a.prompt_reduction_pct, 0.0, 100.0, 0.0) / 100.0;
    let cache = api.billed_input_tokens * input(a.cache_hit_pct, 0.0, 100.0, 0.0) / 100.0
        * (r.input_usd_per_mtok - r.cached_input_usd_per_mtok)
        / TOKENS_PER_MTOK;
    let batch = (api.usd_per_request() / api.batch_factor.max(1.0e-9)) * (1.0 - api.batch_factor);
    [
        ("api.prompt_reduction_pct", reduction),
        ("api.cache_hit_pct", cache),
        ("api.batch_share_pct", batch),
    ]
    .into_iter()
    .filter(|(_, usd)| *usd > 0.0)
    .max_by(|x, y| x.1.total_cmp(&y.1))
    .map(|(f, _)| f)
}
