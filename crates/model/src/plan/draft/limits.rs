//! What storage, import and links accept of the plan inputs, and the repair of hand-edited
//! values.

use super::inputs::{PlanDraft, MAX_CHANNELS, MAX_DISTRIBUTION_MONTHS};

impl PlanDraft {
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
        // A channel whose id an earlier one has gets a new one above them all. A linear scan:
        // the list is at most `MAX_CHANNELS` long, and a hash set would cost the embed, which
        // runs this check on every link, ~1.5 KB gzipped.
        let mut next = self.channels.iter().map(|c| c.id).max().unwrap_or(0);
        for i in 1..self.channels.len() {
            let id = self.channels[i].id;
            if self.channels[..i].iter().any(|c| c.id == id) {
                next += 1;
                self.channels[i].id = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn repeated_channel_ids_get_new_ones_above_all() {
        let mut p = PlanDraft::default();
        for (c, id) in p.channels.iter_mut().zip([3, 3, 1, 3, 0, 1, 2]) {
            c.id = id;
        }
        p.repair();
        let ids: Vec<u32> = p.channels.iter().map(|c| c.id).collect();
        assert_eq!(ids, [3, 4, 1, 5, 0, 6, 2]);
    }
}
