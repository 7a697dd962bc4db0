//! What the user works on — the saved scenarios, the one open, a shared one being viewed — and
//! every action on it, in one place. Components call these methods; storage is written here and
//! only here, so the guarantee "nothing typed is lost" is kept in one file.

use funnel_model::draft::Draft;
use funnel_model::merge::{self, combine_stamps, document, edited_paths, Stamps};
use funnel_model::scenario::{scenario_from_json, FormatError, Scenario};
use funnel_model::{Edit, Lang};
use leptos::prelude::*;
use serde_json::Value;

use crate::browser;
use crate::i18n::common::texts;
use crate::library::{Deleted, Library, Saved};
use crate::send::send;
use crate::storage::SaveError;
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
    /// False in an embed: a frame on someone else's page never writes storage.
    persist: bool,
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
        let base = persist
            .then(|| store::read(library.current).and_then(Result::ok))
            .flatten();
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

    /// The open scenario as this tab shows it (its name and its inputs as typed).
    fn open_scenario(&self) -> Scenario {
        Scenario {
            name: self
                .library
                .with_untracked(|l| l.current().scenario.name.clone()),
            draft: self.draft.get_untracked(),
        }
    }

    /// Notes which fields of the open scenario changed since the last call, and when: called on
    /// every change of the draft and on a rename. Another tab's version shown here is noted as
    /// seen before it is shown, so it never counts as this tab's edit.
    pub fn note_edits(&self) {
        if self.shared.get_untracked().is_some() || !self.persist {
            return;
        }
        let now = document(&self.open_scenario());
        let before = self.seen.get_value();
        let changed = before.map(|b| edited_paths(&b, &now)).unwrap_or_default();
        self.seen.set_value(Some(now));
        if !changed.is_empty() {
            let time = now_us();
            self.edits.update_value(|e| {
                for path in changed {
                    e.insert(path, time);
                }
            });
            if self.updated_elsewhere.get_untracked() {
                self.updated_elsewhere.set(false);
            }
        }
    }

    /// Shows `scenario` as the open one (this tab's merged or another tab's version).
    fn show(&self, scenario: &Scenario) {
        let id = self.current_id();
        self.seen.set_value(Some(document(scenario)));
        self.library.update(|l| l.upsert(id, scenario.clone()));
        if self.draft.with_untracked(|d| *d != scenario.draft) {
            send(self.draft, Edit::Open(Box::new(scenario.draft.clone())));
        }
    }

    /// Writes the open scenario into storage (not a shared one, nor one deleted elsewhere).
    ///
    /// Another tab may have saved this scenario since this tab last read it; writing this tab's
    /// whole copy would then undo that tab's edits without a word. So the latest stored version
    /// is read again and only the fields this tab changed are written over it (see
    /// `funnel_model::merge` for why a per-field merge rather than a choice).
    pub fn flush(&self) {
        if self.shared.get_untracked().is_some() || self.deleted_elsewhere.get_untracked() {
            return;
        }
        let id = self.current_id();
        if !self.persist {
            let draft = self.draft.get_untracked();
            self.library.update(|l| l.set_draft(id, &draft));
            return;
        }
        let mine = self.open_scenario();
        let stored = store::read(id);
        let base = self.base.get_value();
        let mut conflicts = 0;
        let result = match (&base, &stored) {
            (Some(base), Some(Ok(latest))) if latest != base => {
                match merge::merge(
                    base,
                    &mine,
                    latest,
                    &self.edits.get_value(),
                    &store::stamps(id),
                ) {
                    Ok(merged) => {
                        conflicts = merged.conflicts.len();
                        merged.scenario
                    }
                    Err(_) => {
                        self.keep_both(latest.clone(), mine);
                        return;
                    }
                }
            }
            // It was stored and is gone: deleted in another tab, whose message is on its way.
            (Some(_), None) if crate::storage::available() => {
                self.mark_deleted();
                return;
            }
            _ => mine.clone(),
        };
        if stored.as_ref().and_then(|s| s.as_ref().ok()) != Some(&result) {
            let now = now_us();
            store::save_stamps(
                id,
                &combine_stamps(&store::stamps(id), &self.edits.get_value()),
                now,
            );
            let saved = store::save(&Saved {
                id,
                scenario: result.clone(),
            });
            let failed = saved.is_err();
            self.report(saved);
            if failed {
                // kept in memory: switching back and forth still finds it; the base and the
                // edit stamps stay, so the next save merges again
                self.show(&result);
                return;
            }
        }
        self.base.set_value(Some(result.clone()));
        self.edits.set_value(Stamps::new());
        if result != mine
            || self
                .library
                .with_untracked(|l| l.get(id).map(|s| &s.scenario) != Some(&result))
        {
            self.show(&result);
        }
        if conflicts > 0 {
            self.notify(Notice::BothEdited(conflicts));
        }
        self.persist_current_choice();
    }

    /// Another tab changed what storage holds under `key`.
    pub fn on_storage(&self, key: Option<String>) {
        if !self.persist {
            return;
        }
        // The language and the open scenario are each tab's own; the stamps are read when needed.
        let Some(id) = key.as_deref().and_then(store::scenario_id) else {
            return;
        };
        let stored = store::read(id);
        if id != self.current_id() || self.shared.get_untracked().is_some() {
            match stored {
                Some(Ok(scenario)) => self.library.update(|l| l.upsert(id, scenario)),
                None => {
                    self.library.update(|l| {
                        l.forget(id);
                    });
                }
                Some(Err(_)) => {}
            }
            return;
        }
        match stored {
            Some(Ok(latest)) => self.take_in(latest),
            None => self.mark_deleted(),
            Some(Err(_)) => {}
        }
    }

    /// Another tab saved the open scenario: without edits here, show its version as it is;
    /// with edits, keep them on top of it, field by field, as a save would.
    fn take_in(&self, latest: Scenario) {
        let restored = self.deleted_elsewhere.get_untracked();
        if restored {
            // restored there (undo): this tab's copy is that scenario again
            self.deleted_elsewhere.set(false);
        }
        let base = self.base.get_value();
        if base.as_ref() == Some(&latest) {
            if restored {
                // what was typed here while it was gone is saved into it now
                self.flush();
            }
            return;
        }
        let mine = self.open_scenario();
        let shown = match &base {
            Some(base) if mine != *base => {
                let id = self.current_id();
                match merge::merge(
                    base,
                    &mine,
                    &latest,
                    &self.edits.get_value(),
                    &store::stamps(id),
                ) {
                    Ok(merged) => {
                        if !merged.conflicts.is_empty() {
                            self.notify(Notice::BothEdited(merged.conflicts.len()));
                        }
                        merged.scenario
                    }
                    Err(_) => {
                        self.keep_both(latest, mine);
                        return;
                    }
                }
            }
            _ => latest.clone(),
        };
        self.base.set_value(Some(latest));
        self.show(&shown);
        if shown != mine {
            self.updated_elsewhere.set(true);
        }
    }

    /// The two versions cannot be one scenario (together they break a rule, such as more than
    /// twelve stages): the stored one stays and this tab's is saved beside it, and both are said.
    fn keep_both(&self, latest: Scenario, mine: Scenario) {
        self.base.set_value(Some(latest.clone()));
        self.edits.set_value(Stamps::new());
        self.show(&latest);
        self.library.update(|l| l.reserve(store::highest_id()));
        let current = self.current_id();
        let id = self
            .library
            .try_update(|l| {
                let id = l.add(&mine.name, mine.draft);
                l.switch(current);
                id
            })
            .unwrap_or(0);
        self.persist(id);
        let name = self
            .library
            .with_untracked(|l| l.get(id).map(|s| s.scenario.name.clone()))
            .unwrap_or_default();
        self.notify(Notice::KeptBoth(name));
    }

    fn mark_deleted(&self) {
        if !self.deleted_elsewhere.get_untracked() {
            self.deleted_elsewhere.set(true);
        }
    }

    /// Whether this tab shows something not saved anywhere: edits to a scenario deleted elsewhere.
    fn deleted_with_edits(&self) -> bool {
        self.deleted_elsewhere.get_untracked()
            && self
                .base
                .with_value(|b| b.as_ref() != Some(&self.open_scenario()))
    }

    /// Saves what this tab shows of a scenario deleted in another tab as a scenario again.
    pub fn keep_deleted_copy(&self) {
        if !self.deleted_elsewhere.get_untracked() {
            return;
        }
        let mine = self.open_scenario();
        let old = self.current_id();
        self.deleted_elsewhere.set(false);
        let highest = store::highest_id();
        self.library.update(|l| {
            l.reserve(highest);
            // gone first, so the copy keeps the name rather than getting a " (2)"
            l.entries.retain(|s| s.id != old);
            l.add(&mine.name, mine.draft);
        });
        let id = self.current_id();
        self.persist(id);
        self.open(id);
    }

    /// Lets go of a scenario deleted in another tab and opens another one.
    pub fn close_deleted(&self) {
        if !self.deleted_elsewhere.get_untracked() {
            return;
        }
        let old = self.current_id();
        self.deleted_elsewhere.set(false);
        let forgotten = self.library.try_update(|l| l.forget(old)).unwrap_or(true);
        if !forgotten {
            // it was the only one: a fresh scenario takes its place
            let name = texts(self.lang.get_untracked()).new_scenario_name;
            self.library.update(|l| {
                l.reserve(store::highest_id());
                l.add(name, Draft::default());
                l.forget(old);
            });
            self.persist(self.current_id());
        }
        self.open(self.current_id());
    }

    /// Leaving a scenario deleted elsewhere by any other way than its two buttons: what this tab
    /// changed in it is kept as a copy, as nothing typed is lost; unchanged, it just goes.
    fn leave_deleted(&self) {
        if self.deleted_with_edits() {
            self.keep_deleted_copy();
        } else {
            self.close_deleted();
        }
    }

    /// `leave_deleted` before opening scenario `next` (not when that is the one shown).
    fn leave_deleted_unless(&self, next: u32) {
        if self.deleted_elsewhere.get_untracked() && next != self.current_id() {
            self.leave_deleted();
        }
    }

    /// The page is being hidden or closed: save now.
    pub fn page_hidden(&self) {
        if self.deleted_with_edits() {
            self.keep_deleted_copy();
        } else {
            self.flush();
        }
    }

    /// Leaves a shared scenario without saving it.
    pub fn close_shared(&self) {
        if self.shared.get_untracked().is_none() {
            return;
        }
        self.shared.set(None);
        self.seen.set_value(Some(
            self.library
                .with_untracked(|l| document(&l.current().scenario)),
        ));
        let own = self
            .library
            .with_untracked(|l| l.current().scenario.draft.clone());
        send(self.draft, Edit::Open(Box::new(own)));
        self.opened.update(|n| *n += 1);
        self.write_fragment();
    }

    pub fn save_shared_copy(&self) {
        let Some(name) = self.shared.get_untracked() else {
            return;
        };
        let draft = self.draft.get_untracked();
        self.reserve_ids();
        let id = self
            .library
            .try_update(|l| l.add(&name, draft))
            .unwrap_or(0);
        self.shared.set(None);
        self.persist(id);
        self.open(id);
        self.write_fragment();
    }

    fn open(&self, id: u32) {
        if self.persist {
            self.base.set_value(store::read(id).and_then(Result::ok));
        }
        self.edits.set_value(Stamps::new());
        self.seen.set_value(
            self.library
                .with_untracked(|l| l.get(id).map(|s| document(&s.scenario))),
        );
        if self.updated_elsewhere.get_untracked() {
            self.updated_elsewhere.set(false);
        }
        let opened = self.library.with_untracked(|l| {
            l.get(id)
                .map(|s| s.scenario.draft.clone())
                .unwrap_or_default()
        });
        send(self.draft, Edit::Open(Box::new(opened)));
        // After the draft: the plan memo then sees a new scenario and drops the old plan.
        self.opened.update(|n| *n += 1);
        self.persist_current_choice();
    }

    /// Ids other tabs have used are not handed out here (two tabs creating at once).
    fn reserve_ids(&self) {
        if self.persist {
            let highest = store::highest_id();
            self.library.update(|l| l.reserve(highest));
        }
    }

    pub fn switch(&self, id: u32) {
        self.close_shared();
        self.leave_deleted_unless(id);
        self.flush();
        if self.library.try_update(|l| l.switch(id)).unwrap_or(false) {
            self.open(id);
        }
    }

    pub fn create(&self) {
        self.close_shared();
        self.leave_deleted_unless(0);
        self.flush();
        self.reserve_ids();
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
        self.leave_deleted_unless(0);
        self.flush();
        self.reserve_ids();
        let suffix = texts(self.lang.get_untracked()).copy_suffix;
        let current = self.current_id();
        if let Some(Some(id)) = self.library.try_update(|l| l.duplicate(current, suffix)) {
            self.persist(id);
            self.open(id);
        }
    }

    /// A scenario still under a name the page gave it follows the page's language, so an
    /// English reader never meets 基本計画 they did not type (a shared scenario is left alone).
    pub fn follow_language(&self, lang: Lang) {
        if self.shared.with_untracked(Option::is_some) {
            return;
        }
        let given = |l: Lang| [texts(l).starter_name, texts(l).new_scenario_name];
        let name = self
            .library
            .with_untracked(|l| l.current().scenario.name.clone());
        let from = [Lang::Ja, Lang::En]
            .into_iter()
            .filter(|l| *l != lang)
            .find_map(|l| given(l).iter().position(|n| *n == name));
        if let Some(which) = from {
            self.rename(given(lang)[which]);
        }
    }

    pub fn rename(&self, name: &str) {
        let id = self.current_id();
        self.library.update(|l| l.rename(id, name));
        self.note_edits();
        self.flush();
    }

    pub fn delete(&self) {
        self.close_shared();
        if self.deleted_elsewhere.get_untracked() {
            return;
        }
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
        self.leave_deleted_unless(0);
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
                self.leave_deleted_unless(0);
                self.flush();
                self.reserve_ids();
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
