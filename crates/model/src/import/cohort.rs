//! Conversion by creation month (the cohort: of the records created in a month, how many have
//! reached each later stage so far) beside the period ratio for the same month (won closed in
//! that month ÷ records created in it). With deals taking months, the two differ: the period
//! ratio divides this month's wins by other months' leads.

use std::collections::BTreeMap;

use super::date::Month;
use super::records::{ratio, stage_of, Records};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortRow {
    pub month: Month,
    /// Records created this month.
    pub created: u64,
    /// Of those, how many reached each stage (position = stage; zero before the first stage).
    pub reached: Vec<u64>,
    /// Of those, won so far.
    pub won: u64,
    /// Of those, still open.
    pub open: u64,
    /// Won records (of any cohort) closed this month.
    pub won_in_month: u64,
}

impl CohortRow {
    /// Won so far ÷ created.
    pub fn cohort_rate(&self) -> Option<f64> {
        ratio(self.won, self.created)
    }

    /// Won in the month ÷ created in the month.
    pub fn period_ratio(&self) -> Option<f64> {
        ratio(self.won_in_month, self.created)
    }
}

pub(crate) fn cohort_rows(records: &Records, first: usize) -> Vec<CohortRow> {
    let n = records.stage_count.max(1);
    let mut rows: BTreeMap<Month, CohortRow> = BTreeMap::new();
    let blank = |month| CohortRow {
        month,
        created: 0,
        reached: vec![0; n],
        won: 0,
        open: 0,
        won_in_month: 0,
    };
    for r in &records.records {
        let at = stage_of(r, first);
        let month = r.created.month();
        let row = rows.entry(month).or_insert_with(|| blank(month));
        row.created += 1;
        for c in &mut row.reached[first..=at] {
            *c += 1;
        }
        let won = !r.lost && at + 1 == n;
        row.won += u64::from(won);
        row.open += u64::from(!r.lost && !won);
        if let Some(w) = r.won_on.filter(|_| won) {
            let m = w.month();
            rows.entry(m).or_insert_with(|| blank(m)).won_in_month += 1;
        }
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::date::Day;
    use crate::import::mapping::Layout;
    use crate::import::records::Record;

    fn rec(created: (u32, u32), won_on: Option<(u32, u32)>, reached: usize) -> Record {
        let d = |(m, d): (u32, u32)| Day::from_ymd(2026, m, d).unwrap();
        Record {
            created: d(created),
            reached: Some(reached),
            lost: false,
            won_on: won_on.map(d),
            amount: None,
            channel: 0,
            cost: 0,
            stage_days: Vec::new(),
        }
    }

    #[test]
    fn seed_000s_mismatch_on_hand_made_data() {
        // Stages: lead, opportunity, won. January: 4 leads, 2 of them won in March, 1 opportunity
        // open. February: 2 leads, 1 won in February. March: 2 leads, none won yet.
        let records = Records {
            records: vec![
                rec((1, 5), Some((3, 1)), 2),
                rec((1, 6), Some((3, 9)), 2),
                rec((1, 7), None, 1),
                rec((1, 8), None, 0),
                rec((2, 1), Some((2, 20)), 2),
                rec((2, 2), None, 0),
                rec((3, 1), None, 0),
                rec((3, 2), None, 0),
            ],
            channels: vec![String::new()],
            bad: vec![],
            ignored: 0,
            stage_count: 3,
            layout: Layout::RowPerRecord,
        };
        let rows = cohort_rows(&records, 0);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.month.iso(),
                    r.created,
                    r.reached.clone(),
                    r.won,
                    r.open,
                    r.won_in_month,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2026-01".into(), 4, vec![4, 3, 2], 2, 2, 0),
                ("2026-02".into(), 2, vec![2, 1, 1], 1, 1, 1),
                ("2026-03".into(), 2, vec![2, 0, 0], 0, 2, 2),
            ]
        );
        // January's cohort converts at 2/4 = 50 % while its period ratio is 0/4; March's
        // period ratio is 2/2 = 100 % with no March lead won yet.
        assert_eq!(rows[0].cohort_rate(), Some(0.5));
        assert_eq!(rows[0].period_ratio(), Some(0.0));
        assert_eq!(rows[2].cohort_rate(), Some(0.0));
        assert_eq!(rows[2].period_ratio(), Some(1.0));
    }
}
