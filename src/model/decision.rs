//! The decision framework: criteria and costs turned into a recommendation with reasons.
//!
//! Each criterion is one function that gives a reason or none; each reason names the
//! field behind it, carries a weight and states its figures as a fact. The
//! recommendation is the allowed option with the most weight, and the confidence is its
//! share of all weight. Hard constraints are not weighed: data that must stay inside
//! rules out the API alone, and a model that fits no GPU configuration rules out
//! self-hosting.

use super::facts::{
    Confidence, Decision, Favours, Headline, Reason, ReasonFact, Recommendation, SelfHostKind,
    VolumeBand,
};
use super::report::PerOption;
use crate::scenario::{DataSensitivity, Scenario, TrafficPattern};

/// Relative cost gap under which the costs count as a tie.
const COST_TIE_SHARE: f64 = 0.10;

pub struct DecisionInputs<'a> {
    pub s: &'a Scenario,
    pub volume: f64,
    pub api_usd: f64,
    pub self_host_usd: f64,
    pub self_host_kind: SelfHostKind,
    pub hybrid_usd: f64,
    pub feasible: bool,
    pub infeasible_reason: Option<&'a str>,
    /// Breakeven of the cheaper self-hosted option, with and without the API optimisations.
    pub breakeven: Option<f64>,
    /// The last volume at which that option costs no more, when it costs more again above.
    pub cheaper_until: Option<f64>,
    pub breakeven_unoptimised: Option<f64>,
    pub api_usd_unoptimised: f64,
    /// The optimisation field that saves the most, if any saves anything.
    pub main_optimisation: Option<&'static str>,
    pub npv_usd: PerOption,
    pub horizon_months: u32,
}

impl DecisionInputs<'_> {
    /// API cost minus self-hosting cost, as a share of the API cost.
    fn savings_share(&self) -> f64 {
        let savings = self.api_usd - self.self_host_usd;
        if self.api_usd > 0.0 {
            savings / self.api_usd
        } else if savings < 0.0 {
            -1.0
        } else {
            0.0
        }
    }
}

fn reason(criterion: &str, favours: Favours, weight: f64, fact: ReasonFact) -> Reason {
    Reason {
        criterion: criterion.into(),
        favours,
        weight,
        fact,
    }
}

type Criterion = fn(&DecisionInputs) -> Option<Reason>;

/// The criteria in the order the reasons are listed: the hard constraint and the costs
/// first, then the framework's rules of thumb as DESIGN.md lists them.
const CRITERIA: [Criterion; 14] = [
    data_sensitivity,
    cost,
    hybrid_cost,
    volume,
    traffic_pattern,
    frontier_capability,
    gpu_ops_experience,
    time_to_market,
    latency,
    fine_tuning,
    long_term_cost,
    use_cases_differ,
    resilience,
    api_optimisations,
];

pub fn decide(d: &DecisionInputs) -> Decision {
    let reasons: Vec<Reason> = CRITERIA.iter().filter_map(|c| c(d)).collect();
    let (recommendation, score, conflicted) = score(d, &reasons);
    let confidence = if conflicted || score < 50.0 {
        Confidence::Low
    } else if score < 70.0 {
        Confidence::Medium
    } else {
        Confidence::High
    };
    Decision {
        recommendation,
        confidence,
        confidence_score: score as u8,
        self_host_option: d.self_host_kind,
        headline: headline(d, recommendation, conflicted),
        reasons,
    }
}

/// The allowed option with the most weight, its share of all weight (0-100, rounded),
/// and whether the hard constraints left no option at all.
fn score(d: &DecisionInputs, reasons: &[Reason]) -> (Recommendation, f64, bool) {
    let c = &d.s.criteria;
    let must_stay = c.data_sensitivity == DataSensitivity::MustStayInternal;
    let allowed = |r: Recommendation| match r {
        Recommendation::Api => !must_stay,
        Recommendation::SelfHost => d.feasible,
        Recommendation::Hybrid => d.feasible && (!must_stay || c.use_cases_differ),
    };
    let weight_of = |f: Favours| {
        reasons
            .iter()
            .filter(|r| r.favours == f)
            .map(|r| r.weight)
            .sum::<f64>()
    };
    let scored = [
        (Recommendation::Api, weight_of(Favours::Api)),
        (Recommendation::SelfHost, weight_of(Favours::SelfHost)),
        (Recommendation::Hybrid, weight_of(Favours::Hybrid)),
    ];
    let total: f64 = scored.iter().map(|x| x.1).sum();
    let best = scored.iter().filter(|(r, _)| allowed(*r)).fold(
        None::<(Recommendation, f64)>,
        |acc, &(r, w)| match acc {
            Some((_, bw)) if bw >= w => acc,
            _ => Some((r, w)),
        },
    );
    let (recommendation, score, conflicted) = match best {
        Some((r, w)) => (r, if total > 0.0 { w / total * 100.0 } else { 50.0 }, false),
        // Data must stay inside and the model fits nothing: self-hosting is the only
        // lawful answer, but not as configured.
        None => (Recommendation::SelfHost, 0.0, true),
    };
    (recommendation, score.clamp(0.0, 100.0).round(), conflicted)
}

