//! The monthly plan month by month: the table, the timeline chart, and period vs cohort
//! conversion.

use funnel_model::format::{format_count, format_percent};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::browser::current_fiscal_year;
use crate::i18n::months::{cohort_explanation, words};
use crate::i18n::names::Named;
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::figure::Figure;
use crate::view_model::months::{month_names, timeline_data, timeline_summary, TimeResult};

#[component]
pub(super) fn MonthTable(lang: RwSignal<Lang>, result: Memo<Option<TimeResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let head = move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref().map(|r| {
                r.funnel
                    .stages
                    .iter()
                    .map(|s| view! { <th scope="col" class="num">{s.display_name(l)}</th> })
                    .collect_view()
            })
        })
    };
    let body = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let p = &r.plan;
            // The month's share of the revenue target: its won-deal target × the deal size (the
            // seasonality split of the target itself); nothing is due before the period.
            let deal = r.funnel.deal_size.units();
            let names = month_names(r, l, this_fiscal_year(r));
            let revenue = |offset: i32| {
                usize::try_from(offset)
                    .ok()
                    .and_then(|t| p.monthly.won_targets.exact.get(t))
                    .map_or_else(|| Figure::from("—".to_string()), |won| Figure::money(won * deal, l))
            };
            let mut rows: Vec<_> = p
                .monthly
                .months
                .iter()
                .enumerate()
                .map(|(row, m)| {
                    let label = names[row].clone();
                    let kind = if m.already_in_pipeline {
                        words(l).before_the_period
                    } else {
                        ""
                    };
                    view! {
                        <tr class:before=m.already_in_pipeline data-offset=m.offset>
                            <th scope="row">
                                {label}
                                {(!kind.is_empty()).then(|| view! { <span class="tag">{kind}</span> })}
                            </th>
                            {m.shown.iter().map(|n| view! { <td class="num">{format_count(*n)}</td> }).collect_view()}
                            <td class="num">{p.staffing.inside_sales.get(row).copied().unwrap_or(0)}</td>
                            <td class="num">{p.staffing.field_sales.get(row).copied().unwrap_or(0)}</td>
                            <td class="num revenue">{revenue(m.offset).view()}</td>
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            let totals: Vec<u64> = p.monthly.shown_totals();
            rows.push(view! {
                <tr class="total">
                    <th scope="row">{words(l).total}</th>
                    {totals.iter().map(|n| view! { <td class="num">{format_count(*n)}</td> }).collect_view()}
                    <td class="num">"—"</td>
                    <td class="num">"—"</td>
                    <td class="num revenue">{Figure::money(r.funnel.target.units(), l).view()}</td>
                </tr>
            }.into_any());
            Some(rows)
        })
    };
    view! {
        <div class="table-wrap">
            <table class="month-table" data-testid="month-table">
                <caption>
                    {move || w().new_items_to_create_each_month}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().month}</th>
                        {head}
                        <th scope="col" class="num">{move || w().inside_sales}</th>
                        <th scope="col" class="num">{move || w().field_sales}</th>
                        <th scope="col" class="num">{move || w().revenue_target}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
pub(super) fn TimelineChart(
    lang: RwSignal<Lang>,
    result: Memo<Option<TimeResult>>,
    current: Memo<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let data = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| timeline_data(r, l, this_fiscal_year(r))))
    });
    let label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref()
                .map(|r| timeline_summary(r, l, this_fiscal_year(r)))
                .unwrap_or_default()
        })
    });
    view! {
        <figure class="chart" class:stale=move || !current.get()>
            <figcaption>
                <h3>{move || w().timeline}</h3>
                <p class="hint">
                    {move || w().each_stages_months_are_scaled_to}
                </p>
            </figcaption>
            <CanvasChart data=data label=label id="timeline-canvas" />
        </figure>
    }
}

#[component]
pub(super) fn CohortNote(lang: RwSignal<Lang>, result: Memo<Option<TimeResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let figures = move || {
        let l = lang.get();
        result.with(|r| {
            let c = &r.as_ref()?.plan.cohort;
            Some((
                c.period_based
                    .map_or_else(|| "—".to_string(), format_percent),
                format_percent(c.cohort_based),
                cohort_explanation(l, c),
            ))
        })
    };
    view! {
        <section class="cohort" aria-labelledby="cohort-heading">
            <h3 id="cohort-heading">{move || w().conversion_by_period_vs_by_cohort}</h3>
            {move || {
                figures()
                    .map(|(period, cohort, text)| {
                        view! {
                            <dl class="headline small">
                                <div class="card">
                                    <dt>{w().per_period_in_the_example_won}</dt>
                                    <dd data-testid="cohort-period">{period}</dd>
                                </div>
                                <div class="card">
                                    <dt>{w().per_cohort_leads_followed_from_their}</dt>
                                    <dd data-testid="cohort-true">{cohort}</dd>
                                </div>
                            </dl>
                            <p data-testid="cohort-explain">{text}</p>
                        }
                    })
            }}
        </section>
    }
}

/// The year this plan's fiscal year starts in, today.
fn this_fiscal_year(result: &TimeResult) -> i32 {
    current_fiscal_year(result.plan.monthly.period.fiscal_start.month())
}
