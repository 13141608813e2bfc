//! Anthropic's Admin API usage report (`/v1/organizations/usage_report/messages`) and cost
//! report (`/v1/organizations/cost_report`), as the JSON pages they return.
//!
//! The usage report's three input groups are disjoint: `uncached_input_tokens` excludes the
//! cache, `cache_read_input_tokens` and `cache_creation.*` sit beside it, so the whole input is
//! their sum. It has no request count. Thinking is billed as output and sits inside
//! `output_tokens`, not separable. The cost report writes `amount` in cents, as decimal text
//! (`"123.45"` is $1.2345).

use serde_json::{Map, Value};

use super::read::{Bucket, amount_text, count, list, object, opt_count, opt_name, plausible};
use super::rows::{CostRow, ImportError, Parsed, Source, UsageRow};
use super::time::Clock;

fn buckets(value: &Value) -> Result<Vec<Bucket<'_>>, ImportError> {
    let mut clock = Clock::default();
    let mut out = Vec::new();
    for (i, b) in list(value.get("data"), "\"data\"", "the page")?
        .iter()
        .enumerate()
    {
        let at = format!("bucket {}", i + 1);
        let fields = object(b, "a bucket", &at)?;
        let text = |k: &str| fields.get(k).and_then(Value::as_str).unwrap_or("");
        let start_s = clock.read(text("starting_at"), "\"starting_at\"", &at)?;
        let end_s = clock.read(text("ending_at"), "\"ending_at\"", &at)?;
        if end_s <= start_s {
            return Err(ImportError::at(
                &at,
                "\"ending_at\" is not after \"starting_at\"",
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

/// `service_tier` is set when the report is grouped by it; `batch` is the deferrable tier.
fn batch(o: &Map<String, Value>) -> Option<bool> {
    o.get("service_tier")
        .and_then(Value::as_str)
        .map(|t| t == "batch")
}

pub(super) fn usage(value: &Value) -> Result<Parsed, ImportError> {
    let mut p = Parsed::new(Source::AnthropicUsage);
    for b in buckets(value)? {
        let (start, end) = (b.start_s, b.end_s);
        p.cover(start, end);
        for (at, o) in b.results()? {
            let uncached = count(o, "uncached_input_tokens", &at)?;
            let read = opt_count(o, "cache_read_input_tokens", &at)?.unwrap_or(0.0);
            let written = match o.get("cache_creation") {
                Some(Value::Object(c)) => {
                    opt_count(c, "ephemeral_5m_input_tokens", &at)?.unwrap_or(0.0)
                        + opt_count(c, "ephemeral_1h_input_tokens", &at)?.unwrap_or(0.0)
                }
                Some(Value::Null) | None => 0.0,
                Some(_) => {
                    return Err(ImportError::at(&at, "\"cache_creation\" is not an object"));
                }
            };
            p.usage.push(UsageRow {
                start_s: start,
                width_s: end - start,
                model: opt_name(o, "model", &at)?.unwrap_or_else(|| "(all models)".into()),
                requests: None,
                input_tokens: uncached + read + written,
                cache_read_tokens: read,
                cache_write_tokens: written,
                output_tokens: count(o, "output_tokens", &at)?,
                reasoning_tokens: None,
                spend_usd: None,
                batch: batch(o),
            });
        }
    }
    Ok(p)
}

pub(super) fn cost(value: &Value) -> Result<Parsed, ImportError> {
    let mut p = Parsed::new(Source::AnthropicCost);
    for b in buckets(value)? {
        let (start, end) = (b.start_s, b.end_s);
        p.cover(start, end);
        for (at, o) in b.results()? {
            let currency = o.get("currency").and_then(Value::as_str).unwrap_or("USD");
            if !currency.eq_ignore_ascii_case("usd") {
                let shown: String = currency.chars().take(10).collect();
                return Err(ImportError::at(
                    &at,
                    format!("the currency is \"{shown}\": only USD is read"),
                ));
            }
            let cents = match o.get("amount") {
                Some(Value::String(s)) => amount_text(s, "\"amount\"", &at)?,
                Some(Value::Number(n)) => {
                    plausible(n.as_f64().unwrap_or(f64::NAN), "\"amount\"", &at)?
                }
                _ => f64::NAN,
            };
            if !cents.is_finite() {
                return Err(ImportError::at(
                    &at,
                    "\"amount\" must be cents as decimal text, like \"123.45\"",
                ));
            }
            p.costs.push(CostRow {
                start_s: start,
                end_s: end,
                model: opt_name(o, "model", &at)?,
                usd: cents / 100.0,
            });
        }
    }
    Ok(p)
}
