//! Scenarios saved in a browser: the stored list's format, reading it back, and what the
//! page says about it. Pure Rust; the page's `localStorage` calls live in `ui::saved`.
//!
//! Each entry keeps the scenario's link query, not its JSON: a link is versioned and
//! frozen, so an entry saved today opens the same after the model or catalog changes,
//! and it is read back through the same validated path as any shared link.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog;
use crate::scenario::Scenario;

/// The storage key; a new format gets a new key rather than reinterpreting this one.
pub const STORAGE_KEY: &str = "llm-tco:saved:v1";

/// Names longer than this are cut when saved.
pub const MAX_NAME_CHARS: usize = 120;

/// One saved scenario as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    /// The scenario's link query (`v=1&p=…`).
    pub query: String,
    /// When it was saved, ISO 8601 in UTC.
    pub saved_at: String,
}

/// Why the browser would not keep the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No storage for this page: site data blocked (cookie settings), or a private window
    /// that allows none.
    Blocked,
    /// The storage for this site is full.
    Full,
    /// Anything else the browser threw.
    Other,
}

impl Refusal {
    /// The refusal for the `name` of the error a storage call threw: a
    /// `QuotaExceededError` means full, a `SecurityError` blocked.
    pub fn from_error_name(name: &str) -> Refusal {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => Refusal::Full,
            "SecurityError" => Refusal::Blocked,
            _ => Refusal::Other,
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Refusal::Blocked => {
                "this browser does not let the page store data (site data is blocked, or a private window allows none)"
            }
            Refusal::Full => "this browser's storage for this site is full",
            Refusal::Other => "this browser refused to store it",
        }
    }
}

/// Where the scenario still is when the browser would not keep it.
const STILL_IN_LINK: &str = "The scenario on screen is still in this page's link: copy the address or use Copy link to keep it.";

/// The message for a write the browser refused; `what` names what was not stored.
pub fn refused_message(what: &str, refusal: Refusal) -> String {
    let listed = match refusal {
        Refusal::Full => " Scenarios saved before are kept; delete some to make room.",
        Refusal::Blocked | Refusal::Other => "",
    };
    format!(
        "{what} was not stored: {}.{listed} {STILL_IN_LINK} This list keeps it only until you leave the page.",
        refusal.reason()
    )
}

/// The message for a list the browser would not even let the page read.
pub fn unavailable_message(refusal: Refusal) -> String {
    format!(
        "Saved scenarios are not available: {}. Saving still lists a scenario here until you leave the page. {STILL_IN_LINK}",
        refusal.reason()
    )
}

/// The list in stored text: the entries that read back cleanly, and a message for each
/// problem (whatever cannot be read is skipped).
pub fn parse(text: &str) -> (Vec<Saved>, Vec<String>) {
    let replaced = "Saving a scenario will replace what is stored.";
    let items = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            return (
                Vec::new(),
                vec![format!(
                    "The saved scenarios in this browser are not a list, so none could be shown. {replaced}"
                )],
            );
        }
        Err(_) => {
            return (
                Vec::new(),
                vec![format!(
                    "The saved scenarios in this browser are damaged (not valid JSON), so none could be shown. {replaced}"
                )],
            );
        }
    };
    let mut good = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match entry(i, item) {
            Ok(e) => good.push(e),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        problems.push(
            "Skipped entries are dropped the next time a scenario is saved, renamed or deleted."
                .to_string(),
        );
    }
    (good, problems)
}

/// The `i`th stored item as an entry whose link reads back fully, or why it is skipped.
fn entry(i: usize, item: Value) -> Result<Saved, String> {
    let entry: Saved = serde_json::from_value(item).map_err(|_| {
        format!(
            "Saved entry {} is not a saved scenario (it needs a name, a link and a date); skipped.",
            i + 1
        )
    })?;
    let decoded = crate::link::decode(&entry.query);
    if let Some(first) = decoded.notices.first() {
        let name: String = entry.name.chars().take(60).collect();
        return Err(format!(
            "Saved scenario \"{name}\" has a link this calculator cannot read fully ({}); skipped.",
            first.message
        ));
    }
    Ok(entry)
}

/// "2025-01-31 14:05 UTC" from an ISO date; other text as it is.
pub fn shown_date(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) if iso.as_bytes().get(10) == Some(&b'T') => {
            format!("{day} {time} UTC")
        }
        _ => iso.to_string(),
    }
}

