//! localStorage that never panics: it is missing or throws in some third-party iframes and
//! private modes, and gloo-storage's typed helpers panic there if used naively. Every call first
//! checks that the storage object can be had, and reports failure as a value. Only the raw
//! string API is used, so no second JSON codec is pulled in for plain strings.

use gloo_storage::{LocalStorage, Storage};

/// Why a write did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// No localStorage on this page (blocked, or throws).
    Unavailable,
    /// The browser refused the write (quota); what was saved before is unchanged.
    Full,
}

/// Whether localStorage can be used at all on this page.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// A stored string, or `None` when absent, unreadable or storage is unavailable.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores a string. A refused write (quota) leaves the previous value in place.
pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|_| SaveError::Full)
}

pub fn remove(key: &str) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Every key currently stored.
pub fn keys() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let count = raw.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| raw.key(i).ok().flatten())
        .collect()
}

/// This tab's own storage (sessionStorage): what the tab shows survives its reload but is not
/// shared with the other tabs.
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// A string stored for this tab only.
pub fn read_for_tab(key: &str) -> Option<String> {
    tab_storage()?.get_item(key).ok().flatten()
}

pub fn write_for_tab(key: &str, value: &str) {
    if let Some(s) = tab_storage() {
        let _ = s.set_item(key, value);
    }
}
