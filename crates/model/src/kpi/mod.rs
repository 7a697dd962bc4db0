//! The KPI tree (SPEC §6–7): a KGI at the root, decomposed into KSFs and KPIs, generated from
//! the funnel and then edited; plan against actual on every node, the bottleneck stage, design
//! warnings, the SMART check, the MQL/SAL/SQL/PQL definitions and the design checklist.
//!
//! - [`KpiDraft`] is what is stored with the scenario: edits and actuals as typed. It starts
//!   empty (the tree generated from the funnel) and serializes to `{}` until touched.
//! - [`KpiDraft::apply`] makes every change ([`KpiEdit`], which the page sends as `Edit::Kpi`);
//!   [`evaluate`] turns the draft, the funnel draft and the channels' leads ([`Basis`]) into a
//!   [`KpiTree`]; [`tree_csv`] exports it.
//! - Stored trees are repaired on the way in ([`repair`]), so nothing here meets a broken one.

mod bottleneck;
mod checklist;
mod csv;
mod definitions;
mod edit;
mod evaluate;
mod evaluated;
mod generate;
mod kpi_draft;
mod label;
mod node;
mod repair;
mod smart;
mod value;
mod warnings;

pub use bottleneck::{rank_bottlenecks, worst, Actuals, Bottleneck, ChannelActual, Shortfall};
pub use checklist::{Checklist, ChecklistItem};
pub use csv::{tree_csv, TreeCsvWords};
pub use definitions::{DefinedStage, DefinitionField, Definitions, StageDefinition};
pub use edit::KpiEdit;
pub use evaluate::{evaluate, KpiTree};
pub use evaluated::{ActualSource, EvaluatedNode, Status, TargetSource, AHEAD_AT, ON_TRACK_AT};
pub use generate::{channel_inputs, generate, Basis, ChannelInput, FIRST_USER_ID, ROOT_ID};
pub use kpi_draft::{ActualText, KpiDraft};
pub use label::Label;
pub use node::{Binding, Department, Direction, Formula, KpiNode, NodeId, NodeKind, Unit};
pub use repair::{repair, validate, TreeError};
pub use smart::{SmartAnswers, SmartCheck, SmartItem};
pub use value::{format_value, ValueError};
pub use warnings::Warning;

/// Most nodes a tree holds: a 12-stage funnel with 20 channels generates 45, and a link must
/// stay a link.
pub const MAX_NODES: usize = 80;
/// Most channels broken out under the leads node.
pub const MAX_CHANNELS: usize = 20;
/// Longest node name kept.
pub const MAX_NAME_CHARS: usize = 40;
/// Longest target, actual or period text kept.
pub const MAX_VALUE_CHARS: usize = 40;
/// Longest custom unit kept.
pub const MAX_UNIT_CHARS: usize = 12;
/// Longest text kept in one definition field.
pub const MAX_DEFINITION_CHARS: usize = 400;
/// Most actual entries kept (period and monthly, all nodes together).
pub const MAX_ACTUALS: usize = 400;
/// Months a period can have (a fiscal year); monthly actuals are indexed 0–11.
pub const MONTHS: usize = 12;
