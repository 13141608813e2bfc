//! The tornado of sensitivities and the histogram of simulated savings.

use super::option::Chart;
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine,
    MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::Bar;

use super::frame::{frame, legend, x_axis, y_axis};
use super::look::Look;
use super::table::{Cell, Table};
use crate::format::{self, volume};
use crate::model::{OptionId, Sensitivity, Uncertainty};

/// "+20%" / "-20%".
fn swing_label(sign: &str, pct: f64) -> String {
    format!(
        "{sign}{}%",
        format::grouped(pct, if pct.fract() == 0.0 { 0 } else { 1 })
    )
}

/// One row per input, largest effect on top: how far monthly savings move from today's
/// when the input is lowered (one bar) or raised (the other) by the swing.
pub fn tornado(sens: &Sensitivity, look: &Look) -> Chart {
    // ECharts draws the first category at the bottom: reverse so the largest is on top.
    let bars: Vec<_> = sens.bars.iter().rev().collect();
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let low: Vec<f64> = bars
        .iter()
        .map(|b| look.value(b.savings_low_usd - sens.base_savings_usd))
        .collect();
    let high: Vec<f64> = bars
        .iter()
        .map(|b| look.value(b.savings_high_usd - sens.base_savings_usd))
        .collect();
    let series = |name: String, data: Vec<f64>, colour: &str| {
        Bar::new()
            .name(name)
            .bar_gap("-100%")
            .item_style(ItemStyle::new().color(colour))
            .data(data)
    };
    frame(look, legend(), 36)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(x_axis(
            look,
            AxisType::Value,
            &look.money_name("Change in monthly savings"),
        ))
        .y_axis(
            y_axis(look, String::new())
                .type_(AxisType::Category)
                .data(labels)
                .axis_label(AxisLabel::new().color(look.text()).interval(0)),
        )
        .series(series(
            swing_label("-", sens.swing_pct),
            low,
            look.colour(OptionId::Api),
        ))
        .series(series(
            swing_label("+", sens.swing_pct),
            high,
            look.colour(OptionId::Owned),
        ))
}

/// The tornado's numbers, largest effect first.
pub fn tornado_table(sens: &Sensitivity, look: &Look) -> Table {
    let columns = [
        "Input".to_string(),
        format!("Value at {}", swing_label("-", sens.swing_pct)),
        format!("Value at {}", swing_label("+", sens.swing_pct)),
        format!("Savings at {}", swing_label("-", sens.swing_pct)),
        format!("Savings at {}", swing_label("+", sens.swing_pct)),
        format!("Breakeven at {}", swing_label("-", sens.swing_pct)),
        format!("Breakeven at {}", swing_label("+", sens.swing_pct)),
    ]
    .to_vec();
    let breakeven = |b: Option<f64>| {
        b.map_or(Cell::Empty, |x| Cell::Number {
            value: x,
            shown: volume(x),
        })
    };
    let number = |x: f64| Cell::Number {
        value: x,
        shown: format::grouped(x, if x.abs() < 100.0 { 2 } else { 0 }),
    };
    let rows = sens
        .bars
        .iter()
        .map(|b| {
            vec![
                Cell::Text(b.label.clone()),
                number(b.low_value),
                number(b.high_value),
                Cell::money(look, b.savings_low_usd),
                Cell::money(look, b.savings_high_usd),
                breakeven(b.breakeven_low_requests),
                breakeven(b.breakeven_high_requests),
            ]
        })
        .collect();
    Table {
        caption: format!(
            "Monthly savings of self-hosting today: {}; each input moved by {}",
            look.money.format(sens.base_savings_usd),
            swing_label("±", sens.swing_pct)
        ),
        columns,
        rows,
    }
}

/// "−$2.1k to $0": a bin's range in the display currency.
fn bin_label(look: &Look, from: f64, to: f64) -> String {
    format!("{} to {}", look.money.compact(from), look.money.compact(to))
}

