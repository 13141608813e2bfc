//! Report -> ECharts option (charming's components in [`Chart`]): pure functions, tested
//! natively on the option JSON.
//!
//! Each chart has a table twin holding exactly the numbers it plots. The options keep
//! one colour each in every chart. Label formatting stays within what ECharts templates
//! allow: no JavaScript formatter functions, so the page can forbid `eval`.

mod analysis;
mod breakdown;
mod breakeven;
mod compare;
mod option;
mod table;
mod tco;

pub use analysis::{histogram, histogram_table, tornado, tornado_table};
pub use breakdown::{breakdown, breakdown_table};
pub use breakeven::{breakeven, breakeven_table};
pub use compare::{compare, scenario_colour};
pub use option::{Chart, Series};
pub use table::{Cell, Table};
pub use tco::{tco, tco_table};

use charming::component::{Axis, Grid, Legend, LegendType};
use charming::element::{
    AxisLabel, AxisType, Color, LineStyle, NameLocation, SplitLine, TextStyle,
};
use charming::series::Line;

use crate::format::Money;
use crate::model::{OptionId, Report};

/// How charts look: light or dark page, and the display currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub dark: bool,
    pub money: Money,
}

/// The four options in the order every chart lists them.
pub const OPTIONS: [OptionId; 4] = [
    OptionId::Api,
    OptionId::Rented,
    OptionId::Owned,
    OptionId::Hybrid,
];

impl Look {
    pub fn new(dark: bool, money: Money) -> Self {
        Self { dark, money }
    }

    /// The number a chart plots for an amount in US dollars: in the display currency,
    /// rounded to cents (to four decimals below one unit, where cents would hide it) so
    /// that tooltips read cleanly; 0 when it is not finite.
    pub fn value(&self, usd: f64) -> f64 {
        let x = self.money.amount(usd);
        let scale = if x.abs() >= 1.0 { 100.0 } else { 10_000.0 };
        let rounded = (x * scale).round() / scale;
        if rounded.is_finite() { rounded } else { 0.0 }
    }

    /// An option's colour: the same in every chart, a shade lighter on a dark page.
    pub fn colour(&self, id: OptionId) -> &'static str {
        match (id, self.dark) {
            (OptionId::Api, false) => "#2563eb",
            (OptionId::Api, true) => "#3b82f6",
            (OptionId::Rented, false) => "#ea580c",
            (OptionId::Rented, true) => "#f97316",
            (OptionId::Owned, false) => "#16a34a",
            (OptionId::Owned, true) => "#22c55e",
            (OptionId::Hybrid, false) => "#9333ea",
            (OptionId::Hybrid, true) => "#a855f7",
        }
    }

    /// Text and axis labels.
    pub fn text(&self) -> &'static str {
        if self.dark { "#e5e7eb" } else { "#1f2937" }
    }

    /// Grid lines: faint on either background.
    fn grid_line(&self) -> &'static str {
        if self.dark { "#374151" } else { "#e5e7eb" }
    }

    fn text_style(&self) -> TextStyle {
        TextStyle::new().color(self.text())
    }

    /// "Monthly cost (EUR)".
    fn money_name(&self, what: &str) -> String {
        if self.money.currency.is_empty() {
            what.to_string()
        } else {
            format!("{what} ({})", self.money.currency)
        }
    }
}

/// The option's name in legends and tables.
pub fn label(id: OptionId) -> &'static str {
    match id {
        OptionId::Api => "Cloud API",
        OptionId::Rented => "Rented GPUs",
        OptionId::Owned => "Owned GPUs",
        OptionId::Hybrid => "Hybrid",
    }
}

/// Whether an option can run. Self-hosting cannot when the model does not fit the GPUs;
/// the hybrid then only when its routing sends nothing to self-hosting.
pub fn fits(report: &Report, id: OptionId) -> bool {
    let o = &report.options;
    match id {
        OptionId::Api => true,
        OptionId::Rented => o.rented.feasible,
        OptionId::Owned => o.owned.feasible,
        OptionId::Hybrid => {
            o.rented.feasible
                || o.hybrid.strategy == "routing" && o.hybrid.self_host_requests_per_month == 0.0
        }
    }
}

/// The series name: an option that cannot run keeps its legend entry, marked, and no data,
/// so the legend never silently loses an option.
pub fn series_name(report: &Report, id: OptionId) -> String {
    if fits(report, id) {
        label(id).to_string()
    } else {
        format!("{} (does not fit)", label(id))
    }
}

/// A table column for an option: "Rented GPUs (EUR)", "Rented GPUs (EUR, does not fit)".
fn column(report: &Report, look: &Look, id: OptionId) -> String {
    let currency = &look.money.currency;
    match (fits(report, id), currency.is_empty()) {
        (true, true) => label(id).to_string(),
        (true, false) => format!("{} ({currency})", label(id)),
        (false, true) => format!("{} (does not fit)", label(id)),
        (false, false) => format!("{} ({currency}, does not fit)", label(id)),
    }
}

/// What every chart shares: transparent background, no animation (each keystroke
/// redraws), legend on top, axis labels inside the grid, `bottom` pixels below it (for
/// the x axis name and any zoom slider).
fn frame(look: &Look, legend: Legend, bottom: i32) -> Chart {
    Chart::new()
        .background_color(Color::Value("transparent".into()))
        .animation(false)
        .legend(legend.top(0).text_style(look.text_style()))
        .grid(
            Grid::new()
                .contain_label(true)
                .left(8)
                .right(24)
                .top(48)
                .bottom(bottom),
        )
}

fn legend() -> Legend {
    Legend::new().type_(LegendType::Scroll)
}

/// An x axis, named below its labels when `name` is not empty.
fn x_axis(look: &Look, type_: AxisType, name: &str) -> Axis {
    let axis = base_axis(look, type_);
    if name.is_empty() {
        return axis;
    }
    axis.name(name)
        .name_location(NameLocation::Middle)
        .name_gap(30)
        .name_text_style(look.text_style())
}

/// The money axis, named above its top end and reading rightwards from it, where the
/// grid's margin cannot clip it.
fn y_axis(look: &Look, name: String) -> Axis {
    base_axis(look, AxisType::Value)
        .name(name)
        .name_location(NameLocation::End)
        .name_gap(12)
        .name_text_style(look.text_style().align("left"))
}

fn base_axis(look: &Look, type_: AxisType) -> Axis {
    Axis::new()
        .type_(type_)
        .axis_label(AxisLabel::new().color(look.text()))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(look.grid_line())))
}

/// A line in an option's colour without point symbols.
fn option_line(look: &Look, report: &Report, id: OptionId) -> Line {
    let colour = look.colour(id);
    Line::new()
        .name(series_name(report, id))
        .show_symbol(false)
        .symbol(charming::element::Symbol::None)
        .item_style(charming::element::ItemStyle::new().color(colour))
        .line_style(LineStyle::new().color(colour).width(2))
}
