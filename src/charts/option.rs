//! The ECharts option every chart is built as: charming's components and series, in a
//! container that holds only what these charts draw.
//!
//! charming's own `Chart` serialises through one function that knows every component and
//! every series type ECharts has (3D axes, maps, pies, sankeys, ...); keeping it in the
//! page put all of that serialising code into the download. This container serialises to
//! the same JSON for the parts the charts use, so the page ships only their code.

use charming::component::{Axis, DataZoom, Grid, Legend, Title};
use charming::element::{Color, Tooltip};
use charming::series::{Bar, Line};
use serde::{Serialize, Serializer};

/// An ECharts option: what [`charming::Chart`] would write for the same calls.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    title: Vec<Title>,
    #[serde(skip_serializing_if = "Option::is_none")]
    animation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<Tooltip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Legend>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    grid: Vec<Grid>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    x_axis: Vec<Axis>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    y_axis: Vec<Axis>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    data_zoom: Vec<DataZoom>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_color: Option<Color>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    series: Vec<Series>,
}

/// The series types the charts draw; each writes its own `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Series {
    Line(Box<Line>),
    Bar(Box<Bar>),
}

impl From<Line> for Series {
    fn from(line: Line) -> Self {
        Series::Line(Box::new(line))
    }
}

impl From<Bar> for Series {
    fn from(bar: Bar) -> Self {
        Series::Bar(Box::new(bar))
    }
}

/// One object when there is one, a list otherwise (as charming writes axes).
fn one_or_many<T: Serialize, S: Serializer>(items: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    match items {
        [one] => one.serialize(serializer),
        many => many.serialize(serializer),
    }
}

/// Indented JSON, as charming's `Chart` prints itself.
impl std::fmt::Display for Chart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let json = serde_json::to_string_pretty(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&json)
    }
}

impl Chart {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn title(mut self, title: Title) -> Self {
        self.title.push(title);
        self
    }

    pub fn animation(mut self, animation: bool) -> Self {
        self.animation = Some(animation);
        self
    }

    pub fn tooltip(mut self, tooltip: Tooltip) -> Self {
        self.tooltip = Some(tooltip);
        self
    }

    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(legend);
        self
    }

    pub fn grid(mut self, grid: Grid) -> Self {
        self.grid.push(grid);
        self
    }

    pub fn x_axis(mut self, axis: Axis) -> Self {
        self.x_axis.push(axis);
        self
    }

    pub fn y_axis(mut self, axis: Axis) -> Self {
        self.y_axis.push(axis);
        self
    }

    pub fn data_zoom(mut self, zoom: DataZoom) -> Self {
        self.data_zoom.push(zoom);
        self
    }

    pub fn background_color(mut self, colour: Color) -> Self {
        self.background_color = Some(colour);
        self
    }

    pub fn series(mut self, series: impl Into<Series>) -> Self {
        self.series.push(series.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use charming::component::LegendType;
    use charming::element::{AxisType, Trigger};

    /// The same builder calls on either container.
    macro_rules! sample {
        ($chart:expr) => {
            $chart
                .title(Title::new().text("Cost"))
                .background_color(Color::Value("transparent".into()))
                .animation(false)
                .tooltip(Tooltip::new().trigger(Trigger::Axis))
                .legend(Legend::new().type_(LegendType::Scroll).top(0))
                .grid(Grid::new().contain_label(true).left(8))
                .x_axis(Axis::new().type_(AxisType::Log).name("Monthly requests"))
                .y_axis(Axis::new().type_(AxisType::Value))
                .data_zoom(DataZoom::new().x_axis_index(0))
                .series(
                    Line::new()
                        .name("API")
                        .data(vec![vec![1.0, 2.0], vec![10.0, 20.0]]),
                )
                .series(Bar::new().name("Owned").data(vec![3.0, 4.0]))
        };
    }

    /// The container writes exactly what charming's `Chart` writes for the same calls, so
    /// the page draws the same charts.
    #[test]
    fn writes_what_charming_writes() {
        let ours = sample!(Chart::new());
        let theirs = sample!(charming::Chart::new());
        let ours = serde_json::to_value(&ours).unwrap();
        assert_eq!(ours, serde_json::to_value(&theirs).unwrap());
        // Spot checks of the shape ECharts reads: one axis is an object, series a list.
        assert_eq!(ours["xAxis"]["type"], "log");
        assert_eq!(ours["series"][0]["type"], "line");
        assert_eq!(ours["series"][1]["type"], "bar");
        assert_eq!(ours["grid"][0]["left"], 8);
        assert_eq!(ours["legend"]["type"], "scroll");
    }

    #[test]
    fn two_axes_are_a_list_and_an_empty_chart_writes_nothing() {
        let two = Chart::new()
            .y_axis(Axis::new().name("a"))
            .y_axis(Axis::new().name("b"));
        let json = serde_json::to_value(&two).unwrap();
        assert_eq!(json["yAxis"][1]["name"], "b");
        assert_eq!(serde_json::to_string(&Chart::new()).unwrap(), "{}");
    }
}
