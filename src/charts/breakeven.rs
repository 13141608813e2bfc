//! Monthly cost against monthly requests: where self-hosting starts to pay.

use super::option::Chart;
use charming::component::{DataZoom, DataZoomType, FilterMode};
use charming::element::{
    AxisType, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData,
    MarkLineVariant, Symbol, Tooltip, Trigger,
};

use super::frame::{frame, legend, option_line, x_axis, y_axis};
use super::look::{Look, OPTIONS};
use super::naming::{column, fits};
use super::table::{Cell, Table};
use crate::format;
use crate::model::{CurvePoint, OptionId, Report};
use crate::scenario::Scenario;

/// Cost of each option over a log range of monthly volumes, from `report.curve`.
///
/// The curve already holds both edges of every replica step, so plain lines (no `step`)
/// draw the staircase with vertical risers and draw continuous costs (scale-to-zero
/// billing) as they are. Today's volume is a dashed line on the API series; each
/// breakeven is a line on its option's series, so hiding the option hides its mark.
///
/// Axis labels use ECharts' own number format ("1,000,000"): a compact "1M" would need
/// a JavaScript formatter function. The mark labels and the table say "1.2M".
pub fn breakeven(report: &Report, s: &Scenario, look: &Look) -> Chart {
    // Room below the grid for the axis name and the zoom slider.
    let mut chart = frame(look, legend(), 80)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            x_axis(look, AxisType::Log, "Monthly requests")
                .min("dataMin")
                .max("dataMax"),
        )
        .y_axis(y_axis(look, look.money_name("Monthly cost")))
        .data_zoom(
            DataZoom::new()
                .type_(DataZoomType::Inside)
                .x_axis_index(0)
                .filter_mode(FilterMode::None),
        )
        .data_zoom(
            DataZoom::new()
                .type_(DataZoomType::Slider)
                .x_axis_index(0)
                .filter_mode(FilterMode::None)
                .bottom(8)
                .text_style(look.text_style()),
        );
    for id in OPTIONS {
        let mut line = option_line(look, report, id);
        if fits(report, id) {
            line = line.data(
                report
                    .curve
                    .iter()
                    .map(|p| vec![p.monthly_requests, look.value(cost(p, id))])
                    .collect(),
            );
        }
        let marks = marks(report, s, look, id);
        if !marks.is_empty() {
            line = line.mark_line(
                MarkLine::new()
                    .silent(true)
                    .symbol(vec![Symbol::None, Symbol::None])
                    .line_style(
                        LineStyle::new()
                            .type_(LineStyleType::Dashed)
                            .color(mark_colour(look, id)),
                    )
                    .data(marks),
            );
        }
        chart = chart.series(line);
    }
    chart
}

/// One row per curve point: every point the chart draws, staircase edges included (at
/// most `model::MAX_CURVE_POINTS`). Options that cannot run have empty cells.
pub fn breakeven_table(report: &Report, s: &Scenario, look: &Look) -> Table {
    let mut columns = vec!["Monthly requests".to_string()];
    columns.extend(OPTIONS.iter().map(|&id| column(report, look, id)));
    let runs = OPTIONS.map(|id| fits(report, id));
    let rows = report
        .curve
        .iter()
        .map(|p| {
            let mut row = Vec::with_capacity(5);
            row.push(Cell::count(p.monthly_requests));
            for (id, runs) in OPTIONS.into_iter().zip(runs) {
                row.push(if runs {
                    Cell::money(look, cost(p, id))
                } else {
                    Cell::Empty
                });
            }
            row
        })
        .collect();
    let marks: Vec<String> = OPTIONS
        .into_iter()
        .flat_map(|id| mark_points(report, s, id))
        .map(|(_, text)| text)
        .collect();
    Table {
        caption: super::table::caption("Monthly cost by monthly requests", &marks),
        columns,
        rows,
    }
}

fn cost(p: &CurvePoint, id: OptionId) -> f64 {
    match id {
        OptionId::Api => p.api_usd,
        OptionId::Rented => p.rented_usd,
        OptionId::Owned => p.owned_usd,
        OptionId::Hybrid => p.hybrid_usd,
    }
}

/// The volumes marked on an option's series, with their labels.
fn mark_points(report: &Report, s: &Scenario, id: OptionId) -> Vec<(f64, String)> {
    let at = |x: Option<f64>, what: &str| {
        x.filter(|x| x.is_finite() && *x >= 1.0)
            .map(|x| (x, format!("{what} {}", format::volume(x))))
    };
    let b = &report.breakeven;
    let mark = match id {
        OptionId::Api => at(Some(s.workload.monthly_requests), "Today:"),
        OptionId::Rented => at(b.rented_vs_api.monthly_requests, "Rented breakeven"),
        OptionId::Owned => at(b.owned_vs_api.monthly_requests, "Owned breakeven"),
        OptionId::Hybrid => None,
    };
    mark.filter(|_| fits(report, id)).into_iter().collect()
}

/// Today's line is neutral; a breakeven takes its option's colour.
fn mark_colour(look: &Look, id: OptionId) -> &'static str {
    if id == OptionId::Api {
        look.text()
    } else {
        look.colour(id)
    }
}

fn marks(report: &Report, s: &Scenario, look: &Look, id: OptionId) -> Vec<MarkLineVariant> {
    // Today's label runs along the right of its line, breakevens' along the left, so
    // that nearby labels do not overlap.
    let position = if id == OptionId::Api {
        LabelPosition::InsideEndBottom
    } else {
        LabelPosition::InsideEndTop
    };
    mark_points(report, s, id)
        .into_iter()
        .map(|(x, text)| {
            MarkLineVariant::Simple(
                MarkLineData::new().name(text.as_str()).x_axis(x).label(
                    Label::new()
                        .formatter(text.as_str())
                        .position(position)
                        .color(mark_colour(look, id)),
                ),
            )
        })
        .collect()
}
