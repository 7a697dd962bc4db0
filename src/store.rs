//! The scenario library in localStorage: one key per scenario, so a corrupt entry can be moved
//! aside alone and never takes the others down. Every call survives storage that is missing,
//! throws (third-party iframes, private modes) or is full, and says which of those happened.

use funnel_model::merge::Stamps;
use funnel_model::scenario::{scenario_from_json, scenario_to_json, FormatError, Scenario};

use crate::library::Saved;
use crate::storage::{self, SaveError};

const SCENARIO_PREFIX: &str = "funnel-calculator.scenario.";
const CURRENT_KEY: &str = "funnel-calculator.current";
const ASIDE_PREFIX: &str = "funnel-calculator.unreadable.";
/// When each field of a scenario was last edited, beside the scenario (whose format stays as it
/// is): another tab merging its own edits into the scenario needs these to tell the later edit.
const STAMPS_PREFIX: &str = "funnel-calculator.edited.";
/// Stamps older than this are dropped: they only matter while another tab holds unsaved edits,
/// which is seconds; a missing stamp counts as older than any edit.
const STAMPS_KEPT_US: u64 = 10 * 60 * 1_000_000;

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

fn key_for(id: u32) -> String {
    format!("{SCENARIO_PREFIX}{id}")
}

/// Every stored scenario that reads; the rest are moved aside (or, if saved by a newer
/// version, left in place) and reported.
pub fn load() -> Loaded {
    let mut loaded = Loaded {
        entries: Vec::new(),
        // This tab's own choice first (a reload keeps it); a new tab opens the one last opened.
        current: storage::read_for_tab(CURRENT_KEY)
            .or_else(|| storage::read(CURRENT_KEY))
            .and_then(|c| c.parse().ok()),
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

/// The open scenario is this tab's (another tab opening another scenario does not change it),
/// and the last one opened in any tab is where a new tab starts.
pub fn save_current(id: u32) -> Result<(), SaveError> {
    storage::write_for_tab(CURRENT_KEY, &id.to_string());
    storage::write(CURRENT_KEY, &id.to_string())
}

pub fn remove(id: u32) {
    storage::remove(&key_for(id));
    storage::remove(&format!("{STAMPS_PREFIX}{id}"));
}

/// The scenario a storage key holds, if it is a scenario's key.
pub fn scenario_id(key: &str) -> Option<u32> {
    key.strip_prefix(SCENARIO_PREFIX)?.parse().ok()
}

/// The scenario stored under `id` now: `None` when there is none (or no storage).
pub fn read(id: u32) -> Option<Result<Scenario, FormatError>> {
    storage::read(&key_for(id)).map(|raw| scenario_from_json(&raw))
}

/// The highest scenario id in storage, readable or not (so no tab hands it out again).
pub fn highest_id() -> u32 {
    storage::keys()
        .iter()
        .filter_map(|k| scenario_id(k))
        .max()
        .unwrap_or(0)
}

pub fn stamps(id: u32) -> Stamps {
    storage::read(&format!("{STAMPS_PREFIX}{id}"))
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Stores the stamps, without those too old to matter. Best effort: without them a later
/// merge lets this tab's own edit win, which is what a tab without the feature would do.
pub fn save_stamps(id: u32, stamps: &Stamps, now: u64) {
    let kept: Stamps = stamps
        .iter()
        .filter(|(_, t)| now.saturating_sub(**t) < STAMPS_KEPT_US)
        .map(|(k, t)| (k.clone(), *t))
        .collect();
    let key = format!("{STAMPS_PREFIX}{id}");
    if kept.is_empty() {
        storage::remove(&key);
    } else if let Ok(text) = serde_json::to_string(&kept) {
        let _ = storage::write(&key, &text);
    }
}
