//! What moves the answer: flip points, hybrid strategies side by side, the tornado of
//! sensitivities and a Monte Carlo run over uncertain inputs.

use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::chart::ChartCard;
use super::staged::Later;
use super::state::{AppState, use_state};
use crate::charts;
use crate::format;
use crate::model::{
    HybridPlan, MonteCarlo, UncertainRange, Uncertainty, default_ranges, flip_points,
    hybrid_strategies, sensitivity,
};

/// Samples of a run and its fixed seed: the same inputs always give the same answer.
const SAMPLES: usize = 10_000;
const SEED: u64 = 42;
/// Time one chunk of the run may take before it yields to the page (half a frame).
const CHUNK_MS: f64 = 8.0;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Sentences: the volume, API price and GPU price at which the answer flips.
#[component]
fn FlipPoints() -> impl IntoView {
    let state = use_state();
    // Each flip point is a search over many evaluations: it follows the inputs once
    // typing pauses, like the tornado, and the panel is busy meanwhile.
    let flips = Memo::new(move |_| state.settled.with(flip_points));
    view! {
        <section class="panel" data-panel="flips" aria-label="What would have to be true" aria-busy=move || state.settling.get().to_string()>
            <h2>"What would have to be true"</h2>
            <ul class="flips">
                {move || {
                    let money = state.money();
                    flips.with(|f| {
                        [&f.volume, &f.api_price, &f.gpu_price]
                            .into_iter()
                            .map(|p| view! { <li data-flip=p.field.clone()>{money.flip(p).text}</li> })
                            .collect_view()
                    })
                }}
            </ul>
        </section>
    }
}

fn strategy_name(plan: HybridPlan) -> &'static str {
    match plan {
        HybridPlan::Routing => "Routing by share",
        HybridPlan::Overflow => "Overflow to the API",
        HybridPlan::Fallback => "API first, warm standby",
        HybridPlan::ReverseFallback => "Self-host first, API standby",
    }
}

