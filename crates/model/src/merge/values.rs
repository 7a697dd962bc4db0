//! The three-way merge of one value of the document — a leaf, an object, a set of bits, a keyed
//! or a positional list — choosing a side only where both tabs changed a field.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::rows::{bit_path, child, is_bit_set, keyed_all, keys_of, lookup, reordered, Rows};
use super::stamps::{latest_stamp, Conflict, Side, Stamps};

/// What one merge carries along: both tabs' stamps, and the fields both changed.
pub(super) struct Cx<'a> {
    pub mine: &'a Stamps,
    pub theirs: &'a Stamps,
    pub conflicts: Vec<Conflict>,
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

/// `absent_is_empty`: for the members of an object, where a left-out member is its empty default;
/// not for list rows, whose absence is a removal of the whole row.
pub(super) fn merge_value(
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
