//! The address bar: it follows the scenario once typing pauses, and the page's own keys
//! (the embed settings) ride along after the scenario's link.

use leptos::prelude::*;

use super::state::AppState;
use crate::scenario::Scenario;

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
