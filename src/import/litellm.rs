//! LiteLLM proxy spend logs (`LiteLLM_SpendLogs` exported as CSV): one row per request.
//!
//! Failed requests are logged too and are not model calls; `cache_hit = True` marks an answer
//! from LiteLLM's own response cache (not provider prompt caching), also not a model call.
//! Both are skipped and counted. `prompt_tokens` includes cache reads and writes for every
//! provider (LiteLLM adds Anthropic's on top); the cache and reasoning counts live only inside
//! the JSON `metadata.usage_object`; reasoning sits inside `completion_tokens`.

use serde_json::Value;

use super::read::{Record, Table, count_text, name_text};
use super::rows::{ImportError, Parsed, Source, UsageRow};
use super::time::Clock;

struct Columns {
    start: usize,
    prompt: usize,
    completion: usize,
    spend: usize,
    model: Option<usize>,
    model_group: Option<usize>,
    status: Option<usize>,
    cache_hit: Option<usize>,
    call_type: Option<usize>,
    metadata: Option<usize>,
}

/// Why a row is not a model call, if it is not.
fn not_a_call(r: &Record, c: &Columns, metadata: Option<&Value>) -> Option<String> {
    let cell = |col: Option<usize>| col.map_or("", |i| r.cell(i));
    let status = match cell(c.status) {
        "" => metadata
            .and_then(|m| m.get("status")?.as_str())
            .unwrap_or(""),
        s => s,
    };
    if status.eq_ignore_ascii_case("failure") {
        return Some("failed (an error is not a model call)".into());
    }
    if cell(c.cache_hit).eq_ignore_ascii_case("true") {
        return Some("answered from LiteLLM's own response cache (not a model call)".into());
    }
    let call = cell(c.call_type);
    let generation = ["completion", "responses", "messages"];
    if !call.is_empty() && !generation.iter().any(|g| call.contains(g)) {
        let shown: String = call.chars().take(30).collect();
        return Some(format!("{shown} calls (not text generation)"));
    }
    None
}

fn detail(metadata: Option<&Value>, path: &[&str]) -> Option<f64> {
    let mut v = metadata?.get("usage_object")?;
    for key in path {
        v = v.get(key)?;
    }
    v.as_f64().filter(|x| x.is_finite() && *x >= 0.0)
}

fn row(
    r: &Record,
    c: &Columns,
    metadata: Option<&Value>,
    start: i64,
) -> Result<UsageRow, ImportError> {
    let at = r.at();
    let prompt = count_text(r.cell(c.prompt), "prompt_tokens", &at)?;
    let completion = count_text(r.cell(c.completion), "completion_tokens", &at)?;
    let cached = detail(metadata, &["prompt_tokens_details", "cached_tokens"]).unwrap_or(0.0);
    let written = detail(metadata, &["cache_creation_input_tokens"]).unwrap_or(0.0);
    let reasoning = detail(metadata, &["completion_tokens_details", "reasoning_tokens"]);
    if cached + written > prompt || reasoning.is_some_and(|x| x > completion) {
        return Err(ImportError::at(
            &at,
            "the cache or reasoning counts in metadata exceed prompt_tokens or completion_tokens, which include them",
        ));
    }
    let model = [c.model, c.model_group]
        .into_iter()
        .flatten()
        .map(|i| r.cell(i))
        .find(|m| !m.is_empty())
        .unwrap_or("(unnamed)");
    Ok(UsageRow {
        start_s: start,
        width_s: 1,
        model: name_text(model, "model", &at)?,
        requests: Some(1.0),
        input_tokens: prompt,
        cache_read_tokens: cached,
        cache_write_tokens: written,
        output_tokens: completion,
        reasoning_tokens: reasoning,
        spend_usd: Some(count_text(r.cell(c.spend), "spend", &at)?),
        batch: None,
    })
}

pub(super) fn spend_logs(mut t: Table) -> Result<Parsed, ImportError> {
    let c = Columns {
        start: t.require("startTime")?,
        prompt: t.require("prompt_tokens")?,
        completion: t.require("completion_tokens")?,
        spend: t.require("spend")?,
        model: t.column("model"),
        model_group: t.column("model_group"),
        status: t.column("status"),
        cache_hit: t.column("cache_hit"),
        call_type: t.column("call_type"),
        metadata: t.column("metadata"),
    };
    let mut p = Parsed::new(Source::LiteLlmSpendLogs);
    let mut clock = Clock::default();
    while let Some(r) = t.next_record() {
        let r = r?;
        let at = r.at();
        let metadata = match c.metadata.map_or("", |i| r.cell(i)) {
            "" => None,
            text => Some(serde_json::from_str::<Value>(text).map_err(|e| {
                ImportError::at(&at, format!("the metadata cell is not JSON: {e}"))
            })?),
        };
        let start = clock.read(r.cell(c.start), "startTime", &at)?;
        // A skipped row still shows the log covered its time.
        p.cover(start, start + 1);
        if let Some(reason) = not_a_call(&r, &c, metadata.as_ref()) {
            p.skip(&reason, &at);
            continue;
        }
        p.usage.push(row(&r, &c, metadata.as_ref(), start)?);
    }
    Ok(p)
}
