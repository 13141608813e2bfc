//! The page: Leptos components only; every number comes from `model::evaluate`.

mod address;
mod analysis;
mod answer_bar;
mod catalog_note;
pub mod chart;
mod charts_panel;
mod clipboard;
mod decision;
mod embed;
mod embed_dialog;
mod export;
mod field;
mod header;
mod import;
mod inputs;
mod notices;
mod offline;
pub mod perf;
mod print;
mod results;
mod saved;
mod share;
mod site;
pub mod staged;
pub mod state;

use leptos::prelude::*;

use address::follow_address_bar;
use analysis::Analysis;
use answer_bar::AnswerBar;
use charts_panel::ChartsPanel;
use decision::DecisionCard;
use embed::{EmbedRoot, apply_accent, shows};
use header::Header;
pub use header::remove_boot_header;
use import::ImportPanel;
use inputs::Inputs;
use notices::{AccentNotice, LinkNotices};
use print::PrintOnDemand;
use results::Results;
use saved::SavedPanel;
use site::{SiteCta, SiteFooter, load_site};
use staged::Later;
use state::{AppState, use_state};

use crate::embed::{PageSettings, Section, fit_accent};

/// The query string of the page's address (empty when there is none).
fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The inputs and everything computed from them, as far as the link's sections choose.
#[component]
fn Calculator() -> impl IntoView {
    let inputs = shows(Section::Inputs);
    // Saved scenarios and the printed report belong to the full page, not to an embed.
    let full_page = use_context::<PageSettings>().is_none_or(|p| !p.embed);
    view! {
        <main class="layout" class:no-inputs=!inputs>
            {inputs.then(|| view! {
                <aside class="inputs" aria-label="Inputs" on:focusin=|_| chart::warm_up()>
                    <Inputs/>
                </aside>
            })}
            <div class="outputs">
                {shows(Section::Decision).then(|| view! { <Later soon=true><DecisionCard/></Later> })}
                {shows(Section::Results).then(|| view! { <Later soon=true><Results/></Later> })}
                <ChartsPanel/>
                {shows(Section::Analysis).then(|| view! { <Analysis/> })}
                {full_page.then(|| view! { <Later><ImportPanel/></Later><Later><SavedPanel/></Later><PrintOnDemand/> })}
            </div>
        </main>
    }
}

/// What the page's view needs, set up before it is built: the link read, the state and
/// the page's settings in context, the document's colour scheme and accent followed.
pub struct Prepared {
    page: PageSettings,
    notices: Vec<crate::scenario::FieldError>,
    link_fit: Memo<Option<crate::embed::AccentFit>>,
}

/// Sets the app up under the current reactive owner. The page runs it in a task of its
/// own before [`page_view`], so neither makes one long task of both.
pub fn prepare() -> Prepared {
    let _ = chart::echarts_ready();
    let decoded = crate::link::decode(&location_search());
    let (page, page_notices) = PageSettings::from_extras(&decoded.extras);
    let mut notices = decoded.notices;
    notices.extend(page_notices);
    let state = AppState::new(decoded.scenario);
    if let Some(theme) = page.theme {
        state.theme.set(theme);
    }
    provide_context(state);
    provide_context(page.clone());
    let site = load_site();

    // The colour scheme is set on the document so the whole page follows it; "auto" is
    // resolved here (and follows the system's changes), so the stylesheet has one dark
    // block, keyed on this attribute alone.
    Effect::new(move |_| {
        let scheme = if state.dark.get() { "dark" } else { "light" };
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", scheme);
        }
    });
    // A link's accent wins over the site owner's; either is fitted to the theme on screen
    // so it keeps AA contrast (src/embed/accent.rs, `fit_accent`).
    let link_accent = page.accent.clone();
    let link_fit = Memo::new(move |_| {
        link_accent
            .as_deref()
            .and_then(|a| fit_accent(a, state.dark.get()))
    });
    Effect::new(move |_| {
        if let Some(fit) = link_fit.get() {
            apply_accent(Some(&fit.used));
            return;
        }
        let site_accent = site.0.with(|s| s.as_ref().and_then(|s| s.accent.clone()));
        let fit = site_accent
            .as_deref()
            .and_then(|a| fit_accent(a, state.dark.get()));
        if let Some(message) = fit.as_ref().and_then(|f| f.message()) {
            gloo::console::warn!(format!("site.json: \"accent\" {message}"));
        }
        apply_accent(fit.as_ref().map(|f| f.used.as_str()));
    });
    Prepared {
        page,
        notices,
        link_fit,
    }
}

/// The page itself, under the owner [`prepare`] ran in: the full page, or the compact
/// embed a link with `embed=1` asks for.
pub fn page_view(prepared: Prepared) -> impl IntoView {
    let Prepared {
        page,
        notices,
        link_fit,
    } = prepared;
    // Here rather than in `prepare`: its first write waits for a step queued now, after
    // the first screen's blocks, and a step queued in `prepare` would run before them.
    follow_address_bar(use_state(), page.query());
    if page.embed {
        return view! {
            <EmbedRoot>
                <LinkNotices notices=notices/>
                <AccentNotice fit=link_fit/>
                <Calculator/>
                <SiteCta/>
            </EmbedRoot>
        }
        .into_any();
    }
    // Offline use belongs to the full page; an embed never installs a worker (SECURITY.md).
    offline::register_after_start();
    view! {
        <Later soon=true><Header/></Later>
        <LinkNotices notices=notices/>
        <AccentNotice fit=link_fit/>
        <Calculator/>
        <Later soon=true><AnswerBar/></Later>
        // Last, so it never moves down while the parts above it arrive.
        <Later>
            <footer class="foot">
                <p>"Everything is computed in your browser; nothing you enter leaves this page. Catalog prices carry their sources and dates; override any of them."</p>
                <SiteFooter/>
            </footer>
        </Later>
    }
    .into_any()
}

/// The whole calculator in one go: [`prepare`], then [`page_view`].
#[component]
pub fn App() -> impl IntoView {
    page_view(prepare())
}
