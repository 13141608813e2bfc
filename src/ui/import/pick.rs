//! Choosing files with the system's file picker: a button (reached by keyboard like any
//! other) opens the hidden file input, which is named for assistive technology.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Importer;
use super::read::{files_of, read_files};

/// What the picker offers first; any file can still be chosen, since the format is told
/// from the content.
const ACCEPT: &str = ".json,.csv,application/json,text/csv";

#[component]
pub fn PickFiles(
    /// The panel's state.
    importer: Importer,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let chosen = move |e: leptos::ev::Event| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        read_files(importer, files_of(el.files()));
        // Choosing the same file again (after fixing it) is a change too.
        el.set_value("");
    };
    let reading = move || matches!(importer.status.get(), super::Status::Reading(_));
    view! {
        <div class="import__pick">
            <button type="button" data-import="choose" disabled=reading
                on:click=move |_| { if let Some(el) = input.get() { el.click(); } }>
                "Choose files…"
            </button>
            <input node_ref=input type="file" class="visually-hidden" data-import="file"
                multiple accept=ACCEPT tabindex="-1" aria-label="Usage export files"
                on:change=chosen/>
            <span class="import__or">"or drop them anywhere on the page"</span>
        </div>
    }
}
