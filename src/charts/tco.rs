//! Cumulative cash per option over the horizon, with the payback months.

use super::option::Chart;
use charming::element::{
    AxisType, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData,
    MarkLineVariant, Symbol, Tooltip, Trigger,
};

use super::frame::{frame, legend, option_line, x_axis, y_axis};
use super::look::{Look, OPTIONS};
use super::naming::{column, fits};
use super::table::{Cell, Table};
use crate::model::{OptionId, Report, TcoMonth};

/// Cumulative cost of each option month by month (x = month 1..N on a value axis), with
/// a dashed line at each self-hosted option's payback month on that option's series.
pub fn tco(report: &Report, look: &Look) -> Chart {
    let months = &report.tco.months;
    let last = months.last().map_or(1, |m| m.month.max(1));
    let mut chart = frame(look, legend(), 36)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            x_axis(look, AxisType::Value, "Month")
                .min(1)
                .max(i64::from(last))
                .min_interval(1.0),
        )
        .y_axis(y_axis(look, look.money_name("Cumulative cost")));
    for id in OPTIONS {
        let mut line = option_line(look, report, id);
        if fits(report, id) {
            line = line.data(
                months
                    .iter()
                    .map(|m| vec![f64::from(m.month), look.value(cumulative(m, id))])
                    .collect(),
            );
        }
        if let Some((month, text)) = payback(report, id) {
            let colour = look.colour(id);
            line = line.mark_line(
                MarkLine::new()
                    .silent(true)
                    .symbol(vec![Symbol::None, Symbol::None])
                    .line_style(LineStyle::new().type_(LineStyleType::Dashed).color(colour))
                    .data(vec![MarkLineVariant::Simple(
                        MarkLineData::new()
                            .name(text.as_str())
                            .x_axis(f64::from(month))
                            .label(
                                Label::new()
                                    .formatter(text.as_str())
                                    .position(LabelPosition::InsideEndTop)
                                    .color(colour),
                            ),
                    )]),
            );
        }
        chart = chart.series(line);
    }
    chart
}

/// One row per month: the cumulative cost the chart plots for each option.
pub fn tco_table(report: &Report, look: &Look) -> Table {
    let mut columns = vec!["Month".to_string()];
    columns.extend(OPTIONS.iter().map(|&id| column(report, look, id)));
    let runs = OPTIONS.map(|id| fits(report, id));
    let rows = report
        .tco
        .months
        .iter()
        .map(|m| {
            let mut row = Vec::with_capacity(5);
            row.push(Cell::count(f64::from(m.month)));
            for (id, runs) in OPTIONS.into_iter().zip(runs) {
                row.push(if runs {
                    Cell::money(look, cumulative(m, id))
                } else {
                    Cell::Empty
                });
            }
            row
        })
        .collect();
    let paybacks: Vec<String> = OPTIONS
        .into_iter()
        .filter_map(|id| payback(report, id))
        .map(|(_, t)| t)
        .collect();
    Table {
        caption: super::table::caption("Cumulative cost by month", &paybacks),
        columns,
        rows,
    }
}

fn cumulative(m: &TcoMonth, id: OptionId) -> f64 {
    match id {
        OptionId::Api => m.cumulative_api_usd,
        OptionId::Rented => m.cumulative_rented_usd,
        OptionId::Owned => m.cumulative_owned_usd,
        OptionId::Hybrid => m.cumulative_hybrid_usd,
    }
}

/// The month a self-hosted option's cumulative cash drops to the API's, and its label.
fn payback(report: &Report, id: OptionId) -> Option<(u32, String)> {
    let (month, what) = match id {
        OptionId::Rented => (report.tco.payback_month_rented, "Rented"),
        OptionId::Owned => (report.tco.payback_month_owned, "Owned"),
        OptionId::Api | OptionId::Hybrid => return None,
    };
    month
        .filter(|_| fits(report, id))
        .map(|m| (m, format!("{what} pays back: month {m}")))
}
