//! The catalog figure behind a field that defaults from the catalog, with its source and date.

use leptos::prelude::*;

use super::state::use_state;
use crate::catalog;

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
    let note = move || -> Option<(String, String, String)> {
        let s = state.scenario.read();
        // Catalog figures are what an input holds when left empty, so they keep the
        // inputs' unit (US dollars) whatever the display currency.
        let money = crate::format::Money::usd();
        match path {
            "api.input_usd_per_mtok"
            | "api.output_usd_per_mtok"
            | "api.cached_input_usd_per_mtok" => catalog::api_model(&s.api.model).and_then(|m| {
                let price = match path {
                    "api.input_usd_per_mtok" => m.input_usd_per_mtok,
                    "api.output_usd_per_mtok" => m.output_usd_per_mtok,
                    _ => m.cached_input_usd_per_mtok,
                }?;
                Some((
                    format!("{} per M tokens for {}", money.format(price), m.name),
                    m.source.clone(),
                    m.as_of.clone(),
                ))
            }),
            "cloud.usd_per_gpu_hour" | "owned.gpu_price_usd" => {
                catalog::gpu(&s.self_host.gpu).map(|g| {
                    let summary = if path == "owned.gpu_price_usd" {
                        format!("{} per {}", money.format(g.purchase_usd), g.name)
                    } else {
                        format!(
                            "{} per GPU-hour for {} ({})",
                            money.format(g.usd_per_gpu_hour(s.cloud.pricing)),
                            g.name,
                            s.cloud.pricing.id().replace('_', " ")
                        )
                    };
                    (summary, g.source.clone(), g.as_of.clone())
                })
            }
            "api.model" => catalog::api_model(&s.api.model).and_then(|m| {
                let (i, o) = (m.input_usd_per_mtok?, m.output_usd_per_mtok?);
                Some((
                    format!(
                        "{} in / {} out per M tokens",
                        money.format(i),
                        money.format(o)
                    ),
                    m.source.clone(),
                    m.as_of.clone(),
                ))
            }),
            "self_host.model" => catalog::open_model(&s.self_host.model).map(|m| {
                (
                    format!("{}B parameters, {} layers", m.params_billion, m.layers),
                    m.source.clone(),
                    m.as_of.clone(),
                )
            }),
            "self_host.gpu" => catalog::gpu(&s.self_host.gpu).map(|g| {
                (
                    format!(
                        "{} GB, {} GB/s, {} per GPU-hour ({}), {} to buy",
                        g.vram_gb,
                        crate::format::grouped(g.bandwidth_gb_per_sec, 0),
                        money.format(g.usd_per_gpu_hour(s.cloud.pricing)),
                        s.cloud.pricing.id().replace('_', " "),
                        money.format(g.purchase_usd)
                    ),
                    g.source.clone(),
                    g.as_of.clone(),
                )
            }),
            "self_host.output_tokens_per_sec_per_replica" => state.report.with(|r| {
                let c = &r.capacity;
                Some((
                    format!(
                        "{:.0} tokens/s ({})",
                        c.output_tokens_per_sec_per_replica, c.throughput_source
                    ),
                    c.throughput_note.clone(),
                    String::new(),
                ))
            }),
            _ => None,
        }
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
