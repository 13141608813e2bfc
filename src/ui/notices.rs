//! What a shared link carried that could not be applied.

use leptos::prelude::*;

use crate::embed::AccentFit;
use crate::scenario::FieldError;

/// A dismissible list of what was ignored in the link, and why.
#[component]
pub fn LinkNotices(
    /// Problems found while reading the link.
    notices: Vec<FieldError>,
) -> impl IntoView {
    let open = RwSignal::new(!notices.is_empty());
    move || {
        open.get().then(|| {
            view! {
                <div class="notice" role="status" data-notice="link">
                    <p><strong>"Parts of this link were ignored."</strong>" The rest of the scenario was applied."</p>
                    <ul>{notices.iter().map(|n| view! { <li><code>{n.field.clone()}</code>": "{n.message.clone()}</li> }).collect_view()}</ul>
                    <button type="button" class="ghost" on:click=move |_| open.set(false)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// Says when the link's accent colour reads too faintly on the theme on screen, and which
/// colour the page uses instead. It follows the theme until dismissed.
#[component]
pub fn AccentNotice(
    /// The link's accent fitted to the current theme, if the link has one.
    fit: Memo<Option<AccentFit>>,
) -> impl IntoView {
    let open = RwSignal::new(true);
    move || {
        let message = fit.with(|f| f.as_ref().and_then(AccentFit::message))?;
        open.get().then(|| {
            view! {
                <div class="notice" role="status" data-notice="accent">
                    <p><strong>"The accent colour was adjusted so the page stays readable."</strong></p>
                    <ul><li><code>"accent"</code>": "{message}"."</li></ul>
                    <button type="button" class="ghost" on:click=move |_| open.set(false)>"Dismiss"</button>
                </div>
            }
        })
    }
}
