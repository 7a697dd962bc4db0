//! What the Risk view shows of its figures besides the charts: the headline cards, the method,
//! the outlook from the entries on hand, the improvement worth most and the tornado's table.

use funnel_model::draft::Draft;
use funnel_model::format::{format_count, format_money, format_percent};
use funnel_model::risk::sensitivity::{Input, RangeSource};
use funnel_model::risk::{RiskFigures, Timings};
use funnel_model::Lang;

use super::figure::Card;
use crate::i18n::names::NamedStages;
use crate::i18n::risk::{
    aside, budget_part, chance, chance_words, count, error_points, forward_outlook, method_note,
    needed_for_confidence, span, words, worth_sentence,
};

/// The figures with the draft they were computed from (its names label them, also while an
/// older result is kept on screen).
#[derive(Clone, PartialEq)]
pub struct RiskResult {
    pub figures: RiskFigures,
    pub draft: Draft,
    /// Expected revenue at the rates as typed.
    pub base_revenue: f64,
    pub seed: u64,
    /// How long the figures took (the benchmark reads them off the page).
    pub timings: Timings,
}

impl RiskResult {
    pub fn rate_name(&self, i: usize, lang: Lang) -> String {
        self.draft.rate_label(i, lang).unwrap_or_default()
    }

    pub fn top_name(&self, lang: Lang) -> String {
        self.draft.display_name(0, lang)
    }

    pub fn rate_names(&self, lang: Lang) -> Vec<String> {
        (0..self.draft.stages.len().saturating_sub(1))
            .map(|i| self.rate_name(i, lang))
            .collect()
    }
}

/// The stage ids that have a rate out (every stage but won).
pub fn rate_ids(d: &Draft) -> Vec<u32> {
    let n = d.stages.len().saturating_sub(1);
    d.stages[..n].iter().map(|s| s.id).collect()
}

/// The chance, won deals and revenue at P10 / P50 / P90, and the top-stage count (with what it
/// adds to the plan's and its budget) for 80 %, 90 % and the user's confidence.
pub fn headline_cards(l: Lang, r: &RiskResult) -> Vec<Card> {
    let f = &r.figures;
    let w = words(l);
    let top = r.top_name(l);
    let three = |v: [String; 3]| v.join(" / ");
    let reach = f.plan.reach.value;
    let mut cards = vec![
        Card::new(
            "reach",
            w.chance_of_reaching_the_target,
            format!("{}{}", chance(reach), aside(l, &chance_words(l, reach))),
        ),
        Card::new(
            "won",
            w.won_deals_p10_p50_p90,
            three(f.plan.won.map(|n| count(l, n))),
        ),
        Card::new(
            "revenue",
            w.revenue_p10_p50_p90,
            three(f.plan.revenue.map(|v| format_money(v, l))),
        ),
    ];
    for (level, key) in f.levels.iter().zip(["level80", "level90", "level-user"]) {
        let pct = format!("{:.0}%", level.level * 100.0);
        let value = match level.top {
            Some(n) => {
                let more = n.saturating_sub(f.plan.count);
                let mut v = count(l, n);
                if more > 0 {
                    v += &aside(l, &format!("+{}", format_count(more)));
                }
                if let Some(b) = level.budget {
                    v += &budget_part(l, &format_money(b, l));
                }
                v
            }
            None => w.out_of_reach_at_these_rates.to_string(),
        };
        cards.push(Card::new(key, needed_for_confidence(l, &pct, &top), value));
    }
    cards
}

/// How the chance was computed: exactly, or by a Monte Carlo with its trials, seed and error.
pub fn method(l: Lang, r: &RiskResult) -> String {
    let f = &r.figures;
    method_note(
        l,
        &count(l, f.need),
        f.trials.map(|t| {
            (
                format_count(u64::from(t)),
                r.seed,
                error_points(l, f.plan.reach.error),
            )
        }),
    )
}

/// What the entries on hand (forward mode's) give, when forward mode has them.
pub fn outlook_sentence(l: Lang, r: &RiskResult) -> Option<String> {
    let fw = r.figures.forward.as_ref()?;
    let stage = r.draft.display_name(fw.stage, l);
    let range = span(l, &count(l, fw.won[0]), &count(l, fw.won[2]));
    let revenue = span(
        l,
        &format_money(fw.revenue[0], l),
        &format_money(fw.revenue[2], l),
    );
    Some(forward_outlook(
        l,
        &stage,
        &format_count(fw.count),
        fw.reach.value,
        &range,
        &revenue,
    ))
}

/// The single improvement worth most, in a sentence.
pub fn worth_most(l: Lang, r: &RiskResult) -> Option<String> {
    let top = r.figures.improvements.first()?;
    Some(worth_sentence(
        l,
        &r.rate_name(top.stage, l),
        top.revenue,
        top.extra_top,
        &r.top_name(l),
        top.budget,
    ))
}

/// One rate's +1 point, ranked.
#[derive(Clone, Debug, PartialEq)]
pub struct WorthRow {
    pub rank: String,
    pub rate: String,
    pub revenue: String,
    pub extra_top: String,
    pub budget: String,
}

