//! A named scenario and its JSON form, used for export/import and for the browser's storage.
//! Every way in — a stored entry, an imported file, a shared link (`share`) — goes through the
//! one `validate` below, so each accepts and refuses exactly the same scenarios.
//!
//! Texts are kept as typed and not parsed as numbers here: a rate typed wrong is saved and
//! restored as it was, and the page shows its message again. That is the point of keeping text.

use std::fmt;

use crate::draft;
use crate::funnel::{MAX_STAGES, MIN_STAGES};
pub use crate::named_scenario::Scenario;
use crate::schema::{Header, FORMAT, V1, V2, V3};

/// The format version written today. Versions 1 and 2 are still read (and migrated).
pub const SCHEMA_VERSION: u32 = 3;

/// Scenario names are cut to this many characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Longest accepted text of a field (target, deal size, entry count, a rate) — inputs should
/// carry `maxlength` = this, or a save of a longer text will not load back.
pub const MAX_TEXT_CHARS: usize = 64;

/// Largest stage id accepted: far beyond what adding stages one by one can reach, and far
/// enough from `u32::MAX` that the next id never overflows.
pub const MAX_STAGE_ID: u32 = 1_000_000;

/// Largest JSON text read (bytes), for import and storage.
pub const MAX_JSON_BYTES: usize = 64 * 1024;

/// Why a stored entry, imported file or link could not be opened. The UI words each case per
/// language; `Display` is the English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    /// Input over the cap (before or after decoding).
    TooLarge,
    /// Bad base64, truncated, not JSON, the wrong shape, or altered (the link's check fails).
    NotDecodable,
    /// Written by a newer version of the app (`found` > `SCHEMA_VERSION`).
    FutureVersion { found: u32 },
    /// Readable, but breaks a rule: 2 to 12 stages, unique ids, texts within their length.
    Invalid,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge => f.write_str("the scenario is too large to open"),
            FormatError::NotDecodable => {
                f.write_str("the scenario could not be read: it is damaged or incomplete")
            }
            FormatError::FutureVersion { found } => write!(
                f,
                "the scenario was saved by a newer version of the calculator \
                 (format {found}; this version reads up to {SCHEMA_VERSION})"
            ),
            FormatError::Invalid => f.write_str(
                "the scenario breaks the calculator's rules \
                 (2 to 12 stages, unique stage ids, texts of at most 64 characters)",
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// The one check behind storage, import and links. Refuses what cannot be shown (a stage count
/// outside 2..=12, duplicate or out-of-range ids, over-long texts); repairs what has an obvious
/// fix (the name is cut to 80 characters; the entry stage and the goal-seek choice are pointed
/// at stages that exist and make sense, as the editor itself does after an edit).
pub fn validate(scenario: Scenario) -> Result<Scenario, FormatError> {
    let Scenario { name, mut draft } = scenario;
    let stages = &draft.stages;
    if !(MIN_STAGES..=MAX_STAGES).contains(&stages.len()) {
        return Err(FormatError::Invalid);
    }
    for (i, s) in stages.iter().enumerate() {
        if s.id > MAX_STAGE_ID || stages[..i].iter().any(|o| o.id == s.id) {
            return Err(FormatError::Invalid);
        }
        if too_long(&s.rate, MAX_TEXT_CHARS)
            || s.name
                .as_deref()
                .is_some_and(|n| too_long(n, draft::MAX_NAME_CHARS))
        {
            return Err(FormatError::Invalid);
        }
    }
    if [&draft.target, &draft.deal_size, &draft.entry_count]
        .iter()
        .any(|t| too_long(t, MAX_TEXT_CHARS))
    {
        return Err(FormatError::Invalid);
    }
    if !draft.plan.within_limits(MAX_TEXT_CHARS) || !draft.risk.within_limits() {
        return Err(FormatError::Invalid);
    }
    draft.plan.repair();
    draft.repair_references();
    let name = match name.char_indices().nth(MAX_NAME_CHARS) {
        Some((cut, _)) => name[..cut].to_string(),
        None => name,
    };
    Ok(Scenario { name, draft })
}

fn too_long(text: &str, max_chars: usize) -> bool {
    text.chars().nth(max_chars).is_some()
}

/// Pretty JSON, for export and storage:
/// `{"format":"funnel-calculator-scenario","version":3,"name":…,"draft":{…}}`.
pub fn scenario_to_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(&V3::from(s)).expect("strings and numbers always serialize")
}

