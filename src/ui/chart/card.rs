//! A chart with a title, its export buttons, and a "show as table" view of the same
//! numbers.

use std::rc::Rc;
use std::sync::Arc;

use crate::charts::Chart;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::bindings::ECharts;
use super::export::ChartExport;
use super::view::{ChartView, InstanceSlot, OnReady};
use crate::charts::Table;

/// The table twin of a chart.
#[component]
pub fn TableView(
    /// The numbers to show.
    table: Table,
) -> impl IntoView {
    // The wrapper scrolls, so it takes focus (arrow keys scroll it) and is named.
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=table.caption.clone()>
            <table>
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table.rows.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td>{cell.shown().to_string()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A titled chart that can switch to its table.
#[component]
pub fn ChartCard<C, T>(
    /// Heading of the card.
    title: &'static str,
    /// Stable hook for tests and styling.
    key: &'static str,
    /// Builds the chart; reactive.
    chart: C,
    /// Builds the same numbers as a table; reactive.
    table: T,
    /// Called once with the chart's instance.
    #[prop(optional)]
    on_ready: Option<OnReady>,
    /// A line under the title.
    #[prop(optional)]
    note: &'static str,
) -> impl IntoView
where
    C: Fn() -> Chart + 'static,
    T: Fn() -> Table + Send + Sync + 'static,
{
    let as_table = RwSignal::new(false);
    let chart: Rc<dyn Fn() -> Chart> = Rc::new(chart);
    let table: Arc<dyn Fn() -> Table + Send + Sync> = Arc::new(table);
    let instance = InstanceSlot::default();
    let slot = instance.clone();
    let on_ready = Rc::new(move |i: &ECharts| {
        *slot.borrow_mut() = Some(
            AsRef::<wasm_bindgen::JsValue>::as_ref(i)
                .clone()
                .unchecked_into(),
        );
        if let Some(f) = &on_ready {
            f(i);
        }
    });
    let (draw, tabulate) = (chart.clone(), table.clone());
    view! {
        <section class="chart-card" data-chart=key>
            <div class="chart-head">
                <h2>{title}</h2>
                <ChartExport key=key chart=chart instance=instance table=table/>
                // The label names the action, so no aria-pressed: "Show as chart, pressed"
                // would contradict itself.
                <button type="button" class="ghost" on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { "Show as chart" } else { "Show as table" }}
                </button>
            </div>
            {(!note.is_empty()).then(|| view! { <p class="chart-note">{note}</p> })}
            <div class="chart-body" class:hidden=move || as_table.get()>
                <ChartView option=move || draw() label=title class=format!("chart-{key}") on_ready=on_ready/>
            </div>
            {move || as_table.get().then(|| view! { <TableView table=tabulate()/> })}
        </section>
    }
}
