//! OpenRouter's per-generation activity CSV: one row per generation.
//!
//! `tokens_prompt` includes `tokens_cached` (cache reads); cache writes are not reported.
//! `tokens_completion` includes `tokens_reasoning`. `created_at` has no zone and is UTC.
//! Money is `cost_total` only: the meaning of the other cost columns is not documented.
//! A cancelled generation was still a model call and is billed, so it counts.

use super::read::{Table, count_text, name_text, opt_count_text};
use super::rows::{ImportError, Parsed, Source, UsageRow};
use super::time::Clock;

pub(super) fn activity(mut t: Table) -> Result<Parsed, ImportError> {
    let created = t.require("created_at")?;
    let cost = t.require("cost_total")?;
    let prompt = t.require("tokens_prompt")?;
    let completion = t.require("tokens_completion")?;
    let reasoning = t.column("tokens_reasoning");
    let cached = t.column("tokens_cached");
    let model = t.column("model_permaslug").or_else(|| t.column("model"));
    let mut p = Parsed::new(Source::OpenRouterActivity);
    let mut clock = Clock::default();
    while let Some(r) = t.next_record() {
        let r = r?;
        let at = r.at();
        let start = clock.read(r.cell(created), "created_at", &at)?;
        let input = count_text(r.cell(prompt), "tokens_prompt", &at)?;
        let output = count_text(r.cell(completion), "tokens_completion", &at)?;
        let read = match cached {
            Some(i) => opt_count_text(r.cell(i), "tokens_cached", &at)?.unwrap_or(0.0),
            None => 0.0,
        };
        let reasoning = match reasoning {
            Some(i) => opt_count_text(r.cell(i), "tokens_reasoning", &at)?,
            None => None,
        };
        if read > input || reasoning.is_some_and(|x| x > output) {
            return Err(ImportError::at(
                &at,
                "tokens_cached or tokens_reasoning exceed tokens_prompt or tokens_completion, which include them",
            ));
        }
        let name = model.map_or("", |i| r.cell(i));
        p.usage.push(UsageRow {
            start_s: start,
            width_s: 1,
            model: if name.is_empty() {
                "(unnamed)".into()
            } else {
                name_text(name, "model_permaslug", &at)?
            },
            requests: Some(1.0),
            input_tokens: input,
            cache_read_tokens: read,
            cache_write_tokens: 0.0,
            output_tokens: output,
            reasoning_tokens: reasoning,
            spend_usd: Some(count_text(r.cell(cost), "cost_total", &at)?),
            batch: None,
        });
        p.cover(start, start + 1);
    }
    Ok(p)
}
