//! The month-by-month plan: how many of each stage must be created in which month so that
//! every month of the period closes its won deals.
//!
//! The lag distribution is read forward, as the page states it: of the items created at stage
//! `i` in month `s`, the share `D_i[k]` closes `k` months later, and `cumulative_i` of them end
//! won. So the deals closing in month `t` are `Σ_k D_i[k] · cumulative_i · created_i[t − k]`,
//! and a plan is a `created_i` that makes this at least each month's won deals. Many plans do;
//! this one starts from the backward reading (each month's deals traced back by the shares) and
//! adds to it, by the same tracing, whatever months still fall short, until every month is
//! reached (see [`forward_creation`]). In a steady state that is simply the same creation every
//! month. Months before the period (`offset < 0`) are what must already be created when the
//! period begins.
//!
//! Whole numbers are rounded up month by month: each month's won deals reach that month's share
//! of the revenue target (so month-to-date targets are reached every month too), and each
//! month's creation delivers at least its deals. The period totals are therefore the sum of the
//! months, which may be above the single-period funnel; the surplus is shown.

use super::ceil_whole;
use super::error::PlanInputError;
use super::lead_time::{LagDistribution, LeadTime, StageSplit, DEFAULT_SALES_CYCLE_SHARE};
use super::period::{MonthlyTargets, PeriodSpec, Weights};
use crate::funnel::{Funnel, ReversePlan};
use crate::stage::StageKind;

/// One month of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMonth {
    /// Months from the period start: 0 is the first month, −2 two months before it.
    pub offset: i32,
    /// The calendar month, 1–12.
    pub calendar_month: u8,
    /// Calendar years after the one the fiscal year starts in (−1 for a month of the year
    /// before): the page adds it to the fiscal year's first calendar year.
    pub year_offset: i32,
    /// Before the period start: these must already be in the pipeline when the period begins.
    pub already_in_pipeline: bool,
    /// Exact count to create per stage (top stage first, won last: the deals due that month).
    pub exact: Vec<f64>,
    /// Whole counts per stage, each the exact count rounded up.
    pub shown: Vec<u64>,
}

/// Something worth saying about the plan that does not stop it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PhasingNote {
    /// Deals take longer to close than the period lasts: part of every stage, and for the
    /// first months all of it, has to be created before the period starts.
    LeadTimeLongerThanPeriod { months: usize, period_months: u32 },
}

/// What shapes the plan besides the funnel, the period and the lead time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhasingOptions {
    /// Where the stages sit between lead and close when only the whole lead time is known.
    pub split: StageSplit,
    /// Deals the pipeline already open at the period start is expected to win (open value ×
    /// win rate ÷ deal size). They close first, so they count against the earliest months and
    /// reduce what must be created for them.
    pub open_pipeline_deals: f64,
}

impl PhasingOptions {
    /// The lead stage of `funnel`, the default sales-cycle share, no open pipeline.
    pub fn for_funnel(funnel: &Funnel) -> PhasingOptions {
        PhasingOptions {
            split: StageSplit::new(lead_stage(funnel), DEFAULT_SALES_CYCLE_SHARE),
            open_pipeline_deals: 0.0,
        }
    }
}

/// The stage counted as leads: the `Leads` stage, or the first stage without one.
pub fn lead_stage(funnel: &Funnel) -> usize {
    funnel
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Leads)
        .unwrap_or(0)
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
    /// Each stage's lag from creation to close (won last: 0).
    pub lags: Vec<LagDistribution>,
    /// Deals credited to each month of the period from the open pipeline.
    pub from_open_pipeline: Vec<f64>,
    /// Non-blocking remarks (e.g. a lead time longer than the period).
    pub notes: Vec<PhasingNote>,
}

impl MonthlyPlan {
    /// Exact count per stage that must be created before the period starts.
    pub fn before_period(&self) -> Vec<f64> {
        self.sum_exact(|m| m.already_in_pipeline)
    }

    /// Whole count per stage that must be created before the period starts (the months'
    /// rounded-up counts added).
    pub fn before_period_shown(&self) -> Vec<u64> {
        self.sum_shown(|m| m.already_in_pipeline)
    }

    /// Exact total per stage over all months.
    pub fn stage_totals(&self) -> Vec<f64> {
        self.sum_exact(|_| true)
    }

