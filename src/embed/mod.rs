//! Page settings for embedding: what a link's `embed`, `theme`, `accent` and `sections`
//! keys mean, the site owner's `site.json`, and the snippets a host site pastes. Plain
//! Rust, so every rule here is tested natively; the page only applies the results.
//!
//! Links choose how the page looks, never what it links to: a call-to-action, a logo or
//! any URL can only come from `site.json`, served by whoever hosts the calculator.
//!
//! - `page`: the link's page keys, read into [`PageSettings`].
//! - `accent`: the accent colour and its contrast fitting.
//! - `site`: the site owner's `site.json`.
//! - `snippet`: the snippets a host site pastes.

mod accent;
mod page;
mod site;
mod snippet;

pub use accent::{
    AccentFit, MIN_ACCENT_CONTRAST, accent_text, contrast, fit_accent, luminance, parse_accent,
    rgb, shown_ratio,
};
pub use page::{PageSettings, Section, Theme, parse_sections};
pub use site::SiteConfig;
pub use snippet::{host_snippet, iframe_snippet};
