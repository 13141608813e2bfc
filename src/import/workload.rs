//! The derived workload's types, shared by the reader and the page. The page runs the
//! reader in a worker of its own and gets these back as JSON, so they read back from the
//! JSON they write: the few fixed names in them (the provider, a share's basis, a catalog
//! model id) read back only as one of the names the reader gives.

use serde::{Deserialize, Deserializer, Serialize};

use super::models::catalog_ids;
use super::rows::{ImportError, Skipped, Source};

/// One of the reader's fixed names. Named, because serde would otherwise borrow a `&str`
/// field from the JSON, and the JSON does not live for ever.
type Name = &'static str;

/// `text` as the one of `known` it spells.
fn one_of<E: serde::de::Error>(
    text: &str,
    known: impl Iterator<Item = &'static str> + Clone,
) -> Result<&'static str, E> {
    known.clone().find(|k| *k == text).ok_or_else(|| {
        let names: Vec<&str> = known.collect();
        E::custom(format!(
            "unknown name {text:?}: expected one of {}",
            names.join(", ")
        ))
    })
}

fn format<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    one_of(
        &String::deserialize(d)?,
        Source::ALL.iter().map(|s| s.family()),
    )
}

fn basis<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    one_of(&String::deserialize(d)?, ["requests", "tokens"].into_iter())
}

fn catalog_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|id| one_of(&id, catalog_ids()))
        .transpose()
}

/// What the files say about the workload. Volumes are per month of 730 hours; `None` is a
/// figure the files do not have (never a guess).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    /// The provider the files come from: `openai`, `anthropic`, `litellm`, `openrouter`, `focus`.
    #[serde(deserialize_with = "format")]
    pub format: Name,
    pub sources: Vec<Source>,
    pub period: Period,
    pub rows_used: usize,
    pub rows_skipped: Vec<Skipped>,
    pub requests_per_month: Option<f64>,
    pub input_tokens_per_month: f64,
    pub output_tokens_per_month: f64,
    pub input_tokens_per_request: Option<f64>,
    pub output_tokens_per_request: Option<f64>,
    /// Cache reads as a share of all input tokens.
    pub cached_input_share_pct: Option<f64>,
    /// Cache writes as a share of all input tokens.
    pub cache_write_share_pct: Option<f64>,
    pub reasoning_share_of_output_pct: Option<f64>,
    pub active_hours_per_month: Option<f64>,
    pub peak_to_average: Option<f64>,
    pub profile: Option<Profile>,
    pub batch: Option<Batch>,
    pub spend_usd_per_month: Option<f64>,
    /// FOCUS only: `BilledCost` of every row (tax, credits, non-token charges) per month.
    pub billed_usd_per_month: Option<f64>,
    pub models: Vec<ModelUse>,
}

/// The covered period, whole UTC days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub start: String,
    pub end: String,
    pub days: i64,
    pub hours: i64,
}

/// Interactive load by hour, from requests where the files count them, else from tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// `requests` or `tokens`.
    #[serde(deserialize_with = "basis")]
    pub basis: Name,
    /// Share of the interactive load in each UTC hour of the day (24 values, summing to 100).
    pub hour_of_day_pct: Vec<f64>,
    /// Load in each hour of the period, from its start (for a chart; not printed).
    #[serde(skip)]
    pub hourly: Vec<f64>,
}

/// Traffic sent through a batch API, shown apart from the interactive load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub share_pct: f64,
    /// `requests`, or `tokens` where requests are not counted.
    #[serde(deserialize_with = "basis")]
    pub share_basis: Name,
    pub requests_per_month: Option<f64>,
    pub input_tokens_per_month: f64,
    pub output_tokens_per_month: f64,
}

/// One model's use over the whole period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelUse {
    pub model: String,
    #[serde(deserialize_with = "catalog_id")]
    pub catalog_id: Option<Name>,
    pub requests: Option<f64>,
    pub input_tokens: f64,
    pub cache_read_tokens: f64,
    pub output_tokens: f64,
    pub spend_usd: Option<f64>,
    /// Share of requests, or of tokens (input + output) where requests are not counted.
    pub share_pct: f64,
}

/// What the worker answered (`super::answer`): the derived workload or why the files were
/// refused.
pub fn read_answer(json: &str) -> Result<Derived, ImportError> {
    serde_json::from_str::<Result<Derived, ImportError>>(json).unwrap_or_else(|e| {
        Err(ImportError::new(format!(
            "the reader's answer could not be read ({e}); reload the page and try again"
        )))
    })
}
