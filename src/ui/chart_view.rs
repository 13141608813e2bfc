//! One chart element: owns its ECharts instance for its whole life.

use std::cell::RefCell;
use std::rc::Rc;

use crate::charts::Chart;
use leptos::html;
use leptos::prelude::*;
use leptos_use::{
    UseIntersectionObserverOptions, use_element_size, use_intersection_observer_with_options,
};

use super::echarts::{self, ECharts};

/// Whether a chart is one the reader is watching: at least half of it on screen (a
/// `shown` fraction of its height, `shown_px` pixels), or filling at least half of a
/// screen `screen_px` tall.
pub fn mostly_on_screen(shown: f64, shown_px: f64, screen_px: f64) -> bool {
    shown >= 0.5 || shown_px >= screen_px / 2.0
}

/// Called with a chart's ECharts instance once it exists (to attach event handlers).
pub type OnReady = Rc<dyn Fn(&ECharts)>;

/// Draws the chart `option` returns, again whenever the signals it reads change: one
/// `echarts.init` per element, the option replaced on every change, resized with the
/// element, disposed when the element goes away.
///
/// A chart is first drawn when it comes within a screen of the visible part of the page
/// (or when the page is printed); after that it follows the inputs only while at least
/// part of it is on screen, and catches up when it scrolls back into sight. An input
/// therefore redraws the charts a reader can see, and a phone whose first screen holds no
/// chart does not even run the chart library until one is near.
#[component]
pub fn ChartView<F>(
    /// Builds the chart; reactive.
    option: F,
    /// Accessible name of the chart.
    #[prop(into)]
    label: String,
    /// Extra class on the chart element (sets its height).
    #[prop(optional, into)]
    class: String,
    /// Called with the instance once it exists (to attach event handlers).
    on_ready: OnReady,
) -> impl IntoView
where
    F: Fn() -> Chart + 'static,
{
    let node = NodeRef::<html::Div>::new();
    let instance: Rc<RefCell<Option<ECharts>>> = Rc::new(RefCell::new(None));
    let ready = super::echarts_ready();
    let printing = super::printing();

    // Near: within a screen of the visible part. Seen: at least partly on screen. Mostly
    // seen: at least half of it on screen, or filling at least half of the screen.
    let (near, set_near) = signal(false);
    let (seen, set_seen) = signal(false);
    let (mostly_seen, set_mostly_seen) = signal(false);
    // One closure for both observers: one copy of the observer's code in the wasm.
    let quarters = vec![0.0, 0.25, 0.5, 0.75, 1.0];
    for (margin, thresholds, near_one) in [("100% 0px", vec![0.0], true), ("0px", quarters, false)]
    {
        use_intersection_observer_with_options(
            node,
            move |entries, _| {
                let Some(entry) = entries.last() else { return };
                if near_one {
                    set_near.set(entry.is_intersecting());
                    return;
                }
                let screen = entry.root_bounds().map_or(f64::INFINITY, |r| r.height());
                let shown = entry.intersection_rect().height();
                set_seen.set(entry.is_intersecting());
                set_mostly_seen.set(
                    entry.is_intersecting()
                        && mostly_on_screen(entry.intersection_ratio(), shown, screen),
                );
            },
            UseIntersectionObserverOptions::default()
                .root_margin(margin)
                .thresholds(thresholds),
        );
    }
    // While typing, a chart mostly off screen waits for the pause (see below).
    let settling = use_context::<super::state::AppState>().map(|s| s.settling);

    let inst = instance.clone();
    // The option last handed to ECharts: an unchanged chart is not redrawn.
    let drawn = RefCell::new(String::new());
    Effect::new(move |_| {
        // A chart near the screen is drawn once. After that, a chart mostly on screen (or
        // printed) follows every input; one only partly on screen catches up once typing
        // pauses, so an input redraws the chart the reader is watching within the frame
        // instead of also redrawing a sliver at the screen's edge; one off screen catches
        // up when it scrolls into sight. Until then the effect follows only the view,
        // print and typing state.
        let first = drawn.borrow().is_empty();
        let follow = mostly_seen.get() || printing.get() || (first && near.get());
        let catch_up = seen.get() && !settling.is_some_and(|s| s.get());
        if !(follow || catch_up) {
            return;
        }
        if !ready.get() {
            super::load_echarts();
            return;
        }
        let chart = option();
        let Some(el) = node.get() else { return };
        if inst.borrow().is_none()
            && let Some(created) = echarts::init(&el, false)
        {
            on_ready(&created);
            *inst.borrow_mut() = Some(created);
        }
        if let Some(i) = inst.borrow().as_ref() {
            // Compact JSON: charming's own `to_string` indents it.
            let json = serde_json::to_string(&chart).unwrap_or_default();
            if *drawn.borrow() == json {
                return;
            }
            match echarts::set_option(i, &json) {
                Ok(()) => {
                    super::perf::chart_drawn();
                    *drawn.borrow_mut() = json;
                }
                Err(e) => leptos::logging::warn!("chart update failed: {e}"),
            }
        }
    });

    let size = use_element_size(node);
    let inst = instance.clone();
    Effect::new(move |_| {
        let (w, h) = (size.width.get(), size.height.get());
        if w > 0.0
            && h > 0.0
            && let Some(i) = inst.borrow().as_ref()
        {
            let _ = i.resize();
        }
    });

    let inst = send_wrapper::SendWrapper::new(instance);
    on_cleanup(move || {
        if let Some(i) = inst.borrow_mut().take() {
            i.dispose();
        }
    });

    view! { <div node_ref=node class=format!("chart {class}") role="img" aria-label=label></div> }
}
