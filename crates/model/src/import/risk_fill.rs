//! The actuals as the Risk view's doubt about each rate: every step with decided records
//! becomes "moved on of decided" counts (a Beta belief in the Risk model). Records still open
//! are not counted as failures, for the same reason the decided rate leaves them out.

use super::aggregate::Actuals;
use crate::draft::Draft;
use crate::risk::{DoubtMode, RateDoubt, RiskDraft};

/// `draft`'s risk inputs with the actuals' counts for every step that has a decided record,
/// and the ids of the stages whose doubt changed. Steps without data keep what was typed.
pub fn risk_from_actuals(draft: &Draft, actuals: &Actuals) -> (RiskDraft, Vec<u32>) {
    let mut risk = draft.risk.clone();
    let mut changed = Vec::new();
    // The last stage (won) has no rate out of it.
    let with_rate = draft.stages.len().saturating_sub(1);
    for counts in actuals.rate_counts() {
        if counts.from >= with_rate || counts.trials == 0 {
            continue;
        }
        let id = draft.stages[counts.from].id;
        let before = risk.doubt(id);
        let after = RateDoubt {
            mode: DoubtMode::Counts,
            won: counts.successes.to_string(),
            trials: counts.trials.to_string(),
            ..before.clone()
        };
        if after != before {
            risk.edit_doubt(id, |d| *d = after);
            changed.push(id);
        }
    }
    (risk, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::aggregate::aggregate;
    use crate::import::date::Day;
    use crate::import::mapping::Layout;
    use crate::import::records::{Record, Records};

    fn record(reached: usize, lost: bool) -> Record {
        let created = Day::from_ymd(2026, 4, 1).unwrap();
        let won = reached == 5 && !lost;
        Record {
            created,
            reached: Some(reached),
            lost,
            won_on: won.then(|| Day::from_ymd(2026, 5, 1).unwrap()),
            amount: None,
            channel: 0,
            cost: 0,
            stage_days: Vec::new(),
        }
    }

    /// The default funnel's six stages; records from opportunity (index 4) on: 3 won, 2 lost
    /// at opportunity, 1 still open there.
    fn actuals() -> Actuals {
        let mut records = vec![record(5, false), record(5, false), record(5, false)];
        records.extend([record(4, true), record(4, true), record(4, false)]);
        aggregate(&Records {
            records,
            channels: vec![String::new()],
            bad: Vec::new(),
            ignored: 0,
            stage_count: 6,
            layout: Layout::RowPerRecord,
        })
    }

    #[test]
    fn decided_counts_become_the_win_rates_doubt_and_open_ones_are_left_out() {
        let draft = Draft::default();
        let (risk, changed) = risk_from_actuals(&draft, &actuals());
        let opportunity = draft.stages[4].id;
        assert_eq!(changed, [opportunity]);
        let doubt = risk.doubt(opportunity);
        assert_eq!(doubt.mode, DoubtMode::Counts);
        // 3 won of 5 decided (the open one is not a failure).
        assert_eq!((doubt.won.as_str(), doubt.trials.as_str()), ("3", "5"));
        // Stages before the file's first stage keep their fixed rate.
        assert_eq!(risk.doubt(draft.stages[0].id).mode, DoubtMode::Fixed);
    }

    #[test]
    fn a_range_typed_before_is_kept_beside_the_counts_and_a_second_use_changes_nothing() {
        let mut draft = Draft::default();
        let opportunity = draft.stages[4].id;
        draft.risk.edit_doubt(opportunity, |d| {
            d.mode = DoubtMode::Range;
            d.low = "20".into();
            d.high = "30".into();
        });
        let (risk, _) = risk_from_actuals(&draft, &actuals());
        let doubt = risk.doubt(opportunity);
        assert_eq!((doubt.low.as_str(), doubt.high.as_str()), ("20", "30"));
        draft.risk = risk;
        let (again, changed) = risk_from_actuals(&draft, &actuals());
        assert!(changed.is_empty());
        assert_eq!(again, draft.risk);
    }
}
