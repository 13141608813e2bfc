//! The page: Leptos components only; every number comes from `model::evaluate`.

mod chart_view;
pub mod echarts;

use leptos::prelude::*;

pub use chart_view::ChartView;

/// True once the ECharts script has run; charts draw from then on.
pub fn echarts_ready() -> ReadSignal<bool> {
    if let Some(ready) = use_context::<ReadSignal<bool>>() {
        return ready;
    }
    let (ready, set_ready) = signal(echarts::loaded());
    if !ready.get_untracked() {
        // The script is deferred; poll briefly until it has run.
        let handle = set_interval_with_handle(
            move || {
                if echarts::loaded() {
                    set_ready.set(true);
                }
            },
            std::time::Duration::from_millis(25),
        );
        if let Ok(h) = handle {
            Effect::new(move |_| {
                if ready.get() {
                    h.clear();
                }
            });
        }
    }
    provide_context(ready);
    ready
}

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    let _ = echarts_ready();
    view! {
        <main class="app">
            <h1>"LLM TCO"</h1>
            <p>"Cloud API or self-hosted: what does this workload cost, and where does the answer flip?"</p>
            <ChartView option=crate::charts::placeholder label="Placeholder chart" class="chart-main"/>
        </main>
    }
}
