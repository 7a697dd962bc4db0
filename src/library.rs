//! The user's saved scenarios as plain data, and every change to the list: create, rename,
//! duplicate, delete (with undo), switch. Pure, so each rule is tested natively; `store` puts
//! the result into localStorage.

use funnel_model::draft::Draft;
use funnel_model::scenario::{Scenario, MAX_NAME_CHARS};

/// One saved scenario; `id` is its storage key suffix and never reused.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: u32,
    pub scenario: Scenario,
}

/// A deleted scenario kept for undo, with where it stood in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub saved: Saved,
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// In the order shown (creation order).
    pub entries: Vec<Saved>,
    pub current: u32,
    /// The highest id handed out, so an id freed by a delete is not reissued while its undo is
    /// still offered.
    issued: u32,
}

impl Library {
    /// A library with the one default scenario.
    pub fn starter(name: &str) -> Library {
        Library {
            entries: vec![Saved {
                id: 1,
                scenario: Scenario {
                    name: name.to_string(),
                    draft: Draft::default(),
                },
            }],
            current: 1,
            issued: 1,
        }
    }

    /// From what storage held; `current` falls back to the first entry. An empty list starts
    /// over with the default scenario. `reserved` are ids still taken in storage by entries this
    /// version cannot read (saved by a newer one): they are never handed out, so nothing
    /// overwrites them.
    pub fn from_saved(
        mut entries: Vec<Saved>,
        current: Option<u32>,
        starter_name: &str,
        reserved: &[u32],
    ) -> Library {
        let taken = reserved.iter().copied().max().unwrap_or(0);
        if entries.is_empty() {
            let mut library = Library::starter(starter_name);
            let id = taken + 1;
            library.entries[0].id = id;
            library.current = id;
            library.issued = id;
            return library;
        }
        entries.sort_by_key(|s| s.id);
        let current = current
            .filter(|c| entries.iter().any(|s| s.id == *c))
            .unwrap_or(entries[0].id);
        let issued = entries.iter().map(|s| s.id).max().unwrap_or(0).max(taken);
        Library {
            entries,
            current,
            issued,
        }
    }

    pub fn get(&self, id: u32) -> Option<&Saved> {
        self.entries.iter().find(|s| s.id == id)
    }

    pub fn current(&self) -> &Saved {
        self.get(self.current).unwrap_or(&self.entries[0])
    }

    /// `base`, or `base (2)`, `base (3)`, … — whichever no other scenario has.
    pub fn unique_name(&self, base: &str) -> String {
        let base = clean_name(base);
        let taken = |n: &str| self.entries.iter().any(|s| s.scenario.name == n);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|i| format!("{base} ({i})"))
            .find(|n| !taken(n))
            .expect("some suffix is free")
    }

    /// Adds a scenario (a new one, a copy, an import or a shared link) and opens it.
    pub fn add(&mut self, name: &str, draft: Draft) -> u32 {
        self.issued += 1;
        let id = self.issued;
        let name = self.unique_name(name);
        self.entries.push(Saved {
            id,
            scenario: Scenario { name, draft },
        });
        self.current = id;
        id
    }

    pub fn duplicate(&mut self, id: u32, copy_suffix: &str) -> Option<u32> {
        let source = self.get(id)?.scenario.clone();
        Some(self.add(&format!("{}{copy_suffix}", source.name), source.draft))
    }

    pub fn rename(&mut self, id: u32, name: &str) {
        let name = clean_name(name);
        if let Some(s) = self.entries.iter_mut().find(|s| s.id == id) {
            s.scenario.name = name;
        }
    }

    pub fn switch(&mut self, id: u32) -> bool {
        let exists = self.get(id).is_some();
        if exists {
            self.current = id;
        }
        exists
    }

    /// Removes a scenario and returns it for undo. The last one cannot be deleted (there is
    /// always a scenario open); the neighbour below (or above) opens in its place.
    pub fn delete(&mut self, id: u32) -> Option<Deleted> {
        if self.entries.len() < 2 {
            return None;
        }
        let position = self.entries.iter().position(|s| s.id == id)?;
        let saved = self.entries.remove(position);
        if self.current == id {
            self.current = self.entries[position.min(self.entries.len() - 1)].id;
        }
        Some(Deleted { saved, position })
    }

    /// Puts a deleted scenario back where it was and opens it.
    pub fn undo_delete(&mut self, deleted: Deleted) {
        if self.get(deleted.saved.id).is_some() {
            return;
        }
        let at = deleted.position.min(self.entries.len());
        self.current = deleted.saved.id;
        self.entries.insert(at, deleted.saved);
    }
}

impl Library {
    /// Another tab created or changed scenario `id`: it appears (in creation order, as on
    /// loading) or takes the new content. Its id is never handed out here again.
    pub fn upsert(&mut self, id: u32, scenario: Scenario) {
        self.issued = self.issued.max(id);
        match self.entries.iter_mut().find(|s| s.id == id) {
            Some(entry) => entry.scenario = scenario,
            None => {
                let at = self.entries.partition_point(|s| s.id < id);
                self.entries.insert(at, Saved { id, scenario });
            }
        }
    }