/// A name as it is stored: without control characters, at most [`MAX_NAME_CHARS`]
/// characters, trimmed.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The name a scenario is saved under when none is typed: its own name, else its
/// preset's, else "Scenario".
pub fn default_name(scenario: &Scenario) -> String {
    if !scenario.name.trim().is_empty() {
        return scenario.name.clone();
    }
    catalog::preset(&scenario.preset)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "Scenario".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_list_reads_back_entry_by_entry() {
        let text = r#"[
            {"name":"Quarter-million","query":"v=1&p=document-processing&req=250000","saved_at":"2025-01-31T14:05:09.000Z"},
            {"name":"No date","query":"v=1"},
            {"name":"Future","query":"v=9&req=1","saved_at":"2025-01-31T14:05:09.000Z"}
        ]"#;
        let (good, problems) = parse(text);
        assert_eq!(
            good,
            vec![Saved {
                name: "Quarter-million".into(),
                query: "v=1&p=document-processing&req=250000".into(),
                saved_at: "2025-01-31T14:05:09.000Z".into(),
            }]
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(
            problems[0],
            "Saved entry 2 is not a saved scenario (it needs a name, a link and a date); skipped."
        );
        assert!(
            problems[1].starts_with(
                "Saved scenario \"Future\" has a link this calculator cannot read fully ("
            ),
            "{}",
            problems[1]
        );
        assert_eq!(
            problems[2],
            "Skipped entries are dropped the next time a scenario is saved, renamed or deleted."
        );
    }

    #[test]
    fn damaged_or_foreign_text_is_one_message_and_no_entries() {
        let (good, problems) = parse("{not json");
        assert!(good.is_empty());
        assert_eq!(
            problems,
            vec![
                "The saved scenarios in this browser are damaged (not valid JSON), so none could be shown. Saving a scenario will replace what is stored."
            ]
        );
        let (good, problems) = parse(r#"{"name":"x"}"#);
        assert!(good.is_empty());
        assert_eq!(
            problems,
            vec![
                "The saved scenarios in this browser are not a list, so none could be shown. Saving a scenario will replace what is stored."
            ]
        );
        assert_eq!(parse("[]"), (Vec::new(), Vec::new()));
    }

    #[test]
    fn a_long_name_is_cut_in_the_skip_message() {
        let name = "n".repeat(100);
        let text = format!(r#"[{{"name":"{name}","query":"v=9","saved_at":""}}]"#);
        let (_, problems) = parse(&text);
        let shown = format!("\"{}\"", "n".repeat(60));
        assert!(problems[0].contains(&shown), "{}", problems[0]);
        assert!(!problems[0].contains(&"n".repeat(61)));
    }

    #[test]
    fn names_are_cleaned_and_dates_shown_in_utc() {
        assert_eq!(clean_name("  Plan\u{7}\n B  "), "Plan B");
        assert_eq!(clean_name(&"é".repeat(130)).chars().count(), 120);
        assert_eq!(
            shown_date("2025-01-31T14:05:09.000Z"),
            "2025-01-31 14:05 UTC"
        );
        assert_eq!(shown_date("yesterday"), "yesterday");
        assert_eq!(shown_date("2025-01-31 14:05"), "2025-01-31 14:05");
    }

    #[test]
    fn refusals_name_what_was_lost_and_where_the_scenario_still_is() {
        assert_eq!(
            Refusal::from_error_name("QuotaExceededError"),
            Refusal::Full
        );
        assert_eq!(
            Refusal::from_error_name("NS_ERROR_DOM_QUOTA_REACHED"),
            Refusal::Full
        );
        assert_eq!(Refusal::from_error_name("SecurityError"), Refusal::Blocked);
        assert_eq!(Refusal::from_error_name("TypeError"), Refusal::Other);
        assert_eq!(
            refused_message("Scenario \"A\"", Refusal::Full),
            "Scenario \"A\" was not stored: this browser's storage for this site is full. Scenarios saved before are kept; delete some to make room. The scenario on screen is still in this page's link: copy the address or use Copy link to keep it. This list keeps it only until you leave the page."
        );
        assert_eq!(
            unavailable_message(Refusal::Blocked),
            "Saved scenarios are not available: this browser does not let the page store data (site data is blocked, or a private window allows none). Saving still lists a scenario here until you leave the page. The scenario on screen is still in this page's link: copy the address or use Copy link to keep it."
        );
    }

    #[test]
    fn an_unnamed_scenario_is_saved_under_its_preset() {
        let mut s = crate::link::decode("v=1&p=document-processing").scenario;
        s.name = String::new();
        assert_eq!(default_name(&s), "Document processing");
        s.name = "Mine".into();
        assert_eq!(default_name(&s), "Mine");
        s.name = "  ".into();
        s.preset = "none-such".into();
        assert_eq!(default_name(&s), "Scenario");
    }
}
