//! Forward mode: from a count at one stage (usually visits or leads), what the funnel yields —
//! expected counts downstream, won deals, revenue, and the gap to the target.

use std::cmp::Ordering;

use crate::exact::compare_products;
use crate::funnel::Funnel;
use crate::values::{Count, PPM};

/// Where the forward run starts: a stage and how many are there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub stage: usize,
    pub count: Count,
}

/// The forward result against the target, decided exactly (a plan that lands precisely on the
/// target reaches it, whatever floating point says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gap {
    /// At or above the target by `surplus` (≥ 0, in money units).
    Reached { surplus: f64 },
    /// Below the target by `shortfall` (> 0, in money units).
    Short { shortfall: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForwardResult {
    /// Expected count per stage from the entry stage down (`None` above the entry stage).
    pub expected: Vec<Option<f64>>,
    pub won: f64,
    pub revenue: f64,
    pub gap: Gap,
}

impl Funnel {
    /// Runs the chain downstream from `entry`. An entry past the won stage is clamped to it.
    pub fn forward(&self, entry: Entry) -> ForwardResult {
        let start = entry.stage.min(self.won_index());
        let count = entry.count.get();
        let mut expected = vec![None; self.stages.len()];
        let mut running = count as f64;
        for (i, slot) in expected.iter_mut().enumerate().skip(start) {
            *slot = Some(running);
            running *= self.stages[i].rate_to_next.fraction();
        }
        let won = expected[self.won_index()].unwrap_or(0.0);
        let revenue = won * self.deal_size.units();
        let target = self.target.units();
        ForwardResult {
            expected,
            won,
            revenue,
            gap: match self.compare_revenue(start, count) {
                Ordering::Less => Gap::Short {
                    shortfall: (target - revenue).max(0.01),
                },
                _ => Gap::Reached {
                    surplus: (revenue - target).max(0.0),
                },
            },
        }
    }

    /// Exact sign of (revenue from `count` at stage `start`) − target:
    /// count · deal · Π p  vs  target · PPM^m, all in hundredths and ppm.
    pub(crate) fn compare_revenue(&self, start: usize, count: u64) -> Ordering {
        let rates = self.rates_from(start);
        let mut produced = vec![count, self.deal_size.hundredths()];
        produced.extend(&rates);
        let mut needed = vec![self.target.hundredths()];
        needed.extend(std::iter::repeat_n(PPM, rates.len()));
        compare_products(&produced, &needed)
    }
}
