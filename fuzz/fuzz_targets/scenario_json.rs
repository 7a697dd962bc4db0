//! Any bytes, read as text (lossily), as an imported or stored scenario: `scenario_from_json`
//! must never panic, and what it accepts must be valid and survive its own export.
#![no_main]

use funnel_model::scenario::validate;
use funnel_model::{scenario_from_json, scenario_to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(s) = scenario_from_json(&text) {
        assert_eq!(validate(s.clone()), Ok(s.clone()));
        assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
    }
});
