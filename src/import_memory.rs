//! The column and stage-value mapping remembered per header set, so next month's export of the
//! same report maps itself. Its own storage key, holding mappings only — never a row of data.

use funnel_model::import::mapping::Mapping;

use crate::storage;

const KEY: &str = "funnel-calculator.import-mappings";
/// Header sets remembered; the least recently used is forgotten first.
const KEEP: usize = 20;

fn load() -> Vec<(String, Mapping)> {
    storage::read(KEY)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn recall(header_key: &str) -> Option<Mapping> {
    load()
        .into_iter()
        .find(|(k, _)| k == header_key)
        .map(|(_, m)| m)
}

/// Remembers `mapping` for the header set; a full or missing storage only loses the memory.
pub fn remember(header_key: &str, mapping: &Mapping) {
    let mut all = load();
    all.retain(|(k, _)| k != header_key);
    all.insert(0, (header_key.to_string(), mapping.clone()));
    all.truncate(KEEP);
    if let Ok(text) = serde_json::to_string(&all) {
        let _ = storage::write(KEY, &text);
    }
}
