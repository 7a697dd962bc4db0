//! The time-and-money inputs exactly as typed, and their evaluation into the monthly plan and
//! the channel mix. Like [`crate::draft::Draft`], text is kept as typed so a wrong field is never
//! thrown away; every field's problem is reported against that field, and the time plan and the
//! money plan are evaluated apart so a bad budget never blanks the month table.

mod channel_rows;
mod fields;
mod inputs;
mod limits;
mod money;
mod parse;
mod time;

pub use crate::field_errors::FieldProblem;
pub use fields::{PlanErrors, PlanField};
pub use inputs::{
    ChannelDraft, LeadTimeMode, PlanDraft, Samples, SpendMode, VolumeMode, MAX_CHANNELS,
    MAX_DISTRIBUTION_MONTHS,
};
pub use money::MoneyPlan;
pub use time::{CycleDays, TimePlan};
