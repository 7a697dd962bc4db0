//! Edits of the period, seasonality, lead time, staffing and unit-economics inputs.

use crate::plan::draft::{LeadTimeMode, PlanDraft};
use crate::plan::period::Period;

/// The plan's free-text inputs that are stored exactly as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    AverageDays,
    SalesCycleShare,
    InsidePerRep,
    FieldPerRep,
    OpenPipeline,
    SalesCost,
    RevenuePerAccount,
    GrossMargin,
    MonthlyChurn,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    /// Month, quarter or year; the period index is kept inside the new length.
    Period(Period),
    /// Which period of the fiscal year (0-based).
    PeriodIndex(u8),
    /// The fiscal year's first calendar month, 1–12.
    FiscalStart(u8),
    /// Seasonal weights on (every month starts at 1) or off (even months, typed weights gone).
    Seasonal(bool),
    /// Calendar month `month` (1–12)'s weight; the first one switches seasonality on.
    Weight {
        month: u8,
        text: String,
    },
    LeadTime(LeadTimeMode),
    /// Dwell days of the stage with this id.
    Dwell {
        id: u32,
        text: String,
    },
    /// The share closing `lag` months after creation.
    Distribution {
        lag: usize,
        text: String,
    },
    AddDistributionMonth,
    RemoveDistributionMonth,
    Text(PlanText, String),
    /// The user keeps the sample channels and economics as their own.
    ConfirmSamples,
}

impl PlanEdit {
    /// What [`super::apply`] does with `Edit::Plan(self)`, for a page that edits nothing else
    /// of the plan than this (the embed's period fields; see [`super::FunnelEdit::apply_to`]).
    pub fn apply_to(self, plan: &mut PlanDraft) {
        apply(plan, self)
    }
}

pub(super) fn apply(p: &mut PlanDraft, edit: PlanEdit) {
    match edit {
        PlanEdit::Period(period) => p.set_period(period),
        PlanEdit::PeriodIndex(i) => p.period_index = i,
        PlanEdit::FiscalStart(m) => p.fiscal_start = m,
        PlanEdit::Seasonal(true) => p.set_weight(1, &p.weight_text(1)),
        PlanEdit::Seasonal(false) => p.reset_weights(),
        PlanEdit::Weight { month, text } => p.set_weight(month, &text),
        PlanEdit::LeadTime(mode) => p.lead_time = mode,
        PlanEdit::Dwell { id, text } => p.set_dwell(id, &text),
        PlanEdit::Distribution { lag, text } => p.set_distribution(lag, &text),
        PlanEdit::AddDistributionMonth => p.add_distribution_month(),
        PlanEdit::RemoveDistributionMonth => p.remove_distribution_month(),
        PlanEdit::Text(field, text) => *text_mut(p, field) = text,
        PlanEdit::ConfirmSamples => p.samples_confirmed = true,
    }
}

/// The stored text behind `field`.
fn text_mut(p: &mut PlanDraft, field: PlanText) -> &mut String {
    match field {
        PlanText::AverageDays => &mut p.average_days,
        PlanText::SalesCycleShare => &mut p.sales_cycle_share,
        PlanText::InsidePerRep => &mut p.inside_per_rep,
        PlanText::FieldPerRep => &mut p.field_per_rep,
        PlanText::OpenPipeline => &mut p.open_pipeline,
        PlanText::SalesCost => &mut p.sales_cost,
        PlanText::RevenuePerAccount => &mut p.revenue_per_account,
        PlanText::GrossMargin => &mut p.gross_margin,
        PlanText::MonthlyChurn => &mut p.monthly_churn,
    }
}
