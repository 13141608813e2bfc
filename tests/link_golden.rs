//! Golden links: every link in `tests/fixtures/links-v1.json` must decode to exactly the
//! scenario and notices recorded there, in this build and every later one.

use llm_tco::link::{decode, encode};
use llm_tco::scenario::Scenario;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    #[allow(dead_code)]
    comment: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    link: String,
    /// Canonical field names the notices must name, in order.
    notices: Vec<String>,
    /// Page settings the link carries, when it carries any.
    #[serde(default)]
    extras: Vec<(String, String)>,
    /// The full canonical scenario. Parsed into `Scenario` rather than compared as JSON so a
    /// field added later (absent here) takes its default, which must keep old links' meaning.
    scenario: Scenario,
}

fn fixture() -> Fixture {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/links-v1.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn golden_links_decode_exactly() {
    let fixture = fixture();
    assert!(fixture.cases.len() >= 10);
    for case in &fixture.cases {
        let decoded = decode(&case.link);
        let fields: Vec<&str> = decoded.notices.iter().map(|n| n.field.as_str()).collect();
        assert_eq!(
            fields, case.notices,
            "{}: {:#?}",
            case.name, decoded.notices
        );
        assert_eq!(decoded.scenario, case.scenario, "{}", case.name);
        // Bit-exact too: serialised numbers are the shortest round-trip text of each f64.
        assert_eq!(
            decoded.scenario.to_value(),
            case.scenario.to_value(),
            "{}",
            case.name
        );
        assert_eq!(decoded.extras, case.extras, "{}", case.name);
    }
}

#[test]
fn golden_scenarios_encode_to_links_that_decode_back() {
    // Encoded links may get shorter in later versions; what they decode to may not change.
    for case in fixture().cases {
        let link = encode(&case.scenario);
        assert_eq!(
            decode(&link).scenario,
            case.scenario,
            "{}: {link}",
            case.name
        );
    }
}