/// Reads a stored or imported scenario: version 3, or version 1 or 2 migrated; at most 64 KiB; then
/// `validate`. A leading byte-order mark (a file saved by Notepad) is ignored.
pub fn scenario_from_json(text: &str) -> Result<Scenario, FormatError> {
    if text.len() > MAX_JSON_BYTES {
        return Err(FormatError::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = serde_json::from_str(text).map_err(|_| FormatError::NotDecodable)?;
    if header.format != FORMAT {
        return Err(FormatError::NotDecodable);
    }
    let scenario = match header.version {
        1 => serde_json::from_str::<V1>(text)
            .map_err(|_| FormatError::NotDecodable)?
            .migrate(),
        2 => serde_json::from_str::<V2>(text)
            .map_err(|_| FormatError::NotDecodable)?
            .into(),
        3 => serde_json::from_str::<V3>(text)
            .map_err(|_| FormatError::NotDecodable)?
            .into(),
        v if v > u64::from(SCHEMA_VERSION) => {
            return Err(FormatError::FutureVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        _ => return Err(FormatError::NotDecodable),
    };
    validate(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Draft, SeekChoice};

    fn default_scenario() -> Scenario {
        Scenario {
            name: "FY2027 基本計画".into(),
            draft: Draft::default(),
        }
    }

    #[test]
    fn json_round_trips_and_names_its_format() {
        let s = default_scenario();
        let json = scenario_to_json(&s);
        assert!(json.contains("\"format\": \"funnel-calculator-scenario\""));
        assert!(json.contains("\"version\": 3"));
        assert!(
            json.contains("FY2027 基本計画"),
            "non-ASCII is kept readable"
        );
        assert_eq!(scenario_from_json(&json), Ok(s));
    }

    #[test]
    fn validation_repairs_references_and_cuts_the_name() {
        let mut s = default_scenario();
        s.name = "あ".repeat(100);
        s.draft.entry_stage = 99;
        s.draft.seek = SeekChoice::Rate(5); // the won stage has no rate out
        let v = validate(s).unwrap();
        assert_eq!(v.name.chars().count(), MAX_NAME_CHARS);
        assert_eq!(v.draft.entry_stage, 0);
        assert_eq!(v.draft.seek, SeekChoice::Rate(4));
    }

    #[test]
    fn validation_refuses_what_cannot_be_shown() {
        let base = default_scenario();
        let mut one = base.clone();
        one.draft.stages.truncate(1);
        let mut dup = base.clone();
        dup.draft.stages[1].id = 0;
        let mut long = base.clone();
        long.draft.target = "1".repeat(65);
        let mut long_name = base.clone();
        long_name.draft.stages[0].name = Some("x".repeat(41));
        let mut big_id = base.clone();
        big_id.draft.stages[0].id = u32::MAX;
        for s in [one, dup, long, long_name, big_id] {
            assert_eq!(validate(s), Err(FormatError::Invalid));
        }
        let mut ok = base;
        ok.draft.target = "1".repeat(64);
        ok.draft.stages[0].name = Some("名".repeat(40));
        assert!(validate(ok).is_ok());
    }

    #[test]
    fn texts_are_kept_as_typed_even_when_wrong() {
        let mut s = default_scenario();
        s.draft.stages[2].rate = "abc".into();
        s.draft.target = "".into();
        assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
    }
}
