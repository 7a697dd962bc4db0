//! Writing the open scenario: what counts as an edit, when it is stored, and what the user is
//! told when storage refuses.

use funnel_model::merge::{self, combine_stamps, document, edited_paths, Stamps};
use funnel_model::scenario::Scenario;
use funnel_model::Edit;
use leptos::prelude::*;

use crate::library::Saved;
use crate::send::send;
use crate::storage::SaveError;
use crate::store;

use super::{now_us, Notice, Session};

impl Session {
    pub(super) fn current_id(&self) -> u32 {
        self.library.with_untracked(|l| l.current)
    }

    pub(super) fn persist(&self, id: u32) {
        let Some(saved) = self.library.with_untracked(|l| l.get(id).cloned()) else {
            return;
        };
        self.report(store::save(&saved));
    }

    pub(super) fn persist_current_choice(&self) {
        self.report(store::save_current(self.current_id()));
    }

    pub(super) fn report(&self, result: Result<(), SaveError>) {
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
    pub(super) fn open_scenario(&self) -> Scenario {
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
        if self.shared.get_untracked().is_some() {
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
    pub(super) fn show(&self, scenario: &Scenario) {
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

    /// The page is being hidden or closed: save now.
    pub fn page_hidden(&self) {
        if self.deleted_with_edits() {
            self.keep_deleted_copy();
        } else {
            self.flush();
        }
    }
}
