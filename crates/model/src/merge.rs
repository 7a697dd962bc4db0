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

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::scenario::{scenario_from_json, FormatError, Scenario};
use crate::schema::V3;

/// When each field was last edited (microseconds since the epoch), by field path.
pub type Stamps = BTreeMap<String, u64>;

/// Which tab's value a field in both tabs' edits kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// A field both tabs changed to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: String,
    pub kept: Side,
}

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

/// The later of two stamps' edits of the field at `path`, by its own stamp or that of a field
/// containing it or contained in it (a removed row is stamped as a whole, its edits field by
/// field).
pub fn latest_stamp(stamps: &Stamps, path: &str) -> Option<u64> {
    stamps
        .iter()
        .filter(|(k, _)| related(k, path))
        .map(|(_, t)| *t)
        .max()
}

fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short || short.is_empty() || long.starts_with(&format!("{short}/"))
}

/// Stamps of both: for each field the later one.
pub fn combine_stamps(a: &Stamps, b: &Stamps) -> Stamps {
    let mut out = a.clone();
    for (k, t) in b {
        let e = out.entry(k.clone()).or_insert(*t);
        *e = (*e).max(*t);
    }
    out
}

struct Cx<'a> {
    mine: &'a Stamps,
    theirs: &'a Stamps,
    conflicts: Vec<Conflict>,
}

impl Cx<'_> {
    /// Mine and theirs hold different values of the field at `path`: which one stays. The later
    /// edit when both tabs edited it (by their stamps: a field edited and then edited back to the
    /// base value was still edited); otherwise the side that changed it.
    fn choose(&mut self, path: &str, mine_changed: bool, theirs_changed: bool) -> Side {
        let mine = latest_stamp(self.mine, path);
        let theirs = latest_stamp(self.theirs, path);
        let kept = match (mine, theirs) {
            (None, _) if !mine_changed => Side::Theirs,
            (Some(m), Some(t)) if t > m => Side::Theirs,
            _ => Side::Mine,
        };
        if mine_changed && theirs_changed {
            self.conflicts.push(Conflict {
                path: path.to_string(),
                kept,
            });
        }
        kept
    }
}

fn child(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}/{segment}")
    }
}

/// What identifies a list element across versions, if it carries an id.
fn element_key(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => {
            if let Some(id) = o.get("id").and_then(Value::as_u64) {
                Some(format!("[id={id}]"))
            } else {
                let node = o.get("node").and_then(Value::as_u64)?;
                let month = o.get("month").and_then(Value::as_u64);
                Some(match month {
                    Some(m) => format!("[node={node},month={m}]"),
                    None => format!("[node={node}]"),
                })
            }
        }
        // (stage id, text) pairs
        Value::Array(pair) if pair.len() == 2 => pair[0].as_u64().map(|id| format!("[{id}]")),
        _ => None,
    }
}

/// A list's elements with their keys, in order.
type Rows<'a> = Vec<(String, &'a Value)>;

/// The elements by key, in order, when every element has a key and no key repeats.
fn keyed(list: &[Value]) -> Option<Rows<'_>> {
    let mut seen = BTreeSet::new();
    list.iter()
        .map(|v| {
            let key = element_key(v)?;
            seen.insert(key.clone()).then_some((key, v))
        })
        .collect()
}

fn keyed_all<'a>(lists: &[Option<&'a Vec<Value>>]) -> Option<Vec<Option<Rows<'a>>>> {
    lists
        .iter()
        .map(|l| match l {
            Some(l) => keyed(l).map(Some),
            None => Some(None),
        })
        .collect()
}

fn lookup<'a>(list: &Option<Rows<'a>>, key: &str) -> Option<&'a Value> {
    list.as_ref()?
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| *v)
}

