//! Page settings for embedding: what a link's `embed`, `theme`, `accent` and `sections`
//! keys mean, the site owner's `site.json`, and the snippets a host site pastes. Plain
//! Rust, so every rule here is tested natively; the page only applies the results.
//!
//! Links choose how the page looks, never what it links to: a call-to-action, a logo or
//! any URL can only come from `site.json`, served by whoever hosts the calculator.

use std::fmt::Write as _;

use serde_json::Value;

use crate::link::LINK_NOTICE_FIELD;
use crate::scenario::FieldError;

/// The parts of the page a `sections=` list can choose, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Inputs,
    Decision,
    Results,
    Breakeven,
    Tco,
    Breakdown,
    Analysis,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Inputs,
        Section::Decision,
        Section::Results,
        Section::Breakeven,
        Section::Tco,
        Section::Breakdown,
        Section::Analysis,
    ];

    /// The name used in links and in `data-sections`.
    pub fn id(self) -> &'static str {
        match self {
            Section::Inputs => "inputs",
            Section::Decision => "decision",
            Section::Results => "results",
            Section::Breakeven => "breakeven",
            Section::Tco => "tco",
            Section::Breakdown => "breakdown",
            Section::Analysis => "analysis",
        }
    }

    /// What the embed dialog calls it.
    pub fn label(self) -> &'static str {
        match self {
            Section::Inputs => "Inputs",
            Section::Decision => "Recommendation",
            Section::Results => "Costs and breakevens",
            Section::Breakeven => "Breakeven chart",
            Section::Tco => "Cumulative cost chart",
            Section::Breakdown => "Monthly breakdown chart",
            Section::Analysis => "Sensitivity and uncertainty",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The colour scheme a link asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<ThemeChoice> {
        [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark]
            .into_iter()
            .find(|t| t.id() == text)
    }
}

/// How the page is shown, read from a link's page keys.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSettings {
    /// Without page chrome, sized to its content for an iframe.
    pub embed: bool,
    pub theme: Option<ThemeChoice>,
    /// `#rrggbb`, lower case.
    pub accent: Option<String>,
    /// The sections shown, in page order; all of them unless the link chose.
    pub sections: Vec<Section>,
}

impl Default for PageSettings {
    fn default() -> Self {
        Self {
            embed: false,
            theme: None,
            accent: None,
            sections: Section::ALL.to_vec(),
        }
    }
}

impl PageSettings {
    /// Reads `Decoded::extras`. Never fails: each value that cannot be used becomes a
    /// notice and leaves its setting at the default.
    pub fn from_extras(extras: &[(String, String)]) -> (PageSettings, Vec<FieldError>) {
        let mut page = PageSettings::default();
        let mut notices = Vec::new();
        for (key, value) in extras {
            match key.as_str() {
                "embed" => match value.as_str() {
                    "1" | "true" | "yes" | "on" => page.embed = true,
                    "0" | "false" | "no" | "off" => page.embed = false,
                    _ => notices.push(notice(
                        key,
                        format!("must be 1 or 0 (got {}); ignored", shown(value)),
                    )),
                },
                "theme" => match ThemeChoice::parse(value) {
                    Some(t) => page.theme = Some(t),
                    None => notices.push(notice(
                        key,
                        format!(
                            "must be light, dark or auto (got {}); ignored",
                            shown(value)
                        ),
                    )),
                },
                "accent" => match parse_accent(value) {
                    Some(a) => page.accent = Some(a),
                    None => notices.push(notice(
                        key,
                        format!(
                            "must be a colour written #rrggbb, six hex digits (got {}); ignored",
                            shown(value)
                        ),
                    )),
                },
                "sections" => {
                    let (sections, unknown) = parse_sections(value);
                    for name in &unknown {
                        notices.push(notice(
                            key,
                            format!(
                                "unknown section {} ignored (known: {})",
                                shown(name),
                                Section::ALL.map(Section::id).join(", ")
                            ),
                        ));
                    }
                    if sections.is_empty() {
                        notices.push(notice(
                            key,
                            "names no known section; every section is shown",
                        ));
                    } else {
                        page.sections = sections;
                    }
                }
                _ => {}
            }
        }
        (page, notices)
    }

