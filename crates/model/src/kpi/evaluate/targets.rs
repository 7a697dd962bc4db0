//! The plan side: what each node is called, its own plan figure (the funnel's for a bound node,
//! the typed one otherwise), and what its operands compute.

use crate::kpi::evaluated::{named_stage, TargetSource};
use crate::kpi::label::Label;
use crate::kpi::node::{Binding, Formula, KpiNode, NodeId, NodeKind, Unit};
use crate::kpi::value::parse_value;
use crate::plan::ratio;

use super::state::{Inputs, NodeState};

/// Names every node, sets the plan figure it has of its own and lists its operands.
pub(super) fn resolve_inputs(inputs: &Inputs) -> Vec<NodeState> {
    inputs
        .nodes
        .iter()
        .map(|n| {
            let mut operands = Vec::new();
            if n.kind != NodeKind::Ksf && n.formula.is_arithmetic() {
                collect_operands(inputs, n.id, &mut operands, 0);
            }
            let mut state = NodeState::new(label(inputs, n), operands);
            if n.kind != NodeKind::Ksf {
                own_target(inputs, n, &mut state);
            }
            state
        })
        .collect()
}

fn label(inputs: &Inputs, n: &KpiNode) -> Label {
    let draft = inputs.draft;
    match (&n.name, n.binding) {
        (Some(name), _) if !name.trim().is_empty() => Label::Own(name.trim().to_string()),
        (_, Binding::Revenue) => Label::Revenue,
        (_, Binding::DealSize) => Label::DealSize,
        (_, Binding::StageCount(s)) => match inputs.stage(s) {
            Some(at) => Label::Stage(named_stage(draft, at)),
            None => Label::Lost,
        },
        (_, Binding::StageRate(s)) => match inputs.stage(s) {
            Some(at) if at < inputs.last_stage() => {
                Label::Rate(named_stage(draft, at), named_stage(draft, at + 1))
            }
            _ => Label::Lost,
        },
        (_, Binding::ChannelLeads(c)) => match inputs.channels.get(usize::from(c)) {
            Some(ch) => Label::Channel(ch.name.clone()),
            None => Label::Lost,
        },
        (_, Binding::None) => Label::Unnamed(n.kind),
    }
}

/// What a binding gives a node.
enum Bound {
    /// Not bound: the typed target counts.
    Unbound,
    /// Bound to a stage or channel the funnel no longer has.
    Lost,
    /// The funnel's (shown, exact) figure, or `None` while the funnel has no valid plan.
    Plan(Option<(f64, f64)>),
}

fn bound(inputs: &Inputs, binding: Binding) -> Bound {
    let figures = inputs.figures.as_ref();
    match binding {
        Binding::None => Bound::Unbound,
        Binding::Revenue => Bound::Plan(figures.map(|f| (f.target, f.target))),
        Binding::DealSize => Bound::Plan(figures.map(|f| (f.deal, f.deal))),
        Binding::StageCount(s) => match inputs.stage(s) {
            Some(at) => Bound::Plan(figures.and_then(|f| f.counts.get(at).copied())),
            None => Bound::Lost,
        },
        Binding::StageRate(s) => match inputs.stage(s) {
            Some(at) if at < inputs.last_stage() => {
                Bound::Plan(figures.and_then(|f| f.rates.get(at)).map(|r| (*r, *r)))
            }
            _ => Bound::Lost,
        },
        Binding::ChannelLeads(c) => match inputs.channels.get(usize::from(c)) {
            Some(ch) => Bound::Plan(Some((ch.leads as f64, ch.leads as f64))),
            None => Bound::Lost,
        },
    }
}

fn own_target(inputs: &Inputs, n: &KpiNode, state: &mut NodeState) {
    match bound(inputs, n.binding) {
        Bound::Lost => state.binding_lost = true,
        Bound::Plan(Some((shown, exact))) => {
            state.target = Some(shown);
            state.exact = Some(exact);
            state.target_source = TargetSource::Funnel;
        }
        Bound::Plan(None) => {}
        Bound::Unbound if n.formula == Formula::Entered || !n.target.trim().is_empty() => {
            match parse_value(&n.target, &n.effective_unit(), false) {
                Ok(Some(v)) => {
                    state.target = Some(v);
                    state.exact = Some(v);
                    state.target_source = TargetSource::Entered;
                }
                Ok(None) => {}
                Err(e) => state.target_error = Some(e),
            }
        }
        Bound::Unbound => {}
    }
}

/// The operands of node `id`: its children in the formula, in order, a KSF replaced by its own
/// operands (a KSF only groups KPIs, so grouping must not change the arithmetic).
fn collect_operands(inputs: &Inputs, id: NodeId, out: &mut Vec<usize>, depth: usize) {
    // A valid tree has no cycles; the depth bound only keeps a bug from looping.
    if depth > inputs.nodes.len() {
        return;
    }
    for &c in inputs.children(id) {
        let n = &inputs.nodes[c];
        if !n.in_formula {
            continue;
        }
        if n.kind == NodeKind::Ksf {
            collect_operands(inputs, n.id, out, depth + 1);
        } else {
            out.push(c);
        }
    }
}

/// Children before parents: what each node's operands compute. A node without a figure of its
/// own takes it; a bound or typed figure is checked against it.
pub(super) fn propagate_plan(inputs: &Inputs, states: &mut [NodeState]) {
    for i in inputs.children_first() {
        let n = &inputs.nodes[i];
        let Some(value) = combine_operands(n.formula, states, i, |s| s.exact) else {
            continue;
        };
        let state = &mut states[i];
        state.computed = Some(value);
        match state.target_source {
            // A bound node without a plan stays without a figure rather than borrow its
            // operands' (that would mix two sources in one column).
            TargetSource::Missing if n.binding == Binding::None && state.target_error.is_none() => {
                state.target = Some(value);
                state.exact = Some(value);
                state.target_source = TargetSource::Computed;
            }
            TargetSource::Funnel | TargetSource::Entered => {
                let own = state.exact.unwrap_or(0.0);
                state.inconsistent = (own - value).abs() > tolerance(&n.effective_unit(), value);
            }
            _ => {}
        }
    }
}

/// `formula` over one figure (`figure`) of each operand of node `i`, when they all have it.
pub(super) fn combine_operands(
    formula: Formula,
    states: &[NodeState],
    i: usize,
    figure: impl Fn(&NodeState) -> Option<f64>,
) -> Option<f64> {
    let values: Option<Vec<f64>> = states[i]
        .operands
        .iter()
        .map(|&c| figure(&states[c]))
        .collect();
    combine(formula, &values?)
}

fn combine(formula: Formula, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let v = match formula {
        Formula::Product => values.iter().product(),
        Formula::Sum => values.iter().sum(),
        Formula::Ratio if values.len() == 2 => ratio(values[0], values[1])?,
        Formula::Ratio | Formula::Entered => return None,
    };
    v.is_finite().then_some(v)
}

fn tolerance(unit: &Unit, value: f64) -> f64 {
    let step: f64 = match unit {
        Unit::Count | Unit::Yen => 1.0,
        Unit::Percent => 0.000_05,
        Unit::Custom(_) => 0.000_1,
    };
    step.max(value.abs() * 1e-6)
}
