//! localStorage that never panics: it is missing or throws in some third-party iframes and
//! private modes, and gloo-storage panics if asked for it naively there. Every call first checks
//! that the storage object can be had, and reports failure as a value.

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
    LocalStorage::get::<String>(key).ok()
}

/// Stores a string; false when storage is unavailable or full.
pub fn write(key: &str, value: &str) -> bool {
    available() && LocalStorage::set(key, value).is_ok()
}
