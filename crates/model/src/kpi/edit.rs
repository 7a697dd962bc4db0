//! Every change the page makes to the KPI tree, as one enum applied in one place. An edit that
//! makes no sense (removing the root, moving a node under its own child) is refused; an edit
//! that only makes the arithmetic disagree is allowed and flagged by evaluation instead.

use std::collections::HashSet;

use super::generate::FIRST_USER_ID;
use super::node::{Department, Direction, Formula, KpiNode, NodeId, NodeKind, Unit};
use super::repair::cut;
use super::smart::SmartItem;
use super::{MAX_NAME_CHARS, MAX_NODES, MAX_UNIT_CHARS, MAX_VALUE_CHARS};

/// One change to the tree. Collapsing a branch is the page's business and is not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KpiEdit {
    /// Adds a KPI as the last child of `parent`.
    AddKpi {
        parent: NodeId,
    },
    /// Adds a KSF (a qualitative success factor that groups KPIs) as the last child of `parent`.
    AddKsf {
        parent: NodeId,
    },
    /// Removes a node and everything under it; never the root.
    Remove {
        node: NodeId,
    },
    Rename {
        node: NodeId,
        name: String,
    },
    /// Makes `node` (with its subtree) the last child of `parent`; refused for the root, for a
    /// parent inside the subtree, and for the parent it already has.
    Move {
        node: NodeId,
        parent: NodeId,
    },
    /// Swaps a node with its previous (`up`) or next sibling; order matters for a ratio.
    Shift {
        node: NodeId,
        up: bool,
    },
    /// Refused on bound nodes (their unit follows the funnel) and on KSFs.
    SetUnit {
        node: NodeId,
        unit: Unit,
    },
    /// Refused on KSFs.
    SetFormula {
        node: NodeId,
        formula: Formula,
    },
    /// The plan figure as typed. Refused on bound nodes (their figure is the funnel's) and KSFs.
    SetTarget {
        node: NodeId,
        text: String,
    },
    SetOwner {
        node: NodeId,
        owner: Option<Department>,
    },
    SetPeriod {
        node: NodeId,
        text: String,
    },
    SetControllable {
        node: NodeId,
        controllable: bool,
    },
    SetDirection {
        node: NodeId,
        direction: Direction,
    },
    /// Whether the node is an operand of its parent's formula; refused on the root.
    SetInFormula {
        node: NodeId,
        in_formula: bool,
    },
    SetSmart {
        node: NodeId,
        item: SmartItem,
        answer: bool,
    },
    /// The actual as typed, for the period (`month: None`) or one month of it (0-based index,
    /// 0–11). Does not freeze a generated tree.
    SetActual {
        node: NodeId,
        month: Option<u8>,
        text: String,
    },
    /// The period every node without its own is measured over.
    SetTreePeriod {
        text: String,
    },
    /// Back to the tree generated from the funnel; actuals of nodes it still has are kept.
    ResetTree,
}

fn position(nodes: &[KpiNode], id: NodeId) -> Option<usize> {
    nodes.iter().position(|n| n.id == id)
}

