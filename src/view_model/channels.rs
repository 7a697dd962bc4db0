//! What the channel plan gives: the headline cards, the per-channel table and its notes, and
//! the chart; the unit economics (`economics`) and the benchmark notes on a channel's card
//! (`benchmarks`).

pub mod benchmarks;
pub mod economics;

use funnel_charts::{ChannelBar, ChannelChartData};
use funnel_model::format::{format_count, format_decimal, format_money, format_whole};
use funnel_model::plan::draft::{ChannelDraft, MoneyPlan};
use funnel_model::{Funnel, Lang, StageKind};

use super::figure::{Card, Figure};
use super::FONT_STACK;
use crate::i18n::channels::{
    budget_above_target, exact_value, fixed_above_need, totals_note_words, won_shortfall, words,
};
use crate::i18n::names::Named;

/// The money plan with the funnel it was computed for.
#[derive(Clone, PartialEq)]
pub struct MoneyResult {
    pub plan: MoneyPlan,
    pub funnel: Funnel,
    /// The channel rows the plan was computed from (their names label its rows, also while an
    /// older result is kept on screen).
    pub channels: Vec<ChannelDraft>,
}

impl MoneyResult {
    /// The channels' names in table order.
    pub fn names(&self, lang: Lang) -> Vec<String> {
        self.channels.iter().map(|c| c.display_name(lang)).collect()
    }
}

/// Leads, visits, budget, CPL and CPA: the answers, above the channel table.
pub fn headline_cards(l: Lang, r: &MoneyResult) -> Vec<Card> {
    let w = words(l);
    let b = &r.plan.mix.blended;
    vec![
        Card::new("leads", w.leads_in_total, format_count(b.leads)),
        Card::new("visits", w.visits_contacts_needed, format_count(b.visits)),
        Card::new("budget", w.marketing_budget, Figure::money(b.budget, l)),
        Card::new(
            "cpl",
            w.blended_cost_per_lead_cpl,
            Figure::money_or_dash(b.cpl, l),
        ),
        Card::new(
            "cpa",
            w.cost_per_won_deal_cpa,
            Figure::money_or_dash(b.cpa, l),
        ),
    ]
}

/// One row of the channel table (or its total row).
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelRow {
    pub name: String,
    pub leads: String,
    pub visits: String,
    pub budget: Figure,
    pub cpl: Figure,
    /// MQL and won deals rounded up, each with its exact value as a title.
    pub mql: String,
    pub mql_title: String,
    pub won: String,
    pub won_title: String,
    pub cpa: Figure,
}

/// A row from the model's figures of one channel or of all together: the two carry the same
/// fields.
macro_rules! channel_row {
    ($l:expr, $name:expr, $c:expr) => {{
        let (l, c) = ($l, $c);
        let exact = |x: f64| exact_value(l, &format_decimal(x, 2));
        ChannelRow {
            name: $name,
            leads: format_count(c.leads),
            visits: format_count(c.visits),
            budget: Figure::money(c.budget, l),
            cpl: Figure::money_or_dash(c.cpl, l),
            mql: format_count(c.mql_shown),
            mql_title: exact(c.mql),
            won: format_count(c.won_shown),
            won_title: exact(c.won),
            cpa: Figure::money_or_dash(c.cpa, l),
        }
    }};
}

/// One row per channel, in table order.
pub fn channel_rows(l: Lang, r: &MoneyResult) -> Vec<ChannelRow> {
    let names = r.names(l);
    r.plan
        .mix
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| channel_row!(l, names.get(i).cloned().unwrap_or_default(), c))
        .collect()
}

/// The channels together.
pub fn total_row(l: Lang, r: &MoneyResult) -> ChannelRow {
    channel_row!(l, words(l).total.to_string(), &r.plan.mix.blended)
}

