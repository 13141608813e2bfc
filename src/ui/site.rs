//! The site owner's branding, read once from `site.json` next to the page: organisation,
//! logo and a call-to-action. Only that file can add a link; its text is shown as text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::embed::SiteConfig;

/// The branding, `None` until `site.json` has loaded and for good when there is none.
#[derive(Clone, Copy)]
pub struct Site(pub RwSignal<Option<SiteConfig>>);

/// Fetches `site.json` once and provides what it holds to every component.
pub fn load_site() -> Site {
    let site = Site(RwSignal::new(None));
    provide_context(site);
    leptos::task::spawn_local(async move {
        let Some(text) = fetch_json_text("site.json").await else {
            return;
        };
        let (config, warnings) = SiteConfig::parse(&text);
        for warning in warnings {
            gloo::console::warn!(warning);
        }
        site.0.set(Some(config));
    });
    site
}

/// The body of a same-origin JSON file; `None` when it is missing (the usual case), or is
/// not JSON at all, such as a host's HTML page for unknown paths.
async fn fetch_json_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !response.ok() || content_type.contains("text/html") {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

fn use_site() -> Option<SiteConfig> {
    use_context::<Site>().and_then(|s| s.0.get())
}

/// The organisation's logo and name, when `site.json` gives them.
#[component]
pub fn SiteBrand() -> impl IntoView {
    move || {
        let site = use_site()?;
        if site.organisation.is_none() && site.logo.is_none() {
            return None;
        }
        // The logo is decorative next to the name, and stands for it alone.
        let alt = if site.organisation.is_some() {
            String::new()
        } else {
            "Logo".to_string()
        };
        Some(view! {
            <span class="site-brand">
                {site.logo.map(|src| view! { <img class="site-logo" src=src alt=alt/> })}
                {site.organisation.map(|name| view! { <span class="site-name">{name}</span> })}
            </span>
        })
    }
}

/// The site owner's call-to-action button, when `site.json` gives one.
#[component]
pub fn SiteCta() -> impl IntoView {
    move || {
        let (text, url) = use_site()?.cta?;
        Some(view! {
            <p class="site-cta"><a class="cta" href=url target="_blank" rel="noopener">{text}</a></p>
        })
    }
}

/// Branding and call-to-action in the full page's footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <div class="site-footer">
            <SiteBrand/>
            <SiteCta/>
        </div>
    }
}
