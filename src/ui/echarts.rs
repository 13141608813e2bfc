//! The few ECharts calls the charts need, on the instance each chart element owns.
//!
//! charming builds the option; it is handed over as JSON and merged into the last one,
//! with the series replaced whenever their shape changes, so nothing that disappears from
//! one update to the next lingers (charming's own renderer merges everything and needs an
//! element id).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    pub type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_js(
        el: &web_sys::HtmlElement,
        theme: JsValue,
        opts: &JsValue,
    ) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option_js(this: &ECharts, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    pub fn resize(this: &ECharts) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    pub fn dispose(this: &ECharts);

    #[wasm_bindgen(method)]
    pub fn on(this: &ECharts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = getZr)]
    pub fn get_zr(this: &ECharts) -> ZRender;

    #[wasm_bindgen(catch, method, js_name = convertFromPixel)]
    pub fn convert_from_pixel(
        this: &ECharts,
        finder: &JsValue,
        point: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    pub fn get_data_url(this: &ECharts, opts: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_name = getOption)]
    fn get_option(this: &ECharts) -> JsValue;

    /// The instance drawn into an element, `undefined` if none.
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn instance_by_dom(el: &web_sys::Element) -> JsValue;

    #[wasm_bindgen(method, js_name = getWidth)]
    pub fn get_width(this: &ECharts) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    pub fn get_height(this: &ECharts) -> f64;

    /// The renderer under an instance (for clicks anywhere on the canvas).
    pub type ZRender;

    #[wasm_bindgen(method)]
    pub fn on(this: &ZRender, event: &str, handler: &js_sys::Function);
}

/// Whether the ECharts script has run.
pub fn loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
        .map(|v| !v.is_undefined())
        .unwrap_or(false)
}

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

/// Creates the instance for an element: canvas, or SVG for `svg` (None unless a page
/// registers the SVG renderer, which the bundled ECharts leaves out).
pub fn init(el: &web_sys::HtmlElement, svg: bool) -> Option<ECharts> {
    if !loaded() {
        return None;
    }
    let opts = js_sys::Object::new();
    let renderer = if svg { "svg" } else { "canvas" };
    let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &renderer.into());
    init_js(el, JsValue::NULL, &opts).ok()
}

/// The tooltip's heading shows the axis value at the pointer in whole units ("258,291",
/// not "258,291.0000000000", which ECharts writes for a log axis). charming has no
/// setting for the label's precision, so it is added to the option here.
fn whole_axis_values_in_tooltip(option: &JsValue) {
    let Some(tooltip) = js_sys::Reflect::get(option, &"tooltip".into())
        .ok()
        .filter(|v| v.is_object())
    else {
        return;
    };
    let Some(label) =
        object_at(&tooltip, "axisPointer").and_then(|pointer| object_at(&pointer, "label"))
    else {
        return;
    };
    set_unless_set(&label, "precision", &JsValue::from_f64(0.0));
}

/// The object under `key` in `parent`, created empty when there is none.
fn object_at(parent: &JsValue, key: &str) -> Option<JsValue> {
    let existing = js_sys::Reflect::get(parent, &key.into())
        .ok()
        .filter(|v| v.is_object());
    existing.or_else(|| {
        let created: JsValue = js_sys::Object::new().into();
        js_sys::Reflect::set(parent, &key.into(), &created).ok()?;
        Some(created)
    })
}

/// The objects under `key` in an option, which ECharts takes as one or as a list (none
/// when there is neither).
fn one_or_many(option: &JsValue, key: &str) -> Vec<JsValue> {
    let value = js_sys::Reflect::get(option, &key.into()).unwrap_or_default();
    if js_sys::Array::is_array(&value) {
        js_sys::Array::from(&value).iter().collect()
    } else if value.is_object() {
        vec![value]
    } else {
        Vec::new()
    }
}

/// The string under `key` in `object`, if there is one.
fn string_at(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &key.into()).ok()?.as_string()
}

fn set_unless_set(target: &JsValue, key: &str, value: &JsValue) {
    if js_sys::Reflect::get(target, &key.into()).is_ok_and(|v| v.is_undefined()) {
        let _ = js_sys::Reflect::set(target, &key.into(), value);
    }
}

