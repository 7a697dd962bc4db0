//! The funnel inputs and the reverse calculation: from a revenue target back to the count every
//! stage needs. Counts are exact ratios rounded up exactly (see `exact`), never rounded mid-chain.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::exact::ceil_ratio;
use crate::stage::Stage;
use crate::values::{Money, MAX_AMOUNT, PPM};

pub const MIN_STAGES: usize = 2;
pub const MAX_STAGES: usize = 12;

/// Why a set of valid fields still makes no plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanError {
    /// Fewer than 2 or more than 12 stages.
    StageCount { count: usize },
    /// A stage would need more than 1e15 (the rates are too small for the target).
    CountTooLarge { stage: usize },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::StageCount { count } => write!(
                f,
                "a funnel needs {MIN_STAGES} to {MAX_STAGES} stages, not {count}"
            ),
            PlanError::CountTooLarge { stage } => write!(
                f,
                "stage {} would need more than 1,000,000,000,000,000",
                stage + 1
            ),
        }
    }
}

impl std::error::Error for PlanError {}

/// Everything the reverse funnel needs: the period's revenue target (KGI), the average deal size
/// and the stage chain, whose last stage is the won deals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub target: Money,
    pub deal_size: Money,
    pub stages: Vec<Stage>,
}

/// What one stage must reach for the target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageRequirement {
    /// The exact requirement (e.g. 666.67 MQL), for hover and screen readers.
    pub exact: f64,
    /// The requirement rounded up: you cannot win two-thirds of a deal.
    pub required: u64,
    /// The share of this stage that ends as a won deal (1 for the won stage).
    pub cumulative_to_won: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReversePlan {
    pub stages: Vec<StageRequirement>,
    /// Opportunities needed × deal size, where opportunities is the stage just before won.
    pub pipeline_value: f64,
}

impl ReversePlan {
    pub fn won(&self) -> u64 {
        self.stages.last().map_or(0, |s| s.required)
    }
}

impl Funnel {
    pub fn new(target: Money, deal_size: Money, stages: Vec<Stage>) -> Result<Funnel, PlanError> {
        let funnel = Funnel {
            target,
            deal_size,
            stages,
        };
        funnel.check_stage_count()?;
        Ok(funnel)
    }

    pub fn check_stage_count(&self) -> Result<(), PlanError> {
        let count = self.stages.len();
        if (MIN_STAGES..=MAX_STAGES).contains(&count) {
            Ok(())
        } else {
            Err(PlanError::StageCount { count })
        }
    }

    /// Index of the won stage (the last one).
    pub fn won_index(&self) -> usize {
        self.stages.len().saturating_sub(1)
    }

    /// The rates (ppm) from stage `from` down to won.
    pub(crate) fn rates_from(&self, from: usize) -> Vec<u64> {
        self.stages[from..self.won_index()]
            .iter()
            .map(|s| u64::from(s.rate_to_next.ppm()))
            .collect()
    }

    /// Share of stage `from` that becomes a won deal.
    pub fn cumulative_to_won(&self, from: usize) -> f64 {
        self.stages[from..self.won_index()]
            .iter()
            .map(|s| s.rate_to_next.fraction())
            .product()
    }

    /// Stage `index`'s exact requirement: target ÷ deal ÷ Π rates down to won.
    fn requirement(&self, index: usize) -> Result<StageRequirement, PlanError> {
        let rates = self.rates_from(index);
        let mut numerator = vec![self.target.hundredths()];
        numerator.extend(std::iter::repeat_n(PPM, rates.len()));
        let mut denominator = vec![self.deal_size.hundredths()];
        denominator.extend(&rates);
        let cumulative = self.cumulative_to_won(index);
        let exact = self.target.units() / self.deal_size.units() / cumulative;
        let required = ceil_ratio(&numerator, &denominator, exact, MAX_AMOUNT)
            .ok_or(PlanError::CountTooLarge { stage: index })?;
        Ok(StageRequirement {
            exact,
            required,
            cumulative_to_won: cumulative,
        })
    }

    /// The reverse funnel: every stage's requirement, top first.
    pub fn reverse(&self) -> Result<ReversePlan, PlanError> {
        self.check_stage_count()?;
        let stages = (0..self.stages.len())
            .map(|i| self.requirement(i))
            .collect::<Result<Vec<_>, _>>()?;
        let opportunities = stages[self.won_index() - 1].required;
        Ok(ReversePlan {
            pipeline_value: opportunities as f64 * self.deal_size.units(),
            stages,
        })
    }
}
