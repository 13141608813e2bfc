//! OpenAI's organization Usage API (`/v1/organization/usage/completions`) and Costs API
//! (`/v1/organization/costs`), as the JSON pages they return.
//!
//! `input_tokens` already includes `input_cached_tokens` and `input_cache_write_tokens`
//! (3000 uncached + 1800 cached + 200 written = 5000 in the spec's own example), so the parts
//! are never added on top. Exports from before the cache-write field simply lack it. The usage
//! API has no reasoning field: reasoning sits unreported inside `output_tokens`.

use serde_json::{Map, Value};

use super::read::{Bucket, count, list, object, opt_count, opt_name, plausible};
use super::rows::{CostRow, ImportError, Parsed, Source, UsageRow};
use super::time::unix_seconds;

fn buckets(value: &Value) -> Result<Vec<Bucket<'_>>, ImportError> {
    let mut out = Vec::new();
    for (i, b) in list(value.get("data"), "\"data\"", "the page")?
        .iter()
        .enumerate()
    {
        let at = format!("bucket {}", i + 1);
        let fields = object(b, "a bucket", &at)?;
        let start_s = unix_seconds(fields.get("start_time"), "start_time", &at)?;
        let end_s = unix_seconds(fields.get("end_time"), "end_time", &at)?;
        if end_s <= start_s {
            return Err(ImportError::at(
                &at,
                "\"end_time\" is not after \"start_time\"",
            ));
        }
        out.push(Bucket {
            n: i + 1,
            fields,
            start_s,
            end_s,
        });
    }
    Ok(out)
}

fn amount_usd(o: &Map<String, Value>, at: &str) -> Result<f64, ImportError> {
    let amount = o
        .get("amount")
        .ok_or_else(|| ImportError::at(at, "\"amount\" is missing"))?;
    let amount = object(amount, "\"amount\"", at)?;
    let currency = amount
        .get("currency")
        .and_then(Value::as_str)
        .unwrap_or("usd");
    if !currency.eq_ignore_ascii_case("usd") {
        let shown: String = currency.chars().take(10).collect();
        return Err(ImportError::at(
            at,
            format!("the currency is \"{shown}\": only usd is read"),
        ));
    }
    match amount.get("value").and_then(Value::as_f64) {
        Some(v) => plausible(v, "\"amount.value\"", at),
        None => Err(ImportError::at(at, "\"amount.value\" is not a number")),
    }
}

pub(super) fn usage(value: &Value) -> Result<Parsed, ImportError> {
    let mut p = Parsed::new(Source::OpenAiUsage);
    for b in buckets(value)? {
        let (start, end) = (b.start_s, b.end_s);
        p.cover(start, end);
        for (at, o) in b.results()? {
            let input = count(o, "input_tokens", &at)?;
            let cached = opt_count(o, "input_cached_tokens", &at)?.unwrap_or(0.0);
            let written = opt_count(o, "input_cache_write_tokens", &at)?.unwrap_or(0.0);
            if cached + written > input {
                return Err(ImportError::at(
                    &at,
                    format!(
                        "input_cached_tokens ({cached}) + input_cache_write_tokens ({written}) exceed input_tokens ({input}), which includes them"
                    ),
                ));
            }
            p.usage.push(UsageRow {
                start_s: start,
                width_s: end - start,
                model: opt_name(o, "model", &at)?.unwrap_or_else(|| "(all models)".into()),
                requests: Some(count(o, "num_model_requests", &at)?),
                input_tokens: input,
                cache_read_tokens: cached,
                cache_write_tokens: written,
                output_tokens: count(o, "output_tokens", &at)?,
                reasoning_tokens: None,
                spend_usd: None,
                batch: o.get("batch").and_then(Value::as_bool),
            });
        }
    }
    Ok(p)
}

pub(super) fn costs(value: &Value) -> Result<Parsed, ImportError> {
    let mut p = Parsed::new(Source::OpenAiCosts);
    for b in buckets(value)? {
        let (start, end) = (b.start_s, b.end_s);
        p.cover(start, end);
        for (at, o) in b.results()? {
            // A line item reads "<model>, <token kind>" when grouped by line_item.
            let model = opt_name(o, "line_item", &at)?
                .and_then(|li| li.split(", ").next().map(str::to_string))
                .filter(|m| !m.is_empty());
            p.costs.push(CostRow {
                start_s: start,
                end_s: end,
                model,
                usd: amount_usd(o, &at)?,
            });
        }
    }
    Ok(p)
}