fn keys_of(list: &Option<Rows<'_>>) -> Vec<String> {
    list.as_ref()
        .map(|l| l.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default()
}

/// Whether `after` orders the keys it shares with `before` differently.
fn reordered(before: &[String], after: &[String]) -> bool {
    let common_before: Vec<&String> = before.iter().filter(|k| after.contains(k)).collect();
    let common_after: Vec<&String> = after.iter().filter(|k| before.contains(k)).collect();
    common_before != common_after
}

fn diff(path: String, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<String>) {
    if old == new {
        return;
    }
    if is_bit_set(&path) {
        let bits = |v: Option<&Value>| v.map_or(Some(0), Value::as_u64);
        if let (Some(a), Some(b)) = (bits(old), bits(new)) {
            for i in 0..u64::BITS {
                if (a ^ b) & (1 << i) != 0 {
                    out.push(bit_path(&path, i));
                }
            }
            return;
        }
    }
    // A container that appears or disappears is stamped leaf by leaf, as `merge` compares it:
    // a whole-object stamp would also date the other tab's edits of its other fields.
    let empty_object = Value::Object(Map::new());
    let empty_list = Value::Array(Vec::new());
    let (old, new) = match (old, new) {
        (None, Some(Value::Object(_))) => (Some(&empty_object), new),
        (Some(Value::Object(_)), None) => (old, Some(&empty_object)),
        (None, Some(Value::Array(_))) => (Some(&empty_list), new),
        (Some(Value::Array(_)), None) => (old, Some(&empty_list)),
        other => other,
    };
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                diff(child(&path, k), a.get(k), b.get(k), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            if let (Some(ka), Some(kb)) = (keyed(a), keyed(b)) {
                let ka = Some(ka);
                let kb = Some(kb);
                let (order_a, order_b) = (keys_of(&ka), keys_of(&kb));
                if reordered(&order_a, &order_b) {
                    out.push(child(&path, "#order"));
                }
                let all: BTreeSet<&String> = order_a.iter().chain(order_b.iter()).collect();
                for k in all {
                    diff(child(&path, k), lookup(&ka, k), lookup(&kb, k), out);
                }
            } else {
                if a.len() != b.len() {
                    out.push(child(&path, "#len"));
                }
                for i in 0..a.len().max(b.len()) {
                    diff(child(&path, &i.to_string()), a.get(i), b.get(i), out);
                }
            }
        }
        _ => out.push(path),
    }
}

/// `absent_is_empty`: for the members of an object, where a left-out member is its empty default;
/// not for list rows, whose absence is a removal of the whole row.
fn merge_value(
    path: &str,
    b: Option<&Value>,
    m: Option<&Value>,
    t: Option<&Value>,
    absent_is_empty: bool,
    cx: &mut Cx,
) -> Option<Value> {
    if m == t {
        return m.cloned();
    }
    if absent_is_empty {
        // A member left out of the stored JSON is its empty default (the KPI part of a
        // scenario that never opened the tree): compare what is inside, as `diff` stamps it.
        let empty = |v: Option<&Value>| match v {
            Some(Value::Object(_)) => Some(Value::Object(Map::new())),
            Some(Value::Array(_)) => Some(Value::Array(Vec::new())),
            _ => None,
        };
        let filler = empty(m).or_else(|| empty(t)).or_else(|| empty(b));
        if let Some(filler) = filler.filter(|_| b.is_none() || m.is_none() || t.is_none()) {
            let fill = |v: Option<&'_ Value>| v.cloned().or_else(|| Some(filler.clone()));
            let (bf, mf, tf) = (fill(b), fill(m), fill(t));
            let merged = merge_value(path, bf.as_ref(), mf.as_ref(), tf.as_ref(), false, cx)?;
            return (merged != filler || (m.is_some() && t.is_some())).then_some(merged);
        }
    }
    // No shortcut on `m == b`: a field edited and edited back is still the later edit, so the
    // stamps below each leaf are consulted.
    if is_bit_set(path) {
        if let Some(bits) = merge_bit_set(path, b, m, t, cx) {
            return Some(bits);
        }
    }
    match (b, m, t) {
        (None | Some(Value::Object(_)), Some(Value::Object(mo)), Some(Value::Object(to))) => {
            let bo = match b {
                Some(Value::Object(o)) => Some(o),
                _ => None,
            };
            Some(Value::Object(merge_objects(path, bo, mo, to, cx)))
        }
        (None | Some(Value::Array(_)), Some(Value::Array(ml)), Some(Value::Array(tl))) => {
            let bl = match b {
                Some(Value::Array(l)) => Some(l),
                _ => None,
            };
            Some(Value::Array(match keyed_all(&[bl, Some(ml), Some(tl)]) {
                Some(lists) => merge_keyed(path, &lists, cx),
                None => merge_positional(path, bl, ml, tl, cx),
            }))
        }
        _ => match cx.choose(path, m != b, t != b) {
            Side::Mine => m.cloned(),
            Side::Theirs => t.cloned(),
        },
    }
}

