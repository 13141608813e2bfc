//! What only the printed report shows: the scenario's name and link at the top, and
//! every assumption with its unit, and the catalog figures with sources, at the end.

use leptos::prelude::*;
use serde_json::Value;

use super::state::use_state;
use crate::catalog;
use crate::scenario::fields::{FIELDS, GROUPS};
use crate::scenario::json_pointer;

/// A field's value as a reader of the report sees it.
fn shown(value: &Value, unit: &str) -> String {
    let text = match value {
        Value::Null => return "automatic (from the catalog)".into(),
        Value::Bool(true) => return "yes".into(),
        Value::Bool(false) => return "no".into(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() >= 1_000.0 => crate::format::grouped(x, 0),
            Some(x) => format!("{x}"),
            None => n.to_string(),
        },
        Value::String(s) if s.is_empty() => return "–".into(),
        Value::String(s) => s.replace('_', " "),
        other => other.to_string(),
    };
    if unit.is_empty() {
        text
    } else {
        format!("{text} {unit}")
    }
}

/// The print-only parts of the page, built the first time it is printed and kept from
/// then on. Hidden on screen, they are a quarter of the page's elements, and most visits
/// never print. The browser fires `beforeprint` before it lays the page
/// out for print, and the parts are built in the microtasks right after it, so they are
/// in the printout.
#[component]
pub fn PrintOnDemand() -> impl IntoView {
    let printing = super::chart::printing();
    let printed =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || printing.get());
    move || printed.get().then(|| view! { <PrintReport/> })
}

/// The print-only parts of the page (hidden on screen).
#[component]
fn PrintReport() -> impl IntoView {
    let state = use_state();
    // Hidden on screen, so it follows the inputs only once typing pauses: rebuilding its
    // tables on every keystroke would cost every input for nothing.
    // `settled` is set to the scenario on screen, so the page's report is its report.
    let report = Memo::new(move |_| {
        state.settled.track();
        state.report.get_untracked()
    });
    let title = move || {
        state.settled.with(|s| {
            let preset = catalog::preset(&s.preset)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| s.preset.clone());
            if s.name.trim().is_empty() || s.name == preset {
                preset
            } else {
                format!("{} (from {preset})", s.name)
            }
        })
    };
    // The settled scenario's address, as the address bar shows it once typing pauses.
    let link = move || state.settled.with(super::address::address_for);
    let today = move || {
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect::<String>()
    };
    let assumptions = move || {
        state.settled.with(|s| {
            let value = s.to_value();
            GROUPS
                .iter()
                .map(|&group| {
                    let rows = FIELDS.iter().filter(|f| f.group == group).map(|f| {
                        let v = value.pointer(&json_pointer(f.path)).cloned().unwrap_or(Value::Null);
                        view! { <tr><th scope="row">{f.label}</th><td>{shown(&v, f.unit)}</td></tr> }
                    });
                    view! {
                        <tbody>
                            <tr class="group-row"><th colspan="2" scope="rowgroup">{group}</th></tr>
                            {rows.collect_view()}
                        </tbody>
                    }
                })
                .collect_view()
        })
    };
    let sources = move || {
        report.with(|r| {
            r.sources
                .iter()
                .map(|s| {
                    let value = crate::format::grouped(s.value, if s.value.fract() == 0.0 { 0 } else { 2 });
                    view! { <tr><td>{s.item.clone()}</td><td>{format!("{value} {}", s.unit)}</td><td>{s.source.clone()}</td><td>{s.as_of.clone()}</td></tr> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="print-only print-head" aria-hidden="true">
            <p class="print-kicker">"LLM total cost of ownership report"</p>
            <h2>{title}</h2>
            <p class="print-meta">"Prepared " {today} " · scenario link: " <span class="print-link">{link}</span></p>
        </section>
        <section class="print-only print-assumptions" aria-hidden="true">
            <h2>"Assumptions"</h2>
            <table class="assumptions">{assumptions}</table>
            <h2>"Catalog figures used"</h2>
            <table class="sources">
                <thead><tr><th scope="col">"Figure"</th><th scope="col">"Value"</th><th scope="col">"Source"</th><th scope="col">"As of"</th></tr></thead>
                <tbody>{sources}</tbody>
            </table>
        </section>
    }
}
