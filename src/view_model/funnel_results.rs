//! The Funnel view's answers: the headline cards, the per-stage table and what forward mode's
//! entry count yields.

use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::{ForwardResult, Funnel, Gap, Lang, ReversePlan, StageKind};

use super::figure::{Card, Figure};
use crate::i18n::funnel::words;
use crate::i18n::names::Named;

/// Won deals, opportunities, leads (when the funnel has a lead stage above opportunities) and
/// the pipeline value: the answers first.
pub fn headline_cards(lang: Lang, funnel: &Funnel, plan: &ReversePlan) -> Vec<Card> {
    let w = words(lang);
    let won = funnel.won_index();
    let count = |i: usize| format!("{}{}", format_count(plan.stages[i].required), w.unit_count);
    let before_won = &funnel.stages[won - 1];
    let opps_label = if before_won.kind == StageKind::Opportunities {
        w.headline_opps.to_string()
    } else {
        before_won.display_name(lang)
    };
    let mut cards = vec![
        Card::new("won", w.headline_won, count(won)),
        Card::new("opps", opps_label, count(won - 1)),
    ];
    let leads = funnel
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Leads);
    if let Some(leads) = leads.filter(|l| *l < won - 1) {
        cards.push(Card::new("leads", w.headline_top, count(leads)));
    }
    cards.push(Card::new(
        "pipeline",
        w.headline_pipeline,
        Figure::money(plan.pipeline_value, lang),
    ));
    cards
}

/// One stage of the results table.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub name: String,
    /// The requirement rounded up, and the title giving its exact value.
    pub required: String,
    pub exact_title: String,
    pub exact: String,
    /// The rate to the next stage (a dash on the won stage).
    pub rate: String,
    pub cumulative: String,
    /// What forward mode's entry count yields at this stage (a dash above the entry stage).
    pub expected: Figure,
}

/// The per-stage table; `expected` is forward mode's expected count per stage (empty when
/// forward mode has no entry).
pub fn stage_rows(
    lang: Lang,
    funnel: &Funnel,
    plan: &ReversePlan,
    expected: &[Option<f64>],
) -> Vec<StageRow> {
    let won = funnel.won_index();
    plan.stages
        .iter()
        .enumerate()
        .map(|(i, req)| {
            let exact = format_decimal(req.exact, 2);
            StageRow {
                name: funnel.stages[i].display_name(lang),
                required: format_count(req.required),
                exact_title: (words(lang).exact_title)(&exact),
                exact,
                rate: if i < won {
                    funnel.stages[i].rate_to_next.to_percent_text() + "%"
                } else {
                    "—".to_string()
                },
                cumulative: format_percent(req.cumulative_to_won),
                expected: expected
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or_else(Figure::dash, Figure::count),
            }
        })
        .collect()
}

/// What the entry count yields: won deals, revenue, and the gap to the target.
#[derive(Clone, Debug, PartialEq)]
pub struct ForwardFigures {
    pub won: Figure,
    pub revenue: Figure,
    /// "Above the target by" or "short of the target by".
    pub gap_label: &'static str,
    pub gap: Figure,
    pub reached: bool,
}

