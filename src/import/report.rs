//! The derived workload as JSON and Markdown, and laid over a scenario.
//!
//! The scenario gets only what the files say; every other field stays as it was and is named
//! in `not_in_file`. Values are rounded to what a person would type (whole requests, tenths
//! of a token or percent) and kept inside each field's allowed range.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::workload::Derived;

/// Every scenario field an import can set, in the order shown.
pub const SCENARIO_FIELDS: [&str; 8] = [
    "workload.monthly_requests",
    "workload.input_tokens_per_request",
    "workload.output_tokens_per_request",
    "workload.active_hours_per_month",
    "workload.peak_to_average",
    "api.cache_hit_pct",
    "api.batch_share_pct",
    "api.model",
];

/// `x` rounded to `1 / per_unit` (10.0: tenths) and kept within `lo..=hi`.
fn round_to(x: f64, per_unit: f64, lo: f64, hi: f64) -> Value {
    json!(((x * per_unit).round() / per_unit).clamp(lo, hi))
}

/// The scenario fields the files give, as (dotted path, value).
pub fn scenario_fields(d: &Derived) -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    let mut set = |path: &'static str, v: Option<Value>| {
        if let Some(v) = v {
            out.push((path, v));
        }
    };
    let [req, input, output, hours, peak, cache, batch, model] = SCENARIO_FIELDS;
    set(
        req,
        d.requests_per_month.map(|x| round_to(x, 1.0, 0.0, 1e11)),
    );
    set(
        input,
        d.input_tokens_per_request
            .map(|x| round_to(x, 10.0, 0.0, 2e6)),
    );
    set(
        output,
        d.output_tokens_per_request
            .map(|x| round_to(x, 10.0, 1.0, 1e6)),
    );
    set(
        hours,
        d.active_hours_per_month
            .map(|x| round_to(x, 10.0, 1.0, 730.0)),
    );
    set(
        peak,
        d.peak_to_average.map(|x| round_to(x, 100.0, 1.0, 100.0)),
    );
    set(
        cache,
        d.cached_input_share_pct
            .map(|x| round_to(x, 10.0, 0.0, 100.0)),
    );
    set(
        batch,
        d.batch
            .as_ref()
            .map(|b| round_to(b.share_pct, 10.0, 0.0, 100.0)),
    );
    let top = d.models.first().filter(|m| m.share_pct > 0.0);
    set(model, top.and_then(|m| m.catalog_id).map(|id| json!(id)));
    out
}

/// The scenario fields the files do not give: they stay as they were.
pub fn not_in_file(d: &Derived) -> Vec<&'static str> {
    let set: Vec<&str> = scenario_fields(d).into_iter().map(|(p, _)| p).collect();
    SCENARIO_FIELDS
        .into_iter()
        .filter(|p| !set.contains(p))
        .collect()
}

/// Lays the derived fields over a scenario in its canonical JSON form (a partial scenario is
/// fine) and returns the paths set. A scenario that is not a JSON object is replaced by one.
pub fn apply_to_scenario_json(scenario: &mut Value, d: &Derived) -> Vec<&'static str> {
    if !scenario.is_object() {
        *scenario = Value::Object(Map::new());
    }
    let mut applied = Vec::new();
    for (path, value) in scenario_fields(d) {
        let Some((group, field)) = path.split_once('.') else {
            continue;
        };
        let Value::Object(root) = scenario else {
            continue;
        };
        let slot = root
            .entry(group)
            .or_insert_with(|| Value::Object(Map::new()));
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        if let Value::Object(g) = slot {
            g.insert(field.to_string(), value);
            applied.push(path);
        }
    }
    applied
}

/// The derived workload as JSON: every figure (null when the files do not have it), then
/// `scenario` (the fields it sets, in the scenario's own shape) and `not_in_file`.
pub fn to_json(d: &Derived) -> Value {
    let mut value = serde_json::to_value(d).unwrap_or_default();
    let mut scenario = Value::Object(Map::new());
    apply_to_scenario_json(&mut scenario, d);
    if let Value::Object(m) = &mut value {
        m.insert("scenario".into(), scenario);
        m.insert("not_in_file".into(), json!(not_in_file(d)));
    }
    value
}

