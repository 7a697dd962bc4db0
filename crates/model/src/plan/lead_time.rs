//! How long a deal takes from creation to close, turned into what the month-by-month plan
//! needs: a distribution over whole-month lags (share closing 0, 1, 2 … months after creation).
//!
//! Average days become months at 30.4 days a month (365 ÷ 12 ≈ 30.42, rounded to the figure
//! planners use), split linearly between the two neighbouring whole months so the mean lag is
//! exactly the average: 45 days = 1.48 months → 52 % close one month later, 48 % two months later.
//! Splitting, rather than rounding to the nearest month, keeps "a longer lead time never needs
//! less pipeline in advance" true day by day, not only in jumps of a month.

use serde::{Deserialize, Serialize};

use super::error::PlanInputError;

/// Days in an average month, for converting lead-time days to months.
pub const DAYS_PER_MONTH: f64 = 30.4;
/// Longest lag planned for: three years. Longer B2B cycles exist, but a monthly plan that far
/// out is not a plan.
pub const MAX_LAG_MONTHS: usize = 36;
/// [`MAX_LAG_MONTHS`] in days (36 × 30.4, rounded down).
pub const MAX_LEAD_DAYS: u32 = 1094;

/// The lead time as the user gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadTime {
    /// Average days from lead creation to close.
    AverageDays(u32),
    /// Days spent in each stage before moving on, one per transition (visits → leads first,
    /// opportunities → won last); their sum is the lead time.
    StageDwellDays(Vec<u32>),
    /// Percent of the deals created in a month that close 0, 1, 2 … months later
    /// (`[0, 30, 50, 20]`: 30 % one month later, 50 % after two, 20 % after three); sums to 100.
    Distribution(Vec<f64>),
}

impl Default for LeadTime {
    /// 90 days: a common order of magnitude for a mid-priced B2B deal, and one quarter.
    fn default() -> Self {
        LeadTime::AverageDays(90)
    }
}

/// Where the stages sit on the way from lead to close when only the whole lead time is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageSplit {
    /// The stage counted as leads, by position.
    pub lead_stage: usize,
    /// Share of the lead time left when the opportunity (the stage before won) is created:
    /// the sales cycle, 0–1.
    pub sales_cycle: f64,
}

/// The sales cycle's share of the lead time when none is given: half. Marketing nurture and
/// qualification before an opportunity take about as long as selling it in a typical B2B
/// cycle; the page states the figure and lets users change it.
pub const DEFAULT_SALES_CYCLE_SHARE: f64 = 0.5;

impl StageSplit {
    /// The lead stage first, opportunities half-way.
    pub fn new(lead_stage: usize, sales_cycle: f64) -> StageSplit {
        StageSplit {
            lead_stage,
            sales_cycle,
        }
    }

    /// Share of the lead time left when stage `i` of `stages` is created: 1 up to the lead
    /// stage, [`Self::sales_cycle`] at the stage before won, linear between, 0 at won.
    pub fn remaining(self, i: usize, stages: usize) -> f64 {
        let won = stages.saturating_sub(1);
        let opp = won.saturating_sub(1);
        let s = if self.sales_cycle.is_finite() {
            self.sales_cycle.clamp(0.0, 1.0)
        } else {
            DEFAULT_SALES_CYCLE_SHARE
        };
        if i >= won {
            0.0
        } else if i <= self.lead_stage || opp <= self.lead_stage {
            1.0
        } else {
            let step = (i - self.lead_stage) as f64 / (opp - self.lead_stage) as f64;
            1.0 - step * (1.0 - s)
        }
    }
}

/// Shares of deals by months between creation and close; index = lag in months, sum = 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LagDistribution(Vec<f64>);

impl LagDistribution {
    /// Everything closes in the month it is created.
    pub fn immediate() -> LagDistribution {
        LagDistribution(vec![1.0])
    }

    /// Average days → months at [`DAYS_PER_MONTH`], split between the two neighbouring months.
    pub fn from_days(days: u32) -> Result<LagDistribution, PlanInputError> {
        if days > MAX_LEAD_DAYS {
            return Err(PlanInputError::LeadTimeTooLong {
                days,
                max_days: MAX_LEAD_DAYS,
            });
        }
        Ok(LagDistribution::from_months(
            f64::from(days) / DAYS_PER_MONTH,
        ))
    }

    /// A lag of `months` (≥ 0, fractional), split linearly between the two neighbouring whole
    /// months so the mean lag is exactly `months`.
    pub fn from_months(months: f64) -> LagDistribution {
        let months = if months.is_finite() {
            months.clamp(0.0, MAX_LAG_MONTHS as f64)
        } else {
            0.0
        };
        let whole = months.floor() as usize;
        let frac = months - months.floor();
        let mut shares = vec![0.0; whole + 2];
        shares[whole] = 1.0 - frac;
        shares[whole + 1] = frac;
        LagDistribution::trimmed(shares)
    }

