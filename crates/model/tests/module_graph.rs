//! The model's modules depend one way: no module reaches, through `crate::…` or `super::…`
//! paths, a module that reaches back to it. A cycle makes a module impossible to read without
//! the one it depends on, which is what the layout is for.
//!
//! Read from the source text: each file is a module (`a/mod.rs` is `a`), each path is resolved
//! to the longest module it names, and a module's own unit tests (from `#[cfg(test)]` on) and
//! comments are left out. A parent's `mod` and `pub use` of its children are the facade, not a
//! dependency, so paths without `crate` or `super` are not followed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn modules(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            modules(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            out.insert(parts.join("::"), fs::read_to_string(&path).unwrap());
        }
    }
}

/// The source without comments and without the unit tests at its end.
fn code(source: &str) -> String {
    let end = source.find("\n#[cfg(test)]").unwrap_or(source.len());
    source[..end]
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path starting with `crate` or `super`, each item of a `{…}` group as its own path.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let at_word = i == 0 || !is_ident(chars[i - 1]) && chars[i - 1] != ':';
        let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
        if !(at_word && (rest.starts_with("crate::") || rest.starts_with("super::"))) {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        loop {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            segments.push(chars[start..i].iter().collect::<String>());
            if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
                i += 2;
                if chars.get(i) == Some(&'{') {
                    let close = chars[i..]
                        .iter()
                        .position(|c| *c == '}')
                        .map_or(chars.len(), |p| i + p);
                    let group: String = chars[i + 1..close].iter().collect();
                    for item in group.split(',') {
                        let first: String =
                            item.trim().chars().take_while(|c| is_ident(*c)).collect();
                        if !first.is_empty() && first != "self" {
                            let mut p = segments.clone();
                            p.push(first);
                            out.push(p);
                        }
                    }
                    i = close;
                    break;
                }
            } else {
                break;
            }
        }
        out.push(segments);
    }
    out
}

/// The module `path`, written in module `from`, names (the longest one that exists).
fn resolve(from: &str, path: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    let mut base: Vec<&str> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").collect()
    };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => base.clear(),
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            let mut p: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            p.extend(rest.iter().cloned());
            return longest(&p, known);
        }
        _ => return None,
    }
    rest = &rest[1..];
    let mut p: Vec<String> = base.iter().map(|s| s.to_string()).collect();
    p.extend(rest.iter().cloned());
    longest(&p, known)
}

fn longest(path: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains_key(m))
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = BTreeMap::new();
    modules(&root, &root, &mut known);
    known
        .iter()
        .map(|(module, source)| {
            let deps = paths(&code(source))
                .iter()
                .filter_map(|p| resolve(module, p, &known))
                // A module's path to itself or to one of its ancestors' facades is not an edge.
                .filter(|d| !d.is_empty() && d != module && !module.starts_with(&format!("{d}::")))
                .collect();
            (module.clone(), deps)
        })
        .collect()
}

/// A cycle through `start`, if there is one: the modules in order, `start` first and last.
fn cycle_from(graph: &Graph, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, trail)) = stack.pop() {
        for next in graph.get(&at).into_iter().flatten() {
            if next == start {
                let mut c = trail.clone();
                c.push(start.to_string());
                return Some(c);
            }
            if seen.insert(next.clone()) {
                let mut t = trail.clone();
                t.push(next.clone());
                stack.push((next.clone(), t));
            }
        }
    }
    None
}

#[test]
fn the_model_has_no_import_cycle() {
    let graph = graph();
    assert!(graph.len() > 50, "the model's modules are found");
    assert!(
        graph["merge"].contains("scenario"),
        "paths are read: merge reads scenarios"
    );
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_is_found() {
    let mut graph = Graph::new();
    graph.insert("a".into(), ["b".to_string()].into());
    graph.insert("b".into(), ["c".to_string()].into());
    graph.insert("c".into(), ["a".to_string()].into());
    graph.insert("d".into(), ["a".to_string()].into());
    assert_eq!(cycle_from(&graph, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(cycle_from(&graph, "d"), None);
    let known: BTreeMap<String, String> = ["", "plan", "plan::draft", "plan::draft::time"]
        .iter()
        .map(|m| (m.to_string(), String::new()))
        .collect();
    let p = paths("use super::fields::{PlanErrors, PlanField};\nuse crate::plan::PlanInputError;");
    assert_eq!(
        resolve("plan::draft::time", &p[0], &known).as_deref(),
        Some("plan::draft")
    );
    assert_eq!(
        resolve("plan::draft::time", &p[3], &known).as_deref(),
        Some("plan")
    );
}
