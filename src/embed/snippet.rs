//! The snippets a host site pastes: a plain iframe, or a div and `embed.js`.

use std::fmt::Write as _;

use strum::VariantArray;

use super::page::{PageSettings, Section};

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
    if page.sections != Section::VARIANTS {
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
    use crate::embed::page::Theme;

    #[test]
    fn snippets_escape_and_carry_the_choices() {
        let page = PageSettings {
            embed: true,
            theme: Some(Theme::Light),
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
