//! A one-line answer pinned to the bottom of narrow screens.

use leptos::prelude::*;

use super::state::use_state;
use crate::model::{Recommendation, SelfHostKind};

/// The recommendation and the two costs that decide it, always in view on a phone.
#[component]
pub fn AnswerBar() -> impl IntoView {
    let state = use_state();
    move || {
        let money = state.money();
        state.report.with(|r| {
            let d = &r.decision;
            let answer = match (d.recommendation, d.self_host_option) {
                (Recommendation::Api, _) => "API first",
                (Recommendation::SelfHost, SelfHostKind::Owned) => "Self-host (owned)",
                (Recommendation::SelfHost, SelfHostKind::Rented) => "Self-host (rented)",
                (Recommendation::Hybrid, _) => "Hybrid",
            };
            let o = &r.options;
            let self_host = o.rented.monthly_usd.min(o.owned.monthly_usd);
            view! {
                <div class="answer-bar" aria-hidden="true">
                    <strong>{answer}</strong>
                    <span class="costs">"API " {money.compact(o.api.monthly_usd)} " · self-host " {money.compact(self_host)} " / month"</span>
                </div>
            }
        })
    }
}
