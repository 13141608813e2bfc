//! The per-token API: tokens x prices, plus the fixed monthly costs.

use super::guard::input;
use super::inputs::{Resolved, TOKENS_PER_MTOK};
use super::report::{CostCategory, CostItem};
use crate::scenario::Scenario;

/// API cost as a straight line in monthly requests: `fixed_usd + usd_per_request x v`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApiLine {
    pub input_usd_per_mtok: f64,
    pub output_usd_per_mtok: f64,
    pub cached_input_usd_per_mtok: f64,
    /// Input tokens billed per request after prompt reduction.
    pub billed_input_tokens: f64,
    pub output_tokens: f64,
    /// Multiplier of every token price from the batch share: 1 - share x discount.
    pub batch_factor: f64,
    pub uncached_input_usd_per_request: f64,
    pub cached_input_usd_per_request: f64,
    pub output_usd_per_request: f64,
    pub fixed_fees_usd: f64,
    pub ops_usd: f64,
    pub implementation_usd_per_month: f64,
}

impl ApiLine {
    /// Prices come from `r` (override or catalog); `optimised` false ignores caching,
    /// prompt reduction and batching, to show what they are worth.
    pub fn new(s: &Scenario, r: &Resolved, optimised: bool) -> Self {
        let a = &s.api;
        let reduction = if optimised {
            input(a.prompt_reduction_pct, 0.0, 100.0, 0.0) / 100.0
        } else {
            0.0
        };
        let cache = if optimised {
            input(a.cache_hit_pct, 0.0, 100.0, 0.0) / 100.0
        } else {
            0.0
        };
        let batch_share = if optimised {
            input(a.batch_share_pct, 0.0, 100.0, 0.0) / 100.0
        } else {
            0.0
        };
        let batch_discount = input(a.batch_discount_pct, 0.0, 100.0, 0.0) / 100.0;
        // Batch requests are billed at (1 - discount) of list price and the rest at list,
        // so the blended price of every token is list x (1 - share x discount).
        let batch_factor = 1.0 - batch_share * batch_discount;
        let billed_input_tokens = r.input_tokens * (1.0 - reduction);
        let per_tok = |usd_per_mtok: f64| usd_per_mtok / TOKENS_PER_MTOK * batch_factor;
        Self {
            input_usd_per_mtok: r.input_usd_per_mtok,
            output_usd_per_mtok: r.output_usd_per_mtok,
            cached_input_usd_per_mtok: r.cached_input_usd_per_mtok,
            billed_input_tokens,
            output_tokens: r.output_tokens,
            batch_factor,
            uncached_input_usd_per_request: billed_input_tokens
                * (1.0 - cache)
                * per_tok(r.input_usd_per_mtok),
            cached_input_usd_per_request: billed_input_tokens
                * cache
                * per_tok(r.cached_input_usd_per_mtok),
            output_usd_per_request: r.output_tokens * per_tok(r.output_usd_per_mtok),
            fixed_fees_usd: input(a.fixed_usd_per_month, 0.0, 1.0e12, 0.0),
            ops_usd: input(a.ops_fte, 0.0, 1.0e4, 0.0) * r.loaded_fte_usd_per_month,
            implementation_usd_per_month: input(a.implementation_usd, 0.0, 1.0e12, 0.0)
                / r.horizon_months,
        }
    }

    pub fn usd_per_request(&self) -> f64 {
        self.uncached_input_usd_per_request
            + self.cached_input_usd_per_request
            + self.output_usd_per_request
    }

    pub fn fixed_usd(&self) -> f64 {
        self.fixed_fees_usd + self.ops_usd + self.implementation_usd_per_month
    }

    /// Monthly cost at `v` requests a month.
    pub fn cost(&self, v: f64) -> f64 {
        self.fixed_usd() + self.usd_per_request() * v
    }

    pub fn breakdown(&self, v: f64, fte: f64, horizon_months: f64) -> Vec<CostItem> {
        let mut items = Vec::with_capacity(6);
        items.push(CostItem {
            category: CostCategory::InputTokens,
            item: "Input tokens".into(),
            usd: self.uncached_input_usd_per_request * v,
        });
        items.push(CostItem {
            category: CostCategory::CachedInputTokens,
            item: "Cached input tokens".into(),
            usd: self.cached_input_usd_per_request * v,
        });
        items.push(CostItem {
            category: CostCategory::OutputTokens,
            item: "Output tokens".into(),
            usd: self.output_usd_per_request * v,
        });
        items.push(CostItem {
            category: CostCategory::Fees,
            item: "Fixed fees".into(),
            usd: self.fixed_fees_usd,
        });
        items.push(CostItem {
            category: CostCategory::Operations,
            item: format!("Operations ({fte} FTE)"),
            usd: self.ops_usd,
        });
        items.push(CostItem {
            category: CostCategory::Implementation,
            item: format!("Implementation over {horizon_months} months"),
            usd: self.implementation_usd_per_month,
        });
        items
    }
}
