//! Scenarios saved in this browser (localStorage), and two to four of them compared.
//!
//! Each entry keeps the scenario's link query, not its JSON: a link is versioned and
//! frozen, so an entry saved today opens the same after the model or catalog changes,
//! and it is read back through the same validated path as any shared link.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::compare::CompareView;
use super::state::use_state;
use crate::catalog;

/// The storage key; a new format gets a new key rather than reinterpreting this one.
pub const STORAGE_KEY: &str = "llm-tco:saved:v1";

/// Names longer than this are cut when saved.
const MAX_NAME_CHARS: usize = 120;

/// One saved scenario as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    /// The scenario's link query (`v=1&p=…`).
    pub query: String,
    /// When it was saved, ISO 8601 in UTC.
    pub saved_at: String,
}

/// A saved scenario on the page, with an id that lives as long as the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: u32,
    pub saved: Saved,
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
    /// The refusal a storage call threw: a `QuotaExceededError` means full, a
    /// `SecurityError` blocked.
    fn of(error: &wasm_bindgen::JsValue) -> Refusal {
        let name = js_sys::Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
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

fn storage() -> Result<web_sys::Storage, Refusal> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => Ok(s),
        Some(Err(e)) => match Refusal::of(&e) {
            Refusal::Full => Err(Refusal::Full),
            _ => Err(Refusal::Blocked),
        },
        _ => Err(Refusal::Blocked),
    }
}

/// Reads the stored list: the entries that read back cleanly, and a message for each
/// problem (whatever cannot be read is skipped).
pub fn load() -> (Vec<Saved>, Vec<String>) {
    let text = match storage().and_then(|s| s.get_item(STORAGE_KEY).map_err(|e| Refusal::of(&e))) {
        Ok(Some(text)) => text,
        Ok(None) => return (Vec::new(), Vec::new()),
        Err(e) => {
            let message = format!(
                "Saved scenarios are not available: {}. Saving still lists a scenario here until you leave the page. {STILL_IN_LINK}",
                e.reason()
            );
            return (Vec::new(), vec![message]);
        }
    };
    parse(&text)
}

/// The list in stored text; see [`load`].
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
        let entry: Saved = match serde_json::from_value(item) {
            Ok(e) => e,
            Err(_) => {
                problems.push(format!("Saved entry {} is not a saved scenario (it needs a name, a link and a date); skipped.", i + 1));
                continue;
            }
        };
        let decoded = crate::link::decode(&entry.query);
        if let Some(first) = decoded.notices.first() {
            let name: String = entry.name.chars().take(60).collect();
            problems.push(format!("Saved scenario \"{name}\" has a link this calculator cannot read fully ({}); skipped.", first.message));
            continue;
        }
        good.push(entry);
    }
    if !problems.is_empty() {
        problems.push(
            "Skipped entries are dropped the next time a scenario is saved, renamed or deleted."
                .to_string(),
        );
    }
    (good, problems)
}

/// Writes the list; the page keeps its copy either way. A refused write leaves what was
/// stored before as it was.
fn store(list: &[Saved]) -> Result<(), Refusal> {
    let text = serde_json::to_string(list).map_err(|_| Refusal::Other)?;
    storage()?
        .set_item(STORAGE_KEY, &text)
        .map_err(|e| Refusal::of(&e))
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// "2025-01-31 14:05 UTC" from an ISO date; other text as it is.
fn shown_date(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) if iso.as_bytes().get(10) == Some(&b'T') => {
            format!("{day} {time} UTC")
        }
        _ => iso.to_string(),
    }
}

