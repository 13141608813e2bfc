//! Usage exports -> workload: reads what a provider, a gateway or a cloud bill says was
//! actually used and derives the scenario's workload from it.
//!
//! The format is told from the content (JSON shape or CSV header), never from a file name.
//! Every row is normalised to one [`UsageRow`] (or [`CostRow`] for spend-only exports) with
//! the formats' traps undone once, in each export's reader: cache reads sit inside input
//! tokens for OpenAI, LiteLLM and OpenRouter but beside them for Anthropic and FOCUS, so every
//! row carries the total input with the cache reads and writes as parts of it; reasoning
//! always sits inside output. `derive.rs` then turns rows into per-month figures. Pure Rust:
//! it runs natively and in the page alike, and nothing here panics on any input.

mod anthropic;
mod derive;
mod detect;
mod focus;
mod litellm;
mod models;
mod openai;
mod openrouter;
mod read;
pub mod report;
mod rows;
mod time;
mod workload;

pub use derive::MAX_PERIOD_DAYS;
pub use models::catalog_model;
pub use report::apply_to_scenario_json;
pub use rows::{CostRow, ImportError, Parsed, Skipped, Source, UsageRow};
pub use workload::{Batch, Derived, ModelUse, Period, Profile, read_answer};

/// The largest file read. Exports of hourly buckets stay far below it; a month of per-request
/// logs from a busy gateway may not, and should be exported per week. JSON is held whole in
/// memory while it is read, so the limit also keeps the page's memory bounded.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Reads one file: checks its size and encoding, detects the format and normalises its rows.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::new(format!(
            "the file is {:.1} MB; at most {} MB is read (export a shorter period)",
            bytes.len() as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(format!(
            "not UTF-8 text (invalid byte at offset {}): usage exports are JSON or CSV text",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::new("the file is empty"));
    }
    let parsed = detect::read(text)?;
    if parsed.usage.is_empty() && parsed.costs.is_empty() {
        return Err(no_usable_rows(&parsed));
    }
    Ok(parsed)
}

fn no_usable_rows(parsed: &Parsed) -> ImportError {
    let why: Vec<String> = parsed
        .skipped
        .iter()
        .map(|s| format!("{} row(s) {}", s.rows, s.reason))
        .collect();
    ImportError::new(if why.is_empty() {
        format!(
            "no usable rows: the {} holds no usage",
            parsed.source.label()
        )
    } else {
        format!(
            "no usable rows in the {}: {}",
            parsed.source.label(),
            why.join("; ")
        )
    })
}

/// Two files of the same export covering some of the same time.
fn overlap(a: &Parsed, b: &Parsed) -> bool {
    match (a.extent, b.extent) {
        (Some((a0, a1)), Some((b0, b1))) => a.source == b.source && a0 < b1 && b0 < a1,
        _ => false,
    }
}

/// Reads several files of one provider (a usage export and its cost export, or several pages
/// of one export) and derives the workload from all of them together.
pub fn import(files: &[&[u8]]) -> Result<Derived, ImportError> {
    let numbered = |i: usize, mut e: ImportError| {
        if files.len() > 1 {
            e.file = Some(i + 1);
        }
        e
    };
    let mut parsed = Vec::with_capacity(files.len());
    for (i, bytes) in files.iter().enumerate() {
        let p = parse(bytes).map_err(|e| numbered(i, e))?;
        if let Some(first) = parsed.first().map(|f: &Parsed| f.source)
            && first.family() != p.source.family()
        {
            return Err(numbered(
                i,
                ImportError::new(format!(
                    "this {} cannot be combined with the {} of file 1: combine only files of one provider",
                    p.source.label(),
                    first.label()
                )),
            ));
        }
        if let Some(j) = parsed.iter().position(|q| overlap(q, &p)) {
            return Err(numbered(
                i,
                ImportError::new(format!(
                    "this {} covers hours that file {} already covers: give each period once, or the usage would count twice",
                    p.source.label(),
                    j + 1
                )),
            ));
        }
        parsed.push(p);
    }
    if parsed.is_empty() {
        return Err(ImportError::new("no file given"));
    }
    derive::derive(&parsed)
}

/// [`import`] as JSON, the page's worker's answer, which [`read_answer`] reads back: the page
/// reads files in a worker of its own so that a large file never holds its thread.
pub fn answer(files: &[&[u8]]) -> String {
    serde_json::to_string(&import(files)).unwrap_or_else(|e| {
        let refused: Result<Derived, ImportError> = Err(ImportError::new(format!(
            "the workload could not be written out ({e})"
        )));
        serde_json::to_string(&refused).unwrap_or_default()
    })
}
