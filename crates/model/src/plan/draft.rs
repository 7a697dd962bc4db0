//! The time-and-money inputs exactly as typed, and their evaluation into the monthly plan and
//! the channel mix. Like [`crate::draft::Draft`], text is kept as typed so a wrong field is never
//! thrown away; every field's problem is reported against that field, and the time plan and the
//! money plan are evaluated apart so a bad budget never blanks the month table.

use serde::{Deserialize, Serialize};

use super::channels::{
    default_channels, plan_channels, Channel, ChannelKind, ChannelMix, Spend, Volume,
};
use super::cohort::{compare, CohortComparison};
use super::economics::{unit_economics, EconomicsInput, UnitEconomics};
use super::error::PlanInputError;
use super::lead_time::{
    LeadTime, StageSplit, DAYS_PER_MONTH, DEFAULT_SALES_CYCLE_SHARE, MAX_LEAD_DAYS,
};
use super::period::{FiscalStart, Period, PeriodSpec, Weights};
use super::phasing::{monthly_plan_with, MonthlyPlan, PhasingOptions};
use super::velocity::{coverage, sales_velocity, staffing, Coverage, Staffing};
use crate::error::InputError;
use crate::funnel::Funnel;
use crate::lang::Lang;
use crate::parse::{parse_percent, parse_quantity};
use crate::values::{Count, Money, Rate, MAX_AMOUNT};

/// Most channels a table holds: more would not fit a chart or a link.
pub const MAX_CHANNELS: usize = 12;
/// Most months a lead-time distribution lists (lag 0 … 24).
pub const MAX_DISTRIBUTION_MONTHS: usize = 25;

/// How the lead time is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadTimeMode {
    #[default]
    AverageDays,
    StageDwell,
    Distribution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeMode {
    #[default]
    Share,
    Fixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpendMode {
    #[default]
    CostPerLead,
    Budget,
}

/// One channel row as typed. `id` keys the row on the page and its errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelDraft {
    pub id: u32,
    pub kind: ChannelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub volume_mode: VolumeMode,
    /// A share in percent, or a fixed lead count.
    pub volume: String,
    /// Visit (click, booth visitor …) → lead, percent.
    pub cvr: String,
    pub spend_mode: SpendMode,
    /// Cost per lead, or the period's budget.
    pub spend: String,
    /// The channel's own lead → MQL rate; empty uses the funnel's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead_to_mql: String,
}

impl ChannelDraft {
    /// The user's name, or the kind's (as [`Channel::display_name`]).
    pub fn display_name(&self, lang: Lang) -> String {
        super::channels::display_name(self.kind, self.name.as_deref(), lang)
    }
}

/// Every time-and-money input as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub period: Period,
    /// Fiscal year start, 1–12.
    pub fiscal_start: u8,
    /// Which quarter or month of the fiscal year (0-based).
    pub period_index: u8,
    /// Seasonality weights by calendar month (January first); empty = even months.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<String>,
    pub lead_time: LeadTimeMode,
    pub average_days: String,
    /// (stage id, days spent there before the next stage), for the stage-dwell mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dwell_days: Vec<(u32, String)>,
    /// Percent closing 0, 1, 2 … months after creation, for the distribution mode.
    pub distribution: Vec<String>,
    /// SQL (or MQL) one inside-sales rep takes on a month.
    pub inside_per_rep: String,
    /// Opportunities one field-sales rep takes on a month.
    pub field_per_rep: String,
    /// Pipeline value already open at the period start; empty = none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub open_pipeline: String,
    /// Percent of the lead time left when an opportunity is created (the sales cycle), for
    /// placing the stages when only the whole lead time is given; empty = the stated default.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sales_cycle_share: String,
    pub channels: Vec<ChannelDraft>,
    /// Sales cost for the period (people, tools).
    pub sales_cost: String,
    /// Revenue per account per month.
    pub revenue_per_account: String,
    pub gross_margin: String,
    pub monthly_churn: String,
    /// The user has accepted the sample channels and unit-economics figures as their own, so
    /// they are no longer marked as samples. Absent in older documents: false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub samples_confirmed: bool,
}

