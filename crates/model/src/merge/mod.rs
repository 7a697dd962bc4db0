//! Three-way merge of one scenario edited in two browser tabs at once.
//!
//! Why a per-field merge rather than "keep mine / take theirs / keep both": the two tabs are the
//! same user, usually editing different things (the target in one, a channel in the other), and
//! both edits are wanted. A choice dialog would interrupt them on every save of the other tab and
//! still force them to throw one tab's work away. So each tab remembers the stored version it last
//! loaded or saved (the base); on saving it re-reads the latest stored version and writes over it
//! only the fields it changed since its base, and on hearing of another tab's save it rebases its
//! own unsaved edits onto that version the same way. Only when both tabs changed the same field is
//! there a choice to make, and there the later edit wins (by the time each edit was typed, not the
//! time it was saved: saves are debounced, so the order of saves is not the order of edits) and
//! the page says so.
//!
//! A "field" is every leaf of the scenario's stored JSON document: each text, number and flag;
//! list elements that carry an id (stages, channels, KPI nodes, actuals, stage lead times) are
//! matched by that id, so adding, removing or editing different rows in two tabs combines; other
//! lists (seasonality weights, the lead-time distribution) are matched by position, with their
//! length as a field of its own; the order of an id list is a field too. Working on the stored
//! document rather than on `Draft` means every future field is merged without touching this file,
//! and the merged document is read back through the one `scenario_from_json`, so it is repaired
//! and validated exactly like a stored entry.

mod diff;
mod rows;
mod stamps;
mod values;

use serde_json::Value;

use crate::scenario::{scenario_from_json, FormatError, Scenario};
use crate::schema::V3;

pub use stamps::{combine_stamps, latest_stamp, Conflict, Side, Stamps};

use diff::diff;
use values::{merge_value, Cx};

#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub scenario: Scenario,
    pub conflicts: Vec<Conflict>,
}

/// The scenario as the document that is stored, which is what gets compared and merged.
pub fn document(scenario: &Scenario) -> Value {
    serde_json::to_value(V3::from(scenario)).expect("strings and numbers always serialize")
}

/// The fields that differ between two versions of a document, named as `merge` names them.
pub fn edited_paths(before: &Value, after: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff(String::new(), Some(before), Some(after), &mut out);
    out
}