/// The first and last labels of a numeric x axis sit inside the chart: centred on the
/// axis ends, a long last label ("60,000,000") was cut off at the chart's right edge.
/// charming has no setting for their alignment, so it is added to the option here.
fn x_axis_end_labels_inside(option: &JsValue) {
    for axis in one_or_many(option, "xAxis") {
        if string_at(&axis, "type").as_deref() == Some("category") {
            continue;
        }
        if let Some(label) = object_at(&axis, "axisLabel") {
            set_unless_set(&label, "alignMinLabel", &JsValue::from_str("left"));
            set_unless_set(&label, "alignMaxLabel", &JsValue::from_str("right"));
        }
    }
}

/// A zoom slider without the miniature of the first series behind it: drawing that
/// miniature was a third of the breakeven chart's redraw on every input. charming has no
/// setting for it, so it is added to the option here.
fn slider_without_data_shadow(option: &JsValue) {
    let Some(zooms) = js_sys::Reflect::get(option, &"dataZoom".into())
        .ok()
        .filter(js_sys::Array::is_array)
    else {
        return;
    };
    for zoom in js_sys::Array::from(&zooms).iter() {
        if string_at(&zoom, "type").as_deref() == Some("slider") {
            let _ = js_sys::Reflect::set(&zoom, &"showDataShadow".into(), &JsValue::FALSE);
        }
    }
}

/// What an update replaces outright when the series change shape: every series the new
/// option does not list disappears. Everything else is always merged: each chart always
/// sets the same axis, grid and legend properties, so merging them leaves nothing stale,
/// and their views are updated instead of built anew on every keystroke; a reader's zoom
/// survives an input and the tooltip's element is not rebuilt (and the page's layout
/// measured again).
const REPLACED: [&str; 1] = ["series"];

