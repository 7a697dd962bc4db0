//! The monthly plan's headline: what must exist before the period, coverage, velocity,
//! headcount, and the notes on the phasing.

use funnel_model::format::{format_count, format_decimal};
use funnel_model::plan::phasing::PhasingNote;
use funnel_model::plan::PlanInputError;
use funnel_model::Lang;

use super::TimeResult;
use crate::i18n::jargon::explain;
use crate::i18n::months::{
    coverage_figure, deals_figure, headcount_figure, needed_before_period, velocity_label,
    velocity_note, won_total_figure, words,
};
use crate::i18n::names::Named;
use crate::i18n::plan::plan_input_error;
use crate::view_model::figure::{Card, CardLabel, Figure};

/// The monthly plan's headline cards, in the order they are shown. The coverage verdict needs
/// the open pipeline, an optional field: without it (`pipeline_given` false) only the coverage
/// the plan needs is shown, never "0× · short".
pub fn summary_cards(l: Lang, pipeline_given: bool, result: &TimeResult) -> Vec<Card> {
    let TimeResult { plan, funnel } = result;
    let w = words(l);
    let won = funnel.won_index();
    let before_shown = plan.monthly.before_period_shown();
    let before = |i: usize| {
        format!(
            "{}{}",
            format_count(before_shown.get(i).copied().unwrap_or(0)),
            w.symbol
        )
    };
    let (lead, opp) = (plan.lead_stage, won.saturating_sub(1));
    let targets = &plan.monthly.won_targets;
    let term = |text: String, key: &str| CardLabel::term(text, explain(key, l));
    let mut cards = vec![
        Card::new(
            "won-total",
            w.deals_planned_in_the_period_each,
            won_total_figure(
                l,
                &format_count(targets.shown_total()),
                &format_count(targets.period_required),
                &format_count(targets.surplus()),
            ),
        ),
        Card::new(
            "before-leads",
            needed_before_period(l, &funnel.stages[lead].display_name(l)),
            before(lead),
        ),
        Card::new(
            "before-opps",
            needed_before_period(l, &funnel.stages[opp].display_name(l)),
            before(opp),
        ),
        Card::new(
            "coverage",
            term(w.pipeline_coverage_needed.to_string(), "coverage"),
            coverage_figure(
                l,
                &format_decimal(plan.coverage.needed, 2),
                pipeline_given
                    .then(|| (format_decimal(plan.coverage.have, 2), plan.coverage.enough)),
            ),
        ),
    ];
    if plan.open_pipeline_deals > 0.0 {
        cards.push(Card::new(
            "open-deals",
            w.deals_expected_from_the_open_pipeline,
            deals_figure(l, &format_decimal(plan.open_pipeline_deals, 1)),
        ));
    }
    let days = format_decimal(plan.cycle_days, 0);
    cards.push(Card::new(
        "velocity",
        term(velocity_label(l, plan.cycle_source, &days), "velocity"),
        plan.velocity
            .map_or_else(Figure::dash, |v| Figure::money(v, l)),
    ));
    let peak = |v: &[u64]| v.iter().copied().max().unwrap_or(0);
    cards.push(Card::new(
        "headcount",
        w.headcount_busiest_month,
        headcount_figure(
            l,
            peak(&plan.staffing.inside_sales),
            peak(&plan.staffing.field_sales),
        ),
    ));
    cards
}

/// What the phasing had to bend, worded.
pub fn phasing_notes(l: Lang, r: &TimeResult) -> Vec<String> {
    r.plan
        .monthly
        .notes
        .iter()
        .map(|n| match n {
            PhasingNote::LeadTimeLongerThanPeriod {
                months,
                period_months,
            } => {
                let e = PlanInputError::LeadTimeLongerThanPeriod {
                    months: *months,
                    period_months: *period_months,
                };
                let extra = words(l).what_must_be_created_before_the;
                format!("{} {extra}", plan_input_error(l, &e, &[]))
            }
        })
        .collect()
}

/// Which days the velocity divides by, and why there is none at 0 days.
pub fn velocity_hint(l: Lang, r: &TimeResult) -> &'static str {
    velocity_note(l, r.plan.velocity.is_some(), r.plan.cycle_source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::figure::texts;
    use crate::view_model::months::tests::default_result;

    #[test]
    fn the_default_quarter_plans_twenty_one_deals_for_a_target_of_twenty() {
        let r = default_result();
        let cards = summary_cards(Lang::Ja, false, &r);
        let shown = texts(&cards);
        // 20 won deals over three equal months are 6.67 a month, planned as 7 each: 21, one
        // more than the target.
        assert_eq!(shown[0], ("won-total", "21件（目標 20件・余裕 1件）"));
        assert_eq!(cards[1].label.text, "計画期間前に作るリード");
        assert_eq!(cards[2].label.text, "計画期間前に作る商談");
        let keys: Vec<&str> = cards.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "won-total",
                "before-leads",
                "before-opps",
                "coverage",
                "velocity",
                "headcount"
            ]
        );
        // jargon carries its explanation
        assert!(cards[3].label.explanation.is_some());
        assert!(cards[4].label.explanation.is_some());
        assert!(cards[0].label.explanation.is_none());
        // no open pipeline given: the coverage needed alone, no verdict
        assert!(
            !cards[3].figure.text.contains('（'),
            "{}",
            cards[3].figure.text
        );
        assert!(phasing_notes(Lang::Ja, &r).is_empty());
    }

    #[test]
    fn every_card_is_a_figure() {
        for lang in [Lang::Ja, Lang::En] {
            for given in [false, true] {
                for card in summary_cards(lang, given, &default_result()) {
                    let t = &card.figure.text;
                    assert!(
                        !t.is_empty() && !t.contains("NaN") && !t.contains("inf"),
                        "{t}"
                    );
                }
            }
        }
    }
}