/// The notes beside the channel table, each shown only when it applies (but the totals note).
#[derive(Clone, Debug, PartialEq)]
pub struct ResultNotes {
    /// The marketing budget is at or above the revenue target.
    pub over_budget: Option<String>,
    /// Why the channel totals need not equal the funnel's figures.
    pub totals: String,
    /// The fixed-count channels give more leads than the funnel needs.
    pub fixed_above: Option<String>,
    /// The mix wins fewer deals than the target needs.
    pub shortfall: Option<String>,
}

pub fn result_notes(l: Lang, r: &MoneyResult) -> ResultNotes {
    let mix = &r.plan.mix;
    let (budget, target) = (mix.blended.budget, r.funnel.target.units());
    ResultNotes {
        over_budget: (budget >= target)
            .then(|| budget_above_target(l, &format_money(budget, l), &format_money(target, l))),
        totals: totals_note(l, r),
        fixed_above: mix.fixed_above_need.map(|fixed| {
            fixed_above_need(
                l,
                &format_count(fixed),
                &format_count(mix.leads_needed),
                &format_count(fixed - mix.leads_needed),
            )
        }),
        // Below what the won column shows (2 decimals), the mix reaches the target as shown.
        shortfall: mix
            .won_shortfall()
            .filter(|g| format_decimal(*g, 2) != "0")
            .map(|gap| won_shortfall(l, &format_decimal(gap, 2))),
    }
}

/// Why the channel totals need not equal the funnel's figures, said beside the totals: visits
/// come from each channel's own visit → lead CVR, and won deals from each channel's own
/// lead → MQL rate where it has one; and whether the channel plan reaches the target.
fn totals_note(lang: Lang, r: &MoneyResult) -> String {
    let mix = &r.plan.mix;
    let reverse = r.funnel.reverse().ok();
    let funnel_count = |kind: StageKind| {
        let i = r.funnel.stages.iter().position(|s| s.kind == kind)?;
        reverse.as_ref().map(|p| p.stages[i].required)
    };
    let won_shown = format_whole(mix.blended.won);
    let won_needed = format_whole(mix.won_needed.ceil());
    let reaches = mix.won_shortfall().is_none();
    let visits = funnel_count(StageKind::Visits)
        .filter(|v| *v != mix.blended.visits)
        .map(|v| (format_count(v), format_count(mix.blended.visits)));
    totals_note_words(lang, visits, &won_shown, &won_needed, reaches)
}

/// Leads and budget per channel, side by side.
pub fn chart_data(l: Lang, r: &MoneyResult) -> ChannelChartData {
    let names = r.names(l);
    ChannelChartData {
        bars: r
            .plan
            .mix
            .channels
            .iter()
            .enumerate()
            .map(|(i, c)| ChannelBar {
                label: names.get(i).cloned().unwrap_or_default(),
                leads: c.leads as f64,
                leads_label: format_count(c.leads),
                budget: c.budget,
                budget_label: format_money(c.budget, l),
                extra_label: c
                    .cpa
                    .map(|v| format!("CPA {}", format_money(v, l)))
                    .unwrap_or_default(),
                color_index: i,
            })
            .collect(),
        leads_title: words(l).leads_2.to_string(),
        budget_title: words(l).budget.to_string(),
        scale: 1.0,
        font_family: FONT_STACK.to_string(),
    }
}

