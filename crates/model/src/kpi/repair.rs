//! Stored trees come back from localStorage and from links anyone can write, so a tree is
//! checked ([`validate`]) and mended ([`repair`]) on the way in: one KGI root, every other
//! node under a parent that exists, no cycles, no duplicate ids, within the size caps. Repair
//! keeps as much as it can (a lost node is re-attached to the root, not dropped) and leaves a
//! valid tree unchanged.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Deserializer};

use super::node::{Binding, Formula, KpiNode, NodeId, NodeKind, Unit};
use super::{MAX_NAME_CHARS, MAX_NODES, MAX_UNIT_CHARS, MAX_VALUE_CHARS};

/// The first thing wrong with a stored tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeError {
    TooManyNodes {
        count: usize,
    },
    DuplicateId {
        id: NodeId,
    },
    /// No node without a parent, or more than one.
    RootCount {
        count: usize,
    },
    RootNotKgi,
    KgiNotRoot {
        id: NodeId,
    },
    UnknownParent {
        id: NodeId,
    },
    /// The node's ancestors never reach the root.
    Cycle {
        id: NodeId,
    },
    /// A KSF bound to the funnel, or a bound node in the wrong unit.
    BadBinding {
        id: NodeId,
    },
    TextTooLong {
        id: NodeId,
    },
}

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TreeError::TooManyNodes { count } => {
                write!(f, "{count} nodes; a tree holds at most {MAX_NODES}")
            }
            TreeError::DuplicateId { id } => write!(f, "node id {id} is used twice"),
            TreeError::RootCount { count } => write!(f, "{count} roots; a tree has exactly one"),
            TreeError::RootNotKgi => f.write_str("the root is not the KGI"),
            TreeError::KgiNotRoot { id } => write!(f, "node {id} is a KGI but not the root"),
            TreeError::UnknownParent { id } => {
                write!(f, "node {id} has a parent that is not there")
            }
            TreeError::Cycle { id } => write!(f, "node {id} is in a cycle"),
            TreeError::BadBinding { id } => write!(f, "node {id} has a binding it cannot have"),
            TreeError::TextTooLong { id } => write!(f, "node {id} has a text over its length cap"),
        }
    }
}

impl std::error::Error for TreeError {}

fn too_long(text: &str, cap: usize) -> bool {
    text.chars().count() > cap
}

pub(crate) fn cut(text: &str, cap: usize) -> String {
    text.chars().take(cap).collect()
}

fn node_texts_ok(n: &KpiNode) -> bool {
    !(n.name
        .as_deref()
        .is_some_and(|s| too_long(s, MAX_NAME_CHARS))
        || too_long(&n.target, MAX_VALUE_CHARS)
        || too_long(&n.period, MAX_VALUE_CHARS)
        || matches!(&n.unit, Unit::Custom(u) if too_long(u, MAX_UNIT_CHARS)))
}

fn binding_ok(n: &KpiNode) -> bool {
    match n.kind {
        NodeKind::Ksf => n.binding == Binding::None && n.formula == Formula::Entered,
        _ => n.binding.unit().is_none_or(|u| u == n.unit),
    }
}

/// Whether following parents from `id` reaches the root, within `nodes.len()` steps.
fn reaches_root(parents: &HashMap<NodeId, Option<NodeId>>, id: NodeId) -> bool {
    let mut seen = HashSet::new();
    let mut at = id;
    loop {
        if !seen.insert(at) {
            return false;
        }
        match parents.get(&at) {
            Some(None) => return true,
            Some(Some(p)) => at = *p,
            None => return false,
        }
    }
}

/// Checks a stored tree. An empty list is valid: it means "the tree generated from the funnel".
pub fn validate(nodes: &[KpiNode]) -> Result<(), TreeError> {
    if nodes.is_empty() {
        return Ok(());
    }
    if nodes.len() > MAX_NODES {
        return Err(TreeError::TooManyNodes { count: nodes.len() });
    }
    let mut parents = HashMap::new();
    for n in nodes {
        if parents.insert(n.id, n.parent).is_some() {
            return Err(TreeError::DuplicateId { id: n.id });
        }
    }
    let roots = nodes.iter().filter(|n| n.parent.is_none()).count();
    if roots != 1 {
        return Err(TreeError::RootCount { count: roots });
    }
    for n in nodes {
        match (n.parent, n.kind) {
            (None, kind) if kind != NodeKind::Kgi => return Err(TreeError::RootNotKgi),
            (Some(_), NodeKind::Kgi) => return Err(TreeError::KgiNotRoot { id: n.id }),
            (Some(p), _) if !parents.contains_key(&p) => {
                return Err(TreeError::UnknownParent { id: n.id })
            }
            _ => {}
        }
        if !reaches_root(&parents, n.id) {
            return Err(TreeError::Cycle { id: n.id });
        }
        if !binding_ok(n) {
            return Err(TreeError::BadBinding { id: n.id });
        }
        if !node_texts_ok(n) {
            return Err(TreeError::TextTooLong { id: n.id });
        }
    }
    Ok(())
}

