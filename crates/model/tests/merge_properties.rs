//! Two tabs editing one scenario: whatever they edit and in whatever order, the merge keeps, for
//! every field, the value of that field's last edit in either tab.

use funnel_model::draft::Draft;
use funnel_model::kpi::{ChecklistItem, DefinedStage, DefinitionField};
use funnel_model::merge::{
    combine_stamps, document, edited_paths, latest_stamp, merge, Side, Stamps,
};
use funnel_model::scenario::Scenario;
use proptest::prelude::*;

/// One editable field of the scenario: how a tab sets it and how a test reads it back.
struct Field {
    set: fn(&mut Scenario, &str),
    get: fn(&Scenario) -> String,
}

fn rate_of(s: &Scenario, id: u32) -> String {
    s.draft.rate_text(id)
}

fn channel_mut(s: &mut Scenario, index: usize) -> &mut funnel_model::plan::draft::ChannelDraft {
    &mut s.draft.plan.channels[index]
}

const FIELDS: &[Field] = &[
    Field {
        set: |s, v| s.name = v.into(),
        get: |s| s.name.clone(),
    },
    Field {
        set: |s, v| s.draft.target = v.into(),
        get: |s| s.draft.target.clone(),
    },
    Field {
        set: |s, v| s.draft.deal_size = v.into(),
        get: |s| s.draft.deal_size.clone(),
    },
    Field {
        set: |s, v| s.draft.entry_count = v.into(),
        get: |s| s.draft.entry_count.clone(),
    },
    Field {
        set: |s, v| s.draft.set_rate(1, v),
        get: |s| rate_of(s, 1),
    },
    Field {
        set: |s, v| s.draft.set_rate(3, v),
        get: |s| rate_of(s, 3),
    },
    Field {
        set: |s, v| s.draft.rename_stage(2, v),
        get: |s| s.draft.stages[2].name.clone().unwrap_or_default(),
    },
    Field {
        set: |s, v| s.draft.plan.average_days = v.into(),
        get: |s| s.draft.plan.average_days.clone(),
    },
    Field {
        set: |s, v| s.draft.plan.sales_cost = v.into(),
        get: |s| s.draft.plan.sales_cost.clone(),
    },
    Field {
        set: |s, v| s.draft.plan.distribution[1] = v.into(),
        get: |s| s.draft.plan.distribution[1].clone(),
    },
    Field {
        set: |s, v| channel_mut(s, 0).spend = v.into(),
        get: |s| s.draft.plan.channels[0].spend.clone(),
    },
    Field {
        set: |s, v| channel_mut(s, 1).cvr = v.into(),
        get: |s| s.draft.plan.channels[1].cvr.clone(),
    },
    Field {
        set: |s, v| {
            s.draft
                .kpi
                .definitions
                .set(DefinedStage::ALL[0], DefinitionField::ALL[0], v);
        },
        get: |s| {
            s.draft
                .kpi
                .definitions
                .get(DefinedStage::ALL[0], DefinitionField::ALL[0])
                .to_string()
        },
    },
    Field {
        set: |s, v| {
            s.draft
                .kpi
                .definitions
                .set(DefinedStage::ALL[2], DefinitionField::ALL[4], v);
        },
        get: |s| {
            s.draft
                .kpi
                .definitions
                .get(DefinedStage::ALL[2], DefinitionField::ALL[4])
                .to_string()
        },
    },
    Field {
        set: |s, v| {
            let done = s.draft.kpi.checklist.is_done(ChecklistItem::ALL[1]);
            s.draft
                .kpi
                .checklist
                .set(ChecklistItem::ALL[1], !done || v.is_empty());
        },
        get: |s| {
            if s.draft.kpi.checklist.is_done(ChecklistItem::ALL[1]) {
                "on".into()
            } else {
                "off".into()
            }
        },
    },
    Field {
        set: |s, v| {
            let done = s.draft.kpi.checklist.is_done(ChecklistItem::ALL[6]);
            s.draft
                .kpi
                .checklist
                .set(ChecklistItem::ALL[6], !done || v.is_empty());
        },
        get: |s| {
            if s.draft.kpi.checklist.is_done(ChecklistItem::ALL[6]) {
                "on".into()
            } else {
                "off".into()
            }
        },
    },
];

fn base() -> Scenario {
    Scenario {
        name: "基本計画".into(),
        draft: Draft::default(),
    }
}

/// (tab, field, value): tab true is "mine".
fn edits() -> impl Strategy<Value = Vec<(bool, usize, String)>> {
    prop::collection::vec(
        (any::<bool>(), 0..FIELDS.len(), "[1-9][0-9]{0,2}(万|%)?"),
        0..60,
    )
}

/// Applies one tab's edits, stamping each field's paths with the edit's time, as the page does.
fn apply(tab: bool, edits: &[(bool, usize, String)]) -> (Scenario, Stamps) {
    let mut s = base();
    let mut stamps = Stamps::new();
    for (time, (t, field, value)) in edits.iter().enumerate() {
        if *t != tab {
            continue;
        }
        let before = document(&s);
        (FIELDS[*field].set)(&mut s, value);
        for path in edited_paths(&before, &document(&s)) {
            stamps.insert(path, time as u64 + 1);
        }
    }
    (s, stamps)
}

