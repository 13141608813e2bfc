//! The page: Leptos components only; every number comes from `model::evaluate`.

mod answer_bar;
mod catalog_note;
mod chart_card;
mod chart_view;
mod charts_panel;
mod decision;
pub mod echarts;
mod field;
mod header;
mod inputs;
mod notices;
pub mod perf;
mod results;
pub mod state;

use leptos::prelude::*;

pub use chart_view::ChartView;
use answer_bar::AnswerBar;
use charts_panel::ChartsPanel;
use decision::DecisionCard;
use header::Header;
use inputs::Inputs;
use notices::{LinkNotices, follow_address_bar};
use results::Results;
use state::{AppState, Theme};

/// True once the ECharts script has run; charts draw from then on. The first call
/// starts loading it.
pub fn echarts_ready() -> ReadSignal<bool> {
    if let Some(ready) = use_context::<ReadSignal<bool>>() {
        return ready;
    }
    let (ready, set_ready) = signal(echarts::loaded());
    if !ready.get_untracked() {
        echarts::load_after_first_paint(move || set_ready.set(true));
    }
    provide_context(ready);
    ready
}

/// The query string of the page's address (empty when there is none).
fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    let _ = echarts_ready();
    let decoded = crate::link::decode(&location_search());
    let state = AppState::new(decoded.scenario);
    provide_context(state);
    follow_address_bar(state);

    // The colour scheme is set on the document so the whole page follows it.
    Effect::new(move |_| {
        let theme = match state.theme.get() {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        };
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = match theme {
                Some(t) => root.set_attribute("data-theme", t),
                None => root.remove_attribute("data-theme"),
            };
        }
    });

    view! {
        <Header/>
        <LinkNotices notices=decoded.notices/>
        <main class="layout">
            <aside class="inputs" aria-label="Inputs">
                <Inputs/>
            </aside>
            <div class="outputs">
                <DecisionCard/>
                <Results/>
                <ChartsPanel/>
            </div>
        </main>
        <AnswerBar/>
        <footer class="foot">
            <p>"Everything is computed in your browser; nothing you enter leaves this page. Catalog prices carry their sources and dates; override any of them."</p>
        </footer>
    }
}