fn headline(d: &DecisionInputs, recommendation: Recommendation, conflicted: bool) -> Headline {
    match recommendation {
        _ if conflicted => Headline::Conflicted,
        Recommendation::Api => Headline::Api {
            api_usd: d.api_usd,
            breakeven_requests: d.breakeven,
            cheaper_until: d.cheaper_until,
        },
        Recommendation::SelfHost => Headline::SelfHost {
            self_host: d.self_host_kind,
            self_host_usd: d.self_host_usd,
            api_usd: d.api_usd,
        },
        Recommendation::Hybrid => Headline::Hybrid {
            strategy: d.s.hybrid.strategy,
            self_host: d.self_host_kind,
            hybrid_usd: d.hybrid_usd,
            api_usd: d.api_usd,
        },
    }
}

/// The one hard constraint on the API, and a lean either way below it.
fn data_sensitivity(d: &DecisionInputs) -> Option<Reason> {
    let sensitivity = d.s.criteria.data_sensitivity;
    let (favours, weight) = match sensitivity {
        DataSensitivity::MustStayInternal => (Favours::SelfHost, 0.0),
        DataSensitivity::Internal => (Favours::SelfHost, 0.5),
        DataSensitivity::Public => (Favours::Api, 0.5),
    };
    let fact = ReasonFact::DataSensitivity { sensitivity };
    Some(reason("criteria.data_sensitivity", favours, weight, fact))
}

/// Today's cost: the hard constraint on self-hosting when the model fits nothing, else
/// the cheaper side weighed by how much cheaper it is.
fn cost(d: &DecisionInputs) -> Option<Reason> {
    if !d.feasible {
        let why = d.infeasible_reason.map(str::to_string);
        return Some(reason(
            "self_host.model",
            Favours::Api,
            0.0,
            ReasonFact::SelfHostInfeasible { why },
        ));
    }
    let share = d.savings_share();
    let (favours, weight) = if share > COST_TIE_SHARE {
        (Favours::SelfHost, 2.0 + 2.0 * share.min(1.0))
    } else if share < -COST_TIE_SHARE {
        (Favours::Api, 2.0 + 2.0 * (-share).min(1.0))
    } else {
        (Favours::Neutral, 0.0)
    };
    let fact = ReasonFact::Cost {
        self_host: d.self_host_kind,
        api_usd: d.api_usd,
        self_host_usd: d.self_host_usd,
        tie_pct: COST_TIE_SHARE * 100.0,
    };
    Some(reason("cost", favours, weight, fact))
}

/// A hybrid at least 5% below the cheaper pure option.
fn hybrid_cost(d: &DecisionInputs) -> Option<Reason> {
    let best_pure = d.api_usd.min(d.self_host_usd);
    if !d.feasible || best_pure <= 0.0 || d.hybrid_usd >= best_pure * 0.95 {
        return None;
    }
    let fact = ReasonFact::HybridCheaper {
        strategy: d.s.hybrid.strategy,
        hybrid_usd: d.hybrid_usd,
        cheaper_pure_usd: best_pure,
    };
    Some(reason("hybrid.strategy", Favours::Hybrid, 2.0, fact))
}

/// Volume against the published rules of thumb, with this scenario's breakeven.
fn volume(d: &DecisionInputs) -> Option<Reason> {
    let v = d.volume;
    let predictable = d.s.criteria.traffic_pattern == TrafficPattern::Predictable;
    let (band, favours, weight) = if v < 500_000.0 {
        (VolumeBand::ApiRange, Favours::Api, 1.5)
    } else if v > 2_000_000.0 {
        let weight = if predictable { 1.5 } else { 0.75 };
        (VolumeBand::SelfHostRange, Favours::SelfHost, weight)
    } else if v > 1_000_000.0 {
        (VolumeBand::Considering, Favours::SelfHost, 0.75)
    } else {
        (VolumeBand::Between, Favours::Neutral, 0.0)
    };
    let fact = ReasonFact::Volume {
        band,
        self_host: d.self_host_kind,
        monthly_requests: v,
        breakeven_requests: d.breakeven,
        cheaper_until: d.cheaper_until,
    };
    Some(reason("workload.monthly_requests", favours, weight, fact))
}

fn traffic_pattern(d: &DecisionInputs) -> Option<Reason> {
    let pattern = d.s.criteria.traffic_pattern;
    let favours = match pattern {
        TrafficPattern::Predictable => Favours::SelfHost,
        TrafficPattern::Seasonal => Favours::Hybrid,
        TrafficPattern::Unpredictable => Favours::Api,
    };
    let fact = ReasonFact::TrafficPattern { pattern };
    Some(reason("criteria.traffic_pattern", favours, 1.0, fact))
}

