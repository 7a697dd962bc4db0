//! Per channel (the source column): how many records reached each stage, how many were won
//! and for how much, the cost the file carries, and from a cost (the file's or one typed on
//! the page) the cost per lead and per won deal.

use std::collections::HashMap;

use super::records::{ratio, stage_of, Records};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRow {
    /// As in the file, trimmed; "" for records without a channel.
    pub name: String,
    /// Per stage position, records that reached it (zero before the file's first stage).
    pub reached: Vec<u64>,
    pub won: u64,
    /// Hundredths.
    pub won_amount: u128,
    /// Sum of the file's cost column, hundredths.
    pub cost: u128,
}

impl ChannelRow {
    /// Records at the file's first stage (the channel's leads, or deals for a deal export).
    pub fn entries(&self, first: usize) -> u64 {
        self.reached.get(first).copied().unwrap_or(0)
    }

    /// Won ÷ entries.
    pub fn conversion(&self, first: usize) -> Option<f64> {
        ratio(self.won, self.entries(first))
    }
}

/// Cost ÷ count, `None` without a cost or a count.
pub fn cost_per(cost_units: f64, count: u64) -> Option<f64> {
    (count > 0 && cost_units > 0.0 && cost_units.is_finite()).then(|| cost_units / count as f64)
}

/// Channels by entries (most first), then name.
pub(crate) fn channel_rows(records: &Records, first: usize) -> Vec<ChannelRow> {
    let n = records.stage_count.max(1);
    let mut rows: HashMap<&str, ChannelRow> = HashMap::new();
    for r in &records.records {
        let name = records
            .channels
            .get(r.channel as usize)
            .map_or("", String::as_str);
        let row = rows.entry(name).or_insert_with(|| ChannelRow {
            name: name.to_string(),
            reached: vec![0; n],
            won: 0,
            won_amount: 0,
            cost: 0,
        });
        let at = stage_of(r, first);
        for c in &mut row.reached[first..=at] {
            *c += 1;
        }
        if !r.lost && at + 1 == n {
            row.won += 1;
            row.won_amount += u128::from(r.amount.unwrap_or(0));
        }
        row.cost += u128::from(r.cost);
    }
    let mut out: Vec<ChannelRow> = rows.into_values().collect();
    out.sort_by(|a, b| {
        b.entries(first)
            .cmp(&a.entries(first))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::date::Day;
    use crate::import::mapping::Layout;
    use crate::import::records::Record;

    #[test]
    fn counts_conversion_and_costs_per_channel() {
        let rec = |channel: u32, reached: usize, cost: u64, amount: Option<u64>| Record {
            created: Day(20_000),
            reached: Some(reached),
            lost: false,
            won_on: None,
            amount,
            channel,
            cost,
            stage_days: Vec::new(),
        };
        // Stages: lead, opportunity, won. Web: 3 leads (1 won ¥500,000), cost ¥300,000 in all.
        // Seminar: 1 lead won ¥1,000,000 at ¥50,000. Most entries first.
        let records = Records {
            records: vec![
                rec(1, 0, 10_000_000, None),
                rec(0, 2, 5_000_000, Some(100_000_000)),
                rec(1, 2, 10_000_000, Some(50_000_000)),
                rec(1, 1, 10_000_000, None),
            ],
            channels: vec!["Seminar".into(), "Web".into()],
            bad: vec![],
            ignored: 0,
            stage_count: 3,
            layout: Layout::RowPerRecord,
        };
        let rows = channel_rows(&records, 0);
        assert_eq!(rows[0].name, "Web");
        assert_eq!(
            (
                rows[0].reached.clone(),
                rows[0].won,
                rows[0].won_amount,
                rows[0].cost
            ),
            (vec![3, 2, 1], 1, 50_000_000, 30_000_000)
        );
        assert_eq!(rows[0].conversion(0), Some(1.0 / 3.0));
        // CPL ¥300,000 ÷ 3 = ¥100,000; CPA ¥300,000 ÷ 1.
        assert_eq!(
            cost_per(rows[0].cost as f64 / 100.0, rows[0].entries(0)),
            Some(100_000.0)
        );
        assert_eq!(cost_per(300_000.0, rows[0].won), Some(300_000.0));
        assert_eq!(rows[1].name, "Seminar");
        assert_eq!(rows[1].conversion(0), Some(1.0));
        assert_eq!(cost_per(0.0, 3), None);
        assert_eq!(cost_per(10.0, 0), None);
    }
}
