//! What the file's records add up to: the headline, stage conversion, lead times, cohorts.

use std::sync::Arc;

use funnel_model::import::Actuals;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::words;
use crate::session::Session;
use crate::view_model::import_results::{
    cohort_middle, cohort_rows, conversion_rows, headline, lead_time_rows,
};

use super::table::ResultsTable;

#[component]
pub(super) fn Headline(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let cards = headline(lang.get(), &actuals);
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
        let w = words(lang);
        let rows = session.draft.with(|d| conversion_rows(lang, d, &actuals));
        let rows = rows
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.step}</th>
                        <td class="num">{r.reached}</td>
                        <td class="num">{r.advanced}</td>
                        <td class="num">{r.lost}</td>
                        <td class="num">{r.open}</td>
                        <td class="num required">{r.decided_rate}</td>
                        <td class="num">{r.so_far_rate}</td>
                    </tr>
                }
            })
            .collect_view();
        let head = view! {
            <th scope="col">{w.step}</th>
            <th scope="col" class="num">{w.reached}</th>
            <th scope="col" class="num">{w.moved_on}</th>
            <th scope="col" class="num">{w.lost}</th>
            <th scope="col" class="num">{w.still_open}</th>
            <th scope="col" class="num">{w.decided_rate}</th>
            <th scope="col" class="num">{w.incl_open}</th>
        };
        view! {
            <ResultsTable
                heading=w.stage_conversion.to_string()
                hint=Some(Signal::stored(w.records_still_open_are_not_counted.to_string()))
                caption=w.stage_conversion.to_string()
                head=head.into_any()
                rows=rows.into_any()
            />
        }
    }
}

#[component]
pub(super) fn LeadTimes(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let w = words(lang);
        if actuals.lead_times.days.is_empty() {
            return view! {
                <div class="results-block">
                    <h3>{w.lead_time}</h3>
                    <p class="note">{w.no_won_record_has_both_a}</p>
                </div>
            }
            .into_any();
        }
        let rows = lead_time_rows(lang, &actuals)
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.month}</th>
                        <td class="num">{r.won}</td>
                        <td class="num">{r.share}</td>
                        <td class="bar-cell" aria-hidden="true"><span class="bar" style:width=r.width></span></td>
                    </tr>
                }
            })
            .collect_view();
        let head = view! {
            <th scope="col">{w.after_creation}</th>
            <th scope="col" class="num">{w.won}</th>
            <th scope="col" class="num">{w.share}</th>
            <th scope="col"><span class="sr-only">{w.chart}</span></th>
        };
        view! {
            <ResultsTable
                heading=w.lead_time_creation_to_won.to_string()
                hint=None
                table_class="lead-time-table"
                caption=w.months_from_creation_to_won.to_string()
                head=head.into_any()
                rows=rows.into_any()
            />
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
        let w = words(lang.get());
        let names = names.get();
        let name = |i: usize| names.get(i).cloned().unwrap_or_default();
        let middle = cohort_middle(&actuals)
            .into_iter()
            .map(|i| view! { <th scope="col" class="num">{name(i)}</th> })
            .collect_view();
        let rows = cohort_rows(&actuals)
            .into_iter()
            .map(|r| {
                let cells = r
                    .middle
                    .into_iter()
                    .map(|n| view! { <td class="num">{n}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{r.month}</th>
                        <td class="num">{r.created}</td>
                        {cells}
                        <td class="num">{r.won}</td>
                        <td class="num">{r.open}</td>
                        <td class="num required">{r.cohort_rate}</td>
                        <td class="num">{r.won_in_month}</td>
                        <td class="num">{r.period_ratio}</td>
                    </tr>
                }
            })
            .collect_view();
        let head = view! {
            <th scope="col">{w.created_in}</th>
            <th scope="col" class="num">{name(actuals.first_stage)}</th>
            {middle}
            <th scope="col" class="num">{w.won_so_far}</th>
            <th scope="col" class="num">{w.still_open}</th>
            <th scope="col" class="num">{w.cohort_conversion}</th>
            <th scope="col" class="num">{w.won_in_the_month}</th>
            <th scope="col" class="num">{w.period_ratio}</th>
        };
        view! {
            <ResultsTable
                heading=w.conversion_by_creation_month_cohorts_and.to_string()
                hint=Some(Signal::stored(w.a_cohort_follows_the_records_created.to_string()))
                caption=w.cohorts_and_period_ratios.to_string()
                head=head.into_any()
                rows=rows.into_any()
            />
        }
    }
}
