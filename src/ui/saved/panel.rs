//! The collapsible "Saved scenarios" panel below the charts: save, open, rename, delete,
//! and pick two to four to compare.

use leptos::prelude::*;

use super::comparison::CompareView;
use super::storage::{load, now_iso, store};
use crate::saved::{MAX_NAME_CHARS, Saved, clean_name, default_name, refused_message, shown_date};
use crate::ui::state::use_state;

/// A saved scenario on the page, with an id that lives as long as the page.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: u32,
    saved: Saved,
}

/// The panel's state, shared by its parts.
#[derive(Clone, Copy)]
struct Panel {
    rows: RwSignal<Vec<Row>>,
    problems: RwSignal<Vec<String>>,
    /// The rows picked for comparison, in the order they were picked.
    selected: RwSignal<Vec<u32>>,
    /// The row whose name is being edited.
    renaming: RwSignal<Option<u32>>,
    next_id: StoredValue<u32>,
}

impl Panel {
    /// The panel with what this browser has stored.
    fn from_storage() -> Self {
        let (initial, problems) = load();
        let next_id = StoredValue::new(initial.len() as u32);
        let rows = (0..)
            .zip(initial)
            .map(|(id, saved)| Row { id, saved })
            .collect();
        Panel {
            rows: RwSignal::new(rows),
            problems: RwSignal::new(problems),
            selected: RwSignal::new(Vec::new()),
            renaming: RwSignal::new(None),
            next_id,
        }
    }

    /// Changes the list and writes it through; a refusal is reported, naming `what` was
    /// not stored, and the page carries on with its copy.
    fn commit(self, what: String, change: impl FnOnce(&mut Vec<Row>)) {
        self.rows.update(change);
        let list: Vec<Saved> = self
            .rows
            .with_untracked(|r| r.iter().map(|row| row.saved.clone()).collect());
        if let Err(e) = store(&list) {
            self.problems.update(|p| p.push(refused_message(&what, e)));
        }
    }

    fn add(self, saved: Saved) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let what = format!("Scenario \"{}\"", saved.name);
        self.commit(what, |r| r.push(Row { id, saved }));
    }

    fn rename(self, id: u32, name: String) {
        let what = format!("The new name \"{name}\"");
        self.commit(what, |r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                row.saved.name = name;
            }
        });
    }

    fn delete(self, id: u32) {
        self.selected.update(|s| s.retain(|x| *x != id));
        let name = self.rows.with_untracked(|r| {
            r.iter()
                .find(|row| row.id == id)
                .map(|row| row.saved.name.clone())
                .unwrap_or_default()
        });
        let what = format!("The deletion of \"{name}\"");
        self.commit(what, |r| r.retain(|row| row.id != id));
    }

    fn pick(self, id: u32, on: bool) {
        self.selected.update(|s| {
            s.retain(|x| *x != id);
            if on {
                s.push(id);
            }
        })
    }
}

