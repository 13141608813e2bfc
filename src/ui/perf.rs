//! User Timing marks for the benchmarks (`make bench`), visible in any browser's
//! performance panel too: how long an input takes to reach the charts, and when the
//! first chart is drawn. Each call is one `performance.mark` or `measure`.

use std::cell::Cell;

/// Marked when an input handler starts.
pub const INPUT: &str = "llm-tco:input";
/// Measured from [`INPUT`] to each chart's `setOption` returning.
pub const REDRAW: &str = "llm-tco:redraw";
/// Marked once, when the first chart has been drawn.
pub const FIRST_CHART: &str = "llm-tco:first-chart";

thread_local! {
    /// Whether the charts being drawn now answer an input (and not a preset or a link).
    static INPUT_PENDING: Cell<bool> = const { Cell::new(false) };
    static CHART_DRAWN: Cell<bool> = const { Cell::new(false) };
    static INPUTS_SEEN: Cell<u32> = const { Cell::new(0) };
}

/// How many inputs the page has had so far (the charts' warm-up stops at the first).
pub fn inputs_seen() -> u32 {
    INPUTS_SEEN.with(Cell::get)
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Call first thing in an input handler. The redraws it causes run as microtasks, so the
/// zero-delay timeout that ends the window fires after all of them.
pub fn input_started() {
    INPUTS_SEEN.with(|c| c.set(c.get().wrapping_add(1)));
    let Some(p) = performance() else { return };
    p.clear_marks_with_mark_name(INPUT);
    p.clear_measures_with_measure_name(REDRAW);
    let _ = p.mark(INPUT);
    INPUT_PENDING.with(|c| c.set(true));
    leptos::prelude::set_timeout(
        || INPUT_PENDING.with(|c| c.set(false)),
        std::time::Duration::ZERO,
    );
}

/// Call when a chart's `setOption` has returned (ECharts paints synchronously then).
pub fn chart_drawn() {
    let Some(p) = performance() else { return };
    if !CHART_DRAWN.with(|c| c.replace(true)) {
        let _ = p.mark(FIRST_CHART);
    }
    if INPUT_PENDING.with(Cell::get) {
        let _ = p.measure_with_start_mark(REDRAW, INPUT);
    }
}

/// Measured once per finished Monte Carlo run: the time it spent computing, without the
/// frames it yielded to the page in between (User Timing's `{start, duration}` form).
pub const MONTE_CARLO: &str = "llm-tco:monte-carlo";

pub fn monte_carlo_finished(busy_ms: f64) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(p) = performance() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &"start".into(),
        &JsValue::from_f64((p.now() - busy_ms).max(0.0)),
    );
    let _ = js_sys::Reflect::set(&options, &"duration".into(), &JsValue::from_f64(busy_ms));
    if let Ok(measure) =
        js_sys::Reflect::get(&p, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = measure.call2(&p, &MONTE_CARLO.into(), &options);
    }
}
