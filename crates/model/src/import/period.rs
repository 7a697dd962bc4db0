//! Counts within a chosen span of months, for the KPI tree's actuals: how many records entered
//! each stage in the span, how many were won and for how much.
//!
//! The day a record entered a stage: its stage date where the file has one per stage; otherwise
//! the created day for every stage before won (the file does not say when they moved) and the
//! won day for won.

use super::date::{Day, Month};
use super::records::{stage_of, Record, Records};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCounts {
    /// Per stage position.
    pub stages: Vec<u64>,
    pub won: u64,
    /// Hundredths.
    pub revenue: u128,
    /// Won records with an amount.
    pub won_with_amount: u64,
}

/// The months the records' days fall in, first and last.
pub fn month_span(records: &Records) -> Option<(Month, Month)> {
    let months = records
        .records
        .iter()
        .flat_map(|r| std::iter::once(r.created).chain(r.won_on))
        .map(Day::month);
    let (lo, hi) = months.fold(
        (None, None),
        |(lo, hi): (Option<Month>, Option<Month>), m| {
            (
                Some(lo.map_or(m, |l| l.min(m))),
                Some(hi.map_or(m, |h| h.max(m))),
            )
        },
    );
    lo.zip(hi)
}

/// The day `r` entered `stage` (see the module note), if known.
fn entered(r: &Record, stage: usize, first: usize, won_stage: usize) -> Option<Day> {
    match r.stage_days.get(stage) {
        Some(Some(d)) => Some(*d),
        _ if stage == won_stage => r.won_on,
        _ if stage == first || r.stage_days.is_empty() => Some(r.created),
        _ => None,
    }
}

/// Counts for months `from` ..= `to`.
pub fn period_counts(records: &Records, first: usize, from: Month, to: Month) -> PeriodCounts {
    let n = records.stage_count.max(1);
    let mut out = PeriodCounts {
        stages: vec![0; n],
        won: 0,
        revenue: 0,
        won_with_amount: 0,
    };
    let inside = |d: Day| (from..=to).contains(&d.month());
    for r in &records.records {
        let at = stage_of(r, first);
        for stage in first..=at {
            let won_here = stage + 1 == n;
            if won_here && r.lost {
                continue;
            }
            if !entered(r, stage, first, n - 1).is_some_and(inside) {
                continue;
            }
            out.stages[stage] += 1;
            if won_here {
                out.won += 1;
                if let Some(a) = r.amount {
                    out.revenue += u128::from(a);
                    out.won_with_amount += 1;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mapping::Layout;

    fn d(m: u32, day: u32) -> Day {
        Day::from_ymd(2026, m, day).unwrap()
    }

    #[test]
    fn counts_fall_in_the_months_their_stage_was_entered() {
        let rec = |created: Day, reached: usize, won_on: Option<Day>, amount: Option<u64>| Record {
            created,
            reached: Some(reached),
            lost: false,
            won_on,
            amount,
            channel: 0,
            cost: 0,
            stage_days: Vec::new(),
        };
        // Stages: opportunity, won. April: 3 created; one won in April (¥100), one in May (¥200).
        let records = Records {
            records: vec![
                rec(d(4, 1), 1, Some(d(4, 20)), Some(10_000)),
                rec(d(4, 2), 1, Some(d(5, 3)), Some(20_000)),
                rec(d(4, 3), 0, None, None),
                rec(d(5, 9), 0, None, None),
            ],
            channels: vec![String::new()],
            bad: vec![],
            ignored: 0,
            stage_count: 2,
            layout: Layout::RowPerRecord,
        };
        let april = Month::new(2026, 4);
        let may = Month::new(2026, 5);
        assert_eq!(month_span(&records), Some((april, may)));
        let p = period_counts(&records, 0, april, april);
        assert_eq!((p.stages, p.won, p.revenue), (vec![3, 1], 1, 10_000));
        let p = period_counts(&records, 0, may, may);
        assert_eq!((p.stages, p.won, p.revenue), (vec![1, 1], 1, 20_000));
        let p = period_counts(&records, 0, april, may);
        assert_eq!(
            (p.stages, p.won, p.revenue, p.won_with_amount),
            (vec![4, 2], 2, 30_000, 2)
        );
    }

    #[test]
    fn stage_dates_place_each_stage_in_its_own_month() {
        let records = Records {
            records: vec![Record {
                created: d(3, 30),
                reached: Some(2),
                lost: false,
                won_on: Some(d(6, 1)),
                amount: None,
                channel: 0,
                cost: 0,
                stage_days: vec![Some(d(3, 30)), Some(d(4, 2)), Some(d(6, 1))],
            }],
            channels: vec![String::new()],
            bad: vec![],
            ignored: 0,
            stage_count: 3,
            layout: Layout::StageDates,
        };
        let m = |x| Month::new(2026, x);
        assert_eq!(period_counts(&records, 0, m(3), m(3)).stages, [1, 0, 0]);
        assert_eq!(period_counts(&records, 0, m(4), m(5)).stages, [0, 1, 0]);
        assert_eq!(period_counts(&records, 0, m(6), m(6)).stages, [0, 0, 1]);
    }
}
