//! The load profile read from a usage export: the share of the interactive load in each
//! UTC hour of the day, as bars.

use charming::element::{AxisLabel, AxisType, ItemStyle, Tooltip, Trigger};
use charming::series::Bar;

use super::frame::{frame, legend, x_axis, y_axis};
use super::look::Look;
use super::option::Chart;
use super::table::{Cell, Table};
use crate::format;
use crate::import::Profile;
use crate::model::OptionId;

/// "Share of requests" or "Share of tokens": the load is counted in what the export has.
fn share_name(profile: &Profile) -> String {
    format!("Share of {}", profile.basis)
}

/// "00" to "23": UTC hours of the day.
fn hours() -> Vec<String> {
    (0..24).map(|h| format!("{h:02}")).collect()
}

/// A share rounded to tenths of a percent, so tooltips read cleanly; 0 when not finite.
fn tenths(pct: f64) -> f64 {
    let x = (pct * 10.0).round() / 10.0;
    if x.is_finite() { x } else { 0.0 }
}

/// One bar per UTC hour of the day, in the API's colour (the load the API serves today).
/// A profile with fewer than 24 values leaves the missing hours empty.
pub fn usage_profile(profile: &Profile, look: &Look) -> Chart {
    let data: Vec<Option<f64>> = (0..24)
        .map(|h| profile.hour_of_day_pct.get(h).map(|&p| tenths(p)))
        .collect();
    let colour = look.colour(OptionId::Api);
    // 36 pixels below the grid for the hour axis's name.
    frame(look, legend(), 36)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            x_axis(look, AxisType::Category, "Hour of day (UTC)")
                .data(hours())
                .axis_label(AxisLabel::new().color(look.text())),
        )
        .y_axis(y_axis(look, format!("{} (%)", share_name(profile))))
        .series(
            Bar::new()
                .name(share_name(profile))
                .item_style(ItemStyle::new().color(colour))
                .data(data),
        )
}

/// The chart's numbers: one row per UTC hour with its share.
pub fn usage_profile_table(profile: &Profile) -> Table {
    let rows = hours()
        .into_iter()
        .zip(0..24)
        .map(|(hour, h)| {
            let share = profile.hour_of_day_pct.get(h).map_or(Cell::Empty, |&p| {
                let value = tenths(p);
                // Tenths throughout, as plotted: 16.7% beside 33.3%, not 17% beside 33%.
                Cell::Number {
                    value,
                    shown: format!("{}%", format::grouped(value, 1)),
                }
            });
            vec![Cell::Text(format!("{hour}:00")), share]
        })
        .collect();
    Table {
        caption: format!(
            "Interactive load by hour of day (UTC), by {}",
            profile.basis
        ),
        columns: vec!["Hour (UTC)".into(), share_name(profile)],
        rows,
    }
}
