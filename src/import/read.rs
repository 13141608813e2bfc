//! Reading cells and values: a CSV table (RFC 4180: quoted cells, doubled quotes, line breaks
//! inside quotes, CRLF or LF), numbers and names, each refused with the row and column named.
//! The table is read record by record, so a large log is never held twice.

use serde_json::{Map, Value};

use super::rows::ImportError;

/// Longest model or SKU name kept; real ones are far shorter.
const MAX_NAME_CHARS: usize = 200;

/// The largest count or money amount one row may hold. Far above any real export, and low
/// enough that sums over the largest file stay finite, so no figure becomes infinite or NaN.
pub(super) const MAX_AMOUNT: f64 = 1e15;

pub(super) struct Table<'a> {
    header: Vec<String>,
    rest: &'a str,
    line: usize,
}

/// One CSV record with the line it starts on (the header is line 1).
pub(super) struct Record {
    pub line: usize,
    cells: Vec<String>,
}

impl Record {
    pub fn at(&self) -> String {
        format!("line {}", self.line)
    }
}

impl<'a> Table<'a> {
    /// Reads the header row.
    pub fn new(text: &'a str) -> Result<Self, ImportError> {
        let mut table = Table {
            header: Vec::new(),
            rest: text,
            line: 1,
        };
        let (_, header) = table
            .record()
            .ok_or_else(|| ImportError::new("the file is empty"))??;
        table.header = header.into_iter().map(|h| h.trim().to_string()).collect();
        Ok(table)
    }

    pub fn has(&self, name: &str) -> bool {
        self.header.iter().any(|h| h == name)
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The column's index, or an error naming the missing column.
    pub fn require(&self, name: &str) -> Result<usize, ImportError> {
        self.column(name).ok_or_else(|| {
            ImportError::at("line 1", format!("the header has no column \"{name}\""))
        })
    }

    /// The next record with as many cells as the header; blank lines are passed over.
    pub fn next_record(&mut self) -> Option<Result<Record, ImportError>> {
        loop {
            let (line, cells) = match self.record()? {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            };
            if cells.len() == 1 && cells.first().is_some_and(|c| c.trim().is_empty()) {
                continue;
            }
            if cells.len() != self.header.len() {
                return Some(Err(ImportError::at(
                    &format!("line {line}"),
                    format!(
                        "{} cells where the header has {}: the file is truncated or not one table",
                        cells.len(),
                        self.header.len()
                    ),
                )));
            }
            return Some(Ok(Record { line, cells }));
        }
    }

    /// Splits off one record; `None` at the end of the text.
    fn record(&mut self) -> Option<Result<(usize, Vec<String>), ImportError>> {
        if self.rest.is_empty() {
            return None;
        }
        let start_line = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = self.rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        self.line += 1;
                        cell.push(c);
                    }
                    _ => cell.push(c),
                }
                continue;
            }
            match c {
                ',' => cells.push(std::mem::take(&mut cell)),
                '"' if cell.is_empty() => quoted = true,
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {}
                '\n' => {
                    self.line += 1;
                    self.rest = self.rest.get(i + 1..).unwrap_or("");
                    cells.push(cell);
                    return Some(Ok((start_line, cells)));
                }
                _ => cell.push(c),
            }
        }
        self.rest = "";
        if quoted {
            return Some(Err(ImportError::at(
                &format!("line {start_line}"),
                "a quoted cell is never closed: the file is truncated",
            )));
        }
        cells.push(cell);
        Some(Ok((start_line, cells)))
    }
}

impl Record {
    /// The cell of a column found in the header (empty when the index is out of range).
    pub fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", |c| c.trim())
    }
}

/// Why a cell that should hold a number does not, with a word on formulas: cells are read as
/// text and never computed.
fn not_a_number(cell: &str, what: &str) -> String {
    let shown: String = cell.chars().take(40).collect();
    if cell.starts_with('=') {
        format!(
            "{what} is \"{shown}\", a spreadsheet formula: cells are read as text, never computed, so a number is needed"
        )
    } else {
        format!("{what} is \"{shown}\", not a number")
    }
}

/// A non-negative count (tokens, requests) written as text.
pub(super) fn count_text(cell: &str, what: &str, at: &str) -> Result<f64, ImportError> {
    let x = amount_text(cell, what, at)?;
    if x < 0.0 {
        return Err(ImportError::at(
            at,
            format!("{what} is {x}: a count cannot be negative"),
        ));
    }
    Ok(x)
}

/// A number (money may be negative: credits, corrections) written as text.
pub(super) fn amount_text(cell: &str, what: &str, at: &str) -> Result<f64, ImportError> {
    let t = cell.trim();
    match t.parse::<f64>() {
        Ok(x) => plausible(x, what, at),
        Err(_) => Err(ImportError::at(at, not_a_number(t, what))),
    }
}

