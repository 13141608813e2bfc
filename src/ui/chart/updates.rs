//! Handing an option to an instance: merged into the last option when the series keep
//! their shape, with the series replaced when they do not, so nothing that disappears
//! from one update to the next lingers (charming's own renderer merges everything and
//! needs an element id).

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::bindings::ECharts;
use crate::charts::series_shape;

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
    /// The option (JSON text) each instance was last given, for the warm-up's copies.
    static OPTIONS: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// Hands an option ([`crate::charts::for_echarts`]) to an instance: merged into the last
/// option when the series keep their shape (cheaper: ECharts updates the series' views in
/// place), and with the series replaced (see [`REPLACED`]) when they do not.
pub fn set_option(instance: &ECharts, option: &Value) -> Result<(), String> {
    let json = option.to_string();
    let parsed = js_sys::JSON::parse(&json).map_err(|e| format!("{e:?}"))?;
    let shape = series_shape(option);
    let same_shape =
        SHAPES.with(|s| s.get(instance.unchecked_ref()).as_string().as_deref() == Some(&shape));
    let opts = js_sys::Object::new();
    if !same_shape {
        let replaced: js_sys::Array = REPLACED.iter().map(|t| JsValue::from_str(t)).collect();
        let _ = js_sys::Reflect::set(&opts, &"replaceMerge".into(), &replaced);
    }
    let _ = js_sys::Reflect::set(&opts, &"lazyUpdate".into(), &JsValue::FALSE);
    let set = instance
        .set_option_js(&parsed, &opts)
        .map_err(|e| format!("{e:?}"));
    // A failed update may have left anything behind: the next one replaces the series.
    let (shape, json) = if set.is_ok() {
        (JsValue::from_str(&shape), JsValue::from_str(&json))
    } else {
        (JsValue::UNDEFINED, JsValue::UNDEFINED)
    };
    SHAPES.with(|s| s.set(instance.unchecked_ref(), &shape));
    OPTIONS.with(|o| o.set(instance.unchecked_ref(), &json));
    set
}

/// The option `instance` was last given, if its last update succeeded.
pub fn last_option(instance: &ECharts) -> Option<Value> {
    let json = OPTIONS.with(|o| o.get(instance.unchecked_ref()).as_string())?;
    serde_json::from_str(&json).ok()
}
