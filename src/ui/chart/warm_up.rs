//! Warming ECharts' update code on hidden copies of the charts before the first input.
//!
//! The first updates after a load run that code before the JavaScript engine has
//! compiled it, at two to three times the settled cost: warmed while the reader is still
//! reaching for the keys, the first keystrokes redraw nearly as fast as the later ones.

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::bindings::{ECharts, init, instance_by_dom, loaded};
use super::on_screen::mostly_on_screen;
use super::updates::last_option;
use crate::charts::{vary, warm_up_option};
use crate::ui::perf::inputs_seen;

/// Updates the hidden copy of a chart gets while the reader is about to type.
const WARM_UP_UPDATES: usize = 10;

thread_local! {
    static WARM_UP_STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs ECharts' update code on hidden copies of the charts on screen, one update per
/// task, when the reader moves into the inputs (focus). It runs once per page, stops at
/// the first input, and does nothing before a chart is drawn or with none on screen.
pub fn warm_up() {
    if WARM_UP_STARTED.with(|w| w.get()) || !loaded() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let options = options_on_screen(&document);
    if options.is_empty() {
        return;
    }
    let (Ok(div), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    let Ok(div) = div.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    div.set_class_name("chart-warm-up");
    let _ = div.set_attribute("aria-hidden", "true");
    if body.append_child(&div).is_err() {
        return;
    }
    let Some(instance) = init(&div, false) else {
        div.remove();
        return;
    };
    WARM_UP_STARTED.with(|w| w.set(true));
    warm_up_step(instance, div, options, 0, inputs_seen());
}

/// The warm-up options of the drawn charts the reader is watching.
fn options_on_screen(document: &web_sys::Document) -> Vec<Value> {
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(charts) = document.query_selector_all(".chart") else {
        return Vec::new();
    };
    let mut options = Vec::new();
    for el in (0..charts.length()).filter_map(|i| charts.item(i)) {
        let Ok(el) = el.dyn_into::<web_sys::Element>() else {
            continue;
        };
        let instance = instance_by_dom(&el);
        if instance.is_undefined() || instance.is_null() {
            continue;
        }
        let rect = el.get_bounding_client_rect();
        let shown = rect.bottom().min(screen) - rect.top().max(0.0);
        if shown > 0.0
            && mostly_on_screen(shown / rect.height(), shown, screen)
            && let Some(option) = last_option(instance.unchecked_ref())
        {
            options.push(warm_up_option(&option));
        }
    }
    options
}

/// One update of the warm-up per task, each chart's copy in turn; the copy is disposed
/// after the last one, or at once when an input arrived (its redraw warms the code).
fn warm_up_step(
    instance: ECharts,
    div: web_sys::HtmlElement,
    mut options: Vec<Value>,
    step: usize,
    inputs: u32,
) {
    leptos::prelude::set_timeout(
        move || {
            let option = options.get_mut(step / WARM_UP_UPDATES);
            let (Some(option), true) = (option, inputs_seen() == inputs) else {
                instance.dispose();
                div.remove();
                return;
            };
            vary(option, step);
            // The first update of each chart's copy replaces the last chart's option.
            let opts = js_sys::Object::new();
            let fresh = JsValue::from_bool(step.is_multiple_of(WARM_UP_UPDATES));
            let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &fresh);
            let _ = js_sys::Reflect::set(&opts, &"lazyUpdate".into(), &JsValue::FALSE);
            if let Ok(parsed) = js_sys::JSON::parse(&option.to_string()) {
                let _ = instance.set_option_js(&parsed, &opts);
            }
            warm_up_step(instance, div, options, step + 1, inputs);
        },
        std::time::Duration::ZERO,
    );
}
