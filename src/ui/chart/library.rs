//! The chart library's state, shared by every chart of the page: whether the ECharts
//! script has run, whether it has been asked for, and whether the page is being printed.

use leptos::prelude::*;

use super::bindings::loaded;
use super::loader::load;

#[derive(Clone, Copy)]
struct ChartLibrary {
    /// True once the ECharts script has run; charts draw from then on.
    ready: ReadSignal<bool>,
    set_ready: WriteSignal<bool>,
    /// Whether the script has been asked for.
    requested: RwSignal<bool>,
    /// True while the page is being printed: every chart draws, seen or not.
    printing: ReadSignal<bool>,
}

fn chart_library() -> ChartLibrary {
    if let Some(library) = use_context::<ChartLibrary>() {
        return library;
    }
    let (ready, set_ready) = signal(loaded());
    let (printing, set_printing) = signal(false);
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| set_printing.set(true));
    let _ = window_event_listener(leptos::ev::afterprint, move |_| set_printing.set(false));
    let library = ChartLibrary {
        ready,
        set_ready,
        requested: RwSignal::new(false),
        printing,
    };
    provide_context(library);
    library
}

/// True once the ECharts script has run; charts draw from then on. Call it at the root
/// so every chart shares one state; nothing loads until [`load_echarts`].
pub fn echarts_ready() -> ReadSignal<bool> {
    chart_library().ready
}

/// Loads the ECharts script, once: the first chart that comes near the screen asks.
pub fn load_echarts() {
    let library = chart_library();
    if library.ready.get_untracked() || library.requested.get_untracked() {
        return;
    }
    library.requested.set(true);
    let set_ready = library.set_ready;
    load(move || set_ready.set(true));
}

/// True while the page is printed (between `beforeprint` and `afterprint`).
pub fn printing() -> ReadSignal<bool> {
    chart_library().printing
}
