//! Edits of the funnel's own inputs: target, deal size, the stage chain, forward mode and goal
//! seek.

use crate::draft::{Draft, SeekChoice};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunnelEdit {
    Target(String),
    DealSize(String),
    /// A stage's own name (cut to the stage-name limit; empty shows the kind's name).
    RenameStage {
        id: u32,
        name: String,
    },
    /// The rate out of a stage as typed.
    Rate {
        id: u32,
        text: String,
    },
    /// One place up or down; refused at either end.
    MoveStage {
        id: u32,
        up: bool,
    },
    /// A new stage at 50 % right after `after` (the won stage stays last).
    AddStageAfter(u32),
    /// Refused at the minimum number of stages.
    RemoveStage(u32),
    /// The stage forward mode starts from; refused for the won stage.
    EntryStage(u32),
    EntryCount(String),
    Seek(SeekChoice),
}

impl FunnelEdit {
    /// What [`super::apply`] does with `Edit::Funnel(self)`. For a page that only ever edits the
    /// funnel (the embed): calling `apply` would link every other area's edits into it.
    pub fn apply_to(self, draft: &mut Draft) -> Option<u32> {
        apply(draft, self)
    }
}

/// Returns the id of the stage added.
pub(super) fn apply(d: &mut Draft, edit: FunnelEdit) -> Option<u32> {
    match edit {
        FunnelEdit::Target(text) => d.target = text,
        FunnelEdit::DealSize(text) => d.deal_size = text,
        FunnelEdit::RenameStage { id, name } => d.rename_stage(id, &name),
        FunnelEdit::Rate { id, text } => d.set_rate(id, &text),
        FunnelEdit::MoveStage { id, up } => {
            d.move_stage(id, up);
        }
        FunnelEdit::AddStageAfter(id) => return d.add_stage_after(Some(id)),
        FunnelEdit::RemoveStage(id) => {
            d.remove_stage(id);
        }
        FunnelEdit::EntryStage(id) => d.set_entry_stage(id),
        FunnelEdit::EntryCount(text) => d.entry_count = text,
        FunnelEdit::Seek(choice) => d.seek = choice,
    }
    None
}