/// `id` and every node under it.
pub(crate) fn subtree(nodes: &[KpiNode], id: NodeId) -> HashSet<NodeId> {
    let mut set = HashSet::from([id]);
    loop {
        let before = set.len();
        for n in nodes {
            if n.parent.is_some_and(|p| set.contains(&p)) {
                set.insert(n.id);
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

fn next_id(nodes: &[KpiNode]) -> NodeId {
    nodes
        .iter()
        .map(|n| n.id.saturating_add(1))
        .max()
        .unwrap_or(0)
        .max(FIRST_USER_ID)
}

/// The nearest ancestor-or-self that is not a KSF: KSFs are transparent in formulas, so this is
/// the node whose formula a new child would enter.
fn formula_owner(nodes: &[KpiNode], mut at: usize) -> usize {
    for _ in 0..nodes.len() {
        if nodes[at].kind != NodeKind::Ksf {
            break;
        }
        match nodes[at].parent.and_then(|p| position(nodes, p)) {
            Some(p) => at = p,
            None => break,
        }
    }
    at
}

fn add(nodes: &mut Vec<KpiNode>, parent: NodeId, kind: NodeKind) -> Option<NodeId> {
    let p = position(nodes, parent)?;
    if nodes.len() >= MAX_NODES {
        return None;
    }
    let id = next_id(nodes);
    let mut node = KpiNode::new(id, Some(parent), kind);
    let owner = &nodes[formula_owner(nodes, p)];
    // A child added under a node already computed from its children starts outside the
    // formula, so an explanatory KPI never breaks arithmetic that held; KSFs are transparent
    // and always "in".
    node.in_formula = kind == NodeKind::Ksf || !owner.formula.is_arithmetic();
    if kind == NodeKind::Kpi && nodes[p].kind != NodeKind::Kgi {
        node.owner = nodes[p].owner;
        node.direction = nodes[p].direction;
    }
    nodes.push(node);
    Some(id)
}

/// Applies a structural or per-node edit to `nodes`; `None` when refused. The caller decides
/// whether anything changed.
pub(crate) fn edit_nodes(nodes: &mut Vec<KpiNode>, edit: &KpiEdit) -> Option<NodeId> {
    use KpiEdit::*;
    match edit {
        AddKpi { parent } => add(nodes, *parent, NodeKind::Kpi),
        AddKsf { parent } => add(nodes, *parent, NodeKind::Ksf),
        Remove { node } => {
            let at = position(nodes, *node)?;
            nodes[at].parent?;
            let gone = subtree(nodes, *node);
            nodes.retain(|n| !gone.contains(&n.id));
            Some(*node)
        }
        Move { node, parent } => {
            let at = position(nodes, *node)?;
            position(nodes, *parent)?;
            let current = nodes[at].parent?;
            if current == *parent || subtree(nodes, *node).contains(parent) {
                return None;
            }
            let mut moved = nodes.remove(at);
            moved.parent = Some(*parent);
            nodes.push(moved);
            Some(*node)
        }
        Shift { node, up } => {
            let at = position(nodes, *node)?;
            let parent = nodes[at].parent?;
            let siblings: Vec<usize> = (0..nodes.len())
                .filter(|&i| nodes[i].parent == Some(parent))
                .collect();
            let k = siblings.iter().position(|&i| i == at)?;
            let other = if *up { k.checked_sub(1)? } else { k + 1 };
            nodes.swap(at, *siblings.get(other)?);
            Some(*node)
        }
        _ => edit_fields(nodes, edit),
    }
}

/// The edits that change one node's fields.
fn edit_fields(nodes: &mut [KpiNode], edit: &KpiEdit) -> Option<NodeId> {
    use KpiEdit::*;
    let id = match edit {
        Rename { node, .. }
        | SetUnit { node, .. }
        | SetFormula { node, .. }
        | SetTarget { node, .. }
        | SetOwner { node, .. }
        | SetPeriod { node, .. }
        | SetControllable { node, .. }
        | SetDirection { node, .. }
        | SetInFormula { node, .. }
        | SetSmart { node, .. } => *node,
        _ => return None,
    };
    let n = nodes.iter_mut().find(|n| n.id == id)?;
    let numeric = n.kind != NodeKind::Ksf;
    let free = numeric && !n.binding.is_bound();
    match edit {
        Rename { name, .. } => n.name = Some(cut(name, MAX_NAME_CHARS)),
        SetUnit { unit, .. } if free => {
            n.unit = match unit {
                Unit::Custom(u) => Unit::Custom(cut(u, MAX_UNIT_CHARS)),
                other => other.clone(),
            }
        }
        SetFormula { formula, .. } if numeric => n.formula = *formula,
        SetTarget { text, .. } if free => n.target = cut(text, MAX_VALUE_CHARS),
        SetOwner { owner, .. } => n.owner = *owner,
        SetPeriod { text, .. } => n.period = cut(text, MAX_VALUE_CHARS),
        SetControllable { controllable, .. } => n.controllable = *controllable,
        SetDirection { direction, .. } => n.direction = *direction,
        SetInFormula { in_formula, .. } if n.parent.is_some() => n.in_formula = *in_formula,
        SetSmart { item, answer, .. } => n.smart.set(*item, *answer),
        _ => return None,
    }
    Some(id)
}
