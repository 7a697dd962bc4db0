//! The figures a plan needs, from records: how many reached each stage, how many of those
//! moved on, were lost or are still open; win rate, average won deal, and the lead time from
//! creation to won. Only sums and sorted lists, so the order of the rows never changes them.

use super::channels::{channel_rows, ChannelRow};
use super::cohort::{cohort_rows, CohortRow};
use super::records::{ratio, stage_of, Records};

/// Counts at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageFlow {
    /// Records that reached this stage or went further.
    pub reached: u64,
    /// Lost while at this stage.
    pub lost: u64,
    /// Still at this stage, neither moved on nor lost.
    pub open: u64,
}

/// One stage-to-stage step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageConversion {
    /// Position of the stage the step leaves.
    pub from: usize,
    pub reached: u64,
    /// Reached the next stage.
    pub advanced: u64,
    pub lost: u64,
    pub open: u64,
}

impl StageConversion {
    /// Records whose outcome at this step is known: moved on or lost.
    pub fn decided(&self) -> u64 {
        self.advanced + self.lost
    }

    /// Moved on ÷ decided: open records are not counted as lost.
    pub fn decided_rate(&self) -> Option<f64> {
        ratio(self.advanced, self.decided())
    }

    /// Moved on ÷ all that reached the stage, open ones included (a floor on the true rate).
    pub fn so_far_rate(&self) -> Option<f64> {
        ratio(self.advanced, self.reached)
    }
}

/// Successes and trials of one step, for a Beta belief on its rate (successes = moved on,
/// trials = decided).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateCounts {
    pub from: usize,
    pub successes: u64,
    pub trials: u64,
}

/// Creation → won, over won records with both days.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeadTimes {
    /// Days, sorted.
    pub days: Vec<u32>,
    /// Won records by calendar months between creation and win (index 0 = same month).
    pub by_month: Vec<u64>,
}

impl LeadTimes {
    /// The middle value (the mean of the two middle ones for an even count).
    pub fn median_days(&self) -> Option<f64> {
        let n = self.days.len();
        match n {
            0 => None,
            n if n % 2 == 1 => Some(f64::from(self.days[n / 2])),
            n => Some((f64::from(self.days[n / 2 - 1]) + f64::from(self.days[n / 2])) / 2.0),
        }
    }

    /// The 80th percentile by nearest rank: the smallest day count at least 80 % of won
    /// records closed within.
    pub fn p80_days(&self) -> Option<u32> {
        let n = self.days.len();
        let rank = (4 * n).div_ceil(5);
        (n > 0).then(|| self.days[rank - 1])
    }

    /// Share closing 0, 1, 2 … months after creation.
    pub fn month_shares(&self) -> Vec<f64> {
        let total: u64 = self.by_month.iter().sum();
        self.by_month
            .iter()
            .map(|&c| {
                if total == 0 {
                    0.0
                } else {
                    c as f64 / total as f64
                }
            })
            .collect()
    }
}

/// Everything computed from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actuals {
    pub stage_count: usize,
    /// The first stage the file has records at; steps before it have no data.
    pub first_stage: usize,
    pub flows: Vec<StageFlow>,
    pub won: u64,
    /// Sum of won amounts, hundredths.
    pub won_amount: u128,
    /// Won records that carry an amount.
    pub won_with_amount: u64,
    pub lead_times: LeadTimes,
    pub cohorts: Vec<CohortRow>,
    pub channels: Vec<ChannelRow>,
    /// Whether any record has a cost.
    pub has_cost: bool,
}

impl Actuals {
    /// The steps from the file's first stage to won.
    pub fn conversions(&self) -> Vec<StageConversion> {
        (self.first_stage..self.stage_count.saturating_sub(1))
            .map(|i| StageConversion {
                from: i,
                reached: self.flows[i].reached,
                advanced: self.flows[i + 1].reached,
                lost: self.flows[i].lost,
                open: self.flows[i].open,
            })
            .collect()
    }

    /// Won ÷ decided at the last step (won ÷ opportunities closed either way).
    pub fn win_rate(&self) -> Option<f64> {
        self.conversions()
            .last()
            .and_then(StageConversion::decided_rate)
    }

    /// Average won deal in currency units.
    pub fn average_deal(&self) -> Option<f64> {
        (self.won_with_amount > 0)
            .then(|| self.won_amount as f64 / 100.0 / self.won_with_amount as f64)
    }

    /// Per step: moved on (successes) of decided (trials), for the Risk view's rate ranges.
    pub fn rate_counts(&self) -> Vec<RateCounts> {
        self.conversions()
            .iter()
            .map(|c| RateCounts {
                from: c.from,
                successes: c.advanced,
                trials: c.decided(),
            })
            .collect()
    }
}