/// The share of samples in each savings bin, bars right of zero (self-hosting cheaper)
/// in the owned colour and left of it in the API colour, with P10, P50 and P90 marked.
pub fn histogram(u: &Uncertainty, look: &Look) -> Chart {
    let total = u.samples.max(1) as f64;
    let labels: Vec<String> = u
        .histogram
        .iter()
        .map(|b| bin_label(look, b.from_usd, b.to_usd))
        .collect();
    let bins: Vec<f64> = u
        .histogram
        .iter()
        .map(|b| (b.count as f64 / total * 1000.0).round() / 10.0)
        .collect();
    let (api_colour, own_colour) = (look.colour(OptionId::Api), look.colour(OptionId::Owned));
    // Split into two series so each side of zero keeps its colour in the legend.
    let side = |cheaper: bool| -> Vec<Option<f64>> {
        u.histogram
            .iter()
            .zip(&bins)
            .map(|(b, &share)| ((b.from_usd + b.to_usd > 0.0) == cheaper).then_some(share))
            .collect()
    };
    let marks = percentile_marks(u, look);
    frame(look, legend(), 56)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            x_axis(
                look,
                AxisType::Category,
                &look.money_name("Monthly savings of self-hosting"),
            )
            .data(labels)
            .axis_label(AxisLabel::new().color(look.text()).rotate(30.0)),
        )
        .y_axis(y_axis(look, "Share of samples (%)".into()))
        .series(
            Bar::new()
                .name("API cheaper")
                .stack("share")
                .item_style(ItemStyle::new().color(api_colour))
                .data(side(false)),
        )
        .series(
            Bar::new()
                .name("Self-hosting cheaper")
                .stack("share")
                .item_style(ItemStyle::new().color(own_colour))
                .data(side(true))
                .mark_line(marks),
        )
}

/// Dashed lines at the 10th, 50th and 90th percentiles of the savings, on their bins.
fn percentile_marks(u: &Uncertainty, look: &Look) -> MarkLine {
    let mark = |name: &str, usd: f64| {
        let index = u
            .histogram
            .iter()
            .position(|b| usd >= b.from_usd && usd <= b.to_usd)
            .unwrap_or(0);
        let text = format!("{name} {}", look.money.compact(usd));
        MarkLineVariant::Simple(
            MarkLineData::new()
                .name(text.as_str())
                .x_axis(index as f64)
                .label(
                    Label::new()
                        .formatter(text.as_str())
                        .position(LabelPosition::InsideEndTop)
                        .color(look.text()),
                ),
        )
    };
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .type_(LineStyleType::Dashed)
                .color(look.text()),
        )
        .data(vec![
            mark("P10", u.p10_usd),
            mark("P50", u.p50_usd),
            mark("P90", u.p90_usd),
        ])
}

/// One row per bin: its savings range, samples and share.
pub fn histogram_table(u: &Uncertainty, look: &Look) -> Table {
    let total = u.samples.max(1) as f64;
    let rows = u
        .histogram
        .iter()
        .map(|b| {
            vec![
                Cell::money(look, b.from_usd),
                Cell::money(look, b.to_usd),
                Cell::count(b.count as f64),
                Cell::Number {
                    value: b.count as f64 / total * 100.0,
                    shown: format::pct(b.count as f64 / total * 100.0),
                },
            ]
        })
        .collect();
    Table {
        caption: format!(
            "{} samples (seed {}): P10 {}, P50 {}, P90 {}; self-hosting cheaper in {}",
            format::grouped(u.samples as f64, 0),
            u.seed,
            look.money.format(u.p10_usd),
            look.money.format(u.p50_usd),
            look.money.format(u.p90_usd),
            format::pct(u.probability_self_host_cheaper * 100.0)
        ),
        columns: vec![
            "Savings from".into(),
            "Savings to".into(),
            "Samples".into(),
            "Share".into(),
        ],
        rows,
    }
}
