//! One node of the KPI tree as stored: what it is, where its plan figure comes from, how its
//! children combine into it, who owns it. Every field has a default that is left out of the
//! JSON, so a tree generated from the funnel and then lightly edited stays small in a link.

use serde::{Deserialize, Serialize};

use super::smart::SmartAnswers;

/// A node's stable id. Ids of generated nodes follow from what they are bound to (see
/// `generate`), so actuals typed against the generated tree stay attached when the funnel's
/// stage chain changes.
pub type NodeId = u32;

/// KGI at the root; KSFs are qualitative and group KPIs; KPIs carry numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Kgi,
    Ksf,
    #[default]
    Kpi,
}

/// What in the funnel a node stands for. A bound node's plan figure is the funnel's own (exact
/// requirement, rate, target), so the tree and the funnel can never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    #[default]
    None,
    /// The funnel's revenue target.
    Revenue,
    /// The average deal size.
    DealSize,
    /// The count a stage needs, by the stage's stable id.
    StageCount(u32),
    /// The rate out of a stage (to the next one), by the stage's stable id.
    StageRate(u32),
    /// One channel's leads, by its position in the channel table.
    ChannelLeads(u16),
}

impl Binding {
    pub fn is_bound(self) -> bool {
        self != Binding::None
    }

    /// The unit a bound node always has.
    pub fn unit(self) -> Option<Unit> {
        match self {
            Binding::None => None,
            Binding::Revenue | Binding::DealSize => Some(Unit::Yen),
            Binding::StageCount(_) | Binding::ChannelLeads(_) => Some(Unit::Count),
            Binding::StageRate(_) => Some(Unit::Percent),
        }
    }
}

/// How a node's children (its operands) combine into it. `Entered` means no arithmetic: the
/// figure is typed (or comes from the funnel) and the children only explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    /// The operands multiplied (won = opportunities × win rate).
    Product,
    /// The operands added (leads = Σ channel leads).
    Sum,
    /// The first operand divided by the second (exactly two operands).
    Ratio,
    #[default]
    Entered,
}

impl Formula {
    pub fn is_arithmetic(self) -> bool {
        self != Formula::Entered
    }
}

/// What a node's figures count.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Whole things: visits, leads, deals.
    #[default]
    Count,
    Yen,
    /// A rate; held as a fraction of one (0.25), typed and shown as a percentage.
    Percent,
    /// Anything else (hours, points, …); the text is the unit's name.
    Custom(String),
}

/// The team that owns a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Department {
    Marketing,
    InsideSales,
    FieldSales,
    CustomerSuccess,
}

impl Department {
    pub const ALL: [Department; 4] = [
        Department::Marketing,
        Department::InsideSales,
        Department::FieldSales,
        Department::CustomerSuccess,
    ];
}

/// Upstream KPIs (visits, leads) move early and are easy to push; downstream ones (meeting
/// rate, win rate) are closer to revenue. The balance warning needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Upstream,
    Downstream,
}

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

/// One node as the user edited it. Texts are kept as typed (a target may not parse yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiNode {
    pub id: NodeId,
    /// `None` only on the root (the KGI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<NodeId>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: NodeKind,
    /// The user's own name; `None` (or blank) shows the name the binding implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub binding: Binding,
    #[serde(default, skip_serializing_if = "is_default")]
    pub formula: Formula,
    #[serde(default, skip_serializing_if = "is_default")]
    pub unit: Unit,
    /// The plan figure as typed; used only on unbound nodes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Department>,
    /// The period as typed ("2025年4月〜6月"); empty uses the tree's period.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub controllable: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub direction: Direction,
    /// Whether this node is an operand of its parent's formula. A child outside the formula
    /// explains its parent without entering the arithmetic (e.g. visits under leads once the
    /// leads are the sum of the channels).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub in_formula: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub smart: SmartAnswers,
}

impl KpiNode {
    /// A fresh KPI under `parent` with every other field at its default.
    pub fn new(id: NodeId, parent: Option<NodeId>, kind: NodeKind) -> KpiNode {
        KpiNode {
            id,
            parent,
            kind,
            name: None,
            binding: Binding::None,
            formula: Formula::Entered,
            unit: Unit::Count,
            target: String::new(),
            owner: None,
            period: String::new(),
            controllable: true,
            direction: Direction::Upstream,
            in_formula: true,
            smart: SmartAnswers::default(),
        }
    }

    /// The unit figures are read in: a bound node's is fixed by its binding.
    pub fn effective_unit(&self) -> Unit {
        self.binding.unit().unwrap_or_else(|| self.unit.clone())
    }
}