thread_local! {
    /// The [`series_shape`] each instance was last given.
    static SHAPES: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// The shape of an option's series: their types, and at every depth which keys they set
/// (an array is one value, whatever it holds). Merging an update into the last one leaves
/// nothing stale when both have the same shape: every key the last one set is set again,
/// and arrays (the points, the marker lines) are replaced whole. A series that gains or
/// loses its points or a marker line changes the shape.
pub fn series_shape(option: &JsValue) -> String {
    let mut shape = String::new();
    for one in one_or_many(option, "series") {
        // A line that becomes bars is a new series.
        shape.push_str(&string_at(&one, "type").unwrap_or_default());
        write_shape(&one, &mut shape);
        shape.push(';');
    }
    shape
}

fn write_shape(value: &JsValue, out: &mut String) {
    if js_sys::Array::is_array(value) {
        out.push_str("[]");
    } else if value.is_object() {
        let mut keys: Vec<String> = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        keys.sort_unstable();
        out.push('{');
        for key in keys {
            out.push_str(&key);
            out.push(':');
            let inner = js_sys::Reflect::get(value, &key.as_str().into()).unwrap_or_default();
            write_shape(&inner, out);
            out.push(',');
        }
        out.push('}');
    } else if !value.is_undefined() {
        out.push('.');
    }
}

/// Hands charming's JSON to an instance: merged into the last option when the series keep
/// their shape (cheaper: ECharts updates the series' views in place), and with the series
/// replaced (see [`REPLACED`]) when they do not.
pub fn set_option(instance: &ECharts, option_json: &str) -> Result<(), String> {
    let option = js_sys::JSON::parse(option_json).map_err(|e| format!("{e:?}"))?;
    whole_axis_values_in_tooltip(&option);
    slider_without_data_shadow(&option);
    x_axis_end_labels_inside(&option);
    let shape = series_shape(&option);
    let same_shape =
        SHAPES.with(|s| s.get(instance.unchecked_ref()).as_string().as_deref() == Some(&shape));
    let opts = js_sys::Object::new();
    if !same_shape {
        let replaced: js_sys::Array = REPLACED.iter().map(|t| JsValue::from_str(t)).collect();
        let _ = js_sys::Reflect::set(&opts, &"replaceMerge".into(), &replaced);
    }
    let _ = js_sys::Reflect::set(&opts, &"lazyUpdate".into(), &JsValue::FALSE);
    let set = instance
        .set_option_js(&option, &opts)
        .map_err(|e| format!("{e:?}"));
    // A failed update may have left anything behind: the next one replaces the series.
    let remembered = if set.is_ok() {
        JsValue::from_str(&shape)
    } else {
        JsValue::UNDEFINED
    };
    SHAPES.with(|s| s.set(instance.unchecked_ref(), &remembered));
    set
}

/// Updates the hidden copy of a chart gets while the reader is about to type.
const WARM_UP_UPDATES: usize = 10;
/// Points kept in each series of a hidden copy: the update code, not the data, is what
/// needs warming.
const WARM_UP_POINTS: u32 = 10;

thread_local! {
    static WARM_UP_STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs ECharts' update code on hidden copies of the charts on screen, one update per
/// task, when the reader moves into the inputs (focus). The first updates after a load
/// run that code before the JavaScript engine has compiled it, at two to three times
/// the settled cost: warmed here, while the reader is still reaching for the keys, the
/// first keystrokes redraw nearly as fast as the later ones. It runs once per page, stops at
/// the first input, and does nothing before a chart is drawn or with none on screen.
pub fn warm_up() {
    if WARM_UP_STARTED.with(|w| w.get()) || !loaded() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let screen = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let mut options = Vec::new();
    if let Ok(charts) = document.query_selector_all(".chart") {
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
                && super::chart_view::mostly_on_screen(shown / rect.height(), shown, screen)
            {
                let option = instance.unchecked_into::<ECharts>().get_option();
                if option.is_object() {
                    options.push(fewer_points(option));
                }
            }
        }
    }
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
    warm_up_step(instance, div, options, 0, super::perf::inputs_seen());
}

/// One update of the warm-up per task, each chart's copy in turn; the copy is disposed
/// after the last one, or at once when an input arrived (its redraw warms the code).
fn warm_up_step(
    instance: ECharts,
    div: web_sys::HtmlElement,
    options: Vec<JsValue>,
    step: usize,
    inputs: u32,
) {
    leptos::prelude::set_timeout(
        move || {
            if step >= WARM_UP_UPDATES * options.len() || super::perf::inputs_seen() != inputs {
                instance.dispose();
                div.remove();
                return;
            }
            let option = &options[step / WARM_UP_UPDATES];
            vary(option, step);
            // The first update of each chart's copy replaces the last chart's option.
            let opts = js_sys::Object::new();
            let fresh = JsValue::from_bool(step.is_multiple_of(WARM_UP_UPDATES));
            let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &fresh);
            let _ = js_sys::Reflect::set(&opts, &"lazyUpdate".into(), &JsValue::FALSE);
            let _ = instance.set_option_js(option, &opts);
            warm_up_step(instance, div, options, step + 1, inputs);
        },
        std::time::Duration::ZERO,
    );
}

/// Replaces the points of every series in `option` with what `f` makes of them.
fn map_series_data(option: &JsValue, mut f: impl FnMut(js_sys::Array) -> js_sys::Array) {
    for series in one_or_many(option, "series") {
        let data = js_sys::Reflect::get(&series, &"data".into()).unwrap_or_default();
        if js_sys::Array::is_array(&data) {
            let _ = js_sys::Reflect::set(&series, &"data".into(), &f(data.unchecked_into()));
        }
    }
}

/// The option with at most [`WARM_UP_POINTS`] points in each series.
fn fewer_points(option: JsValue) -> JsValue {
    map_series_data(&option, |data| {
        let every = data.length().div_ceil(WARM_UP_POINTS).max(1);
        data.iter().step_by(every as usize).collect()
    });
    option
}

/// Moves every `[x, y]` point of the series a little, differently at each step, so that
/// each update changes the series as an input does.
fn vary(option: &JsValue, step: usize) {
    let factor = 1.0 + 0.02 * (step % 5) as f64;
    let moved = |point: JsValue| {
        let xy = js_sys::Array::is_array(&point).then(|| {
            let pair: &js_sys::Array = point.unchecked_ref();
            (pair.get(0).as_f64(), pair.get(1).as_f64())
        });
        match xy {
            Some((Some(x), Some(y))) => js_sys::Array::of2(&x.into(), &(y * factor).into()).into(),
            _ => point,
        }
    };
    map_series_data(option, |data| data.iter().map(moved).collect());
}