/// The collapsible panel below the charts.
#[component]
pub fn SavedPanel() -> impl IntoView {
    let panel = Panel::from_storage();
    let open_at_start = panel.rows.with_untracked(|r| !r.is_empty())
        || panel.problems.with_untracked(|p| !p.is_empty());
    let comparing = RwSignal::new(false);
    let compared = Memo::new(move |_| {
        let ids = panel.selected.get();
        panel.rows.with(|r| {
            ids.iter()
                .filter_map(|id| r.iter().find(|row| row.id == *id))
                .map(|row| row.saved.clone())
                .collect::<Vec<_>>()
        })
    });
    let can_compare = move || (2..=4).contains(&compared.with(Vec::len));
    let problems = panel.problems;
    let list = move || {
        panel
            .rows
            .get()
            .into_iter()
            .map(|row| view! { <SavedRow panel=panel row=row/> })
            .collect_view()
    };
    view! {
        <details class="saved" open=open_at_start data-panel="saved">
            <summary>
                <h2>"Saved scenarios"</h2>
                <span class="saved-count">{move || panel.rows.with(Vec::len)}</span>
            </summary>
            <div class="saved-body">
                {move || (!problems.with(Vec::is_empty)).then(|| view! {
                    <div class="notice" role="alert" data-notice="saved">
                        <ul>{problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        <button type="button" class="ghost" on:click=move |_| problems.set(Vec::new())>"Dismiss"</button>
                    </div>
                })}
                <SaveForm panel=panel/>
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

/// The name field and the button that saves the scenario on screen.
#[component]
fn SaveForm(
    /// The panel the scenario is added to.
    panel: Panel,
) -> impl IntoView {
    let state = use_state();
    let name_input = RwSignal::new(String::new());
    let placeholder = move || state.scenario.with(default_name);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = clean_name(&name_input.get_untracked());
        let name = if typed.is_empty() {
            clean_name(&state.scenario.with_untracked(default_name))
        } else {
            typed
        };
        panel.add(Saved {
            name,
            query: state.scenario.with_untracked(crate::link::encode),
            saved_at: now_iso(),
        });
        name_input.set(String::new());
    };
    view! {
        <form class="save-form" on:submit=save>
            <label for="save-name">"Name"</label>
            <input id="save-name" type="text" maxlength=MAX_NAME_CHARS.to_string() placeholder=placeholder
                prop:value=move || name_input.get() on:input=move |ev| name_input.set(event_target_value(&ev))/>
            <button type="submit">"Save current scenario"</button>
        </form>
    }
}

/// One saved scenario: its name (or the field renaming it), a summary, and its actions.
#[component]
fn SavedRow(
    /// The panel the row belongs to.
    panel: Panel,
    /// The saved scenario shown.
    row: Row,
) -> impl IntoView {
    let state = use_state();
    let Row { id, saved } = row;
    let query = saved.query.clone();
    let open = move |_| state.replace(crate::link::decode(&query).scenario);
    let picked = move || panel.selected.with(|s| s.contains(&id));
    let full = move || panel.selected.with(|s| s.len() >= 4 && !s.contains(&id));
    let summary = crate::link::decode(&saved.query).scenario;
    let summary = format!(
        "{} requests/month · {} vs {}",
        crate::format::volume(summary.workload.monthly_requests),
        summary.api.model,
        summary.self_host.model
    );
    let name = saved.name.clone();
    view! {
        <li class="saved-row" data-saved=saved.name.clone()>
            <input type="checkbox" id=format!("pick-{id}") prop:checked=picked disabled=full
                aria-label=format!("Compare {}", saved.name)
                on:change=move |ev| panel.pick(id, event_target_checked(&ev))/>
            <div class="saved-text">
                <RowName panel=panel id=id name=name/>
                <span class="saved-meta">{summary}" · saved "{shown_date(&saved.saved_at)}</span>
            </div>
            <div class="saved-actions">
                <button type="button" class="small" on:click=open>"Open"</button>
                <button type="button" class="ghost small" on:click=move |_| panel.renaming.set(Some(id))>"Rename"</button>
                <button type="button" class="ghost small danger" on:click=move |_| panel.delete(id)>"Delete"</button>
            </div>
        </li>
    }
}

/// A row's name, or the field that renames it while it is being renamed.
#[component]
fn RowName(
    /// The panel the row belongs to.
    panel: Panel,
    /// The row's id.
    id: u32,
    /// The name as saved.
    name: String,
) -> impl IntoView {
    let draft = RwSignal::new(name.clone());
    let finish = move || {
        let new_name = clean_name(&draft.get_untracked());
        if !new_name.is_empty() {
            panel.rename(id, new_name);
        }
        panel.renaming.set(None);
    };
    move || {
        if panel.renaming.get() == Some(id) {
            view! {
                <form class="rename" on:submit=move |ev| { ev.prevent_default(); finish(); }>
                    <label class="visually-hidden" for=format!("rename-{id}")>"New name"</label>
                    <input id=format!("rename-{id}") type="text" maxlength=MAX_NAME_CHARS.to_string() prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit" class="small">"Done"</button>
                </form>
            }
            .into_any()
        } else {
            view! { <span class="saved-name">{name.clone()}</span> }.into_any()
        }
    }
}
