//! The monthly plan: period, seasonality, lead time and capacity in; what must be created in
//! which month, headcount, coverage, velocity and the period-vs-cohort gap out.

use funnel_model::edit::{PlanEdit, PlanText};
use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::plan::cohort::explain;
use funnel_model::plan::draft::{LeadTimeMode, PlanField};
use funnel_model::plan::export::monthly_plan_csv;
use funnel_model::plan::phasing::PhasingNote;
use funnel_model::plan::velocity::team_stages;
use funnel_model::{Lang, OptionKey, StageKind};
use leptos::prelude::*;

use crate::browser::current_fiscal_year;
use crate::computed::ValidPlan;
use crate::i18n::exports::monthly_csv_words;
use crate::i18n::jargon::explain as explain_term;
use crate::i18n::months::{
    coverage_figure, deals_figure, distribution_total_text, dwell_days_label, field_per_rep_label,
    headcount_figure, inside_per_rep_label, month_weight_label, needed_before_period,
    velocity_label, velocity_note, won_months_later_label, won_total_figure, words,
};
use crate::i18n::plan::plan_input_error;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::exports::ViewExports;
use crate::ui::field::TextField;
use crate::ui::figure::Figure;
use crate::ui::period_fields::{go_to_period, PeriodNote};
use crate::ui::plan_common::{evaluate, field_error, SelectField};
use crate::ui::results::{cards_view, CardLabel};
use crate::view_model::months::{month_names, timeline_data, timeline_summary, TimeResult};

#[component]
pub fn MonthsView(session: Session, plan: Memo<ValidPlan>, current: Memo<bool>) -> impl IntoView {
    let lang = session.lang;
    let eval = evaluate(session, plan, current, |d, funnel| {
        let ids: Vec<u32> = if d.stages.len() == funnel.stages.len() {
            d.stages.iter().map(|s| s.id).collect()
        } else {
            (0..funnel.stages.len() as u32).collect()
        };
        d.plan.time_plan(funnel, &ids).map(|plan| TimeResult {
            plan,
            funnel: funnel.clone(),
        })
    });
    let w = move || words(lang.get());
    view! {
        <main class="layout" id="view-months">
            <section class="panel inputs" aria-labelledby="months-inputs-heading">
                <h2 id="months-inputs-heading">{move || w().period_and_lead_time}</h2>
                <PeriodInputs session=session errors=eval.errors />
                <LeadTimeInputs session=session errors=eval.errors />
                <CapacityInputs session=session errors=eval.errors />
            </section>
            <section class="panel results" aria-labelledby="months-heading">
                <div class="results-block" class:stale=move || !eval.current.get()>
                    <h2 id="months-heading">{move || w().monthly_plan}</h2>
                    <PeriodNote lang=lang draft=session.draft />
                    <Show when=move || !eval.current.get()>
                        <p class="stale-notice" role="status">
                            {move || w().some_inputs_are_not_valid_showing}
                        </p>
                    </Show>
                    <MonthSummary lang=lang result=eval.kept draft=session.draft />
                    <MonthTable lang=lang result=eval.kept />
                </div>
                <TimelineChart lang=lang result=eval.kept current=eval.current />
                <ViewExports
                    session=session
                    csv=Signal::derive(move || eval.kept.with(|r| r.as_ref().map(|r| monthly_plan_csv(&r.plan, &r.funnel.stages.iter().map(|s| s.display_name(lang.get())).collect::<Vec<_>>(), &monthly_csv_words(lang.get())))))
                    canvas_id="timeline-canvas"
                    what="monthly-plan"
                />
                <CohortNote lang=lang result=eval.kept />
            </section>
        </main>
    }
}

