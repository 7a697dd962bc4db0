//! When each field was edited, and which tab's edit a field keeps.

use std::collections::BTreeMap;

/// When each field was last edited (microseconds since the epoch), by field path.
pub type Stamps = BTreeMap<String, u64>;

/// Which tab's value a field in both tabs' edits kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// A field both tabs changed to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: String,
    pub kept: Side,
}

/// The later of two stamps' edits of the field at `path`, by its own stamp or that of a field
/// containing it or contained in it (a removed row is stamped as a whole, its edits field by
/// field).
pub fn latest_stamp(stamps: &Stamps, path: &str) -> Option<u64> {
    stamps
        .iter()
        .filter(|(k, _)| related(k, path))
        .map(|(_, t)| *t)
        .max()
}

fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short || short.is_empty() || long.starts_with(&format!("{short}/"))
}

/// Stamps of both: for each field the later one.
pub fn combine_stamps(a: &Stamps, b: &Stamps) -> Stamps {
    let mut out = a.clone();
    for (k, t) in b {
        let e = out.entry(k.clone()).or_insert(*t);
        *e = (*e).max(*t);
    }
    out
}
