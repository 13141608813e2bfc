//! A chart's own files: its numbers as CSV, its picture as PNG or SVG.

use std::rc::Rc;
use std::sync::Arc;

use crate::charts::{Chart, Table, for_echarts};
use crate::ui::export::{data_url_bytes, download_bytes, download_text, js_text};
use crate::ui::state::use_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::bindings::{ECharts, init};
use super::updates::set_option;
use super::view::InstanceSlot;

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
        let instance = init(&el, true).ok_or("the chart library is not loaded")?;
        let mut option = for_echarts(chart);
        if let Some(o) = option.as_object_mut() {
            o.insert("backgroundColor".into(), background(dark).into());
        }
        let drawn = set_option(&instance, &option).and_then(|()| {
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
