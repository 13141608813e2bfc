//! Notices about a link: each names the key, what is wrong, and what is allowed. The
//! scenario's keys and the page keys (`embed`, `theme`, ...) share them.

use super::frozen::field_alias;
use crate::scenario::{FIELDS, FieldError};

/// The `field` of notices about the link itself rather than one field.
pub const LINK_NOTICE_FIELD: &str = "(link)";

/// A notice about one key, naming its canonical field when the key is a scenario key;
/// page keys (`theme`, ...) and unknown keys get [`LINK_NOTICE_FIELD`].
pub fn notice(key: &str, problem: impl std::fmt::Display) -> FieldError {
    let field = match key {
        "v" => "version",
        "p" => "preset",
        _ => FIELDS
            .iter()
            .find(|f| f.alias == field_alias(key))
            .map_or(LINK_NOTICE_FIELD, |f| f.path),
    };
    FieldError {
        field: field.into(),
        message: format!("link key {}: {problem}", shown(key)),
    }
}

/// A notice about the whole link rather than one key.
pub fn link_notice(message: String) -> FieldError {
    FieldError {
        field: LINK_NOTICE_FIELD.into(),
        message,
    }
}

/// Quotes link text for a message: escaped, and cut short so one bad key cannot flood it.
pub fn shown(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let head: String = text.chars().take(MAX_CHARS).collect();
    let more = if text.chars().nth(MAX_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("\"{}{more}\"", head.escape_debug())
}
