//! The option as the page hands it to ECharts: charming's JSON with the few settings
//! charming has no builder for, added here on the JSON.

use serde_json::Value;

use super::json::{object_at, objects_mut, set_unless_set, string_at};
use super::option::Chart;

/// `chart` as ECharts takes it, with the settings below added.
pub fn for_echarts(chart: &Chart) -> Value {
    let mut option = serde_json::to_value(chart).unwrap_or_default();
    whole_axis_values_in_tooltip(&mut option);
    slider_without_data_shadow(&mut option);
    x_axis_end_labels_inside(&mut option);
    option
}

/// The tooltip's heading shows the axis value at the pointer in whole units ("258,291",
/// not "258,291.0000000000", which ECharts writes for a log axis).
fn whole_axis_values_in_tooltip(option: &mut Value) {
    let Some(tooltip) = option.get_mut("tooltip").and_then(Value::as_object_mut) else {
        return;
    };
    if let Some(label) = object_at(tooltip, "axisPointer").and_then(|p| object_at(p, "label")) {
        set_unless_set(label, "precision", 0.into());
    }
}

/// The first and last labels of a numeric x axis sit inside the chart: centred on the
/// axis ends, a long last label ("60,000,000") would be cut off at the chart's right edge.
fn x_axis_end_labels_inside(option: &mut Value) {
    for axis in objects_mut(option, "xAxis") {
        if axis.get("type").and_then(Value::as_str) == Some("category") {
            continue;
        }
        if let Some(label) = object_at(axis, "axisLabel") {
            set_unless_set(label, "alignMinLabel", "left".into());
            set_unless_set(label, "alignMaxLabel", "right".into());
        }
    }
}

/// A zoom slider without the miniature of the first series behind it: drawing that
/// miniature costs a third of the breakeven chart's redraw on every input.
fn slider_without_data_shadow(option: &mut Value) {
    let Some(Value::Array(zooms)) = option.get_mut("dataZoom") else {
        return;
    };
    for zoom in zooms.iter_mut() {
        if string_at(zoom, "type") == Some("slider")
            && let Some(zoom) = zoom.as_object_mut()
        {
            zoom.insert("showDataShadow".into(), false.into());
        }
    }
}