    /// Whole total per stage over all months: what the plan's months add up to.
    pub fn shown_totals(&self) -> Vec<u64> {
        self.sum_shown(|_| true)
    }

    fn sum_exact(&self, keep: impl Fn(&PlanMonth) -> bool) -> Vec<f64> {
        (0..self.reverse.stages.len())
            .map(|i| {
                self.months
                    .iter()
                    .filter(|m| keep(m))
                    .map(|m| m.exact[i])
                    .sum()
            })
            .collect()
    }

    fn sum_shown(&self, keep: impl Fn(&PlanMonth) -> bool) -> Vec<u64> {
        (0..self.reverse.stages.len())
            .map(|i| {
                self.months
                    .iter()
                    .filter(|m| keep(m))
                    .map(|m| m.shown[i])
                    .fold(0, u64::saturating_add)
            })
            .collect()
    }

    /// The months inside the period.
    pub fn in_period(&self) -> impl Iterator<Item = &PlanMonth> {
        self.months.iter().filter(|m| !m.already_in_pipeline)
    }

    /// Deals that the whole counts created at `stage` deliver in each month of the period,
    /// read forward through the stage's lag distribution (what a test or a reader can check
    /// the plan against).
    pub fn delivered(&self, stage: usize) -> Vec<f64> {
        let Some(lag) = self.lags.get(stage) else {
            return Vec::new();
        };
        let cumulative = self.reverse.stages[stage].cumulative_to_won;
        (0..self.won_targets.shown.len() as i32)
            .map(|t| {
                self.months
                    .iter()
                    .map(|m| {
                        let k = t - m.offset;
                        if k < 0 {
                            0.0
                        } else {
                            m.shown[stage] as f64 * cumulative * lag.share(k as usize)
                        }
                    })
                    .sum::<f64>()
            })
            .zip(&self.from_open_pipeline)
            .map(|(d, open)| d + open)
            .collect()
    }

    /// Whether the months span more than one calendar year, or deals take more than twelve
    /// months: then a month's name alone is ambiguous and the page shows its year.
    pub fn needs_years(&self) -> bool {
        let spans = match (self.months.first(), self.months.last()) {
            (Some(a), Some(b)) => a.year_offset != b.year_offset,
            _ => false,
        };
        spans || self.lags.iter().any(|l| l.max_lag() > 12)
    }
}

/// Builds the month-by-month plan for `funnel` over `period`, with seasonality `weights` and
/// `lead_time`, stages placed by the default split and no open pipeline.
pub fn monthly_plan(
    funnel: &Funnel,
    period: PeriodSpec,
    weights: &Weights,
    lead_time: &LeadTime,
) -> Result<MonthlyPlan, PlanInputError> {
    monthly_plan_with(
        funnel,
        period,
        weights,
        lead_time,
        PhasingOptions::for_funnel(funnel),
    )
}

/// What must be created in each month from `first` (≤ 0) to the period's last month so that the
/// creation, read forward through `lag`, delivers at least `due[t]` in every month `t` of the
/// period. In deal units (divide by the stage's share ending won for the stage's count).
///
/// The first round is the backward reading with the months before the period at the first
/// month's level. Each further round traces every month's remaining shortfall back through the
/// shares (the month `t − k` gets `D[k]` of month `t`'s shortfall) and adds that; a month reached stays reached,
/// since creation is only ever added. The rounds stop when every month is reached; if a
/// pathological distribution has not converged after many rounds, the creation is scaled up
/// by the largest remaining ratio, which reaches every month at once.
pub fn forward_creation(lag: &LagDistribution, first: i32, due: &[f64]) -> Vec<f64> {
    let months = due.len() as i32;
    let span = (months - first).max(0) as usize;
    let mut created = vec![0.0; span];
    let delivered = |created: &[f64]| -> Vec<f64> {
        (0..months)
            .map(|t| {
                lag.shares()
                    .iter()
                    .enumerate()
                    .filter_map(|(k, d)| {
                        let row = t - k as i32 - first;
                        (row >= 0 && (row as usize) < span).then(|| d * created[row as usize])
                    })
                    .sum()
            })
            .collect()
    };
    let largest = due.iter().copied().fold(0.0, f64::max);
    if largest <= 0.0 {
        return created;
    }
    // Start from the backward reading, taking the months before the period at the first
    // month's level (the steady state a running business is in): with the same target every
    // month this is already exact, the same creation every month.
    for (row, slot) in created.iter_mut().enumerate() {
        let s = first + row as i32;
        *slot = lag
            .shares()
            .iter()
            .enumerate()
            .filter_map(|(k, d)| {
                let t = s + k as i32;
                (t < months).then(|| d * due[t.max(0) as usize])
            })
            .sum();
    }
    let tolerance = 1e-12 * largest;
    for _ in 0..2_000 {
        let got = delivered(&created);
        let short: Vec<f64> = due
            .iter()
            .zip(&got)
            .map(|(want, have)| (want - have).max(0.0))
            .collect();
        if short.iter().all(|s| *s <= tolerance) {
            break;
        }
        for (row, slot) in created.iter_mut().enumerate() {
            let s = first + row as i32;
            *slot += lag
                .shares()
                .iter()
                .enumerate()
                .filter_map(|(k, d)| {
                    let t = s + k as i32;
                    (0..months).contains(&t).then(|| d * short[t as usize])
                })
                .sum::<f64>();
        }
    }
    let got = delivered(&created);
    let scale = due
        .iter()
        .zip(&got)
        .filter(|(want, _)| **want > 0.0)
        .map(|(want, have)| if *have > 0.0 { want / have } else { 1.0 })
        .fold(1.0, f64::max);
    if scale > 1.0 {
        for c in &mut created {
            *c *= scale;
        }
    }
    created
}

