//! Sharing the scenario: copy its link, or download it with its report as JSON.

use leptos::prelude::*;

use super::clipboard::copy_text;
use super::export::download_text;
use super::state::use_state;

/// What the copy button last did.
#[derive(Debug, Clone, PartialEq)]
enum Copied {
    Idle,
    Done,
    /// The clipboard is missing or refused: the link is shown for copying by hand.
    Manual(String),
}

/// The "Copy link" button and what it says afterwards.
#[component]
pub fn CopyLink() -> impl IntoView {
    let state = use_state();
    let copied = RwSignal::new(Copied::Idle);
    let field = NodeRef::<leptos::html::Input>::new();
    // Each press gets its own number, so an old timer never hides a newer message.
    let presses = StoredValue::new(0u32);

    let copy = move |_| {
        // The address bar follows the inputs once typing pauses; bring it up to date now,
        // so the copied link and the address bar agree even right after a keystroke.
        let link = state
            .scenario
            .with_untracked(super::address::write_address_bar);
        let url = format!("{}?{link}", super::address::page_base());
        presses.update_value(|n| *n += 1);
        let press = presses.get_value();
        leptos::task::spawn_local(async move {
            if !copy_text(&url).await {
                copied.set(Copied::Manual(url));
                return;
            }
            copied.set(Copied::Done);
            set_timeout(
                move || {
                    if presses.get_value() == press && copied.get_untracked() == Copied::Done {
                        copied.set(Copied::Idle);
                    }
                },
                std::time::Duration::from_secs(4),
            );
        });
    };

    // Select the shown link so Ctrl+C copies it, once the field is on the page.
    Effect::new(move |_| {
        if matches!(copied.get(), Copied::Manual(_)) {
            request_animation_frame(move || {
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
            });
        }
    });

    view! {
        <div class="share">
            <button type="button" class="ghost" data-share="copy" on:click=copy>"Copy link"</button>
            <span class="share-status" aria-live="polite">
                {move || (copied.get() == Copied::Done).then_some("Link copied")}
            </span>
            {move || match copied.get() {
                Copied::Manual(url) => Some(view! {
                    <div class="share-manual" role="group" aria-label="Link to copy">
                        <label for="share-link">"The clipboard is not available. Copy this link:"</label>
                        <input id="share-link" node_ref=field type="text" readonly prop:value=url/>
                        <button type="button" class="ghost small" on:click=move |_| copied.set(Copied::Idle)>"Close"</button>
                    </div>
                }),
                _ => None,
            }}
        </div>
    }
}

/// Downloads `{ scenario, link, report }` as a JSON file.
#[component]
pub fn DownloadJson() -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let download = move |_| {
        let (scenario, link, preset) = state
            .scenario
            .with_untracked(|s| (s.to_value(), crate::link::encode(s), s.preset.clone()));
        let report = state.report.with_untracked(|r| serde_json::to_value(r));
        let result = report.map_err(|e| e.to_string()).and_then(|report| {
            let doc = serde_json::json!({ "scenario": scenario, "link": link, "report": report });
            serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
        });
        let result = result.and_then(|text| {
            download_text(&format!("llm-tco-{preset}.json"), "application/json", &text)
        });
        problem.set(result.err().map(|e| format!("Download failed: {e}")));
    };
    view! {
        <button type="button" class="ghost" data-share="json" on:click=download title="The scenario, its link and every result as a JSON file">"Download JSON"</button>
        {move || problem.get().map(|p| view! { <span class="export-error" role="alert">{p}</span> })}
    }
}
