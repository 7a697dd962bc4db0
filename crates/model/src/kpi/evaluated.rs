//! An evaluated node: its plan figure, actual, achievement and status, as [`super::evaluate`]
//! computes them and the views, the CSV and the warnings read them.

use crate::draft::Draft;
use crate::stage::Stage;
use crate::values::Rate;

use super::label::Label;
use super::node::{Binding, Department, Direction, Formula, NodeId, NodeKind, Unit};
use super::smart::SmartCheck;
use super::value::ValueError;

/// Achievement at or above this is ahead of plan.
pub const AHEAD_AT: f64 = 1.0;
/// Achievement at or above this (and below `AHEAD_AT`) is on track.
pub const ON_TRACK_AT: f64 = 0.9;
/// Slack for achievements that are on a threshold but land a hair below it in binary (0.27 ÷
/// 0.3).
const THRESHOLD_SLACK: f64 = 1e-9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Behind,
    OnTrack,
    Ahead,
    NoData,
}

impl Status {
    /// Judged on the achievement as the page shows it (a percentage with two decimals), so a
    /// figure shown as "90%" is never called behind a 90 % line it misses by 0.005 points.
    pub fn from_achievement(achievement: Option<f64>) -> Status {
        match achievement.map(|a| (a * 10_000.0).round() / 10_000.0) {
            Some(a) if a + THRESHOLD_SLACK >= AHEAD_AT => Status::Ahead,
            Some(a) if a + THRESHOLD_SLACK >= ON_TRACK_AT => Status::OnTrack,
            Some(_) => Status::Behind,
            None => Status::NoData,
        }
    }
}

/// Where a node's plan figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetSource {
    Funnel,
    Entered,
    /// Computed from the operands.
    Computed,
    /// None: nothing typed, nothing to compute from, or the funnel has no valid plan now.
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActualSource {
    Typed,
    /// Computed from other actuals (a rate from two counts, a product from its operands).
    Derived,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EvaluatedNode {
    pub id: NodeId,
    pub parent: Option<NodeId>,
    pub depth: usize,
    /// Position from the root, 1-based: `1.2.1` is the first child of the root's second child.
    pub path: String,
    pub kind: NodeKind,
    pub label: Label,
    pub binding: Binding,
    pub unit: Unit,
    pub formula: Formula,
    pub owner: Option<Department>,
    pub direction: Direction,
    pub controllable: bool,
    pub in_formula: bool,
    /// The node's period, or the tree's.
    pub period: String,
    /// The plan figure (a bound count: the requirement rounded up; a rate: a fraction).
    pub target: Option<f64>,
    /// The unrounded plan figure (differs from `target` only for bound counts).
    pub exact: Option<f64>,
    pub target_source: TargetSource,
    pub target_error: Option<ValueError>,
    /// What the operands compute, when they all have figures.
    pub computed: Option<f64>,
    pub inconsistent: bool,
    /// Bound to a stage or channel the funnel no longer has.
    pub binding_lost: bool,
    pub actual: Option<f64>,
    pub actual_source: Option<ActualSource>,
    pub actual_error: Option<ValueError>,
    /// Months (0-based) whose typed actual does not read.
    pub month_errors: Vec<(u8, ValueError)>,
    /// actual ÷ target as a fraction (1.0 = 100 %).
    pub achievement: Option<f64>,
    pub status: Status,
    /// The figure whose shortfall costs the most revenue.
    pub bottleneck: bool,
    pub smart: [SmartCheck; 5],
}

pub(crate) fn named_stage(draft: &Draft, index: usize) -> Stage {
    let s = &draft.stages[index];
    Stage {
        kind: s.kind,
        name: s.name.clone(),
        rate_to_next: Rate::from_ppm(1_000_000).expect("100 % is valid"),
    }
}
