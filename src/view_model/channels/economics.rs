//! Unit economics as the Channels view shows them: who the customers are, the CAC, LTV,
//! LTV / CAC, ROMI and payback cards, and the notes on them.

use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::plan::channels::Blended;
use funnel_model::plan::economics::UnitEconomics;
use funnel_model::Lang;

use crate::i18n::channels::{customers_note, economics_note, months_figure, words};
use crate::i18n::jargon::explain;
use crate::view_model::figure::{Card, CardLabel, Figure};

#[derive(Clone, Debug, PartialEq)]
pub struct EconomicsFigures {
    /// Which won deals count as customers.
    pub customers: String,
    pub cards: Vec<Card>,
    /// Why ROMI is missing, when it is.
    pub romi_note: Option<&'static str>,
    pub notes: Vec<String>,
}

/// `samples`: the inputs are still the untouched samples, so the figures show but no verdict
/// on them (a verdict appears once its inputs are the user's own).
pub fn economics_figures(
    l: Lang,
    e: &UnitEconomics,
    b: &Blended,
    samples: bool,
) -> EconomicsFigures {
    let dash_or = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    let term = |name: &'static str| CardLabel::term(name, explain(name, l));
    let cards = vec![
        Card::new("cac", term("CAC"), Figure::money(e.cac, l)),
        Card::new("ltv", term("LTV"), Figure::money(e.ltv, l)),
        Card::new(
            "ltv-cac",
            "LTV / CAC",
            dash_or(e.ltv_to_cac.map(|v| format_decimal(v, 2))),
        ),
        Card::new("romi", term("ROMI"), dash_or(e.romi.map(format_percent))),
        Card::new(
            "payback",
            words(l).cac_payback,
            months_figure(l, &format_decimal(e.payback_months, 1)),
        ),
    ];
    let notes = if samples {
        vec![words(l).no_verdict_on_sample_values_enter.to_string()]
    } else {
        let negative = e
            .romi
            .is_some_and(|r| r < 0.0)
            .then(|| words(l).romi_is_negative_at_this_budget.to_string());
        negative
            .into_iter()
            .chain(e.notes.iter().map(|n| economics_note(l, *n)))
            .collect()
    };
    EconomicsFigures {
        customers: customers_note(l, &format_count(b.won_shown), &format_decimal(b.won, 4)),
        cards,
        romi_note: e
            .romi
            .is_none()
            .then_some(words(l).romi_is_not_shown_the_marketing),
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::figure::texts;
    use funnel_model::plan::economics::EconomicsNote;

    fn blended(won: f64) -> Blended {
        Blended {
            leads: 1_000,
            visits: 50_000,
            budget: 6_000_000.0,
            cpl: Some(6_000.0),
            mql: 100.0,
            mql_shown: 100,
            won,
            won_shown: won.ceil() as u64,
            cpa: Some(6_000_000.0 / won),
        }
    }

    /// The model's worked example: ¥6,000,000 marketing + ¥4,000,000 sales for 20 customers →
    /// CAC ¥500,000; ¥100,000 a month at 70 % margin and 2 % churn → LTV ¥3,500,000, LTV/CAC 7,
    /// payback 500,000 ÷ 70,000 = 7.1 months.
    fn example(romi: Option<f64>, notes: Vec<EconomicsNote>) -> UnitEconomics {
        UnitEconomics {
            cac: 500_000.0,
            ltv: 3_500_000.0,
            ltv_to_cac: Some(7.0),
            romi,
            payback_months: 500_000.0 / 70_000.0,
            notes,
        }
    }

    #[test]
    fn the_worked_example_reads_as_five_cards() {
        let f = economics_figures(Lang::Ja, &example(Some(1.5), vec![]), &blended(20.0), false);
        assert_eq!(
            texts(&f.cards),
            [
                ("cac", "50万円"),
                ("ltv", "350万円"),
                ("ltv-cac", "7"),
                ("romi", "150%"),
                ("payback", "7.1か月")
            ]
        );
        assert!(f.cards[0].label.explanation.is_some());
        assert_eq!(f.cards[2].label.explanation, None);
        assert_eq!(f.romi_note, None);
        assert!(f.notes.is_empty());
        assert!(f.customers.contains("20件"), "{}", f.customers);
    }

    #[test]
    fn samples_get_no_verdict_and_a_negative_romi_is_said_first() {
        let note = EconomicsNote::LtvToCacBelowThree { ratio: 2.0 };
        let e = example(Some(-0.2), vec![note]);
        let own = economics_figures(Lang::En, &e, &blended(20.0), false);
        assert_eq!(own.notes.len(), 2);
        assert_eq!(
            own.notes[0],
            words(Lang::En).romi_is_negative_at_this_budget
        );
        let sample = economics_figures(Lang::En, &e, &blended(20.0), true);
        assert_eq!(
            sample.notes,
            [words(Lang::En).no_verdict_on_sample_values_enter]
        );
        let none = economics_figures(Lang::En, &example(None, vec![]), &blended(20.0), false);
        assert_eq!(none.cards[3].figure.text, "—");
        assert!(none.romi_note.is_some());
    }
}