fn clean_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The collapsible panel below the charts.
#[component]
pub fn SavedPanel() -> impl IntoView {
    let state = use_state();
    let (initial, initial_problems) = load();
    let open_at_start = !initial.is_empty() || !initial_problems.is_empty();
    let next_id = StoredValue::new(initial.len() as u32);
    let rows = RwSignal::new(
        initial
            .into_iter()
            .enumerate()
            .map(|(i, saved)| Row {
                id: i as u32,
                saved,
            })
            .collect::<Vec<_>>(),
    );
    let problems = RwSignal::new(initial_problems);
    let selected = RwSignal::new(Vec::<u32>::new());
    let comparing = RwSignal::new(false);
    let renaming = RwSignal::new(None::<u32>);
    let name_input = RwSignal::new(String::new());

    // Every change is written through; a refusal is reported, naming what was not stored,
    // and the page carries on.
    let commit = move |what: String, change: &dyn Fn(&mut Vec<Row>)| {
        rows.update(|r| change(r));
        let list: Vec<Saved> =
            rows.with_untracked(|r| r.iter().map(|row| row.saved.clone()).collect());
        if let Err(e) = store(&list) {
            problems.update(|p| p.push(refused_message(&what, e)));
        }
    };

    let default_name = move || {
        state.scenario.with(|s| {
            if !s.name.trim().is_empty() {
                s.name.clone()
            } else {
                catalog::preset(&s.preset)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| "Scenario".into())
            }
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = clean_name(&name_input.get_untracked());
        let name = if typed.is_empty() {
            clean_name(&untrack(default_name))
        } else {
            typed
        };
        let query = state.scenario.with_untracked(crate::link::encode);
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        commit(format!("Scenario \"{name}\""), &|r: &mut Vec<Row>| {
            r.push(Row {
                id,
                saved: Saved {
                    name: name.clone(),
                    query: query.clone(),
                    saved_at: now_iso(),
                },
            })
        });
        name_input.set(String::new());
    };

    let toggle = move |id: u32, on: bool| {
        selected.update(|s| {
            s.retain(|x| *x != id);
            if on {
                s.push(id);
            }
        })
    };
    let compared = Memo::new(move |_| {
        let ids = selected.get();
        rows.with(|r| {
            ids.iter()
                .filter_map(|id| r.iter().find(|row| row.id == *id))
                .map(|row| row.saved.clone())
                .collect::<Vec<_>>()
        })
    });
    let can_compare = move || (2..=4).contains(&compared.with(Vec::len));

    let list = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let Row { id, saved } = row;
                let query = saved.query.clone();
                let open = move |_| state.replace(crate::link::decode(&query).scenario);
                let delete = move |_| {
                    selected.update(|s| s.retain(|x| *x != id));
                    let what = rows.with_untracked(|r| {
                        let name = r.iter().find(|row| row.id == id).map(|row| row.saved.name.clone()).unwrap_or_default();
                        format!("The deletion of \"{name}\"")
                    });
                    commit(what, &|r: &mut Vec<Row>| r.retain(|row| row.id != id));
                };
                let picked = move || selected.with(|s| s.contains(&id));
                let full = move || selected.with(|s| s.len() >= 4 && !s.contains(&id));
                let name = saved.name.clone();
                let draft = RwSignal::new(saved.name.clone());
                let finish = move || {
                    let new_name = clean_name(&draft.get_untracked());
                    if !new_name.is_empty() {
                        commit(format!("The new name \"{new_name}\""), &|r: &mut Vec<Row>| {
                            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                                row.saved.name = new_name.clone();
                            }
                        });
                    }
                    renaming.set(None);
                };
                let title = move || {
                    if renaming.get() == Some(id) {
                        view! {
                            <form class="rename" on:submit=move |ev| { ev.prevent_default(); finish(); }>
                                <label class="visually-hidden" for=format!("rename-{id}")>"New name"</label>
                                <input id=format!("rename-{id}") type="text" maxlength="120" prop:value=move || draft.get()
                                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                                <button type="submit" class="small">"Done"</button>
                            </form>
                        }
                        .into_any()
                    } else {
                        view! { <span class="saved-name">{name.clone()}</span> }.into_any()
                    }
                };
                let summary = crate::link::decode(&saved.query).scenario;
                let summary = format!(
                    "{} requests/month · {} vs {}",
                    crate::format::volume(summary.workload.monthly_requests),
                    summary.api.model,
                    summary.self_host.model
                );
                view! {
                    <li class="saved-row" data-saved=saved.name.clone()>
                        <input type="checkbox" id=format!("pick-{id}") prop:checked=picked disabled=full
                            aria-label=format!("Compare {}", saved.name)
                            on:change=move |ev| toggle(id, event_target_checked(&ev))/>
                        <div class="saved-text">
                            {title}
                            <span class="saved-meta">{summary}" · saved "{shown_date(&saved.saved_at)}</span>
                        </div>
                        <div class="saved-actions">
                            <button type="button" class="small" on:click=open>"Open"</button>
                            <button type="button" class="ghost small" on:click=move |_| renaming.set(Some(id))>"Rename"</button>
                            <button type="button" class="ghost small danger" on:click=delete>"Delete"</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <details class="saved" open=open_at_start data-panel="saved">
            <summary>
                <h2>"Saved scenarios"</h2>
                <span class="saved-count">{move || rows.with(Vec::len)}</span>
            </summary>
            <div class="saved-body">
                {move || (!problems.with(Vec::is_empty)).then(|| view! {
                    <div class="notice" role="alert" data-notice="saved">
                        <ul>{problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        <button type="button" class="ghost" on:click=move |_| problems.set(Vec::new())>"Dismiss"</button>
                    </div>
                })}
                <form class="save-form" on:submit=save>
                    <label for="save-name">"Name"</label>
                    <input id="save-name" type="text" maxlength="120" placeholder=default_name
                        prop:value=move || name_input.get() on:input=move |ev| name_input.set(event_target_value(&ev))/>
                    <button type="submit">"Save current scenario"</button>
                </form>
                <p class="saved-hint">"Saved in this browser only, as a link: each one opens exactly as it was saved. Tick two to four to compare them."</p>
                <ul class="saved-list">{list}</ul>
                <div class="compare-bar">
                    <button type="button" data-compare="open" disabled=move || !can_compare()
                        on:click=move |_| comparing.set(true)>
                        {move || format!("Compare selected ({})", compared.with(Vec::len))}
                    </button>
                    {move || (comparing.get() && can_compare()).then(|| view! {
                        <button type="button" class="ghost" on:click=move |_| comparing.set(false)>"Hide comparison"</button>
                    })}
                </div>
                {move || (comparing.get() && can_compare()).then(|| view! { <CompareView entries=compared/> })}
            </div>
        </details>
    }
}
