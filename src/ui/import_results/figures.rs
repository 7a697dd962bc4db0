//! What the file's records add up to: the headline, stage conversion, lead times, cohorts.

use std::sync::Arc;

use funnel_model::format::{format_count, format_decimal, format_money, format_percent};
use funnel_model::import::Actuals;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::{months_later, words};
use crate::i18n::names::NamedStages;
use crate::session::Session;

use super::percent;

#[component]
pub(super) fn Headline(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let a = &actuals;
        let days = |d: Option<f64>| {
            d.map_or_else(
                || "—".to_string(),
                |d| format!("{}{}", format_decimal(d, 1), words(lang).days),
            )
        };
        let cards = [
            (words(lang).win_rate_decided, percent(a.win_rate())),
            (
                words(lang).average_won_deal,
                a.average_deal()
                    .map_or_else(|| "—".to_string(), |v| format_money(v, lang)),
            ),
            (
                words(lang).days_to_win_median,
                days(a.lead_times.median_days()),
            ),
            (
                words(lang).n80_of_wins_within,
                days(a.lead_times.p80_days().map(f64::from)),
            ),
            (
                words(lang).won,
                format!("{}{}", format_count(a.won), words(lang).deals),
            ),
        ];
        view! {
            <dl class="headline">
                {cards.into_iter().map(|(k, v)| view! { <div class="card"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        }
    }
}

#[component]
pub(super) fn Conversions(session: Session, actuals: Arc<Actuals>) -> impl IntoView {
    let lang = session.lang;
    move || {
        let lang = lang.get();
        let rows = session.draft.with(|d| {
            actuals
                .conversions()
                .into_iter()
                .map(|c| {
                    let label = d
                        .rate_label(c.from, lang)
                        .unwrap_or_else(|| d.display_name(c.from, lang));
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{format_count(c.reached)}</td>
                            <td class="num">{format_count(c.advanced)}</td>
                            <td class="num">{format_count(c.lost)}</td>
                            <td class="num">{format_count(c.open)}</td>
                            <td class="num required">{percent(c.decided_rate())}</td>
                            <td class="num">{percent(c.so_far_rate())}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="results-block">
                <h3>{words(lang).stage_conversion}</h3>
                <p class="hint">
                    {words(lang).records_still_open_are_not_counted}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{words(lang).stage_conversion}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).step}</th>
                                <th scope="col" class="num">{words(lang).reached}</th>
                                <th scope="col" class="num">{words(lang).moved_on}</th>
                                <th scope="col" class="num">{words(lang).lost}</th>
                                <th scope="col" class="num">{words(lang).still_open}</th>
                                <th scope="col" class="num">{words(lang).decided_rate}</th>
                                <th scope="col" class="num">{words(lang).incl_open}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}

#[component]
pub(super) fn LeadTimes(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let lt = &actuals.lead_times;
        if lt.days.is_empty() {
            return view! {
                <div class="results-block">
                    <h3>{words(lang).lead_time}</h3>
                    <p class="note">{words(lang).no_won_record_has_both_a}</p>
                </div>
            }
            .into_any();
        }
        let shares = lt.month_shares();
        let rows = lt
            .by_month
            .iter()
            .zip(shares)
            .enumerate()
            .map(|(m, (count, share))| {
                let month = months_later(lang, m);
                let width = format!("{:.1}%", share * 100.0);
                view! {
                    <tr>
                        <th scope="row">{month}</th>
                        <td class="num">{format_count(*count)}</td>
                        <td class="num">{format_percent(share)}</td>
                        <td class="bar-cell" aria-hidden="true"><span class="bar" style:width=width></span></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="results-block">
                <h3>{words(lang).lead_time_creation_to_won}</h3>
                <div class="table-wrap">
                    <table class="lead-time-table">
                        <caption class="sr-only">{words(lang).months_from_creation_to_won}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).after_creation}</th>
                                <th scope="col" class="num">{words(lang).won}</th>
                                <th scope="col" class="num">{words(lang).share}</th>
                                <th scope="col"><span class="sr-only">{words(lang).chart}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
        .into_any()
    }
}

#[component]
pub(super) fn Cohorts(
    lang: RwSignal<Lang>,
    actuals: Arc<Actuals>,
    names: Memo<Vec<String>>,
) -> impl IntoView {
    move || {
        let lang = lang.get();
        let names = names.get();
        let first = actuals.first_stage;
        let n = actuals.stage_count;
        // Stages after the first and before won: how far each cohort got.
        let middle: Vec<usize> = (first + 1..n.saturating_sub(1)).collect();
        let head = middle
            .iter()
            .map(|&i| view! { <th scope="col" class="num">{names.get(i).cloned().unwrap_or_default()}</th> })
            .collect_view();
        let rows = actuals
            .cohorts
            .iter()
            .map(|r| {
                let cells = middle
                    .iter()
                    .map(|&i| view! { <td class="num">{format_count(r.reached[i])}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{r.month.iso()}</th>
                        <td class="num">{format_count(r.created)}</td>
                        {cells}
                        <td class="num">{format_count(r.won)}</td>
                        <td class="num">{format_count(r.open)}</td>
                        <td class="num required">{percent(r.cohort_rate())}</td>
                        <td class="num">{format_count(r.won_in_month)}</td>
                        <td class="num">{percent(r.period_ratio())}</td>
                    </tr>
                }
            })
            .collect_view();
        let first_name = names.get(first).cloned().unwrap_or_default();
        view! {
            <div class="results-block">
                <h3>{words(lang).conversion_by_creation_month_cohorts_and}</h3>
                <p class="hint">
                    {words(lang).a_cohort_follows_the_records_created}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{words(lang).cohorts_and_period_ratios}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).created_in}</th>
                                <th scope="col" class="num">{first_name}</th>
                                {head}
                                <th scope="col" class="num">{words(lang).won_so_far}</th>
                                <th scope="col" class="num">{words(lang).still_open}</th>
                                <th scope="col" class="num">{words(lang).cohort_conversion}</th>
                                <th scope="col" class="num">{words(lang).won_in_the_month}</th>
                                <th scope="col" class="num">{words(lang).period_ratio}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}
