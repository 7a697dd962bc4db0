//! The funnel chart: one bar per stage with its required count, the conversion rate between
//! each pair, and the chart in words.

use funnel_charts::{FunnelBar, FunnelChartData};
use funnel_model::format::{format_count, format_percent};
use funnel_model::{Funnel, Lang, ReversePlan};

use super::FONT_STACK;
use crate::i18n::funnel::words;
use crate::i18n::names::Named;

/// The bars of `plan` (computed from `funnel`), widths scaled within `value_range` when given.
pub fn chart_data(
    funnel: &Funnel,
    plan: &ReversePlan,
    lang: Lang,
    value_range: Option<(f64, f64)>,
) -> FunnelChartData {
    FunnelChartData {
        bars: funnel
            .stages
            .iter()
            .zip(&plan.stages)
            .map(|(stage, req)| FunnelBar {
                label: stage.display_name(lang),
                value_label: format_count(req.required),
                value: req.required as f64,
            })
            .collect(),
        rate_labels: funnel.stages[..funnel.won_index()]
            .iter()
            .map(|s| format!("↓ {}", format_percent(s.rate_to_next.fraction())))
            .collect(),
        scale: 1.0,
        font_family: FONT_STACK.to_string(),
        value_range,
    }
}

/// The chart read aloud: each stage with its count, and the rate that leads to it.
pub fn summary(data: &FunnelChartData, lang: Lang) -> String {
    let steps: Vec<String> = data
        .bars
        .iter()
        .enumerate()
        .map(
            |(i, bar)| match i.checked_sub(1).and_then(|r| data.rate_labels.get(r)) {
                Some(rate) => format!("({rate}) → {} {}", bar.label, bar.value_label),
                None => format!("{} {}", bar.label, bar.value_label),
            },
        )
        .collect();
    (words(lang).chart_summary)(&steps.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::draft::Draft;

    fn default_chart(lang: Lang) -> FunnelChartData {
        let funnel = Draft::default()
            .funnel()
            .expect("the default scenario computes");
        let plan = funnel.reverse().expect("and has a plan");
        chart_data(&funnel, &plan, lang, None)
    }

    #[test]
    fn the_default_scenario_draws_the_seed_example_from_visits_to_won_deals() {
        // ¥1億 at ¥500万 a deal: 20 won; ÷ 25 % = 80 opportunities; ÷ 40 % = 200 SQL;
        // ÷ 30 % = 666.7 → 667 MQL; ÷ 10 % = 6,666.7 → 6,667 leads; ÷ 2 % = 333,333.3 → 333,334
        // visits (each stage rounds its own exact count up).
        let data = default_chart(Lang::Ja);
        let bars: Vec<(&str, &str)> = data
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.value_label.as_str()))
            .collect();
        assert_eq!(
            bars,
            [
                ("訪問", "333,334"),
                ("リード", "6,667"),
                ("MQL", "667"),
                ("SQL", "200"),
                ("商談", "80"),
                ("受注", "20"),
            ]
        );
        assert_eq!(data.bars[0].value, 333_334.0);
        assert_eq!(
            data.rate_labels,
            ["↓ 2%", "↓ 10%", "↓ 30%", "↓ 40%", "↓ 25%"]
        );
        assert_eq!(data.value_range, None);
    }

    #[test]
    fn the_summary_reads_each_stage_with_the_rate_leading_to_it() {
        let ja = summary(&default_chart(Lang::Ja), Lang::Ja);
        assert_eq!(
            ja,
            "ファネル図: 訪問 333,334 (↓ 2%) → リード 6,667 (↓ 10%) → MQL 667 \
             (↓ 30%) → SQL 200 (↓ 40%) → 商談 80 (↓ 25%) → 受注 20"
        );
        let en = summary(&default_chart(Lang::En), Lang::En);
        assert_eq!(
            en,
            "Funnel chart: Visits 333,334 (↓ 2%) → Leads 6,667 (↓ 10%) → MQL 667 (↓ 30%) \
             → SQL 200 (↓ 40%) → Opportunities 80 (↓ 25%) → Won deals 20"
        );
    }

    #[test]
    fn a_shared_range_is_kept_for_charts_shown_side_by_side() {
        let funnel = Draft::default().funnel().unwrap();
        let plan = funnel.reverse().unwrap();
        let data = chart_data(&funnel, &plan, Lang::En, Some((20.0, 500_000.0)));
        assert_eq!(data.value_range, Some((20.0, 500_000.0)));
    }
}
