//! The scenario actions: open, switch, create, duplicate, rename, delete and undo, import, and
//! keeping or closing a shared one.

use funnel_model::draft::Draft;
use funnel_model::merge::{document, Stamps};
use funnel_model::scenario::{scenario_from_json, Scenario};
use funnel_model::{Edit, Lang};
use leptos::prelude::*;

use crate::i18n::common::texts;
use crate::library::Deleted;
use crate::send::send;
use crate::store;

use super::{Notice, Session};

impl Session {
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

    pub(super) fn open(&self, id: u32) {
        self.base.set_value(store::read(id).and_then(Result::ok));
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
    pub(super) fn reserve_ids(&self) {
        let highest = store::highest_id();
        self.library.update(|l| l.reserve(highest));
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