    /// Another tab deleted scenario `id`: it leaves the list; if it was the open one, its
    /// neighbour below (or above) opens. Returns false when it was the only one left (the
    /// caller then adds one, as there is always a scenario open).
    pub fn forget(&mut self, id: u32) -> bool {
        let Some(position) = self.entries.iter().position(|s| s.id == id) else {
            return true;
        };
        if self.entries.len() < 2 {
            return false;
        }
        self.entries.remove(position);
        if self.current == id {
            self.current = self.entries[position.min(self.entries.len() - 1)].id;
        }
        true
    }

    /// Ids up to `highest` are taken (by another tab): new scenarios get higher ones.
    pub fn reserve(&mut self, highest: u32) {
        self.issued = self.issued.max(highest);
    }
}

/// Trimmed, cut to the schema's limit; never empty.
fn clean_name(name: &str) -> String {
    let cut: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
    if cut.trim().is_empty() {
        "—".to_string()
    } else {
        cut.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_duplicate_rename_switch() {
        let mut lib = Library::starter("基本計画");
        let copy = lib.duplicate(1, "のコピー").unwrap();
        assert_eq!(lib.current, copy);
        assert_eq!(lib.current().scenario.name, "基本計画のコピー");
        let again = lib.duplicate(1, "のコピー").unwrap();
        assert_eq!(
            lib.get(again).unwrap().scenario.name,
            "基本計画のコピー (2)"
        );
        lib.rename(again, "  ウェビナー強化  ");
        assert_eq!(lib.get(again).unwrap().scenario.name, "ウェビナー強化");
        lib.rename(again, "   ");
        assert_eq!(lib.get(again).unwrap().scenario.name, "—");
        assert!(lib.switch(1));
        assert!(!lib.switch(99));
        assert_eq!(lib.current, 1);
    }

    #[test]
    fn delete_and_undo_restore_the_same_place() {
        let mut lib = Library::starter("A");
        lib.add("B", Draft::default());
        lib.add("C", Draft::default());
        lib.switch(2);
        let deleted = lib.delete(2).unwrap();
        assert_eq!(lib.current, 3, "the scenario below opens");
        assert_eq!(lib.entries.len(), 2);
        lib.undo_delete(deleted.clone());
        assert_eq!(
            lib.entries.iter().map(|s| s.id).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(lib.current, 2);
        lib.undo_delete(deleted);
        assert_eq!(lib.entries.len(), 3, "undo twice does not duplicate");
    }

    #[test]
    fn the_last_scenario_cannot_be_deleted() {
        let mut lib = Library::starter("A");
        assert!(lib.delete(1).is_none());
        let deleted = {
            lib.add("B", Draft::default());
            lib.delete(2).unwrap()
        };
        assert_eq!(deleted.position, 1);
        assert_eq!(lib.current, 1);
    }

    #[test]
    fn ids_are_never_reused_and_storage_order_is_restored() {
        let mut lib = Library::starter("A");
        lib.add("B", Draft::default());
        lib.delete(2);
        assert_eq!(
            lib.add("C", Draft::default()),
            3,
            "the deleted id 2 is not reissued"
        );
        let restored = Library::from_saved(
            lib.entries.iter().rev().cloned().collect(),
            Some(3),
            "x",
            &[],
        );
        assert_eq!(restored.entries[0].id, 1);
        assert_eq!(restored.current, 3);
        let fallback = Library::from_saved(lib.entries.clone(), Some(42), "x", &[]);
        assert_eq!(fallback.current, 1);
        assert_eq!(
            Library::from_saved(vec![], None, "最初", &[]).entries[0]
                .scenario
                .name,
            "最初"
        );
    }

    #[test]
    fn ids_of_entries_kept_for_a_newer_version_are_never_reused() {
        let mut only_newer = Library::from_saved(vec![], None, "A", &[1]);
        assert_eq!(
            only_newer.current, 2,
            "the starter does not take the kept id 1"
        );
        assert_eq!(only_newer.add("B", Draft::default()), 3);
        let mut lib = Library::from_saved(Library::starter("A").entries, Some(1), "x", &[2]);
        assert_eq!(lib.add("B", Draft::default()), 3);
    }

    #[test]
    fn other_tabs_changes_keep_creation_order_and_ids_unique() {
        let mut lib = Library::starter("A");
        lib.add("C", Draft::default());
        let scenario = |name: &str| Scenario {
            name: name.into(),
            draft: Draft::default(),
        };
        // another tab created 5, then 3 (ids it reserved), and renamed 1
        lib.upsert(5, scenario("E"));
        lib.upsert(3, scenario("D"));
        lib.upsert(1, scenario("A2"));
        let names: Vec<&str> = lib
            .entries
            .iter()
            .map(|s| s.scenario.name.as_str())
            .collect();
        assert_eq!(names, ["A2", "C", "D", "E"]);
        assert_eq!(lib.add("F", Draft::default()), 6, "5 is taken");
        lib.reserve(9);
        assert_eq!(lib.add("G", Draft::default()), 10);
        assert_eq!(lib.current, 10);
        // the open one deleted elsewhere: the neighbour above opens (it was last)
        assert!(lib.forget(10));
        assert_eq!(lib.current, 6);
        assert!(lib.forget(42), "an unknown id is nothing to do");
        for id in [1, 2, 3, 5] {
            assert!(lib.forget(id));
        }
        assert!(
            !lib.forget(6),
            "the last scenario stays until another is added"
        );
        assert_eq!(lib.entries.len(), 1);
    }
}
