//! The normalised rows every export is read into, and the error a refused file gets.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An export the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `GET /v1/organization/usage/completions` (JSON).
    #[serde(rename = "openai_usage")]
    OpenAiUsage,
    /// `GET /v1/organization/costs` (JSON).
    #[serde(rename = "openai_costs")]
    OpenAiCosts,
    /// `GET /v1/organizations/usage_report/messages` (JSON).
    AnthropicUsage,
    /// `GET /v1/organizations/cost_report` (JSON).
    AnthropicCost,
    /// LiteLLM proxy `LiteLLM_SpendLogs` as CSV.
    #[serde(rename = "litellm_spend_logs")]
    LiteLlmSpendLogs,
    /// OpenRouter per-generation activity CSV.
    #[serde(rename = "openrouter_activity")]
    OpenRouterActivity,
    /// FOCUS 1.x cost-and-usage CSV.
    Focus,
}

impl Source {
    /// Every export the importer reads.
    pub const ALL: [Self; 7] = [
        Self::OpenAiUsage,
        Self::OpenAiCosts,
        Self::AnthropicUsage,
        Self::AnthropicCost,
        Self::LiteLlmSpendLogs,
        Self::OpenRouterActivity,
        Self::Focus,
    ];

    /// The provider, the unit that combines: a usage export and its cost export.
    pub fn family(self) -> &'static str {
        match self {
            Self::OpenAiUsage | Self::OpenAiCosts => "openai",
            Self::AnthropicUsage | Self::AnthropicCost => "anthropic",
            Self::LiteLlmSpendLogs => "litellm",
            Self::OpenRouterActivity => "openrouter",
            Self::Focus => "focus",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::OpenAiUsage => "OpenAI usage export",
            Self::OpenAiCosts => "OpenAI costs export",
            Self::AnthropicUsage => "Anthropic usage report",
            Self::AnthropicCost => "Anthropic cost report",
            Self::LiteLlmSpendLogs => "LiteLLM spend log",
            Self::OpenRouterActivity => "OpenRouter activity export",
            Self::Focus => "FOCUS cost-and-usage export",
        }
    }
}

/// One row of usage, normalised: `input_tokens` is the whole input, cache reads and writes
/// included; `output_tokens` the whole output, reasoning included.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageRow {
    /// Start of the row's time (unix seconds, UTC): a bucket's start or a request's time.
    pub start_s: i64,
    /// Width of the row's time in seconds: the bucket width, or one second for one request.
    pub width_s: i64,
    pub model: String,
    /// `None` where the format has no request count (Anthropic usage, FOCUS).
    pub requests: Option<f64>,
    pub input_tokens: f64,
    pub cache_read_tokens: f64,
    pub cache_write_tokens: f64,
    pub output_tokens: f64,
    /// `None` where the format does not report it.
    pub reasoning_tokens: Option<f64>,
    /// `None` where the row carries no money (spend then comes from a cost export).
    pub spend_usd: Option<f64>,
    /// `None` where the format does not say whether a row went through a batch API.
    pub batch: Option<bool>,
}

/// Spend from a cost export (OpenAI Costs API, Anthropic cost report).
#[derive(Debug, Clone, PartialEq)]
pub struct CostRow {
    pub start_s: i64,
    pub end_s: i64,
    pub model: Option<String>,
    pub usd: f64,
}

/// What one file held, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub source: Source,
    pub usage: Vec<UsageRow>,
    pub costs: Vec<CostRow>,
    pub skipped: Vec<Skipped>,
    /// Every bucket the file covers, empty ones included (an hour without traffic is still
    /// part of the period): (first start, last end) in unix seconds.
    pub extent: Option<(i64, i64)>,
    /// FOCUS only: `BilledCost` over every row (tax, credits and non-token rows included).
    pub billed_usd: Option<f64>,
}

impl Parsed {
    pub(super) fn new(source: Source) -> Self {
        Self {
            source,
            usage: Vec::new(),
            costs: Vec::new(),
            skipped: Vec::new(),
            extent: None,
            billed_usd: None,
        }
    }

    /// Counts a row left out, grouped by reason.
    pub(super) fn skip(&mut self, reason: &str, at: &str) {
        match self.skipped.iter_mut().find(|s| s.reason == reason) {
            Some(s) => s.rows += 1,
            None => self.skipped.push(Skipped {
                reason: reason.to_string(),
                rows: 1,
                first: at.to_string(),
            }),
        }
    }

    pub(super) fn cover(&mut self, start_s: i64, end_s: i64) {
        self.extent = Some(match self.extent {
            Some((a, b)) => (a.min(start_s), b.max(end_s)),
            None => (start_s, end_s),
        });
    }
}

/// Why a file was refused: the problem, where it is, and what is allowed. Nothing of a
/// refused file is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    /// 1-based index of the file among those given together; `None` for a single file.
    pub file: Option<usize>,
    /// Where in the file: "line 14", "bucket 3, result 2".
    pub at: Option<String>,
    pub problem: String,
}

impl ImportError {
    pub(super) fn new(problem: impl Into<String>) -> Self {
        Self {
            file: None,
            at: None,
            problem: problem.into(),
        }
    }

    pub(super) fn at(at: &str, problem: impl Into<String>) -> Self {
        Self {
            file: None,
            at: Some(at.to_string()),
            problem: problem.into(),
        }
    }

    /// The message with the file named as the caller knows it (a path, a dropped file's name).
    pub fn describe(&self, file_name: Option<&str>) -> String {
        let mut out = String::new();
        match (file_name, self.file) {
            (Some(name), _) => out.push_str(&format!("{name}: ")),
            (None, Some(i)) => out.push_str(&format!("file {i}: ")),
            (None, None) => {}
        }
        if let Some(at) = &self.at {
            out.push_str(&format!("{at}: "));
        }
        out.push_str(&self.problem);
        out
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(None))
    }
}

impl std::error::Error for ImportError {}

/// Rows left out, grouped by why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub reason: String,
    pub rows: usize,
    /// Where the first such row is.
    pub first: String,
}
