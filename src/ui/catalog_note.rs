//! The catalog figure behind a field that defaults from the catalog, with its source and date.

use leptos::prelude::*;

use super::state::use_state;
use crate::catalog;
use crate::format::Money;
use crate::model::Report;
use crate::scenario::Scenario;

/// The fields that default from the catalog and so carry a note.
const NOTED: [&str; 9] = [
    "api.model",
    "api.input_usd_per_mtok",
    "api.output_usd_per_mtok",
    "api.cached_input_usd_per_mtok",
    "self_host.model",
    "self_host.gpu",
    "self_host.output_tokens_per_sec_per_replica",
    "cloud.usd_per_gpu_hour",
    "owned.gpu_price_usd",
];

/// What a note says: a one-line summary, the full source, and its date ("" when none).
type Note = (String, String, String);

/// The note for the field at `path`, or `None` when the catalog has no figure for it.
/// Catalog figures are what an input holds when left empty, so they keep the inputs'
/// unit (US dollars) whatever the display currency.
fn note_for(path: &str, s: &Scenario, r: &Report) -> Option<Note> {
    let money = Money::usd();
    match path {
        "api.model"
        | "api.input_usd_per_mtok"
        | "api.output_usd_per_mtok"
        | "api.cached_input_usd_per_mtok" => api_note(path, s, &money),
        "self_host.gpu" | "cloud.usd_per_gpu_hour" | "owned.gpu_price_usd" => {
            gpu_note(path, s, &money)
        }
        "self_host.model" => catalog::open_model(&s.self_host.model).map(|m| {
            let active = m
                .active_params_billion
                .map(|a| format!(" ({a}B active)"))
                .unwrap_or_default();
            (
                format!(
                    "{}B parameters{active}, {} layers",
                    m.params_billion, m.layers
                ),
                m.source.clone(),
                m.as_of.clone(),
            )
        }),
        "self_host.output_tokens_per_sec_per_replica" => {
            let c = &r.capacity;
            Some((
                format!(
                    "{:.0} tokens/s ({})",
                    c.output_tokens_per_sec_per_replica, c.throughput_source
                ),
                c.throughput_note.clone(),
                String::new(),
            ))
        }
        _ => None,
    }
}

/// The API model's prices: both for the model picker, one for a price field.
fn api_note(path: &str, s: &Scenario, money: &Money) -> Option<Note> {
    let m = catalog::api_model(&s.api.model)?;
    let summary = match path {
        "api.model" => format!(
            "{} in / {} out per M tokens",
            money.format(m.input_usd_per_mtok?),
            money.format(m.output_usd_per_mtok?)
        ),
        _ => {
            let price = match path {
                "api.input_usd_per_mtok" => m.input_usd_per_mtok,
                "api.output_usd_per_mtok" => m.output_usd_per_mtok,
                _ => m.cached_input_usd_per_mtok,
            }?;
            format!("{} per M tokens for {}", money.format(price), m.name)
        }
    };
    Some((summary, m.source.clone(), m.as_of.clone()))
}

/// The GPU's facts for the GPU picker, its hourly price, or its purchase price.
fn gpu_note(path: &str, s: &Scenario, money: &Money) -> Option<Note> {
    let g = catalog::gpu(&s.self_host.gpu)?;
    let tier = s.cloud.pricing.id().replace('_', " ");
    let hourly = money.format(g.usd_per_gpu_hour(s.cloud.pricing));
    let summary = match path {
        "owned.gpu_price_usd" => format!("{} per {}", money.format(g.purchase_usd), g.name),
        "cloud.usd_per_gpu_hour" => format!("{hourly} per GPU-hour for {} ({tier})", g.name),
        _ => format!(
            "{} GB, {} GB/s, {hourly} per GPU-hour ({tier}), {} to buy",
            g.vram_gb,
            crate::format::grouped(g.bandwidth_gb_per_sec, 0),
            money.format(g.purchase_usd)
        ),
    };
    Some((summary, g.source.clone(), g.as_of.clone()))
}

/// A one-line summary of the catalog value; the full source opens below it.
#[component]
pub fn CatalogNote(
    /// Canonical path of the field the note belongs to.
    path: &'static str,
) -> impl IntoView {
    // Every other field renders nothing and follows no signal, so a keystroke does not
    // re-run a closure per input.
    if !NOTED.contains(&path) {
        return None;
    }
    let state = use_state();
    let note = move || {
        let s = state.scenario.read();
        state.report.with(|r| note_for(path, &s, r))
    };
    Some(move || {
        note().map(|(summary, source, as_of)| {
            let date = (!as_of.is_empty()).then(|| format!(" · as of {as_of}"));
            view! {
                <details class="source">
                    <summary>"Catalog: " {summary} {date}</summary>
                    <span>{source}</span>
                </details>
            }
        })
    })
}
