//! The time side of the plan: the period, seasonality and lead time as typed, and their
//! evaluation into the month-by-month plan, headcount, coverage, velocity and cohort comparison.

use crate::funnel::Funnel;
use crate::plan::cohort::{compare, CohortComparison};
use crate::plan::lead_time::{
    LeadTime, StageSplit, DAYS_PER_MONTH, DEFAULT_SALES_CYCLE_SHARE, MAX_LEAD_DAYS,
};
use crate::plan::period::{FiscalStart, Period, PeriodSpec, Weights};
use crate::plan::phasing::{lead_stage, monthly_plan_with, MonthlyPlan, PhasingOptions};
use crate::plan::velocity::{coverage, sales_velocity, staffing, Coverage, Staffing};
use crate::plan::PlanInputError;
use crate::values::{Count, Money};

use crate::field_errors::FieldProblem;

use super::fields::{PlanErrors, PlanField};
use super::inputs::{LeadTimeMode, PlanDraft, MAX_DISTRIBUTION_MONTHS};
use super::parse::{parse_amount, parse_share, parse_weight, parse_whole};

/// The time plan and what is read off it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimePlan {
    /// The stage counted as leads (the first stage when the funnel has no lead stage): the
    /// cohort comparison and the "needed before the period" figure read it.
    pub lead_stage: usize,
    pub monthly: MonthlyPlan,
    pub staffing: Staffing,
    /// Coverage needed against the open pipeline (against the whole period target).
    pub coverage: Coverage,
    /// Revenue per day the planned opportunities produce; `None` with a cycle under a day.
    pub velocity: Option<f64>,
    /// The days the velocity divides by.
    pub cycle_days: f64,
    /// Which days those are.
    pub cycle_source: CycleDays,
    /// The opportunities the velocity counts (the funnel's exact requirement).
    pub velocity_opportunities: f64,
    /// Deals the open pipeline is expected to win (value × win rate ÷ deal size).
    pub open_pipeline_deals: f64,
    /// The sales cycle's share of the lead time used to place the stages.
    pub sales_cycle_share: f64,
    pub cohort: CohortComparison,
}

/// The days sales velocity divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CycleDays {
    /// The opportunity stage's own days, given per stage: the sales cycle proper.
    SalesCycle,
    /// Lead to close: the only duration known when the lead time is given as a whole.
    LeadToClose,
}

impl PlanDraft {
    /// The period spec, refusing a fiscal start or index out of range.
    pub fn period_spec(&self, errors: &mut PlanErrors) -> Option<PeriodSpec> {
        let start = match FiscalStart::new(self.fiscal_start) {
            Ok(s) => s,
            Err(e) => {
                errors.plan(PlanField::FiscalStart, e);
                return None;
            }
        };
        PeriodSpec::new(self.period, start, self.period_index)
            .map_err(|e| errors.plan(PlanField::PeriodIndex, e))
            .ok()
    }

    /// The calendar months (1–12) of the chosen period, for labelling per-month fields; empty
    /// while the period is out of range (a fiscal start out of range reads as April).
    pub fn calendar_months(&self) -> Vec<u8> {
        let start = FiscalStart::new(self.fiscal_start).unwrap_or_default();
        PeriodSpec::new(self.period, start, self.period_index)
            .map(PeriodSpec::calendar_months)
            .unwrap_or_default()
    }

    /// Sets the period kind and keeps the index inside it.
    pub fn set_period(&mut self, period: Period) {
        self.period = period;
        self.period_index = self.period_index.min(period.per_year() - 1);
    }

    /// The weight text of calendar month `month` (1–12): "1" when months are even.
    pub fn weight_text(&self, month: u8) -> String {
        self.weights
            .get(usize::from(month.saturating_sub(1)))
            .cloned()
            .unwrap_or_else(|| "1".into())
    }

    /// Edits one month's weight, switching to seasonal weights (all "1") on the first edit.
    pub fn set_weight(&mut self, month: u8, text: &str) {
        if !(1..=12).contains(&month) {
            return;
        }
        if self.weights.len() != 12 {
            self.weights = vec!["1".into(); 12];
        }
        self.weights[usize::from(month - 1)] = text.chars().take(16).collect();
    }

    pub fn reset_weights(&mut self) {
        self.weights.clear();
    }

    fn weights_for(&self, spec: PeriodSpec, errors: &mut PlanErrors) -> Option<Weights> {
        if self.weights.is_empty() {
            return Some(Weights::Even);
        }
        let mut values = Vec::new();
        for month in spec.calendar_months() {
            let text = self.weight_text(month);
            values.push(errors.read(PlanField::Weight(month), parse_weight(&text))?);
        }
        if values.iter().all(|w| *w == 0.0) {
            errors.plan(PlanField::Weights, PlanInputError::WeightsAllZero);
            return None;
        }
        Some(Weights::Seasonal(values))
    }

    /// The dwell-days text of stage `id` ("" when never typed).
    pub fn dwell_text(&self, id: u32) -> String {
        self.dwell_days
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }

