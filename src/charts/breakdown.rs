//! What each option's monthly cost is made of, as stacked bars.

use super::option::Chart;
use charming::element::{AxisLabel, AxisType, ItemStyle, Tooltip, Trigger};
use charming::series::Bar;

use super::frame::{frame, legend, x_axis, y_axis};
use super::look::{Look, OPTIONS};
use super::naming::{column, fits, label};
use super::table::{Cell, Table};
use crate::model::{CostCategory, CostItem, OptionId, Report};

/// A fixed colour per kind of cost, so a kind looks the same in every bar and scenario.
fn colour(category: CostCategory) -> &'static str {
    match category {
        CostCategory::InputTokens => "#3b82f6",
        CostCategory::CachedInputTokens => "#93c5fd",
        CostCategory::OutputTokens => "#1e40af",
        CostCategory::Fees => "#64748b",
        CostCategory::GpuTime => "#f97316",
        CostCategory::Redundancy => "#fdba74",
        CostCategory::Capital => "#16a34a",
        CostCategory::Maintenance => "#86efac",
        CostCategory::Power => "#eab308",
        CostCategory::Facility => "#a16207",
        CostCategory::Infrastructure => "#14b8a6",
        CostCategory::Operations => "#e11d48",
        CostCategory::Implementation => "#a855f7",
        CostCategory::ApiPart => "#60a5fa",
        CostCategory::SelfHostPart => "#4ade80",
    }
}

/// One bar per option (category axis), one stacked series per kind of cost. An option
/// without a kind has `null` there rather than 0, and the tooltip shows one segment at
/// a time, so it never lists costs an option does not have.
pub fn breakdown(report: &Report, look: &Look) -> Chart {
    let categories: Vec<String> = OPTIONS
        .iter()
        .map(|&id| {
            if fits(report, id) {
                label(id).to_string()
            } else {
                format!("{}\n(does not fit)", label(id))
            }
        })
        .collect();
    let mut chart = frame(look, legend(), 8)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            x_axis(look, AxisType::Category, "")
                .data(categories)
                .axis_label(AxisLabel::new().color(look.text()).interval(0)),
        )
        .y_axis(y_axis(look, look.money_name("Monthly cost")));
    for (category, usd) in items(report) {
        let data: Vec<Option<f64>> = usd.iter().map(|u| u.map(|u| look.value(u))).collect();
        chart = chart.series(
            Bar::new()
                .name(category.label())
                .stack("cost")
                .item_style(ItemStyle::new().color(colour(category)))
                .data(data),
        );
    }
    chart
}

/// Item rows by option columns, the chart's numbers, and a total row: each option's
/// monthly cost.
pub fn breakdown_table(report: &Report, look: &Look) -> Table {
    let mut columns = vec!["Item".to_string()];
    columns.extend(OPTIONS.iter().map(|&id| column(report, look, id)));
    let mut rows: Vec<Vec<Cell>> = items(report)
        .into_iter()
        .map(|(category, usd)| {
            let mut row = Vec::with_capacity(5);
            row.push(Cell::Text(category.label().to_string()));
            row.extend(
                usd.iter()
                    .map(|u| u.map_or(Cell::Empty, |u| Cell::money(look, u))),
            );
            row
        })
        .collect();
    let mut total = vec![Cell::Text("Total".into())];
    total.extend(OPTIONS.iter().map(|&id| {
        if fits(report, id) {
            Cell::money(look, monthly_usd(report, id))
        } else {
            Cell::Empty
        }
    }));
    rows.push(total);
    Table {
        caption: "Monthly cost breakdown".into(),
        columns,
        rows,
    }
}

/// Each kind of cost in stacking order, with its cost in each option that can run
/// (`None` where the option lacks it). Kinds that cost nothing anywhere are left out:
/// they would only crowd the legend.
fn items(report: &Report) -> Vec<(CostCategory, [Option<f64>; 4])> {
    let mut out: Vec<(CostCategory, [Option<f64>; 4])> =
        CostCategory::ALL.iter().map(|&c| (c, [None; 4])).collect();
    for (col, id) in OPTIONS.into_iter().enumerate() {
        if !fits(report, id) {
            continue;
        }
        for CostItem { category, usd, .. } in breakdown_of(report, id) {
            if let Some(row) = out.iter_mut().find(|(c, _)| c == category) {
                let cell = &mut row.1[col];
                *cell = Some(cell.unwrap_or(0.0) + usd);
            }
        }
    }
    out.retain(|(_, usd)| usd.iter().flatten().any(|u| *u != 0.0));
    out
}

fn breakdown_of(report: &Report, id: OptionId) -> &[CostItem] {
    let o = &report.options;
    match id {
        OptionId::Api => &o.api.breakdown,
        OptionId::Rented => &o.rented.breakdown,
        OptionId::Owned => &o.owned.breakdown,
        OptionId::Hybrid => &o.hybrid.breakdown,
    }
}

fn monthly_usd(report: &Report, id: OptionId) -> f64 {
    let o = &report.options;
    match id {
        OptionId::Api => o.api.monthly_usd,
        OptionId::Rented => o.rented.monthly_usd,
        OptionId::Owned => o.owned.monthly_usd,
        OptionId::Hybrid => o.hybrid.monthly_usd,
    }
}
