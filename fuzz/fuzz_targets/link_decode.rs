//! Any text a stranger can put in a share link: `decode` must not panic, must always
//! yield a scenario that passes validation, and re-encoding that scenario must read back
//! to the same scenario.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_tco::link::{decode, encode};

fuzz_target!(|data: &[u8]| {
    // The page hands `decode` a JS string, so always valid UTF-8; lossy mirrors that.
    let text = String::from_utf8_lossy(data);
    let decoded = decode(&text);
    if let Err(errors) = decoded.scenario.validate() {
        panic!("decode produced an invalid scenario from {text:?}: {errors:?}");
    }
    let again = decode(&encode(&decoded.scenario));
    assert!(
        again.notices.is_empty(),
        "re-encoded link has notices: {:?}",
        again.notices
    );
    assert_eq!(again.scenario, decoded.scenario, "re-encoded link reads back differently");
});