    pub fn set_dwell(&mut self, id: u32, text: &str) {
        let text: String = text.chars().take(16).collect();
        match self.dwell_days.iter_mut().find(|(i, _)| *i == id) {
            Some(entry) => entry.1 = text,
            None => self.dwell_days.push((id, text)),
        }
    }

    pub fn set_distribution(&mut self, lag: usize, text: &str) {
        if let Some(slot) = self.distribution.get_mut(lag) {
            *slot = text.chars().take(16).collect();
        }
    }

    /// The distribution's percents added up, when every one reads.
    pub fn distribution_total(&self) -> Option<f64> {
        self.distribution.iter().map(|t| parse_share(t).ok()).sum()
    }

    pub fn add_distribution_month(&mut self) {
        if self.distribution.len() < MAX_DISTRIBUTION_MONTHS {
            self.distribution.push("0".into());
        }
    }

    pub fn remove_distribution_month(&mut self) {
        if self.distribution.len() > 1 {
            self.distribution.pop();
        }
    }

    /// The lead time, reading each field of the chosen mode (dwell days per transition of
    /// `stage_ids`, the won stage last).
    fn lead_time(&self, stage_ids: &[u32], errors: &mut PlanErrors) -> Option<LeadTime> {
        let days = |errors: &mut PlanErrors, field, text: &str| {
            errors.read(field, parse_whole(text, u64::from(MAX_LEAD_DAYS)))
        };
        let lead_time = match self.lead_time {
            LeadTimeMode::AverageDays => {
                LeadTime::AverageDays(
                    days(errors, PlanField::AverageDays, &self.average_days)? as u32
                )
            }
            LeadTimeMode::StageDwell => {
                let transitions = &stage_ids[..stage_ids.len().saturating_sub(1)];
                let before = errors.len();
                let dwell: Vec<u32> = transitions
                    .iter()
                    .filter_map(|id| {
                        let text = self.dwell_text(*id);
                        let text = if text.trim().is_empty() { "0" } else { &text };
                        days(errors, PlanField::Dwell(*id), text).map(|d| d as u32)
                    })
                    .collect();
                if errors.len() > before {
                    return None;
                }
                LeadTime::StageDwellDays(dwell)
            }
            LeadTimeMode::Distribution => {
                let before = errors.len();
                let shares: Vec<f64> = self
                    .distribution
                    .iter()
                    .enumerate()
                    .filter_map(|(i, t)| errors.read(PlanField::Distribution(i), parse_share(t)))
                    .collect();
                if errors.len() > before {
                    return None;
                }
                LeadTime::Distribution(shares)
            }
        };
        match lead_time.per_stage(
            stage_ids.len(),
            StageSplit::new(0, DEFAULT_SALES_CYCLE_SHARE),
        ) {
            Ok(_) => Some(lead_time),
            Err(e) => {
                let field = match self.lead_time {
                    LeadTimeMode::AverageDays => PlanField::AverageDays,
                    LeadTimeMode::StageDwell => PlanField::Dwell(stage_ids[0]),
                    LeadTimeMode::Distribution => PlanField::DistributionTotal,
                };
                errors.plan(field, e);
                None
            }
        }
    }

