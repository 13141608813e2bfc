//! The page keys a link may carry: `embed`, `theme`, `accent` and `sections`. They choose
//! how the page looks, never what it links to.

use strum::{EnumString, IntoStaticStr, VariantArray};

use super::accent::parse_accent;
use crate::link::notice::{notice, shown};
use crate::scenario::FieldError;

/// The parts of the page a `sections=` list can choose, in page order. The ids (the
/// lower-case variant names) are used in links and in `data-sections`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, VariantArray, strum::VariantNames,
)]
#[strum(serialize_all = "lowercase")]
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
    /// The name used in links and in `data-sections`.
    pub fn id(self) -> &'static str {
        self.into()
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
}

/// The colour scheme: light, dark, or whatever the visitor's system prefers (`auto`).
/// A link's `theme` key names one; the page's theme switch holds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The name used in links and in `data-theme`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// How the page is shown, read from a link's page keys.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSettings {
    /// Without page chrome, sized to its content for an iframe.
    pub embed: bool,
    pub theme: Option<Theme>,
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
            sections: Section::VARIANTS.to_vec(),
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
                "theme" => match value.parse() {
                    Ok(t) => page.theme = Some(t),
                    Err(_) => notices.push(notice(
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
                                <Section as strum::VariantNames>::VARIANTS.join(", ")
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
        if self.sections != Section::VARIANTS {
            let ids: Vec<_> = self.sections.iter().map(|s| s.id()).collect();
            parts.push(format!("sections={}", ids.join("%2C")));
        }
        parts.join("&")
    }
}

/// The known sections a comma list names, in page order without repeats, and the names
/// it holds that are not sections. Blank entries (`a,,b`, a final comma) are skipped.
pub fn parse_sections(text: &str) -> (Vec<Section>, Vec<String>) {
    let mut unknown = Vec::new();
    let mut named = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match name.to_ascii_lowercase().parse() {
            Ok(s) => named.push(s),
            Err(_) => unknown.push(name.to_string()),
        }
    }
    let sections = Section::VARIANTS
        .iter()
        .copied()
        .filter(|s| named.contains(s))
        .collect();
    (sections, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::LINK_NOTICE_FIELD;

    fn extras(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn sections_keep_page_order_and_report_unknown_names() {
        use Section::*;
        let cases: [(&str, &[Section], &[&str]); 8] = [
            (
                "inputs,decision,results,breakeven,tco,breakdown,analysis",
                Section::VARIANTS,
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
                theme: Some(Theme::Dark),
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
        assert_eq!(page.sections, Section::VARIANTS);
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
}