pub fn worth_rows(l: Lang, r: &RiskResult) -> Vec<WorthRow> {
    r.figures
        .improvements
        .iter()
        .enumerate()
        .map(|(rank, imp)| WorthRow {
            rank: (rank + 1).to_string(),
            rate: r.rate_name(imp.stage, l),
            revenue: format_money(imp.revenue, l),
            extra_top: count(l, imp.extra_top),
            budget: imp.budget.map_or("—".to_string(), |b| format_money(b, l)),
        })
        .collect()
}

/// One input of the tornado: its range, and revenue and chance at both ends.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    pub input: String,
    pub revenue_low: String,
    pub revenue_high: String,
    pub chance_low: String,
    pub chance_high: String,
}

pub fn tornado_rows(l: Lang, r: &RiskResult) -> Vec<TornadoRow> {
    r.figures
        .tornado
        .iter()
        .map(|s| TornadoRow {
            input: input_label(r, s.input, s.low, s.high, s.source, l),
            revenue_low: format_money(s.revenue_low, l),
            revenue_high: format_money(s.revenue_high, l),
            chance_low: chance(s.reach_low),
            chance_high: chance(s.reach_high),
        })
        .collect()
}

/// The name of a tornado input with its range, e.g. "受注率 15%〜35%（ベンチマーク）".
pub fn input_label(
    r: &RiskResult,
    input: Input,
    low: f64,
    high: f64,
    source: RangeSource,
    lang: Lang,
) -> String {
    let (name, range) = match input {
        Input::Rate(i) => (
            r.rate_name(i, lang),
            span(lang, &format_percent(low), &format_percent(high)),
        ),
        Input::DealSize => (
            words(lang).deal_size.to_string(),
            span(lang, &format_money(low, lang), &format_money(high, lang)),
        ),
    };
    let source = match source {
        RangeSource::User => "",
        RangeSource::Benchmark => words(lang).benchmark,
        RangeSource::PlusMinus20 => words(lang).n20,
    };
    format!("{name} {range}{source}")
}

/// The risk run of a draft, as the view computes it (for the view model's tests).
#[cfg(test)]
pub(crate) fn result_of(d: &Draft) -> RiskResult {
    use funnel_model::risk::{build_setup, risk_figures_timed};
    let funnel = d.funnel().unwrap();
    let reverse = funnel.reverse().unwrap();
    let settings = d.risk.settings(&rate_ids(d)).unwrap();
    let setup = build_setup(d, &funnel, &reverse, &settings);
    let (figures, timings) = risk_figures_timed(&setup, &|| 0.0);
    RiskResult {
        base_revenue: setup.expected_revenue(&setup.point, setup.top, setup.deal()),
        figures,
        draft: d.clone(),
        seed: setup.seed,
        timings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_names_each_confidence_and_what_it_adds_to_the_plan() {
        let r = result_of(&Draft::default());
        let cards = headline_cards(Lang::Ja, &r);
        let keys: Vec<&str> = cards.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "reach",
                "won",
                "revenue",
                "level80",
                "level90",
                "level-user"
            ]
        );
        assert_eq!(cards[3].label.text, "80%の確信に必要な訪問");
        assert_eq!(cards[4].label.text, "90%の確信に必要な訪問");
        // the chance as a percentage with two decimals, its words in full-width brackets
        let reach = &cards[0].figure.text;
        let pct = format!("{:.2}%", r.figures.plan.reach.value * 100.0);
        assert!(
            reach.starts_with(&format!("{pct}（")) && reach.ends_with('）'),
            "{reach}"
        );
        // P10 / P50 / P90 of won deals, each with its unit
        let won: Vec<&str> = cards[1].figure.text.split(" / ").collect();
        assert_eq!(won.len(), 3);
        assert!(won.iter().all(|w| w.ends_with('件')), "{won:?}");
        // 90 % needs more visits than the plan's 333,334: the difference is shown beside
        let l90 = r.figures.levels[1].top.unwrap();
        let more = l90 - 333_334;
        assert!(
            cards[4].figure.text.starts_with(&format!(
                "{}件（+{}）",
                format_count(l90),
                format_count(more)
            )),
            "{}",
            cards[4].figure.text
        );
    }

    #[test]
    fn the_default_rates_are_exact_so_the_method_names_no_trials() {
        let r = result_of(&Draft::default());
        assert_eq!(r.figures.trials, None);
        // 20 won deals reach the ¥1億 target
        assert_eq!(
            method(Lang::Ja, &r),
            "目標達成 = 受注20件以上。転換率が固定なので二項分布から厳密に計算しています。"
        );
        assert_eq!(outlook_sentence(Lang::Ja, &r), None);
    }

    #[test]
    fn entries_on_hand_give_an_outlook_and_every_rate_a_ranked_row() {
        let mut d = Draft::default();
        d.entry_count = "100".to_string();
        d.entry_stage = d.stages[4].id;
        let r = result_of(&d);
        let text = outlook_sentence(Lang::En, &r).expect("forward mode has entries");
        assert!(
            text.starts_with("With the 100 Opportunities you have"),
            "{text}"
        );
        let rows = worth_rows(Lang::En, &r);
        assert_eq!(rows.len(), 5, "one row per rate");
        assert_eq!(rows[0].rank, "1");
        assert!(worth_most(Lang::En, &r).unwrap().contains(&rows[0].rate));
        let tornado = tornado_rows(Lang::Ja, &r);
        assert!(!tornado.is_empty());
        assert!(tornado.iter().all(|t| t.chance_low.ends_with('%')));
    }
}