    /// The month-by-month plan, headcount, coverage, velocity and cohort comparison for
    /// `funnel`, whose stages carry `stage_ids`; or every problem, each against its field.
    pub fn time_plan(&self, funnel: &Funnel, stage_ids: &[u32]) -> Result<TimePlan, PlanErrors> {
        let mut errors = PlanErrors::default();
        let spec = self.period_spec(&mut errors);
        let weights = spec.and_then(|s| self.weights_for(s, &mut errors));
        let lead_time = self.lead_time(stage_ids, &mut errors);
        let inside = errors.read(PlanField::InsidePerRep, Count::parse(&self.inside_per_rep));
        let field = errors.read(PlanField::FieldPerRep, Count::parse(&self.field_per_rep));
        // Blank and 0 both mean nothing open.
        let open = if self.open_pipeline.trim().is_empty() {
            Some(None)
        } else {
            errors
                .read(PlanField::OpenPipeline, parse_amount(&self.open_pipeline))
                .map(|v| Money::from_hundredths((v * 100.0).round() as u64).ok())
        };
        let share = if self.sales_cycle_share.trim().is_empty() {
            Some(DEFAULT_SALES_CYCLE_SHARE)
        } else {
            errors
                .read(
                    PlanField::SalesCycleShare,
                    parse_share(&self.sales_cycle_share),
                )
                .map(|p| p / 100.0)
        };
        let (
            Some(spec),
            Some(weights),
            Some(lead_time),
            Some(inside),
            Some(field),
            Some(open),
            Some(share),
        ) = (spec, weights, lead_time, inside, field, open, share)
        else {
            return Err(errors);
        };
        let fail =
            |e: PlanInputError| PlanErrors::one(PlanField::AverageDays, FieldProblem::Plan(e));
        let won = funnel.won_index();
        let win_rate = funnel.stages[won.saturating_sub(1)].rate_to_next;
        let lead_stage = lead_stage(funnel);
        let open_pipeline_deals = open.map_or(0.0, |v| {
            v.units() * win_rate.fraction() / funnel.deal_size.units()
        });
        let options = PhasingOptions {
            split: StageSplit::new(lead_stage, share),
            open_pipeline_deals: if open_pipeline_deals.is_finite() {
                open_pipeline_deals
            } else {
                0.0
            },
        };
        let monthly =
            monthly_plan_with(funnel, spec, &weights, &lead_time, options).map_err(fail)?;
        let staffing = staffing(&monthly, funnel, inside, field).map_err(fail)?;
        let coverage = coverage(open, funnel.target, win_rate);
        // The sales cycle proper is known only from per-stage days; otherwise the whole lead
        // time is what there is, and the page says which was used.
        let (cycle_days, cycle_source) = match &lead_time {
            LeadTime::StageDwellDays(dwell) if won >= 1 && dwell.len() >= won => {
                (f64::from(dwell[won - 1]), CycleDays::SalesCycle)
            }
            _ => (
                lead_time
                    .distribution()
                    .map(|d| d.mean_months() * DAYS_PER_MONTH)
                    .unwrap_or(0.0),
                CycleDays::LeadToClose,
            ),
        };
        let cycle_whole = cycle_days.round();
        let opportunities = monthly.reverse.stages[won.saturating_sub(1)].exact;
        let velocity = (cycle_whole >= 1.0)
            .then(|| {
                sales_velocity(
                    opportunities,
                    funnel.deal_size,
                    win_rate,
                    cycle_whole as u32,
                )
                .ok()
            })
            .flatten();
        let cohort = compare(&monthly, lead_stage);
        Ok(TimePlan {
            lead_stage,
            monthly,
            staffing,
            coverage,
            velocity,
            cycle_days: cycle_whole,
            cycle_source,
            velocity_opportunities: opportunities,
            open_pipeline_deals: options.open_pipeline_deals,
            sales_cycle_share: share,
            cohort,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::error::InputError;

    fn funnel() -> (Funnel, Vec<u32>) {
        let d = Draft::default();
        (d.funnel().unwrap(), d.stages.iter().map(|s| s.id).collect())
    }

    #[test]
    fn the_default_plan_evaluates() {
        let (f, ids) = funnel();
        let p = PlanDraft::default();
        let t = p.time_plan(&f, &ids).unwrap();
        // 90 days = 2.96 months: deals take up to 3 months, so 3 months before the quarter.
        assert_eq!(t.monthly.months.len(), 6);
        assert_eq!(t.monthly.months[3].calendar_month, 4);
        assert_eq!(t.cycle_days, 90.0);
        // 80 opportunities × ¥5,000,000 × 25 % ÷ 90 days.
        assert!((t.velocity.unwrap() - 1_111_111.11).abs() < 0.01);
        assert!(!t.coverage.enough);
        let m = p.money_plan(&f).unwrap();
        assert_eq!(m.mix.blended.leads, 6_667);
        assert!(m.economics.is_ok());
    }

    #[test]
    fn each_bad_field_is_reported_against_itself() {
        let (f, ids) = funnel();
        let p = PlanDraft {
            average_days: "abc".into(),
            inside_per_rep: "0".into(),
            ..PlanDraft::default()
        };
        let e = p.time_plan(&f, &ids).unwrap_err();
        assert_eq!(
            e.get(PlanField::AverageDays),
            Some(&FieldProblem::Input(InputError::NotANumber))
        );
        assert_eq!(
            e.get(PlanField::InsidePerRep),
            Some(&FieldProblem::Input(InputError::NotPositive))
        );
    }

    #[test]
    fn a_distribution_must_add_up_to_100() {
        let (f, ids) = funnel();
        let mut p = PlanDraft {
            lead_time: LeadTimeMode::Distribution,
            ..PlanDraft::default()
        };
        assert!(p.time_plan(&f, &ids).is_ok());
        p.set_distribution(1, "40");
        let e = p.time_plan(&f, &ids).unwrap_err();
        assert!(matches!(
            e.get(PlanField::DistributionTotal),
            Some(FieldProblem::Plan(PlanInputError::SharesNotHundred { .. }))
        ));
    }

    #[test]
    fn dwell_days_default_to_zero_and_are_read_per_stage() {
        let (f, ids) = funnel();
        let mut p = PlanDraft {
            lead_time: LeadTimeMode::StageDwell,
            ..PlanDraft::default()
        };
        let t = p.time_plan(&f, &ids).unwrap();
        assert_eq!(t.monthly.months.len(), 3);
        p.set_dwell(ids[3], "60");
        let t = p.time_plan(&f, &ids).unwrap();
        assert_eq!(t.monthly.months.len(), 5);
        p.set_dwell(ids[2], "-1");
        assert!(p.time_plan(&f, &ids).is_err());
    }
}
