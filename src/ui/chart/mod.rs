//! Charts on the page: the ECharts library loaded on demand, one instance per chart
//! element, drawn while the reader can see it.
//!
//! Imports run one way: `card` -> `view`/`export` -> `updates`/`on_screen`/`library` ->
//! `loader`/`bindings`.

mod bindings;
mod card;
mod export;
mod library;
mod loader;
mod on_screen;
mod updates;
mod view;
mod warm_up;

pub use bindings::ECharts;
pub use card::ChartCard;
pub use library::{echarts_ready, printing};
pub use loader::preload;
pub use view::{ChartView, OnReady};
pub use warm_up::warm_up;