pub fn aggregate(records: &Records) -> Actuals {
    let n = records.stage_count.max(1);
    let rs = &records.records;
    let first = rs
        .iter()
        .filter_map(|r| r.reached)
        .min()
        .unwrap_or(0)
        .min(n - 1);
    let mut flows = vec![StageFlow::default(); n];
    let (mut won, mut won_amount, mut won_with_amount) = (0u64, 0u128, 0u64);
    let mut lead_times = LeadTimes::default();
    for r in rs {
        let at = stage_of(r, first);
        for f in &mut flows[first..=at] {
            f.reached += 1;
        }
        if r.lost {
            flows[at].lost += 1;
        } else if at + 1 < n {
            flows[at].open += 1;
        } else {
            won += 1;
            if let Some(a) = r.amount {
                won_amount += u128::from(a);
                won_with_amount += 1;
            }
            if let Some(w) = r.won_on {
                lead_times.days.push((w.0 - r.created.0) as u32);
                let lag = (w.month().0 - r.created.month().0) as usize;
                if lead_times.by_month.len() <= lag {
                    lead_times.by_month.resize(lag + 1, 0);
                }
                lead_times.by_month[lag] += 1;
            }
        }
    }
    lead_times.days.sort_unstable();
    Actuals {
        stage_count: n,
        first_stage: first,
        flows,
        won,
        won_amount,
        won_with_amount,
        lead_times,
        cohorts: cohort_rows(records, first),
        channels: channel_rows(records, first),
        has_cost: rs.iter().any(|r| r.cost > 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::date::Day;
    use crate::import::mapping::Layout;
    use crate::import::records::Record;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    fn rec(
        reached: Option<usize>,
        lost: bool,
        created: Day,
        won_on: Option<Day>,
        amount: Option<u64>,
    ) -> Record {
        Record {
            created,
            reached,
            lost,
            won_on,
            amount,
            channel: 0,
            cost: 0,
            stage_days: Vec::new(),
        }
    }

    /// Three stages (SQL, opportunity, won): 10 records.
    fn sample() -> Records {
        let c = day(2026, 1, 15);
        let records = vec![
            // 3 won: closed 10, 40 and 100 days later (lags 0, 1, 3 months), ¥1,000,000 / ¥2,000,000 / none.
            rec(Some(2), false, c, Some(day(2026, 1, 25)), Some(100_000_000)),
            rec(Some(2), false, c, Some(day(2026, 2, 24)), Some(200_000_000)),
            rec(Some(2), false, c, Some(day(2026, 4, 25)), None),
            // 2 lost at opportunity, 1 open at opportunity.
            rec(Some(1), true, c, None, None),
            rec(Some(1), true, c, None, None),
            rec(Some(1), false, c, None, None),
            // 2 open at SQL, 1 lost at SQL, 1 lost with no stage (counts at the first stage, SQL).
            rec(Some(0), false, c, None, None),
            rec(Some(0), false, c, None, None),
            rec(Some(0), true, c, None, None),
            rec(None, true, c, None, None),
        ];
        Records {
            records,
            channels: vec![String::new()],
            bad: Vec::new(),
            ignored: 0,
            stage_count: 3,
            layout: Layout::RowPerRecord,
        }
    }

    #[test]
    fn decided_and_still_open_side_by_side() {
        let a = aggregate(&sample());
        let c = a.conversions();
        // SQL: 10 reached, 6 moved on, 2 lost, 2 open → decided 8, 6/8 = 75 %; so far 6/10.
        assert_eq!(
            (c[0].reached, c[0].advanced, c[0].lost, c[0].open),
            (10, 6, 2, 2)
        );
        assert_eq!(c[0].decided_rate(), Some(0.75));
        assert_eq!(c[0].so_far_rate(), Some(0.6));
        // Opportunity: 6 reached, 3 won, 2 lost, 1 open → 3/5 = 60 %.
        assert_eq!(
            (c[1].reached, c[1].advanced, c[1].lost, c[1].open),
            (6, 3, 2, 1)
        );
        assert_eq!(a.win_rate(), Some(0.6));
        assert_eq!(
            a.rate_counts(),
            [
                RateCounts {
                    from: 0,
                    successes: 6,
                    trials: 8
                },
                RateCounts {
                    from: 1,
                    successes: 3,
                    trials: 5
                }
            ]
        );
    }

    #[test]
    fn deal_size_and_lead_time() {
        let a = aggregate(&sample());
        assert_eq!(a.won, 3);
        // (1,000,000 + 2,000,000) ÷ 2 deals with an amount.
        assert_eq!(a.average_deal(), Some(1_500_000.0));
        assert_eq!(a.lead_times.days, [10, 40, 100]);
        assert_eq!(a.lead_times.median_days(), Some(40.0));
        // ceil(0.8 × 3) = 3rd value.
        assert_eq!(a.lead_times.p80_days(), Some(100));
        assert_eq!(a.lead_times.by_month, [1, 1, 0, 1]);
        let third = 1.0 / 3.0;
        assert_eq!(a.lead_times.month_shares(), [third, third, 0.0, third]);
    }

    #[test]
    fn percentiles_of_even_and_small_counts() {
        let lt = |days: &[u32]| LeadTimes {
            days: days.to_vec(),
            by_month: vec![],
        };
        assert_eq!(lt(&[]).median_days(), None);
        assert_eq!(lt(&[]).p80_days(), None);
        assert_eq!(lt(&[7]).p80_days(), Some(7));
        assert_eq!(lt(&[10, 20, 30, 40]).median_days(), Some(25.0));
        // ceil(0.8 × 4) = 4th; ceil(0.8 × 5) = 4th; ceil(0.8 × 10) = 8th.
        assert_eq!(lt(&[10, 20, 30, 40]).p80_days(), Some(40));
        assert_eq!(lt(&[10, 20, 30, 40, 50]).p80_days(), Some(40));
        assert_eq!(lt(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p80_days(), Some(8));
    }

    #[test]
    fn no_records_no_rates() {
        let mut r = sample();
        r.records.clear();
        let a = aggregate(&r);
        assert_eq!(a.win_rate(), None);
        assert_eq!(a.average_deal(), None);
        assert!(a.conversions().iter().all(|c| c.decided_rate().is_none()));
    }
}
