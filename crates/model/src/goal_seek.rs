//! Goal seek: hold every input but one and find the value of that one which reaches the target —
//! a stage's rate, the deal size, or the entry count. Answers are rounded up so they suffice.

use crate::exact::ceil_ratio;
use crate::forward::Entry;
use crate::funnel::Funnel;
use crate::values::{Count, Money, Rate, MAX_AMOUNT, PPM};

/// The input to solve for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeekInput {
    /// The rate out of stage `index` (towards `index + 1`).
    Rate(usize),
    DealSize,
    EntryCount,
}

/// Rates are answered in steps of 0.01 %: precise enough to act on, short enough to read.
const RATE_STEP_PPM: u64 = 100;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeekOutcome {
    /// The rate that reaches the target, rounded up to 0.01 %.
    Rate { needed: Rate },
    /// The deal size that reaches the target, rounded up to a whole unit.
    DealSize { needed: Money },
    /// The entry count that reaches the target.
    EntryCount { needed: Count },
    /// No value in range reaches the target; `best_revenue` is what the best value in range
    /// (a 100 % rate, or the 1e15 ceiling) yields, and `needed_percent` the rate it would take.
    Unreachable {
        best_revenue: f64,
        needed_percent: Option<f64>,
    },
    /// The chosen rate lies above the entry stage, so it cannot change the result.
    NotInPath,
}

impl Funnel {
    pub fn goal_seek(&self, entry: Entry, input: SeekInput) -> SeekOutcome {
        let start = entry.stage.min(self.won_index());
        let rates = self.rates_from(start);
        let count = entry.count.get();
        let target = self.target.hundredths();
        let mut needed_side = vec![target];
        needed_side.extend(std::iter::repeat_n(PPM, rates.len()));
        let revenue_with = |factor_swap: &dyn Fn(&mut Funnel)| {
            let mut f = self.clone();
            factor_swap(&mut f);
            f.forward(entry).revenue
        };
        match input {
            SeekInput::Rate(index) => {
                if index < start || index >= self.won_index() {
                    return SeekOutcome::NotInPath;
                }
                let others: Vec<u64> = self.stages[start..self.won_index()]
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| start + i != index)
                    .map(|(_, s)| u64::from(s.rate_to_next.ppm()))
                    .collect();
                let mut den = vec![count, self.deal_size.hundredths(), RATE_STEP_PPM];
                den.extend(&others);
                let current = self.stages[index].rate_to_next.fraction();
                let revenue = self.forward(entry).revenue;
                let approx_ppm = current * PPM as f64 * self.target.units() / revenue;
                let steps = ceil_ratio(
                    &needed_side,
                    &den,
                    approx_ppm / RATE_STEP_PPM as f64,
                    u64::MAX / 2,
                );
                match steps.map(|s| s * RATE_STEP_PPM) {
                    Some(ppm) if ppm <= PPM => SeekOutcome::Rate {
                        needed: Rate::from_ppm(ppm.max(1) as u32).expect("in (0, 100 %]"),
                    },
                    _ => SeekOutcome::Unreachable {
                        best_revenue: revenue_with(&|f| {
                            f.stages[index].rate_to_next =
                                Rate::from_ppm(PPM as u32).expect("100 %")
                        }),
                        needed_percent: Some(approx_ppm / 10_000.0),
                    },
                }
            }
            SeekInput::DealSize => {
                let mut den = vec![count, 100];
                den.extend(&rates);
                let approx = self.target.units() / self.forward(entry).won;
                match ceil_ratio(&needed_side, &den, approx, MAX_AMOUNT).map(Money::from_units) {
                    Some(Ok(needed)) => SeekOutcome::DealSize { needed },
                    _ => SeekOutcome::Unreachable {
                        best_revenue: revenue_with(&|f| {
                            f.deal_size = Money::from_units(MAX_AMOUNT).expect("ceiling is valid")
                        }),
                        needed_percent: None,
                    },
                }
            }
            SeekInput::EntryCount => {
                let mut den = vec![self.deal_size.hundredths()];
                den.extend(&rates);
                let approx =
                    self.target.units() / self.deal_size.units() / self.cumulative_to_won(start);
                match ceil_ratio(&needed_side, &den, approx, MAX_AMOUNT).map(Count::new) {
                    Some(Ok(needed)) => SeekOutcome::EntryCount { needed },
                    _ => SeekOutcome::Unreachable {
                        best_revenue: MAX_AMOUNT as f64
                            * self.cumulative_to_won(start)
                            * self.deal_size.units(),
                        needed_percent: None,
                    },
                }
            }
        }
    }
}
