//! The hybrid strategies side by side at today's volume: routing (at the scenario's
//! share), overflow, fallback (API primary, one warm self-hosted replica) and its reverse
//! (self-hosting primary, the API kept ready), each with the split and a sentence on it.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::hybrid::Parts;
use super::lean::Basis;
use super::report::{CostCategory, CostItem, HybridOption};
use super::{guard, guard::input, hybrid_option, text, unit_costs};
use crate::scenario::{HybridStrategy, Scenario};

/// Id of the reverse fallback in [`HybridComparison::strategies`].
pub const REVERSE_FALLBACK: &str = "reverse_fallback";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HybridComparison {
    pub monthly_requests: f64,
    /// The scenario's `hybrid.strategy` (its figures are `options.hybrid`'s).
    pub chosen: String,
    /// The strategy with the lowest monthly cost (the earlier in the list on a tie).
    pub cheapest: String,
    /// The pure options, for comparison.
    pub api_usd: f64,
    pub self_host_usd: f64,
    /// `routing`, `overflow`, `fallback`, `reverse_fallback`, in that order.
    pub strategies: Vec<HybridOption>,
}

fn replicas(n: f64) -> String {
    if n == 1.0 {
        "1 self-hosted replica".into()
    } else {
        format!("{} self-hosted replicas", text::count(n))
    }
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

    let h = parts.reverse_fallback(v, None);
    let usd = guard(h.usd);
    let (per_req, per_mtok) = unit_costs(usd, v, tokens_per_request);
    let kind = h.kind.id();
    strategies.push(HybridOption {
        monthly_usd: usd,
        breakdown: vec![
            CostItem {
                category: CostCategory::ApiPart,
                item: "API kept ready: fixed fees, operations, implementation".into(), usd: guard(h.api_usd) },
            CostItem {
                category: CostCategory::SelfHostPart,
                item: format!("Self-hosted ({kind}): {}", text::replicas(h.self_host_replicas)),
                usd: guard(h.self_host_usd),
            },
        ],
        usd_per_request: per_req,
        usd_per_mtok: per_mtok,
        strategy: REVERSE_FALLBACK.into(),
        self_host_option: h.kind,
        self_host_requests_per_month: guard(h.self_host_requests),
        api_requests_per_month: 0.0,
        self_host_share_pct: if v > 0.0 { 100.0 } else { 0.0 },
        self_host_replicas: guard(h.self_host_replicas) as u64,
        explanation: format!(
            "Reverse fallback serves all {} requests on {} on {kind} GPUs and keeps the API ready to take over, paying its fixed costs ({}) but tokens only while it stands in.",
            text::count(v),
            replicas(h.self_host_replicas),
            text::usd(guard(h.api_usd))
        ),
    });

    let mut cheapest = 0;
    for (i, o) in strategies.iter().enumerate() {
        if o.monthly_usd < strategies[cheapest].monthly_usd {
            cheapest = i;
        }
    }
    let costs = b.costs(&b.s, &b.r);
    HybridComparison {
        monthly_requests: v,
        chosen: s.hybrid.strategy.id().into(),
        cheapest: strategies[cheapest].strategy.clone(),
        api_usd: costs.api_usd,
        self_host_usd: costs.self_host_usd(),
        strategies,
    }
}