#[component]
fn PeriodInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let seasonal = move || draft.with(|d| !d.plan.weights.is_empty());
    let months = move || draft.with(|d| d.plan.calendar_months());
    view! {
        <fieldset class="plan-group">
            <legend>{move || w().period}</legend>
            <PeriodNote lang=lang draft=draft />
            <p class="hint">
                {move || w().the_period_is_set_beside_the}
                " "
                <button type="button" class="link-button" on:click=move |_| go_to_period(session)>
                    {move || w().change_the_period}
                </button>
            </p>
            <div class="check">
                <input
                    type="checkbox"
                    id="plan-seasonal"
                    prop:checked=seasonal
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        send(draft, PlanEdit::Seasonal(on));
                    }
                />
                <label for="plan-seasonal">
                    {move || w().weight_the_months_seasonality}
                </label>
            </div>
            <p class="hint">
                {move || w().weights_are_relative_1_is_normal}
            </p>
            <Show when=seasonal>
                <div class="field-row weights">
                    {move || {
                        months()
                            .into_iter()
                            .map(|m| {
                                let label = Signal::derive(move || month_weight_label(lang.get(), m));
                                view! {
                                    <TextField
                                        id=format!("plan-weight-{m}")
                                        label=label
                                        value=Signal::derive(move || draft.with(|d| d.plan.weight_text(m)))
                                        error=field_error(lang, draft, errors, PlanField::Weight(m))
                                        on_input=on_text(draft, move |text| PlanEdit::Weight { month: m, text }.into())
                                        inputmode="decimal"
                                        class="compact"
                                    />
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <p class="message" role="status">
                    {move || field_error(lang, draft, errors, PlanField::Weights).get()}
                </p>
            </Show>
        </fieldset>
    }
}

#[component]
fn LeadTimeInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let mode = move || draft.with(|d| d.plan.lead_time);
    let mode_options = Signal::derive(move || {
        let l = lang.get();
        vec![
            (
                LeadTimeMode::AverageDays.key().to_string(),
                words(l).average_days.to_string(),
            ),
            (
                LeadTimeMode::StageDwell.key().into(),
                words(l).days_in_each_stage.into(),
            ),
            (
                LeadTimeMode::Distribution.key().into(),
                words(l).share_closing_each_month.into(),
            ),
        ]
    });
    let mode_key = Signal::derive(move || mode().key().to_string());
    let dwell_rows = move || {
        let l = lang.get();
        draft.with(|d| {
            let last = d.stages.len().saturating_sub(1);
            d.stages[..last]
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, d.display_name(i, l), d.display_name(i + 1, l)))
                .collect::<Vec<_>>()
        })
    };
    let distribution_len = move || draft.with(|d| d.plan.distribution.len());
    let distribution_total =
        move || draft.with(|d| d.plan.distribution_total().map(|t| format_decimal(t, 2)));
    view! {
        <fieldset class="plan-group">
            <legend>{move || w().lead_time}</legend>
            <SelectField
                id="plan-lead-mode"
                label=Signal::derive(move || w().give_the_lead_time_as.to_string())
                options=mode_options
                selected=mode_key
                on_change=Callback::new(move |v: String| {
                    if let Some(mode) = LeadTimeMode::from_key(&v) {
                        send(draft, PlanEdit::LeadTime(mode));
                    }
                })
            />
            <Show when=move || mode() == LeadTimeMode::AverageDays>
                <TextField
                    id="plan-average-days"
                    label=Signal::derive(move || w().average_days_from_lead_to_won.to_string())
                    hint=Signal::derive(move || w().e_g_90_about_3_months.to_string())
                    value=Signal::derive(move || draft.with(|d| d.plan.average_days.clone()))
                    error=field_error(lang, draft, errors, PlanField::AverageDays)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::AverageDays, v).into())
                    inputmode="numeric"
                    suffix=Signal::derive(move || w().days.to_string())
                />
            </Show>
            <Show when=move || mode() == LeadTimeMode::StageDwell>
                <p class="hint">
                    {move || w().days_an_item_stays_in_each}
                </p>
                {move || {
                    dwell_rows()
                        .into_iter()
                        .map(|(id, from, to)| {
                            let label = dwell_days_label(lang.get(), &from, &to);
                            view! {
                                <TextField
                                    id=format!("plan-dwell-{id}")
                                    label=label
                                    value=Signal::derive(move || draft.with(|d| d.plan.dwell_text(id)))
                                    error=field_error(lang, draft, errors, PlanField::Dwell(id))
                                    on_input=on_text(draft, move |text| PlanEdit::Dwell { id, text }.into())
                                    inputmode="numeric"
                                    suffix=Signal::derive(move || w().days.to_string())
                                    class="compact"
                                />
                            }
                        })
                        .collect_view()
                }}
            </Show>
            <Show when=move || mode() == LeadTimeMode::Distribution>
                <p class="hint">
                    {move || w().of_the_leads_created_in_a}
                </p>
                <div class="field-row weights">
                    {move || {
                        (0..distribution_len())
                            .map(|k| {
                                let label = Signal::derive(move || won_months_later_label(lang.get(), k));
                                view! {
                                    <TextField
                                        id=format!("plan-distribution-{k}")
                                        label=label
                                        value=Signal::derive(move || draft.with(|d| d.plan.distribution.get(k).cloned().unwrap_or_default()))
                                        error=field_error(lang, draft, errors, PlanField::Distribution(k))
                                        on_input=on_text(draft, move |text| PlanEdit::Distribution { lag: k, text }.into())
                                        inputmode="decimal"
                                        suffix="%"
                                        class="compact"
                                    />
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <p class="hint" data-testid="distribution-total">
                    {move || distribution_total().map(|t| distribution_total_text(lang.get(), &t))}
                </p>
                <p class="message" role="status">
                    {move || field_error(lang, draft, errors, PlanField::DistributionTotal).get()}
                </p>
                <div class="button-row">
                    <button type="button" on:click=move |_| { send(draft, PlanEdit::AddDistributionMonth); }>
                        {move || w().add_a_month}
                    </button>
                    <button
                        type="button"
                        disabled=move || distribution_len() <= 1
                        on:click=move |_| { send(draft, PlanEdit::RemoveDistributionMonth); }
                    >
                        {move || w().remove_the_last_month}
                    </button>
                </div>
            </Show>
            <Show when=move || mode() != LeadTimeMode::StageDwell>
                <TextField
                    id="plan-sales-cycle-share"
                    label=Signal::derive(move || w().share_of_the_lead_time_from.to_string())
                    hint=Signal::derive(move || w().places_the_stages_when_there_are.to_string())
                    value=Signal::derive(move || draft.with(|d| d.plan.sales_cycle_share.clone()))
                    error=field_error(lang, draft, errors, PlanField::SalesCycleShare)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::SalesCycleShare, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
            </Show>
        </fieldset>
    }
}

#[component]
fn CapacityInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    // The stage each team works, by the same rule the headcount is computed with.
    let team_stage = move |inside: bool| {
        let l = lang.get();
        draft.with(|d| {
            let kinds: Vec<StageKind> = d.stages.iter().map(|s| s.kind).collect();
            let (i, f) = team_stages(&kinds);
            d.display_name(if inside { i } else { f }, l)
        })
    };
    let inside_stage = move || team_stage(true);
    let field_stage = move || team_stage(false);
    view! {
        <fieldset class="plan-group">
            <legend>{move || w().team_and_pipeline}</legend>
            <TextField
                id="plan-inside-per-rep"
                label=Signal::derive(move || inside_per_rep_label(lang.get(), &inside_stage()))
                hint=Signal::derive(move || w().e_g_40.to_string())
                value=Signal::derive(move || draft.with(|d| d.plan.inside_per_rep.clone()))
                error=field_error(lang, draft, errors, PlanField::InsidePerRep)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::InsidePerRep, v).into())
                inputmode="numeric"
            />
            <TextField
                id="plan-field-per-rep"
                label=Signal::derive(move || field_per_rep_label(lang.get(), &field_stage()))
                hint=Signal::derive(move || w().e_g_8.to_string())
                value=Signal::derive(move || draft.with(|d| d.plan.field_per_rep.clone()))
                error=field_error(lang, draft, errors, PlanField::FieldPerRep)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::FieldPerRep, v).into())
                inputmode="numeric"
            />
            <TextField
                id="plan-open-pipeline"
                label=Signal::derive(move || w().open_pipeline_at_the_period_start.to_string())
                hint=Signal::derive(move || w().empty_or_0_means_none_e.to_string())
                value=Signal::derive(move || draft.with(|d| d.plan.open_pipeline.clone()))
                error=field_error(lang, draft, errors, PlanField::OpenPipeline)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::OpenPipeline, v).into())
                inputmode="decimal"
            />
        </fieldset>
    }
}

