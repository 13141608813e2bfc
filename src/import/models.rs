//! Provider model names -> catalog API model ids.
//!
//! Exports name a model the way their provider does: dated (`gpt-4o-mini-2024-07-18`),
//! behind a router's prefix (`openai/gpt-4o-mini`), dotted or dashed (`claude-3.5-sonnet`,
//! `claude-3-5-sonnet-20241022`), or as a display name on a cloud bill ("Claude 3.5 Sonnet
//! (Amazon Bedrock Edition)"). A name maps only when, after the family name, nothing but a
//! date, a version number or `latest` follows, so `gpt-4o-audio-preview` stays unmapped
//! rather than being priced as `gpt-4o`.

/// Normalised family name -> catalog id. Longer names come first where one is the start of
/// another (`gpt-4o-mini` before `gpt-4o`).
const FAMILIES: &[(&str, &str)] = &[
    ("gpt-4o-mini", "gpt-4o-mini"),
    ("gpt-4o", "gpt-4o"),
    ("claude-3-5-sonnet", "claude-3.5-sonnet"),
    ("claude-3-5-haiku", "claude-3.5-haiku"),
    ("gemini-1-5-pro", "gemini-1.5-pro"),
    ("gemini-1-5-flash", "gemini-1.5-flash"),
];

/// Every catalog id a name can map to.
pub fn catalog_ids() -> impl Iterator<Item = &'static str> + Clone {
    FAMILIES.iter().map(|&(_, id)| id)
}

/// Lower case, router prefix and bracketed notes dropped, words and dots joined by dashes.
fn normalise(name: &str) -> String {
    let name = name.rsplit('/').next().unwrap_or(name);
    let name = name.split(" (").next().unwrap_or(name);
    let mut out = String::new();
    for c in name.trim().chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The catalog API model id a provider's model name stands for, if the catalog has it.
pub fn catalog_model(name: &str) -> Option<&'static str> {
    let n = normalise(name);
    FAMILIES.iter().find_map(|&(family, id)| {
        let rest = n.strip_prefix(family)?;
        let suffix_ok = rest.is_empty()
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r == "latest" || r.starts_with(|c: char| c.is_ascii_digit()));
        suffix_ok.then_some(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_spellings_map_to_catalog_ids() {
        for (name, id) in [
            ("gpt-4o-mini-2024-07-18", Some("gpt-4o-mini")),
            ("openai/gpt-4o-mini-2024-07-18", Some("gpt-4o-mini")),
            ("gpt-4o-2024-08-06", Some("gpt-4o")),
            ("gpt-4o", Some("gpt-4o")),
            ("claude-3-5-sonnet-20241022", Some("claude-3.5-sonnet")),
            ("anthropic/claude-3.5-sonnet", Some("claude-3.5-sonnet")),
            ("claude-3-5-sonnet-latest", Some("claude-3.5-sonnet")),
            (
                "Claude 3.5 Sonnet (Amazon Bedrock Edition)",
                Some("claude-3.5-sonnet"),
            ),
            ("claude-3-5-haiku-20241022", Some("claude-3.5-haiku")),
            ("gemini-1.5-pro-002", Some("gemini-1.5-pro")),
            ("models/gemini-1.5-flash", Some("gemini-1.5-flash")),
            ("gpt-4o-audio-preview", None),
            ("o3-mini-2025-01-31", None),
            ("deepseek/deepseek-r1", None),
            ("", None),
        ] {
            assert_eq!(catalog_model(name), id, "{name}");
        }
    }

    #[test]
    fn every_mapped_id_is_in_the_catalog() {
        for (_, id) in FAMILIES {
            assert!(crate::catalog::api_model(id).is_some(), "{id}");
        }
    }
}
