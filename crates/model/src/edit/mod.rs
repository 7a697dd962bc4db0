//! Every change the page makes to a scenario, as one value of [`Edit`] applied by [`apply`] —
//! the only code that writes a draft on the page's behalf. Views build edits and send them;
//! they never touch a field, so what an input does is read here and tested natively.
//!
//! Each area keeps its own enum (funnel, plan, channels, risk, KPI tree, imports) so a view
//! names only the edits it can make, and the rules an edit obeys (limits, repairs of ids that
//! point at a removed stage) live once, in the draft types the edits call.

mod channel;
mod funnel;
mod import;
mod plan;
mod risk;

pub use channel::{ChannelEdit, ChannelText};
pub use funnel::FunnelEdit;
pub use import::ImportEdit;
pub use plan::{PlanEdit, PlanText};
pub use risk::{DoubtText, RiskEdit, RiskText};

use crate::draft::Draft;
use crate::kpi::{channel_inputs, Basis, ChecklistItem, DefinedStage, DefinitionField, KpiEdit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Funnel(FunnelEdit),
    Plan(PlanEdit),
    Channel(ChannelEdit),
    Risk(RiskEdit),
    /// A KPI-tree edit; the first structural one freezes the tree generated from the funnel.
    Kpi(KpiEdit),
    /// One field of a stage's MQL/SAL/SQL/PQL definition.
    Definition {
        stage: DefinedStage,
        field: DefinitionField,
        text: String,
    },
    /// One item of the KPI-design checklist ticked or cleared.
    Check {
        item: ChecklistItem,
        done: bool,
    },
    Import(ImportEdit),
    /// Several edits in order as one change, so the page redraws (and saves) once.
    Batch(Vec<Edit>),
    /// Other inputs in place of these, whole: a scenario or a shared link opened, or this
    /// scenario as merged with another tab's save.
    Open(Box<Draft>),
}

/// Applies `edit` to `draft`. Returns the id of the stage, channel or KPI node the edit
/// created or changed, where it has one (the page selects or focuses it); `None` otherwise,
/// also when the edit was refused (the draft is then unchanged).
pub fn apply(draft: &mut Draft, edit: Edit) -> Option<u32> {
    match edit {
        Edit::Funnel(e) => funnel::apply(draft, e),
        Edit::Plan(e) => {
            plan::apply(&mut draft.plan, e);
            None
        }
        Edit::Channel(e) => channel::apply(&mut draft.plan, e),
        Edit::Risk(e) => {
            risk::apply(&mut draft.risk, e);
            None
        }
        Edit::Kpi(edit) => {
            // The tree is generated from the draft it belongs to, so it reads a snapshot.
            let snapshot = draft.clone();
            let channels = channel_inputs(&snapshot);
            draft.kpi.apply(&Basis::new(&snapshot, &channels), edit)
        }
        Edit::Definition { stage, field, text } => {
            draft.kpi.definitions.set(stage, field, &text);
            None
        }
        Edit::Check { item, done } => {
            draft.kpi.checklist.set(item, done);
            None
        }
        Edit::Import(e) => {
            import::apply(draft, e);
            None
        }
        Edit::Batch(edits) => edits.into_iter().fold(None, |_, e| apply(draft, e)),
        Edit::Open(other) => {
            *draft = *other;
            None
        }
    }
}

impl From<FunnelEdit> for Edit {
    fn from(e: FunnelEdit) -> Edit {
        Edit::Funnel(e)
    }
}

impl From<PlanEdit> for Edit {
    fn from(e: PlanEdit) -> Edit {
        Edit::Plan(e)
    }
}

impl From<ChannelEdit> for Edit {
    fn from(e: ChannelEdit) -> Edit {
        Edit::Channel(e)
    }
}

impl From<RiskEdit> for Edit {
    fn from(e: RiskEdit) -> Edit {
        Edit::Risk(e)
    }
}

impl From<KpiEdit> for Edit {
    fn from(e: KpiEdit) -> Edit {
        Edit::Kpi(e)
    }
}

impl From<ImportEdit> for Edit {
    fn from(e: ImportEdit) -> Edit {
        Edit::Import(e)
    }
}
