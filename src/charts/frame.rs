//! What every chart is drawn in: its frame, legend, axes and option lines.

use charming::component::{Axis, Grid, Legend, LegendType};
use charming::element::{AxisLabel, AxisType, Color, LineStyle, NameLocation, SplitLine};
use charming::series::Line;

use super::look::Look;
use super::naming::series_name;
use super::option::Chart;
use crate::model::{OptionId, Report};

/// What every chart shares: transparent background, no animation (each keystroke
/// redraws), legend on top, axis labels inside the grid, `bottom` pixels below it (for
/// the x axis name and any zoom slider).
pub(super) fn frame(look: &Look, legend: Legend, bottom: i32) -> Chart {
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

pub(super) fn legend() -> Legend {
    Legend::new().type_(LegendType::Scroll)
}

/// An x axis, named below its labels when `name` is not empty.
pub(super) fn x_axis(look: &Look, type_: AxisType, name: &str) -> Axis {
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
pub(super) fn y_axis(look: &Look, name: String) -> Axis {
    base_axis(look, AxisType::Value)
        .name(name)
        .name_location(NameLocation::End)
        .name_gap(12)
        .name_text_style(look.text_style().align("left"))
}

pub(super) fn base_axis(look: &Look, type_: AxisType) -> Axis {
    Axis::new()
        .type_(type_)
        .axis_label(AxisLabel::new().color(look.text()))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(look.grid_line())))
}

/// A line in an option's colour without point symbols.
pub(super) fn option_line(look: &Look, report: &Report, id: OptionId) -> Line {
    let colour = look.colour(id);
    Line::new()
        .name(series_name(report, id))
        .show_symbol(false)
        .symbol(charming::element::Symbol::None)
        .item_style(charming::element::ItemStyle::new().color(colour))
        .line_style(LineStyle::new().color(colour).width(2))
}
