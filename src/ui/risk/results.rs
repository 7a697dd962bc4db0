//! What the Risk view shows of its figures besides the charts: the headline cards, the
//! outlook from the entries on hand, the improvement worth most, and the tornado's table.

use funnel_model::format::{format_count, format_money};
use funnel_model::risk::Timings;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::names::NamedStages;
use crate::i18n::risk::{
    aside, budget_part, chance, chance_words, count, error_points, forward_outlook, method_note,
    needed_for_confidence, same_as_extra, span, words, worth_sentence,
};
use crate::ui::results::cards_view;
use crate::ui::risk_charts::input_label;

use super::RiskResult;

/// The chance, won deals and revenue at P10 / P50 / P90, and the counts for each confidence.
#[component]
pub(super) fn RiskHeadline(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let f = &r.figures;
            let top = r.top_name(l);
            let three = |v: [String; 3]| v.join(" / ");
            let mut cards = vec![
                (
                    "reach",
                    words(l).chance_of_reaching_the_target.to_string(),
                    format!(
                        "{}{}",
                        chance(f.plan.reach.value),
                        aside(l, &chance_words(l, f.plan.reach.value))
                    ),
                ),
                (
                    "won",
                    words(l).won_deals_p10_p50_p90.to_string(),
                    three(f.plan.won.map(|w| count(l, w))),
                ),
                (
                    "revenue",
                    words(l).revenue_p10_p50_p90.to_string(),
                    three(f.plan.revenue.map(|v| format_money(v, l))),
                ),
            ];
            for (level, key) in f.levels.iter().zip(["level80", "level90", "level-user"]) {
                let pct = format!("{:.0}%", level.level * 100.0);
                let label = needed_for_confidence(l, &pct, &top);
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
                    None => words(l).out_of_reach_at_these_rates.to_string(),
                };
                cards.push((key, label, value));
            }
            cards
        })
    };
    let timing = move |part: fn(&Timings) -> f64| {
        result.with(|r| {
            r.as_ref()
                .map_or(String::new(), |r| format!("{:.3}", part(&r.timings)))
        })
    };
    let method = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let f = &r.figures;
            let need = count(l, f.need);
            Some(method_note(
                l,
                &need,
                f.trials.map(|t| {
                    (
                        format_count(u64::from(t)),
                        r.seed,
                        error_points(l, f.plan.reach.error),
                    )
                }),
            ))
        })
    };
    view! {
        <dl
            class="headline"
            data-testid="risk-headline"
            data-ms-outlook=move || timing(|t| t.outlook)
            data-ms-levels=move || timing(|t| t.levels)
            data-ms-tornado=move || timing(|t| t.tornado)
            data-ms-total=move || timing(|t| t.total)
            data-trials=move || result.with(|r| r.as_ref().and_then(|r| r.figures.trials).unwrap_or(0).to_string())
        >
            {move || cards_view("risk", cards())}
        </dl>
        <p class="note" data-testid="risk-method">{method}</p>
    }
}

/// What the entries on hand (forward mode's) give.
#[component]
pub(super) fn ForwardOutlook(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
) -> impl IntoView {
    let text = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
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
        })
    };
    view! {
        <Show when=move || text().is_some()>
            <h3>{move || words(lang.get()).with_what_you_have}</h3>
            <p data-testid="risk-forward">{text}</p>
        </Show>
    }
}

/// Every rate's +1 point, ranked, and the single improvement worth most in a sentence.
#[component]
pub(super) fn WorthMost(lang: RwSignal<Lang>, result: Memo<Option<RiskResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let best = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let top = r.figures.improvements.first()?;
            let name = r.rate_name(top.stage, l);
            let top_name = r.top_name(l);
            Some(worth_sentence(
                l,
                &name,
                top.revenue,
                top.extra_top,
                &top_name,
                top.budget,
            ))
        })
    };
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            Some(r.figures.improvements.iter().enumerate().map(|(rank, imp)| view! {
                <tr>
                    <td class="num">{rank + 1}</td>
                    <th scope="row">{r.rate_name(imp.stage, l)}</th>
                    <td class="num">{format_money(imp.revenue, l)}</td>
                    <td class="num">{count(l, imp.extra_top)}</td>
                    <td class="num">{imp.budget.map_or("—".to_string(), |b| format_money(b, l))}</td>
                </tr>
            }).collect_view())
        })
    };
    let extra_col = move || {
        let l = lang.get();
        result.with(|r| {
            let top = r.as_ref().map(|r| r.top_name(l)).unwrap_or_default();
            same_as_extra(l, &top)
        })
    };
    view! {
        <h3>{move || w().which_single_improvement_is_worth_most}</h3>
        <p class="worth-best" data-testid="risk-worth">{best}</p>
        <div class="table-wrap">
            <table class="risk-worth">
                <caption class="sr-only">{move || w().what_1_point_on_each_rate}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{move || w().rank}</th>
                        <th scope="col">{move || w().rate_1_pt}</th>
                        <th scope="col" class="num">{move || w().revenue_gained}</th>
                        <th scope="col" class="num">{extra_col}</th>
                        <th scope="col" class="num">{move || w().as_ad_budget}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The tornado's numbers, also its text alternative: each input's range, revenue and chance at
/// both ends.
#[component]
pub(super) fn TornadoTable(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            Some(r.figures.tornado.iter().map(|s| view! {
                <tr>
                    <th scope="row">{input_label(r, s.input, s.low, s.high, s.source, l)}</th>
                    <td class="num">{format_money(s.revenue_low, l)}</td>
                    <td class="num">{format_money(s.revenue_high, l)}</td>
                    <td class="num">{chance(s.reach_low)}</td>
                    <td class="num">{chance(s.reach_high)}</td>
                </tr>
            }).collect_view())
        })
    };
    view! {
        <div class="table-wrap">
            <table class="risk-tornado">
                <caption>{move || w().ranges_are_yours_where_given_else}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().input_and_range}</th>
                        <th scope="col" class="num">{move || w().revenue_low_end}</th>
                        <th scope="col" class="num">{move || w().revenue_high_end}</th>
                        <th scope="col" class="num">{move || w().chance_low_end}</th>
                        <th scope="col" class="num">{move || w().chance_high_end}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
