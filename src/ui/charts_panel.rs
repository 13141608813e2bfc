//! The charts: breakeven, cumulative TCO, monthly breakdown, and what faster answers
//! cost a self-hosted GPU.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::chart::{ChartCard, ECharts, OnReady};
use super::embed::shows;
use super::staged::Later;
use super::state::{AppState, use_state};
use crate::charts;
use crate::embed::Section;

/// Clicking anywhere on the breakeven chart's plot sets the monthly volume there.
fn click_sets_volume(state: AppState) -> OnReady {
    Rc::new(move |instance: &ECharts| {
        let inst: ECharts = AsRef::<JsValue>::as_ref(instance).clone().unchecked_into();
        let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let get = |k: &str| {
                js_sys::Reflect::get(&event, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            let (Some(x), Some(y)) = (get("offsetX"), get("offsetY")) else {
                return;
            };
            let finder = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&finder, &"gridIndex".into(), &0.into());
            let point = js_sys::Array::of2(&x.into(), &y.into());
            let Ok(value) = inst.convert_from_pixel(&finder, &point) else {
                return;
            };
            let requests = js_sys::Reflect::get(&value, &0.into())
                .ok()
                .and_then(|v| v.as_f64());
            if let Some(r) = requests.filter(|r| r.is_finite() && *r >= 1.0) {
                state.set_field(
                    "workload.monthly_requests",
                    serde_json::Value::from(r.round()),
                );
            }
        });
        instance
            .get_zr()
            .on("click", handler.as_ref().unchecked_ref());
        // The handler lives as long as the chart; the instance is disposed with the page.
        handler.forget();
    })
}

/// The charts a link's sections choose (all by default), each with its table view, each
/// built in a task of its own right after the results (before the folded inputs).
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let state = use_state();
    view! {
        {shows(Section::Breakeven).then(|| view! { <Later soon=true>
            <ChartCard title="Breakeven: monthly cost by volume" key="breakeven"
                note="Click the chart to set the monthly volume. Drag or scroll to zoom."
                chart=move || state.report.with(|r| state.scenario.with(|s| charts::breakeven(r, s, &state.look())))
                table=move || state.report.with(|r| state.scenario.with(|s| charts::breakeven_table(r, s, &state.look())))
                on_ready=click_sets_volume(state)/>
        </Later> })}
        {shows(Section::Tco).then(|| view! { <Later soon=true>
            <ChartCard title="Cumulative cost over the horizon" key="tco"
                chart=move || state.report.with(|r| charts::tco(r, &state.look()))
                table=move || state.report.with(|r| charts::tco_table(r, &state.look()))/>
        </Later> })}
        {shows(Section::Breakdown).then(|| view! { <Later soon=true>
            <ChartCard title="Monthly cost breakdown" key="breakdown"
                chart=move || state.report.with(|r| charts::breakdown(r, &state.look()))
                table=move || state.report.with(|r| charts::breakdown_table(r, &state.look()))/>
        </Later> })}
        // Its figures are the self-hosted capacity the results section shows.
        {shows(Section::Results).then(|| view! { <Later>
            <ChartCard title="Throughput and interactivity: tokens/s per GPU by speed per user" key="interactivity"
                note="Smaller batches answer each request faster; each GPU then serves fewer tokens."
                chart=move || state.report.with(|r| state.scenario.with(|s| charts::interactivity(r, s, &state.look())))
                table=move || state.report.with(|r| state.scenario.with(|s| charts::interactivity_table(r, s)))/>
        </Later> })}
    }
}
