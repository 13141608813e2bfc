//! Files out of the page: every download is a Blob behind a temporary `<a download>`.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Saves `bytes` as a file called `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_text)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_text)?;
    let clicked = (|| -> Result<(), JsValue> {
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        a.set_attribute("hidden", "")?;
        let body = document
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        body.append_child(&a)?;
        a.click();
        a.remove();
        Ok(())
    })();
    // The browser has taken its own reference once the click ran; revoke a moment later
    // so the download can start first.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    clicked.map_err(js_text)
}

/// Saves text (UTF-8) as a file.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(filename, mime, text.as_bytes())
}

/// What the browser said when it refused.
pub fn js_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".into())
}

/// The bytes of a `data:` URL, base64 or percent-encoded.
pub fn data_url_bytes(url: &str) -> Option<Vec<u8>> {
    let (head, body) = url.strip_prefix("data:")?.split_once(',')?;
    if head.ends_with(";base64") {
        base64_decode(body)
    } else {
        js_sys::decode_uri_component(body)
            .ok()
            .and_then(|s| s.as_string())
            .map(String::into_bytes)
    }
}

/// Hand-written rather than the `base64` crate: decoding ECharts' PNG data URLs is all the
/// page needs, and `base64` 0.22 (already in Leptos's tree) added 845 bytes of gzipped wasm
/// (3,006 raw) in place of these lines.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len().max(1)]);
    }
    Some(out)
}
