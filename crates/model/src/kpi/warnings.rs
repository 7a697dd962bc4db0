//! Design and execution warnings on the tree, each with an exact firing condition:
//!
//! - Quality vs quantity: a stage (any but won) counted above its plan requirement while the rate
//!   out of it is below plan — volume bought at the expense of quality (seeds 000, 002).
//! - Upstream only: the tree has at least one KPI and every KPI is upstream (seed 002: 32.1 % of
//!   B2B marketers put lead count first, only 11.1 % the win rate).
//! - Inconsistent: a node's bound or typed figure disagrees with what its operands compute.
//! - Uncontrollable but owned: a KPI marked uncontrollable yet assigned to a team as its KPI
//!   (seed 001: a team can only be held to figures its own actions move).

use crate::draft::Draft;
use crate::funnel::{Funnel, ReversePlan};

use super::evaluated::{named_stage, EvaluatedNode};
use super::label::Label;
use super::node::{Department, Direction, NodeId, NodeKind, Unit};

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    QualityVsQuantity {
        /// The stage's stable id.
        stage: u32,
        count: Label,
        rate: Label,
        count_actual: f64,
        count_plan: f64,
        rate_actual: f64,
        rate_plan: f64,
    },
    UpstreamOnly {
        kpis: usize,
    },
    Inconsistent {
        node: NodeId,
        label: Label,
        unit: Unit,
        target: f64,
        computed: f64,
    },
    UncontrollableOwned {
        node: NodeId,
        label: Label,
        owner: Department,
    },
}

impl Warning {
    /// The node the warning belongs beside, if one.
    pub fn node(&self) -> Option<NodeId> {
        match self {
            Warning::Inconsistent { node, .. } | Warning::UncontrollableOwned { node, .. } => {
                Some(*node)
            }
            _ => None,
        }
    }
}

/// The warnings for an evaluated tree; `count_actuals` and `rate_actuals` are by stage position.
pub(crate) fn find_warnings(
    nodes: &[EvaluatedNode],
    draft: &Draft,
    funnel_plan: Option<(&Funnel, &ReversePlan)>,
    count_actuals: &[Option<f64>],
    rate_actuals: &[Option<f64>],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let kpis: Vec<_> = nodes.iter().filter(|n| n.kind == NodeKind::Kpi).collect();
    if !kpis.is_empty() && kpis.iter().all(|n| n.direction == Direction::Upstream) {
        out.push(Warning::UpstreamOnly { kpis: kpis.len() });
    }
    if let Some((funnel, plan)) = funnel_plan {
        for at in 0..funnel.won_index() {
            let (Some(Some(count)), Some(Some(rate))) =
                (count_actuals.get(at), rate_actuals.get(at))
            else {
                continue;
            };
            let count_plan = plan.stages[at].required as f64;
            let rate_plan = funnel.stages[at].rate_to_next.fraction();
            if *count > count_plan && *rate < rate_plan {
                out.push(Warning::QualityVsQuantity {
                    stage: draft.stages[at].id,
                    count: Label::Stage(named_stage(draft, at)),
                    rate: Label::Rate(named_stage(draft, at), named_stage(draft, at + 1)),
                    count_actual: *count,
                    count_plan,
                    rate_actual: *rate,
                    rate_plan,
                });
            }
        }
    }
    for n in nodes {
        if let (true, Some(target), Some(computed)) = (n.inconsistent, n.exact, n.computed) {
            out.push(Warning::Inconsistent {
                node: n.id,
                label: n.label.clone(),
                unit: n.unit.clone(),
                target,
                computed,
            });
        }
    }
    for n in &kpis {
        if let (false, Some(owner)) = (n.controllable, n.owner) {
            out.push(Warning::UncontrollableOwned {
                node: n.id,
                label: n.label.clone(),
                owner,
            });
        }
    }
    out
}