/// [`monthly_plan`] with the stage split and the open pipeline given.
pub fn monthly_plan_with(
    funnel: &Funnel,
    period: PeriodSpec,
    weights: &Weights,
    lead_time: &LeadTime,
    options: PhasingOptions,
) -> Result<MonthlyPlan, PlanInputError> {
    let reverse = funnel.reverse()?;
    let stages = funnel.stages.len();
    let won_index = funnel.won_index();
    let lags = lead_time.per_stage(stages, options.split)?;
    let period_months = period.period.months();
    let won = reverse.stages[won_index];
    let won_targets =
        MonthlyTargets::split(won.exact, won.required, period_months as usize, weights)?;

    // The open pipeline's deals count against the earliest months first.
    let mut open_left = if options.open_pipeline_deals.is_finite() {
        options.open_pipeline_deals.max(0.0)
    } else {
        0.0
    };
    let mut from_open_pipeline = Vec::with_capacity(period_months as usize);
    let mut due = Vec::with_capacity(period_months as usize);
    for &target in &won_targets.shown {
        let credit = open_left.min(target as f64);
        open_left -= credit;
        from_open_pipeline.push(credit);
        due.push(target as f64 - credit);
    }

    let max_lag = lags.iter().map(LagDistribution::max_lag).max().unwrap_or(0);
    let first = -(max_lag as i32);
    let last = period_months as i32 - 1;
    let offsets: Vec<i32> = (first..=last).collect();

    // exact[month][stage]
    let mut exact = vec![vec![0.0; stages]; offsets.len()];
    for (i, lag) in lags.iter().enumerate() {
        if i == won_index {
            for (row, &s) in offsets.iter().enumerate() {
                if let Ok(t) = usize::try_from(s) {
                    exact[row][i] = won_targets.exact.get(t).copied().unwrap_or(0.0);
                }
            }
            continue;
        }
        let cumulative = reverse.stages[i].cumulative_to_won;
        for (row, deals) in forward_creation(lag, first, &due).into_iter().enumerate() {
            let value = deals / cumulative;
            exact[row][i] = if value.is_finite() { value } else { 0.0 };
        }
    }
    let spec_first =
        i32::from(period.fiscal_start.month()) - 1 + i32::from(period.index) * period_months as i32;
    let months = offsets
        .iter()
        .zip(exact)
        .map(|(&offset, exact)| {
            let shown = exact
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if i == won_index {
                        usize::try_from(offset)
                            .ok()
                            .and_then(|t| won_targets.shown.get(t).copied())
                            .unwrap_or(0)
                    } else {
                        ceil_whole(*x)
                    }
                })
                .collect();
            let absolute = spec_first + offset;
            PlanMonth {
                offset,
                calendar_month: (absolute.rem_euclid(12) + 1) as u8,
                year_offset: absolute.div_euclid(12),
                already_in_pipeline: offset < 0,
                exact,
                shown,
            }
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
        lags,
        from_open_pipeline,
        notes,
    })
}
