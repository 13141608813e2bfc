//! One chart element: owns its ECharts instance for its whole life.

use std::cell::RefCell;
use std::rc::Rc;

use charming::Chart;
use leptos::html;
use leptos::prelude::*;
use leptos_use::{UseIntersectionObserverOptions, use_element_size, use_intersection_observer_with_options};

use super::echarts::{self, ECharts};

/// Draws the chart `option` returns, again whenever the signals it reads change: one
/// `echarts.init` per element, the option replaced on every change, resized with the
/// element, disposed when the element goes away.
///
/// Only a chart within about one screen of the visible part of the page is built and
/// drawn; one further away catches up when it comes near (or when the page is printed).
/// An input therefore redraws the charts a reader can see, and a phone whose first
/// screen holds no chart does not even load the chart library until one is near.
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
    on_ready: Rc<dyn Fn(&ECharts)>,
) -> impl IntoView
where
    F: Fn() -> Chart + 'static,
{
    let node = NodeRef::<html::Div>::new();
    let instance: Rc<RefCell<Option<ECharts>>> = Rc::new(RefCell::new(None));
    let ready = super::echarts_ready();
    let printing = super::printing();

    let (in_view, set_in_view) = signal(false);
    use_intersection_observer_with_options(
        node,
        move |entries, _| {
            if let Some(entry) = entries.last() {
                set_in_view.set(entry.is_intersecting());
            }
        },
        UseIntersectionObserverOptions::default().root_margin("100% 0px"),
    );

    let inst = instance.clone();
    // The option last handed to ECharts: an unchanged chart is not redrawn.
    let drawn = RefCell::new(String::new());
    Effect::new(move |_| {
        // Out of view, the effect follows only the view and print state, not the inputs.
        if !in_view.get() && !printing.get() {
            return;
        }
        if !ready.get() {
            super::load_echarts();
            return;
        }
        let chart = option();
        let Some(el) = node.get() else { return };
        if inst.borrow().is_none() {
            if let Some(created) = echarts::init(&el, false) {
                on_ready(&created);
                *inst.borrow_mut() = Some(created);
            }
        }
        if let Some(i) = inst.borrow().as_ref() {
            let json = chart.to_string();
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
        if w > 0.0 && h > 0.0 {
            if let Some(i) = inst.borrow().as_ref() {
                let _ = i.resize();
            }
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
