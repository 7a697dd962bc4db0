//! The month-by-month plan: how many of each stage must be created in which month so that
//! every month of the period closes its share of the won deals.
//!
//! Won deals due in month `t` come from stage-`i` items created in month `t − k` with share
//! `D_i[k]` (the stage's lag distribution, see [`LeadTime::per_stage`]), and it takes
//! `1 ÷ (share of stage i that ends won)` of them per deal. So stage `i` created in month `s` is
//! `Σ_k D_i[k] · won[s + k] ÷ cumulative_i`, over the months `s + k` of the period. Months before
//! the period start (`offset < 0`) are what must already be in the pipeline on day one.
//!
//! Each stage's months add up to the single-period reverse funnel exactly (every `D_i` sums to
//! 1), and the whole numbers shown per month are that stage's rounded-up total split by largest
//! remainder, so a stage's row always adds up to the number the funnel view shows.

use super::error::PlanInputError;
use super::largest_remainder;
use super::lead_time::{LagDistribution, LeadTime};
use super::period::{calendar_month, MonthlyTargets, PeriodSpec, Weights};
use crate::funnel::{Funnel, ReversePlan};

/// One month of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMonth {
    /// Months from the period start: 0 is the first month, −2 two months before it.
    pub offset: i32,
    /// The calendar month, 1–12.
    pub calendar_month: u8,
    /// Before the period start: these must already be in the pipeline when the period begins.
    pub already_in_pipeline: bool,
    /// Exact count to create per stage (top stage first, won last).
    pub exact: Vec<f64>,
    /// Whole counts per stage; each stage's column sums to the reverse funnel's requirement.
    pub shown: Vec<u64>,
}

/// Something worth saying about the plan that does not stop it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PhasingNote {
    /// Deals take longer to close than the period lasts: part of every stage, and for the
    /// first months all of it, has to be created before the period starts.
    LeadTimeLongerThanPeriod { months: usize, period_months: u32 },
}

/// The period's plan, month by month, from the earliest month anything must be created.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyPlan {
    /// The period planned.
    pub period: PeriodSpec,
    /// The won-deal target per month of the period.
    pub won_targets: MonthlyTargets,
    /// From the earliest month with anything to create to the period's last month.
    pub months: Vec<PlanMonth>,
    /// The single-period reverse funnel the plan spreads over time.
    pub reverse: ReversePlan,
    /// Non-blocking remarks (e.g. a lead time longer than the period).
    pub notes: Vec<PhasingNote>,
}

impl MonthlyPlan {
    /// Exact count per stage that must be created before the period starts.
    pub fn before_period(&self) -> Vec<f64> {
        let stages = self.reverse.stages.len();
        (0..stages)
            .map(|i| {
                self.months
                    .iter()
                    .filter(|m| m.already_in_pipeline)
                    .map(|m| m.exact[i])
                    .sum()
            })
            .collect()
    }

    /// Exact total per stage over all months (equals the reverse funnel's exact requirement).
    pub fn stage_totals(&self) -> Vec<f64> {
        let stages = self.reverse.stages.len();
        (0..stages)
            .map(|i| self.months.iter().map(|m| m.exact[i]).sum())
            .collect()
    }

    /// The months inside the period.
    pub fn in_period(&self) -> impl Iterator<Item = &PlanMonth> {
        self.months.iter().filter(|m| !m.already_in_pipeline)
    }
}

/// Builds the month-by-month plan for `funnel` over `period`, with seasonality `weights` and
/// `lead_time`.
pub fn monthly_plan(
    funnel: &Funnel,
    period: PeriodSpec,
    weights: &Weights,
    lead_time: &LeadTime,
) -> Result<MonthlyPlan, PlanInputError> {
    let reverse = funnel.reverse()?;
    let stages = funnel.stages.len();
    let lags = lead_time.per_stage(stages)?;
    let period_months = period.period.months();
    let won = reverse.stages[funnel.won_index()];
    let won_targets =
        MonthlyTargets::split(won.exact, won.required, period_months as usize, weights)?;

    let max_lag = lags.iter().map(LagDistribution::max_lag).max().unwrap_or(0);
    let first = -(max_lag as i32);
    let last = period_months as i32 - 1;
    let offsets: Vec<i32> = (first..=last).collect();

    // exact[month][stage]
    let mut exact = vec![vec![0.0; stages]; offsets.len()];
    for (i, lag) in lags.iter().enumerate() {
        let cumulative = reverse.stages[i].cumulative_to_won;
        for (row, &s) in offsets.iter().enumerate() {
            let due: f64 = lag
                .shares()
                .iter()
                .enumerate()
                .filter_map(|(k, d)| {
                    let t = s + k as i32;
                    (0..period_months as i32)
                        .contains(&t)
                        .then(|| d * won_targets.exact[t as usize])
                })
                .sum();
            let value = due / cumulative;
            exact[row][i] = if value.is_finite() { value } else { 0.0 };
        }
    }
    let mut shown = vec![vec![0u64; stages]; offsets.len()];
    for i in 0..stages {
        let column: Vec<f64> = exact.iter().map(|r| r[i]).collect();
        for (row, n) in largest_remainder(reverse.stages[i].required, &column)
            .into_iter()
            .enumerate()
        {
            shown[row][i] = n;
        }
    }
    let months = offsets
        .iter()
        .zip(exact.into_iter().zip(shown))
        .map(|(&offset, (exact, shown))| PlanMonth {
            offset,
            calendar_month: calendar_month(period.first_month(), offset),
            already_in_pipeline: offset < 0,
            exact,
            shown,
        })
        .collect();
    let notes = if max_lag > period_months as usize {
        vec![PhasingNote::LeadTimeLongerThanPeriod {
            months: max_lag,
            period_months,
        }]
    } else {
        Vec::new()
    };
    Ok(MonthlyPlan {
        period,
        won_targets,
        months,
        reverse,
        notes,
    })
}
