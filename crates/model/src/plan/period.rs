//! The planning period (a month, a quarter or a fiscal year), the month the fiscal year starts
//! in, and the period's won-deal target split into monthly targets.
//!
//! April is the default start because most Japanese companies close their books in March, so
//! "Q1" for a Japanese user is April–June, not January–March.
//!
//! Fractional deals: the exact monthly expectation is kept (20 deals over 3 even months is
//! 6.67 a month, for hover and for the phasing arithmetic), and the months shown are whole
//! numbers split from the period's rounded-up total by largest remainder (7 / 7 / 6), so the
//! months always add up to the total the reverse funnel shows. Rounding every month up instead
//! (7 / 7 / 7) would promise 21 deals for a target of 20.

use serde::{Deserialize, Serialize};

use super::error::PlanInputError;

/// How long the plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One month.
    Month,
    #[default]
    /// Three months (the default: the seed-003 example plans a quarter).
    Quarter,
    /// The fiscal year.
    Year,
}

impl Period {
    /// Months in one period: 1, 3 or 12.
    pub fn months(self) -> u32 {
        match self {
            Period::Month => 1,
            Period::Quarter => 3,
            Period::Year => 12,
        }
    }

    /// How many such periods a fiscal year has: 12, 4 or 1.
    pub fn per_year(self) -> u8 {
        (12 / self.months()) as u8
    }
}

/// The calendar month (1 = January … 12 = December) the fiscal year starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct FiscalStart(u8);

impl FiscalStart {
    /// Refuses anything outside 1–12.
    pub fn new(month: u8) -> Result<FiscalStart, PlanInputError> {
        if (1..=12).contains(&month) {
            Ok(FiscalStart(month))
        } else {
            Err(PlanInputError::FiscalStartMonth { month })
        }
    }

    /// The calendar month, 1–12.
    pub fn month(self) -> u8 {
        self.0
    }
}

impl Default for FiscalStart {
    /// April: the Japanese fiscal year most companies use.
    fn default() -> Self {
        FiscalStart(4)
    }
}

impl TryFrom<u8> for FiscalStart {
    type Error = PlanInputError;
    fn try_from(month: u8) -> Result<Self, Self::Error> {
        FiscalStart::new(month)
    }
}

impl From<FiscalStart> for u8 {
    fn from(start: FiscalStart) -> u8 {
        start.0
    }
}

/// The calendar month `offset` months after (or, negative, before) `first`: wraps across years.
pub fn calendar_month(first: u8, offset: i32) -> u8 {
    ((i32::from(first) - 1 + offset).rem_euclid(12) + 1) as u8
}

/// One concrete period of a fiscal year: e.g. the first quarter (`index` 0) of an April year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PeriodSpec {
    /// Month, quarter or year.
    pub period: Period,
    /// The month the fiscal year starts in.
    pub fiscal_start: FiscalStart,
    /// 0-based: the quarter (0–3), the month (0–11) or 0 for the year.
    pub index: u8,
}

impl PeriodSpec {
    /// Refuses an index beyond the fiscal year (a fifth quarter, a second year).
    pub fn new(
        period: Period,
        fiscal_start: FiscalStart,
        index: u8,
    ) -> Result<PeriodSpec, PlanInputError> {
        let count = period.per_year();
        if index >= count {
            return Err(PlanInputError::PeriodIndex { index, count });
        }
        Ok(PeriodSpec {
            period,
            fiscal_start,
            index,
        })
    }

    /// The calendar month the period starts in.
    pub fn first_month(self) -> u8 {
        let offset = i32::from(self.index) * self.period.months() as i32;
        calendar_month(self.fiscal_start.month(), offset)
    }

    /// The period's calendar months in order: FY from April, Q1 → `[4, 5, 6]`, Q4 → `[1, 2, 3]`.
    pub fn calendar_months(self) -> Vec<u8> {
        (0..self.period.months() as i32)
            .map(|k| calendar_month(self.first_month(), k))
            .collect()
    }
}

/// How the period's target spreads over its months.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weights {
    /// The same target every month.
    #[default]
    Even,
    /// Seasonality: one weight ≥ 0 per month, relative (`[1, 1, 2]` puts half in the last
    /// month); not all zero.
    Seasonal(Vec<f64>),
}

impl Weights {
    /// The weights for `months` months, each share of the whole, summing to 1.
    pub fn shares(&self, months: usize) -> Result<Vec<f64>, PlanInputError> {
        match self {
            Weights::Even => Ok(vec![1.0 / months.max(1) as f64; months]),
            Weights::Seasonal(w) => {
                if w.len() != months {
                    return Err(PlanInputError::WeightCount {
                        expected: months,
                        got: w.len(),
                    });
                }
                if let Some(month) = w.iter().position(|x| !x.is_finite() || *x < 0.0) {
                    return Err(PlanInputError::WeightInvalid { month });
                }
                let sum: f64 = w.iter().sum();
                if sum <= 0.0 || !sum.is_finite() {
                    return Err(PlanInputError::WeightsAllZero);
                }
                Ok(w.iter().map(|x| x / sum).collect())
            }
        }
    }
}

/// The period's target month by month.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyTargets {
    /// Exact expectation per month (6.67 for 20 over 3 even months).
    pub exact: Vec<f64>,
    /// Whole deals per month, each month's exact need rounded up: every month's plan reaches
    /// that month's target (and so every month-to-date target), and the months add up to at
    /// least the period's rounded-up total.
    pub shown: Vec<u64>,
    /// The period's rounded-up total, as the single-period funnel gives it.
    pub period_required: u64,
}

impl MonthlyTargets {
    /// Splits a period total (`exact`, and `rounded` = its exact ceiling, as the reverse funnel
    /// gives them) over `months` months with `weights`.
    pub fn split(
        exact: f64,
        rounded: u64,
        months: usize,
        weights: &Weights,
    ) -> Result<MonthlyTargets, PlanInputError> {
        let shares = weights.shares(months)?;
        let exact_total = if exact.is_finite() && exact >= 0.0 {
            exact
        } else {
            rounded as f64
        };
        let exact: Vec<f64> = shares.iter().map(|s| exact_total * s).collect();
        let mut shown: Vec<u64> = exact.iter().map(|x| super::ceil_whole(*x)).collect();
        // Binary shares of a huge total can each land a hair low; the months never plan fewer
        // than the period needs.
        let short = rounded.saturating_sub(shown.iter().sum());
        if let Some(biggest) = (0..shown.len()).max_by(|a, b| exact[*a].total_cmp(&exact[*b])) {
            shown[biggest] += short;
        }
        Ok(MonthlyTargets {
            shown,
            exact,
            period_required: rounded,
        })
    }

    /// Sum of the shown months: the deals the monthly plan wins in the period.
    pub fn shown_total(&self) -> u64 {
        self.shown.iter().sum()
    }

    /// Deals the months plan above the period's rounded-up total (rounding each month up).
    pub fn surplus(&self) -> u64 {
        self.shown_total().saturating_sub(self.period_required)
    }
}