/// Merges the edits of `mine` (relative to `base`) into `theirs`. Where both changed a field to
/// different values, the edit with the later stamp wins (mine on a tie or when neither has a
/// stamp: this tab is acting now). Fails only when the combination breaks a rule no single edit
/// broke (e.g. both tabs added stages up to more than twelve); the caller then keeps both versions.
pub fn merge(
    base: &Scenario,
    mine: &Scenario,
    theirs: &Scenario,
    mine_stamps: &Stamps,
    their_stamps: &Stamps,
) -> Result<Merged, FormatError> {
    let mut cx = Cx {
        mine: mine_stamps,
        theirs: their_stamps,
        conflicts: Vec::new(),
    };
    let merged = merge_value(
        "",
        Some(&document(base)),
        Some(&document(mine)),
        Some(&document(theirs)),
        false,
        &mut cx,
    )
    .ok_or(FormatError::NotDecodable)?;
    let scenario = scenario_from_json(&merged.to_string())?;
    Ok(Merged {
        scenario,
        conflicts: cx.conflicts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;

    fn scenario() -> Scenario {
        Scenario {
            name: "基本計画".into(),
            draft: Draft::default(),
        }
    }

    fn stamps(entries: &[(&str, u64)]) -> Stamps {
        entries.iter().map(|(k, t)| (k.to_string(), *t)).collect()
    }

    #[test]
    fn different_fields_from_both_tabs_are_both_kept() {
        let base = scenario();
        let mut mine = base.clone();
        mine.draft.target = "4億".into();
        let mut theirs = base.clone();
        theirs.draft.deal_size = "800万".into();
        let merged = merge(&base, &mine, &theirs, &Stamps::new(), &Stamps::new()).unwrap();
        assert_eq!(merged.scenario.draft.target, "4億");
        assert_eq!(merged.scenario.draft.deal_size, "800万");
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_keeps_the_later_edit_and_says_so() {
        let base = scenario();
        let mut mine = base.clone();
        mine.draft.target = "4億".into();
        let mut theirs = base.clone();
        theirs.draft.target = "3億".into();
        let later_theirs = merge(
            &base,
            &mine,
            &theirs,
            &stamps(&[("draft/target", 100)]),
            &stamps(&[("draft/target", 200)]),
        )
        .unwrap();
        assert_eq!(later_theirs.scenario.draft.target, "3億");
        assert_eq!(
            later_theirs.conflicts,
            [Conflict {
                path: "draft/target".into(),
                kept: Side::Theirs
            }]
        );
        let later_mine = merge(
            &base,
            &mine,
            &theirs,
            &stamps(&[("draft/target", 300)]),
            &stamps(&[("draft/target", 200)]),
        )
        .unwrap();
        assert_eq!(later_mine.scenario.draft.target, "4億");
    }

    #[test]
    fn rows_added_in_both_tabs_are_both_kept_in_place() {
        let base = scenario();
        let mut mine = base.clone();
        let a = mine.draft.add_stage_after(Some(0)).unwrap();
        mine.draft.rename_stage(a, "展示会");
        let mut theirs = base.clone();
        theirs.draft.set_rate(3, "35%");
        theirs.draft.remove_stage(2);
        let merged = merge(&base, &mine, &theirs, &Stamps::new(), &Stamps::new()).unwrap();
        let ids: Vec<u32> = merged.scenario.draft.stages.iter().map(|s| s.id).collect();
        assert_eq!(ids, [0, a, 1, 3, 4, 5]);
        assert_eq!(merged.scenario.draft.rate_text(3), "35%");
        assert_eq!(
            merged.scenario.draft.stages[1].name.as_deref(),
            Some("展示会")
        );
    }

    #[test]
    fn a_row_removed_in_one_tab_and_edited_later_in_the_other_stays() {
        let base = scenario();
        let mut mine = base.clone();
        mine.draft.remove_stage(2);
        let mut theirs = base.clone();
        theirs.draft.set_rate(2, "50%");
        let edited_later = merge(
            &base,
            &mine,
            &theirs,
            &stamps(&[("draft/stages/[id=2]", 10)]),
            &stamps(&[("draft/stages/[id=2]/rate", 20)]),
        )
        .unwrap();
        assert_eq!(edited_later.scenario.draft.rate_text(2), "50%");
        let removed_later = merge(
            &base,
            &mine,
            &theirs,
            &stamps(&[("draft/stages/[id=2]", 30)]),
            &stamps(&[("draft/stages/[id=2]/rate", 20)]),
        )
        .unwrap();
        assert!(removed_later.scenario.draft.position_of(2).is_none());
    }

    #[test]
    fn a_move_in_one_tab_and_an_edit_in_the_other_combine() {
        let base = scenario();
        let mut mine = base.clone();
        mine.draft.move_stage(2, true);
        let mut theirs = base.clone();
        theirs.draft.set_rate(2, "45%");
        let merged = merge(&base, &mine, &theirs, &Stamps::new(), &Stamps::new()).unwrap();
        let ids: Vec<u32> = merged.scenario.draft.stages.iter().map(|s| s.id).collect();
        assert_eq!(ids, [0, 2, 1, 3, 4, 5]);
        assert_eq!(merged.scenario.draft.rate_text(2), "45%");
    }

    #[test]
    fn a_combination_that_breaks_the_rules_is_refused() {
        let base = scenario();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        while mine.draft.can_add_stage() {
            mine.draft.add_stage_after(Some(0));
        }
        theirs.draft.add_stage_after(Some(4));
        // theirs' new stage has the id mine's first new one has; give it a fresh one so both
        // are distinct rows that together exceed the limit
        let last = theirs.draft.stages.iter().map(|s| s.id).max().unwrap();
        let fresh = 999;
        theirs
            .draft
            .stages
            .iter_mut()
            .find(|s| s.id == last)
            .unwrap()
            .id = fresh;
        assert_eq!(
            merge(&base, &mine, &theirs, &Stamps::new(), &Stamps::new()),
            Err(FormatError::Invalid)
        );
    }

    #[test]
    fn edited_paths_name_the_leaves_merge_compares() {
        let base = scenario();
        let mut after = base.clone();
        after.draft.target = "2億".into();
        after.draft.set_rate(1, "30%");
        after.name = "改".into();
        let paths = edited_paths(&document(&base), &document(&after));
        assert_eq!(paths, ["draft/stages/[id=1]/rate", "draft/target", "name"]);
    }

    #[test]
    fn stamps_relate_rows_to_their_fields() {
        let s = stamps(&[("draft/stages/[id=2]", 5), ("draft/target", 9)]);
        assert_eq!(latest_stamp(&s, "draft/stages/[id=2]/rate"), Some(5));
        assert_eq!(latest_stamp(&s, "draft/stages/[id=22]/rate"), None);
        assert_eq!(latest_stamp(&s, "draft/stages"), Some(5));
        assert_eq!(
            combine_stamps(&s, &stamps(&[("draft/target", 7), ("name", 1)])),
            stamps(&[("draft/stages/[id=2]", 5), ("draft/target", 9), ("name", 1)])
        );
    }

    #[test]
    fn checklist_items_ticked_in_both_tabs_are_all_kept() {
        use crate::kpi::ChecklistItem;
        let base = scenario();
        let mut mine = base.clone();
        mine.draft.kpi.checklist.set(ChecklistItem::ALL[0], true);
        let mut theirs = base.clone();
        theirs.draft.kpi.checklist.set(ChecklistItem::ALL[3], true);
        let merged = merge(&base, &mine, &theirs, &Stamps::new(), &Stamps::new()).unwrap();
        let list = merged.scenario.draft.kpi.checklist;
        assert!(list.is_done(ChecklistItem::ALL[0]) && list.is_done(ChecklistItem::ALL[3]));
        assert_eq!(list.done_count(), 2);
        assert!(merged.conflicts.is_empty());
        // one tab unticks what both had ticked while the other ticks another item
        let mut unticked = merged.scenario.clone();
        unticked
            .draft
            .kpi
            .checklist
            .set(ChecklistItem::ALL[0], false);
        let mut more = merged.scenario.clone();
        more.draft.kpi.checklist.set(ChecklistItem::ALL[5], true);
        let again = merge(
            &merged.scenario,
            &unticked,
            &more,
            &Stamps::new(),
            &Stamps::new(),
        )
        .unwrap();
        let list = again.scenario.draft.kpi.checklist;
        assert!(!list.is_done(ChecklistItem::ALL[0]));
        assert!(list.is_done(ChecklistItem::ALL[3]) && list.is_done(ChecklistItem::ALL[5]));
    }
}