/// Each field as its last edit in either tab left it. An edit that leaves the tab's value as it
/// was is no edit (a page fires no input event for it); the checklist items toggle.
fn last_edits(edits: &[(bool, usize, String)]) -> Vec<String> {
    let mut tabs = [base(), base()];
    let mut expected: Vec<String> = FIELDS.iter().map(|f| (f.get)(&base())).collect();
    for (t, field, value) in edits {
        let tab = &mut tabs[usize::from(*t)];
        let before = (FIELDS[*field].get)(tab);
        (FIELDS[*field].set)(tab, value);
        let after = (FIELDS[*field].get)(tab);
        if after != before {
            expected[*field] = after;
        }
    }
    expected
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn every_field_holds_its_last_edit_from_either_tab(edits in edits()) {
        let (mine, mine_stamps) = apply(true, &edits);
        let (theirs, their_stamps) = apply(false, &edits);
        let merged = merge(&base(), &mine, &theirs, &mine_stamps, &their_stamps).unwrap();
        let expected = last_edits(&edits);
        for (i, field) in FIELDS.iter().enumerate() {
            prop_assert_eq!(&(field.get)(&merged.scenario), &expected[i], "field {}", i);
        }
        // A field both changed to different values is reported, with the later side kept.
        for c in &merged.conflicts {
            let theirs_later =
                latest_stamp(&their_stamps, &c.path) > latest_stamp(&mine_stamps, &c.path);
            prop_assert_eq!(c.kept == Side::Theirs, theirs_later, "{}", c.path);
        }
    }

    #[test]
    fn the_same_holds_when_saves_interleave(edits in edits(), cut in 0usize..60) {
        // Tab B saves its edits up to `cut`; tab A, which edited meanwhile, rebases onto that
        // save; B goes on editing and saves again over A's rebased and saved version.
        let cut = cut.min(edits.len());
        let (b1, b1_stamps) = apply(false, &edits[..cut]);
        let (a, a_stamps) = apply(true, &edits);
        let first = merge(&base(), &a, &b1, &a_stamps, &b1_stamps).unwrap().scenario;
        let stored_stamps = combine_stamps(&b1_stamps, &a_stamps);
        let (b2, b2_stamps) = apply(false, &edits);
        let later_b: Stamps = b2_stamps
            .iter()
            .filter(|(p, t)| b1_stamps.get(*p) != Some(*t))
            .map(|(p, t)| (p.clone(), *t))
            .collect();
        let second = merge(&b1, &b2, &first, &later_b, &stored_stamps).unwrap().scenario;
        let expected = last_edits(&edits);
        for (i, field) in FIELDS.iter().enumerate() {
            prop_assert_eq!(&(field.get)(&second), &expected[i], "field {}", i);
        }
    }

    #[test]
    fn one_sided_edits_pass_through_unchanged(edits in edits()) {
        let (edited, stamps) = apply(true, &edits);
        let none = Stamps::new();
        let keeps_mine = merge(&base(), &edited, &base(), &stamps, &none).unwrap();
        prop_assert_eq!(&keeps_mine.scenario, &edited);
        prop_assert!(keeps_mine.conflicts.is_empty());
        let takes_theirs = merge(&base(), &base(), &edited, &none, &stamps).unwrap();
        prop_assert_eq!(&takes_theirs.scenario, &edited);
        let same = merge(&base(), &edited, &edited, &stamps, &stamps).unwrap();
        prop_assert_eq!(&same.scenario, &edited);
        prop_assert!(same.conflicts.is_empty());
    }

    #[test]
    fn rows_added_and_removed_in_two_tabs_combine(
        mine_ops in prop::collection::vec((any::<bool>(), 0u32..8), 0..5),
        their_ops in prop::collection::vec((any::<bool>(), 0u32..8), 0..5),
    ) {
        // true: add a stage after the one with this id; false: remove the stage with this id.
        let run = |ops: &[(bool, u32)], fresh: u32| {
            let mut s = base();
            let mut added = Vec::new();
            let mut removed = Vec::new();
            for (i, (add, id)) in ops.iter().enumerate() {
                if *add {
                    if s.draft.position_of(*id).is_some() && s.draft.can_add_stage() {
                        // ids far apart per tab, as two tabs would only collide by chance
                        let new = s.draft.add_stage_after(Some(*id)).unwrap();
                        let unique = fresh + i as u32;
                        s.draft.stages.iter_mut().find(|x| x.id == new).unwrap().id = unique;
                        added.push(unique);
                    }
                } else if s.draft.remove_stage(*id) {
                    removed.push(*id);
                }
            }
            (s, added, removed)
        };
        let (mine, mine_added, mine_removed) = run(&mine_ops, 100);
        let (theirs, their_added, their_removed) = run(&their_ops, 200);
        match merge(&base(), &mine, &theirs, &Stamps::new(), &Stamps::new()) {
            Ok(merged) => {
                let ids: Vec<u32> = merged.scenario.draft.stages.iter().map(|s| s.id).collect();
                for id in mine_added.iter().chain(&their_added) {
                    prop_assert!(ids.contains(id), "added {} kept: {:?}", id, ids);
                }
                for id in mine_removed.iter().chain(&their_removed) {
                    prop_assert!(!ids.contains(id), "removed {} gone: {:?}", id, ids);
                }
                // the stages both kept stay in the order both had them
                let kept_by_both: Vec<u32> = (0..6).filter(|id| ids.contains(id)).collect();
                let in_merged: Vec<u32> = ids.iter().copied().filter(|id| *id < 6).collect();
                prop_assert_eq!(kept_by_both, in_merged);
            }
            // only when together they exceed the stage limit (or fall under it)
            Err(_) => {
                let total = 6 + mine_added.len() + their_added.len()
                    - mine_removed.len() - their_removed.len()
                    + mine_removed.iter().filter(|id| their_removed.contains(id)).count();
                prop_assert!(!(2..=12).contains(&total), "total {}", total);
            }
        }
    }
}
