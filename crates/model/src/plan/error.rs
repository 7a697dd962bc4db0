//! Why plan inputs make no plan. One enum for the whole `plan` layer, so the UI has a single
//! place to word each case in Japanese; `Display` is the English text and is asserted in tests.

use std::fmt;

use crate::format::format_decimal;
use crate::funnel::PlanError;

/// A refused planning input. Indexes in the variants are 0-based; the messages count from 1.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanInputError {
    /// The fiscal year must start in a month 1–12.
    FiscalStartMonth { month: u8 },
    /// A quarter or month number beyond the fiscal year (quarters 0–3, months 0–11, year 0).
    PeriodIndex { index: u8, count: u8 },
    /// Seasonality weights must be one per month of the period.
    WeightCount { expected: usize, got: usize },
    /// A weight that is negative or not a number.
    WeightInvalid { month: usize },
    /// Every weight is zero: no month would get any target.
    WeightsAllZero,
    /// A share (of a distribution or a channel mix) below 0, above 100 or not a number.
    ShareInvalid { index: usize },
    /// Shares that should add up to 100 % do not (`total` in percent).
    SharesNotHundred { total: f64 },
    /// A lead-time distribution with no month in it.
    EmptyDistribution,
    /// A lead time beyond the longest this calculator plans for.
    LeadTimeTooLong { days: u32, max_days: u32 },
    /// A distribution reaching further than the longest lag this calculator plans for.
    DistributionTooLong { months: usize, max_months: usize },
    /// Per-stage dwell days must be one per stage transition.
    DwellCount { expected: usize, got: usize },
    /// The longest lag is longer than the period (only from the strict check
    /// [`crate::plan::lead_time::LagDistribution::check_fits`]).
    LeadTimeLongerThanPeriod { months: usize, period_months: u32 },
    /// The funnel itself makes no plan.
    Funnel(PlanError),
    /// The funnel has no stage of kind `Leads` for the channels to feed.
    NoLeadStage,
    /// The lead stage is the last stage, so there is no lead → MQL rate.
    NoStageAfterLeads,
    /// The channel table is empty.
    NoChannels,
    /// A channel's budget is 0 (a free channel has a cost per lead of 0 instead).
    ZeroBudget { channel: usize },
    /// A money field that is negative, not a number or above 1e15.
    AmountInvalid { field: &'static str },
    /// A sales cycle of 0 days.
    ZeroCycleDays,
    /// Unit economics with no new customers.
    ZeroCustomers,
    /// LTV with zero revenue per account or zero margin (nothing to pay back with).
    NoMarginPerAccount,
    /// A stage index outside the funnel.
    StageIndex { index: usize },
}

impl fmt::Display for PlanInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PlanInputError::*;
        match self {
            FiscalStartMonth { month } => {
                write!(f, "the fiscal year starts in a month from 1 to 12, not {month}")
            }
            PeriodIndex { index, count } => write!(
                f,
                "period {} does not exist: the fiscal year has {count}",
                u32::from(*index) + 1
            ),
            WeightCount { expected, got } => {
                write!(f, "enter {expected} monthly weights, not {got}")
            }
            WeightInvalid { month } => write!(
                f,
                "the weight of month {} must be a number of 0 or more",
                month + 1
            ),
            WeightsAllZero => f.write_str("at least one monthly weight must be above 0"),
            ShareInvalid { index } => write!(
                f,
                "share {} must be a number from 0 to 100%",
                index + 1
            ),
            SharesNotHundred { total } => write!(
                f,
                "the shares add up to {}%, not 100%",
                format_decimal(*total, 2)
            ),
            EmptyDistribution => f.write_str("enter the share closing in at least one month"),
            LeadTimeTooLong { days, max_days } => write!(
                f,
                "a lead time of {days} days is longer than the {max_days}-day maximum"
            ),
            DistributionTooLong { months, max_months } => write!(
                f,
                "a distribution over {months} months is longer than the {max_months}-month maximum"
            ),
            DwellCount { expected, got } => {
                write!(f, "enter dwell days for {expected} stages, not {got}")
            }
            LeadTimeLongerThanPeriod {
                months,
                period_months,
            } => write!(
                f,
                "deals take up to {months} months to close, longer than the {period_months}-month period"
            ),
            Funnel(e) => e.fmt(f),
            NoLeadStage => f.write_str("the funnel needs a lead stage for the channels to feed"),
            NoStageAfterLeads => f.write_str("the funnel needs a stage after leads"),
            NoChannels => f.write_str("add at least one channel"),
            ZeroBudget { channel } => write!(
                f,
                "channel {}: a budget must be above 0 (for a free channel, enter a cost per lead of 0)",
                channel + 1
            ),
            AmountInvalid { field } => {
                write!(f, "{field} must be a number from 0 to 1,000,000,000,000,000")
            }
            ZeroCycleDays => f.write_str("the sales cycle must be at least 1 day"),
            ZeroCustomers => f.write_str("there must be at least one new customer"),
            NoMarginPerAccount => {
                f.write_str("revenue per account and gross margin must both be above 0")
            }
            StageIndex { index } => write!(f, "stage {} does not exist", index + 1),
        }
    }
}

impl std::error::Error for PlanInputError {}

impl From<PlanError> for PlanInputError {
    fn from(e: PlanError) -> Self {
        PlanInputError::Funnel(e)
    }
}

/// A money-like field as a plain number: finite, ≥ 0 and at most 1e15, else `AmountInvalid`.
pub(crate) fn check_amount(value: f64, field: &'static str) -> Result<f64, PlanInputError> {
    if value.is_finite() && (0.0..=1e15).contains(&value) {
        Ok(value)
    } else {
        Err(PlanInputError::AmountInvalid { field })
    }
}