    pub fn shows(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// The page keys as query text (`embed=1&theme=dark&…`), empty when all are defaults.
    /// Only what was understood is written, so the address bar never repeats a bad value.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if let Some(t) = self.theme {
            parts.push(format!("theme={}", t.id()));
        }
        if let Some(a) = &self.accent {
            parts.push(format!("accent=%23{}", a.trim_start_matches('#')));
        }
        if self.sections != Section::ALL {
            let ids: Vec<_> = self.sections.iter().map(|s| s.id()).collect();
            parts.push(format!("sections={}", ids.join("%2C")));
        }
        parts.join("&")
    }
}

/// A colour in exactly the form `#rrggbb`, returned in lower case. Anything else (names,
/// `#rgb`, `rgb()`, a missing `#`) is refused so that a link can only ever set a colour.
pub fn parse_accent(text: &str) -> Option<String> {
    let hex = text.strip_prefix('#')?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The text colour that reads on an accent background: white on dark accents, near-black
/// on light ones, whichever has the higher WCAG contrast.
pub fn accent_text(accent: &str) -> &'static str {
    let Some(c) = rgb(accent) else {
        return "#ffffff";
    };
    if contrast(c, WHITE) >= contrast(c, NEAR_BLACK) {
        "#ffffff"
    } else {
        "#0b1220"
    }
}

const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const NEAR_BLACK: [u8; 3] = [0x0b, 0x12, 0x20];

/// The backgrounds the accent is drawn on or against (`--bg`, `--surface`, `--surface-2`
/// in style/app.css), light theme then dark.
const LIGHT_BACKGROUNDS: [[u8; 3]; 3] =
    [[0xf6, 0xf7, 0xf9], [0xff, 0xff, 0xff], [0xf1, 0xf3, 0xf6]];
const DARK_BACKGROUNDS: [[u8; 3]; 3] = [[0x0f, 0x14, 0x1b], [0x17, 0x1d, 0x26], [0x1f, 0x27, 0x32]];

/// The contrast the accent needs: it colours link text (WCAG AA, 4.5:1), which also
/// covers focus rings and button edges (3:1); the text on accent buttons needs 4.5:1 too.
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

/// The red, green and blue of `#rrggbb`.
pub fn rgb(hex: &str) -> Option<[u8; 3]> {
    let hex = parse_accent(hex)?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(1)?, channel(3)?, channel(5)?])
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG 2 relative luminance, 0 for black to 1 for white.
pub fn luminance(color: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color[0]) + 0.7152 * linear(color[1]) + 0.0722 * linear(color[2])
}

/// WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black and white).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A ratio as shown to people: rounded down, so a colour just short of 4.5:1 never reads
/// as 4.50:1.
pub fn shown_ratio(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

/// The accent a page actually uses for a requested `#rrggbb` in one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct AccentFit {
    /// As asked for, lower case.
    pub requested: String,
    /// The requested colour when it reads well enough, or the nearest one darker (light
    /// theme) or lighter (dark theme) that does.
    pub used: String,
    /// The requested colour's lowest contrast: against the theme's backgrounds, and
    /// against the text on accent buttons.
    pub ratio: f64,
    pub dark: bool,
}

impl AccentFit {
    pub fn adjusted(&self) -> bool {
        self.used != self.requested
    }

    /// What was changed and why, for the page's notice; `None` when nothing was.
    pub fn message(&self) -> Option<String> {
        self.adjusted().then(|| {
            format!(
                "{} has too little contrast on the {} theme ({}; links, buttons and focus rings need {}), so {} is used instead",
                self.requested,
                if self.dark { "dark" } else { "light" },
                shown_ratio(self.ratio),
                shown_ratio(MIN_ACCENT_CONTRAST),
                self.used
            )
        })
    }
}

