//! The static header in `index.html` is what the first paint shows before the wasm runs:
//! it must say what the app will say for the default scenario, word for word, or the
//! page would change under the reader's eyes.

use llm_tco::catalog;
use llm_tco::scenario::Scenario;

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

/// The text as HTML shows it (the descriptions use `&` and `$`, never markup).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn static_header_shows_the_default_presets_description() {
    let default_preset = Scenario::default().preset;
    let description = &catalog::preset(&default_preset)
        .expect("default preset")
        .description;
    let html = index_html();
    let expected = format!(
        "<p class=\"preset-description\">{}</p>",
        escaped(description)
    );
    assert!(
        html.contains(&expected),
        "index.html's static header must read:\n{expected}"
    );
}

#[test]
fn boot_script_knows_the_default_preset() {
    // Another preset's link hides the static description until the app has drawn its own.
    let html = index_html();
    let default_preset = Scenario::default().preset;
    assert!(
        html.contains(&format!("preset !== \"{default_preset}\"")),
        "the boot script in index.html must compare the link's preset with {default_preset}"
    );
}

#[test]
fn static_header_has_the_apps_title_and_tagline() {
    let html = index_html();
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/header.rs"))
        .expect("header.rs");
    for text in [
        "<h1>LLM TCO</h1>",
        "Cloud API or self-hosted GPUs: what this workload costs, and the volume where the answer flips.",
    ] {
        let in_app = text.replace("<h1>", "<h1>\"").replace("</h1>", "\"</h1>");
        assert!(html.contains(text), "index.html lacks {text}");
        assert!(
            header.contains(&in_app) || header.contains(text),
            "header.rs lacks {text}"
        );
    }
}