/// The chart read aloud: each channel with its leads and budget.
pub fn chart_summary(d: &ChannelChartData) -> String {
    let parts: Vec<String> = d
        .bars
        .iter()
        .map(|b| {
            format!(
                "{}: {} {}, {} {}",
                b.label, d.leads_title, b.leads_label, d.budget_title, b.budget_label
            )
        })
        .collect();
    parts.join("; ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::view_model::figure::texts;
    use funnel_model::draft::Draft;
    use proptest::prelude::*;

    pub fn result_of(d: &Draft) -> MoneyResult {
        let funnel = d.funnel().unwrap();
        MoneyResult {
            plan: d.plan.money_plan(&funnel).unwrap(),
            funnel,
            channels: d.plan.channels.clone(),
        }
    }

    #[test]
    fn the_default_mix_splits_six_thousand_six_hundred_sixty_seven_leads_by_share() {
        // The funnel needs 6,667 leads. Shares 30/20/15/15/10/5/5 % give 2,000.1, 1,333.4,
        // 1,000.05, 1,000.05, 666.7, 333.35, 333.35; the two leads left by the whole parts go
        // to the largest remainders (e-mail 667, SEO 1,334). Web ads: 2,000 leads at ¥15,000 =
        // ¥3,000万 from 2,000 ÷ 2 % = 100,000 visits. The budget adds up to ¥79,324,000:
        // 30,000,000 + 6,670,000 + 8,000,000 + 20,000,000 + 1,334,000 + 9,990,000 + 3,330,000.
        let r = result_of(&Draft::default());
        let rows = channel_rows(Lang::Ja, &r);
        let leads: Vec<&str> = rows.iter().map(|r| r.leads.as_str()).collect();
        assert_eq!(
            leads,
            ["2,000", "1,334", "1,000", "1,000", "667", "333", "333"]
        );
        assert_eq!(rows[0].visits, "100,000");
        assert_eq!(rows[0].budget.text, "3,000万円");
        assert_eq!(rows[0].cpl.text, "15,000円");
        let total = total_row(Lang::Ja, &r);
        assert_eq!(total.name, "合計");
        assert_eq!(total.leads, "6,667");
        assert_eq!(total.budget.exact.as_deref(), Some("79,324,000円"));
        let cards = headline_cards(Lang::En, &r);
        assert_eq!(cards[0].figure.text, "6,667");
        assert_eq!(cards[2].figure.exact, None);
        assert_eq!(cards[2].figure.text, "¥79,324,000");
        // ¥79,324,000 ÷ 6,667 leads = ¥11,898.0...
        assert!(
            cards[3].figure.text.starts_with("¥11,89"),
            "{}",
            cards[3].figure.text
        );
        assert_eq!(texts(&cards).len(), 5);
    }

    #[test]
    fn the_notes_speak_only_when_they_apply() {
        let r = result_of(&Draft::default());
        let notes = result_notes(Lang::Ja, &r);
        // ¥7,932万 of budget stays under the ¥1億 target; no fixed counts
        assert_eq!(notes.over_budget, None);
        assert_eq!(notes.fixed_above, None);
        assert!(!notes.totals.is_empty());
    }

    #[test]
    fn the_chart_reads_each_channel_with_its_leads_and_budget() {
        let r = result_of(&Draft::default());
        let data = chart_data(Lang::En, &r);
        assert_eq!(data.bars.len(), 7);
        assert_eq!(data.bars[0].leads, 2_000.0);
        let said = chart_summary(&data);
        assert_eq!(said.matches("; ").count(), 6);
        assert!(said.contains(": Leads 2,000, Budget ¥30,000,000"), "{said}");
    }

    proptest! {
        #[test]
        fn no_figure_of_the_table_is_ever_not_a_number(cpl in 1u32..100_000, share in 1u32..100) {
            let mut d = Draft::default();
            d.plan.channels[0].spend = cpl.to_string();
            d.plan.channels[0].volume = share.to_string();
            let Some(funnel) = d.funnel().ok() else { return Ok(()) };
            let Ok(plan) = d.plan.money_plan(&funnel) else { return Ok(()) };
            let r = MoneyResult { plan, funnel, channels: d.plan.channels.clone() };
            let mut rows = channel_rows(Lang::Ja, &r);
            rows.push(total_row(Lang::Ja, &r));
            for row in rows {
                for t in [row.leads, row.visits, row.budget.text, row.cpl.text, row.mql, row.won, row.cpa.text] {
                    prop_assert!(!t.is_empty() && !t.contains("NaN") && !t.contains("inf"), "{}", t);
                }
            }
        }
    }
}
