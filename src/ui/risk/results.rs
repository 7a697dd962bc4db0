//! What the Risk view shows of its figures besides the charts: the headline cards, the
//! outlook from the entries on hand, the improvement worth most, and the tornado's table.

use funnel_model::risk::Timings;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::risk::{same_as_extra, words};
use crate::ui::results::HeadlineCards;
use crate::view_model::risk::{
    headline_cards, method, outlook_sentence, tornado_rows, worth_most, worth_rows, RiskResult,
};

/// The chance, won deals and revenue at P10 / P50 / P90, and the counts for each confidence.
#[component]
pub(super) fn RiskHeadline(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
) -> impl IntoView {
    let cards = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| headline_cards(l, r)).unwrap_or_default())
    });
    let timing = move |part: fn(&Timings) -> f64| {
        result.with(|r| {
            r.as_ref()
                .map_or(String::new(), |r| format!("{:.3}", part(&r.timings)))
        })
    };
    let method = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| method(l, r)))
    };
    view! {
        <HeadlineCards
            prefix="risk"
            cards={cards}
            {..}
            data-testid="risk-headline"
            data-ms-outlook=move || timing(|t| t.outlook)
            data-ms-levels=move || timing(|t| t.levels)
            data-ms-tornado=move || timing(|t| t.tornado)
            data-ms-total=move || timing(|t| t.total)
            data-trials=move || result.with(|r| r.as_ref().and_then(|r| r.figures.trials).unwrap_or(0).to_string())
        />
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
        result.with(|r| r.as_ref().and_then(|r| outlook_sentence(l, r)))
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
        result.with(|r| r.as_ref().and_then(|r| worth_most(l, r)))
    };
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            Some(
                worth_rows(l, r.as_ref()?)
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <td class="num">{row.rank}</td>
                                <th scope="row">{row.rate}</th>
                                <td class="num">{row.revenue}</td>
                                <td class="num">{row.extra_top}</td>
                                <td class="num">{row.budget}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
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
            Some(
                tornado_rows(l, r.as_ref()?)
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <th scope="row">{row.input}</th>
                                <td class="num">{row.revenue_low}</td>
                                <td class="num">{row.revenue_high}</td>
                                <td class="num">{row.chance_low}</td>
                                <td class="num">{row.chance_high}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
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