/// Every hybrid strategy's monthly cost at today's volume, the chosen one marked.
#[component]
fn HybridStrategies() -> impl IntoView {
    let state = use_state();
    // Overflow searches the replica counts: follows the inputs once typing pauses.
    let comparison = Memo::new(move |_| state.settled.with(hybrid_strategies));
    view! {
        <section class="panel" data-panel="hybrid" aria-label="Hybrid strategies" aria-busy=move || state.settling.get().to_string()>
            <h2>"Hybrid strategies at today's volume"</h2>
            {move || {
                let money = state.money();
                comparison.with(|c| view! {
                    <p class="panel-note">
                        "Pure API " {money.format(c.api_usd)} " and pure self-hosting " {money.format(c.self_host_usd)}
                        " a month. Cheapest split: " <strong>{strategy_name(c.cheapest)}</strong> "."
                    </p>
                    <div class="table-wrap">
                        <table>
                            <thead><tr><th scope="col">"Strategy"</th><th scope="col">"Monthly cost"</th><th scope="col">"How the traffic is split"</th></tr></thead>
                            <tbody>
                                {c.strategies.iter().map(|h| money.explained(h)).map(|h| {
                                    let chosen = h.strategy == c.chosen;
                                    view! {
                                        <tr class:chosen=chosen data-strategy=h.strategy.as_str()>
                                            <td>{strategy_name(h.strategy)}{chosen.then_some(" (chosen)")}</td>
                                            <td>{money.format(h.monthly_usd)}</td>
                                            <td class="wrap">{h.explanation.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            }}
        </section>
    }
}

/// The tornado, with a choice of how far each input is moved.
#[component]
fn Tornado() -> impl IntoView {
    let state = use_state();
    let swing = RwSignal::new(crate::model::DEFAULT_SWING_PCT);
    let sens = Memo::new(move |_| {
        let pct = swing.get();
        state.settled.with(|s| sensitivity(s, pct))
    });
    view! {
        <div class="swing">
            <label for="swing">"Move each input by"</label>
            <select id="swing" on:change=move |ev| {
                if let Ok(x) = event_target_value(&ev).parse::<f64>() { swing.set(x) }
            }>
                {[10.0, 20.0, 30.0, 50.0].into_iter().map(|p| view! {
                    <option value=p.to_string() selected=move || swing.get() == p>{format!("±{p}%")}</option>
                }).collect_view()}
            </select>
        </div>
        <ChartCard title="Sensitivity: what moves the savings most" key="tornado"
            note="Each bar: how far monthly savings of self-hosting move when one input is lowered or raised."
            chart=move || sens.with(|s| charts::tornado(s, &state.look()))
            table=move || sens.with(|s| charts::tornado_table(s, &state.look()))/>
    }
}

/// Runs the Monte Carlo in chunks of at most half a frame, so typing never stalls; a
/// newer run makes the older one stop at its next chunk.
fn start_run(
    state: AppState,
    ranges: Vec<UncertainRange>,
    generation: Rc<StdCell<u32>>,
    result: RwSignal<Option<(Uncertainty, f64)>>,
    progress: RwSignal<f64>,
) {
    let mine = generation.get().wrapping_add(1);
    generation.set(mine);
    progress.set(0.0);
    let run = state
        .settled
        .with_untracked(|s| MonteCarlo::new(s, &ranges, SAMPLES, SEED));
    let run = Rc::new(RefCell::new(run));
    /// Advances the run by up to half a frame; `busy_ms` adds up the time spent computing
    /// (the run's cost, without the frames it yields in between).
    fn chunk(
        run: Rc<RefCell<MonteCarlo>>,
        generation: Rc<StdCell<u32>>,
        mine: u32,
        busy_ms: f64,
        result: RwSignal<Option<(Uncertainty, f64)>>,
        progress: RwSignal<f64>,
    ) {
        if generation.get() != mine {
            return;
        }
        let t0 = now_ms();
        let done = loop {
            let done = run.borrow_mut().step(250);
            if done || now_ms() - t0 > CHUNK_MS {
                break done;
            }
        };
        let busy_ms = busy_ms + (now_ms() - t0);
        progress.set(run.borrow().progress());
        if done {
            super::perf::monte_carlo_finished(busy_ms);
            result.set(Some((run.borrow().result(), busy_ms)));
        } else {
            request_animation_frame(move || {
                chunk(run, generation, mine, busy_ms, result, progress)
            });
        }
    }
    chunk(run, generation, mine, 0.0, result, progress);
}

/// One editable low / likely / high row.
#[component]
fn RangeRow(
    /// Position in the list of ranges.
    index: usize,
    /// The current ranges.
    ranges: Memo<Vec<UncertainRange>>,
    /// Where edits go.
    custom: RwSignal<Option<Vec<UncertainRange>>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let cell = move |which: usize| {
        let value = move || {
            ranges.with(|r| {
                r.get(index)
                    .map(|r| [r.low, r.likely, r.high][which])
                    .map(|x| {
                        format::grouped(x, if x.abs() < 100.0 { 2 } else { 0 }).replace(',', "")
                    })
                    .unwrap_or_default()
            })
        };
        let name = ["low", "likely", "high"][which];
        let label = move || {
            ranges.with(|r| {
                r.get(index)
                    .map(|r| format!("{} {name}", r.label))
                    .unwrap_or_default()
            })
        };
        view! {
            <td><input type="text" inputmode="decimal" aria-label=label prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let Some(x) = crate::scenario::fields::parse_number(&text) else {
                        error.set(Some(format!("{text:?} is not a number")));
                        return;
                    };
                    let mut next = ranges.get_untracked();
                    let Some(row) = next.get_mut(index) else { return };
                    match which { 0 => row.low = x, 1 => row.likely = x, _ => row.high = x }
                    if row.low <= row.likely && row.likely <= row.high {
                        error.set(None);
                        custom.set(Some(next));
                    } else {
                        error.set(Some("low must not exceed likely, nor likely high".into()));
                    }
                }/></td>
        }
    };
    view! {
        <tr>
            <th scope="row">{move || ranges.with(|r| r.get(index).map(|r| r.label.clone()).unwrap_or_default())}</th>
            {cell(0)}{cell(1)}{cell(2)}
            <td class="error">{move || error.get()}</td>
        </tr>
    }
}

/// Uncertain inputs, the simulated distribution of savings and its percentiles.
#[component]
fn UncertaintyPanel() -> impl IntoView {
    let state = use_state();
    let custom = RwSignal::new(None::<Vec<UncertainRange>>);
    Effect::new(move |_| {
        state.epoch.track();
        custom.set(None);
    });
    let ranges = Memo::new(move |_| {
        custom
            .get()
            .unwrap_or_else(|| state.settled.with(default_ranges))
    });
    let result = RwSignal::new(None::<(Uncertainty, f64)>);
    let progress = RwSignal::new(0.0);
    let generation = Rc::new(StdCell::new(0u32));
    Effect::new(move |_| {
        state.settled.track();
        start_run(state, ranges.get(), generation.clone(), result, progress);
    });
    let rows = move || ranges.with(Vec::len);
    // Busy while the inputs have not settled yet or a run is under way: the figures below
    // are then those of earlier inputs.
    let busy = move || state.settling.get() || progress.get() < 1.0;
    view! {
        <section class="panel" data-panel="uncertainty" aria-label="Uncertainty" aria-busy=move || busy().to_string()>
            <h2>"Uncertainty: how sure is the answer?"</h2>
            <p class="panel-note">"Each input below is drawn from a triangular distribution between its low and high values, peaking at the likely one; "
                {format::grouped(SAMPLES as f64, 0)} " samples with a fixed seed, so the same inputs give the same answer."</p>
            <div class="table-wrap">
                <table class="ranges">
                    <thead><tr><th scope="col">"Uncertain input"</th><th scope="col">"Low"</th><th scope="col">"Likely"</th><th scope="col">"High"</th><th scope="col"><span class="visually-hidden">"Problem"</span></th></tr></thead>
                    <tbody>
                        {move || (0..rows()).map(|i| view! { <RangeRow index=i ranges=ranges custom=custom/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" class="ghost" on:click=move |_| custom.set(None)>"Reset ranges"</button>
            <div class="mc-summary" aria-live="polite">
                {move || match result.get() {
                    Some((u, ms)) => {
                        let money = state.money();
                        view! {
                            <p data-figure="uncertainty">
                                "Self-hosting is cheaper in " <strong data-figure="probability">{format::pct(u.probability_self_host_cheaper * 100.0)}</strong>
                                " of samples. Monthly savings: P10 " <strong>{money.format(u.p10_usd)}</strong>
                                ", P50 " <strong>{money.format(u.p50_usd)}</strong>
                                ", P90 " <strong>{money.format(u.p90_usd)}</strong> "."
                            </p>
                            <p class="muted" data-timing="monte-carlo-ms" data-ms=format!("{ms:.1}")>
                                {format!("{} samples computed in {:.0} ms.", format::grouped(u.samples as f64, 0), ms)}
                            </p>
                        }.into_any()
                    }
                    None => view! { <p>{move || format!("Simulating… {:.0}%", progress.get() * 100.0)}</p> }.into_any(),
                }}
            </div>
        </section>
        <ChartCard title="Distribution of monthly savings" key="histogram"
            note="Right of zero, self-hosting is cheaper; dashed lines mark P10, P50 and P90."
            chart=move || result.with(|r| match r {
                Some((u, _)) => charts::histogram(u, &state.look()),
                None => crate::charts::Chart::new(),
            })
            table=move || result.with(|r| match r {
                Some((u, _)) => charts::histogram_table(u, &state.look()),
                None => charts::Table { caption: "Simulating…".into(), columns: vec![], rows: vec![] },
            })/>
    }
}

/// The whole analysis section, built a part per task after the first screen.
#[component]
pub fn Analysis() -> impl IntoView {
    // A task each, like the page's other parts: together they would be one long task
    // (the first sensitivity and flip-point searches, two tables and two chart cards).
    view! {
        <Later>
            <h2 class="section-title">"What moves the answer"</h2>
            <FlipPoints/>
        </Later>
        <Later><HybridStrategies/></Later>
        <Later><Tornado/></Later>
        <Later><UncertaintyPanel/></Later>
    }
}
