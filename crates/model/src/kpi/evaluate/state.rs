//! What every pass of the evaluation reads — the tree in its orders, the funnel's figures — and
//! the one record per node the passes fill in.

use std::collections::HashMap;

use crate::draft::Draft;
use crate::funnel::{Funnel, ReversePlan};

use crate::kpi::evaluated::{ActualSource, Status, TargetSource};
use crate::kpi::generate::{Basis, ChannelInput};
use crate::kpi::kpi_draft::KpiDraft;
use crate::kpi::label::Label;
use crate::kpi::node::{KpiNode, NodeId};
use crate::kpi::repair::depth_first;
use crate::kpi::value::ValueError;

/// The funnel's figures, by stage position.
pub(super) struct PlanFigures {
    pub target: f64,
    pub deal: f64,
    /// (rounded up, exact) per stage.
    pub counts: Vec<(f64, f64)>,
    /// Rate out of each stage but the last, as a fraction.
    pub rates: Vec<f64>,
}

impl PlanFigures {
    fn new(funnel: &Funnel, plan: &ReversePlan) -> PlanFigures {
        PlanFigures {
            target: funnel.target.units(),
            deal: funnel.deal_size.units(),
            counts: plan
                .stages
                .iter()
                .map(|s| (s.required as f64, s.exact))
                .collect(),
            rates: funnel.stages[..funnel.won_index()]
                .iter()
                .map(|s| s.rate_to_next.fraction())
                .collect(),
        }
    }
}

/// The tree and the funnel it is evaluated against, fixed for the whole evaluation.
pub(super) struct Inputs<'a> {
    pub kpi: &'a KpiDraft,
    pub draft: &'a Draft,
    pub channels: &'a [ChannelInput],
    pub nodes: Vec<KpiNode>,
    /// (index in `nodes`, depth), each node before its children.
    pub order: Vec<(usize, usize)>,
    children: HashMap<NodeId, Vec<usize>>,
    stage_at: HashMap<u32, usize>,
    pub funnel: Option<Funnel>,
    pub plan: Option<ReversePlan>,
    /// `None` while the funnel has no valid plan.
    pub figures: Option<PlanFigures>,
}

impl<'a> Inputs<'a> {
    pub fn new(kpi: &'a KpiDraft, basis: &Basis<'a>) -> Inputs<'a> {
        let nodes = kpi.nodes(basis);
        let draft = basis.draft;
        let funnel = draft.funnel().ok();
        let plan = funnel.as_ref().and_then(|f| f.reverse().ok());
        let figures = funnel
            .as_ref()
            .zip(plan.as_ref())
            .map(|(f, p)| PlanFigures::new(f, p));
        let mut children: HashMap<NodeId, Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if let Some(p) = n.parent {
                children.entry(p).or_default().push(i);
            }
        }
        Inputs {
            kpi,
            draft,
            channels: basis.channels,
            order: depth_first(&nodes),
            nodes,
            children,
            stage_at: draft
                .stages
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect(),
            funnel,
            plan,
            figures,
        }
    }

    /// The position of the stage with this id, if the funnel still has it.
    pub fn stage(&self, id: u32) -> Option<usize> {
        self.stage_at.get(&id).copied()
    }

    /// The position of the last (won) stage.
    pub fn last_stage(&self) -> usize {
        self.draft.stages.len().saturating_sub(1)
    }

    /// The indices of the children of node `id`, in list order.
    pub fn children(&self, id: NodeId) -> &[usize] {
        self.children.get(&id).map_or(&[][..], |v| v.as_slice())
    }

    /// Node indices with every node after its children, for the passes that work upwards.
    pub fn children_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().rev().map(|&(i, _)| i)
    }
}

/// One node as the passes fill it in, each field written by one pass.
pub(super) struct NodeState {
    pub label: Label,
    pub target: Option<f64>,
    pub exact: Option<f64>,
    pub target_source: TargetSource,
    pub target_error: Option<ValueError>,
    pub binding_lost: bool,
    /// Indices of the nodes its formula combines (a KSF replaced by its own operands).
    pub operands: Vec<usize>,
    pub computed: Option<f64>,
    pub inconsistent: bool,
    pub actual: Option<f64>,
    pub actual_source: Option<ActualSource>,
    pub actual_error: Option<ValueError>,
    pub month_errors: Vec<(u8, ValueError)>,
    pub achievement: Option<f64>,
    pub status: Status,
    pub linked: bool,
    pub path: String,
}

impl NodeState {
    pub fn new(label: Label, operands: Vec<usize>) -> NodeState {
        NodeState {
            label,
            target: None,
            exact: None,
            target_source: TargetSource::Missing,
            target_error: None,
            binding_lost: false,
            operands,
            computed: None,
            inconsistent: false,
            actual: None,
            actual_source: None,
            actual_error: None,
            month_errors: Vec::new(),
            achievement: None,
            status: Status::NoData,
            linked: false,
            path: String::new(),
        }
    }
}
