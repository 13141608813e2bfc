//! The page's state: one scenario signal that only ever holds valid scenarios, the
//! report computed from it once per change, and the messages of rejected inputs.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::Value;

use crate::charts::Look;
use crate::format::Money;
use crate::model::{Report, evaluate};
use crate::scenario::{FieldError, Scenario};

pub use crate::embed::Theme;

/// Shared by every component through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The last valid scenario. Rejected inputs never reach it.
    pub scenario: RwSignal<Scenario>,
    /// The scenario once typing pauses: the heavier analyses (tornado, Monte Carlo) follow
    /// this copy, so each keystroke redraws only the main results and charts.
    pub settled: RwSignal<Scenario>,
    /// The scenario's canonical JSON, computed once per change for every field to read.
    pub scenario_value: Memo<Value>,
    /// The report of `scenario`.
    pub report: Memo<Report>,
    /// Rejected inputs by canonical path, with what is allowed.
    pub errors: RwSignal<BTreeMap<&'static str, String>>,
    /// Bumped whenever the whole scenario is replaced (preset, reset, link), so inputs
    /// drop what was being typed.
    pub epoch: RwSignal<u32>,
    pub theme: RwSignal<Theme>,
    /// Whether the page is drawn dark (the theme, or the system's preference on auto).
    pub dark: Signal<bool>,
    /// True while typing has not paused yet: what follows `settled` is then behind.
    pub settling: Memo<bool>,
}

impl AppState {
    pub fn new(initial: Scenario) -> Self {
        let settled = RwSignal::new(initial.clone());
        let scenario = RwSignal::new(initial);
        let scenario_value = Memo::new(move |_| scenario.with(Scenario::to_value));
        let report = Memo::new(move |_| scenario.with(evaluate));
        let theme = RwSignal::new(Theme::Auto);
        let preferred_dark = leptos_use::use_preferred_dark();
        let dark = Signal::derive(move || match theme.get() {
            Theme::Auto => preferred_dark.get(),
            Theme::Light => false,
            Theme::Dark => true,
        });
        follow_when_settled(scenario, settled);
        let settling = Memo::new(move |_| scenario.with(|s| settled.with(|t| s != t)));
        Self {
            scenario,
            settled,
            scenario_value,
            report,
            errors: RwSignal::new(BTreeMap::new()),
            epoch: RwSignal::new(0),
            theme,
            dark,
            settling,
        }
    }

    /// Applies one field's value, or records why it was refused (keeping the last valid scenario).
    pub fn set_field(&self, path: &'static str, value: Value) {
        let mut next = self.scenario.get_untracked();
        match next.set(path, value) {
            Ok(()) => {
                self.scenario.set(next);
                self.clear_error(path);
            }
            Err(FieldError { message, .. }) => self.set_error(path, message),
        }
    }

    pub fn set_error(&self, path: &'static str, message: String) {
        self.errors.update(|e| {
            e.insert(path, message);
        });
    }

    pub fn clear_error(&self, path: &'static str) {
        if self.errors.with_untracked(|e| e.contains_key(path)) {
            self.errors.update(|e| {
                e.remove(path);
            });
        }
    }

    /// Replaces the whole scenario (preset, reset, link) and forgets rejected inputs.
    pub fn replace(&self, scenario: Scenario) {
        self.errors.set(BTreeMap::new());
        self.scenario.set(scenario);
        self.epoch.update(|n| *n += 1);
    }

    /// How money and colours are shown right now.
    pub fn look(&self) -> Look {
        let money = self.scenario.with(|s| Money::from_org(&s.org));
        Look {
            dark: self.dark.get(),
            money,
        }
    }

    pub fn money(&self) -> Money {
        self.scenario.with(|s| Money::from_org(&s.org))
    }
}

/// How long the inputs must rest before the analyses recompute.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// Copies `scenario` into `settled` once it has not changed for [`SETTLE`], and only
/// when it differs, so a pause that ends on the same scenario reruns no analysis.
///
/// Written here rather than with leptos-use's `signal_debounced`, which adds 2.8 KB to
/// the gzipped wasm for what these lines do (a release build after `wasm-opt -Oz`; see
/// "Size: what was tried" in PERFORMANCE.md).
fn follow_when_settled(scenario: RwSignal<Scenario>, settled: RwSignal<Scenario>) {
    let generation = std::rc::Rc::new(std::cell::Cell::new(0u32));
    Effect::new(move |_| {
        scenario.track();
        let mine = generation.get().wrapping_add(1);
        generation.set(mine);
        let generation = generation.clone();
        set_timeout(
            move || {
                let current = scenario.get_untracked();
                if generation.get() == mine && settled.with_untracked(|s| *s != current) {
                    settled.set(current);
                }
            },
            SETTLE,
        );
    });
}

/// The state from context (the app provides it at the top).
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
