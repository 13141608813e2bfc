//! Copying text to the clipboard, for every copy button of the page.
//!
//! leptos-use's `use_clipboard` does not fit: it reports only a copy that worked (a
//! refused one leaves its `copied` signal as it was, with nothing to wait for), and it
//! takes a `navigator.clipboard` set to `undefined` for a clipboard. Both copy buttons
//! need the refusal, to leave the text on screen for copying by hand.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// `navigator.clipboard.writeText(text)`, when the browser has a clipboard for this page.
fn write_promise(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
}

/// Writes `text` to the clipboard: true once it is there, false when this page has no
/// clipboard or the browser refused.
pub async fn copy_text(text: &str) -> bool {
    match write_promise(text) {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
