//! The saved list in this browser's `localStorage`; its format and checks are
//! `crate::saved`.

use crate::saved::{Refusal, STORAGE_KEY, Saved, parse, unavailable_message};

/// The refusal a storage call threw, by the error's `name`.
fn refusal_of(error: &wasm_bindgen::JsValue) -> Refusal {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    Refusal::from_error_name(&name)
}

fn storage() -> Result<web_sys::Storage, Refusal> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => Ok(s),
        Some(Err(e)) => match refusal_of(&e) {
            Refusal::Full => Err(Refusal::Full),
            _ => Err(Refusal::Blocked),
        },
        _ => Err(Refusal::Blocked),
    }
}

/// Reads the stored list: the entries that read back cleanly, and a message for each
/// problem (whatever cannot be read is skipped).
pub fn load() -> (Vec<Saved>, Vec<String>) {
    match storage().and_then(|s| s.get_item(STORAGE_KEY).map_err(|e| refusal_of(&e))) {
        Ok(Some(text)) => parse(&text),
        Ok(None) => (Vec::new(), Vec::new()),
        Err(e) => (Vec::new(), vec![unavailable_message(e)]),
    }
}

/// Writes the list; the page keeps its copy either way. A refused write leaves what was
/// stored before as it was.
pub fn store(list: &[Saved]) -> Result<(), Refusal> {
    let text = serde_json::to_string(list).map_err(|_| Refusal::Other)?;
    storage()?
        .set_item(STORAGE_KEY, &text)
        .map_err(|e| refusal_of(&e))
}

/// Now, as an ISO 8601 date in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
