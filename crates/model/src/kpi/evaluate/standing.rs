//! How each node stands: achievement and status, and its place in the tree (its path, and
//! whether it is linked to the KGI for the SMART check).

use std::collections::HashMap;

use crate::kpi::evaluated::Status;
use crate::kpi::node::{NodeId, NodeKind};
use crate::plan::ratio;

use super::state::{Inputs, NodeState};

/// Achievement = actual ÷ target (no figure with a zero target); status from it, and a KSF
/// takes the worst status among its children.
pub(super) fn judge(inputs: &Inputs, states: &mut [NodeState]) {
    for state in states.iter_mut() {
        state.achievement = match (state.actual, state.target) {
            (Some(a), Some(t)) if t > 0.0 => ratio(a, t),
            _ => None,
        };
        state.status = Status::from_achievement(state.achievement);
    }
    for i in inputs.children_first() {
        let n = &inputs.nodes[i];
        if n.kind == NodeKind::Ksf {
            states[i].status = inputs
                .children(n.id)
                .iter()
                .map(|&c| states[c].status)
                .filter(|s| *s != Status::NoData)
                .min()
                .unwrap_or(Status::NoData);
        }
    }
}

/// Parents before children: each node's path (`1.2.1`), and whether it is linked to the KGI —
/// every step up is an operand of an arithmetic formula (KSFs pass the link through).
pub(super) fn place_in_tree(inputs: &Inputs, states: &mut [NodeState]) {
    let at_of: HashMap<NodeId, usize> = inputs
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i))
        .collect();
    let mut sibling_counter: HashMap<Option<NodeId>, usize> = HashMap::new();
    for &(i, _) in &inputs.order {
        let n = &inputs.nodes[i];
        let position = sibling_counter.entry(n.parent).or_insert(0);
        *position += 1;
        match n.parent.and_then(|p| at_of.get(&p).copied()) {
            None => {
                states[i].linked = true;
                states[i].path = "1".into();
            }
            Some(p) => {
                let parent = &inputs.nodes[p];
                states[i].linked = states[p].linked
                    && n.in_formula
                    && (parent.kind == NodeKind::Ksf || parent.formula.is_arithmetic());
                states[i].path = format!("{}.{position}", states[p].path);
            }
        }
    }
}
