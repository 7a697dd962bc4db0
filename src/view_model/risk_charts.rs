//! The Risk view's three charts as data for `funnel-charts`, and each chart in words.

use funnel_charts::risk::{
    CurveMark, DistributionData, Marker, ReachCurveData, TornadoBar, TornadoData,
};
use funnel_model::format::format_money;
use funnel_model::Lang;

use crate::i18n::risk::{
    chance, count, curve_summary, distribution_summary, span, target_marker, words,
};
use crate::view_model::risk::{input_label, RiskResult};
use crate::view_model::FONT_STACK;

/// The won-deals distribution with the target and P10/P50/P90 marked.
pub fn distribution_data(r: &RiskResult, l: Lang) -> DistributionData {
    let f = &r.figures;
    DistributionData {
        bars: f
            .plan
            .pmf
            .probs
            .iter()
            .enumerate()
            .map(|(i, p)| (f.plan.pmf.offset + i as u64, *p))
            .collect(),
        target: f.need,
        target_label: target_marker(l, f.need),
        markers: ["P10", "P50", "P90"]
            .iter()
            .zip(f.plan.won)
            .map(|(n, at)| Marker {
                label: (*n).into(),
                at,
            })
            .collect(),
        scale: 1.0,
        font_family: FONT_STACK.into(),
    }
}

/// The chance of reaching each won count, with the plan and the top confidence levels marked.
pub fn curve_data(r: &RiskResult, l: Lang) -> ReachCurveData {
    let f = &r.figures;
    let mut marks = vec![CurveMark {
        label: format!(
            "{} {} · {}",
            words(l).plan,
            count(l, f.plan.count),
            chance(f.plan.reach.value)
        ),
        count: f.plan.count,
        reach: f.plan.reach.value,
        plan: true,
    }];
    for level in f.levels.iter().take(2) {
        if let Some(top) = level.top {
            marks.push(CurveMark {
                label: format!("{:.0}% {}", level.level * 100.0, count(l, top)),
                count: top,
                reach: level.level,
                plan: false,
            });
        }
    }
    ReachCurveData {
        points: f.curve.clone(),
        marks,
        scale: 1.0,
        font_family: FONT_STACK.into(),
    }
}

/// Revenue at each input's low and high end, against today's.
pub fn tornado_data(r: &RiskResult, l: Lang) -> TornadoData {
    let f = &r.figures;
    let base = r.base_revenue;
    TornadoData {
        bars: f
            .tornado
            .iter()
            .map(|s| TornadoBar {
                label: input_label(r, s.input, s.low, s.high, s.source, l),
                low: s.revenue_low,
                high: s.revenue_high,
                low_label: format_money(s.revenue_low, l),
                high_label: format_money(s.revenue_high, l),
            })
            .collect(),
        base,
        base_label: format!("{} {}", words(l).today, format_money(base, l)),
        scale: 1.0,
        font_family: FONT_STACK.into(),
    }
}

/// The distribution chart in words.
pub fn distribution_text(r: &RiskResult, l: Lang) -> String {
    let f = &r.figures;
    distribution_summary(l, f.need, f.plan.won, f.plan.reach.value)
}

/// The reach curve in words.
pub fn curve_text(r: &RiskResult, l: Lang) -> String {
    let f = &r.figures;
    let top = r.top_name(l);
    let at = |i: usize| {
        f.levels
            .get(i)
            .and_then(|x| x.top)
            .map_or("—".to_string(), |n| count(l, n))
    };
    curve_summary(l, &top, f.plan.count, f.plan.reach.value, &at(0), &at(1))
}