/// The checklist and a KPI's SMART answers are each stored as one number of bits, one per item,
/// but each item is a field: an item ticked in one tab and another in the other tab are both kept.
fn merge_bit_set(
    path: &str,
    b: Option<&Value>,
    m: Option<&Value>,
    t: Option<&Value>,
    cx: &mut Cx,
) -> Option<Value> {
    let bits = |v: Option<&Value>| v.map_or(Some(0), Value::as_u64);
    let (b, m, t) = (bits(b)?, bits(m)?, bits(t)?);
    let mut merged = 0;
    for i in 0..u64::BITS {
        let bit = 1u64 << i;
        let kept = if m & bit == t & bit {
            m & bit
        } else {
            match cx.choose(&bit_path(path, i), m & bit != b & bit, t & bit != b & bit) {
                Side::Mine => m & bit,
                Side::Theirs => t & bit,
            }
        };
        merged |= kept;
    }
    Some(Value::from(merged))
}

/// The members stored as sets of bits.
const BIT_SETS: [&str; 2] = ["checklist", "smart"];

fn is_bit_set(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or(path);
    BIT_SETS.contains(&last)
}

fn bit_path(path: &str, bit: u32) -> String {
    child(path, &format!("#bit{bit}"))
}

fn merge_objects(
    path: &str,
    b: Option<&Map<String, Value>>,
    m: &Map<String, Value>,
    t: &Map<String, Value>,
    cx: &mut Cx,
) -> Map<String, Value> {
    let keys: BTreeSet<&String> = m
        .keys()
        .chain(t.keys())
        .chain(b.into_iter().flat_map(|o| o.keys()))
        .collect();
    let mut out = Map::new();
    for k in keys {
        let merged = merge_value(
            &child(path, k),
            b.and_then(|o| o.get(k)),
            m.get(k),
            t.get(k),
            true,
            cx,
        );
        if let Some(v) = merged {
            out.insert(k.clone(), v);
        }
    }
    out
}

fn merge_keyed(path: &str, lists: &[Option<Rows<'_>>], cx: &mut Cx) -> Vec<Value> {
    let (bl, ml, tl) = (&lists[0], &lists[1], &lists[2]);
    let (bk, mk, tk) = (keys_of(bl), keys_of(ml), keys_of(tl));
    let all: BTreeSet<&String> = bk.iter().chain(mk.iter()).chain(tk.iter()).collect();
    let mut merged: BTreeMap<String, Value> = BTreeMap::new();
    for k in all {
        let v = merge_value(
            &child(path, k),
            lookup(bl, k),
            lookup(ml, k),
            lookup(tl, k),
            false,
            cx,
        );
        if let Some(v) = v {
            merged.insert(k.clone(), v);
        }
    }
    // The order: that of the side that reordered (both: the later), then the other side's rows
    // each placed after the row it followed there.
    let (mine_moved, theirs_moved) = (reordered(&bk, &mk), reordered(&bk, &tk));
    let mine_first = (mine_moved || theirs_moved)
        && reordered(&mk, &tk)
        && cx.choose(&child(path, "#order"), mine_moved, theirs_moved) == Side::Mine;
    let (first, second) = if mine_first { (&mk, &tk) } else { (&tk, &mk) };
    let mut order: Vec<&String> = first.iter().filter(|k| merged.contains_key(*k)).collect();
    for (i, k) in second.iter().enumerate() {
        if !merged.contains_key(k) || order.contains(&k) {
            continue;
        }
        let at = second[..i]
            .iter()
            .rev()
            .find_map(|p| order.iter().position(|o| *o == p))
            .map_or(0, |p| p + 1);
        order.insert(at, k);
    }
    order
        .into_iter()
        .filter_map(|k| merged.get(k).cloned())
        .collect()
}

fn merge_positional(
    path: &str,
    b: Option<&Vec<Value>>,
    m: &[Value],
    t: &[Value],
    cx: &mut Cx,
) -> Vec<Value> {
    let bl = b.map(Vec::len);
    let len = if m.len() == t.len() {
        m.len()
    } else {
        let by_mine = Some(m.len()) != bl;
        let by_theirs = Some(t.len()) != bl;
        match cx.choose(&child(path, "#len"), by_mine, by_theirs) {
            Side::Mine => m.len(),
            Side::Theirs => t.len(),
        }
    };
    (0..len)
        .map(|i| {
            let bi = b.and_then(|l| l.get(i));
            merge_value(
                &child(path, &i.to_string()),
                bi,
                m.get(i),
                t.get(i),
                false,
                cx,
            )
            .or_else(|| m.get(i).or(t.get(i)).or(bi).cloned())
            .unwrap_or(Value::Null)
        })
        .collect()
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
