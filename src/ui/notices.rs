//! What a shared link carried that could not be applied, and the address bar that
//! follows the inputs.

use leptos::prelude::*;

use super::state::AppState;
use crate::embed::AccentFit;
use crate::scenario::{FieldError, Scenario};

/// A dismissible list of what was ignored in the link, and why.
#[component]
pub fn LinkNotices(
    /// Problems found while reading the link.
    notices: Vec<FieldError>,
) -> impl IntoView {
    let open = RwSignal::new(!notices.is_empty());
    move || {
        open.get().then(|| {
            view! {
                <div class="notice" role="status" data-notice="link">
                    <p><strong>"Parts of this link were ignored."</strong>" The rest of the scenario was applied."</p>
                    <ul>{notices.iter().map(|n| view! { <li><code>{n.field.clone()}</code>": "{n.message.clone()}</li> }).collect_view()}</ul>
                    <button type="button" class="ghost" on:click=move |_| open.set(false)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// Says when the link's accent colour reads too faintly on the theme on screen, and which
/// colour the page uses instead. It follows the theme until dismissed.
#[component]
pub fn AccentNotice(
    /// The link's accent fitted to the current theme, if the link has one.
    fit: Memo<Option<AccentFit>>,
) -> impl IntoView {
    let open = RwSignal::new(true);
    move || {
        let message = fit.with(|f| f.as_ref().and_then(AccentFit::message))?;
        open.get().then(|| {
            view! {
                <div class="notice" role="status" data-notice="accent">
                    <p><strong>"The accent colour was adjusted so the page stays readable."</strong></p>
                    <ul><li><code>"accent"</code>": "{message}"."</li></ul>
                    <button type="button" class="ghost" on:click=move |_| open.set(false)>"Dismiss"</button>
                </div>
            }
        })
    }
}

thread_local! {
    /// The page's own keys (the embed settings, as query text), kept after the scenario's
    /// link in the address bar.
    static PAGE_KEYS: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Keeps the address bar's query equal to the scenario once typing pauses, without
/// adding history entries; the page's own keys ride along unchanged after it. Writing the
/// address on every keystroke would cost each input a history update the reader cannot
/// see. The first write waits until the first screen is built: encoding a link reads the
/// frozen preset values, work the first screen should not wait for.
pub fn follow_address_bar(state: AppState, page_keys: String) {
    PAGE_KEYS.with(|k| *k.borrow_mut() = page_keys);
    let started = RwSignal::new(false);
    super::staged::then(move || {
        let _ = started.try_set(true);
    });
    Effect::new(move |_| {
        state.settled.track();
        if started.get() {
            state.settled.with_untracked(write_address_bar);
        }
    });
}

/// The page's address without its query and fragment.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The address bar's query (without the `?`) for a scenario's `link`: the link, then
/// the page's own keys.
fn query_for(link: &str) -> String {
    PAGE_KEYS.with(|k| {
        let page_keys = k.borrow();
        if page_keys.is_empty() {
            link.to_string()
        } else {
            format!("{link}&{page_keys}")
        }
    })
}

/// The page's whole address for `scenario`, as the address bar shows it.
pub fn address_for(scenario: &Scenario) -> String {
    format!(
        "{}?{}",
        page_base(),
        query_for(&crate::link::encode(scenario))
    )
}

/// Writes `scenario`'s link into the address bar now, unless it is there already, and
/// returns that link (the query without the page's own keys).
pub fn write_address_bar(scenario: &Scenario) -> String {
    let link = crate::link::encode(scenario);
    let wanted = format!("?{}", query_for(&link));
    if let Some(window) = web_sys::window()
        && window.location().search().unwrap_or_default() != wanted
        && let Ok(history) = window.history()
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted));
    }
    link
}
