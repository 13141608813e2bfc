//! Which export a file is, told from its content alone: the JSON shape (bucket keys, result
//! fields) or the CSV header's column names.

use serde::Serialize;
use serde_json::Value;

use super::ImportError;
use super::read::Table;

/// An export the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

pub(super) enum Input<'a> {
    Json(Value),
    Csv(Table<'a>),
}

const KNOWN: &str = "the importer reads the OpenAI usage or costs JSON, the Anthropic usage or cost report JSON, LiteLLM spend logs CSV, the OpenRouter activity CSV and FOCUS CSV";

pub(super) fn detect(text: &str) -> Result<(Source, Input<'_>), ImportError> {
    let first = text.trim_start().chars().next();
    if matches!(first, Some('{' | '[')) {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            ImportError::new(if e.is_eof() {
                format!("the JSON ends early (the file is truncated): {e}")
            } else {
                format!("malformed JSON: {e}")
            })
        })?;
        return Ok((json_source(&value)?, Input::Json(value)));
    }
    let table = Table::new(text).map_err(|e| {
        ImportError::new(format!(
            "unknown format: neither JSON nor a CSV table ({}); {KNOWN}",
            e.describe(None)
        ))
    })?;
    Ok((csv_source(&table)?, Input::Csv(table)))
}

fn json_source(value: &Value) -> Result<Source, ImportError> {
    let unknown = || {
        ImportError::new(format!(
            "unknown format: a JSON file without a \"data\" list of usage or cost buckets; {KNOWN}"
        ))
    };
    let buckets = value
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(unknown)?;
    let bucket = buckets.iter().find(|b| b.is_object()).ok_or_else(|| {
        ImportError::new("no usable rows: the export's \"data\" list holds no buckets")
    })?;
    let openai = bucket.get("start_time").is_some();
    let anthropic = bucket.get("starting_at").is_some();
    if !openai && !anthropic {
        return Err(unknown());
    }
    let result = buckets
        .iter()
        .filter_map(|b| b.get("results")?.as_array()?.first())
        .next()
        .ok_or_else(|| ImportError::new("no usable rows: every bucket of the export is empty"))?;
    let object = result.get("object").and_then(Value::as_str).unwrap_or("");
    let has = |k: &str| result.get(k).is_some();
    if openai {
        if object == "organization.costs.result" || (object.is_empty() && has("amount")) {
            return Ok(Source::OpenAiCosts);
        }
        if object == "organization.usage.completions.result"
            || (object.is_empty() && has("num_model_requests"))
        {
            return Ok(Source::OpenAiUsage);
        }
        let shown: String = object.chars().take(60).collect();
        return Err(ImportError::new(format!(
            "an OpenAI export of \"{shown}\" results: only completions usage (/v1/organization/usage/completions) and costs are read"
        )));
    }
    if has("amount") {
        Ok(Source::AnthropicCost)
    } else if has("uncached_input_tokens") {
        Ok(Source::AnthropicUsage)
    } else {
        Err(unknown())
    }
}

fn csv_source(t: &Table) -> Result<Source, ImportError> {
    let all = |cols: &[&str]| cols.iter().all(|c| t.has(c));
    if all(&[
        "request_id",
        "startTime",
        "prompt_tokens",
        "completion_tokens",
        "spend",
    ]) {
        return Ok(Source::LiteLlmSpendLogs);
    }
    if all(&[
        "generation_id",
        "created_at",
        "tokens_prompt",
        "tokens_completion",
        "cost_total",
    ]) {
        return Ok(Source::OpenRouterActivity);
    }
    if all(&[
        "ChargePeriodStart",
        "ChargePeriodEnd",
        "ChargeCategory",
        "ConsumedQuantity",
        "ConsumedUnit",
    ]) {
        return Ok(Source::Focus);
    }
    let hint = if t.has("start_time_iso") && t.has("num_model_requests") {
        "this looks like the OpenAI dashboard's CSV, which is not read: export the usage API's JSON (bucket_width=1h, group_by=model,batch)"
    } else if t.has("usage_date_utc") {
        "this looks like a Claude Console CSV, which is not read: export the Admin API's usage report JSON (bucket_width=1h)"
    } else if t.has("Slug") && t.has("Requests") {
        "this looks like OpenRouter's daily activity CSV, which is not read: export the per-generation activity CSV"
    } else {
        KNOWN
    };
    Err(ImportError::at(
        "line 1",
        format!("unknown format: the header matches no usage export; {hint}"),
    ))
}
