//! What the channel plan gives: the headline figures, the per-channel table and its chart.

use funnel_charts::{channel_color_hex, ChannelBar, ChannelChartData};
use funnel_model::format::{format_count, format_decimal, format_money, format_whole};
use funnel_model::{Lang, StageKind};
use leptos::prelude::*;

use crate::i18n::channels::{
    budget_above_target, exact_value, fixed_above_need, totals_note_words, won_shortfall, words,
};
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::figure::Figure;
use crate::ui::results::cards_view;
use crate::view_model::FONT_STACK;

use super::{money_or_dash, MoneyResult};

/// Leads, visits, budget, CPL and CPA: the answers, above the channel table so they are seen
/// first.
#[component]
pub(super) fn ChannelHeadline(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let b = &r.plan.mix.blended;
            vec![
                (
                    "leads",
                    words(l).leads_in_total,
                    Figure::from(format_count(b.leads)),
                ),
                (
                    "visits",
                    words(l).visits_contacts_needed,
                    Figure::from(format_count(b.visits)),
                ),
                (
                    "budget",
                    words(l).marketing_budget,
                    Figure::money(b.budget, l),
                ),
                (
                    "cpl",
                    words(l).blended_cost_per_lead_cpl,
                    money_or_dash(b.cpl, l),
                ),
                (
                    "cpa",
                    words(l).cost_per_won_deal_cpa,
                    money_or_dash(b.cpa, l),
                ),
            ]
        })
    };
    view! {
        <dl class="headline">{move || cards_view("channels", cards())}</dl>
    }
}

#[component]
pub(super) fn ChannelResults(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let shortfall = move || {
        let l = lang.get();
        result.with(|r| {
            // Below what the won column shows (2 decimals), the mix reaches the target as shown.
            let gap = r
                .as_ref()?
                .plan
                .mix
                .won_shortfall()
                .filter(|g| format_decimal(*g, 2) != "0")?;
            Some(won_shortfall(l, &format_decimal(gap, 2)))
        })
    };
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let names = r.names(l);
            let exact = move |x: f64| exact_value(l, &format_decimal(x, 2));
            let mut rows: Vec<_> = r
                .plan
                .mix
                .channels
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let name = names.get(i).cloned().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" aria-hidden="true" style:background-color=channel_color_hex(i)></span>
                                {name}
                            </th>
                            <td class="num">{format_count(c.leads)}</td>
                            <td class="num">{format_count(c.visits)}</td>
                            <td class="num">{Figure::money(c.budget, l).view()}</td>
                            <td class="num">{money_or_dash(c.cpl, l).view()}</td>
                            <td class="num" title=exact(c.mql)>{format_count(c.mql_shown)}</td>
                            <td class="num" title=exact(c.won)>{format_count(c.won_shown)}</td>
                            <td class="num">{money_or_dash(c.cpa, l).view()}</td>
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            let b = &r.plan.mix.blended;
            rows.push(view! {
                <tr class="total">
                    <th scope="row">{words(l).total}</th>
                    <td class="num">{format_count(b.leads)}</td>
                    <td class="num">{format_count(b.visits)}</td>
                    <td class="num">{Figure::money(b.budget, l).view()}</td>
                    <td class="num">{money_or_dash(b.cpl, l).view()}</td>
                    <td class="num" title=exact(b.mql)>{format_count(b.mql_shown)}</td>
                    <td class="num" title=exact(b.won)>{format_count(b.won_shown)}</td>
                    <td class="num">{money_or_dash(b.cpa, l).view()}</td>
                </tr>
            }.into_any());
            Some(rows)
        })
    };
    let over_budget = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let (budget, target) = (r.plan.mix.blended.budget, r.funnel.target.units());
            (budget >= target)
                .then(|| budget_above_target(l, &format_money(budget, l), &format_money(target, l)))
        })
    };
    let fixed_above = move || {
        let l = lang.get();
        result.with(|r| {
            let mix = &r.as_ref()?.plan.mix;
            let fixed = mix.fixed_above_need?;
            Some(fixed_above_need(
                l,
                &format_count(fixed),
                &format_count(mix.leads_needed),
                &format_count(fixed - mix.leads_needed),
            ))
        })
    };
    let reconcile = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| totals_note(l, r)))
    };
    view! {
        {move || over_budget().map(|s| view! { <p class="note warning-note" role="note" data-testid="budget-warning">{s}</p> })}
        {move || reconcile().map(|s| view! { <p class="note totals-note" role="note" data-testid="channel-totals-note">{s}</p> })}
        {move || fixed_above().map(|s| view! { <p class="note" role="note" data-testid="fixed-above-need">{s}</p> })}
        {move || shortfall().map(|s| view! { <p class="note" role="note">{s}</p> })}
        <p class="hint">
            {move || w().mql_and_won_deals_are_rounded}
        </p>
        <div class="table-wrap">
            <table class="channel-results" data-testid="channel-results">
                <caption class="sr-only">{move || w().results_by_channel}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().channel}</th>
                        <th scope="col" class="num">{move || w().leads}</th>
                        <th scope="col" class="num">{move || w().visits}</th>
                        <th scope="col" class="num">{move || w().budget}</th>
                        <th scope="col" class="num">"CPL"</th>
                        <th scope="col" class="num">"MQL"</th>
                        <th scope="col" class="num">{move || w().won}</th>
                        <th scope="col" class="num">"CPA"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub(super) fn ChannelChartView(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
    current: Memo<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let data = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let names = r.names(l);
            Some(ChannelChartData {
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
            })
        })
    });
    let label = Signal::derive(move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    let parts: Vec<String> = d
                        .bars
                        .iter()
                        .map(|b| {
                            format!(
                                "{}: {} {}, {} {}",
                                b.label,
                                d.leads_title,
                                b.leads_label,
                                d.budget_title,
                                b.budget_label
                            )
                        })
                        .collect();
                    parts.join("; ")
                })
                .unwrap_or_default()
        })
    });
    view! {
        <figure class="chart" class:stale=move || !current.get()>
            <figcaption>
                <h3>{move || w().leads_and_budget_by_channel}</h3>
            </figcaption>
            <CanvasChart data=data label=label id="channel-canvas" />
        </figure>
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
