//! Saved scenarios side by side: each one's API line and cheapest self-hosted line over
//! monthly volume, on one log axis.

use super::option::Chart;
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Tooltip, Trigger};
use charming::series::Line;

use super::frame::{frame, legend, x_axis, y_axis};
use super::look::Look;
use crate::model::Report;

/// One colour per compared scenario (at most four), apart from the option colours so a
/// scenario is never mistaken for an option.
const SCENARIO_COLOURS: [(&str, &str); 4] = [
    ("#0f766e", "#2dd4bf"),
    ("#b45309", "#fbbf24"),
    ("#be123c", "#fb7185"),
    ("#4338ca", "#a5b4fc"),
];

/// The colour of the `i`-th compared scenario.
pub fn scenario_colour(look: &Look, i: usize) -> &'static str {
    let (light, dark) = SCENARIO_COLOURS[i % SCENARIO_COLOURS.len()];
    if look.dark { dark } else { light }
}

/// Per scenario, a solid API line and a dashed line for the cheaper of rented and owned
/// GPUs at each volume (left out where neither fits). Each scenario's curve keeps its own
/// volume range; amounts are in `look`'s currency.
pub fn compare(scenarios: &[(String, &Report)], look: &Look) -> Chart {
    let mut chart = frame(look, legend(), 48)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            x_axis(look, AxisType::Log, "Monthly requests")
                .min("dataMin")
                .max("dataMax"),
        )
        .y_axis(y_axis(look, look.money_name("Monthly cost")));
    for (i, (name, report)) in scenarios.iter().enumerate() {
        let colour = scenario_colour(look, i);
        let api: Vec<Vec<f64>> = report
            .curve
            .iter()
            .map(|p| vec![p.monthly_requests, look.value(p.api_usd)])
            .collect();
        let (rented, owned) = (
            report.options.rented.feasible,
            report.options.owned.feasible,
        );
        let self_host: Vec<Vec<f64>> = report
            .curve
            .iter()
            .filter_map(|p| {
                let usd = match (rented, owned) {
                    (true, true) => p.rented_usd.min(p.owned_usd),
                    (true, false) => p.rented_usd,
                    (false, true) => p.owned_usd,
                    (false, false) => return None,
                };
                Some(vec![p.monthly_requests, look.value(usd)])
            })
            .collect();
        let line = |label: String, data: Vec<Vec<f64>>, dashed: bool| {
            let style = LineStyle::new().color(colour).width(2);
            Line::new()
                .name(label)
                .show_symbol(false)
                .item_style(ItemStyle::new().color(colour))
                .line_style(if dashed {
                    style.type_(LineStyleType::Dashed)
                } else {
                    style
                })
                .data(data)
        };
        chart = chart
            .series(line(format!("{name} · API"), api, false))
            .series(line(format!("{name} · self-host"), self_host, true));
    }
    chart
}
