//! Usage exports -> workload: reads what a provider, a gateway or a cloud bill says was
//! actually used and derives the scenario's workload from it.
//!
//! The format is told from the content (JSON shape or CSV header), never from a file name.
//! Every row is normalised to one [`UsageRow`] (or [`CostRow`] for spend-only exports) with
//! the formats' traps undone once, here: cache reads sit inside input tokens for OpenAI,
//! LiteLLM and OpenRouter but beside them for Anthropic and FOCUS, so every row carries the
//! total input with the cache reads and writes as parts of it; reasoning always sits inside
//! output. [`derive`](derive::derive) then turns rows into per-month figures. Pure Rust: it
//! runs natively and in the page alike, and nothing here panics on any input.

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
mod time;

use std::fmt;

pub use derive::{Batch, Derived, ModelUse, Period, Profile, Skipped};
pub use detect::Source;
pub use models::catalog_model;
pub use report::apply_to_scenario_json;

/// The largest file read. Exports of hourly buckets stay far below it; a month of per-request
/// logs from a busy gateway may not, and should be exported per week. JSON is held whole in
/// memory while it is read, so the limit also keeps the page's memory bounded.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The longest covered period, so that one wrong timestamp cannot make an hourly profile of
/// decades.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// One row of usage, normalised: `input_tokens` is the whole input, cache reads and writes
/// included; `output_tokens` the whole output, reasoning included.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageRow {
    /// Start of the row's time (unix seconds, UTC): a bucket's start or a request's time.
    pub start_s: i64,
    /// Width of the row's time in seconds: the bucket width, or one second for one request.
    pub width_s: i64,
    pub model: String,
    /// `None` where the format has no request count (Anthropic usage, FOCUS).
    pub requests: Option<f64>,
    pub input_tokens: f64,
    pub cache_read_tokens: f64,
    pub cache_write_tokens: f64,
    pub output_tokens: f64,
    /// `None` where the format does not report it.
    pub reasoning_tokens: Option<f64>,
    /// `None` where the row carries no money (spend then comes from a cost export).
    pub spend_usd: Option<f64>,
    /// `None` where the format does not say whether a row went through a batch API.
    pub batch: Option<bool>,
}

/// Spend from a cost export (OpenAI Costs API, Anthropic cost report).
#[derive(Debug, Clone, PartialEq)]
pub struct CostRow {
    pub start_s: i64,
    pub end_s: i64,
    pub model: Option<String>,
    pub usd: f64,
}

/// What one file held, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub source: Source,
    pub usage: Vec<UsageRow>,
    pub costs: Vec<CostRow>,
    pub skipped: Vec<Skipped>,
    /// Every bucket the file covers, empty ones included (an hour without traffic is still
    /// part of the period): (first start, last end) in unix seconds.
    pub extent: Option<(i64, i64)>,
    /// FOCUS only: `BilledCost` over every row (tax, credits and non-token rows included).
    pub billed_usd: Option<f64>,
}

impl Parsed {
    fn new(source: Source) -> Self {
        Self {
            source,
            usage: Vec::new(),
            costs: Vec::new(),
            skipped: Vec::new(),
            extent: None,
            billed_usd: None,
        }
    }

    /// Counts a row left out, grouped by reason.
    fn skip(&mut self, reason: &str, at: &str) {
        match self.skipped.iter_mut().find(|s| s.reason == reason) {
            Some(s) => s.rows += 1,
            None => self.skipped.push(Skipped {
                reason: reason.to_string(),
                rows: 1,
                first: at.to_string(),
            }),
        }
    }

    fn cover(&mut self, start_s: i64, end_s: i64) {
        self.extent = Some(match self.extent {
            Some((a, b)) => (a.min(start_s), b.max(end_s)),
            None => (start_s, end_s),
        });
    }
}

/// Why a file was refused: the problem, where it is, and what is allowed. Nothing of a
/// refused file is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based index of the file among those given together; `None` for a single file.
    pub file: Option<usize>,
    /// Where in the file: "line 14", "bucket 3, result 2".
    pub at: Option<String>,
    pub problem: String,
}

impl ImportError {
    fn new(problem: impl Into<String>) -> Self {
        Self {
            file: None,
            at: None,
            problem: problem.into(),
        }
    }

    fn at(at: &str, problem: impl Into<String>) -> Self {
        Self {
            file: None,
            at: Some(at.to_string()),
            problem: problem.into(),
        }
    }

    /// The message with the file named as the caller knows it (a path, a dropped file's name).
    pub fn describe(&self, file_name: Option<&str>) -> String {
        let mut out = String::new();
        match (file_name, self.file) {
            (Some(name), _) => out.push_str(&format!("{name}: ")),
            (None, Some(i)) => out.push_str(&format!("file {i}: ")),
            (None, None) => {}
        }
        if let Some(at) = &self.at {
            out.push_str(&format!("{at}: "));
        }
        out.push_str(&self.problem);
        out
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(None))
    }
}

impl std::error::Error for ImportError {}

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
    let (source, input) = detect::detect(text)?;
    let parsed = match input {
        detect::Input::Json(value) => match source {
            Source::OpenAiUsage => openai::usage(&value),
            Source::OpenAiCosts => openai::costs(&value),
            Source::AnthropicUsage => anthropic::usage(&value),
            _ => anthropic::cost(&value),
        },
        detect::Input::Csv(table) => match source {
            Source::LiteLlmSpendLogs => litellm::spend_logs(table),
            Source::OpenRouterActivity => openrouter::activity(table),
            _ => focus::rows(table),
        },
    }?;
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
