//! The accent colour: what a link or `site.json` may ask for (`#rrggbb` only), and the
//! nearest colour to it that keeps WCAG contrast on the light or dark theme.

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

#[cfg(test)]
mod tests {
    use super::*;

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
        let css = include_str!("../../style/app.css");
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
}
