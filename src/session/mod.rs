//! What the user works on — the saved scenarios, the one open, a shared one being viewed — and
//! every action on it, in one place. Components call these methods; storage is written here and
//! only here, so the guarantee "nothing typed is lost" is kept in one module.

mod other_tabs;
mod saving;
mod scenarios;

use funnel_model::draft::Draft;
use funnel_model::merge::{document, Stamps};
use funnel_model::scenario::{FormatError, Scenario};
use funnel_model::{Edit, Lang};
use leptos::prelude::*;
use serde_json::Value;

use crate::browser;
use crate::i18n::common::texts;
use crate::library::{Deleted, Library};
use crate::send::send;
use crate::store::{self, Unreadable};

/// Something the page tells the user until they dismiss it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageFull,
    Unreadable(Unreadable),
    LinkError(FormatError),
    ImportError(FormatError),
    Imported(String),
    /// Boxed: a deleted scenario carries its whole draft, far larger than the other notices.
    Deleted(Box<Deleted>),
    LinkCopied(usize),
    EmbedCopied,
    CopyFailed,
    /// This many fields were edited in this tab and another; the later edit of each was kept.
    BothEdited(usize),
    /// The two tabs' versions could not be made one; this tab's was saved under this name.
    KeptBoth(String),
}

/// The page's views, addressable as `#view=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Funnel,
    Months,
    Channels,
    Kpi,
    Definitions,
    Compare,
    Risk,
    Import,
}

impl View {
    pub fn key(self) -> &'static str {
        match self {
            View::Funnel => "",
            View::Months => "months",
            View::Channels => "channels",
            View::Kpi => "kpi",
            View::Definitions => "definitions",
            View::Compare => "compare",
            View::Risk => "risk",
            View::Import => "import",
        }
    }

    /// The view a `#view=` value names; anything else is the funnel.
    pub fn from_key(key: &str) -> View {
        crate::ui::toolbar::tab_views()
            .find(|v| v.key() == key)
            .unwrap_or(View::Funnel)
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub lang: RwSignal<Lang>,
    pub library: RwSignal<Library>,
    /// The open scenario's inputs as typed (the shared one while `shared` is set).
    pub draft: RwSignal<Draft>,
    /// The name of a scenario opened from a link and not saved yet.
    pub shared: RwSignal<Option<String>>,
    /// The link payload of that shared scenario, kept in the address until saved or closed.
    shared_payload: StoredValue<String>,
    pub notices: RwSignal<Vec<(u32, Notice)>>,
    /// False when this page cannot use localStorage at all.
    pub storage_ok: RwSignal<bool>,
    /// True while the last write was refused (storage full).
    pub save_failed: RwSignal<bool>,
    /// Counts openings of a scenario, so results never carry over from one scenario to another.
    pub opened: RwSignal<u32>,
    pub view: RwSignal<View>,
    /// Set when another tab saved the open scenario and this tab now shows it; cleared by this
    /// tab's next edit.
    pub updated_elsewhere: RwSignal<bool>,
    /// Set while the open scenario has been deleted in another tab and this tab still shows it.
    pub deleted_elsewhere: RwSignal<bool>,
    /// The open scenario as stored when this tab last read or wrote it: what this tab's own
    /// edits are counted from when another tab has saved in between. `None` until it is stored.
    base: StoredValue<Option<Scenario>>,
    /// The open scenario as this tab last saw it, to tell which fields each change touched.
    seen: StoredValue<Option<Value>>,
    /// When this tab edited each field it has not saved yet.
    edits: StoredValue<Stamps>,
    next_notice: StoredValue<u32>,
}

/// Now, in microseconds since the epoch, comparable between tabs: two tabs' edits a millisecond
/// apart must still be told apart.
fn now_us() -> u64 {
    let ms = web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.time_origin() + p.now());
    (ms * 1000.0) as u64
}

impl Session {
    /// Loads what storage holds and what the address asks for.
    pub fn start(lang: Lang) -> Session {
        let storage_ok = crate::storage::available();
        let loaded = store::load();
        let library = Library::from_saved(
            loaded.entries,
            loaded.current,
            texts(lang).starter_name,
            &loaded.kept_ids,
        );
        let base = store::read(library.current).and_then(Result::ok);
        let session = Session {
            lang: RwSignal::new(lang),
            draft: RwSignal::new(library.current().scenario.draft.clone()),
            updated_elsewhere: RwSignal::new(false),
            deleted_elsewhere: RwSignal::new(false),
            seen: StoredValue::new(Some(document(&library.current().scenario))),
            base: StoredValue::new(base),
            edits: StoredValue::new(Stamps::new()),
            library: RwSignal::new(library),
            shared: RwSignal::new(None),
            shared_payload: StoredValue::new(String::new()),
            notices: RwSignal::new(Vec::new()),
            storage_ok: RwSignal::new(storage_ok),
            save_failed: RwSignal::new(false),
            opened: RwSignal::new(0),
            view: RwSignal::new(View::Funnel),
            next_notice: StoredValue::new(0),
        };
        for unreadable in loaded.unreadable {
            session.notify(Notice::Unreadable(unreadable));
        }
        for (key, value) in browser::fragment_params() {
            match key.as_str() {
                "view" => session.view.set(View::from_key(&value)),
                "s" if !value.is_empty() => session.open_link(&value),
                _ => {}
            }
        }
        session.write_fragment();
        session
    }

    /// A link pasted into a tab that already shows the app: open what the new address asks for.
    pub fn follow_fragment(&self) {
        for (key, value) in browser::fragment_params() {
            match key.as_str() {
                "view" => self.view.set(View::from_key(&value)),
                "s" if !value.is_empty() && value != self.shared_payload.get_value() => {
                    self.flush();
                    self.open_link(&value);
                }
                _ => {}
            }
        }
    }

    fn open_link(&self, payload: &str) {
        match funnel_model::share::decode_link(payload) {
            Ok(Scenario { name, draft }) => {
                self.shared.set(Some(name));
                self.shared_payload.set_value(payload.to_string());
                send(self.draft, Edit::Open(Box::new(draft)));
                self.opened.update(|n| *n += 1);
            }
            Err(error) => self.notify(Notice::LinkError(error)),
        }
    }

    /// Keeps the address in step with the view and the shared scenario on screen.
    pub fn write_fragment(&self) {
        let payload = if self.shared.get_untracked().is_some() {
            self.shared_payload.get_value()
        } else {
            String::new()
        };
        browser::replace_fragment(&[("view", self.view.get_untracked().key()), ("s", &payload)]);
    }

    pub fn set_view(&self, view: View) {
        self.view.set(view);
        self.write_fragment();
    }

    pub fn notify(&self, notice: Notice) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            // one storage-full message is enough
            if notice == Notice::StorageFull && n.iter().any(|(_, x)| *x == Notice::StorageFull) {
                return;
            }
            n.push((id, notice));
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|(i, _)| *i != id));
    }
}
