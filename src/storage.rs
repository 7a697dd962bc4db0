//! localStorage that never panics: it is missing or throws in some third-party iframes and
//! private modes, and gloo-storage's typed helpers panic there if used naively. Every call first
//! checks that the storage object can be had, and reports failure as a value. Only the raw
//! string API is used, so no JSON codec is pulled into the bundle for plain strings.

use gloo_storage::{LocalStorage, Storage};

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

/// Stores a string; false when storage is unavailable or full.
pub fn write(key: &str, value: &str) -> bool {
    available() && LocalStorage::raw().set_item(key, value).is_ok()
}
