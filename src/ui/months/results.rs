//! The monthly plan month by month: the table, the timeline chart, and period vs cohort
//! conversion.

use funnel_model::Lang;
use leptos::prelude::*;

use crate::browser::current_fiscal_year;
use crate::i18n::months::words;
use crate::i18n::names::Named;
use crate::ui::canvas_chart::CanvasChart;
use crate::view_model::months::table::{cohort_figures, month_rows, total_row, CohortFigures};
use crate::view_model::months::{timeline_data, timeline_summary, TimeResult};

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
            let mut rows: Vec<_> = month_rows(l, r, this_fiscal_year(r))
                .into_iter()
                .map(|m| {
                    view! {
                        <tr class:before=m.before_tag.is_some() data-offset=m.offset>
                            <th scope="row">
                                {m.month}
                                {m.before_tag.map(|tag| view! { <span class="tag">{tag}</span> })}
                            </th>
                            {count_cells(m.counts)}
                            <td class="num">{m.inside_sales}</td>
                            <td class="num">{m.field_sales}</td>
                            <td class="num revenue">{m.revenue.view()}</td>
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            let total = total_row(l, r);
            rows.push(
                view! {
                    <tr class="total">
                        <th scope="row">{words(l).total}</th>
                        {count_cells(total.counts)}
                        <td class="num">"—"</td>
                        <td class="num">"—"</td>
                        <td class="num revenue">{total.revenue.view()}</td>
                    </tr>
                }
                .into_any(),
            );
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
        result.with(|r| r.as_ref().map(|r| cohort_figures(l, r)))
    };
    view! {
        <section class="cohort" aria-labelledby="cohort-heading">
            <h3 id="cohort-heading">{move || w().conversion_by_period_vs_by_cohort}</h3>
            {move || {
                figures()
                    .map(|CohortFigures { period, cohort, explanation }| {
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
                            <p data-testid="cohort-explain">{explanation}</p>
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

fn count_cells(counts: Vec<String>) -> impl IntoView {
    counts
        .into_iter()
        .map(|n| view! { <td class="num">{n}</td> })
        .collect_view()
}