/// Markdown shows names as text: a table cell cannot be broken or turned into markup.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn figure(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(
        || "unknown (not in the files)".into(),
        |v| format!("{v:.digits$}"),
    )
}

/// The derived workload as a Markdown report.
pub fn to_markdown(d: &Derived) -> String {
    let mut out = String::new();
    let sources: Vec<String> = d.sources.iter().map(|s| s.label().to_string()).collect();
    let _ = writeln!(out, "# Usage import: {}\n", sources.join(" + "));
    let p = &d.period;
    let _ = writeln!(
        out,
        "Period {} to {} ({} days, {} hours); {} rows used.\n",
        p.start, p.end, p.days, p.hours, d.rows_used
    );
    figures_markdown(&mut out, d);
    models_markdown(&mut out, d);
    if let Some(prof) = &d.profile {
        let _ = writeln!(
            out,
            "\n## Interactive load by UTC hour of day (% of {})\n",
            prof.basis
        );
        let hours: String = (0..24).map(|h| format!(" {h:02} |")).collect();
        let rule: String = "---:|".repeat(24);
        let shares: String = prof
            .hour_of_day_pct
            .iter()
            .map(|x| format!(" {x:.1} |"))
            .collect();
        let _ = writeln!(out, "|{hours}\n|{rule}\n|{shares}");
    }
    if !d.rows_skipped.is_empty() {
        let _ = writeln!(out, "\n## Rows skipped\n");
        for s in &d.rows_skipped {
            let _ = writeln!(
                out,
                "- {} row(s) {} (first at {})",
                s.rows,
                cell(&s.reason),
                s.first
            );
        }
    }
    let _ = writeln!(out, "\n## Scenario fields set\n");
    for (path, value) in scenario_fields(d) {
        let _ = writeln!(out, "- `{path}` = {value}");
    }
    let missing = not_in_file(d);
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "\nNot in the files (left as they were): {}.",
            missing.join(", ")
        );
    }
    out
}

fn figures_markdown(out: &mut String, d: &Derived) {
    let rows = [
        ("requests per month", d.requests_per_month, 0),
        ("input tokens per month", Some(d.input_tokens_per_month), 0),
        (
            "output tokens per month",
            Some(d.output_tokens_per_month),
            0,
        ),
        ("input tokens per request", d.input_tokens_per_request, 1),
        ("output tokens per request", d.output_tokens_per_request, 1),
        ("cached share of input (%)", d.cached_input_share_pct, 1),
        (
            "cache writes share of input (%)",
            d.cache_write_share_pct,
            1,
        ),
        (
            "reasoning share of output (%)",
            d.reasoning_share_of_output_pct,
            1,
        ),
        ("active hours per month", d.active_hours_per_month, 1),
        ("peak to average", d.peak_to_average, 2),
        ("batch share (%)", d.batch.as_ref().map(|b| b.share_pct), 1),
        ("spend per month (USD)", d.spend_usd_per_month, 2),
    ];
    let _ = writeln!(out, "| figure | value |\n|---|---:|");
    for (name, value, digits) in rows {
        let _ = writeln!(out, "| {name} | {} |", figure(value, digits));
    }
    if let Some(b) = d.billed_usd_per_month {
        let _ = writeln!(out, "| billed per month, all rows (USD) | {b:.2} |");
    }
}

fn models_markdown(out: &mut String, d: &Derived) {
    let _ = writeln!(
        out,
        "\n## Models\n\n| model | catalog id | requests | input tokens | output tokens | spend (USD) | share (%) |\n|---|---|---:|---:|---:|---:|---:|"
    );
    for m in &d.models {
        let opt = |x: Option<f64>, digits: usize| {
            x.map_or_else(|| "-".into(), |v| format!("{v:.digits$}"))
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.0} | {:.0} | {} | {:.1} |",
            cell(&m.model),
            m.catalog_id.unwrap_or("-"),
            opt(m.requests, 0),
            m.input_tokens,
            m.output_tokens,
            opt(m.spend_usd, 4),
            m.share_pct
        );
    }
}