/// The lowest contrast of `color` against the theme's backgrounds and its button text.
fn accent_ratio(color: [u8; 3], dark: bool) -> f64 {
    let backgrounds = if dark {
        DARK_BACKGROUNDS
    } else {
        LIGHT_BACKGROUNDS
    };
    let text = rgb(accent_text(&hex(color))).unwrap_or(WHITE);
    backgrounds
        .iter()
        .map(|bg| contrast(color, *bg))
        .fold(contrast(color, text), f64::min)
}

/// Fits a requested accent to a theme: kept when it has [`MIN_ACCENT_CONTRAST`] against
/// every background and under its button text, otherwise mixed towards black (light theme)
/// or white (dark theme) by the smallest step that passes. `None` for anything but `#rrggbb`.
pub fn fit_accent(accent: &str, dark: bool) -> Option<AccentFit> {
    let requested = rgb(accent)?;
    let target = if dark { WHITE } else { [0, 0, 0] };
    let ratio = accent_ratio(requested, dark);
    // Step 255 is the target itself, which passes on every background.
    let used = (0..=255u16)
        .map(|step| {
            let mix = |i: usize| {
                let (from, to) = (f64::from(requested[i]), f64::from(target[i]));
                (from + (to - from) * f64::from(step) / 255.0).round() as u8
            };
            [mix(0), mix(1), mix(2)]
        })
        .find(|c| accent_ratio(*c, dark) >= MIN_ACCENT_CONTRAST)
        .unwrap_or(target);
    Some(AccentFit {
        requested: hex(requested),
        used: hex(used),
        ratio,
        dark,
    })
}

/// The known sections a comma list names, in page order without repeats, and the names
/// it holds that are not sections. Blank entries (`a,,b`, a final comma) are skipped.
pub fn parse_sections(text: &str) -> (Vec<Section>, Vec<String>) {
    let mut unknown = Vec::new();
    let mut named = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Section::from_id(&name.to_ascii_lowercase()) {
            Some(s) => named.push(s),
            None => unknown.push(name.to_string()),
        }
    }
    let sections = Section::ALL
        .into_iter()
        .filter(|s| named.contains(s))
        .collect();
    (sections, unknown)
}

fn notice(key: &str, problem: impl std::fmt::Display) -> FieldError {
    FieldError {
        field: LINK_NOTICE_FIELD.into(),
        message: format!("link key {}: {problem}", shown(key)),
    }
}

/// Quotes link text for a message, cut short so one bad value cannot flood the notice.
fn shown(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let head: String = text.chars().take(MAX_CHARS).collect();
    let more = if text.chars().nth(MAX_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("\"{}{more}\"", head.escape_debug())
}

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
        let text = |key: &str, warnings: &mut Vec<String>| -> Option<String> {
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
        };
        site.organisation = text("organisation", &mut warnings);
        if let Some(value) = map.get("logo") {
            match value.as_str().filter(|p| is_same_origin_path(p)) {
                Some(p) => site.logo = Some(p.to_string()),
                None => warnings.push(
                    "site.json: \"logo\" must be a path on this site such as \"/logo.svg\" (no scheme, no host); ignored".into(),
                ),
            }
        }
        let cta_text = text("cta_text", &mut warnings);
        let cta_url = match map.get("cta_url") {
            None => None,
            Some(value) => {
                let url = value
                    .as_str()
                    .filter(|u| is_https_url(u))
                    .map(str::to_string);
                if url.is_none() {
                    warnings
                        .push("site.json: \"cta_url\" must be an https:// address; ignored".into());
                }
                url
            }
        };
        match (cta_text, cta_url) {
            (Some(t), Some(u)) => site.cta = Some((t, u)),
            (None, None) => {}
            _ => warnings.push("site.json: a call-to-action needs both \"cta_text\" and \"cta_url\"; none is shown".into()),
        }
        if let Some(value) = map.get("accent") {
            site.accent = value.as_str().and_then(parse_accent);
            if site.accent.is_none() {
                warnings
                    .push("site.json: \"accent\" must be a colour written #rrggbb; ignored".into());
            }
        }
        for key in map.keys() {
            if !["organisation", "logo", "cta_text", "cta_url", "accent"].contains(&key.as_str()) {
                warnings.push(format!(
                    "site.json: unknown key \"{}\"; ignored",
                    key.escape_debug()
                ));
            }
        }
        (site, warnings)
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

/// Escapes text for an HTML attribute value in double quotes.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The plain iframe snippet: a fixed height, no script. `page_url` is the calculator's
/// address without a query; `query` the scenario's and the page keys, without `?`.
pub fn iframe_snippet(page_url: &str, query: &str, height_px: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"LLM cost calculator\" loading=\"lazy\" \
         style=\"width:100%;height:{height_px}px;border:0\"></iframe>",
        attr(&format!("{page_url}?{query}"))
    )
}

