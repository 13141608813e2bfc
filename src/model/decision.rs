//! The decision framework: criteria and costs turned into a recommendation with reasons.
//!
//! Each reason names the field behind it and carries a weight; the recommendation is the
//! allowed option with the most weight, and the confidence is its share of all weight.
//! Hard constraints are not weighed: data that must stay inside rules out the API alone,
//! and a model that fits no GPU configuration rules out self-hosting.

use super::report::{
    Confidence, Decision, Favours, PerOption, Reason, Recommendation, SelfHostKind,
};
use super::text::{count, pct, usd};
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
    pub breakeven_unoptimised: Option<f64>,
    pub api_usd_unoptimised: f64,
    /// The optimisation field that saves the most, if any saves anything.
    pub main_optimisation: Option<&'static str>,
    pub npv_usd: PerOption,
    pub horizon_months: u32,
}

fn reason(criterion: &str, favours: Favours, weight: f64, text: String) -> Reason {
    Reason {
        criterion: criterion.into(),
        favours,
        weight,
        text,
    }
}

fn breakeven_text(b: Option<f64>) -> String {
    match b {
        Some(v) => format!("{} requests a month", count(v)),
        None => "no volume up to 100 billion requests a month".into(),
    }
}

pub fn decide(d: &DecisionInputs) -> Decision {
    let s = d.s;
    let c = &s.criteria;
    let kind = d.self_host_kind.id();
    let mut reasons = Vec::with_capacity(12);

    match c.data_sensitivity {
        DataSensitivity::MustStayInternal => reasons.push(reason(
            "criteria.data_sensitivity",
            Favours::SelfHost,
            0.0,
            "Data must stay inside the organisation (GDPR, HIPAA, residency), which rules out sending it all to an external API.".into(),
        )),
        DataSensitivity::Internal => reasons.push(reason(
            "criteria.data_sensitivity",
            Favours::SelfHost,
            0.5,
            "The data is internal: an API needs a data-processing agreement, and keeping it in-house is preferred.".into(),
        )),
        DataSensitivity::Public => reasons.push(reason(
            "criteria.data_sensitivity",
            Favours::Api,
            0.5,
            "Data sensitivity does not prohibit external processing.".into(),
        )),
    }

    // Cost at today's volume.
    if !d.feasible {
        reasons.push(reason(
            "self_host.model",
            Favours::Api,
            0.0,
            format!(
                "Self-hosting is not possible as configured: {}",
                d.infeasible_reason
                    .unwrap_or("the model does not fit the GPUs.")
            ),
        ));
    } else {
        let savings = d.api_usd - d.self_host_usd;
        let share = if d.api_usd > 0.0 {
            savings / d.api_usd
        } else if savings < 0.0 {
            -1.0
        } else {
            0.0
        };
        if share > COST_TIE_SHARE {
            reasons.push(reason(
                "cost",
                Favours::SelfHost,
                2.0 + 2.0 * share.min(1.0),
                format!(
                    "Self-hosting on {kind} GPUs costs {} a month against {} for the API, saving {} ({}).",
                    usd(d.self_host_usd), usd(d.api_usd), usd(savings), pct(share * 100.0)
                ),
            ));
        } else if share < -COST_TIE_SHARE {
            reasons.push(reason(
                "cost",
                Favours::Api,
                2.0 + 2.0 * (-share).min(1.0),
                format!(
                    "The API costs {} a month against {} for self-hosting on {kind} GPUs, {} less.",
                    usd(d.api_usd),
                    usd(d.self_host_usd),
                    usd(-savings)
                ),
            ));
        } else {
            reasons.push(reason(
                "cost",
                Favours::Neutral,
                0.0,
                format!(
                    "The API ({} a month) and self-hosting on {kind} GPUs ({}) cost within {} of each other.",
                    usd(d.api_usd), usd(d.self_host_usd), pct(COST_TIE_SHARE * 100.0)
                ),
            ));
        }
        let best_pure = d.api_usd.min(d.self_host_usd);
        if best_pure > 0.0 && d.hybrid_usd < best_pure * 0.95 {
            reasons.push(reason(
                "hybrid.strategy",
                Favours::Hybrid,
                2.0,
                format!(
                    "The {} hybrid costs {} a month, {} less than the cheaper pure option.",
                    s.hybrid.strategy.id(),
                    usd(d.hybrid_usd),
                    pct((1.0 - d.hybrid_usd / best_pure) * 100.0)
                ),
            ));
        }
    }

    // Volume against the published rules of thumb, with this scenario's breakeven.
    let v = d.volume;
    let be = breakeven_text(d.breakeven);
    let predictable = c.traffic_pattern == TrafficPattern::Predictable;
    if v < 500_000.0 {
        reasons.push(reason(
            "workload.monthly_requests",
            Favours::Api,
            1.5,
            format!(
                "{} requests a month is under the roughly 500,000 where APIs are usually the better start; self-hosting on {kind} GPUs breaks even at {be}.",
                count(v)
            ),
        ));
    } else if v > 2_000_000.0 {
        reasons.push(reason(
            "workload.monthly_requests",
            Favours::SelfHost,
            if predictable { 1.5 } else { 0.75 },
            format!(
                "{} requests a month is above the 1-2 million where self-hosting usually pays; here it breaks even at {be}.",
                count(v)
            ),
        ));
    } else if v > 1_000_000.0 {
        reasons.push(reason(
            "workload.monthly_requests",
            Favours::SelfHost,
            0.75,
            format!(
                "{} requests a month is in the 1-2 million band where self-hosting becomes worth considering; here it breaks even at {be}.",
                count(v)
            ),
        ));
    } else {
        reasons.push(reason(
            "workload.monthly_requests",
            Favours::Neutral,
            0.0,
            format!(
                "{} requests a month is between the usual API and self-hosting ranges; self-hosting on {kind} GPUs breaks even at {be}.",
                count(v)
            ),
        ));
    }

    match c.traffic_pattern {
        TrafficPattern::Predictable => reasons.push(reason(
            "criteria.traffic_pattern",
            Favours::SelfHost,
            1.0,
            "Predictable traffic keeps self-hosted GPUs busy.".into(),
        )),
        TrafficPattern::Seasonal => reasons.push(reason(
            "criteria.traffic_pattern",
            Favours::Hybrid,
            1.0,
            "Seasonal peaks suit a hybrid: self-host the base load and let the API absorb the peaks.".into(),
        )),
        TrafficPattern::Unpredictable => reasons.push(reason(
            "criteria.traffic_pattern",
            Favours::Api,
            1.0,
            "Unpredictable traffic would leave GPUs idle; per-token billing follows demand.".into(),
        )),
    }
    if c.frontier_capability_needed {
        // Frontier capability and cost efficiency together are the framework's case for
        // a hybrid; frontier capability alone is a case for the API.
        reasons.push(if d.feasible && d.api_usd - d.self_host_usd > COST_TIE_SHARE * d.api_usd {
            reason(
                "criteria.frontier_capability_needed",
                Favours::Hybrid,
                2.0,
                "Frontier capability and cost efficiency are both needed: keep the frontier API for the hard cases and self-host the rest.".into(),
            )
        } else {
            reason(
                "criteria.frontier_capability_needed",
                Favours::Api,
                2.0,
                "The use case needs frontier capability that open-weight models may not match.".into(),
            )
        });
    }
    reasons.push(if c.gpu_ops_experience {
        reason(
            "criteria.gpu_ops_experience",
            Favours::SelfHost,
            1.0,
            "The team has run GPU inference, so self-hosting is within reach.".into(),
        )
    } else {
        reason(
            "criteria.gpu_ops_experience",
            Favours::Api,
            1.0,
            "The team has no GPU or ML-ops experience: self-hosting means hiring or learning it first.".into(),
        )
    });
    if c.time_to_market_critical {
        reasons.push(reason(
            "criteria.time_to_market_critical",
            Favours::Api,
            1.0,
            "Time to market is critical: an API ships in days, a self-hosted deployment in weeks or months.".into(),
        ));
    }
    if c.fine_tuning_needed {
        reasons.push(reason(
            "criteria.fine_tuning_needed",
            Favours::SelfHost,
            1.5,
            "Extensive customisation such as fine-tuning is easiest on a model you host.".into(),
        ));
    }
    if c.long_term_cost_priority {
        let self_host_npv = match d.self_host_kind {
            SelfHostKind::Rented => d.npv_usd.rented,
            SelfHostKind::Owned => d.npv_usd.owned,
        };
        let alternative = self_host_npv.min(d.npv_usd.hybrid);
        let (favours, what, value, other, other_value) =
            if !d.feasible || d.npv_usd.api <= alternative {
                (
                    Favours::Api,
                    "the API".to_string(),
                    d.npv_usd.api,
                    "the best alternative",
                    alternative,
                )
            } else if self_host_npv <= d.npv_usd.hybrid {
                (
                    Favours::SelfHost,
                    format!("self-hosting on {kind} GPUs"),
                    self_host_npv,
                    "the API",
                    d.npv_usd.api,
                )
            } else {
                (
                    Favours::Hybrid,
                    "the hybrid".to_string(),
                    d.npv_usd.hybrid,
                    "the API",
                    d.npv_usd.api,
                )
            };
        reasons.push(reason(
            "criteria.long_term_cost_priority",
            favours,
            1.0,
            format!(
                "Long-term cost comes first: over {} months {what} has the lowest present cost, {} ({other} {}).",
                d.horizon_months, usd(value), usd(other_value)
            ),
        ));
    }
    if c.use_cases_differ {
        reasons.push(reason(
            "criteria.use_cases_differ",
            Favours::Hybrid,
            1.5,
            "The use cases differ: route each to the API or the self-hosted model that suits it."
                .into(),
        ));
    }
    if c.resilience_priority {
        reasons.push(reason(
            "criteria.resilience_priority",
            Favours::Hybrid,
            1.0,
            "Resilience matters: a hybrid keeps a second provider to fail over to.".into(),
        ));
    }
    if let Some(slo) = s.workload.latency_slo_ms
        && slo < 50.0
    {
        reasons.push(reason(
            "workload.latency_slo_ms",
            Favours::SelfHost,
            1.5,
            format!(
                "A latency target of {slo:.0} ms is below the 50-200 ms an API round trip adds."
            ),
        ));
    }
    if let Some(field) = d.main_optimisation
        && d.api_usd_unoptimised > d.api_usd
    {
        let cut = (1.0 - d.api_usd / d.api_usd_unoptimised) * 100.0;
        let moved = if d.breakeven == d.breakeven_unoptimised {
            format!(
                "the self-hosting breakeven stays at {}",
                breakeven_text(d.breakeven)
            )
        } else {
            format!(
                "move the self-hosting breakeven from {} to {}",
                breakeven_text(d.breakeven_unoptimised),
                breakeven_text(d.breakeven)
            )
        };
        reasons.push(reason(
            field,
            Favours::Api,
            0.5,
            format!(
                "Caching, prompt reduction and batching cut the API bill by {} ({} to {} a month) and {moved}.",
                pct(cut), usd(d.api_usd_unoptimised), usd(d.api_usd)
            ),
        ));
    }

    // Score the options that the hard constraints allow.
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
    let score = score.clamp(0.0, 100.0).round();
    let confidence = if conflicted || score < 50.0 {
        Confidence::Low
    } else if score < 70.0 {
        Confidence::Medium
    } else {
        Confidence::High
    };
    let summary = match recommendation {
        _ if conflicted => "Self-host, but not as configured: the data must stay inside and the model does not fit the chosen GPUs.".to_string(),
        Recommendation::Api => format!(
            "Start with the API: {} a month today; self-hosting breaks even at {}.",
            usd(d.api_usd),
            breakeven_text(d.breakeven)
        ),
        Recommendation::SelfHost => format!(
            "Self-host on {kind} GPUs: {} a month against {} for the API.",
            usd(d.self_host_usd),
            usd(d.api_usd)
        ),
        Recommendation::Hybrid => format!(
            "Run a {} hybrid with {kind} GPUs: {} a month against {} for the API.",
            s.hybrid.strategy.id(),
            usd(d.hybrid_usd),
            usd(d.api_usd)
        ),
    };
    Decision {
        recommendation,
        confidence,
        confidence_score: score as u8,
        self_host_option: d.self_host_kind,
        summary,
        reasons,
    }
}
