//! The report `evaluate` returns: every number the page, the charts and the command line
//! show. Dollars are US dollars, finite and non-negative unless a name says otherwise
//! (`savings_vs_api_usd_per_month` may be negative). Units are in every name. What the
//! report concludes is stated as facts (`facts.rs`), which `crate::format` words in the
//! display currency.

use serde::{Deserialize, Serialize};

use super::facts::{Decision, HybridPlan, SelfHostKind, Split};
pub use super::report_capacity::{Capacity, ScaledPoint};

/// The whole answer for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub options: Options,
    pub capacity: Capacity,
    pub breakeven: Breakevens,
    pub tco: Tco,
    pub decision: Decision,
    /// Monthly cost of each option over a log range of volumes, with the staircase edges.
    pub curve: Vec<CurvePoint>,
    /// The option with the lowest monthly cost today (infeasible self-hosting excluded).
    pub cheapest: OptionId,
    /// API cost minus the cheaper of rented and owned; negative when the API is cheaper.
    pub savings_vs_api_usd_per_month: f64,
    pub warnings: Vec<String>,
    /// The catalog figures this report used, with their sources and dates.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionId {
    Api,
    Rented,
    Owned,
    Hybrid,
}

impl OptionId {
    pub fn id(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Rented => "rented",
            Self::Owned => "owned",
            Self::Hybrid => "hybrid",
        }
    }
}

/// What kind of cost a breakdown line is: stable across scenarios, so the same kind of
/// cost stacks as one series in every option's bar while `item` carries the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    InputTokens,
    CachedInputTokens,
    OutputTokens,
    Fees,
    GpuTime,
    Redundancy,
    Capital,
    Maintenance,
    Power,
    Facility,
    Infrastructure,
    Operations,
    Implementation,
    /// The API share of a hybrid.
    ApiPart,
    /// The self-hosted share of a hybrid.
    SelfHostPart,
}

impl CostCategory {
    /// Every category, in the order charts stack them.
    pub const ALL: [CostCategory; 15] = [
        Self::InputTokens,
        Self::CachedInputTokens,
        Self::OutputTokens,
        Self::Fees,
        Self::GpuTime,
        Self::Redundancy,
        Self::Capital,
        Self::Maintenance,
        Self::Power,
        Self::Facility,
        Self::Infrastructure,
        Self::Operations,
        Self::Implementation,
        Self::ApiPart,
        Self::SelfHostPart,
    ];

    /// A short name for legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::InputTokens => "Input tokens",
            Self::CachedInputTokens => "Cached input tokens",
            Self::OutputTokens => "Output tokens",
            Self::Fees => "Fixed fees",
            Self::GpuTime => "GPU time",
            Self::Redundancy => "Redundancy",
            Self::Capital => "Capital",
            Self::Maintenance => "Maintenance",
            Self::Power => "Power",
            Self::Facility => "Facility",
            Self::Infrastructure => "Infrastructure",
            Self::Operations => "Operations",
            Self::Implementation => "Implementation",
            Self::ApiPart => "API part",
            Self::SelfHostPart => "Self-hosted part",
        }
    }
}

/// One line of a monthly cost breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostItem {
    pub category: CostCategory,
    /// The line with its detail, e.g. "GPU time: 2 replicas x 2 GPUs x 730 h".
    pub item: String,
    pub usd: f64,
}

/// The four options at today's volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Options {
    pub api: ApiOption,
    pub rented: RentedOption,
    pub owned: OwnedOption,
    pub hybrid: HybridOption,
}

/// What every option costs at today's volume: the one cost shape all options share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    pub monthly_usd: f64,
    pub breakdown: Vec<CostItem>,
    /// Monthly cost over monthly requests (0 when there are no requests).
    pub usd_per_request: f64,
    /// Monthly cost per million workload tokens (input + output as specified, before
    /// prompt reduction), so that every option is divided by the same tokens.
    pub usd_per_mtok: f64,
}

/// A self-hosted fleet at today's volume: the shape rented and owned GPUs share. Its
/// fields read through to the [`Cost`] it carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fleet {
    #[serde(flatten)]
    pub cost: Cost,
    /// False when the model does not fit the GPUs (costs are still computed).
    pub feasible: bool,
    /// Serving replicas plus redundancy replicas.
    pub replicas: u64,
    pub serving_replicas: u64,
    pub redundancy_replicas: u64,
    pub gpus: u64,
    pub gpus_per_replica: u32,
    /// Monthly requests over the whole fleet's planned capacity (redundancy included).
    pub utilization_pct: f64,
}

// Each option reads through to its shared shape, so `option.monthly_usd` means the same
// on every option while the JSON stays flat.
macro_rules! reads_through {
    ($option:ty, $field:ident: $shape:ty) => {
        impl std::ops::Deref for $option {
            type Target = $shape;
            fn deref(&self) -> &$shape {
                &self.$field
            }
        }
    };
}
reads_through!(Fleet, cost: Cost);
reads_through!(ApiOption, cost: Cost);
reads_through!(RentedOption, fleet: Fleet);
reads_through!(OwnedOption, fleet: Fleet);
reads_through!(HybridOption, cost: Cost);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiOption {
    #[serde(flatten)]
    pub cost: Cost,
    /// Prices used (override or catalog).
    pub input_usd_per_mtok: f64,
    pub output_usd_per_mtok: f64,
    pub cached_input_usd_per_mtok: f64,
    /// Token cost of one request after prompt reduction, caching and batch discount.
    pub token_usd_per_request: f64,
    /// Input tokens billed per month after prompt reduction (cached and uncached).
    pub billed_input_tokens_per_month: f64,
    pub output_tokens_per_month: f64,
}