pub fn forward_figures(lang: Lang, r: &ForwardResult) -> ForwardFigures {
    let w = words(lang);
    let (gap_label, gap, reached) = match r.gap {
        Gap::Reached { surplus } => (w.surplus, Figure::money(surplus, lang), true),
        // A shortfall under one yen is still short: it is never shown as nothing.
        Gap::Short { shortfall } => (w.shortfall, Figure::money(shortfall.max(1.0), lang), false),
    };
    ForwardFigures {
        won: Figure::count(r.won),
        revenue: Figure::money(r.revenue, lang),
        gap_label,
        gap,
        reached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::figure::texts;
    use funnel_model::draft::Draft;
    use funnel_model::values::Count;
    use funnel_model::Entry;
    use proptest::prelude::*;

    fn default_plan() -> (Funnel, ReversePlan) {
        let funnel = Draft::default().funnel().unwrap();
        let plan = funnel.reverse().unwrap();
        (funnel, plan)
    }

    #[test]
    fn the_default_scenario_needs_twenty_deals_and_a_pipeline_of_four_hundred_million() {
        // ¥1億 at ¥500万 a deal: 20 won; ÷ 25 % = 80 opportunities; ÷ 40 % ÷ 30 % ÷ 10 % →
        // 6,667 leads; the pipeline is 80 × ¥500万 = ¥4億.
        let (funnel, plan) = default_plan();
        let cards = headline_cards(Lang::Ja, &funnel, &plan);
        assert_eq!(
            texts(&cards),
            [
                ("won", "20件"),
                ("opps", "80件"),
                ("leads", "6,667件"),
                ("pipeline", "4億円")
            ]
        );
        assert_eq!(cards[0].label.text, "必要受注数");
        let en = headline_cards(Lang::En, &funnel, &plan);
        assert_eq!(en[3].figure.text, "¥400,000,000");
        assert_eq!(
            crate::i18n::funnel::short_label(&cards[3].label.text),
            "必要パイプライン"
        );
        assert_eq!(
            crate::i18n::funnel::short_label(&en[3].label.text),
            "Pipeline needed"
        );
    }

    #[test]
    fn the_stage_table_rounds_up_and_keeps_the_exact_value_beside() {
        // 666.67 MQL are needed: 667 shown, the exact value in its column and title.
        let (funnel, plan) = default_plan();
        let rows = stage_rows(Lang::Ja, &funnel, &plan, &[]);
        let mql = &rows[2];
        assert_eq!(mql.name, "MQL");
        assert_eq!(mql.required, "667");
        assert_eq!(mql.exact, "666.67");
        assert_eq!(mql.exact_title, "正確な値: 666.67");
        assert_eq!(mql.rate, "30%");
        // 30 % × 40 % × 25 % = 3 % of MQL end as won deals
        assert_eq!(mql.cumulative, "3%");
        assert_eq!(rows[5].rate, "—");
        assert_eq!(rows[5].cumulative, "100%");
        assert!(rows.iter().all(|r| r.expected == Figure::dash()));
    }

    #[test]
    fn forward_mode_from_one_hundred_opportunities_wins_twenty_five_deals() {
        // 100 × 25 % = 25 won × ¥500万 = ¥1.25億: ¥2,500万 above the ¥1億 target.
        let (funnel, plan) = default_plan();
        let entry = Entry {
            stage: 4,
            count: Count::new(100).unwrap(),
        };
        let run = funnel.forward(entry);
        let f = forward_figures(Lang::Ja, &run);
        assert_eq!(f.won.text, "25");
        assert_eq!(f.revenue.text, "1.25億円");
        assert_eq!(
            (f.gap_label, f.gap.text.as_str(), f.reached),
            ("目標を上回る額", "2,500万円", true)
        );
        let rows = stage_rows(Lang::Ja, &funnel, &plan, &run.expected);
        let expected: Vec<&str> = rows.iter().map(|r| r.expected.text.as_str()).collect();
        assert_eq!(expected, ["—", "—", "—", "—", "100", "25"]);
    }

    #[test]
    fn a_thousand_leads_fall_short_by_eighty_five_million() {
        // 1,000 × 10 % × 30 % × 40 % × 25 % = 3 won × ¥500万 = ¥1,500万: ¥8,500万 short.
        let (funnel, _) = default_plan();
        let run = funnel.forward(Entry {
            stage: 1,
            count: Count::new(1_000).unwrap(),
        });
        let f = forward_figures(Lang::En, &run);
        assert_eq!(f.won.text, "3");
        assert_eq!(f.revenue.text, "¥15,000,000");
        assert_eq!(f.gap.text, "¥85,000,000");
        assert!(!f.reached);
    }

    proptest! {
        #[test]
        fn forward_figures_are_always_numbers(stage in 0usize..6, count in 1u64..10_000_000) {
            let (funnel, plan) = default_plan();
            let run = funnel.forward(Entry { stage, count: Count::new(count).unwrap() });
            let f = forward_figures(Lang::Ja, &run);
            let rows = stage_rows(Lang::Ja, &funnel, &plan, &run.expected);
            let all = [f.won.text, f.revenue.text, f.gap.text]
                .into_iter()
                .chain(rows.into_iter().map(|r| r.expected.text));
            for text in all {
                prop_assert!(!text.is_empty() && !text.contains("NaN") && !text.contains("inf"), "{}", text);
            }
        }
    }
}
