//! Normalised rows -> the workload: per-month volumes over the covered period, per-request
//! sizes, cache and reasoning shares, the hourly load profile, batch traffic apart, spend and
//! the models with their shares.
//!
//! A month is 730 hours, the same as the scenario's `active_hours_per_month`. The period is
//! the covered time widened to whole UTC days, and hours without rows inside it count as idle:
//! exports leave out hours without usage. Batch traffic is deferrable, so the load profile
//! (active hours, peak to average) is drawn from interactive traffic only.

use std::collections::BTreeMap;

use super::models::catalog_model;
use super::rows::{CostRow, ImportError, Parsed, Source, UsageRow};
use super::time::{DAY_S, HOUR_S, iso};
use super::workload::{Batch, Derived, ModelUse, Period, Profile};

const HOURS_PER_MONTH: f64 = 730.0;

/// The longest covered period, so that one wrong timestamp cannot make an hourly profile of
/// decades.
pub const MAX_PERIOD_DAYS: i64 = 366;

#[derive(Default)]
struct Totals {
    requests: Option<f64>,
    input: f64,
    cache_read: f64,
    cache_write: f64,
    output: f64,
    reasoning: Option<f64>,
    spend: Option<f64>,
}

/// Sums rows; a count that some row does not report is unknown for the whole.
fn totals<'a>(rows: impl Iterator<Item = &'a UsageRow>) -> Totals {
    let mut t = Totals {
        requests: Some(0.0),
        reasoning: Some(0.0),
        spend: Some(0.0),
        ..Totals::default()
    };
    let add = |sum: Option<f64>, x: Option<f64>| Some(sum? + x?);
    for r in rows {
        t.requests = add(t.requests, r.requests);
        t.reasoning = add(t.reasoning, r.reasoning_tokens);
        t.spend = add(t.spend, r.spend_usd);
        t.input += r.input_tokens;
        t.cache_read += r.cache_read_tokens;
        t.cache_write += r.cache_write_tokens;
        t.output += r.output_tokens;
    }
    t
}

/// A total over `hours` scaled to a month of 730 hours.
fn per_month(total: f64, hours: f64) -> f64 {
    total * HOURS_PER_MONTH / hours
}

fn pct(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole * 100.0)
}

/// Whole UTC days around the files' extents.
fn period(extents: impl Iterator<Item = (i64, i64)>) -> Option<(i64, i64)> {
    let (a, b) = extents.reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))?;
    Some((
        a.div_euclid(DAY_S) * DAY_S,
        (b + DAY_S - 1).div_euclid(DAY_S) * DAY_S,
    ))
}

fn check_span(start: i64, end: i64) -> Result<(), ImportError> {
    let days = (end - start) / DAY_S;
    if days > MAX_PERIOD_DAYS {
        return Err(ImportError::new(format!(
            "the rows span {days} days, from {} to {}; at most {MAX_PERIOD_DAYS} days are read (look for a wrong date, or export a shorter period)",
            iso(start),
            iso(end)
        )));
    }
    Ok(())
}

/// The interactive load per hour; `None` when rows are wider than an hour (daily buckets).
fn profile(rows: &[&UsageRow], start: i64, hours: i64, by_requests: bool) -> Option<Profile> {
    if rows.iter().any(|r| r.width_s > HOUR_S) {
        return None;
    }
    let mut hourly = vec![0.0; usize::try_from(hours).ok()?];
    for r in rows.iter().filter(|r| r.batch != Some(true)) {
        let load = if by_requests {
            r.requests.unwrap_or(0.0)
        } else {
            r.input_tokens + r.output_tokens
        };
        let i = usize::try_from((r.start_s - start).div_euclid(HOUR_S)).ok()?;
        *hourly.get_mut(i)? += load;
    }
    let total: f64 = hourly.iter().sum();
    let mut hour_of_day_pct = vec![0.0; 24];
    for (i, load) in hourly.iter().enumerate() {
        if let Some(slot) = hour_of_day_pct.get_mut(i % 24) {
            *slot += pct(*load, total).unwrap_or(0.0);
        }
    }
    Some(Profile {
        basis: if by_requests { "requests" } else { "tokens" },
        hour_of_day_pct,
        hourly,
    })
}

/// Active hours per month and peak to average over them; `None` without interactive load.
fn load_shape(p: &Profile, hours: i64) -> Option<(f64, f64)> {
    let active: Vec<f64> = p.hourly.iter().copied().filter(|x| *x > 0.0).collect();
    if active.is_empty() {
        return None;
    }
    let n = active.len() as f64;
    let peak = active.iter().copied().fold(0.0, f64::max);
    let mean = active.iter().sum::<f64>() / n;
    Some((n * HOURS_PER_MONTH / hours as f64, peak / mean))
}

