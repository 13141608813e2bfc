//! Which export a file is, told from its content alone: the JSON shape (bucket keys, result
//! fields) or the CSV header's column names; the file is then read by that export's reader.

use serde_json::Value;

use super::read::Table;
use super::rows::{ImportError, Parsed};
use super::{anthropic, focus, litellm, openai, openrouter};

/// The JSON exports, told apart by their shape.
enum JsonExport {
    OpenAiUsage,
    OpenAiCosts,
    AnthropicUsage,
    AnthropicCost,
}

/// The CSV exports, told apart by their header.
enum CsvExport {
    LiteLlm,
    OpenRouter,
    Focus,
}

const KNOWN: &str = "the importer reads the OpenAI usage or costs JSON, the Anthropic usage or cost report JSON, LiteLLM spend logs CSV, the OpenRouter activity CSV and FOCUS CSV";

/// Detects the export and reads it with its reader.
pub(super) fn read(text: &str) -> Result<Parsed, ImportError> {
    let first = text.trim_start().chars().next();
    if matches!(first, Some('{' | '[')) {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            ImportError::new(if e.is_eof() {
                format!("the JSON ends early (the file is truncated): {e}")
            } else {
                format!("malformed JSON: {e}")
            })
        })?;
        return match json_source(&value)? {
            JsonExport::OpenAiUsage => openai::usage(&value),
            JsonExport::OpenAiCosts => openai::costs(&value),
            JsonExport::AnthropicUsage => anthropic::usage(&value),
            JsonExport::AnthropicCost => anthropic::cost(&value),
        };
    }
    let table = Table::new(text).map_err(|e| {
        ImportError::new(format!(
            "unknown format: neither JSON nor a CSV table ({}); {KNOWN}",
            e.describe(None)
        ))
    })?;
    match csv_source(&table)? {
        CsvExport::LiteLlm => litellm::spend_logs(table),
        CsvExport::OpenRouter => openrouter::activity(table),
        CsvExport::Focus => focus::rows(table),
    }
}

fn json_source(value: &Value) -> Result<JsonExport, ImportError> {
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
            return Ok(JsonExport::OpenAiCosts);
        }
        if object == "organization.usage.completions.result"
            || (object.is_empty() && has("num_model_requests"))
        {
            return Ok(JsonExport::OpenAiUsage);
        }
        let shown: String = object.chars().take(60).collect();
        return Err(ImportError::new(format!(
            "an OpenAI export of \"{shown}\" results: only completions usage (/v1/organization/usage/completions) and costs are read"
        )));
    }
    if has("amount") {
        Ok(JsonExport::AnthropicCost)
    } else if has("uncached_input_tokens") {
        Ok(JsonExport::AnthropicUsage)
    } else {
        Err(unknown())
    }
}

fn csv_source(t: &Table) -> Result<CsvExport, ImportError> {
    let all = |cols: &[&str]| cols.iter().all(|c| t.has(c));
    if all(&[
        "request_id",
        "startTime",
        "prompt_tokens",
        "completion_tokens",
        "spend",
    ]) {
        return Ok(CsvExport::LiteLlm);
    }
    if all(&[
        "generation_id",
        "created_at",
        "tokens_prompt",
        "tokens_completion",
        "cost_total",
    ]) {
        return Ok(CsvExport::OpenRouter);
    }
    if all(&[
        "ChargePeriodStart",
        "ChargePeriodEnd",
        "ChargeCategory",
        "ConsumedQuantity",
        "ConsumedUnit",
    ]) {
        return Ok(CsvExport::Focus);
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