/// Mends a stored tree so [`validate`] accepts it: texts cut to their caps, later duplicates of
/// an id dropped, the first parentless node (or else the first node) made the KGI root, any
/// other node without a reachable parent re-attached to the root, a KSF's binding cleared, a
/// bound node's unit set from its binding, and past the node cap the nodes furthest from the
/// root (in depth-first order) dropped. A valid tree comes back unchanged.
pub fn repair(nodes: Vec<KpiNode>) -> Vec<KpiNode> {
    if validate(&nodes).is_ok() {
        return nodes;
    }
    let mut seen = HashSet::new();
    let mut nodes: Vec<KpiNode> = nodes.into_iter().filter(|n| seen.insert(n.id)).collect();
    if nodes.is_empty() {
        return nodes;
    }
    let root_at = nodes.iter().position(|n| n.parent.is_none()).unwrap_or(0);
    let root = nodes[root_at].id;
    for (i, n) in nodes.iter_mut().enumerate() {
        n.name = n.name.as_deref().map(|s| cut(s, MAX_NAME_CHARS));
        n.target = cut(&n.target, MAX_VALUE_CHARS);
        n.period = cut(&n.period, MAX_VALUE_CHARS);
        if let Unit::Custom(u) = &n.unit {
            n.unit = Unit::Custom(cut(u, MAX_UNIT_CHARS));
        }
        if i == root_at {
            n.parent = None;
            n.kind = NodeKind::Kgi;
        } else {
            if n.parent.is_none_or(|p| p == n.id || !seen.contains(&p)) {
                n.parent = Some(root);
            }
            if n.kind == NodeKind::Kgi {
                n.kind = NodeKind::Kpi;
            }
        }
        if n.kind == NodeKind::Ksf {
            n.binding = Binding::None;
            n.formula = Formula::Entered;
        }
        if let Some(unit) = n.binding.unit() {
            n.unit = unit;
        }
    }
    let mut parents: HashMap<NodeId, Option<NodeId>> =
        nodes.iter().map(|n| (n.id, n.parent)).collect();
    for n in nodes.iter_mut() {
        if !reaches_root(&parents, n.id) {
            n.parent = Some(root);
            parents.insert(n.id, Some(root));
        }
    }
    if nodes.len() > MAX_NODES {
        let keep: HashSet<NodeId> = depth_first(&nodes)
            .into_iter()
            .take(MAX_NODES)
            .map(|(i, _)| nodes[i].id)
            .collect();
        nodes.retain(|n| keep.contains(&n.id));
    }
    nodes
}

/// (index in `nodes`, depth) from the root, each node before its children, siblings in list
/// order. Nodes not reachable from the root are left out (there are none in a valid tree).
pub(crate) fn depth_first(nodes: &[KpiNode]) -> Vec<(usize, usize)> {
    let mut children: HashMap<NodeId, Vec<usize>> = HashMap::new();
    let mut root = None;
    for (i, n) in nodes.iter().enumerate() {
        match n.parent {
            Some(p) => children.entry(p).or_default().push(i),
            None if root.is_none() => root = Some(i),
            None => {}
        }
    }
    let mut out = Vec::with_capacity(nodes.len());
    let mut visited = HashSet::new();
    let mut stack: Vec<(usize, usize)> = root.into_iter().map(|r| (r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        if !visited.insert(i) {
            continue;
        }
        out.push((i, depth));
        if let Some(kids) = children.get(&nodes[i].id) {
            stack.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
        }
    }
    out
}

/// Deserializes a node list and repairs it, so nothing downstream meets a broken tree.
pub(crate) fn deserialize_nodes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<KpiNode>, D::Error> {
    Ok(repair(Vec::<KpiNode>::deserialize(deserializer)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: NodeId, parent: Option<NodeId>) -> KpiNode {
        let kind = if parent.is_none() {
            NodeKind::Kgi
        } else {
            NodeKind::Kpi
        };
        KpiNode::new(id, parent, kind)
    }

    #[test]
    fn a_valid_tree_is_left_alone() {
        let nodes = vec![node(1, None), node(2, Some(1)), node(3, Some(2))];
        assert_eq!(validate(&nodes), Ok(()));
        assert_eq!(repair(nodes.clone()), nodes);
    }

    #[test]
    fn cycles_and_lost_nodes_are_reattached_to_the_root() {
        let nodes = vec![
            node(1, None),
            node(2, Some(3)),
            node(3, Some(2)),
            node(4, Some(99)),
            node(5, Some(5)),
        ];
        assert_eq!(validate(&nodes), Err(TreeError::Cycle { id: 2 }));
        let fixed = repair(nodes);
        assert_eq!(validate(&fixed), Ok(()));
        assert_eq!(fixed.len(), 5);
        assert_eq!(fixed[1].parent, Some(1));
        assert_eq!(
            fixed[2].parent,
            Some(2),
            "3 stays under 2 once 2 is attached"
        );
        assert_eq!(fixed[3].parent, Some(1));
        assert_eq!(fixed[4].parent, Some(1));
    }

    #[test]
    fn duplicates_extra_roots_and_a_missing_root_are_mended() {
        let nodes = vec![node(7, Some(8)), node(8, Some(7)), node(8, None)];
        let fixed = repair(nodes);
        assert_eq!(validate(&fixed), Ok(()));
        assert_eq!(fixed[0].parent, None);
        assert_eq!(fixed[0].kind, NodeKind::Kgi);
        let two_roots = vec![node(1, None), node(2, None)];
        assert_eq!(validate(&two_roots), Err(TreeError::RootCount { count: 2 }));
        let fixed = repair(two_roots);
        assert_eq!(fixed[1].parent, Some(1));
        assert_eq!(fixed[1].kind, NodeKind::Kpi);
    }

    #[test]
    fn oversized_trees_and_texts_are_cut() {
        let mut nodes = vec![node(1, None)];
        nodes.extend((2..200).map(|i| node(i, Some(i - 1))));
        nodes[3].name = Some("x".repeat(500));
        let fixed = repair(nodes);
        assert_eq!(fixed.len(), MAX_NODES);
        assert_eq!(validate(&fixed), Ok(()));
        assert_eq!(
            fixed[3].name.as_ref().unwrap().chars().count(),
            MAX_NAME_CHARS
        );
    }
}