/// Frontier capability and cost efficiency together are the framework's case for a
/// hybrid; frontier capability alone is a case for the API.
fn frontier_capability(d: &DecisionInputs) -> Option<Reason> {
    if !d.s.criteria.frontier_capability_needed {
        return None;
    }
    let with_cost_case = d.feasible && d.savings_share() > COST_TIE_SHARE;
    let favours = if with_cost_case {
        Favours::Hybrid
    } else {
        Favours::Api
    };
    let fact = ReasonFact::FrontierCapability { with_cost_case };
    Some(reason(
        "criteria.frontier_capability_needed",
        favours,
        2.0,
        fact,
    ))
}

fn gpu_ops_experience(d: &DecisionInputs) -> Option<Reason> {
    let has = d.s.criteria.gpu_ops_experience;
    let favours = if has { Favours::SelfHost } else { Favours::Api };
    let fact = ReasonFact::GpuOpsExperience { has };
    Some(reason("criteria.gpu_ops_experience", favours, 1.0, fact))
}

fn time_to_market(d: &DecisionInputs) -> Option<Reason> {
    let ticked = d.s.criteria.time_to_market_critical;
    ticked.then(|| {
        reason(
            "criteria.time_to_market_critical",
            Favours::Api,
            1.0,
            ReasonFact::TimeToMarket,
        )
    })
}

/// A latency target under the 50-200 ms an API round trip adds.
fn latency(d: &DecisionInputs) -> Option<Reason> {
    let slo_ms = d.s.workload.latency_slo_ms.filter(|slo| *slo < 50.0)?;
    let fact = ReasonFact::LatencySlo { slo_ms };
    Some(reason(
        "workload.latency_slo_ms",
        Favours::SelfHost,
        1.5,
        fact,
    ))
}

fn fine_tuning(d: &DecisionInputs) -> Option<Reason> {
    let ticked = d.s.criteria.fine_tuning_needed;
    ticked.then(|| {
        reason(
            "criteria.fine_tuning_needed",
            Favours::SelfHost,
            1.5,
            ReasonFact::FineTuning,
        )
    })
}

/// The option with the lowest present cost over the horizon, against the next best.
fn long_term_cost(d: &DecisionInputs) -> Option<Reason> {
    if !d.s.criteria.long_term_cost_priority {
        return None;
    }
    // Every option's present cost counts, whichever self-hosted deployment is cheaper
    // today: capital paid up front or falling volume can reverse today's order.
    let npv = &d.npv_usd;
    let (self_host, self_host_npv) = if npv.owned < npv.rented {
        (SelfHostKind::Owned, npv.owned)
    } else {
        (SelfHostKind::Rented, npv.rented)
    };
    let alternative = self_host_npv.min(npv.hybrid);
    let (lowest, lowest_usd, other_usd) = if !d.feasible || npv.api <= alternative {
        (Favours::Api, npv.api, alternative)
    } else if self_host_npv <= npv.hybrid {
        (Favours::SelfHost, self_host_npv, npv.api)
    } else {
        (Favours::Hybrid, npv.hybrid, npv.api)
    };
    let fact = ReasonFact::LongTermCost {
        lowest,
        self_host,
        horizon_months: d.horizon_months,
        lowest_usd,
        other_usd,
    };
    Some(reason(
        "criteria.long_term_cost_priority",
        lowest,
        1.0,
        fact,
    ))
}

fn use_cases_differ(d: &DecisionInputs) -> Option<Reason> {
    let ticked = d.s.criteria.use_cases_differ;
    ticked.then(|| {
        reason(
            "criteria.use_cases_differ",
            Favours::Hybrid,
            1.5,
            ReasonFact::UseCasesDiffer,
        )
    })
}

fn resilience(d: &DecisionInputs) -> Option<Reason> {
    let ticked = d.s.criteria.resilience_priority;
    ticked.then(|| {
        reason(
            "criteria.resilience_priority",
            Favours::Hybrid,
            1.0,
            ReasonFact::Resilience,
        )
    })
}

/// What caching, prompt reduction and batching cut from the API bill, and where that
/// moves the breakeven.
fn api_optimisations(d: &DecisionInputs) -> Option<Reason> {
    let field = d.main_optimisation?;
    if d.api_usd_unoptimised <= d.api_usd {
        return None;
    }
    let fact = ReasonFact::ApiOptimisations {
        unoptimised_usd: d.api_usd_unoptimised,
        optimised_usd: d.api_usd,
        breakeven_before: d.breakeven_unoptimised,
        breakeven_after: d.breakeven,
    };
    Some(reason(field, Favours::Api, 0.5, fact))
}