fn batch(rows: &[&UsageRow], all: &Totals, hours: f64) -> Option<Batch> {
    if rows.iter().all(|r| r.batch.is_none()) {
        return None;
    }
    let b = totals(rows.iter().copied().filter(|r| r.batch == Some(true)));
    let (part, whole, basis) = match (b.requests, all.requests) {
        (Some(part), Some(whole)) => (part, whole, "requests"),
        _ => (b.input + b.output, all.input + all.output, "tokens"),
    };
    Some(Batch {
        share_pct: pct(part, whole).unwrap_or(0.0),
        share_basis: basis,
        requests_per_month: b.requests.map(|r| per_month(r, hours)),
        input_tokens_per_month: per_month(b.input, hours),
        output_tokens_per_month: per_month(b.output, hours),
    })
}

/// Per-model use; spend from the cost export when there is one, else from the usage rows.
fn models(rows: &[&UsageRow], costs: &[&CostRow], by_requests: bool) -> Vec<ModelUse> {
    let mut by_name: BTreeMap<&str, (Vec<&UsageRow>, Option<f64>)> = BTreeMap::new();
    for r in rows {
        by_name.entry(r.model.as_str()).or_default().0.push(r);
    }
    for c in costs {
        let name = c.model.as_deref().unwrap_or("(not attributed to a model)");
        let spend = &mut by_name.entry(name).or_default().1;
        *spend = Some(spend.unwrap_or(0.0) + c.usd);
    }
    let load = |t: &Totals| {
        if by_requests {
            t.requests.unwrap_or(0.0)
        } else {
            t.input + t.output
        }
    };
    let all = load(&totals(rows.iter().copied()));
    let mut out: Vec<ModelUse> = by_name
        .into_iter()
        .map(|(name, (rows, cost_spend))| {
            let t = totals(rows.iter().copied());
            ModelUse {
                model: name.to_string(),
                catalog_id: catalog_model(name),
                requests: t.requests.filter(|_| by_requests),
                input_tokens: t.input,
                cache_read_tokens: t.cache_read,
                output_tokens: t.output,
                spend_usd: if costs.is_empty() {
                    t.spend
                } else {
                    cost_spend
                },
                share_pct: pct(load(&t), all).unwrap_or(0.0),
            }
        })
        .collect();
    out.sort_by(|a, b| b.share_pct.total_cmp(&a.share_pct));
    out
}

pub(super) fn derive(files: &[Parsed]) -> Result<Derived, ImportError> {
    let rows: Vec<&UsageRow> = files.iter().flat_map(|f| &f.usage).collect();
    let costs: Vec<&CostRow> = files.iter().flat_map(|f| &f.costs).collect();
    let with_usage = files.iter().filter(|f| !f.usage.is_empty());
    let Some((start, end)) = period(with_usage.filter_map(|f| f.extent)) else {
        return Err(ImportError::new(
            "no usage rows: a cost export gives spend only; add the usage export of the same period",
        ));
    };
    check_span(start, end)?;
    let hours = (end - start) / HOUR_S;
    let h = hours as f64;
    let t = totals(rows.iter().copied());
    let profile = profile(&rows, start, hours, t.requests.is_some());
    let shape = profile.as_ref().and_then(|p| load_shape(p, hours));
    let cost_hours = period(
        files
            .iter()
            .filter(|f| !f.costs.is_empty())
            .filter_map(|f| f.extent),
    )
    .map(|(a, b)| ((b - a) / HOUR_S) as f64);
    let spend_usd_per_month = match cost_hours {
        Some(ch) if ch > 0.0 => Some(per_month(costs.iter().map(|c| c.usd).sum(), ch)),
        _ => t.spend.map(|s| per_month(s, h)),
    };
    let billed: Option<f64> = files
        .iter()
        .filter_map(|f| f.billed_usd)
        .reduce(|a, b| a + b);
    let mut sources: Vec<Source> = Vec::new();
    for f in files {
        if !sources.contains(&f.source) {
            sources.push(f.source);
        }
    }
    Ok(Derived {
        format: files.first().map_or("", |f| f.source.family()),
        sources,
        period: Period {
            start: iso(start),
            end: iso(end),
            days: (end - start) / DAY_S,
            hours,
        },
        rows_used: rows.len() + costs.len(),
        rows_skipped: files
            .iter()
            .flat_map(|f| f.skipped.iter().cloned())
            .collect(),
        requests_per_month: t.requests.map(|r| per_month(r, h)),
        input_tokens_per_month: per_month(t.input, h),
        output_tokens_per_month: per_month(t.output, h),
        input_tokens_per_request: t.requests.and_then(|r| (r > 0.0).then(|| t.input / r)),
        output_tokens_per_request: t.requests.and_then(|r| (r > 0.0).then(|| t.output / r)),
        cached_input_share_pct: pct(t.cache_read, t.input),
        cache_write_share_pct: pct(t.cache_write, t.input),
        reasoning_share_of_output_pct: t.reasoning.and_then(|r| pct(r, t.output)),
        active_hours_per_month: shape.map(|s| s.0),
        peak_to_average: shape.map(|s| s.1),
        batch: batch(&rows, &t, h),
        profile,
        spend_usd_per_month,
        billed_usd_per_month: billed.map(|b| per_month(b, h)),
        models: models(&rows, &costs, t.requests.is_some()),
    })
}
