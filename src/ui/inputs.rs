//! The input groups, laid out from the field table.

use leptos::prelude::*;

use super::field::Field;
use crate::scenario::fields::{FIELDS, GROUPS};

/// Groups a visitor usually leaves alone start folded.
fn starts_open(group: &str) -> bool {
    matches!(group, "Workload" | "Cloud API" | "Self-hosted model and GPU" | "Rented cloud")
}

/// Every input, in its group; the advanced fields of a group fold away under "More".
#[component]
pub fn Inputs() -> impl IntoView {
    GROUPS
        .iter()
        .map(|&group| {
            let main = FIELDS.iter().filter(|f| f.group == group && !f.advanced);
            let advanced: Vec<_> = FIELDS.iter().filter(|f| f.group == group && f.advanced).collect();
            let more = (!advanced.is_empty()).then(|| {
                view! {
                    <details class="more">
                        <summary>"More " {group.to_lowercase()} " settings"</summary>
                        {advanced.into_iter().map(|spec| view! { <Field spec=spec/> }).collect_view()}
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
        })
        .collect_view()
}
