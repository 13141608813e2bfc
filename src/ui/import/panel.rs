//! The collapsible "Import usage" panel, with the page-wide drop overlay.

use leptos::html;
use leptos::prelude::*;

use super::apply::ApplyBar;
use super::drop::DropOverlay;
use super::pick::PickFiles;
use super::summary::Summary;
use super::{Importer, Status};

/// The panel below the charts; files dropped anywhere on the page land here.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let importer = Importer::new();
    let panel = NodeRef::<html::Details>::new();
    let landed = Callback::new(move |()| {
        if let Some(el) = panel.get_untracked() {
            el.scroll_into_view();
        }
    });
    let status = move || match importer.status.get() {
        Status::Idle => None,
        Status::Reading(names) => Some(
            view! { <p class="import__status" role="status">{format!("Reading {names}…")}</p> }
                .into_any(),
        ),
        Status::Refused(message) => Some(
            view! {
                <div class="import__error" role="alert" data-import="error">
                    <p><strong>"Not read, nothing was changed: "</strong>{message}</p>
                </div>
            }
            .into_any(),
        ),
    };
    let summary = move || {
        importer.result.get().map(|imported| {
            view! {
                <Summary imported=imported/>
                <ApplyBar importer=importer/>
            }
        })
    };
    view! {
        <DropOverlay importer=importer landed=landed/>
        <details class="import" data-panel="import" node_ref=panel prop:open=move || importer.open.get()
            on:toggle=move |_| {
                if let Some(el) = panel.get_untracked() {
                    importer.open.set(el.open());
                }
            }>
            <summary><h2>"Import usage"</h2></summary>
            <div class="import__body">
                <p class="panel-note">"Start from what was actually used: an OpenAI or Anthropic usage export (with its cost export), LiteLLM spend logs, OpenRouter activity, or a FOCUS cost-and-usage file. The file is read in this browser; nothing is uploaded."</p>
                <PickFiles importer=importer/>
                <div aria-live="polite">{status}</div>
                {summary}
            </div>
        </details>
    }
}
