//! Offline use: registers the service worker that scripts/sw.mjs writes next to the page
//! for each build (`sw.js`), once the charts are drawn, so it never competes with the
//! first screen. What it keeps and when it updates is described in SECURITY.md.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The worker next to the page; its folder is its scope.
const SCRIPT: &str = "sw.js";

/// Registers the worker the first time `drawn` is true.
pub fn register_when_drawn(drawn: ReadSignal<bool>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !drawn.get() {
            return done.unwrap_or(false);
        }
        register();
        true
    });
}

/// Only on an http(s) page in a secure context (HTTPS, or localhost), where browsers
/// allow workers at all. A refusal is logged and changes nothing else.
fn register() {
    let Some(window) = web_sys::window() else { return };
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
            let reason = e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok()?.as_string());
            gloo::console::warn!(format!(
                "Offline use is not available: the browser refused the service worker ({}).",
                reason.unwrap_or_else(|| "no reason given".into())
            ));
        }
    });
}
