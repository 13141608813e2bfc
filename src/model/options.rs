//! The options at today's volume as the report shows them: the cost shape every option
//! shares, and a hybrid strategy with how it splits the traffic.

use super::facts::{HybridPlan, Split};
use super::guard::guard;
use super::hybrid::HybridCalc;
use super::inputs::TOKENS_PER_MTOK;
use super::report::{Cost, CostCategory, CostItem, HybridOption};
use super::text;
use crate::scenario::HybridStrategy;

/// The cost shape of an option: the monthly cost over requests and over million
/// workload tokens (0 without traffic), every figure guarded.
pub(crate) fn cost(
    usd: f64,
    mut breakdown: Vec<CostItem>,
    v: f64,
    tokens_per_request: f64,
) -> Cost {
    let monthly_usd = guard(usd);
    for i in &mut breakdown {
        i.usd = guard(i.usd);
    }
    let mtok = v * tokens_per_request / TOKENS_PER_MTOK;
    let per = |divisor: f64| {
        if v > 0.0 && divisor > 0.0 {
            guard(monthly_usd / divisor)
        } else {
            0.0
        }
    };
    Cost {
        monthly_usd,
        breakdown,
        usd_per_request: per(v),
        usd_per_mtok: per(mtok),
    }
}

/// A hybrid strategy at one volume as an option: its cost, the split and why.
pub(crate) fn hybrid_option(
    h: &HybridCalc,
    strategy: HybridStrategy,
    v: f64,
    tokens_per_request: f64,
) -> HybridOption {
    let kind = h.kind.id();
    let share = if v > 0.0 {
        h.self_host_requests / v * 100.0
    } else {
        0.0
    };
    let mut breakdown = Vec::with_capacity(2);
    if h.uses_api {
        breakdown.push(CostItem {
            category: CostCategory::ApiPart,
            item: format!("API part: {} requests", text::count(h.api_requests)),
            usd: h.api_usd,
        });
    }
    if h.uses_self_host {
        breakdown.push(CostItem {
            category: CostCategory::SelfHostPart,
            item: format!(
                "Self-hosted part ({kind}): {}",
                text::replicas(h.self_host_replicas)
            ),
            usd: h.self_host_usd,
        });
    }
    HybridOption {
        cost: cost(h.usd, breakdown, v, tokens_per_request),
        strategy: HybridPlan::from(strategy),
        self_host_option: h.kind,
        self_host_requests_per_month: guard(h.self_host_requests),
        api_requests_per_month: guard(h.api_requests),
        self_host_share_pct: guard(share),
        self_host_replicas: guard(h.self_host_replicas) as u64,
        split: split(h, strategy, share),
    }
}

fn split(h: &HybridCalc, strategy: HybridStrategy, share_pct: f64) -> Split {
    let self_host = h.kind;
    let replicas = guard(h.self_host_replicas);
    let self_host_requests = guard(h.self_host_requests);
    match strategy {
        HybridStrategy::Routing => Split::Routing {
            self_host,
            share_pct: guard(share_pct),
            self_host_requests,
            replicas,
        },
        HybridStrategy::Overflow => match h.overflow_replicas {
            Some(k) if k > 0.0 && h.api_requests > 0.0 => Split::Overflow {
                self_host,
                replicas: guard(k),
                self_host_requests,
                api_requests: guard(h.api_requests),
            },
            Some(k) if k > 0.0 => Split::OverflowAllSelfHosted {
                self_host,
                replicas: guard(k),
            },
            _ => Split::OverflowAllApi,
        },
        HybridStrategy::Fallback => Split::Fallback { self_host },
    }
}
