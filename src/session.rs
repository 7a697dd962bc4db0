//! What the user works on — the saved scenarios, the one open, a shared one being viewed — and
//! every action on it, in one place. Components call these methods; storage is written here and
//! only here, so the guarantee "nothing typed is lost" is kept in one file.

use funnel_model::draft::Draft;
use funnel_model::scenario::{scenario_from_json, FormatError, Scenario};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::texts;
use crate::library::{Deleted, Library};
use crate::store::{self, SaveError, Unreadable};

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
    next_notice: StoredValue<u32>,
    /// False in an embed: a frame on someone else's page never writes storage.
    persist: bool,
}

impl Session {
    /// Loads what storage holds (unless `persist` is off, as in an embed) and what the address
    /// asks for.
    pub fn start(lang: Lang, persist: bool) -> Session {
        let storage_ok = !persist || crate::storage::available();
        let loaded = if persist {
            store::load()
        } else {
            store::Loaded::default()
        };
        let library = Library::from_saved(
            loaded.entries,
            loaded.current,
            texts(lang).starter_name,
            &loaded.kept_ids,
        );
        let session = Session {
            lang: RwSignal::new(lang),
            draft: RwSignal::new(library.current().scenario.draft.clone()),
            library: RwSignal::new(library),
            shared: RwSignal::new(None),
            shared_payload: StoredValue::new(String::new()),
            notices: RwSignal::new(Vec::new()),
            storage_ok: RwSignal::new(storage_ok),
            save_failed: RwSignal::new(false),
            opened: RwSignal::new(0),
            view: RwSignal::new(View::Funnel),
            next_notice: StoredValue::new(0),
            persist,
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
        if persist {
            session.write_fragment();
        }
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
                self.draft.set(draft);
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

    fn current_id(&self) -> u32 {
        self.library.with_untracked(|l| l.current)
    }

    fn persist(&self, id: u32) {
        if !self.persist {
            return;
        }
        let Some(saved) = self.library.with_untracked(|l| l.get(id).cloned()) else {
            return;
        };
        self.report(store::save(&saved));
    }

    fn persist_current_choice(&self) {
        if !self.persist {
            return;
        }
        self.report(store::save_current(self.current_id()));
    }

    fn report(&self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                if self.save_failed.get_untracked() {
                    self.save_failed.set(false);
                }
            }
            Err(SaveError::Unavailable) => self.storage_ok.set(false),
            Err(SaveError::Full) => {
                self.save_failed.set(true);
                self.notify(Notice::StorageFull);
            }
        }
    }

    /// Writes the open scenario's inputs into the library and storage (not a shared one).
    pub fn flush(&self) {
        if self.shared.get_untracked().is_some() {
            return;
        }
        let id = self.current_id();
        let draft = self.draft.get_untracked();
        let changed = self
            .library
            .with_untracked(|l| l.get(id).is_some_and(|s| s.scenario.draft != draft));
        if changed {
            self.library.update(|l| l.set_draft(id, &draft));
        }
        self.persist(id);
        self.persist_current_choice();
    }

    /// Leaves a shared scenario without saving it.
    pub fn close_shared(&self) {
        if self.shared.get_untracked().is_none() {
            return;
        }
        self.shared.set(None);
        self.draft.set(
            self.library
                .with_untracked(|l| l.current().scenario.draft.clone()),
        );
        self.opened.update(|n| *n += 1);
        self.write_fragment();
    }

    pub fn save_shared_copy(&self) {
        let Some(name) = self.shared.get_untracked() else {
            return;
        };
        let draft = self.draft.get_untracked();
        let id = self
            .library
            .try_update(|l| l.add(&name, draft))
            .unwrap_or(0);
        self.shared.set(None);
        self.persist(id);
        self.persist_current_choice();
        self.write_fragment();
    }

    fn open(&self, id: u32) {
        self.draft.set(self.library.with_untracked(|l| {
            l.get(id)
                .map(|s| s.scenario.draft.clone())
                .unwrap_or_default()
        }));
        // After the draft: the plan memo then sees a new scenario and drops the old plan.
        self.opened.update(|n| *n += 1);
        self.persist_current_choice();
    }

    pub fn switch(&self, id: u32) {
        self.close_shared();
        self.flush();
        if self.library.try_update(|l| l.switch(id)).unwrap_or(false) {
            self.open(id);
        }
    }

    pub fn create(&self) {
        self.close_shared();
        self.flush();
        let name = texts(self.lang.get_untracked()).new_scenario_name;
        let id = self
            .library
            .try_update(|l| l.add(name, Draft::for_new_scenario()))
            .unwrap_or(0);
        self.persist(id);
        self.open(id);
    }

    pub fn duplicate(&self) {
        self.close_shared();
        self.flush();
        let suffix = texts(self.lang.get_untracked()).copy_suffix;
        let current = self.current_id();
        if let Some(Some(id)) = self.library.try_update(|l| l.duplicate(current, suffix)) {
            self.persist(id);
            self.open(id);
        }
    }

    pub fn rename(&self, name: &str) {
        let id = self.current_id();
        self.library.update(|l| l.rename(id, name));
        self.persist(id);
    }

    pub fn delete(&self) {
        self.close_shared();
        self.flush();
        let id = self.current_id();
        if let Some(Some(deleted)) = self.library.try_update(|l| l.delete(id)) {
            store::remove(id);
            self.open(self.current_id());
            self.notify(Notice::Deleted(Box::new(deleted)));
        }
    }

    pub fn undo_delete(&self, notice: u32, deleted: Deleted) {
        self.close_shared();
        self.flush();
        let id = deleted.saved.id;
        self.library.update(|l| l.undo_delete(deleted));
        self.persist(id);
        self.open(id);
        self.dismiss(notice);
    }

    /// Adds the scenario in `text` (JSON) as a new one; never replaces an existing scenario.
    pub fn import(&self, text: &str) {
        match scenario_from_json(text) {
            Ok(Scenario { name, draft }) => {
                self.close_shared();
                self.flush();
                let id = self
                    .library
                    .try_update(|l| l.add(&name, draft))
                    .unwrap_or(0);
                self.persist(id);
                self.open(id);
                let name = self
                    .library
                    .with_untracked(|l| l.current().scenario.name.clone());
                self.notify(Notice::Imported(name));
            }
            Err(error) => self.notify(Notice::ImportError(error)),
        }
    }

    /// The open scenario as it would be shared or exported.
    pub fn scenario(&self) -> Scenario {
        let name = self.shared.get_untracked().unwrap_or_else(|| {
            self.library
                .with_untracked(|l| l.current().scenario.name.clone())
        });
        Scenario {
            name,
            draft: self.draft.get_untracked(),
        }
    }
}
