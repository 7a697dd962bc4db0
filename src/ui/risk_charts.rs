//! The Risk view's three charts on canvas, each with its text alternative.

use funnel_charts::risk::{
    CurveMark, DistributionData, Marker, ReachCurveData, TornadoBar, TornadoData,
};
use funnel_model::format::format_money;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::risk::{
    chance, count, curve_summary, distribution_summary, span, target_marker, words,
};
use crate::ui::canvas_chart::CanvasChart;
use crate::view_model::risk::{input_label, RiskResult};
use crate::view_model::FONT_STACK;

#[component]
pub fn RiskCharts(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
    current: Memo<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let distribution = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| distribution_data(r, l)))
    });
    let curve = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| curve_data(r, l)))
    });
    let tornado = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| tornado_data(r, l)))
    });
    let distribution_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref()
                .map(|r| distribution_text(r, l))
                .unwrap_or_default()
        })
    });
    let curve_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| curve_text(r, l)).unwrap_or_default())
    });
    let tornado_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| tornado_text(r, l)).unwrap_or_default())
    });
    view! {
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().distribution_of_won_deals}</h3>
            <CanvasChart data=distribution label=distribution_label id="risk-distribution-canvas" />
        </div>
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().chance_of_reaching_the_target_by}</h3>
            <CanvasChart data=curve label=curve_label id="risk-curve-canvas" />
        </div>
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().revenue_sensitivity_tornado}</h3>
            <CanvasChart data=tornado label=tornado_label id="risk-tornado-canvas" />
        </div>
    }
}

/// The won-deals distribution with the target and P10/P50/P90 marked.
fn distribution_data(r: &RiskResult, l: Lang) -> DistributionData {
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
fn curve_data(r: &RiskResult, l: Lang) -> ReachCurveData {
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
fn tornado_data(r: &RiskResult, l: Lang) -> TornadoData {
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
fn distribution_text(r: &RiskResult, l: Lang) -> String {
    let f = &r.figures;
    distribution_summary(l, f.need, f.plan.won, f.plan.reach.value)
}

/// The reach curve in words.
fn curve_text(r: &RiskResult, l: Lang) -> String {
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
fn tornado_text(r: &RiskResult, l: Lang) -> String {
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
