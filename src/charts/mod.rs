//! Report -> ECharts option (charming's components in [`Chart`]), and the JSON the page
//! hands to ECharts ([`for_echarts`], [`series_shape`], the warm-up's options): pure
//! functions, tested natively on the option JSON.
//!
//! Each chart has a table twin holding exactly the numbers it plots. The options keep
//! one colour each in every chart. Label formatting stays within what ECharts templates
//! allow: no JavaScript formatter functions, so the page can forbid `eval`.

mod analysis;
mod breakdown;
mod breakeven;
mod compare;
mod frame;
mod interactivity;
mod json;
mod look;
mod naming;
mod option;
mod patch;
mod profile;
mod shape;
mod table;
mod tco;
mod warm_up;

pub use analysis::{histogram, histogram_table, tornado, tornado_table};
pub use breakdown::{breakdown, breakdown_table};
pub use breakeven::{breakeven, breakeven_table};
pub use compare::{compare, scenario_colour};
pub use interactivity::{
    ESTIMATE, MEASURED, OPERATING_POINT, interactivity, interactivity_table, operating_point,
    report_scale,
};
pub use look::{Look, OPTIONS};
pub use naming::{fits, label, series_name};
pub use option::{Chart, Series};
pub use patch::for_echarts;
pub use profile::{usage_profile, usage_profile_table};
pub use shape::series_shape;
pub use table::{Cell, Table};
pub use tco::{tco, tco_table};
pub use warm_up::{WARM_UP_POINTS, vary, warm_up_option};
