//! How an update reaches ECharts: merged into the last option, or with the series
//! replaced, decided by the shape of the series.

use serde_json::Value;

use super::json::{one_or_many, string_at};

/// The shape of an option's series: their types, and at every depth which keys they set
/// (an array is one value, whatever it holds). Merging an update into the last one leaves
/// nothing stale when both have the same shape: every key the last one set is set again,
/// and arrays (the points, the marker lines) are replaced whole. A series that gains or
/// loses its points or a marker line changes the shape, and the update then replaces the
/// series.
pub fn series_shape(option: &Value) -> String {
    let mut shape = String::new();
    for one in one_or_many(option, "series") {
        // A line that becomes bars is a new series.
        shape.push_str(string_at(one, "type").unwrap_or_default());
        write_shape(one, &mut shape);
        shape.push(';');
    }
    shape
}

fn write_shape(value: &Value, out: &mut String) {
    match value {
        Value::Array(_) => out.push_str("[]"),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_unstable();
            out.push('{');
            for key in keys {
                out.push_str(key);
                out.push(':');
                if let Some(inner) = map.get(key) {
                    write_shape(inner, out);
                }
                out.push(',');
            }
            out.push('}');
        }
        _ => out.push('.'),
    }
}