/// A number within +/- [`MAX_AMOUNT`].
pub(super) fn plausible(x: f64, what: &str, at: &str) -> Result<f64, ImportError> {
    if x.is_finite() && x.abs() <= MAX_AMOUNT {
        Ok(x)
    } else {
        Err(ImportError::at(
            at,
            format!("{what} is {x}: larger than any real export holds (at most 10^15)"),
        ))
    }
}

/// Like [`count_text`], with an empty cell meaning "not reported".
pub(super) fn opt_count_text(cell: &str, what: &str, at: &str) -> Result<Option<f64>, ImportError> {
    if cell.trim().is_empty() {
        Ok(None)
    } else {
        count_text(cell, what, at).map(Some)
    }
}

/// A model or SKU name, kept as text. A name that reads as a spreadsheet formula or holds
/// markup is refused: no export writes one, so the file was edited or is hostile, and a name
/// shown later on the page or pasted into a sheet must not act.
pub(super) fn name_text(cell: &str, what: &str, at: &str) -> Result<String, ImportError> {
    let t = cell.trim();
    // `=` always starts a formula; `+`, `-` and `@` do when a call or a reference follows
    // (`@SUM(1+1)`), while model ids such as Cloudflare's `@cf/meta/llama-3-8b-instruct` do not.
    let formula = t.starts_with(['=', '\t', '\r'])
        || (t.starts_with(['+', '-', '@']) && t.contains(['(', '!', '|']));
    let markup = t.contains(['<', '>']);
    if formula || markup {
        let shown: String = t.chars().take(40).collect();
        return Err(ImportError::at(
            at,
            format!(
                "{what} \"{shown}\" looks like a spreadsheet formula or markup; usage exports hold plain names, so the file is refused"
            ),
        ));
    }
    if t.chars().count() > MAX_NAME_CHARS || t.chars().any(char::is_control) {
        return Err(ImportError::at(
            at,
            format!("{what} is not a plain name of at most {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(t.to_string())
}

/// A JSON result object with where it is ("bucket 2, result 3").
pub(super) type Located<'v> = (String, &'v Map<String, Value>);

/// One time bucket of an API's usage or cost page.
pub(super) struct Bucket<'v> {
    pub n: usize,
    pub fields: &'v Map<String, Value>,
    pub start_s: i64,
    pub end_s: i64,
}

impl<'v> Bucket<'v> {
    pub fn results(&self) -> Result<Vec<Located<'v>>, ImportError> {
        let at_bucket = format!("bucket {}", self.n);
        let mut out = Vec::new();
        for (ri, r) in list(self.fields.get("results"), "\"results\"", &at_bucket)?
            .iter()
            .enumerate()
        {
            let at = format!("bucket {}, result {}", self.n, ri + 1);
            let o = object(r, "a result", &at)?;
            out.push((at, o));
        }
        Ok(out)
    }
}

/// A JSON object, or an error naming what was expected.
pub(super) fn object<'v>(
    v: &'v Value,
    what: &str,
    at: &str,
) -> Result<&'v Map<String, Value>, ImportError> {
    v.as_object()
        .ok_or_else(|| ImportError::at(at, format!("{what} is not a JSON object")))
}

/// A JSON list, or an error naming what was expected.
pub(super) fn list<'v>(
    v: Option<&'v Value>,
    what: &str,
    at: &str,
) -> Result<&'v [Value], ImportError> {
    match v {
        Some(Value::Array(a)) => Ok(a),
        Some(Value::Null) | None => Ok(&[]),
        Some(_) => Err(ImportError::at(at, format!("{what} is not a list"))),
    }
}

/// A non-negative count from a JSON field: a number (a decimal string is accepted too, as some
/// exporters write big counts as text). `None` when absent or null.
pub(super) fn opt_count(
    o: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Option<f64>, ImportError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(x) if x >= 0.0 => plausible(x, &format!("\"{key}\""), at).map(Some),
            _ => Err(ImportError::at(
                at,
                format!("\"{key}\" is {n}: a count cannot be negative"),
            )),
        },
        Some(Value::String(s)) => count_text(s, &format!("\"{key}\""), at).map(Some),
        Some(other) => Err(ImportError::at(
            at,
            format!("\"{key}\" is {}, not a number", kind(other)),
        )),
    }
}

/// Like [`opt_count`], but the field must be there.
pub(super) fn count(o: &Map<String, Value>, key: &str, at: &str) -> Result<f64, ImportError> {
    opt_count(o, key, at)?.ok_or_else(|| ImportError::at(at, format!("\"{key}\" is missing")))
}

/// An optional name field of a JSON object.
pub(super) fn opt_name(
    o: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Option<String>, ImportError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => name_text(s, &format!("\"{key}\""), at).map(Some),
        Some(other) => Err(ImportError::at(
            at,
            format!("\"{key}\" is {}, not text", kind(other)),
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
