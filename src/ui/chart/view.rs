//! One chart element: owns its ECharts instance for its whole life.

use std::cell::RefCell;
use std::rc::Rc;

use crate::charts::{Chart, for_echarts};
use leptos::html;
use leptos::prelude::*;
use leptos_use::use_resize_observer;
use serde_json::Value;

use super::bindings::{ECharts, init};
use super::library::{echarts_ready, load_echarts, printing};
use super::on_screen::{self, OnScreen};
use super::updates::set_option;

/// Called with a chart's ECharts instance once it exists (to attach event handlers).
pub type OnReady = Rc<dyn Fn(&ECharts)>;

/// A chart element's instance, once it has one.
pub type InstanceSlot = Rc<RefCell<Option<ECharts>>>;

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
    let instance = InstanceSlot::default();
    let place = on_screen::watch(node);
    follow_option(node, instance.clone(), place, option, on_ready);

    let inst = instance.clone();
    use_resize_observer(node, move |entries, _| {
        let sized = entries.first().is_some_and(|e| {
            let rect = e.content_rect();
            rect.width() > 0.0 && rect.height() > 0.0
        });
        if sized && let Some(i) = inst.borrow().as_ref() {
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

/// Draws `option` into `node` whenever it changes and the reader can see it.
///
/// A chart near the screen is drawn once. After that, a chart mostly on screen (or
/// printed) follows every input; one only partly on screen catches up once typing
/// pauses, so an input redraws the chart the reader is watching within the frame instead
/// of also redrawing a sliver at the screen's edge; one off screen catches up when it
/// scrolls into sight. Until then the effect follows only the view, print and typing
/// state.
fn follow_option<F>(
    node: NodeRef<html::Div>,
    instance: InstanceSlot,
    place: OnScreen,
    option: F,
    on_ready: OnReady,
) where
    F: Fn() -> Chart + 'static,
{
    let ready = echarts_ready();
    let printing = printing();
    let settling = use_context::<crate::ui::state::AppState>().map(|s| s.settling);
    // The option last handed to ECharts: an unchanged chart is not redrawn.
    let drawn = RefCell::new(None::<Value>);
    Effect::new(move |_| {
        let first = drawn.borrow().is_none();
        let follow = place.mostly_seen.get() || printing.get() || (first && place.near.get());
        let catch_up = place.seen.get() && !settling.is_some_and(|s| s.get());
        if !(follow || catch_up) {
            return;
        }
        if !ready.get() {
            load_echarts();
            return;
        }
        let chart = for_echarts(&option());
        let Some(el) = node.get() else { return };
        if instance.borrow().is_none()
            && let Some(created) = init(&el, false)
        {
            on_ready(&created);
            *instance.borrow_mut() = Some(created);
        }
        if let Some(i) = instance.borrow().as_ref() {
            if drawn.borrow().as_ref() == Some(&chart) {
                return;
            }
            match set_option(i, &chart) {
                Ok(()) => {
                    crate::ui::perf::chart_drawn();
                    *drawn.borrow_mut() = Some(chart);
                }
                Err(e) => leptos::logging::warn!("chart update failed: {e}"),
            }
        }
    });
}
