//! The recommendation, its confidence and the reasons behind it.

use leptos::prelude::*;

use super::state::use_state;
use crate::format::words;
use crate::model::{Confidence, Favours, Recommendation, SelfHostKind};

fn favours_label(f: Favours) -> &'static str {
    match f {
        Favours::Api => "API",
        Favours::SelfHost => "Self-host",
        Favours::Hybrid => "Hybrid",
        Favours::Neutral => "Neutral",
    }
}

/// The answer, in words.
#[component]
pub fn DecisionCard() -> impl IntoView {
    let state = use_state();
    move || {
        let money = state.money();
        state.report.with(|r| {
            let d = &r.decision;
            let title = match (d.recommendation, d.self_host_option) {
                (Recommendation::Api, _) => "Start with the API".to_string(),
                (Recommendation::SelfHost, SelfHostKind::Owned) => "Self-host on owned GPUs".to_string(),
                (Recommendation::SelfHost, SelfHostKind::Rented) => "Self-host on rented GPUs".to_string(),
                (Recommendation::Hybrid, _) => "Go hybrid".to_string(),
            };
            let confidence = match d.confidence {
                Confidence::Low => "low",
                Confidence::Medium => "medium",
                Confidence::High => "high",
            };
            view! {
                <section class="decision" data-recommendation=d.recommendation.id() aria-label="Recommendation">
                    <p class="eyebrow">"Recommendation"</p>
                    <h2>{title}</h2>
                    <p class="confidence">"Confidence: " <strong>{confidence}</strong> {format!(" ({}/100)", d.confidence_score)}</p>
                    <p class="summary">{words::headline(&d.headline, &money)}</p>
                    <ul class="reasons">
                        {money.reasons(&d.reasons).into_iter().map(|reason| view! {
                            <li data-favours=favours_label(reason.favours)>
                                <span class="tag">{favours_label(reason.favours)}</span>
                                {reason.text.clone()}
                                <code class="criterion">{reason.criterion.clone()}</code>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
