//! Report -> charming::Chart: pure functions, tested natively on the option JSON.

use charming::Chart;
use charming::component::{Axis, Title};
use charming::element::AxisType;
use charming::series::Line;

/// A chart that shows the pipeline works before any results exist.
pub fn placeholder() -> Chart {
    Chart::new()
        .title(Title::new().text("Monthly cost"))
        .x_axis(Axis::new().type_(AxisType::Category).data(vec!["100k", "1M", "10M"]))
        .y_axis(Axis::new().type_(AxisType::Value))
        .series(Line::new().name("API").data(vec![300.0, 3_000.0, 30_000.0]))
}
