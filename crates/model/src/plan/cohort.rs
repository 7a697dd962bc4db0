//! Period-based against cohort-based conversion (seed 000's mismatch between the review period
//! and reality): with a lead time, the deals won this period come partly from leads created
//! before it, and leads created late in the period close after it. So "won this period ÷ leads
//! this period" is not the share of leads that become deals; the cohort rate (follow each
//! month's leads to wherever they close) is.
//!
//! The plan's own months cannot show this fairly (the plan creates exactly what this period's
//! deals need, so dividing by its in-period leads measures the plan, not the business). The
//! comparison therefore works a steady example the reader can follow: the same number of leads
//! every month, first from the period's first month only (a new channel, or a team that starts
//! counting), then also before it (a running business). Read forward through the lead time,
//! the first reads low by exactly the share of leads that close after the period; the second
//! equals the cohort rate.

use super::phasing::MonthlyPlan;
use super::ratio;

/// One month of the example seen the period way: won that month ÷ leads created that month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRatio {
    /// Months from the period start.
    pub offset: i32,
    /// The calendar month, 1–12.
    pub calendar_month: u8,
    /// Leads created that month.
    pub leads: f64,
    /// Deals won that month, exact.
    pub won: f64,
    /// `None` when no leads are created that month.
    pub period_ratio: Option<f64>,
}

/// The two ways of measuring conversion, on the steady example.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortComparison {
    /// Won in the period ÷ leads created in the period, when leads start with the period.
    pub period_based: Option<f64>,
    /// Won ÷ leads followed per cohort: the funnel's lead-to-won rate.
    pub cohort_based: f64,
    /// The example's leads every month.
    pub leads_per_month: u64,
    /// Months in the period.
    pub period_months: u32,
    /// Deals won inside the period, exact, when leads start with the period.
    pub won_in_period: f64,
    /// Leads created inside the period (`leads_per_month × period_months`).
    pub leads_in_period: f64,
    /// Share of the period's leads that close inside it.
    pub closing_inside: f64,
    /// The lead time's mean, in months.
    pub mean_lag_months: f64,
    /// The example month by month.
    pub monthly: Vec<MonthRatio>,
}

impl CohortComparison {
    /// Period-based minus cohort-based, in fraction points (`None` as for `period_based`).
    pub fn gap(&self) -> Option<f64> {
        self.period_based.map(|p| p - self.cohort_based)
    }

    /// Whether the period ratio equals the cohort ratio (every lead closes in the month it is
    /// created), up to rounding.
    pub fn agrees(&self) -> bool {
        self.period_based
            .is_some_and(|p| (p - self.cohort_based).abs() <= 1e-9 * self.cohort_based.max(1e-12))
    }
}

/// Works the example for `plan`, taking stage `lead_stage` as the leads (clamped to the
/// funnel): `⌈period lead requirement ÷ months⌉` leads every month from the period's first month.
pub fn compare(plan: &MonthlyPlan, lead_stage: usize) -> CohortComparison {
    let won_index = plan.reverse.stages.len().saturating_sub(1);
    let lead = lead_stage.min(won_index);
    let cohort_based = plan.reverse.stages[lead].cumulative_to_won;
    let months = plan.won_targets.shown.len().max(1);
    let per_month = plan.reverse.stages[lead].required.div_ceil(months as u64);
    let lag = plan
        .lags
        .get(lead)
        .cloned()
        .unwrap_or_else(super::lead_time::LagDistribution::immediate);
    let leads = per_month as f64;
    let monthly: Vec<MonthRatio> = plan
        .in_period()
        .map(|m| {
            let t = m.offset;
            let won: f64 = (0..=t)
                .map(|s| leads * cohort_based * lag.share((t - s) as usize))
                .sum();
            MonthRatio {
                offset: t,
                calendar_month: m.calendar_month,
                leads,
                won,
                period_ratio: ratio(won, leads),
            }
        })
        .collect();
    let won_in_period: f64 = monthly.iter().map(|m| m.won).sum();
    let leads_in_period = leads * months as f64;
    let closing_inside = ratio(won_in_period, leads_in_period * cohort_based).unwrap_or(0.0);
    CohortComparison {
        period_based: (leads_in_period > 0.0)
            .then(|| ratio(won_in_period, leads_in_period))
            .flatten(),
        cohort_based,
        leads_per_month: per_month,
        period_months: months as u32,
        won_in_period,
        leads_in_period,
        closing_inside,
        mean_lag_months: lag.mean_months(),
        monthly,
    }
}
