//! Offline use: registers the service worker that scripts/sw.mjs writes next to the page
//! for each build (`sw.js`), once the page's parts are built (after the results), so it
//! never competes with the first screen. What it keeps and when it updates is described
//! in SECURITY.md.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The worker next to the page; its folder is its scope.
const SCRIPT: &str = "sw.js";

/// Registers the worker in a task after the page's first screen and results are built
/// (see [`super::staged`]), whether or not a chart is ever drawn.
pub fn register_after_start() {
    super::staged::then(register);
}

/// Only on an http(s) page in a secure context (HTTPS, or localhost), where browsers
/// allow workers at all. A refusal is logged and changes nothing else.
fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if !window.is_secure_context() || !matches!(protocol.as_str(), "https:" | "http:") {
        return;
    }
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let registered = navigator.service_worker().register(SCRIPT);
    leptos::task::spawn_local(async move {
        if let Err(e) = JsFuture::from(registered).await {
            let reason = e.as_string().or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()?
                    .as_string()
            });
            gloo::console::warn!(format!(
                "Offline use is not available: the browser refused the service worker ({}).",
                reason.unwrap_or_else(|| "no reason given".into())
            ));
        }
    });
}
