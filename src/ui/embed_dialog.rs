//! The "Embed" button and its dialog: choose the look and the sections, then copy a
//! snippet for the scenario on screen.

use leptos::html;
use leptos::prelude::*;
use strum::VariantArray;

use super::address::page_base;
use super::clipboard::copy_text;
use super::staged::Later;
use super::state::use_state;
use crate::embed::{
    PageSettings, Section, Theme, fit_accent, host_snippet, iframe_snippet, parse_accent,
};

/// The plain iframe's height; the self-sizing snippet needs none.
const IFRAME_HEIGHT_PX: u32 = 1400;

/// Where `embed.js` is: next to the page.
fn script_url() -> String {
    let page = page_base();
    let dir = page.rfind('/').map_or(page.as_str(), |i| &page[..=i]);
    format!("{dir}embed.js")
}

/// What the last press of a snippet's Copy button did, and to which text.
type CopyStatus = RwSignal<Option<(String, &'static str)>>;

/// Copies the text of `area`: the clipboard API where allowed, else the text is left
/// selected for the visitor to copy.
fn copy(area: NodeRef<html::Textarea>, status: CopyStatus) {
    let Some(area) = area.get_untracked() else {
        return;
    };
    area.focus().ok();
    area.select();
    let text = area.value();
    leptos::task::spawn_local(async move {
        let done = if copy_text(&text).await {
            "Copied"
        } else {
            "Selected: press Ctrl+C or ⌘C to copy"
        };
        status.set(Some((text, done)));
    });
}

/// One snippet with its copy button.
#[component]
fn Snippet(
    /// The snippet's label.
    title: &'static str,
    /// The text area's id.
    id: &'static str,
    /// A line on how the snippet behaves.
    note: &'static str,
    /// The snippet; it follows the dialog's choices.
    text: Signal<String>,
) -> impl IntoView {
    let area = NodeRef::<html::Textarea>::new();
    let status: CopyStatus = RwSignal::new(None);
    // The status speaks of the text that was copied: a snippet changed since says nothing.
    let shown = move || {
        status.with(|s| match s {
            Some((copied, done)) if text.with(|t| t == copied) => *done,
            _ => "",
        })
    };
    view! {
        <div class="snippet">
            <div class="snippet-head">
                <label for=id>{title}</label>
                <button type="button" on:click=move |_| copy(area, status)>"Copy"</button>
                <span class="copy-status" role="status">{shown}</span>
            </div>
            <p class="snippet-note">{note}</p>
            <textarea id=id node_ref=area readonly rows="4" spellcheck="false" prop:value=move || text.get()></textarea>
        </div>
    }
}

/// What the visitor chose in the dialog.
#[derive(Clone, Copy)]
struct Choices {
    theme: RwSignal<Theme>,
    use_accent: RwSignal<bool>,
    accent: RwSignal<String>,
    sections: RwSignal<Vec<Section>>,
}

impl Choices {
    fn new() -> Self {
        Choices {
            theme: RwSignal::new(Theme::Auto),
            use_accent: RwSignal::new(false),
            accent: RwSignal::new("#1d4ed8".to_string()),
            sections: RwSignal::new(Section::VARIANTS.to_vec()),
        }
    }

    /// The embed's page settings; no section chosen means every section.
    fn page(self) -> PageSettings {
        let Choices {
            theme,
            use_accent,
            accent,
            sections,
        } = self;
        let chosen = sections.get();
        PageSettings {
            embed: true,
            theme: (theme.get() != Theme::Auto).then(|| theme.get()),
            accent: use_accent
                .get()
                .then(|| parse_accent(&accent.get()))
                .flatten(),
            sections: if chosen.is_empty() {
                Section::VARIANTS.to_vec()
            } else {
                chosen
            },
        }
    }
}

/// The header's "Embed" button and the dialog it opens.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let state = use_state();
    let dialog = NodeRef::<html::Dialog>::new();
    let choices = Choices::new();
    let page = Signal::derive(move || choices.page());
    // The snippets follow the scenario only while the dialog is open: a closed dialog
    // costs an input nothing.
    let is_open = RwSignal::new(false);
    let scenario_query = move || {
        if is_open.get() {
            state.scenario.with(crate::link::encode)
        } else {
            String::new()
        }
    };
    let host = Signal::derive(move || host_snippet(&script_url(), &scenario_query(), &page.get()));
    let iframe = Signal::derive(move || {
        iframe_snippet(
            &page_base(),
            &format!("{}&{}", scenario_query(), page.get().query()),
            IFRAME_HEIGHT_PX,
        )
    });

    let open = move |_| {
        if let Some(d) = dialog.get_untracked() {
            is_open.set(true);
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <button type="button" class="ghost" on:click=open aria-haspopup="dialog">"Embed"</button>
        // Closed by its button or by Escape: either way the `close` event fires.
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title" on:close=move |_| is_open.set(false)>
            <div class="embed-dialog-head">
                <h2 id="embed-dialog-title">"Embed this calculator"</h2>
                <button type="button" class="ghost" on:click=close>"Close"</button>
            </div>
            // The dialog's body is built after the first screen (it opens on a click).
            <Later>
            <p class="snippet-note">"Put the calculator on your own site, starting from the scenario on screen. Visitors can change every input there."</p>
            <div class="embed-options">
                <LookOptions choices=choices/>
                <SectionOptions choices=choices/>
            </div>
            <Snippet title="Self-sizing (recommended)" id="embed-snippet-host"
                note="A div and a small script; the frame grows and shrinks with its content."
                text=host/>
            <Snippet title="Plain iframe" id="embed-snippet-iframe"
                note="No script; a fixed height, so change it to fit your page."
                text=iframe/>
            </Later>
        </dialog>
    }
}

/// The embed's theme and accent colour.
#[component]
fn LookOptions(
    /// The dialog's choices.
    choices: Choices,
) -> impl IntoView {
    let Choices {
        theme,
        use_accent,
        accent,
        ..
    } = choices;
    view! {
                <fieldset>
                    <legend>"Look"</legend>
                    <label class="option">"Theme "
                        <select on:change=move |ev| theme.set(event_target_value(&ev).parse().unwrap_or(Theme::Auto))>
                            <option value="auto">"Follow the visitor's system"</option>
                            <option value="light">"Light"</option>
                            <option value="dark">"Dark"</option>
                        </select>
                    </label>
                    <label class="option">
                        <input type="checkbox" prop:checked=move || use_accent.get() on:change=move |ev| use_accent.set(event_target_checked(&ev))/>
                        " Accent colour "
                    </label>
                    <input type="color" aria-label="Accent colour value" prop:value=move || accent.get()
                        on:input=move |ev| { accent.set(event_target_value(&ev)); use_accent.set(true); }/>
                    // The page will adjust an accent that reads too faintly: say so here,
                    // for each theme the embed may show.
                    {move || {
                        let chosen = use_accent.get().then(|| parse_accent(&accent.get())).flatten()?;
                        let themes: &[bool] = match theme.get() {
                            Theme::Light => &[false],
                            Theme::Dark => &[true],
                            Theme::Auto => &[false, true],
                        };
                        let notes: Vec<String> = themes.iter().filter_map(|&dark| fit_accent(&chosen, dark)?.message()).collect();
                        (!notes.is_empty()).then(|| view! {
                            <p class="snippet-note" data-accent-note="">{format!("Visitors will see another colour: {}.", notes.join("; "))}</p>
                        })
                    }}
                </fieldset>
    }
}

/// The sections the embed shows.
#[component]
fn SectionOptions(
    /// The dialog's choices.
    choices: Choices,
) -> impl IntoView {
    let sections = choices.sections;
    let toggle = move |s: Section, on: bool| {
        sections.update(|list| {
            list.retain(|x| *x != s);
            if on {
                list.push(s);
            }
            list.sort_by_key(|x| Section::VARIANTS.iter().position(|y| y == x));
        })
    };
    view! {
                <fieldset>
                    <legend>"Sections"</legend>
                    {Section::VARIANTS.iter().copied().map(|s| view! {
                        <label class="option">
                            <input type="checkbox" prop:checked=move || sections.with(|l| l.contains(&s))
                                on:change=move |ev| toggle(s, event_target_checked(&ev))/>
                            " " {s.label()}
                        </label>
                    }).collect_view()}
                    {move || sections.with(Vec::is_empty).then(|| view! { <p class="snippet-note">"None chosen: every section is shown."</p> })}
                </fieldset>
    }
}
