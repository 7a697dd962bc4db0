//! What the channel plan gives: the headline figures, the per-channel table and its chart.

use funnel_charts::channel_color_hex;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::channels::words;
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::results::HeadlineCards;
use crate::view_model::channels::{
    channel_rows, chart_data, chart_summary, headline_cards, result_notes, total_row, ChannelRow,
    MoneyResult, ResultNotes,
};

/// Leads, visits, budget, CPL and CPA: the answers, above the channel table so they are seen
/// first.
#[component]
pub(super) fn ChannelHeadline(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
) -> impl IntoView {
    let cards = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| headline_cards(l, r)).unwrap_or_default())
    });
    view! { <HeadlineCards prefix="channels" cards=cards /> }
}

#[component]
pub(super) fn ChannelResults(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let notes = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| result_notes(l, r)))
    };
    let note = move |pick: fn(ResultNotes) -> Option<String>| move || notes().and_then(pick);
    let (over_budget, reconcile, fixed_above, shortfall) = (
        note(|n| n.over_budget),
        note(|n| Some(n.totals)),
        note(|n| n.fixed_above),
        note(|n| n.shortfall),
    );
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let rows = channel_rows(l, r).into_iter().enumerate().map(|(i, row)| {
                let name = row.name.clone();
                let head = view! {
                    <span class="swatch" aria-hidden="true" style:background-color=channel_color_hex(i)></span>
                    {name}
                };
                channel_row(head.into_any(), row, false)
            });
            let total = total_row(l, r);
            let total = channel_row(total.name.clone().into_any(), total, true);
            Some(rows.chain(std::iter::once(total)).collect_view())
        })
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

/// One row of the channel table; `head` is what its row header shows.
fn channel_row(head: AnyView, row: ChannelRow, total: bool) -> impl IntoView {
    view! {
        <tr class:total=total>
            <th scope="row">{head}</th>
            <td class="num">{row.leads}</td>
            <td class="num">{row.visits}</td>
            <td class="num">{row.budget.view()}</td>
            <td class="num">{row.cpl.view()}</td>
            <td class="num" title=row.mql_title>{row.mql}</td>
            <td class="num" title=row.won_title>{row.won}</td>
            <td class="num">{row.cpa.view()}</td>
        </tr>
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
        result.with(|r| r.as_ref().map(|r| chart_data(l, r)))
    });
    let label =
        Signal::derive(move || data.with(|d| d.as_ref().map(chart_summary).unwrap_or_default()));
    view! {
        <figure class="chart" class:stale=move || !current.get()>
            <figcaption>
                <h3>{move || w().leads_and_budget_by_channel}</h3>
            </figcaption>
            <CanvasChart data=data label=label id="channel-canvas" />
        </figure>
    }
}
