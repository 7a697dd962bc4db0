//! The scenario library in localStorage: one key per scenario, so a corrupt entry can be moved
//! aside alone and never takes the others down. Every call survives storage that is missing,
//! throws (third-party iframes, private modes) or is full, and says which of those happened.

use funnel_model::scenario::{scenario_from_json, scenario_to_json, FormatError};

use crate::library::Saved;
use crate::storage;

const SCENARIO_PREFIX: &str = "funnel-calculator.scenario.";
const CURRENT_KEY: &str = "funnel-calculator.current";
const ASIDE_PREFIX: &str = "funnel-calculator.unreadable.";

/// A stored entry that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The scenario's name if it could still be made out, else its storage key.
    pub label: String,
    /// Where the raw text now is (`None`: left in place, e.g. saved by a newer version).
    pub moved_to: Option<String>,
    pub error: FormatError,
}

#[derive(Default)]
pub struct Loaded {
    pub entries: Vec<Saved>,
    pub current: Option<u32>,
    pub unreadable: Vec<Unreadable>,
    /// Ids of entries left in place (saved by a newer version): not to be reused.
    pub kept_ids: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// No localStorage on this page (blocked, or throws).
    Unavailable,
    /// The browser refused the write (quota); what was saved before is unchanged.
    Full,
}

fn key_for(id: u32) -> String {
    format!("{SCENARIO_PREFIX}{id}")
}

/// Every stored scenario that reads; the rest are moved aside (or, if saved by a newer
/// version, left in place) and reported.
pub fn load() -> Loaded {
    let mut loaded = Loaded {
        entries: Vec::new(),
        current: storage::read(CURRENT_KEY).and_then(|c| c.parse().ok()),
        unreadable: Vec::new(),
        kept_ids: Vec::new(),
    };
    for key in storage::keys() {
        let Some(id) = key
            .strip_prefix(SCENARIO_PREFIX)
            .and_then(|id| id.parse::<u32>().ok())
        else {
            continue;
        };
        let Some(raw) = storage::read(&key) else {
            continue;
        };
        match scenario_from_json(&raw) {
            Ok(scenario) => loaded.entries.push(Saved { id, scenario }),
            Err(error) => {
                let label = name_in(&raw).unwrap_or_else(|| key.clone());
                let moved_to = match error {
                    FormatError::FutureVersion { .. } => None,
                    _ => move_aside(&key, &raw),
                };
                if moved_to.is_none() {
                    loaded.kept_ids.push(id);
                }
                loaded.unreadable.push(Unreadable {
                    label,
                    moved_to,
                    error,
                });
            }
        }
    }
    loaded
}

/// The "name" of a JSON object, if the text is that much JSON.
fn name_in(raw: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let name = value.get("name")?.as_str()?.trim();
    (!name.is_empty()).then(|| name.chars().take(80).collect())
}

/// Copies the raw text to its own key, then removes the original; the original stays if the
/// copy cannot be written, so nothing is lost either way.
fn move_aside(key: &str, raw: &str) -> Option<String> {
    let suffix = key.trim_start_matches(SCENARIO_PREFIX);
    let aside = (0..)
        .map(|n| match n {
            0 => format!("{ASIDE_PREFIX}{suffix}"),
            n => format!("{ASIDE_PREFIX}{suffix}.{n}"),
        })
        .find(|k| storage::read(k).is_none())?;
    if storage::write(&aside, raw).is_ok() {
        storage::remove(key);
        Some(aside)
    } else {
        None
    }
}

pub fn save(saved: &Saved) -> Result<(), SaveError> {
    storage::write(&key_for(saved.id), &scenario_to_json(&saved.scenario))
}

pub fn save_current(id: u32) -> Result<(), SaveError> {
    storage::write(CURRENT_KEY, &id.to_string())
}

pub fn remove(id: u32) {
    storage::remove(&key_for(id));
}
