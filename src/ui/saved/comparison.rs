//! Saved scenarios side by side: their key results in a table, their breakeven curves
//! on one chart.

use std::rc::Rc;

use leptos::prelude::*;

use crate::charts::{self, Look};
use crate::format::{Money, volume};
use crate::model::{Breakeven, Confidence, Recommendation, Report, SelfHostKind, evaluate};
use crate::saved::Saved;
use crate::scenario::Scenario;
use crate::ui::chart::{ChartView, ECharts};
use crate::ui::state::use_state;

/// One compared scenario, evaluated.
#[derive(Debug, Clone, PartialEq)]
struct Evaluated {
    name: String,
    scenario: Scenario,
    report: Report,
}

fn breakeven_text(b: &Breakeven) -> String {
    match b.monthly_requests {
        Some(req) => format!("{} req/month", volume(req)),
        None => format!("none below {}", volume(b.not_below.unwrap_or(0.0))),
    }
}

fn recommendation(r: &Report) -> &'static str {
    match (r.decision.recommendation, r.decision.self_host_option) {
        (Recommendation::Api, _) => "Start with the API",
        (Recommendation::SelfHost, SelfHostKind::Owned) => "Self-host on owned GPUs",
        (Recommendation::SelfHost, SelfHostKind::Rented) => "Self-host on rented GPUs",
        (Recommendation::Hybrid, _) => "Go hybrid",
    }
}

/// The rows of the comparison table: a label and one text per scenario.
fn rows(list: &[Evaluated]) -> Vec<(&'static str, Vec<String>)> {
    type Pick = fn(&Report, &Money) -> String;
    let metrics: [(&'static str, Pick); 10] = [
        ("Cloud API / month", |r, m| {
            m.format(r.options.api.monthly_usd)
        }),
        ("Rented GPUs / month", |r, m| {
            m.format(r.options.rented.monthly_usd)
        }),
        ("Owned GPUs / month", |r, m| {
            m.format(r.options.owned.monthly_usd)
        }),
        ("Hybrid / month", |r, m| {
            m.format(r.options.hybrid.monthly_usd)
        }),
        ("Cheapest", |r, _| charts::label(r.cheapest).to_string()),
        ("Self-hosting saves / month", |r, m| {
            let s = r.savings_vs_api_usd_per_month;
            if s >= 0.0 {
                m.format(s)
            } else {
                format!("−{} (API cheaper)", m.format(-s))
            }
        }),
        ("Rented breaks even at", |r, _| {
            breakeven_text(&r.breakeven.rented_vs_api)
        }),
        ("Owned breaks even at", |r, _| {
            breakeven_text(&r.breakeven.owned_vs_api)
        }),
        ("Owned pays back in", |r, _| {
            match r.tco.payback_month_owned {
                Some(m) => format!("month {m}"),
                None => "not within the horizon".into(),
            }
        }),
        ("Recommendation", |r, _| {
            let confidence = match r.decision.confidence {
                Confidence::Low => "low",
                Confidence::Medium => "medium",
                Confidence::High => "high",
            };
            format!("{} ({confidence} confidence)", recommendation(r))
        }),
    ];
    metrics
        .iter()
        .map(|(label, pick)| {
            (
                *label,
                list.iter()
                    .map(|e| pick(&e.report, &Money::from_org(&e.scenario.org)))
                    .collect(),
            )
        })
        .collect()
}

/// The table of key results, a column per scenario, each headed by its chart colour.
fn key_results(list: &[Evaluated], dark: bool) -> impl IntoView + use<> {
    let look = Look::new(dark, Money::usd());
    view! {
        <div class="table-wrap">
            <table class="compare-table">
                <caption>"Key results of the compared scenarios"</caption>
                <thead><tr>
                    <th scope="col">"Result"</th>
                    {list.iter().enumerate().map(|(i, e)| view! {
                        <th scope="col"><span class="swatch" style=format!("background:{}", charts::scenario_colour(&look, i))></span>{e.name.clone()}</th>
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows(list).into_iter().map(|(label, cells)| view! {
                        <tr><th scope="row">{label}</th>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The comparison of `entries` (two to four saved scenarios).
#[component]
pub fn CompareView(
    /// The saved scenarios to compare, in the order they were picked.
    entries: Memo<Vec<Saved>>,
) -> impl IntoView {
    let state = use_state();
    let evaluated = Memo::new(move |_| {
        entries.with(|list| {
            list.iter()
                .map(|e| {
                    let scenario = crate::link::decode(&e.query).scenario;
                    let report = evaluate(&scenario);
                    Evaluated {
                        name: e.name.clone(),
                        scenario,
                        report,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let currencies_differ = move || {
        evaluated.with(|l| {
            l.windows(2)
                .any(|w| w[0].scenario.org.currency != w[1].scenario.org.currency)
        })
    };
    // One currency on the chart: the scenarios' own when they share it, else US dollars.
    let money = move || {
        if currencies_differ() {
            Money::usd()
        } else {
            evaluated.with(|l| {
                l.first()
                    .map_or_else(Money::usd, |e| Money::from_org(&e.scenario.org))
            })
        }
    };
    let chart = move || {
        let look = Look::new(state.dark.get(), money());
        evaluated.with(|l| {
            let pairs: Vec<(String, &Report)> =
                l.iter().map(|e| (e.name.clone(), &e.report)).collect();
            charts::compare(&pairs, &look)
        })
    };
    let table = move || evaluated.with(|list| key_results(list, state.dark.get()));
    view! {
        <section class="compare" data-compare="view" aria-label="Comparison">
            <h3>"Comparison"</h3>
            {table}
            <div class="chart-card compare-chart" data-chart="compare">
                <div class="chart-head"><h2>"Breakeven curves: API (solid) and cheapest self-hosting (dashed)"</h2></div>
                {move || currencies_differ().then(|| view! { <p class="chart-note">"Amounts on the chart are in US dollars, as the scenarios use different currencies."</p> })}
                <ChartView option=chart label="Breakeven curves of the compared scenarios" class="chart-compare"
                    on_ready=Rc::new(|_: &ECharts| {})/>
            </div>
        </section>
    }
}