#[component]
fn MonthSummary(
    lang: RwSignal<Lang>,
    result: Memo<Option<TimeResult>>,
    draft: RwSignal<funnel_model::draft::Draft>,
) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        // The verdict needs the open pipeline, an optional field: without it only the coverage
        // the plan needs is shown, never "0× · short".
        let pipeline_given = draft.with(|d| !d.plan.open_pipeline.trim().is_empty());
        result.with(|r| {
            let Some(TimeResult { plan, funnel }) = r else {
                return Vec::new();
            };
            let won = funnel.won_index();
            let before_shown = plan.monthly.before_period_shown();
            let before = |i: usize| -> u64 { before_shown.get(i).copied().unwrap_or(0) };
            let lead = plan.lead_stage;
            let opp = won.saturating_sub(1);
            let unit = words(l).symbol;
            let targets = &plan.monthly.won_targets;
            let mut cards = vec![
                (
                    "won-total",
                    words(l).deals_planned_in_the_period_each.to_string(),
                    won_total_figure(
                        l,
                        &format_count(targets.shown_total()),
                        &format_count(targets.period_required),
                        &format_count(targets.surplus()),
                    ),
                ),
                (
                    "before-leads",
                    needed_before_period(l, &funnel.stages[lead].display_name(l)),
                    format!("{}{unit}", format_count(before(lead))),
                ),
                (
                    "before-opps",
                    needed_before_period(l, &funnel.stages[opp].display_name(l)),
                    format!("{}{unit}", format_count(before(opp))),
                ),
                (
                    "coverage",
                    words(l).pipeline_coverage_needed.to_string(),
                    coverage_figure(
                        l,
                        &format_decimal(plan.coverage.needed, 2),
                        pipeline_given
                            .then(|| (format_decimal(plan.coverage.have, 2), plan.coverage.enough)),
                    ),
                ),
            ];
            if plan.open_pipeline_deals > 0.0 {
                cards.push((
                    "open-deals",
                    words(l).deals_expected_from_the_open_pipeline.to_string(),
                    deals_figure(l, &format_decimal(plan.open_pipeline_deals, 1)),
                ));
            }
            let days = format_decimal(plan.cycle_days, 0);
            cards.push((
                "velocity",
                velocity_label(l, plan.cycle_source, &days),
                plan.velocity.map_or_else(
                    || "—".to_string(),
                    |v| funnel_model::format::format_money(v, l),
                ),
            ));
            let peak = |v: &[u64]| v.iter().copied().max().unwrap_or(0);
            cards.push((
                "headcount",
                words(l).headcount_busiest_month.to_string(),
                headcount_figure(
                    l,
                    peak(&plan.staffing.inside_sales),
                    peak(&plan.staffing.field_sales),
                ),
            ));
            // Jargon explained on hover and focus; money with its exact figure.
            cards
                .into_iter()
                .map(|(key, label, value)| {
                    let explanation = match key {
                        "coverage" | "velocity" => explain_term(key, l),
                        _ => None,
                    };
                    let figure = match (key, plan.velocity) {
                        ("velocity", Some(v)) => Figure::money(v, l),
                        _ => Figure::from(value),
                    };
                    (key, CardLabel::term(label, explanation), figure)
                })
                .collect::<Vec<_>>()
        })
    };
    let notes = move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.plan
                        .monthly
                        .notes
                        .iter()
                        .map(|n| match n {
                            PhasingNote::LeadTimeLongerThanPeriod {
                                months,
                                period_months,
                            } => {
                                let e =
                                    funnel_model::plan::PlanInputError::LeadTimeLongerThanPeriod {
                                        months: *months,
                                        period_months: *period_months,
                                    };
                                let extra = words(l).what_must_be_created_before_the;
                                format!("{} {extra}", plan_input_error(l, &e, &[]))
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Which days the velocity divides by, and why there is none at 0 days.
    let velocity_note = move || {
        let l = lang.get();
        result.with(|r| {
            let plan = &r.as_ref()?.plan;
            Some(velocity_note(l, plan.velocity.is_some(), plan.cycle_source))
        })
    };
    view! {
        {move || notes().into_iter().map(|n| view! { <p class="note" role="note">{n}</p> }).collect_view()}
        <dl class="headline">{move || cards_view("months", cards())}</dl>
        <p class="hint" data-testid="velocity-note">{velocity_note}</p>
    }
}

#[component]
fn MonthTable(lang: RwSignal<Lang>, result: Memo<Option<TimeResult>>) -> impl IntoView {
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
fn TimelineChart(
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
fn CohortNote(lang: RwSignal<Lang>, result: Memo<Option<TimeResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let figures = move || {
        let l = lang.get();
        result.with(|r| {
            let c = &r.as_ref()?.plan.cohort;
            Some((
                c.period_based
                    .map_or_else(|| "—".to_string(), format_percent),
                format_percent(c.cohort_based),
                explain(c, l),
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
