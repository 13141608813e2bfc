//! The top bar: title, preset picker, reset, colour scheme, embed.

use leptos::prelude::*;

use super::embed_dialog::EmbedButton;
use super::share::{CopyLink, DownloadJson};
use super::staged::Later;
use super::state::{Theme, use_state};
use crate::catalog;

/// Removes the static header `index.html` paints before the wasm runs (see [`Header`]).
pub fn remove_boot_header() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-top"))
    {
        boot.remove();
    }
}

/// Title and the controls that act on the whole scenario.
///
/// `index.html` carries a static copy of the title and the default preset's description
/// so the first paint does not wait for the wasm; the page replaces it with this header
/// once the first screen is built (see `main.rs`). The description comes before the
/// controls, as in the static copy.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let preset_id = move || state.scenario.with(|s| s.preset.clone());
    let choose = move |id: String| {
        if let Some(s) = crate::scenario::preset_scenario(&id) {
            state.replace(s);
        }
    };
    let reset = move |_| choose(preset_id());
    let description = move || {
        catalog::preset(&preset_id())
            .map(|p| p.description.clone())
            .unwrap_or_default()
    };
    let theme_label = move || match state.theme.get() {
        Theme::Auto => "Theme: auto",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let next_theme = move |_| {
        state.theme.update(|t| {
            *t = match t {
                Theme::Auto => Theme::Light,
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::Auto,
            }
        })
    };
    view! {
        <header class="top">
            <div class="brand">
                <h1>"LLM TCO"</h1>
                <p class="tagline">"Cloud API or self-hosted GPUs: what this workload costs, and the volume where the answer flips."</p>
            </div>
            <p class="preset-description">{description}</p>
            // Built in a task of its own, right after the rest of the header and before
            // the header is shown: one long task less at start-up.
            <Later next=true><div class="controls">
                <label for="preset">"Preset"</label>
                <select id="preset" prop:value=preset_id on:change=move |ev| choose(event_target_value(&ev))>
                    {catalog::presets().iter().map(|p| {
                        let id = p.id.clone();
                        view! { <option value=p.id.clone() selected=move || preset_id() == id>{p.name.clone()}</option> }
                    }).collect_view()}
                </select>
                <button type="button" on:click=reset title="Return every input to the preset">"Reset"</button>
                <button type="button" class="ghost" on:click=next_theme>{theme_label}</button>
                <EmbedButton/>
                <CopyLink/>
                <DownloadJson/>
            </div></Later>
        </header>
    }
}