/// The tornado chart in words.
pub fn tornado_text(r: &RiskResult, l: Lang) -> String {
    let parts: Vec<String> = r
        .figures
        .tornado
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                input_label(r, s.input, s.low, s.high, s.source, l),
                span(
                    l,
                    &format_money(s.revenue_low, l),
                    &format_money(s.revenue_high, l)
                )
            )
        })
        .collect();
    format!(
        "{}{}",
        words(l).revenue_sensitivity_widest_swing_first,
        parts.join(words(l).symbol)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::risk::result_of;
    use funnel_model::draft::Draft;

    #[test]
    fn the_distribution_marks_the_target_and_the_three_percentiles_over_a_whole_distribution() {
        let r = result_of(&Draft::default());
        let d = distribution_data(&r, Lang::Ja);
        // The default plan needs 20 won deals.
        assert_eq!(d.target, 20);
        assert_eq!(d.target_label, target_marker(Lang::Ja, 20));
        let names: Vec<&str> = d.markers.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(names, ["P10", "P50", "P90"]);
        let at: Vec<u64> = d.markers.iter().map(|m| m.at).collect();
        assert_eq!(at, r.figures.plan.won.to_vec());
        assert!(at.windows(2).all(|w| w[0] <= w[1]));
        let total: f64 = d.bars.iter().map(|(_, p)| p).sum();
        assert!((total - 1.0).abs() < 1e-6, "{total}");
        assert!(d.bars.windows(2).all(|w| w[1].0 == w[0].0 + 1));
    }

    #[test]
    fn the_curve_marks_the_plan_first_with_its_count_and_chance() {
        let r = result_of(&Draft::default());
        let c = curve_data(&r, Lang::Ja);
        // The plan's visits: 1億 ÷ 500万 = 20 deals ÷ 25 % ÷ 40 % ÷ 30 % ÷ 10 % ÷ 2 % =
        // 333,333.3…, rounded up; the chance is the headline's.
        let plan = &c.marks[0];
        assert!(plan.plan);
        assert_eq!(plan.count, 333_334);
        assert_eq!(plan.label, "計画 333,334件 · 69.37%");
        let en = curve_data(&r, Lang::En);
        assert!(
            en.marks[0].label.starts_with("Plan 333,334"),
            "{}",
            en.marks[0].label
        );
        // Then the two top confidence levels: more visits for more certainty.
        assert_eq!(c.marks.len(), 3);
        assert!(c.marks[1].label.starts_with("80% "), "{}", c.marks[1].label);
        assert!(c.marks[2].label.starts_with("90% "), "{}", c.marks[2].label);
        assert!(plan.count < c.marks[1].count && c.marks[1].count < c.marks[2].count);
        assert_eq!((c.marks[1].reach, c.marks[2].reach), (0.8, 0.9));
    }

    #[test]
    fn the_tornado_has_a_bar_per_uncertain_input_around_todays_revenue() {
        let r = result_of(&Draft::default());
        let t = tornado_data(&r, Lang::Ja);
        let base = r.base_revenue;
        assert_eq!(t.base, base);
        assert_eq!(
            t.base_label,
            format!("{} {}", words(Lang::Ja).today, format_money(base, Lang::Ja))
        );
        assert_eq!(t.bars.len(), r.figures.tornado.len());
        for bar in &t.bars {
            assert!(bar.low <= bar.high);
            assert_eq!(bar.low_label, format_money(bar.low, Lang::Ja));
            assert_eq!(bar.high_label, format_money(bar.high, Lang::Ja));
        }
        // Revenue is proportional to the win rate and to the deal size, so their ±20 % bars
        // are 0.8 and 1.2 times today's revenue.
        for name in [
            "受注率（商談 → 受注） 20%〜30%（±20%）",
            "受注単価 400万円〜600万円（±20%）",
        ] {
            let bar = t.bars.iter().find(|b| b.label == name).expect(name);
            assert!(
                (bar.low / base - 0.8).abs() < 1e-9,
                "{name}: {}",
                bar.low / base
            );
            assert!(
                (bar.high / base - 1.2).abs() < 1e-9,
                "{name}: {}",
                bar.high / base
            );
        }
    }

    #[test]
    fn each_chart_in_words_names_its_figures() {
        let r = result_of(&Draft::default());
        for l in [Lang::Ja, Lang::En] {
            let text = [
                distribution_text(&r, l),
                curve_text(&r, l),
                tornado_text(&r, l),
            ];
            for t in &text {
                assert!(!t.is_empty());
                assert!(!t.contains("NaN") && !t.contains("inf"), "{t}");
            }
            assert!(text[0].contains("20"), "{}", text[0]);
            assert!(text[2].starts_with(words(l).revenue_sensitivity_widest_swing_first));
        }
    }
}
