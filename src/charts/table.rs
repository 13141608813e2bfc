//! The numbers behind a chart as a table: formatted for the page, raw for CSV.

use super::look::Look;
use crate::format;

/// One chart's numbers: the page's "show as table" view and the CSV download.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A caption with the chart's marks in brackets after it, when it has any.
pub fn caption(title: &str, marks: &[String]) -> String {
    if marks.is_empty() {
        title.to_string()
    } else {
        format!("{title} ({})", marks.join("; "))
    }
}

/// A table cell: the page shows `shown`, the CSV holds the raw `value`.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: f64,
        shown: String,
    },
    /// No value (an option that cannot run): "–" on the page, an empty CSV field.
    Empty,
}

impl Cell {
    /// An amount in US dollars as the chart plots it, in the display currency.
    pub fn money(look: &Look, usd: f64) -> Self {
        Self::Number {
            value: look.value(usd),
            shown: look.money.format(usd),
        }
    }

    /// A whole count with thousands separators.
    pub fn count(x: f64) -> Self {
        Self::Number {
            value: x,
            shown: format::grouped(x, 0),
        }
    }

    /// What the page shows.
    pub fn shown(&self) -> &str {
        match self {
            Self::Text(t) => t,
            Self::Number { shown, .. } => shown,
            Self::Empty => format::MISSING,
        }
    }

    /// The raw number, if the cell holds one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Self::Number { value, .. } => Some(*value),
            _ => None,
        }
    }

    fn csv(&self) -> String {
        match self {
            Self::Text(t) => quote(t),
            // Rust prints f64 without exponent and with the shortest exact digits.
            Self::Number { value, .. } if value.is_finite() => value.to_string(),
            Self::Number { .. } | Self::Empty => String::new(),
        }
    }
}

impl Table {
    /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma,
    /// a quote or a line break; numbers raw, not formatted.
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(32 * (self.rows.len() + 1) * self.columns.len().max(1));
        let header: Vec<String> = self.columns.iter().map(|c| quote(c)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let fields: Vec<String> = row.iter().map(Cell::csv).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