/// Where a figure the model used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceSource {
    /// The scenario set it.
    User,
    /// The catalog's figure.
    Catalog,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RentedOption {
    #[serde(flatten)]
    pub fleet: Fleet,
    pub usd_per_gpu_hour: f64,
    /// `user` when `cloud.usd_per_gpu_hour` is set, else `catalog`.
    pub price_source: PriceSource,
    pub billed_gpu_hours_per_month: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnedOption {
    #[serde(flatten)]
    pub fleet: Fleet,
    pub gpu_price_usd: f64,
    /// GPUs x (GPU price + server share) + installation, spent up front.
    pub capital_usd: f64,
    /// The annuity that repays the capital over its life net of the residual value.
    pub monthly_capital_usd: f64,
    pub power_kw: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HybridOption {
    #[serde(flatten)]
    pub cost: Cost,
    pub strategy: HybridPlan,
    /// The self-hosted deployment used for the self-hosted part (the cheaper one).
    pub self_host_option: SelfHostKind,
    pub self_host_requests_per_month: f64,
    pub api_requests_per_month: f64,
    pub self_host_share_pct: f64,
    /// Replicas of the self-hosted part, redundancy included (0 when it is not run).
    pub self_host_replicas: u64,
    /// How the traffic is split and why, as a fact the formatter words.
    pub split: Split,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakevens {
    pub rented_vs_api: Breakeven,
    pub owned_vs_api: Breakeven,
}

/// The first whole monthly volume (from 1 request) at which self-hosting costs no more
/// than the API, on the real replica staircase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakeven {
    /// `null` when self-hosting never costs less up to the search ceiling.
    pub monthly_requests: Option<f64>,
    /// Workload tokens (input + output) at that volume.
    pub monthly_tokens: Option<f64>,
    /// The search ceiling when there is no breakeven, else `null`.
    pub not_below: Option<f64>,
    /// Serving replicas needed at the breakeven volume.
    pub replicas: Option<u64>,
    /// Where the cheaper side changes: the breakeven first, then, when self-hosting costs
    /// more again at volume, the first volume from which it costs more for good. Just past
    /// a step edge inside that range one more replica can make it dearer for a while; the
    /// curve draws those steps.
    #[serde(default)]
    pub crossings: Vec<Crossing>,
}

impl Breakeven {
    /// The last volume at which self-hosting costs no more, when it costs more again above.
    pub fn cheaper_until(&self) -> Option<f64> {
        self.crossings
            .iter()
            .find(|c| !c.self_host_cheaper)
            .map(|c| c.monthly_requests - 1.0)
    }
}

/// A volume at which the cheaper of self-hosting and the API changes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Crossing {
    /// The first whole monthly volume on the new side.
    pub monthly_requests: f64,
    /// True when self-hosting costs no more than the API from this volume on.
    pub self_host_cheaper: bool,
}

/// Month-by-month cash over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tco {
    pub months: Vec<TcoMonth>,
    /// First month in which cumulative owned cash is no more than cumulative API cash.
    pub payback_month_owned: Option<u32>,
    pub payback_month_rented: Option<u32>,
    /// Present value of each option's cash over the horizon (a cost), less the present
    /// value of the owned hardware still in service at its end.
    pub npv_usd: PerOption,
    /// Cumulative cash at the end of the horizon.
    pub total_usd: PerOption,
    /// Owned capital bought in month 1.
    pub upfront_capital_usd: f64,
    /// What the owned hardware still in service at the end of the horizon is worth (on
    /// the capital charge's schedule), credited in the NPV; 0 for the API and rented.
    #[serde(default)]
    pub remaining_value_usd: PerOption,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PerOption {
    pub api: f64,
    pub rented: f64,
    pub owned: f64,
    pub hybrid: f64,
}

/// Cash of one month: capital and implementation when spent, running costs monthly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TcoMonth {
    pub month: u32,
    pub monthly_requests: f64,
    pub api_usd: f64,
    pub rented_usd: f64,
    pub owned_usd: f64,
    pub hybrid_usd: f64,
    pub cumulative_api_usd: f64,
    pub cumulative_rented_usd: f64,
    pub cumulative_owned_usd: f64,
    pub cumulative_hybrid_usd: f64,
}

/// One point of the breakeven chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub monthly_requests: f64,
    pub api_usd: f64,
    pub rented_usd: f64,
    pub owned_usd: f64,
    pub hybrid_usd: f64,
}

/// A catalog figure the report used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// What the figure is, e.g. "claude-3.5-sonnet input price".
    pub item: String,
    pub value: f64,
    pub unit: String,
    pub source: String,
    pub as_of: String,
}
