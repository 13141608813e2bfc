//! Property tests: every valid scenario survives a link exactly, and no input makes
//! `decode` panic or return an invalid scenario.
//!
//! Scenarios are drawn from the field table itself, so a new field is covered as soon as
//! it is in `FIELDS`.

use llm_tco::catalog::{ids, preset_ids};
use llm_tco::link::{decode, encode};
use llm_tco::scenario::{FIELDS, FieldKind, FieldSpec, Scenario, preset_scenario};
use proptest::prelude::*;
use serde_json::Value;

/// Any valid value of one field: bounds, short human figures and arbitrary doubles
/// (17 significant digits, subnormals), so both readability and exactness are exercised.
fn value_of(spec: &'static FieldSpec, name_chars: &'static str) -> BoxedStrategy<Value> {
    match spec.kind {
        FieldKind::Number {
            min,
            max,
            integer: true,
            optional,
        } => {
            let n = (min as i64..=max as i64).prop_map(Value::from).boxed();
            if optional {
                prop_oneof![Just(Value::Null), n].boxed()
            } else {
                n
            }
        }
        FieldKind::Number {
            min, max, optional, ..
        } => {
            let clamp = move |x: f64| if x >= min && x <= max { x } else { min };
            let n = prop_oneof![
                Just(min),
                Just(max),
                Just(if min < 0.0 { -0.0 } else { min }),
                (min..=max).prop_map(move |x| clamp((x * 100.0).round() / 100.0)),
                (min..=max),
                (1u64..1 << 20).prop_map(move |bits| clamp(f64::from_bits(bits))),
            ]
            .prop_map(Value::from)
            .boxed();
            if optional {
                prop_oneof![Just(Value::Null), n].boxed()
            } else {
                n
            }
        }
        FieldKind::Choice(choices) => prop::sample::select(choices).prop_map(Value::from).boxed(),
        FieldKind::Catalog(list) => prop::sample::select(ids(list))
            .prop_map(Value::from)
            .boxed(),
        FieldKind::Bool => any::<bool>().prop_map(Value::from).boxed(),
        FieldKind::Text { max_chars } => {
            proptest::string::string_regex(&format!("{name_chars}{{0,{max_chars}}}"))
                .unwrap()
                .prop_map(Value::from)
                .boxed()
        }
    }
}

/// A valid scenario: a random preset, then each field either kept or set to a random value.
fn scenario(keep_some: bool, name_chars: &'static str) -> impl Strategy<Value = Scenario> {
    let fields: Vec<BoxedStrategy<Option<Value>>> = FIELDS
        .iter()
        .map(|spec| {
            let v = value_of(spec, name_chars);
            if keep_some {
                prop::option::of(v).boxed()
            } else {
                v.prop_map(Some).boxed()
            }
        })
        .collect();
    (prop::sample::select(preset_ids()), fields).prop_map(|(preset, values)| {
        let mut s = preset_scenario(preset).unwrap();
        s.preset = preset.into();
        for (spec, value) in FIELDS.iter().zip(values) {
            if let Some(value) = value {
                s.set(spec.path, value.clone())
                    .unwrap_or_else(|e| panic!("{value}: {e}"));
            }
        }
        s
    })
}

/// Every number must come back with the same bits; -0 reads as 0, the same amount.
fn assert_bit_exact(a: &Scenario, b: &Scenario) {
    for spec in FIELDS {
        if let (Some(x), Some(y)) = (a.get(spec.path).as_f64(), b.get(spec.path).as_f64()) {
            let (x, y) = (
                if x == 0.0 { 0.0 } else { x },
                if y == 0.0 { 0.0 } else { y },
            );
            assert_eq!(x.to_bits(), y.to_bits(), "{}: {x} vs {y}", spec.path);
        }
    }
}

/// Any character a name may hold, including `&=%#+?`, spaces and non-ASCII.
const ANY_TEXT: &str = "[^\\p{Cc}]";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_valid_scenario_round_trips_exactly(s in scenario(true, ANY_TEXT)) {
        prop_assert!(s.validate().is_ok());
        let link = encode(&s);
        let d = decode(&link);
        prop_assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
        prop_assert_eq!(&d.scenario, &s, "{}", link);
        assert_bit_exact(&d.scenario, &s);
        prop_assert_eq!(encode(&d.scenario), link);
        // Pasted as a URL with a fragment, it reads the same.
        prop_assert_eq!(decode(&format!("https://example.com/?{}#charts", encode(&s))).scenario, s);
    }

    #[test]
    fn a_fully_customised_link_stays_short(s in scenario(false, "[ -~]")) {
        // Every field set, numbers at up to 17 significant digits, a 120-character name
        // of printable ASCII: still well under the 2,000 characters links must fit in.
        let link = encode(&s);
        prop_assert!(link.len() < 1800, "{} characters: {}", link.len(), link);
    }

    #[test]
    fn decode_never_panics_on_any_text(text in ".{0,400}") {
        let d = decode(&text);
        prop_assert!(d.scenario.validate().is_ok());
    }

    #[test]
    fn decode_never_panics_on_link_shaped_text(
        parts in prop::collection::vec(link_part(), 0..80)
    ) {
        let text: String = parts.concat();
        let d = decode(&text);
        prop_assert!(d.scenario.validate().is_ok(), "{text}: {:?}", d.scenario.validate());
    }

    #[test]
    fn decode_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        // Raw bytes as a browser would hand them over, and percent-encoded so they come
        // out of percent-decoding as they are (mostly not UTF-8).
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        let escaped: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        for text in [lossy, format!("n={escaped}"), format!("{escaped}={escaped}"), format!("req={escaped}&hz=2")] {
            prop_assert!(decode(&text).scenario.validate().is_ok());
        }
    }
}

/// The pieces links are made of: separators, escapes (good, short and invalid), aliases,
/// special keys and numbers.
fn link_part() -> impl Strategy<Value = String> {
    let aliases: Vec<String> = FIELDS.iter().map(|f| f.alias.to_string()).collect();
    prop_oneof![
        prop::sample::select(vec![
            "&",
            "=",
            "%",
            "%F",
            "%FF",
            "%C3",
            "%A9",
            "%2",
            "%26",
            "%3D",
            "%00",
            "+",
            "#",
            "?",
            "v",
            "p",
            "embed",
            "theme",
            "1",
            "0",
            "-",
            ".",
            "e",
            "k",
            "M",
            "1e308",
            "-0",
            "NaN",
            "inf",
            "document-processing",
            "https://x/",
            " ",
            "é",
            "\u{0}",
        ])
        .prop_map(String::from),
        prop::sample::select(aliases),
        "[0-9]{1,20}",
    ]
}