    /// This distribution with every lag scaled by `factor` (0–1): a stage created part of the
    /// way to close has the same spread of outcomes, each that much sooner. Each scaled lag is
    /// split linearly between its neighbouring months, so the mean scales exactly.
    pub fn scaled(&self, factor: f64) -> LagDistribution {
        let factor = if factor.is_finite() {
            factor.clamp(0.0, 1.0)
        } else {
            1.0
        };
        let mut shares = vec![0.0; self.0.len() + 1];
        for (k, share) in self.0.iter().enumerate() {
            let months = k as f64 * factor;
            let whole = months.floor() as usize;
            let frac = months - months.floor();
            shares[whole] += share * (1.0 - frac);
            shares[whole + 1] += share * frac;
        }
        LagDistribution::trimmed(shares)
    }

    /// Share still open `months` after creation: it closes that month or later.
    pub fn open_at(&self, months: usize) -> f64 {
        self.0.iter().skip(months).sum()
    }

    /// Percent per month lag, each 0–100, summing to 100 (within 0.01 points, for typed
    /// decimals like 33.33 + 33.33 + 33.34).
    pub fn from_percents(percents: &[f64]) -> Result<LagDistribution, PlanInputError> {
        if percents.is_empty() {
            return Err(PlanInputError::EmptyDistribution);
        }
        if percents.len() > MAX_LAG_MONTHS + 1 {
            return Err(PlanInputError::DistributionTooLong {
                months: percents.len() - 1,
                max_months: MAX_LAG_MONTHS,
            });
        }
        if let Some(index) = percents
            .iter()
            .position(|p| !p.is_finite() || !(0.0..=100.0).contains(p))
        {
            return Err(PlanInputError::ShareInvalid { index });
        }
        let total: f64 = percents.iter().sum();
        if (total - 100.0).abs() > 0.01 + 1e-9 {
            return Err(PlanInputError::SharesNotHundred { total });
        }
        Ok(LagDistribution::trimmed(
            percents.iter().map(|p| p / total).collect(),
        ))
    }

    /// Drops trailing zero shares so `max_lag` is the last month anything closes in.
    fn trimmed(mut shares: Vec<f64>) -> LagDistribution {
        while shares.len() > 1 && shares.last() == Some(&0.0) {
            shares.pop();
        }
        LagDistribution(shares)
    }

    /// Share closing `lag` months after creation (0 beyond the last).
    pub fn share(&self, lag: usize) -> f64 {
        self.0.get(lag).copied().unwrap_or(0.0)
    }

    /// The shares, index = lag in months.
    pub fn shares(&self) -> &[f64] {
        &self.0
    }

    /// The longest lag with a share above 0.
    pub fn max_lag(&self) -> usize {
        self.0.len() - 1
    }

    /// The mean lag in months.
    pub fn mean_months(&self) -> f64 {
        self.0.iter().enumerate().map(|(k, s)| k as f64 * s).sum()
    }

    /// The strict check for a UI that refuses lead times longer than the period. The monthly
    /// plan itself accepts them (that is what "must already be in the pipeline" shows) and only
    /// notes it; see [`crate::plan::phasing::PhasingNote`].
    pub fn check_fits(&self, period_months: u32) -> Result<(), PlanInputError> {
        if self.max_lag() > period_months as usize {
            Err(PlanInputError::LeadTimeLongerThanPeriod {
                months: self.max_lag(),
                period_months,
            })
        } else {
            Ok(())
        }
    }
}

impl LeadTime {
    /// The lag distribution from lead creation to close.
    pub fn distribution(&self) -> Result<LagDistribution, PlanInputError> {
        match self {
            LeadTime::AverageDays(days) => LagDistribution::from_days(*days),
            LeadTime::StageDwellDays(dwell) => {
                let total = dwell.iter().fold(0u32, |a, d| a.saturating_add(*d));
                LagDistribution::from_days(total)
            }
            LeadTime::Distribution(p) => LagDistribution::from_percents(p),
        }
    }

    /// The lag from creation at each of `stages` stages to close (the last, won, is always 0).
    ///
    /// With per-stage dwell days, stage `i` closes `dwell[i] + … + dwell[last]` days after it is
    /// created. With only a total (average or distribution), stages are placed along the way by
    /// [`StageSplit`]: stages up to the lead stage are created with the lead, the opportunity
    /// stage when `sales_cycle` of the lead time is left, the stages between evenly in between;
    /// each stage's lag is the lead's distribution scaled by the share of the lead time left.
    pub fn per_stage(
        &self,
        stages: usize,
        split: StageSplit,
    ) -> Result<Vec<LagDistribution>, PlanInputError> {
        let transitions = stages.saturating_sub(1);
        let mut lags = match self {
            LeadTime::StageDwellDays(dwell) => {
                if dwell.len() != transitions {
                    return Err(PlanInputError::DwellCount {
                        expected: transitions,
                        got: dwell.len(),
                    });
                }
                (0..transitions)
                    .map(|i| {
                        let days = dwell[i..].iter().fold(0u32, |a, d| a.saturating_add(*d));
                        LagDistribution::from_days(days)
                    })
                    .collect::<Result<Vec<_>, _>>()?
            }
            other => {
                let whole = other.distribution()?;
                (0..transitions)
                    .map(|i| whole.scaled(split.remaining(i, stages)))
                    .collect()
            }
        };
        lags.push(LagDistribution::immediate());
        Ok(lags)
    }
}
