//! The JSON the page hands to ECharts: charming's option with the settings charming has
//! no builder for, the shape that decides between merging and replacing the series, and
//! the warm-up's options.

use llm_tco::charts::{
    Chart, Look, WARM_UP_POINTS, breakeven, for_echarts, series_shape, vary, warm_up_option,
};
use llm_tco::format::Money;
use llm_tco::model::evaluate;
use serde_json::{Value, json};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn series_shape_ignores_values_and_sees_keys_that_come_and_go() {
    let shape = |json: &str| series_shape(&parse(json));
    let today = r#"{"series":[{"type":"line","name":"API","data":[[1,2],[3,4]],
        "markLine":{"data":[{"xAxis":5,"label":{"formatter":"Today"}}]}}]}"#;
    // Other numbers, names and point counts: the same shape, so the update merges.
    let moved = r#"{"series":[{"type":"line","name":"Cloud","data":[[9,9]],
        "markLine":{"data":[{"xAxis":7,"label":{"formatter":"Now"}},{"xAxis":8}]}}]}"#;
    assert_eq!(shape(today), shape(moved));
    assert_eq!(
        shape(today),
        "line{data:[],markLine:{data:[],},name:.,type:.,};"
    );
    // The marker line goes, the points go, the series becomes bars, a series is added:
    // each is a new shape, so the update replaces the series.
    let without_mark = r#"{"series":[{"type":"line","name":"API","data":[[1,2]]}]}"#;
    let without_points = r#"{"series":[{"type":"line","name":"API",
        "markLine":{"data":[{"xAxis":5}]}}]}"#;
    let bars = r#"{"series":[{"type":"bar","name":"API","data":[[1,2],[3,4]],
        "markLine":{"data":[{"xAxis":5,"label":{"formatter":"Today"}}]}}]}"#;
    let two = r#"{"series":[{"type":"line","name":"API","data":[],"markLine":{"data":[]}},
        {"type":"line","name":"GPU","data":[]}]}"#;
    for other in [without_mark, without_points, bars, two] {
        assert_ne!(shape(today), shape(other), "{other}");
    }
    // No series at all has a shape too (the empty one), never an error.
    assert_eq!(shape("{}"), "");
    assert_eq!(shape(r#"{"series":7}"#), "");
}

#[test]
fn one_series_given_as_an_object_has_the_shape_of_a_list_of_one() {
    let one = parse(r#"{"series":{"type":"bar","data":[1]}}"#);
    let list = parse(r#"{"series":[{"type":"bar","data":[1]}]}"#);
    assert_eq!(series_shape(&one), "bar{data:[],type:.,};");
    assert_eq!(series_shape(&one), series_shape(&list));
    // A series that is not an object is one value without a type.
    assert_eq!(series_shape(&parse(r#"{"series":[3,null]}"#)), ".;.;");
}

/// The settings charming lacks are added; everything else is charming's option.
#[test]
fn the_option_gets_the_settings_charming_has_no_builder_for() {
    let s = llm_tco::link::decode("v=1&p=document-processing").scenario;
    let report = evaluate(&s);
    let look = Look::new(false, Money::from_org(&s.org));
    let option = for_echarts(&breakeven(&report, &s, &look));
    let plain = serde_json::to_value(breakeven(&report, &s, &look)).unwrap();
    // The tooltip's axis label in whole units.
    assert_eq!(option["tooltip"]["axisPointer"]["label"]["precision"], 0);
    // The numeric x axis keeps its end labels inside the chart.
    assert_eq!(option["xAxis"]["axisLabel"]["alignMinLabel"], "left");
    assert_eq!(option["xAxis"]["axisLabel"]["alignMaxLabel"], "right");
    // The zoom slider draws no miniature.
    let zooms = option["dataZoom"].as_array().unwrap();
    let sliders: Vec<&Value> = zooms.iter().filter(|z| z["type"] == "slider").collect();
    assert!(!sliders.is_empty());
    for slider in sliders {
        assert_eq!(slider["showDataShadow"], false);
    }
    // Everything else is charming's option unchanged.
    assert_eq!(option["series"], plain["series"]);
    assert_eq!(option["legend"], plain["legend"]);
}

#[test]
fn a_category_axis_and_a_chart_without_tooltip_are_left_alone() {
    use charming::component::Axis;
    use charming::element::{AxisLabel, AxisType};
    let chart = Chart::new()
        .x_axis(Axis::new().type_(AxisType::Category).data(vec!["a", "b"]))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(AxisLabel::new().show(true)),
        );
    let option = for_echarts(&chart);
    // A category axis is left alone; a numeric one gets the alignment.
    assert_eq!(option["xAxis"][0].get("axisLabel"), None);
    assert_eq!(option["xAxis"][1]["axisLabel"]["show"], true);
    assert_eq!(option["xAxis"][1]["axisLabel"]["alignMaxLabel"], "right");
    // Without a tooltip or a zoom, none is added.
    assert_eq!(option.get("tooltip"), None);
    assert_eq!(option.get("dataZoom"), None);
}

#[test]
fn a_warm_up_copy_keeps_at_most_ten_evenly_picked_points() {
    assert_eq!(WARM_UP_POINTS, 10);
    let points: Vec<Value> = (0..25).map(|i| json!([i, i * 10])).collect();
    let option =
        json!({"series": [{"type": "line", "data": points}, {"type": "bar", "data": [1, 2, 3]}]});
    let copy = warm_up_option(&option);
    // 25 points: every third (ceil(25 / 10) = 3), so 0, 3, ..., 24: nine points.
    let kept: Vec<i64> = copy["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_i64().unwrap())
        .collect();
    assert_eq!(kept, vec![0, 3, 6, 9, 12, 15, 18, 21, 24]);
    // Three points are all kept; the original is untouched.
    assert_eq!(copy["series"][1]["data"], json!([1, 2, 3]));
    assert_eq!(option["series"][0]["data"].as_array().unwrap().len(), 25);
}

#[test]
fn each_warm_up_step_moves_the_points_up_a_little() {
    let mut option = json!({"series": [{"data": [[1.0, 100.0], [2.0, 50.0], 7, [3.0]]}]});
    // Step 0: factor 1.00; step 1: 1.02; step 6: 1.02 again (6 % 5 = 1).
    vary(&mut option, 0);
    assert_eq!(option["series"][0]["data"][0], json!([1.0, 100.0]));
    vary(&mut option, 1);
    assert_eq!(option["series"][0]["data"][0], json!([1.0, 102.0]));
    assert_eq!(option["series"][0]["data"][1], json!([2.0, 51.0]));
    // 102 * 1.02 = 104.04
    vary(&mut option, 6);
    let y = option["series"][0]["data"][0][1].as_f64().unwrap();
    assert!((y - 104.04).abs() < 1e-9, "{y}");
    // A bare value and a point without a y are left as they are.
    assert_eq!(option["series"][0]["data"][2], 7);
    assert_eq!(option["series"][0]["data"][3], json!([3.0]));
}
