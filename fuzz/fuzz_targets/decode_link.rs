//! Any bytes, read as text (lossily), as a link payload: `decode_link` must never panic, and
//! what it accepts must be a valid scenario whose own link reads back to the same.
//! (Under `cargo fuzz` the link's check does not stop decoding; see `share.rs`.)
#![no_main]

use funnel_model::scenario::validate;
use funnel_model::{decode_link, encode_link, MAX_LINK_CHARS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(s) = decode_link(&text) {
        assert_eq!(validate(s.clone()), Ok(s.clone()));
        let link = encode_link(&s);
        if link.len() <= MAX_LINK_CHARS {
            assert_eq!(decode_link(&link), Ok(s));
        }
    }
});
