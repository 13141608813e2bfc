//! Links name their preset exactly: the fields a link leaves out come from that preset's
//! frozen version 1 values, which must equal the catalog's preset today.

use llm_tco::catalog::preset_ids;
use llm_tco::link::{PRESETS_V1, decode, encode, frozen_preset};
use llm_tco::scenario::FIELDS;
use llm_tco::scenario::preset_scenario;
use serde_json::Value;

#[test]
fn every_frozen_entry_reads_cleanly_with_known_keys_in_table_order() {
    for (id, query) in PRESETS_V1 {
        let keys: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| {
                FIELDS
                    .iter()
                    .position(|f| f.alias == *k)
                    .unwrap_or_else(|| panic!("{id}: unknown key {k}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{id}: keys out of table order or repeated"
        );
        let d = decode(&format!("v=1&p={id}&{query}"));
        assert!(d.notices.is_empty(), "{id}: {:?}", d.notices);
    }
}

/// A catalog correction must not change old links silently: when this fails, keep the
/// frozen entry, add a link version, and migrate old links so they keep their values.
#[test]
fn frozen_presets_equal_the_catalog() {
    let frozen: Vec<&str> = PRESETS_V1.iter().map(|(id, _)| *id).collect();
    for id in preset_ids() {
        assert!(
            frozen.contains(&id),
            "preset {id} has no frozen link entry: append one to PRESETS_V1"
        );
        let (scenario, value) = frozen_preset(id).unwrap();
        let catalog = preset_scenario(id).unwrap();
        assert_eq!(
            *scenario, catalog,
            "{id}: frozen link values differ from the catalog"
        );
        assert_eq!(*value, catalog.to_value(), "{id}");
    }
}

#[test]
fn a_preset_alone_decodes_to_exactly_that_preset() {
    for id in preset_ids() {
        for link in [
            format!("p={id}"),
            format!("?v=1&p={id}"),
            format!("https://x.example/tco/?p={id}#top"),
        ] {
            let d = decode(&link);
            assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
            assert_eq!(d.scenario, preset_scenario(id).unwrap(), "{link}");
        }
        assert_eq!(
            encode(&preset_scenario(id).unwrap()),
            format!("v=1&p={id}"),
            "an unchanged preset writes no keys"
        );
    }
}

#[test]
fn the_preset_applies_wherever_it_stands_in_the_link() {
    // Hand-typed links put `p` anywhere; the values around it still win over the preset's.
    let d = decode("req=5000&n=Ours&p=coding-assistant&v=1");
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    let mut want = preset_scenario("coding-assistant").unwrap();
    want.workload.monthly_requests = 5000.0;
    want.name = "Ours".into();
    assert_eq!(d.scenario, want);
}

#[test]
fn a_change_from_any_preset_writes_only_that_key_and_reads_back() {
    for id in preset_ids() {
        let base = preset_scenario(id).unwrap();
        let mut s = base.clone();
        s.workload.monthly_requests = 123_456.0;
        assert_eq!(encode(&s), format!("v=1&p={id}&req=123456"));
        assert_eq!(decode(&encode(&s)).scenario, s);
        // Clearing the name a preset sets is a change too.
        let mut unnamed = base.clone();
        unnamed.name = String::new();
        assert_eq!(decode(&encode(&unnamed)).scenario, unnamed, "{id}");
        // Every field set to the default preset's value survives too.
        let reference = preset_scenario("document-processing").unwrap().to_value();
        let mut all = base.clone();
        for spec in FIELDS {
            let v = reference
                .pointer(&llm_tco::scenario::json_pointer(spec.path))
                .cloned()
                .unwrap_or(Value::Null);
            all.set(spec.path, v).unwrap();
        }
        assert_eq!(decode(&encode(&all)).scenario, all, "{id}");
    }
}

#[test]
fn an_unknown_preset_reads_as_the_default_with_a_notice() {
    let d = decode("v=1&p=coding-assistent&req=9000");
    assert_eq!(d.notices.len(), 1);
    assert_eq!(d.notices[0].field, "preset");
    assert!(
        d.notices[0].message.contains("coding-assistent"),
        "{}",
        d.notices[0].message
    );
    let mut want = preset_scenario("document-processing").unwrap();
    want.workload.monthly_requests = 9000.0;
    assert_eq!(d.scenario, want);
}
