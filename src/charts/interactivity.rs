//! Output tokens/s per GPU against output tokens/s per user: what faster answers cost.

use charming::element::{ItemStyle, Label, LabelPosition, LineStyle, Symbol, Tooltip, Trigger};
use charming::series::Line;

use super::frame::{frame, legend, x_axis, y_axis};
use super::look::Look;
use super::option::Chart;
use super::table::{Cell, Table};
use crate::format;
use crate::model::{self, Interactivity, OptionId, Report};
use crate::scenario::Scenario;

/// Series names, in legend order.
pub const ESTIMATE: &str = "This workload";
pub const MEASURED: &str = "Measured";
pub const OPERATING_POINT: &str = "Operating point";

/// Tokens/s as the chart plots them: to a tenth, 0 when not finite.
fn tps(x: f64) -> f64 {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.is_finite() { rounded } else { 0.0 }
}

/// The report's operating point as (batch, per user, per GPU): per-GPU throughput is the
/// replica's, whichever source it came from, over its GPUs.
pub fn operating_point(report: &Report) -> (f64, f64, f64) {
    let c = &report.capacity;
    (
        c.batch,
        c.output_tokens_per_sec_per_user,
        c.output_tokens_per_sec_per_replica / f64::from(c.gpus_per_replica.max(1)),
    )
}

/// What the report's throughput is over the engine's at the same batch: 1 for the
/// estimate, the scaling of a catalog measurement, or your figure over the estimate. The
/// curve's per-GPU figures take it, so the operating point lies on the curve whichever
/// source the throughput came from; per-user speeds are the engine's.
pub fn report_scale(report: &Report) -> f64 {
    let c = &report.capacity;
    let engine = c.batch * c.output_tokens_per_sec_per_user;
    let scale = c.output_tokens_per_sec_per_replica / engine;
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

/// The engine's curve for the scenario's model, GPU and workload shape (batches 1, 2,
/// 4, ... up to the largest that fits), scaled by [`report_scale`]; the catalog's
/// measurements of the same model and GPU per GPU; and the report's operating point,
/// labelled with its batch.
pub fn interactivity(report: &Report, s: &Scenario, look: &Look) -> Chart {
    let curve = model::interactivity(s);
    let scale = report_scale(report);
    let (batch, per_user, per_gpu) = operating_point(report);
    let points = |colour: &'static str, symbol: Symbol, size: f64| {
        Line::new()
            .symbol(symbol)
            .symbol_size(size)
            .item_style(ItemStyle::new().color(colour))
            // Points, not a line: the measurements are separate runs.
            .line_style(LineStyle::new().opacity(0))
    };
    let estimate = Line::new()
        .name(ESTIMATE)
        .symbol(Symbol::Circle)
        .symbol_size(6)
        .item_style(ItemStyle::new().color(look.colour(OptionId::Rented)))
        .line_style(
            LineStyle::new()
                .color(look.colour(OptionId::Rented))
                .width(2),
        )
        .data(
            curve
                .curve
                .iter()
                .map(|p| {
                    vec![
                        tps(p.output_tokens_per_sec_per_user),
                        tps(p.output_tokens_per_sec_per_gpu * scale),
                    ]
                })
                .collect(),
        );
    let measured = points(look.colour(OptionId::Owned), Symbol::Triangle, 10.0)
        .name(MEASURED)
        .data(
            curve
                .measured
                .iter()
                .map(|m| {
                    vec![
                        tps(m.output_tokens_per_sec_per_user),
                        tps(m.output_tokens_per_sec_per_gpu),
                    ]
                })
                .collect(),
        );
    let fits = report.capacity.feasible;
    let label = format!("Batch {}", format::grouped(batch, 0));
    let operating = points(look.text(), Symbol::Diamond, 14.0)
        .name(OPERATING_POINT)
        .label(
            Label::new()
                .show(true)
                .position(LabelPosition::Right)
                .formatter(label.as_str())
                .color(look.text()),
        )
        .data(if fits {
            vec![vec![tps(per_user), tps(per_gpu)]]
        } else {
            Vec::new()
        });
    frame(look, legend(), 36)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(x_axis(
            look,
            charming::element::AxisType::Value,
            "Output tokens/s per user",
        ))
        .y_axis(y_axis(look, "Output tokens/s per GPU".into()))
        .series(estimate)
        .series(measured)
        .series(operating)
}