/// A default amount as a user would type it: `15,000`.
fn amount_text(units: f64) -> String {
    crate::format::group_thousands(&(units.round() as u64).to_string())
}

impl Default for PlanDraft {
    /// The first quarter of an April fiscal year, 90 days from lead to close, the seven default
    /// channels, and round unit-economics figures to edit.
    fn default() -> PlanDraft {
        let channels = default_channels()
            .into_iter()
            .zip(0u32..)
            .map(|(c, id)| ChannelDraft {
                id,
                kind: c.kind,
                name: None,
                volume_mode: VolumeMode::Share,
                volume: match c.volume {
                    Volume::SharePercent(s) => crate::format::format_decimal(s, 2),
                    Volume::Fixed(n) => n.to_string(),
                },
                cvr: c.visit_cvr.to_percent_text(),
                spend_mode: SpendMode::CostPerLead,
                spend: match c.spend {
                    Spend::CostPerLead(v) | Spend::Budget(v) => amount_text(v),
                },
                lead_to_mql: c.lead_to_mql.map(Rate::to_percent_text).unwrap_or_default(),
            })
            .collect();
        PlanDraft {
            period: Period::Quarter,
            fiscal_start: 4,
            period_index: 0,
            weights: Vec::new(),
            lead_time: LeadTimeMode::AverageDays,
            average_days: "90".into(),
            dwell_days: Vec::new(),
            distribution: vec!["0".into(), "30".into(), "50".into(), "20".into()],
            inside_per_rep: "40".into(),
            field_per_rep: "8".into(),
            open_pipeline: String::new(),
            sales_cycle_share: String::new(),
            channels,
            sales_cost: "1,500万".into(),
            revenue_per_account: "40万".into(),
            gross_margin: "70".into(),
            monthly_churn: "1".into(),
            samples_confirmed: false,
        }
    }
}

/// Which groups of inputs still hold the sample figures they started with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Samples {
    /// The seven sample channels with their sample shares, CVRs and costs.
    pub channels: bool,
    /// The sample sales cost, revenue per account, gross margin and churn.
    pub economics: bool,
}

impl PlanDraft {
    /// The input groups still untouched since they were filled with sample figures (and not
    /// confirmed): their results are examples, not answers, and the page says so.
    pub fn samples(&self) -> Samples {
        if self.samples_confirmed {
            return Samples::default();
        }
        let sample = PlanDraft::default();
        Samples {
            channels: self.channels == sample.channels
                || self.channels == PlanDraft::starter_channels(),
            economics: self.sales_cost == sample.sales_cost
                && self.revenue_per_account == sample.revenue_per_account
                && self.gross_margin == sample.gross_margin
                && self.monthly_churn == sample.monthly_churn,
        }
    }
}

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

/// A field's problem: its text does not read, or the value makes no plan.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    Input(InputError),
    Plan(PlanInputError),
}

/// Every problem found, each against its field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanErrors(pub Vec<(PlanField, FieldProblem)>);

impl PlanErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: PlanField) -> Option<&FieldProblem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    fn input<T>(&mut self, field: PlanField, result: Result<T, InputError>) -> Option<T> {
        result
            .map_err(|e| self.0.push((field, FieldProblem::Input(e))))
            .ok()
    }

    fn plan(&mut self, field: PlanField, e: PlanInputError) {
        self.0.push((field, FieldProblem::Plan(e)));
    }
}

/// A whole number ≥ 0 up to `max` (days, lead counts).
fn parse_whole(text: &str, max: u64) -> Result<u64, InputError> {
    let n = parse_quantity(text, &[], &['件', '日', '人'])?
        .scaled(0)
        .map_err(|e| match e {
            InputError::TooPrecise { .. } => InputError::NotWhole,
            other => other,
        })?;
    if n > u128::from(max) {
        return Err(InputError::TooLarge);
    }
    Ok(n as u64)
}

