//! Embed mode: the compact title line, the sections a link chose, the accent colour, and
//! the content height posted to the host page.

use leptos::html;
use leptos::prelude::*;
use leptos_use::use_resize_observer;
use wasm_bindgen::JsCast;

use super::address::page_base;
use super::site::SiteBrand;
use super::state::use_state;
use crate::embed::{PageSettings, Section, accent_text};

/// Whether the page shows `section` (every section unless the link chose).
pub fn shows(section: Section) -> bool {
    use_context::<PageSettings>().is_none_or(|p| p.shows(section))
}

/// Sets the accent colour (and the text colour that reads on it) for the whole document,
/// or returns to the stylesheet's when there is none. Only `#rrggbb` ever reaches here.
pub fn apply_accent(accent: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    match accent.and_then(crate::embed::parse_accent) {
        Some(a) => {
            let _ = style.set_property("--accent", &a);
            let _ = style.set_property("--accent-text", accent_text(&a));
        }
        None => {
            let _ = style.remove_property("--accent");
            let _ = style.remove_property("--accent-text");
        }
    }
}

/// True when the page is inside a frame of another page.
fn framed(window: &web_sys::Window) -> bool {
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, window),
        _ => false,
    }
}

/// Posts `{type: "llm-tco:resize", height}` to the parent page whenever the height of
/// `root` changes, so the host script can size the iframe. Nothing is posted unframed.
fn post_height(root: NodeRef<html::Div>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !framed(&window) {
        return;
    }
    let mut last = -1.0_f64;
    use_resize_observer(root, move |entries, _| {
        let Some(entry) = entries.first() else {
            return;
        };
        let height = entry.target().get_bounding_client_rect().height().ceil();
        if !height.is_finite() || height == last {
            return;
        }
        last = height;
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"llm-tco:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height says nothing private, and the host's origin is not known here.
        let _ = parent.post_message(&message, "*");
    });
}

/// The embedded calculator's frame: a compact title line over `children`, measured for
/// the host page.
#[component]
pub fn EmbedRoot(children: Children) -> impl IntoView {
    let state = use_state();
    let root = NodeRef::<html::Div>::new();
    post_height(root);
    // The same scenario on the full page, without the embed settings.
    let full = move || {
        format!(
            "{}?{}",
            page_base(),
            state.scenario.with(crate::link::encode)
        )
    };
    view! {
        <div class="embed-root" node_ref=root>
            <header class="embed-bar">
                <SiteBrand/>
                <h1 class="embed-title">"LLM cost calculator"</h1>
                <a class="embed-open" href=full target="_blank" rel="noopener">
                    "Open full calculator"<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
            </header>
            {children()}
        </div>
    }
}
