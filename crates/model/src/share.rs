//! Share by link: the whole scenario in the URL fragment, as `2.` + URL-safe base64 (no padding)
//! of a compact JSON array (fields by position, no keys) followed by a 4-byte check.
//!
//! - Compact: the default scenario is 206 characters (the test `default_link_is_short` prints
//!   it), well under the 600 budget, so there is no compression: miniz_oxide would add ~14 KB
//!   gzip of WASM to save ~100 characters of a link nobody types.
//! - JSON rather than a binary format: serde_json is in the calculator anyway for export and
//!   storage, and the embed reads the same JSON with the browser's own parser (`link_funnel`).
//! - The check (FNV-1a over the marker and the JSON) turns a link altered in transit — a changed
//!   or dropped character — into a clear `NotDecodable` instead of a silently different
//!   scenario. It is not a signature: anyone can make a valid link, and that is fine, since a
//!   link only ever opens a scenario the visitor then sees.
//! - The decoder refuses input over `MAX_LINK_CHARS` before decoding anything, so it never holds
//!   more than ~6 KB of decoded bytes; it never panics (fuzzed: see `fuzz/`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::scenario::{validate, FormatError, Scenario, SCHEMA_VERSION};
use crate::schema::{LinkV2, LinkV3};

/// Longest link payload read (the fragment after `#`, in bytes — every valid one is ASCII).
/// The fragment never reaches a server, and browsers keep URLs of megabytes; 32 KiB holds an
/// edited 80-node KPI tree with a year of actuals, and still bounds what a hostile link costs.
pub const MAX_LINK_CHARS: usize = 32_768;

/// The most bytes `MAX_LINK_CHARS` of base64 can decode to.
const MAX_DECODED_BYTES: usize = MAX_LINK_CHARS / 4 * 3;

const CHECK_BYTES: usize = 4;

/// FNV-1a (32 bit) of the version marker and the JSON. Any single changed byte changes it.
fn check(version: u32, json: &[u8]) -> u32 {
    version
        .to_string()
        .as_bytes()
        .iter()
        .chain(json)
        .fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
        })
}

/// The fragment payload (no `#`): URL-safe, starting with the version marker `3.`.
pub fn encode_link(s: &Scenario) -> String {
    seal_link(serde_json::to_vec(&LinkV3::from(s)).expect("strings and numbers serialize"))
}

/// The payload for the JSON array of a current-version link, however it was written: the version
/// marker, then the JSON and its check in URL-safe base64.
pub fn seal_link(mut json: Vec<u8>) -> String {
    let sum = check(SCHEMA_VERSION, &json);
    json.extend_from_slice(&sum.to_be_bytes());
    format!("{SCHEMA_VERSION}.{}", URL_SAFE_NO_PAD.encode(json))
}

/// Reads a link payload (no `#`). Over `MAX_LINK_CHARS` → `TooLarge`; a version marker above
/// `SCHEMA_VERSION` → `FutureVersion`; anything else malformed, truncated or altered →
/// `NotDecodable`; then the same `validate` as storage and import.
pub fn decode_link(payload: &str) -> Result<Scenario, FormatError> {
    let (version, json) = open_link(payload)?;
    // Read as `str`, like stored and imported JSON: one serde_json reader for all three keeps a
    // second copy of every decoder out of the WASM.
    let scenario = if version == 2 {
        serde_json::from_str::<LinkV2>(&json).map(LinkV2::into_scenario)
    } else {
        serde_json::from_str::<LinkV3>(&json).map(LinkV3::into_scenario)
    };
    validate(scenario.ok().flatten().ok_or(FormatError::NotDecodable)?)
}

/// A link payload's format version and JSON, once its size, version marker, base64, check and
/// UTF-8 are good (the errors as `decode_link` gives them); the JSON itself is not read yet.
pub fn open_link(payload: &str) -> Result<(u32, String), FormatError> {
    if payload.len() > MAX_LINK_CHARS {
        return Err(FormatError::TooLarge);
    }
    let (marker, body) = payload.split_once('.').ok_or(FormatError::NotDecodable)?;
    let version = parse_marker(marker)?;
    if version > SCHEMA_VERSION {
        return Err(FormatError::FutureVersion { found: version });
    }
    if version < 2 {
        // Links began with version 2: no version-1 link was ever written.
        return Err(FormatError::NotDecodable);
    }
    if base64::decoded_len_estimate(body.len()) > MAX_DECODED_BYTES {
        return Err(FormatError::TooLarge);
    }
    let mut bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| FormatError::NotDecodable)?;
    let split = bytes
        .len()
        .checked_sub(CHECK_BYTES)
        .ok_or(FormatError::NotDecodable)?;
    let sum_matches = bytes[split..] == check(version, &bytes[..split]).to_be_bytes();
    // Under `cargo fuzz` (which sets `cfg(fuzzing)`) a failed check does not stop decoding, so
    // mutated inputs reach the JSON reader and the validation behind it.
    if !sum_matches && !cfg!(fuzzing) {
        return Err(FormatError::NotDecodable);
    }
    bytes.truncate(split);
    let json = String::from_utf8(bytes).map_err(|_| FormatError::NotDecodable)?;
    Ok((version, json))
}

/// The decimal version before the first `.`: digits only, no leading zero. A number too big
/// for `u32` is still a (far) future version.
fn parse_marker(marker: &str) -> Result<u32, FormatError> {
    if marker.is_empty() || marker.starts_with('0') || !marker.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FormatError::NotDecodable);
    }
    Ok(marker.parse().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;

    fn default_scenario() -> Scenario {
        Scenario {
            name: "FY2027 基本計画".into(),
            draft: Draft::default(),
        }
    }

    #[test]
    fn default_link_is_short() {
        let link = encode_link(&default_scenario());
        println!(
            "default scenario link: {} characters\n#{link}",
            link.chars().count()
        );
        assert!(link.len() <= 600, "{} characters", link.len());
        assert!(link.starts_with("3."));
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode_link(&link), Ok(default_scenario()));
    }

    #[test]
    fn markers() {
        assert_eq!(parse_marker("2"), Ok(2));
        assert_eq!(parse_marker("99999999999"), Ok(u32::MAX));
        for bad in ["", "02", "+2", "2a", " 2"] {
            assert_eq!(parse_marker(bad), Err(FormatError::NotDecodable), "{bad:?}");
        }
    }

    #[test]
    fn a_changed_check_is_refused() {
        let link = encode_link(&default_scenario());
        let json = serde_json::to_vec(&LinkV2::from(&default_scenario())).unwrap();
        let mut bytes = json.clone();
        bytes.extend_from_slice(&(check(2, &json) ^ 1).to_be_bytes());
        let forged = format!("2.{}", URL_SAFE_NO_PAD.encode(bytes));
        assert_ne!(forged, link);
        assert_eq!(decode_link(&forged), Err(FormatError::NotDecodable));
    }
}
