//! Loading the ECharts bundle: downloaded early, run when the first chart comes near.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::bindings::loaded;

/// The ECharts bundle next to the page (see scripts/build-echarts.mjs).
const SCRIPT: &str = "echarts.min.js";

/// Starts downloading the ECharts bundle without running it: called once the first screen
/// is built, so the download overlaps the rest of the page's start-up, and the script is
/// ready in the cache when the first chart comes near the screen.
pub fn preload() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let already = document
        .query_selector(&format!("script[src$='{SCRIPT}'], link[href$='{SCRIPT}']"))
        .ok()
        .flatten();
    let (None, Some(head), Ok(link)) = (already, document.head(), document.create_element("link"))
    else {
        return;
    };
    let _ = link.set_attribute("rel", "preload");
    let _ = link.set_attribute("as", "script");
    let _ = link.set_attribute("href", SCRIPT);
    let _ = head.append_child(&link);
}

/// Runs the ECharts bundle (already downloading since [`preload`]), then calls `done`.
/// The first chart near the screen asks for it, so the first screen never waits for it;
/// the chart boxes keep their height meanwhile. A page that already lists the script
/// itself (a `<script>` tag) is waited for instead of loading it twice.
pub fn load(done: impl FnOnce() + 'static) {
    let done = std::cell::Cell::new(Some(done));
    let on_load = Closure::<dyn Fn()>::new(move || {
        if loaded()
            && let Some(f) = done.take()
        {
            f();
        }
    });
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listed = document
        .query_selector(&format!("script[src$='{SCRIPT}']"))
        .ok()
        .flatten();
    let script = match listed {
        Some(s) => s,
        None => {
            let (Ok(s), Some(body)) = (document.create_element("script"), document.body()) else {
                return;
            };
            let _ = s.set_attribute("src", SCRIPT);
            let _ = body.append_child(&s);
            s
        }
    };
    let _ = script.add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref());
    // Called at most once; it lives as long as the page.
    on_load.forget();
}
