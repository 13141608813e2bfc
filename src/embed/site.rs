//! The site owner's `site.json`: organisation, logo, call-to-action and accent. Only this
//! file, served by whoever hosts the calculator, may add a link or an image to the page.

use serde_json::{Map, Value};

use super::accent::parse_accent;

/// The site owner's branding from `site.json`. Every field is optional; a field that is
/// not allowed is dropped with a warning and the rest still apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteConfig {
    pub organisation: Option<String>,
    /// A same-origin path: `/logo.svg` or `img/logo.png`, never a URL with a scheme or host.
    pub logo: Option<String>,
    /// The call-to-action: button text and an `https://` address.
    pub cta: Option<(String, String)>,
    /// `#rrggbb`; a link's `accent` wins over it.
    pub accent: Option<String>,
}

const MAX_TEXT_CHARS: usize = 80;
const MAX_URL_CHARS: usize = 2000;

/// The keys `site.json` may hold.
const KEYS: [&str; 5] = ["organisation", "logo", "cta_text", "cta_url", "accent"];

impl SiteConfig {
    /// Reads `site.json`. Never fails: the warnings say what was ignored and why.
    pub fn parse(json: &str) -> (SiteConfig, Vec<String>) {
        let mut site = SiteConfig::default();
        let mut warnings = Vec::new();
        let map = match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return (
                    site,
                    vec!["site.json must hold one JSON object; ignored".into()],
                );
            }
            Err(e) => {
                return (
                    site,
                    vec![format!("site.json is not valid JSON ({e}); ignored")],
                );
            }
        };
        site.organisation = text(&map, "organisation", &mut warnings);
        if let Some(value) = map.get("logo") {
            match value.as_str().filter(|p| is_same_origin_path(p)) {
                Some(p) => site.logo = Some(p.to_string()),
                None => warnings.push(
                    "site.json: \"logo\" must be a path on this site such as \"/logo.svg\" (no scheme, no host); ignored".into(),
                ),
            }
        }
        site.cta = cta(&map, &mut warnings);
        if let Some(value) = map.get("accent") {
            site.accent = value.as_str().and_then(parse_accent);
            if site.accent.is_none() {
                warnings
                    .push("site.json: \"accent\" must be a colour written #rrggbb; ignored".into());
            }
        }
        for key in map.keys() {
            if !KEYS.contains(&key.as_str()) {
                warnings.push(format!(
                    "site.json: unknown key \"{}\"; ignored",
                    key.escape_debug()
                ));
            }
        }
        (site, warnings)
    }
}

/// A short text field: 1 to [`MAX_TEXT_CHARS`] characters, no control characters.
fn text(map: &Map<String, Value>, key: &str, warnings: &mut Vec<String>) -> Option<String> {
    let value = map.get(key)?;
    match value.as_str().map(str::trim) {
        Some(t)
            if !t.is_empty()
                && t.chars().count() <= MAX_TEXT_CHARS
                && !t.chars().any(char::is_control) =>
        {
            Some(t.to_string())
        }
        _ => {
            warnings.push(format!(
                "site.json: \"{key}\" must be text of 1 to {MAX_TEXT_CHARS} characters without control characters; ignored"
            ));
            None
        }
    }
}

/// The call-to-action: shown only when both its text and its `https://` address are good.
fn cta(map: &Map<String, Value>, warnings: &mut Vec<String>) -> Option<(String, String)> {
    let cta_text = text(map, "cta_text", warnings);
    let cta_url = match map.get("cta_url") {
        None => None,
        Some(value) => {
            let url = value
                .as_str()
                .filter(|u| is_https_url(u))
                .map(str::to_string);
            if url.is_none() {
                warnings.push("site.json: \"cta_url\" must be an https:// address; ignored".into());
            }
            url
        }
    };
    match (cta_text, cta_url) {
        (Some(t), Some(u)) => Some((t, u)),
        (None, None) => None,
        _ => {
            warnings.push("site.json: a call-to-action needs both \"cta_text\" and \"cta_url\"; none is shown".into());
            None
        }
    }
}

/// A path the browser resolves on the calculator's own origin: no scheme (`javascript:`,
/// `data:`, `https:`), no `//host`, no backslashes (which browsers read as slashes).
fn is_same_origin_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= MAX_URL_CHARS
        && !path.starts_with("//")
        && !path.contains([':', '\\'])
        && !path.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// `https://host…` with a host and nothing a browser would read differently.
fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    url.len() <= MAX_URL_CHARS
        && !host.is_empty()
        && !url.contains('\\')
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_json_fields_are_checked_one_by_one() {
        let (site, warnings) = SiteConfig::parse(
            r##"{"organisation":"Acme Advisory","logo":"/logo.svg","cta_text":"Book a call","cta_url":"https://acme.example/contact","accent":"#0F766E"}"##,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            site,
            SiteConfig {
                organisation: Some("Acme Advisory".into()),
                logo: Some("/logo.svg".into()),
                cta: Some(("Book a call".into(), "https://acme.example/contact".into())),
                accent: Some("#0f766e".into()),
            }
        );

        let cases: [(&str, usize); 12] = [
            (r#"{"logo":"https://evil.example/x.svg"}"#, 1),
            (r#"{"logo":"//evil.example/x.svg"}"#, 1),
            (r#"{"logo":"javascript:alert(1)"}"#, 1),
            (r#"{"logo":"/\\evil.example"}"#, 1),
            (r#"{"cta_text":"Go","cta_url":"http://acme.example"}"#, 2),
            (r#"{"cta_text":"Go","cta_url":"javascript:alert(1)"}"#, 2),
            (r#"{"cta_text":"Go","cta_url":"https://"}"#, 2),
            (r#"{"cta_text":"Go"}"#, 1),
            (r#"{"organisation":42}"#, 1),
            (r#"{"accent":"teal","extra":1}"#, 2),
            ("[1,2]", 1),
            ("<html>not json", 1),
        ];
        for (json, count) in cases {
            let (site, warnings) = SiteConfig::parse(json);
            assert_eq!(warnings.len(), count, "{json}: {warnings:?}");
            assert!(
                site.logo.is_none() && site.cta.is_none() && site.accent.is_none(),
                "{json}: {site:?}"
            );
        }
        let (site, _) = SiteConfig::parse(
            r#"{"organisation":"Acme","logo":"img/logo.png","cta_url":"ftp://x"}"#,
        );
        assert_eq!(site.organisation.as_deref(), Some("Acme"));
        assert_eq!(site.logo.as_deref(), Some("img/logo.png"));
    }
}
