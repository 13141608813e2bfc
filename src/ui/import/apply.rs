//! Laying the files' figures over the scenario: the changes listed first (field, value now,
//! value from the file), applied in one step the visitor confirms, and undone to the exact
//! scenario from before. Figures the files do not have are named and left as they are.

use leptos::prelude::*;
use serde_json::Value;

use super::{Applied, Importer};
use crate::format;
use crate::import::report::{not_in_file, scenario_fields};
use crate::scenario::{Scenario, field};
use crate::ui::state::{AppState, use_state};

/// A field's label, or its path when the scenario has no such field.
fn label(path: &str) -> &str {
    field(path).map_or(path, |f| f.label)
}

/// A value as its input box shows it: large whole numbers grouped, others in their
/// shortest digits (25, not 25.0), text without quotes.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "(empty)".into(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() >= 10_000.0 => format::grouped(x, 0),
            Some(x) => format!("{x}"),
            None => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// The changes the import would make: (label, value now, value from the file).
fn changes(state: AppState, importer: Importer) -> Vec<(&'static str, String, String)> {
    let fields = importer
        .result
        .with(|r| r.as_ref().map(|r| scenario_fields(&r.derived)))
        .unwrap_or_default();
    state.scenario.with(|s| {
        fields
            .into_iter()
            .map(|(path, value)| (label(path), shown(&s.get(path)), shown(&value)))
            .collect()
    })
}

/// Moves the keyboard focus to the button `hook` names once it is drawn: the button just
/// pressed gives way to the other (Apply to Undo and back), and focus would fall to the page.
fn focus_after_render(hook: &'static str) {
    request_animation_frame(move || {
        let button = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("button[data-import=\"{hook}\"]"))
                    .ok()
            })
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}

fn apply(state: AppState, importer: Importer) {
    let Some(fields) = importer
        .result
        .with_untracked(|r| r.as_ref().map(|r| scenario_fields(&r.derived)))
    else {
        return;
    };
    let previous: Scenario = state.scenario.get_untracked();
    let mut next = previous.clone();
    let set = fields.len();
    let refused = next
        .set_many(fields)
        .into_iter()
        .map(|e| format!("{}: {}", label(&e.field), e.message))
        .collect();
    state.replace(next);
    importer.applied.set(Some(Applied {
        previous,
        set,
        refused,
    }));
    focus_after_render("undo");
}

fn undo(state: AppState, importer: Importer) {
    if let Some(applied) = importer.applied.get_untracked() {
        state.replace(applied.previous);
        importer.applied.set(None);
        focus_after_render("apply");
    }
}

/// The changes, the confirm button, and after it "Undo".
#[component]
pub fn ApplyBar(
    /// The panel's state.
    importer: Importer,
) -> impl IntoView {
    let state = use_state();
    let left_alone = move || {
        importer
            .result
            .with(|r| r.as_ref().map(|r| not_in_file(&r.derived)))
            .unwrap_or_default()
            .into_iter()
            .map(label)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let applied = move || importer.applied.get();
    view! {
        <div class="import__apply" data-import="apply">
            {move || match applied() {
                None => {
                    let rows = changes(state, importer);
                    let count = rows.len();
                    view! {
                        <table class="import__changes" data-import="changes">
                            <caption>{format!("Apply {} from the file to the scenario?", figures(count))}</caption>
                            <thead><tr><th scope="col">"Field"</th><th scope="col">"Now"</th><th scope="col">"From the file"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|(l, now, new)| view! {
                                <tr><td>{l}</td><td>{now}</td><td>{new}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                        <button type="button" data-import="apply" disabled=count == 0
                            on:click=move |_| apply(state, importer)>"Apply to scenario"</button>
                    }.into_any()
                }
                Some(a) => view! {
                    <p class="import__done" role="status">
                        {format!("Applied {} from the file.", figures(a.set - a.refused.len()))}
                        " "
                        <button type="button" class="ghost" data-import="undo"
                            on:click=move |_| undo(state, importer)>"Undo"</button>
                    </p>
                    {(!a.refused.is_empty()).then(|| view! {
                        <ul class="import__refused">{a.refused.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                    })}
                }.into_any(),
            }}
            {move || {
                let rest = left_alone();
                (!rest.is_empty()).then(|| view! {
                    <p class="import__kept" data-import="kept">{format!("Not in the file, so left as they are: {rest}.")}</p>
                })
            }}
        </div>
    }
}

/// "1 figure", "8 figures".
fn figures(n: usize) -> String {
    if n == 1 {
        "1 figure".into()
    } else {
        format!("{n} figures")
    }
}
