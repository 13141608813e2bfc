//! The hybrid strategies side by side at today's volume: routing (at the scenario's
//! share), overflow, fallback (API primary, one warm self-hosted replica) and its reverse
//! (self-hosting primary, the API kept ready), each with the split and a sentence on it.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::facts::{HybridPlan, Split};
use super::guard::{guard, input};
use super::hybrid::Parts;
use super::lean::Basis;
use super::options::{cost, hybrid_option};
use super::report::{CostCategory, CostItem, HybridOption};
use super::text;
use crate::scenario::{HybridStrategy, Scenario};

/// Id of the reverse fallback in [`HybridComparison::strategies`].
pub const REVERSE_FALLBACK: &str = HybridPlan::ReverseFallback.as_str();

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HybridComparison {
    pub monthly_requests: f64,
    /// The scenario's `hybrid.strategy` (its figures are `options.hybrid`'s).
    pub chosen: HybridPlan,
    /// The strategy with the lowest monthly cost (the earlier in the list on a tie).
    pub cheapest: HybridPlan,
    /// The pure options, for comparison.
    pub api_usd: f64,
    pub self_host_usd: f64,
    /// `routing`, `overflow`, `fallback`, `reverse_fallback`, in that order.
    pub strategies: Vec<HybridOption>,
}

/// Every hybrid strategy at today's volume, its self-hosted part on the cheaper of rented
/// and owned (as `options.hybrid`).
pub fn hybrid_strategies(s: &Scenario) -> HybridComparison {
    let b = Basis::new(s);
    let (api, rented, owned) = b.lines(&b.s, &b.r);
    let parts = Parts {
        api: &api,
        rented: &rented,
        owned: &owned,
    };
    let v = b.r.volume;
    let tokens_per_request = b.r.input_tokens + b.r.output_tokens;
    let share_pct = input(s.hybrid.self_host_share_pct, 0.0, 100.0, 50.0);
    let mut strategies: Vec<HybridOption> = HybridStrategy::VARIANTS
        .iter()
        .map(|&st| hybrid_option(&parts.at(v, st, share_pct, None), st, v, tokens_per_request))
        .collect();
    strategies.push(reverse_fallback(&parts, v, tokens_per_request));

    let cheapest = strategies
        .iter()
        .fold(None::<&HybridOption>, |best, o| match best {
            Some(b) if b.monthly_usd <= o.monthly_usd => best,
            _ => Some(o),
        })
        .map_or(HybridPlan::from(s.hybrid.strategy), |o| o.strategy);
    let costs = b.costs(&b.s, &b.r);
    HybridComparison {
        monthly_requests: v,
        chosen: s.hybrid.strategy.into(),
        cheapest,
        api_usd: costs.api_usd,
        self_host_usd: costs.self_host_usd(),
        strategies,
    }
}

/// Self-hosting serves everything; the API is kept ready at its fixed monthly cost.
fn reverse_fallback(parts: &Parts, v: f64, tokens_per_request: f64) -> HybridOption {
    let h = parts.reverse_fallback(v, None);
    let api_fixed_usd = guard(h.api_usd);
    let breakdown = vec![
        CostItem {
            category: CostCategory::ApiPart,
            item: "API kept ready: fixed fees, operations, implementation".into(),
            usd: api_fixed_usd,
        },
        CostItem {
            category: CostCategory::SelfHostPart,
            item: format!(
                "Self-hosted ({}): {}",
                h.kind.id(),
                text::replicas(h.self_host_replicas)
            ),
            usd: h.self_host_usd,
        },
    ];
    HybridOption {
        cost: cost(h.usd, breakdown, v, tokens_per_request),
        strategy: HybridPlan::ReverseFallback,
        self_host_option: h.kind,
        self_host_requests_per_month: guard(h.self_host_requests),
        api_requests_per_month: 0.0,
        self_host_share_pct: if v > 0.0 { 100.0 } else { 0.0 },
        self_host_replicas: guard(h.self_host_replicas) as u64,
        split: Split::ReverseFallback {
            self_host: h.kind,
            requests: v,
            replicas: guard(h.self_host_replicas),
            api_fixed_usd,
        },
    }
}
