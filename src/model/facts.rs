//! What the model concludes, as facts: a kind with its numbers and ids. The formatter
//! (`crate::format`) words them in the display currency, so no amount is ever written
//! here in one currency and shown beside figures in another.

use serde::{Deserialize, Serialize};

use crate::scenario::{DataSensitivity, HybridStrategy, TrafficPattern};

/// Which self-hosted deployment a hybrid uses for its self-hosted part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfHostKind {
    Rented,
    Owned,
}

impl SelfHostKind {
    pub fn id(self) -> &'static str {
        match self {
            Self::Rented => "rented",
            Self::Owned => "owned",
        }
    }
}

/// A way of splitting traffic: the scenario's three strategies and the reverse fallback
/// the strategy comparison adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HybridPlan {
    Routing,
    Overflow,
    Fallback,
    /// Self-hosting primary, the API kept ready to take over.
    ReverseFallback,
}

impl HybridPlan {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Routing => "routing",
            Self::Overflow => "overflow",
            Self::Fallback => "fallback",
            Self::ReverseFallback => "reverse_fallback",
        }
    }
}

impl From<HybridStrategy> for HybridPlan {
    fn from(s: HybridStrategy) -> Self {
        match s {
            HybridStrategy::Routing => Self::Routing,
            HybridStrategy::Overflow => Self::Overflow,
            HybridStrategy::Fallback => Self::Fallback,
        }
    }
}

impl PartialEq<&str> for HybridPlan {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for HybridPlan {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// How a hybrid splits today's traffic, and why.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Split {
    /// The scenario's share goes to self-hosting, the rest to the API.
    Routing {
        self_host: SelfHostKind,
        share_pct: f64,
        self_host_requests: f64,
        replicas: f64,
    },
    /// The cheapest whole number of replicas, the excess to the API.
    Overflow {
        self_host: SelfHostKind,
        replicas: f64,
        self_host_requests: f64,
        api_requests: f64,
    },
    /// Overflow finds self-hosting everything cheapest.
    OverflowAllSelfHosted {
        self_host: SelfHostKind,
        replicas: f64,
    },
    /// Overflow finds no number of replicas that pays.
    OverflowAllApi,
    /// Everything to the API, one warm replica kept for failover.
    Fallback { self_host: SelfHostKind },
    /// Everything self-hosted, the API kept ready at its fixed monthly cost.
    ReverseFallback {
        self_host: SelfHostKind,
        requests: f64,
        replicas: f64,
        api_fixed_usd: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    Api,
    SelfHost,
    Hybrid,
}

impl Recommendation {
    pub fn id(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::SelfHost => "self_host",
            Self::Hybrid => "hybrid",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// Whom a reason speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Favours {
    Api,
    SelfHost,
    Hybrid,
    /// Information that moves no option (for example a close cost comparison).
    Neutral,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub recommendation: Recommendation,
    pub confidence: Confidence,
    /// 0-100: the recommended option's share of all reasons' weight.
    pub confidence_score: u8,
    /// For a self-host or hybrid answer: rent or buy the GPUs.
    pub self_host_option: SelfHostKind,
    /// The answer in one fact, worded as the summary sentence.
    pub headline: Headline,
    pub reasons: Vec<Reason>,
}

/// The answer with the figures its sentence quotes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Headline {
    /// Data must stay inside but the model fits no GPU configuration.
    Conflicted,
    Api {
        api_usd: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        breakeven_requests: Option<f64>,
        /// The last volume at which self-hosting costs no more, when it costs more again
        /// above it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cheaper_until: Option<f64>,
    },
    SelfHost {
        self_host: SelfHostKind,
        self_host_usd: f64,
        api_usd: f64,
    },
    Hybrid {
        strategy: HybridStrategy,
        self_host: SelfHostKind,
        hybrid_usd: f64,
        api_usd: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// The scenario field behind the reason (e.g. `criteria.data_sensitivity`), or `cost`.
    pub criterion: String,
    pub favours: Favours,
    /// How much the reason counts in the score (a hard constraint is not scored: it decides).
    pub weight: f64,
    /// What the reason says, with its numbers.
    pub fact: ReasonFact,
}

/// Where today's volume sits against the published rules of thumb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeBand {
    /// Under 500,000 requests a month: APIs are usually the better start.
    ApiRange,
    /// Between 500,000 and 1 million.
    Between,
    /// 1-2 million: self-hosting becomes worth considering.
    Considering,
    /// Above 2 million: self-hosting usually pays.
    SelfHostRange,
}

/// One reason of the decision framework, with the figures its sentence quotes. A figure
/// that may be missing (no breakeven) is left out of the JSON rather than written `null`,
/// which the report keeps for its documented optional fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonFact {
    DataSensitivity {
        sensitivity: DataSensitivity,
    },
    /// The model fits no GPU configuration; `why` is the memory check's explanation.
    SelfHostInfeasible {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<String>,
    },
    /// The cheaper self-hosted option against the API; `tie_pct` is the gap under which
    /// the two count as equal.
    Cost {
        self_host: SelfHostKind,
        api_usd: f64,
        self_host_usd: f64,
        tie_pct: f64,
    },
    HybridCheaper {
        strategy: HybridStrategy,
        hybrid_usd: f64,
        cheaper_pure_usd: f64,
    },
    Volume {
        band: VolumeBand,
        self_host: SelfHostKind,
        monthly_requests: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        breakeven_requests: Option<f64>,
        /// The last volume at which self-hosting costs no more, when it costs more again
        /// above it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cheaper_until: Option<f64>,
    },
    TrafficPattern {
        pattern: TrafficPattern,
    },
    /// Frontier capability needed; `with_cost_case` when self-hosting also saves money.
    FrontierCapability {
        with_cost_case: bool,
    },
    GpuOpsExperience {
        has: bool,
    },
    TimeToMarket,
    FineTuning,
    /// The lowest present cost over the horizon (`lowest`) against the next best, every
    /// option compared; `self_host` is the deployment with the lower present cost.
    LongTermCost {
        lowest: Favours,
        self_host: SelfHostKind,
        horizon_months: u32,
        lowest_usd: f64,
        other_usd: f64,
    },
    UseCasesDiffer,
    Resilience,
    LatencySlo {
        slo_ms: f64,
    },
    /// Caching, prompt reduction and batching, with the breakeven before and after.
    ApiOptimisations {
        unoptimised_usd: f64,
        optimised_usd: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        breakeven_before: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        breakeven_after: Option<f64>,
    },
}
