//! The options the page's warm-up hands to a hidden copy of a chart: few points, moved
//! a little at each step, so that each update runs ECharts' update code as an input does.

use serde_json::Value;

use super::json::objects_mut;

/// Points kept in each series of a hidden copy: the update code, not the data, is what
/// needs warming.
pub const WARM_UP_POINTS: usize = 10;

/// `option` with at most [`WARM_UP_POINTS`] points in each series, evenly picked.
pub fn warm_up_option(option: &Value) -> Value {
    let mut option = option.clone();
    for series in objects_mut(&mut option, "series") {
        if let Some(Value::Array(data)) = series.get_mut("data") {
            let every = data.len().div_ceil(WARM_UP_POINTS).max(1);
            *data = data.iter().step_by(every).cloned().collect();
        }
    }
    option
}

/// Moves the `y` of every `[x, y]` point of the series by a factor that differs from one
/// `step` to the next (by up to 8 %); other points stay as they are.
pub fn vary(option: &mut Value, step: usize) {
    let factor = 1.0 + 0.02 * (step % 5) as f64;
    for series in objects_mut(option, "series") {
        let Some(Value::Array(data)) = series.get_mut("data") else {
            continue;
        };
        for point in data.iter_mut() {
            let xy = match point.as_array().map(Vec::as_slice) {
                Some([x, y, ..]) => x.as_f64().zip(y.as_f64()),
                _ => None,
            };
            if let Some((x, y)) = xy {
                *point = serde_json::json!([x, y * factor]);
            }
        }
    }
}
