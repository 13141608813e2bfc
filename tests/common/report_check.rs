//! The report's number rules, checked on its JSON: every number is finite, no dollar (or
//! any other figure) is negative unless the report documents it as signed, and `null`
//! appears only where the report has an optional value. serde_json writes a NaN or an
//! infinity as `null`, so a `null` anywhere else is a non-finite number that slipped out.
//! Shared by the native tests and the fuzz targets (`fuzz/`).
#![allow(dead_code)]

use serde_json::Value;

/// Leaves of a report that may be negative, as `model::report` documents.
pub const SIGNED: [&str; 1] = ["savings_vs_api_usd_per_month"];

/// Every problem found in a report's JSON, as `path: what`; empty when it is clean.
pub fn report_problems(report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk(report, "", &mut problems);
    problems
}

/// Only the finiteness rule, for analyses whose figures are savings (signed throughout)
/// and whose optional fields this file does not list: read from the `{:?}` form, where a
/// non-finite f64 prints as `NaN`, `inf` or `-inf` right after `: `, `[` or `, `.
pub fn non_finite_in_debug(debug: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for word in ["NaN", "inf", "-inf"] {
        for lead in [": ", "[", ", "] {
            for tail in [",", " ", "]", "}", ")"] {
                let needle = format!("{lead}{word}{tail}");
                if let Some(at) = debug.find(&needle) {
                    let from = debug[..at]
                        .char_indices()
                        .rev()
                        .nth(60)
                        .map_or(0, |(i, _)| i);
                    problems.push(format!("…{}…", &debug[from..at + needle.len()]));
                }
            }
        }
    }
    problems
}

fn nullable(path: &str) -> bool {
    let leaf = path.rsplit('/').next().unwrap_or_default();
    path.starts_with("/breakeven/")
        || matches!(
            leaf,
            "infeasible_reason" | "payback_month_owned" | "payback_month_rented"
        )
}

fn walk(v: &Value, path: &str, problems: &mut Vec<String>) {
    match v {
        Value::Null if !nullable(path) => problems.push(format!("{path}: null (NaN or infinity)")),
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            let leaf = path.rsplit('/').next().unwrap_or_default();
            if !x.is_finite() {
                problems.push(format!("{path}: {n} is not finite"));
            } else if x < 0.0 && !SIGNED.contains(&leaf) {
                problems.push(format!("{path}: {x} is negative"));
            }
        }
        // Text built from a non-finite number ("$NaN a month") is as wrong as the number.
        Value::String(text) if text.contains("NaN") || text.contains("inf ") => {
            problems.push(format!("{path}: text {text:?} shows a non-finite number"))
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}/{i}"), problems);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                walk(item, &format!("{path}/{k}"), problems);
            }
        }
        _ => {}
    }
}
