//! Edits of the channel table: rows added, removed (and put back), and each row's inputs.

use crate::plan::draft::{ChannelDraft, PlanDraft, SpendMode, VolumeMode};

/// A channel's inputs stored exactly as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelText {
    /// Share in percent or a fixed lead count, by the volume mode.
    Volume,
    /// Visit → lead rate.
    Cvr,
    /// The channel's own lead → MQL rate (empty: the funnel's).
    LeadToMql,
    /// Cost per lead or budget, by the spend mode.
    Spend,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelEdit {
    /// A custom channel at 0 % share; refused at the channel limit.
    Add,
    /// Refused for the last channel.
    Remove(u32),
    /// Puts a removed channel back at `index`, for undo (a new id if its own was reused).
    Restore {
        index: usize,
        channel: Box<ChannelDraft>,
    },
    /// Gives the channel the share the other share channels leave.
    FillShare(u32),
    /// The channel's own name (cut to the name limit).
    Name {
        id: u32,
        name: String,
    },
    VolumeMode {
        id: u32,
        mode: VolumeMode,
    },
    SpendMode {
        id: u32,
        mode: SpendMode,
    },
    Text {
        id: u32,
        field: ChannelText,
        text: String,
    },
}

/// Returns the id of the channel added.
pub(super) fn apply(p: &mut PlanDraft, edit: ChannelEdit) -> Option<u32> {
    match edit {
        ChannelEdit::Add => return p.add_channel(),
        ChannelEdit::Remove(id) => {
            p.remove_channel(id);
        }
        ChannelEdit::Restore { index, channel } => {
            p.restore_channel(index, *channel);
        }
        ChannelEdit::FillShare(id) => {
            p.fill_share(id);
        }
        ChannelEdit::Name { id, name } => p.edit_channel(id, |c| c.name = Some(name)),
        ChannelEdit::VolumeMode { id, mode } => p.edit_channel(id, |c| c.volume_mode = mode),
        ChannelEdit::SpendMode { id, mode } => p.edit_channel(id, |c| c.spend_mode = mode),
        ChannelEdit::Text { id, field, text } => p.edit_channel(id, |c| {
            *match field {
                ChannelText::Volume => &mut c.volume,
                ChannelText::Cvr => &mut c.cvr,
                ChannelText::LeadToMql => &mut c.lead_to_mql,
                ChannelText::Spend => &mut c.spend,
            } = text
        }),
    }
    None
}
