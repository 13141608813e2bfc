//! The split between options, the organisation's money, and the decision framework's
//! questions.

use serde::{Deserialize, Serialize};

crate::choice_enum! {
    /// How traffic is split between the API and self-hosting.
    pub enum HybridStrategy {
        Routing,
        Overflow,
        Fallback,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hybrid {
    pub strategy: HybridStrategy,
    /// Share of requests routed to self-hosting (routing strategy).
    pub self_host_share_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Org {
    pub loaded_fte_usd_per_month: f64,
    pub horizon_months: u32,
    pub discount_rate_pct: f64,
    /// Display currency code (ISO 4217); the model computes in USD.
    pub currency: String,
    /// Units of the display currency per US dollar.
    pub usd_exchange_rate: f64,
}

crate::choice_enum! {
    /// How sensitive the data is: the one hard constraint of the decision.
    pub enum DataSensitivity {
        /// External processing is fine.
        Public,
        /// External processing is allowed under a data-processing agreement, but in-house is preferred.
        Internal,
        /// Data must not leave the organisation (GDPR, HIPAA, residency).
        MustStayInternal,
    }
}

crate::choice_enum! {
    /// Traffic shape over the year.
    pub enum TrafficPattern {
        Predictable,
        Seasonal,
        Unpredictable,
    }
}

/// The decision framework's questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Criteria {
    pub data_sensitivity: DataSensitivity,
    pub traffic_pattern: TrafficPattern,
    /// The use case needs frontier (closed-model) capability.
    pub frontier_capability_needed: bool,
    /// The team has GPU and ML-ops experience.
    pub gpu_ops_experience: bool,
    pub time_to_market_critical: bool,
    /// Extensive customisation such as fine-tuning is needed.
    pub fine_tuning_needed: bool,
    pub long_term_cost_priority: bool,
    /// Several use cases with different needs.
    pub use_cases_differ: bool,
    pub resilience_priority: bool,
}

impl Default for Hybrid {
    fn default() -> Self {
        Self {
            strategy: HybridStrategy::Routing,
            self_host_share_pct: 50.0,
        }
    }
}

impl Default for Org {
    fn default() -> Self {
        Self {
            loaded_fte_usd_per_month: 16_000.0,
            horizon_months: 36,
            discount_rate_pct: 8.0,
            currency: "USD".into(),
            usd_exchange_rate: 1.0,
        }
    }
}

impl Default for Criteria {
    fn default() -> Self {
        Self {
            data_sensitivity: DataSensitivity::Public,
            traffic_pattern: TrafficPattern::Predictable,
            frontier_capability_needed: false,
            gpu_ops_experience: false,
            time_to_market_critical: false,
            fine_tuning_needed: false,
            long_term_cost_priority: false,
            use_cases_differ: false,
            resilience_priority: false,
        }
    }
}
