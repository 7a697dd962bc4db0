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
        let mut seen = std::collections::HashSet::new();
        let mut next = self.channels.iter().map(|c| c.id).max().unwrap_or(0);
        for c in &mut self.channels {
            if !seen.insert(c.id) {
                next += 1;
                c.id = next;
                seen.insert(next);
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
}
