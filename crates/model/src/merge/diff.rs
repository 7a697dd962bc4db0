//! The fields that differ between two versions of a document.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::rows::{bit_path, child, is_bit_set, keyed, keys_of, lookup, reordered};

pub(super) fn diff(path: String, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<String>) {
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