/// The chart's numbers: every curve point, the operating point, then each measurement
/// with its conditions and source.
pub fn interactivity_table(report: &Report, s: &Scenario) -> Table {
    let curve = model::interactivity(s);
    let scale = report_scale(report);
    let (batch, per_user, per_gpu) = operating_point(report);
    let number = |x: f64| Cell::Number {
        value: tps(x),
        shown: format::grouped(x, 1),
    };
    let mut rows: Vec<Vec<Cell>> = curve
        .curve
        .iter()
        .map(|p| {
            vec![
                Cell::Text(ESTIMATE.into()),
                Cell::count(p.batch),
                number(p.output_tokens_per_sec_per_user),
                number(p.output_tokens_per_sec_per_gpu * scale),
                Cell::Text(String::new()),
            ]
        })
        .collect();
    if report.capacity.feasible {
        rows.push(vec![
            Cell::Text(OPERATING_POINT.into()),
            Cell::count(batch),
            number(per_user),
            number(per_gpu),
            Cell::Text(format!(
                "{} ms to first token; throughput from {}",
                format::grouped(report.capacity.time_to_first_token_ms, 0),
                report.capacity.throughput_source
            )),
        ]);
    }
    rows.extend(curve.measured.iter().map(|m| {
        vec![
            Cell::Text(MEASURED.into()),
            Cell::count(m.batch),
            number(m.output_tokens_per_sec_per_user),
            number(m.output_tokens_per_sec_per_gpu),
            Cell::Text(conditions(m)),
        ]
    }));
    Table {
        caption: super::table::caption(
            "Output tokens/s per GPU by output tokens/s per user",
            &marks(report, &curve),
        ),
        columns: [
            "Point",
            "Batch",
            "Output tokens/s per user",
            "Output tokens/s per GPU",
            "Conditions",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// "fp8 on 1 GPU, 205 input / 196 output tokens; source, 2024-08".
fn conditions(m: &model::MeasuredPoint) -> String {
    let tokens = match (m.input_tokens, m.output_tokens) {
        (Some(i), Some(o)) => format!(
            ", {} input / {} output tokens",
            format::grouped(i, 0),
            format::grouped(o, 0)
        ),
        _ => String::new(),
    };
    let gpus = if m.gpus == 1 { "GPU" } else { "GPUs" };
    format!(
        "{} on {} {gpus}{tokens}; {}, {}",
        m.quantization, m.gpus, m.source, m.as_of
    )
}

fn marks(report: &Report, curve: &Interactivity) -> Vec<String> {
    let c = &report.capacity;
    if !c.feasible {
        return vec!["the model does not fit these GPUs".into()];
    }
    let (batch, per_user, per_gpu) = operating_point(report);
    let mut marks = vec![format!(
        "operating point: batch {}, {} per user, {} per GPU",
        format::grouped(batch, 0),
        format::grouped(per_user, 1),
        format::grouped(per_gpu, 1)
    )];
    let scale = report_scale(report);
    if scale != 1.0 {
        marks.push(format!(
            "per GPU scaled by {} to the throughput from {}",
            format::grouped(scale, 2),
            c.throughput_source
        ));
    }
    if !curve.measured.is_empty() {
        let n = curve.measured.len();
        let plural = if n == 1 { "" } else { "s" };
        marks.push(format!("{n} catalog measurement{plural}"));
    }
    marks
}
