//! What the files say: their format and period, the rows used and skipped, the workload
//! figures, batch traffic apart, the models, and the hourly profile as a chart. Every
//! name from a file is shown as text, never as markup.

use leptos::prelude::*;

use super::Imported;
use crate::charts::{usage_profile, usage_profile_table};
use crate::format::{self, Money};
use crate::import::{Batch, Derived, ModelUse};
use crate::ui::chart::ChartCard;
use crate::ui::state::use_state;

/// What a figure the files do not have reads as.
const UNKNOWN: &str = "unknown (not in the file)";

fn or_unknown(x: Option<f64>, shown: impl Fn(f64) -> String) -> String {
    x.map_or_else(|| UNKNOWN.to_string(), shown)
}

/// Tenths, without a trailing ".0": "525", "112.5".
fn tenths(x: f64) -> String {
    let text = format::grouped(x, 1);
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// The figures as (label, value) rows of a definition list.
fn figures(d: &Derived, money: &Money) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        (
            "Requests a month",
            or_unknown(d.requests_per_month, |x| format::grouped(x, 0)),
        ),
        (
            "Input tokens a month",
            format::tokens(d.input_tokens_per_month),
        ),
        (
            "Output tokens a month",
            format::tokens(d.output_tokens_per_month),
        ),
        (
            "Input tokens per request",
            or_unknown(d.input_tokens_per_request, tenths),
        ),
        (
            "Output tokens per request",
            or_unknown(d.output_tokens_per_request, tenths),
        ),
        (
            "Cached share of input",
            or_unknown(d.cached_input_share_pct, format::pct),
        ),
        (
            "Reasoning share of output",
            or_unknown(d.reasoning_share_of_output_pct, format::pct),
        ),
        (
            "Active hours a month",
            or_unknown(d.active_hours_per_month, tenths),
        ),
        (
            "Peak to average",
            or_unknown(d.peak_to_average, |x| format!("{}x", format::grouped(x, 2))),
        ),
        (
            "Spend a month",
            or_unknown(d.spend_usd_per_month, |x| money.format(x)),
        ),
    ];
    if let Some(billed) = d.billed_usd_per_month {
        rows.push(("Billed a month, every charge", money.format(billed)));
    }
    rows
}

fn batch_line(b: &Batch) -> String {
    let requests = b
        .requests_per_month
        .map(|r| format!("{} requests, ", format::volume(r)))
        .unwrap_or_default();
    format!(
        "Batch traffic, apart from the load profile: {} of {}; {}{} input and {} output tokens a month.",
        format::pct(b.share_pct),
        b.share_basis,
        requests,
        format::tokens(b.input_tokens_per_month),
        format::tokens(b.output_tokens_per_month)
    )
}

/// One model's row: every cell text, so a name holding markup shows as typed.
fn model_row(m: &ModelUse, money: &Money) -> impl IntoView + use<> {
    let requests = m
        .requests
        .map_or_else(|| "unknown".to_string(), |r| format::grouped(r, 0));
    let spend = m
        .spend_usd
        .map_or_else(|| format::MISSING.to_string(), |s| money.format(s));
    view! {
        <tr>
            <td class="import__model">{m.model.clone()}</td>
            <td class="import__model">{m.catalog_id.unwrap_or("no catalog match")}</td>
            <td>{requests}</td>
            <td>{format::tokens(m.input_tokens)}</td>
            <td>{format::tokens(m.output_tokens)}</td>
            <td>{spend}</td>
            <td>{format::pct(m.share_pct)}</td>
        </tr>
    }
}

fn models_table(d: &Derived, money: &Money) -> impl IntoView + use<> {
    let share_of = if d.requests_per_month.is_some() {
        "requests"
    } else {
        "tokens"
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Models in the file">
            <table class="import__models" data-import="models">
                <caption>{format!("Models in the file, over the whole period (share of {share_of})")}</caption>
                <thead><tr>
                    <th scope="col">"Model"</th><th scope="col">"Catalog model"</th>
                    <th scope="col">"Requests"</th><th scope="col">"Input tokens"</th>
                    <th scope="col">"Output tokens"</th><th scope="col">"Spend"</th><th scope="col">"Share"</th>
                </tr></thead>
                <tbody>{d.models.iter().map(|m| model_row(m, money)).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// "2026-11-02 to 2026-11-04 (2 days)".
fn period(d: &Derived) -> String {
    let day = |t: &str| t.get(..10).unwrap_or(t).to_string();
    format!(
        "{} to {} ({} days, UTC)",
        day(&d.period.start),
        day(&d.period.end),
        d.period.days
    )
}

/// The files' summary; the chart follows `result` and the display currency.
#[component]
pub fn Summary(
    /// The files read.
    imported: Imported,
) -> impl IntoView {
    let state = use_state();
    let d = imported.derived;
    // Amounts follow the display currency while the summary is shown.
    let (for_figures, for_models) = (d.clone(), d.clone());
    let sources: Vec<&str> = d.sources.iter().map(|s| s.label()).collect();
    let skipped = d.rows_skipped.clone();
    let profile = d.profile.clone();
    view! {
        <div class="import__summary" data-import="summary" data-format=d.format>
            <p class="import__read">
                <strong>{sources.join(" + ")}</strong>" · "{imported.names.join(", ")}<br/>
                {period(&d)}" · "{format!("{} rows used", format::grouped(d.rows_used as f64, 0))}
            </p>
            {(!skipped.is_empty()).then(|| view! {
                <ul class="import__skipped" data-import="skipped">
                    {skipped.iter().map(|s| view! {
                        <li>{format!("{} row(s) skipped: {} (first at {})", s.rows, s.reason, s.first)}</li>
                    }).collect_view()}
                </ul>
            })}
            <dl class="figures import__figures">
                {move || figures(&for_figures, &state.money()).into_iter().map(|(label, value)| view! {
                    <div><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            {d.batch.as_ref().map(|b| view! { <p class="import__batch" data-import="batch">{batch_line(b)}</p> })}
            {move || models_table(&for_models, &state.money())}
            {profile.map(|p| {
                let (drawn, listed) = (p.clone(), p);
                view! {
                    <ChartCard title="Interactive load by hour of day (UTC)" key="import-profile"
                        note="From the file; batch traffic is left out, since it can wait."
                        chart=move || usage_profile(&drawn, &state.look())
                        table=move || usage_profile_table(&listed)/>
                }
            })}
        </div>
    }
}
