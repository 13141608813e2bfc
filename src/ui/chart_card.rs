//! A chart with a title and a "show as table" view of the same numbers.

use std::rc::Rc;

use charming::Chart;
use leptos::prelude::*;

use super::chart_view::ChartView;
use super::echarts::ECharts;
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
    on_ready: Option<Rc<dyn Fn(&ECharts)>>,
    /// A line under the title.
    #[prop(optional)]
    note: &'static str,
) -> impl IntoView
where
    C: Fn() -> Chart + 'static,
    T: Fn() -> Table + Send + Sync + 'static,
{
    let as_table = RwSignal::new(false);
    view! {
        <section class="chart-card" data-chart=key>
            <div class="chart-head">
                <h2>{title}</h2>
                // The label names the action, so no aria-pressed: "Show as chart, pressed"
                // would contradict itself.
                <button type="button" class="ghost" on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { "Show as chart" } else { "Show as table" }}
                </button>
            </div>
            {(!note.is_empty()).then(|| view! { <p class="chart-note">{note}</p> })}
            <div class="chart-body" class:hidden=move || as_table.get()>
                <ChartView option=chart label=title class=format!("chart-{key}") on_ready=on_ready.unwrap_or_else(|| Rc::new(|_: &ECharts| {}))/>
            </div>
            {move || as_table.get().then(|| view! { <TableView table=table()/> })}
        </section>
    }
}
