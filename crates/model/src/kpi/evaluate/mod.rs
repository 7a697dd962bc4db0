//! Plan against actual on every node of the tree.
//!
//! - Plan figure (target): a bound node takes the funnel's own figure (a stage's exact
//!   requirement, shown rounded up; a rate; the revenue target; the deal size; a channel's
//!   leads), so tree and funnel never disagree. An unbound node takes its typed target, or —
//!   with a formula and no typed target — what its operands compute.
//! - Operands: the children in the formula, in order; a KSF child is transparent (its own
//!   children stand in its place), since a KSF only groups KPIs.
//! - Consistency: a node whose figure is bound or typed, and whose operands all have figures, is
//!   flagged when they compute something else. Tolerance: a count within 1 (a typed count is
//!   often the rounded-up one), yen within 1, a percentage within 0.005 points, a custom unit
//!   within 0.0001; or one part in a million of the figure, whichever is larger.
//! - Actual: the typed period figure; else, for counts, yen and custom units, the sum of the
//!   typed months (a month-to-date figure); else, for a funnel rate, the next stage's typed count
//!   ÷ this stage's; else what the operands' actuals compute.
//! - Achievement = actual ÷ target (for rates too). Status: ahead at ≥ 100 %, on track at ≥ 90 %
//!   (a tenth short is usually recoverable within the period), behind below; no data without
//!   both figures or with a zero target. A KSF takes the worst status among its children.
//!
//! Every division is checked: nothing here returns NaN or ∞.

mod actuals;
mod measured;
mod standing;
mod state;
mod targets;

use super::bottleneck::Bottleneck;
use super::evaluated::EvaluatedNode;
use super::generate::Basis;
use super::kpi_draft::KpiDraft;
use super::node::{Binding, NodeId, Unit};
use super::smart::{smart_checks, SmartFacts};
use super::warnings::{find_warnings, Warning};

use actuals::TypedCounts;
use measured::StageActuals;
use state::{Inputs, NodeState};

/// The evaluated tree, root first, each node before its children.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiTree {
    pub nodes: Vec<EvaluatedNode>,
    /// Whether the funnel has a valid plan (bound nodes have no figures otherwise).
    pub plan_available: bool,
    /// Figures with actuals, the largest revenue loss first.
    pub bottlenecks: Vec<Bottleneck>,
    pub warnings: Vec<Warning>,
    /// Stages of the funnel no node counts (added to the funnel after the tree was edited).
    pub missing_stages: Vec<u32>,
}

impl KpiTree {
    pub fn node(&self, id: NodeId) -> Option<&EvaluatedNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn root(&self) -> Option<&EvaluatedNode> {
        self.nodes.first()
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = &EvaluatedNode> {
        self.nodes.iter().filter(move |n| n.parent == Some(id))
    }

    /// The first node bound to `binding`.
    pub fn bound(&self, binding: Binding) -> Option<&EvaluatedNode> {
        self.nodes.iter().find(|n| n.binding == binding)
    }
}

/// Evaluates the tree of `kpi` (or the generated one) against the funnel and channels of
/// `basis`: one record per node, filled in by one pass after another.
pub fn evaluate(kpi: &KpiDraft, basis: &Basis) -> KpiTree {
    let inputs = Inputs::new(kpi, basis);
    let mut states = targets::resolve_inputs(&inputs);
    targets::propagate_plan(&inputs, &mut states);
    actuals::read_typed_actuals(&inputs, &mut states);
    let typed_counts = TypedCounts::new(&inputs, &states);
    actuals::derive_rates(&inputs, &typed_counts, &mut states);
    actuals::roll_up_actuals(&inputs, &mut states);
    standing::judge(&inputs, &mut states);
    standing::place_in_tree(&inputs, &mut states);
    let stage_actuals = StageActuals::new(&inputs, &states, &typed_counts);
    let (bottlenecks, worst) = measured::bottlenecks(&inputs, &states, &stage_actuals);

    let nodes = evaluated_nodes(&inputs, states, worst);
    let warnings = find_warnings(
        &nodes,
        inputs.draft,
        inputs.funnel.as_ref().zip(inputs.plan.as_ref()),
        &stage_actuals.counts,
        &stage_actuals.rates,
    );
    KpiTree {
        nodes,
        plan_available: inputs.figures.is_some(),
        bottlenecks,
        warnings,
        missing_stages: missing_stages(&inputs),
    }
}

/// The records in tree order, with what the node itself says and its SMART check.
fn evaluated_nodes(
    inputs: &Inputs,
    mut states: Vec<NodeState>,
    bottleneck: Option<Binding>,
) -> Vec<EvaluatedNode> {
    inputs
        .order
        .iter()
        .map(|&(i, depth)| {
            let n = &inputs.nodes[i];
            let state = &mut states[i];
            let period = if n.period.trim().is_empty() {
                inputs.kpi.period().to_string()
            } else {
                n.period.clone()
            };
            let unit = n.effective_unit();
            let has_unit = !matches!(&unit, Unit::Custom(u) if u.trim().is_empty());
            let facts = SmartFacts {
                has_name: state.label.is_named(),
                has_unit_and_target: has_unit && state.target.is_some(),
                linked_to_kgi: state.linked && n.parent.is_some(),
                has_period: !period.trim().is_empty(),
            };
            EvaluatedNode {
                id: n.id,
                parent: n.parent,
                depth,
                path: std::mem::take(&mut state.path),
                kind: n.kind,
                label: state.label.clone(),
                binding: n.binding,
                unit,
                formula: n.formula,
                owner: n.owner,
                direction: n.direction,
                controllable: n.controllable,
                in_formula: n.in_formula,
                period,
                target: state.target,
                exact: state.exact,
                target_source: state.target_source,
                target_error: state.target_error,
                computed: state.computed,
                inconsistent: state.inconsistent,
                binding_lost: state.binding_lost,
                actual: state.actual,
                actual_source: state.actual_source,
                actual_error: state.actual_error,
                month_errors: std::mem::take(&mut state.month_errors),
                achievement: state.achievement,
                status: state.status,
                bottleneck: bottleneck.is_some_and(|b| b == n.binding),
                smart: smart_checks(n.smart, facts),
            }
        })
        .collect()
}

/// Stages of the funnel no node counts (none for the generated tree, which counts them all).
fn missing_stages(inputs: &Inputs) -> Vec<u32> {
    if inputs.kpi.is_generated() {
        return Vec::new();
    }
    inputs
        .draft
        .stages
        .iter()
        .map(|s| s.id)
        .filter(|id| {
            inputs
                .nodes
                .iter()
                .all(|n| n.binding != Binding::StageCount(*id))
        })
        .collect()
}
