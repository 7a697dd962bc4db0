//! Another tab saved or deleted the open scenario: taking its version in, keeping both when
//! both changed, and keeping or closing a scenario deleted elsewhere.

use funnel_model::draft::Draft;
use funnel_model::merge::{self, Stamps};
use funnel_model::scenario::Scenario;
use leptos::prelude::*;

use crate::i18n::common::texts;
use crate::store;

use super::{Notice, Session};

impl Session {
    /// Another tab changed what storage holds under `key`.
    pub fn on_storage(&self, key: Option<String>) {
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
    pub(super) fn take_in(&self, latest: Scenario) {
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
    pub(super) fn keep_both(&self, latest: Scenario, mine: Scenario) {
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

    pub(super) fn mark_deleted(&self) {
        if !self.deleted_elsewhere.get_untracked() {
            self.deleted_elsewhere.set(true);
        }
    }

    /// Whether this tab shows something not saved anywhere: edits to a scenario deleted elsewhere.
    pub(super) fn deleted_with_edits(&self) -> bool {
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
    pub(super) fn leave_deleted(&self) {
        if self.deleted_with_edits() {
            self.keep_deleted_copy();
        } else {
            self.close_deleted();
        }
    }

    /// `leave_deleted` before opening scenario `next` (not when that is the one shown).
    pub(super) fn leave_deleted_unless(&self, next: u32) {
        if self.deleted_elsewhere.get_untracked() && next != self.current_id() {
            self.leave_deleted();
        }
    }
}