/// The div and script snippet: `embed.js` next to the calculator adds a self-sizing iframe.
pub fn host_snippet(script_url: &str, scenario_query: &str, page: &PageSettings) -> String {
    let mut div = format!(
        "<div data-llm-tco=\"{}\"",
        attr(&format!("?{scenario_query}"))
    );
    if let Some(t) = page.theme {
        let _ = write!(div, " data-theme=\"{}\"", t.id());
    }
    if let Some(a) = &page.accent {
        let _ = write!(div, " data-accent=\"{}\"", attr(a));
    }
    if page.sections != Section::ALL {
        let ids: Vec<_> = page.sections.iter().map(|s| s.id()).collect();
        let _ = write!(div, " data-sections=\"{}\"", ids.join(","));
    }
    format!(
        "{div}></div>\n<script src=\"{}\" async></script>",
        attr(script_url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extras(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn accents_are_exactly_six_hex_digits() {
        let cases = [
            ("#1d4ed8", Some("#1d4ed8")),
            ("#ABCDEF", Some("#abcdef")),
            ("#000000", Some("#000000")),
            ("1d4ed8", None),
            ("#abc", None),
            ("#1d4ed80", None),
            ("#1d4ed", None),
            ("#gggggg", None),
            ("red", None),
            ("rgb(0,0,0)", None),
            ("#12345é", None),
            ("", None),
            ("#", None),
            (" #1d4ed8", None),
            ("#1d4ed8;background:url(x)", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_accent(input).as_deref(), want, "accent {input:?}");
        }
    }

    #[test]
    fn accent_text_picks_the_readable_colour() {
        let cases = [
            ("#000000", "#ffffff"),
            ("#1d4ed8", "#ffffff"),
            ("#ffffff", "#0b1220"),
            ("#facc15", "#0b1220"),
            ("bad", "#ffffff"),
        ];
        for (accent, want) in cases {
            assert_eq!(accent_text(accent), want, "text on {accent}");
        }
    }

    #[test]
    fn contrast_ratios_match_wcag() {
        let ratio = |a: &str, b: &str| contrast(rgb(a).unwrap(), rgb(b).unwrap());
        assert_eq!(ratio("#ffffff", "#000000"), 21.0);
        assert_eq!(ratio("#000000", "#ffffff"), 21.0);
        assert_eq!(ratio("#1d4ed8", "#1d4ed8"), 1.0);
        // #777777 on white is the classic near miss: 4.48:1, just short of AA.
        assert!(
            (ratio("#777777", "#ffffff") - 4.4781).abs() < 1e-4,
            "{}",
            ratio("#777777", "#ffffff")
        );
        assert_eq!(shown_ratio(ratio("#777777", "#ffffff")), "4.47:1");
        // #767676 is the lightest grey that passes on white.
        assert!(ratio("#767676", "#ffffff") >= 4.5);
        // Pure red on white: (1.05) / (0.2126 + 0.05).
        assert!((ratio("#ff0000", "#ffffff") - 1.05 / 0.2626).abs() < 1e-12);
        assert!((ratio("#ffff00", "#ffffff") - 1.05 / (0.9278 + 0.05)).abs() < 1e-12);
        assert_eq!(luminance([0, 0, 0]), 0.0);
        assert_eq!(luminance([255, 255, 255]), 1.0);
    }

    #[test]
    fn readable_accents_are_kept() {
        for (accent, dark) in [
            ("#1d4ed8", false),
            ("#60a5fa", true),
            ("#0f766e", false),
            ("#000080", false),
            ("#FFFF00", true),
        ] {
            let fit = fit_accent(accent, dark).unwrap();
            assert_eq!(
                fit.used,
                accent.to_ascii_lowercase(),
                "{accent} dark={dark}"
            );
            assert!(!fit.adjusted() && fit.message().is_none());
            assert!(fit.ratio >= MIN_ACCENT_CONTRAST, "{fit:?}");
        }
        assert_eq!(fit_accent("red", false), None);
    }

    #[test]
    fn low_contrast_accents_are_darkened_or_lightened_until_they_pass() {
        let cases = [
            ("#ffff00", false, "#737300"),
            ("#000080", true, "#8787c3"),
            ("#0f766e", true, "#4c9993"),
            ("#777777", false, "#6f6f6f"),
        ];
        for (accent, dark, want) in cases {
            let fit = fit_accent(accent, dark).unwrap();
            assert_eq!(fit.used, want, "{accent} dark={dark}");
            let used = rgb(&fit.used).unwrap();
            let backgrounds = if dark {
                DARK_BACKGROUNDS
            } else {
                LIGHT_BACKGROUNDS
            };
            for bg in backgrounds {
                assert!(
                    contrast(used, bg) >= 4.5,
                    "{want} on {}: {}",
                    hex(bg),
                    contrast(used, bg)
                );
            }
            assert!(contrast(used, rgb(accent_text(&fit.used)).unwrap()) >= 4.5);
            assert!(fit.ratio < MIN_ACCENT_CONTRAST);
        }
        let fit = fit_accent("#ffff00", false).unwrap();
        assert_eq!(
            fit.message().unwrap(),
            "#ffff00 has too little contrast on the light theme (1.00:1; links, buttons and focus rings need 4.50:1), so #737300 is used instead"
        );
        // Every colour ends up readable in both themes, however bad.
        for accent in [
            "#ffffff", "#000000", "#808080", "#ff00ff", "#f1f3f6", "#1f2732",
        ] {
            for dark in [false, true] {
                let fit = fit_accent(accent, dark).unwrap();
                assert!(
                    accent_ratio(rgb(&fit.used).unwrap(), dark) >= 4.5,
                    "{accent} dark={dark}: {fit:?}"
                );
            }
        }
    }

    #[test]
    fn backgrounds_match_the_stylesheet() {
        let css = include_str!("../style/app.css");
        let block = |start: &str| {
            let from = css
                .find(start)
                .unwrap_or_else(|| panic!("{start} in app.css"));
            let rest = &css[from..];
            rest[..rest.find('}').unwrap()].to_string()
        };
        let value = |block: &str, name: &str| {
            let at = block
                .find(&format!("{name}:"))
                .unwrap_or_else(|| panic!("{name}"))
                + name.len()
                + 1;
            block[at..].split(';').next().unwrap().trim().to_string()
        };
        for (start, backgrounds) in [
            (":root {", LIGHT_BACKGROUNDS),
            (":root[data-theme=\"dark\"] {", DARK_BACKGROUNDS),
        ] {
            let b = block(start);
            let found: Vec<String> = ["--bg", "--surface", "--surface-2"]
                .iter()
                .map(|n| value(&b, n))
                .collect();
            assert_eq!(found, backgrounds.map(hex), "{start}");
        }
    }

    #[test]
    fn sections_keep_page_order_and_report_unknown_names() {
        use Section::*;
        let cases: [(&str, &[Section], &[&str]); 8] = [
            (
                "inputs,decision,results,breakeven,tco,breakdown,analysis",
                &Section::ALL,
                &[],
            ),
            ("tco,decision", &[Decision, Tco], &[]),
            ("decision,decision", &[Decision], &[]),
            (" Results , breakeven ", &[Results, Breakeven], &[]),
            ("decision,charts", &[Decision], &["charts"]),
            ("", &[], &[]),
            (",,", &[], &[]),
            ("nope,<b>", &[], &["nope", "<b>"]),
        ];
        for (input, want, unknown) in cases {
            let (sections, bad) = parse_sections(input);
            assert_eq!(sections, want, "sections {input:?}");
            assert_eq!(bad, unknown, "unknown in {input:?}");
        }
    }

    #[test]
    fn page_keys_apply_or_become_notices() {
        let (page, notices) = PageSettings::from_extras(&extras(&[
            ("embed", "1"),
            ("theme", "dark"),
            ("accent", "#AA0011"),
            ("sections", "decision,results"),
        ]));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            page,
            PageSettings {
                embed: true,
                theme: Some(ThemeChoice::Dark),
                accent: Some("#aa0011".into()),
                sections: vec![Section::Decision, Section::Results],
            }
        );
        assert_eq!(
            page.query(),
            "embed=1&theme=dark&accent=%23aa0011&sections=decision%2Cresults"
        );

        let (page, notices) = PageSettings::from_extras(&extras(&[
            ("embed", "maybe"),
            ("theme", "blue"),
            ("accent", "javascript:alert(1)"),
            ("sections", "inputs,everything"),
        ]));
        assert_eq!(
            page,
            PageSettings {
                sections: vec![Section::Inputs],
                ..PageSettings::default()
            }
        );
        let messages: Vec<_> = notices.iter().map(|n| n.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "link key \"embed\": must be 1 or 0 (got \"maybe\"); ignored",
                "link key \"theme\": must be light, dark or auto (got \"blue\"); ignored",
                "link key \"accent\": must be a colour written #rrggbb, six hex digits (got \"javascript:alert(1)\"); ignored",
                "link key \"sections\": unknown section \"everything\" ignored (known: inputs, decision, results, breakeven, tco, breakdown, analysis)",
            ]
        );
        assert!(notices.iter().all(|n| n.field == LINK_NOTICE_FIELD));
    }

    #[test]
    fn no_known_section_shows_everything() {
        let (page, notices) = PageSettings::from_extras(&extras(&[("sections", "charts")]));
        assert_eq!(page.sections, Section::ALL);
        assert_eq!(notices.len(), 2);
        assert_eq!(page.query(), "");
    }

    #[test]
    fn page_keys_survive_a_round_trip_through_a_link() {
        let (page, _) = PageSettings::from_extras(&extras(&[
            ("embed", "1"),
            ("accent", "#00ff00"),
            ("sections", "tco,inputs"),
        ]));
        let link = format!("v=1&p=document-processing&{}", page.query());
        let decoded = crate::link::decode(&link);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        let (again, notices) = PageSettings::from_extras(&decoded.extras);
        assert!(notices.is_empty());
        assert_eq!(again, page);
    }

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

    #[test]
    fn snippets_escape_and_carry_the_choices() {
        let page = PageSettings {
            embed: true,
            theme: Some(ThemeChoice::Light),
            accent: Some("#112233".into()),
            sections: vec![Section::Decision, Section::Breakeven],
        };
        assert_eq!(
            iframe_snippet(
                "https://calc.example/tco/",
                &format!("v=1&p=x&{}", page.query()),
                900
            ),
            "<iframe src=\"https://calc.example/tco/?v=1&amp;p=x&amp;embed=1&amp;theme=light&amp;accent=%23112233&amp;sections=decision%2Cbreakeven\" \
             title=\"LLM cost calculator\" loading=\"lazy\" style=\"width:100%;height:900px;border:0\"></iframe>"
        );
        assert_eq!(
            host_snippet("https://calc.example/tco/embed.js", "v=1&p=x", &page),
            "<div data-llm-tco=\"?v=1&amp;p=x\" data-theme=\"light\" data-accent=\"#112233\" data-sections=\"decision,breakeven\"></div>\n\
             <script src=\"https://calc.example/tco/embed.js\" async></script>"
        );
        assert_eq!(
            host_snippet(
                "https://c.example/embed.js",
                "v=1&n=%22a%22",
                &PageSettings::default()
            ),
            "<div data-llm-tco=\"?v=1&amp;n=%22a%22\"></div>\n<script src=\"https://c.example/embed.js\" async></script>"
        );
    }
}
