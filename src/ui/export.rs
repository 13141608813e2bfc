//! Files out of the page: each chart as CSV, PNG or SVG, and the whole scenario and
//! report as JSON. Every download is a Blob behind a temporary `<a download>`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::charts::Chart;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::echarts::{self, ECharts};
use super::state::use_state;
use crate::charts::Table;

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

fn js_text(e: JsValue) -> String {
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

/// The page's background, so exported images read like the page they came from.
fn background(dark: bool) -> &'static str {
    if dark { "#171d26" } else { "#ffffff" }
}

fn image_options(kind: &str, background: &str) -> JsValue {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &2.into());
    let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &background.into());
    opts.into()
}

/// The chart drawn by `instance`, as PNG bytes at twice its size.
fn png_bytes(instance: &ECharts, dark: bool) -> Result<Vec<u8>, String> {
    let url = instance
        .get_data_url(&image_options("png", background(dark)))
        .map_err(js_text)?;
    url.as_string()
        .as_deref()
        .and_then(data_url_bytes)
        .ok_or_else(|| "the chart gave no image".into())
}

/// The chart as an SVG document, drawn by a temporary SVG instance of the same size.
fn svg_bytes(chart: &Chart, width: f64, height: f64, dark: bool) -> Result<Vec<u8>, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let el: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(js_text)?
        .unchecked_into();
    let _ = el.set_attribute(
        "style",
        &format!("position:fixed;left:-20000px;top:0;width:{width}px;height:{height}px"),
    );
    body.append_child(&el).map_err(js_text)?;
    let result = (|| {
        let instance = echarts::init(&el, true).ok_or("the chart library is not loaded")?;
        // The same compact serialiser the charts use (one copy of charming's serde code).
        let json = serde_json::to_string(&chart).map_err(|e| e.to_string())?;
        let mut option: serde_json::Value =
            serde_json::from_str(&json).map_err(|e| e.to_string())?;
        option["backgroundColor"] = background(dark).into();
        let drawn = echarts::set_option(&instance, &option.to_string()).and_then(|()| {
            instance
                .get_data_url(&image_options("svg", background(dark)))
                .map_err(js_text)
        });
        instance.dispose();
        drawn?
            .as_string()
            .as_deref()
            .and_then(data_url_bytes)
            .ok_or_else(|| "the chart gave no image".to_string())
    })();
    el.remove();
    result
}

/// A chart's instance, once its element has one.
pub type InstanceSlot = Rc<RefCell<Option<ECharts>>>;

/// CSV, PNG and SVG buttons for one chart.
#[component]
pub fn ChartExport(
    /// Stable key of the chart, used in file names.
    key: &'static str,
    /// Builds the chart for the SVG file.
    chart: Rc<dyn Fn() -> Chart>,
    /// Builds the chart's table for the CSV file.
    table: Arc<dyn Fn() -> Table + Send + Sync>,
    /// The chart's live instance, for the PNG file.
    instance: InstanceSlot,
) -> impl IntoView {
    let state = use_state();
    let problem = RwSignal::new(None::<String>);
    let stem = move || {
        format!(
            "llm-tco-{}-{key}",
            state.scenario.with_untracked(|s| s.preset.clone())
        )
    };
    let report =
        move |r: Result<(), String>| problem.set(r.err().map(|e| format!("Export failed: {e}")));

    let csv = move |_| {
        report(untrack(|| {
            download_text(&format!("{}.csv", stem()), "text/csv", &table().to_csv())
        }))
    };
    let slot = instance.clone();
    let png = move |_| {
        let dark = state.dark.get_untracked();
        let result = match slot.borrow().as_ref() {
            Some(i) => png_bytes(i, dark),
            None => Err("the chart is not drawn yet".into()),
        };
        report(result.and_then(|b| download_bytes(&format!("{}.png", stem()), "image/png", &b)));
    };
    let svg = move |_| {
        let dark = state.dark.get_untracked();
        let (w, h) = instance
            .borrow()
            .as_ref()
            .map(|i| (i.get_width(), i.get_height()))
            .filter(|(w, h)| *w > 0.0 && *h > 0.0)
            .unwrap_or((800.0, 400.0));
        let built = untrack(|| chart());
        report(
            svg_bytes(&built, w, h, dark)
                .and_then(|b| download_bytes(&format!("{}.svg", stem()), "image/svg+xml", &b)),
        );
    };
    view! {
        <div class="export" role="group" aria-label="Export">
            <button type="button" class="ghost small" data-export="csv" title="Download the chart's numbers as CSV" on:click=csv>"CSV"</button>
            <button type="button" class="ghost small" data-export="png" title="Download the chart as a PNG image" on:click=png>"PNG"</button>
            <button type="button" class="ghost small" data-export="svg" title="Download the chart as an SVG image" on:click=svg>"SVG"</button>
            {move || problem.get().map(|p| view! { <p class="export-error" role="alert">{p}</p> })}
        </div>
    }
}
