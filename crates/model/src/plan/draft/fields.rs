//! Which plan input a problem belongs to, so its message sits next to it, and the problems
//! found in the plan inputs.

use crate::field_errors::FieldErrors;

/// Which input a problem belongs to, so its message sits next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    FiscalStart,
    PeriodIndex,
    /// Calendar month 1–12.
    Weight(u8),
    /// The period's weights together (all zero).
    Weights,
    AverageDays,
    /// Dwell days of the stage with this id.
    Dwell(u32),
    /// Share closing `n` months after creation.
    Distribution(usize),
    /// The distribution together (not 100 %, too long).
    DistributionTotal,
    InsidePerRep,
    FieldPerRep,
    OpenPipeline,
    /// The sales cycle's share of the lead time.
    SalesCycleShare,
    ChannelVolume(u32),
    ChannelCvr(u32),
    ChannelSpend(u32),
    ChannelMql(u32),
    /// The channel table together (shares not 100 %, no lead stage …).
    Channels,
    SalesCost,
    RevenuePerAccount,
    GrossMargin,
    MonthlyChurn,
}
/// Every problem of the plan inputs, each against its field.
pub type PlanErrors = FieldErrors<PlanField>;