/// Money ≥ 0 in whole units (0 allowed: a free channel).
fn parse_amount(text: &str) -> Result<f64, InputError> {
    let hundredths = parse_quantity(text, &['¥', '$'], &['円'])?.scaled(2)?;
    if hundredths > u128::from(MAX_AMOUNT) * 100 {
        return Err(InputError::TooLarge);
    }
    Ok(hundredths as f64 / 100.0)
}

/// A percentage 0–100 (0 allowed: a share or a month with nothing).
fn parse_share(text: &str) -> Result<f64, InputError> {
    let ppm = parse_percent(text)?.scaled(4)?;
    if ppm > 1_000_000 {
        return Err(InputError::RateAboveHundred);
    }
    Ok(ppm as f64 / 10_000.0)
}

/// A seasonality weight: any number ≥ 0 up to a million (weights are relative).
fn parse_weight(text: &str) -> Result<f64, InputError> {
    let v = parse_quantity(text, &[], &['%'])?.scaled(4)?;
    if v > 1_000_000 * 10_000 {
        return Err(InputError::TooLarge);
    }
    Ok(v as f64 / 10_000.0)
}

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

/// The channel mix and its unit economics (which may fail on their own fields).
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyPlan {
    pub mix: ChannelMix,
    pub economics: Result<UnitEconomics, PlanErrors>,
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
            values.push(errors.input(PlanField::Weight(month), parse_weight(&text))?);
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

    /// The shares of the channels given by share, added up, when every one reads (`None` also
    /// when no channel uses a share).
    pub fn share_total(&self) -> Option<f64> {
        let shares: Vec<&String> = self
            .channels
            .iter()
            .filter(|c| c.volume_mode == VolumeMode::Share)
            .map(|c| &c.volume)
            .collect();
        if shares.is_empty() {
            return None;
        }
        shares.iter().map(|t| parse_share(t).ok()).sum()
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
            errors.input(field, parse_whole(text, u64::from(MAX_LEAD_DAYS)))
        };
        let lead_time = match self.lead_time {
            LeadTimeMode::AverageDays => {
                LeadTime::AverageDays(
                    days(errors, PlanField::AverageDays, &self.average_days)? as u32
                )
            }
            LeadTimeMode::StageDwell => {
                let transitions = &stage_ids[..stage_ids.len().saturating_sub(1)];
                let before = errors.0.len();
                let dwell: Vec<u32> = transitions
                    .iter()
                    .filter_map(|id| {
                        let text = self.dwell_text(*id);
                        let text = if text.trim().is_empty() { "0" } else { &text };
                        days(errors, PlanField::Dwell(*id), text).map(|d| d as u32)
                    })
                    .collect();
                if errors.0.len() > before {
                    return None;
                }
                LeadTime::StageDwellDays(dwell)
            }
            LeadTimeMode::Distribution => {
                let before = errors.0.len();
                let shares: Vec<f64> = self
                    .distribution
                    .iter()
                    .enumerate()
                    .filter_map(|(i, t)| errors.input(PlanField::Distribution(i), parse_share(t)))
                    .collect();
                if errors.0.len() > before {
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
        let inside = errors.input(PlanField::InsidePerRep, Count::parse(&self.inside_per_rep));
        let field = errors.input(PlanField::FieldPerRep, Count::parse(&self.field_per_rep));
        // Blank and 0 both mean nothing open.
        let open = if self.open_pipeline.trim().is_empty() {
            Some(None)
        } else {
            errors
                .input(PlanField::OpenPipeline, parse_amount(&self.open_pipeline))
                .map(|v| Money::from_hundredths((v * 100.0).round() as u64).ok())
        };
        let share = if self.sales_cycle_share.trim().is_empty() {
            Some(DEFAULT_SALES_CYCLE_SHARE)
        } else {
            errors
                .input(
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
            |e: PlanInputError| PlanErrors(vec![(PlanField::AverageDays, FieldProblem::Plan(e))]);
        let won = funnel.won_index();
        let win_rate = funnel.stages[won.saturating_sub(1)].rate_to_next;
        let lead_stage = super::phasing::lead_stage(funnel);
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

    /// The channel table read into channels, each field's problem against it.
    pub fn channels(&self) -> Result<Vec<Channel>, PlanErrors> {
        let mut errors = PlanErrors::default();
        let mut channels = Vec::new();
        for c in &self.channels {
            let volume = match c.volume_mode {
                VolumeMode::Share => errors
                    .input(PlanField::ChannelVolume(c.id), parse_share(&c.volume))
                    .map(Volume::SharePercent),
                VolumeMode::Fixed => errors
                    .input(
                        PlanField::ChannelVolume(c.id),
                        parse_whole(&c.volume, MAX_AMOUNT),
                    )
                    .map(Volume::Fixed),
            };
            let cvr = errors.input(PlanField::ChannelCvr(c.id), Rate::parse(&c.cvr));
            let spend = errors
                .input(PlanField::ChannelSpend(c.id), parse_amount(&c.spend))
                .and_then(|v| match c.spend_mode {
                    SpendMode::CostPerLead => Some(Spend::CostPerLead(v)),
                    SpendMode::Budget if v == 0.0 => {
                        errors.plan(
                            PlanField::ChannelSpend(c.id),
                            PlanInputError::ZeroBudget {
                                channel: channels.len(),
                            },
                        );
                        None
                    }
                    SpendMode::Budget => Some(Spend::Budget(v)),
                });
            let mql = if c.lead_to_mql.trim().is_empty() {
                Some(None)
            } else {
                errors
                    .input(PlanField::ChannelMql(c.id), Rate::parse(&c.lead_to_mql))
                    .map(Some)
            };
            if let (Some(volume), Some(visit_cvr), Some(spend), Some(lead_to_mql)) =
                (volume, cvr, spend, mql)
            {
                channels.push(Channel {
                    kind: c.kind,
                    name: c.name.clone(),
                    volume,
                    visit_cvr,
                    spend,
                    lead_to_mql,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Err(e) = super::channels::validate(&channels) {
            let field = match e {
                PlanInputError::ZeroBudget { channel } => {
                    PlanField::ChannelSpend(self.channels[channel].id)
                }
                _ => PlanField::Channels,
            };
            errors.plan(field, e);
            return Err(errors);
        }
        Ok(channels)
    }

    /// The channel mix for `funnel` and its unit economics.
    pub fn money_plan(&self, funnel: &Funnel) -> Result<MoneyPlan, PlanErrors> {
        let channels = self.channels()?;
        let mix = plan_channels(funnel, &channels)
            .map_err(|e| PlanErrors(vec![(PlanField::Channels, FieldProblem::Plan(e))]))?;
        let economics = self.economics(funnel, &mix);
        Ok(MoneyPlan { mix, economics })
    }

    fn economics(&self, funnel: &Funnel, mix: &ChannelMix) -> Result<UnitEconomics, PlanErrors> {
        let mut errors = PlanErrors::default();
        let sales = errors.input(PlanField::SalesCost, parse_amount(&self.sales_cost));
        let revenue = errors.input(
            PlanField::RevenuePerAccount,
            parse_amount(&self.revenue_per_account),
        );
        let margin = errors.input(PlanField::GrossMargin, Rate::parse(&self.gross_margin));
        let churn = errors.input(PlanField::MonthlyChurn, Rate::parse(&self.monthly_churn));
        let (Some(sales), Some(revenue), Some(margin), Some(churn)) =
            (sales, revenue, margin, churn)
        else {
            return Err(errors);
        };
        // The customers are the deals the channel plan delivers, the same count CPA divides
        // by, so CAC (marketing + sales) can never come out below marketing-only CPA.
        let won = mix.blended.won;
        unit_economics(&EconomicsInput {
            marketing_cost: mix.blended.budget,
            sales_cost: sales,
            new_customers: won,
            monthly_revenue_per_account: revenue,
            gross_margin: margin,
            monthly_churn: churn,
            attributed_revenue: won * funnel.deal_size.units(),
        })
        .map_err(|e| {
            let field = match e {
                PlanInputError::NoMarginPerAccount => PlanField::RevenuePerAccount,
                _ => PlanField::SalesCost,
            };
            PlanErrors(vec![(field, FieldProblem::Plan(e))])
        })
    }

    fn channel_mut(&mut self, id: u32) -> Option<&mut ChannelDraft> {
        self.channels.iter_mut().find(|c| c.id == id)
    }

    /// Edits one channel row in place.
    pub fn edit_channel(&mut self, id: u32, edit: impl FnOnce(&mut ChannelDraft)) {
        if let Some(c) = self.channel_mut(id) {
            edit(c);
            if let Some(name) = &mut c.name {
                *name = name.chars().take(crate::stage::MAX_NAME_CHARS).collect();
            }
        }
    }

    /// The short channel list a new scenario starts with (web ads, SEO/content, webinar, with
    /// the sample rates and costs of the full list), for the user to extend; the seven-channel
    /// default stays what older documents without channels mean.
    pub fn starter_channels() -> Vec<ChannelDraft> {
        let shares = [
            (ChannelKind::WebAds, "50"),
            (ChannelKind::SeoContent, "30"),
            (ChannelKind::Webinar, "20"),
        ];
        let full = PlanDraft::default().channels;
        shares
            .iter()
            .zip(0u32..)
            .filter_map(|((kind, share), id)| {
                let c = full.iter().find(|c| c.kind == *kind)?;
                Some(ChannelDraft {
                    id,
                    volume: (*share).to_string(),
                    ..c.clone()
                })
            })
            .collect()
    }

    /// Gives channel `id` the share the other share channels leave (100 % − theirs, at least
    /// 0), so the shares add up to 100 %. False when the channel is not a share channel or the
    /// other shares are not numbers.
    pub fn fill_share(&mut self, id: u32) -> bool {
        let mut others = 0.0;
        for c in &self.channels {
            if c.id != id && c.volume_mode == VolumeMode::Share {
                match parse_share(&c.volume) {
                    Ok(share) => others += share,
                    Err(_) => return false,
                }
            }
        }
        let Some(c) = self
            .channels
            .iter_mut()
            .find(|c| c.id == id && c.volume_mode == VolumeMode::Share)
        else {
            return false;
        };
        c.volume = crate::format::format_decimal((100.0 - others).max(0.0), 4).replace(',', "");
        true
    }

    /// Puts a removed channel back at `index` (its id renewed if a new channel took it), for
    /// undoing a removal.
    pub fn restore_channel(&mut self, index: usize, mut channel: ChannelDraft) -> bool {
        if !self.can_add_channel() {
            return false;
        }
        if self.channels.iter().any(|c| c.id == channel.id) {
            channel.id = self.channels.iter().map(|c| c.id + 1).max().unwrap_or(0);
        }
        self.channels
            .insert(index.min(self.channels.len()), channel);
        true
    }

    pub fn can_add_channel(&self) -> bool {
        self.channels.len() < MAX_CHANNELS
    }

    /// Adds a custom channel with 0 % share (so the shares still add up) and returns its id.
    pub fn add_channel(&mut self) -> Option<u32> {
        if !self.can_add_channel() {
            return None;
        }
        let id = self.channels.iter().map(|c| c.id + 1).max().unwrap_or(0);
        self.channels.push(ChannelDraft {
            id,
            kind: ChannelKind::Custom,
            name: None,
            volume_mode: VolumeMode::Share,
            volume: "0".into(),
            cvr: "2".into(),
            spend_mode: SpendMode::CostPerLead,
            spend: "10,000".into(),
            lead_to_mql: String::new(),
        });
        Some(id)
    }

    pub fn remove_channel(&mut self, id: u32) -> bool {
        let before = self.channels.len();
        if before > 1 {
            self.channels.retain(|c| c.id != id);
        }
        self.channels.len() < before
    }

    /// Whether every text is at most `max_chars` long (names at most the stage-name limit) and
    /// every list within its cap: what storage, import and links refuse beyond.
    pub fn within_limits(&self, max_chars: usize) -> bool {
        let short = |t: &String| t.chars().nth(max_chars).is_none();
        let channels_ok = self.channels.len() <= MAX_CHANNELS
            && self.channels.iter().all(|c| {
                [&c.volume, &c.cvr, &c.spend, &c.lead_to_mql]
                    .into_iter()
                    .all(short)
                    && c.name
                        .as_ref()
                        .is_none_or(|n| n.chars().nth(crate::stage::MAX_NAME_CHARS).is_none())
            });
        channels_ok
            && self.weights.len() <= 12
            && self.weights.iter().all(short)
            && self.distribution.len() <= MAX_DISTRIBUTION_MONTHS
            && self.distribution.iter().all(short)
            && self.dwell_days.len() <= crate::funnel::MAX_STAGES
            && self.dwell_days.iter().all(|(_, t)| short(t))
            && [
                &self.average_days,
                &self.inside_per_rep,
                &self.field_per_rep,
                &self.open_pipeline,
                &self.sales_cycle_share,
                &self.sales_cost,
                &self.revenue_per_account,
                &self.gross_margin,
                &self.monthly_churn,
            ]
            .into_iter()
            .all(short)
    }

    /// Keeps stored data inside the limits a hand-edited file could break.
    pub(crate) fn repair(&mut self) {
        if !(1..=12).contains(&self.fiscal_start) {
            self.fiscal_start = 4;
        }
        self.set_period(self.period);
        if !self.weights.is_empty() && self.weights.len() != 12 {
            self.weights.clear();
        }
        self.channels.truncate(MAX_CHANNELS);
        if self.channels.is_empty() {
            self.channels = PlanDraft::default().channels;
        }
        self.distribution.truncate(MAX_DISTRIBUTION_MONTHS);
        if self.distribution.is_empty() {
            self.distribution.push("100".into());
        }
        let mut seen = std::collections::HashSet::new();
        let mut next = self.channels.iter().map(|c| c.id).max().unwrap_or(0);
        for c in &mut self.channels {
            if !seen.insert(c.id) {
                next += 1;
                c.id = next;
                seen.insert(next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn filling_a_share_balances_the_shares_to_one_hundred() {
        let mut p = PlanDraft::default();
        // 30 + 20 + 15 + 15 + 10 + 5 + 5: set the first to 10, then fill the last
        p.channels[0].volume = "10".into();
        assert_eq!(p.share_total(), Some(80.0));
        let last = p.channels[6].id;
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "25");
        assert_eq!(p.share_total(), Some(100.0));
        // already over 100 without it: the filled channel gets 0
        p.channels[0].volume = "90".into();
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "0");
        // fractional remainders stay exact to the typed precision
        p.channels[0].volume = "33.3333".into();
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "1.6667"); // 100 − 33.3333 − 65
                                                    // a fixed-count channel has no share to fill
        p.channels[1].volume_mode = VolumeMode::Fixed;
        assert!(!p.fill_share(p.channels[1].id));
        // a share that is not a number leaves nothing to compute from
        p.channels[2].volume = "abc".into();
        assert!(!p.fill_share(last));
    }

    #[test]
    fn a_removed_channel_comes_back_where_it_was() {
        let mut p = PlanDraft::default();
        let removed = p.channels[2].clone();
        assert!(p.remove_channel(removed.id));
        assert!(p.restore_channel(2, removed.clone()));
        assert_eq!(p, PlanDraft::default());
        // its id taken meanwhile by a new channel: it comes back under a fresh id
        let last = p.channels[6].clone();
        p.remove_channel(last.id);
        let new_id = p.add_channel().unwrap();
        assert_eq!(new_id, last.id);
        assert!(p.restore_channel(6, last.clone()));
        assert_eq!(p.channels[6].kind, last.kind);
        assert_ne!(p.channels[6].id, new_id);
    }

    #[test]
    fn a_new_scenario_starts_with_three_sample_channels() {
        let p = PlanDraft {
            channels: PlanDraft::starter_channels(),
            ..PlanDraft::default()
        };
        assert_eq!(p.channels.len(), 3);
        assert_eq!(p.share_total(), Some(100.0));
        assert!(p.samples().channels);
        assert!(p.channels().is_ok());
    }

    #[test]
    fn untouched_sample_figures_are_known_until_changed_or_confirmed() {
        let mut p = PlanDraft::default();
        assert_eq!(
            p.samples(),
            Samples {
                channels: true,
                economics: true
            }
        );
        p.channels[0].spend = "12,000".into();
        assert!(!p.samples().channels);
        assert!(p.samples().economics);
        p.gross_margin = "60".into();
        assert!(!p.samples().economics);
        let q = PlanDraft {
            samples_confirmed: true,
            ..PlanDraft::default()
        };
        assert_eq!(q.samples(), Samples::default());
        // older documents carry no flag: read as not confirmed, and an unconfirmed plan
        // writes none
        let json = serde_json::to_string(&PlanDraft::default()).unwrap();
        assert!(!json.contains("samples_confirmed"));
        let back: PlanDraft = serde_json::from_str(&json).unwrap();
        assert!(!back.samples_confirmed);
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains("\"samples_confirmed\":true"));
    }

    use super::*;
    use crate::draft::Draft;

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
    fn weights_of_all_zero_and_shares_off_100_are_refused() {
        let (f, ids) = funnel();
        let mut p = PlanDraft::default();
        for m in [4, 5, 6] {
            p.set_weight(m, "0");
        }
        let e = p.time_plan(&f, &ids).unwrap_err();
        assert_eq!(
            e.get(PlanField::Weights),
            Some(&FieldProblem::Plan(PlanInputError::WeightsAllZero))
        );
        // Other months' weights do not matter to Q1.
        p.set_weight(4, "2");
        assert!(p.time_plan(&f, &ids).is_ok());

        let mut p = PlanDraft::default();
        p.channels[0].volume = "40".into();
        let e = p.money_plan(&f).unwrap_err();
        assert!(matches!(
            e.get(PlanField::Channels),
            Some(FieldProblem::Plan(PlanInputError::SharesNotHundred { .. }))
        ));
    }

    #[test]
    fn a_budget_of_zero_is_refused_but_a_free_channel_is_not() {
        let (f, _) = funnel();
        let mut p = PlanDraft::default();
        p.channels[1].spend = "0".into();
        assert!(p.money_plan(&f).is_ok());
        p.channels[1].spend_mode = SpendMode::Budget;
        let e = p.money_plan(&f).unwrap_err();
        assert!(matches!(
            e.get(PlanField::ChannelSpend(1)),
            Some(FieldProblem::Plan(PlanInputError::ZeroBudget {
                channel: 1
            }))
        ));
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

    #[test]
    fn repair_fixes_hand_edited_values() {
        let mut p = PlanDraft {
            fiscal_start: 13,
            period_index: 9,
            weights: vec!["1".into(); 3],
            channels: Vec::new(),
            distribution: Vec::new(),
            ..PlanDraft::default()
        };
        p.repair();
        assert_eq!(p.fiscal_start, 4);
        assert_eq!(p.period_index, 3);
        assert!(p.weights.is_empty());
        assert_eq!(p.channels.len(), 7);
        assert_eq!(p.distribution, vec!["100".to_string()]);
    }
}
