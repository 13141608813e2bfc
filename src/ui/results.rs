//! The numbers: each option's monthly cost, the cheapest, savings, breakevens, payback.

use leptos::prelude::*;

use super::state::use_state;
use crate::format::{self, Money, volume, words};
use crate::model::{Breakeven, OptionId, Report};

/// One option's card.
struct Card {
    id: OptionId,
    title: &'static str,
    monthly_usd: f64,
    usd_per_request: f64,
    usd_per_mtok: f64,
    detail: String,
}

fn cards(r: &Report, money: &Money) -> Vec<Card> {
    let o = &r.options;
    let fleet = |replicas: u64, gpus: u64, per: u32, util: f64, feasible: bool| {
        if feasible {
            format!(
                "{replicas} replica{} · {gpus} GPU{} ({per} per replica) · {:.0}% of planned capacity used",
                if replicas == 1 { "" } else { "s" },
                if gpus == 1 { "" } else { "s" },
                util
            )
        } else {
            "The model does not fit these GPUs".to_string()
        }
    };
    vec![
        Card {
            id: OptionId::Api,
            title: "Cloud API",
            monthly_usd: o.api.monthly_usd,
            usd_per_request: o.api.usd_per_request,
            usd_per_mtok: o.api.usd_per_mtok,
            detail: "Pay per token; no capacity to plan".into(),
        },
        Card {
            id: OptionId::Rented,
            title: "Rented GPUs",
            monthly_usd: o.rented.monthly_usd,
            usd_per_request: o.rented.usd_per_request,
            usd_per_mtok: o.rented.usd_per_mtok,
            detail: fleet(
                o.rented.replicas,
                o.rented.gpus,
                o.rented.gpus_per_replica,
                o.rented.utilization_pct,
                o.rented.feasible,
            ),
        },
        Card {
            id: OptionId::Owned,
            title: "Owned GPUs",
            monthly_usd: o.owned.monthly_usd,
            usd_per_request: o.owned.usd_per_request,
            usd_per_mtok: o.owned.usd_per_mtok,
            detail: fleet(
                o.owned.replicas,
                o.owned.gpus,
                o.owned.gpus_per_replica,
                o.owned.utilization_pct,
                o.owned.feasible,
            ),
        },
        Card {
            id: OptionId::Hybrid,
            title: "Hybrid",
            monthly_usd: o.hybrid.monthly_usd,
            usd_per_request: o.hybrid.usd_per_request,
            usd_per_mtok: o.hybrid.usd_per_mtok,
            detail: words::split(&o.hybrid.split, money),
        },
    ]
}

fn breakeven_text(b: &Breakeven) -> String {
    match (b.monthly_requests, b.monthly_tokens) {
        (Some(req), Some(tok)) => {
            format!("{} requests/month ({} tokens)", volume(req), volume(tok))
        }
        (Some(req), None) => format!("{} requests/month", volume(req)),
        _ => format!(
            "none below {} requests/month",
            volume(b.not_below.unwrap_or(0.0))
        ),
    }
}

/// The operating point of a self-hosted replica: batch, speed per user, time to first
/// token; the same figures the throughput-interactivity chart marks.
fn operating_figures(r: &Report) -> [String; 3] {
    let c = &r.capacity;
    if !c.feasible {
        return [
            "does not fit".into(),
            format::MISSING.into(),
            format::MISSING.into(),
        ];
    }
    format::words::operating_point(c)
}

fn payback_text(month: Option<u32>) -> String {
    match month {
        Some(m) => format!("month {m}"),
        None => "not within the horizon".into(),
    }
}

/// The results, announced politely to screen readers as they change.
#[component]
pub fn Results() -> impl IntoView {
    let state = use_state();
    let stale = move || state.errors.with(|e| !e.is_empty());
    let body = move || {
        let money: Money = state.money();
        state.report.with(|r| {
            let savings = r.savings_vs_api_usd_per_month;
            let savings_text = if savings >= 0.0 {
                format!("{} a month cheaper than the API", money.format(savings))
            } else {
                format!("{} a month dearer than the API", money.format(-savings))
            };
            let cheapest = r.cheapest;
            let [batch, per_user, ttft] = operating_figures(r);
            view! {
                <div class="cards">
                    {cards(r, &money).into_iter().map(|c| {
                        let best = c.id == cheapest;
                        view! {
                            <article class="card" class:best=best data-option=c.id.id()>
                                <h3>{c.title}{best.then(|| view! { <span class="badge">"Cheapest"</span> })}</h3>
                                <p class="cost"><span class="amount">{money.format(c.monthly_usd)}</span>" / month"</p>
                                <p class="unit-costs">{money.format(c.usd_per_request)}" per request · "{money.format(c.usd_per_mtok)}" per M tokens"</p>
                                <p class="detail">{c.detail}</p>
                            </article>
                        }
                    }).collect_view()}
                </div>
                <dl class="figures">
                    <div><dt>"Self-hosting saves"</dt><dd data-figure="savings">{savings_text}</dd></div>
                    <div><dt>"Rented breaks even at"</dt><dd data-figure="breakeven-rented">{breakeven_text(&r.breakeven.rented_vs_api)}</dd></div>
                    <div><dt>"Owned breaks even at"</dt><dd data-figure="breakeven-owned">{breakeven_text(&r.breakeven.owned_vs_api)}</dd></div>
                    <div><dt>"Owned hardware pays back in"</dt><dd data-figure="payback-owned">{payback_text(r.tco.payback_month_owned)}</dd></div>
                    <div><dt>"Each self-hosted replica runs"</dt><dd data-figure="batch">{batch}</dd></div>
                    <div><dt>"Speed each request sees"</dt><dd data-figure="tokens-per-user">{per_user}</dd></div>
                    <div><dt>"Time to first token"</dt><dd data-figure="time-to-first-token">{ttft}</dd></div>
                </dl>
                {(!r.warnings.is_empty()).then(|| view! {
                    <ul class="warnings">{r.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                })}
            }
        })
    };
    view! {
        <section class="results" class:stale=stale aria-live="polite" aria-label="Results">
            {move || stale().then(|| view! {
                <p class="stale-note" role="status">"Some inputs are not valid. These results are for the last valid inputs."</p>
            })}
            {body}
        </section>
    }
}
