//! The input groups, laid out from the field table.

use leptos::prelude::*;

use super::field::Field;
use super::staged::Later;
use crate::scenario::fields::{FIELDS, GROUPS};

/// Groups a visitor usually leaves alone start folded.
fn starts_open(group: &str) -> bool {
    matches!(
        group,
        "Workload" | "Cloud API" | "Self-hosted model and GPU" | "Rented cloud"
    )
}

/// Every input, in its group; the advanced fields of a group fold away under "More".
/// The first group is built right after the page's header, before the results; the
/// others, and every "More", each in a task of their own after the results (see [`Later`]).
#[component]
pub fn Inputs() -> impl IntoView {
    GROUPS
        .iter()
        .enumerate()
        .map(|(i, &group)| {
            view! { <Later soon={i == 0}>{group_view(group)}</Later> }
        })
        .collect_view()
}

/// One group's fields; its advanced ones under "More".
fn group_view(group: &'static str) -> impl IntoView {
    let main = FIELDS
        .iter()
        .filter(move |f| f.group == group && !f.advanced);
    let has_more = FIELDS.iter().any(|f| f.group == group && f.advanced);
    let more = has_more.then(|| {
        view! {
            <details class="more">
                <summary>"More " {group.to_lowercase()} " settings"</summary>
                <Later>
                    {FIELDS.iter().filter(|f| f.group == group && f.advanced).map(|spec| view! { <Field spec=spec/> }).collect_view()}
                </Later>
            </details>
        }
    });
    view! {
        <details class="group" open=starts_open(group)>
            <summary><h2>{group}</h2></summary>
            <div class="fields">
                {main.map(|spec| view! { <Field spec=spec/> }).collect_view()}
                {more}
            </div>
        </details>
    }
}
