//! Field paths, and matching the rows of a stored list across versions: by id where the rows
//! carry one, by position otherwise.

use std::collections::BTreeSet;

use serde_json::Value;

pub(super) fn child(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}/{segment}")
    }
}

/// What identifies a list element across versions, if it carries an id.
pub(super) fn element_key(v: &Value) -> Option<String> {
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
pub(super) type Rows<'a> = Vec<(String, &'a Value)>;

/// The elements by key, in order, when every element has a key and no key repeats.
pub(super) fn keyed(list: &[Value]) -> Option<Rows<'_>> {
    let mut seen = BTreeSet::new();
    list.iter()
        .map(|v| {
            let key = element_key(v)?;
            seen.insert(key.clone()).then_some((key, v))
        })
        .collect()
}

pub(super) fn keyed_all<'a>(lists: &[Option<&'a Vec<Value>>]) -> Option<Vec<Option<Rows<'a>>>> {
    lists
        .iter()
        .map(|l| match l {
            Some(l) => keyed(l).map(Some),
            None => Some(None),
        })
        .collect()
}

pub(super) fn lookup<'a>(list: &Option<Rows<'a>>, key: &str) -> Option<&'a Value> {
    list.as_ref()?
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| *v)
}

pub(super) fn keys_of(list: &Option<Rows<'_>>) -> Vec<String> {
    list.as_ref()
        .map(|l| l.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default()
}

/// Whether `after` orders the keys it shares with `before` differently.
pub(super) fn reordered(before: &[String], after: &[String]) -> bool {
    let common_before: Vec<&String> = before.iter().filter(|k| after.contains(k)).collect();
    let common_after: Vec<&String> = after.iter().filter(|k| before.contains(k)).collect();
    common_before != common_after
}

/// The members stored as sets of bits.
const BIT_SETS: [&str; 2] = ["checklist", "smart"];

pub(super) fn is_bit_set(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or(path);
    BIT_SETS.contains(&last)
}

pub(super) fn bit_path(path: &str, bit: u32) -> String {
    child(path, &format!("#bit{bit}"))
}
