//! Using the actuals: as the plan's rates (deal size, lead time and channel mix too), shown
//! as a before → after preview first and undoable; and as the KPI tree's actuals for a chosen
//! span of months, undoable too.

use funnel_model::edit::{Edit, ImportEdit};
use funnel_model::import::apply::{plan_from_actuals, Changed};
use funnel_model::import::date::Month;
use funnel_model::import::kpi_fill::kpi_actual_edits;
use funnel_model::import::period::{month_span, period_counts};
use funnel_model::kpi::{channel_inputs, Basis};
use leptos::prelude::*;

use crate::i18n::import::{change_label, kpi_actuals_filled, words};
use crate::i18n::names::{channel_kind_names, NamedStages};
use crate::send::send;
use crate::session::{Session, View};
use crate::ui::import::ImportState;
use crate::ui::import_ranges::UseAsRanges;
use crate::ui::plan_common::SelectField;

#[component]
pub fn ImportActions(session: Session, state: ImportState) -> impl IntoView {
    move || {
        state.actuals.with(Option::is_some).then(|| {
            view! {
                <UseAsPlan session=session state=state />
                <FillKpi session=session state=state />
                <UseAsRanges session=session state=state />
            }
        })
    }
}

#[component]
fn UseAsPlan(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let preview = move |_| {
        let Some(actuals) = state.actuals.get_untracked() else {
            return;
        };
        let draft = session.draft.get_untracked();
        state.plan_preview.set(Some(plan_from_actuals(
            &draft,
            &actuals,
            &channel_kind_names,
        )));
    };
    let apply = move |_| {
        let Some((next, _)) = state.plan_preview.get_untracked() else {
            return;
        };
        let before = session.draft.get_untracked();
        send(session.draft, ImportEdit::UsePlan(Box::new(next)));
        state.plan_undo.set(Some(before));
        state.plan_preview.set(None);
    };
    let undo = move |_| {
        if let Some(before) = state.plan_undo.get_untracked() {
            send(session.draft, ImportEdit::RestorePlan(Box::new(before)));
            state.plan_undo.set(None);
        }
    };
    let changes_view = move || {
        let (_, changes) = state.plan_preview.get()?;
        let lang = lang.get();
        if changes.is_empty() {
            return Some(
                view! { <p class="note" role="status">{words(lang).the_plan_already_matches_the_actuals}</p> }
                    .into_any(),
            );
        }
        let rows = session.draft.with(|d| {
            changes
                .iter()
                .map(|c| {
                    let label = change_label(
                        &c.what,
                        |id| {
                            d.position_of(id)
                                .and_then(|i| d.rate_label(i, lang))
                                .unwrap_or_default()
                        },
                        lang,
                    );
                    // Rates are typed without their unit; a lead time given in days says so.
                    let with_unit = |text: &str| match c.what {
                        Changed::Rate(_) => format!("{text}%"),
                        Changed::LeadTime if !text.contains('%') => {
                            format!("{text}{}", words(lang).days)
                        }
                        _ => text.to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{with_unit(&c.before)}</td>
                            <td class="num required">{with_unit(&c.after)}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        Some(
            view! {
                <div class="table-wrap">
                    <table class="import-plan-preview">
                        <caption>{words(lang).check_before_applying}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).input}</th>
                                <th scope="col" class="num">{words(lang).plan_now}</th>
                                <th scope="col" class="num">{words(lang).from_the_actuals}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="button-row">
                    <button type="button" class="primary" on:click=apply>{words(lang).apply_to_the_plan}</button>
                    <button type="button" on:click=move |_| state.plan_preview.set(None)>{words(lang).cancel}</button>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <div class="results-block">
            <h3>{move || w().use_the_actuals_in_the_plan}</h3>
            <p class="hint">
                {move || w().sets_the_plans_rates_decided_deal}
            </p>
            <div class="button-row">
                <button type="button" on:click=preview>{move || w().use_as_the_plans_rates}</button>
            </div>
            {changes_view}
            {move || state.plan_undo.with(Option::is_some).then(|| view! {
                <p class="note applied" role="status">
                    {w().the_actuals_are_now_the_plans} " "
                    <button type="button" class="link" on:click=move |_| session.set_view(View::Funnel)>{w().see_the_funnel}</button>
                    " "
                    <button type="button" on:click=undo>{w().undo}</button>
                </p>
            })}
        </div>
    }
}

fn month_options(from: Month, to: Month) -> Vec<(String, String)> {
    (from.0..=to.0)
        .map(|m| {
            let m = Month(m);
            (m.0.to_string(), m.iso())
        })
        .collect()
}

#[component]
fn FillKpi(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let span = Memo::new(move |_| {
        state
            .records
            .with(|r| r.as_ref().and_then(|r| month_span(r)))
    });
    let options = Signal::derive(move || {
        span.get()
            .map(|(a, b)| month_options(a, b))
            .unwrap_or_default()
    });
    let chosen = move || state.kpi_span.get().or_else(|| span.get());
    let set_end = move |start: bool, v: String| {
        let Ok(m) = v.parse::<i32>() else {
            return;
        };
        let Some((a, b)) = chosen() else {
            return;
        };
        let (a, b) = if start { (Month(m), b) } else { (a, Month(m)) };
        state
            .kpi_span
            .set(Some(if a <= b { (a, b) } else { (b, a) }));
    };
    let fill = move |_| {
        let (Some(records), Some(actuals), Some((from, to))) = (
            state.records.get_untracked(),
            state.actuals.get_untracked(),
            chosen(),
        ) else {
            return;
        };
        let counts = period_counts(&records, actuals.first_stage, from, to);
        let before = session.draft.get_untracked();
        let channels = channel_inputs(&before);
        let nodes = before.kpi.nodes(&Basis::new(&before, &channels));
        let ids: Vec<u32> = before.stages.iter().map(|s| s.id).collect();
        let edits = kpi_actual_edits(&nodes, &ids, actuals.first_stage, &counts)
            .into_iter()
            .map(Edit::Kpi)
            .collect();
        send(session.draft, Edit::Batch(edits));
        state.kpi_undo.set(Some((before, from, to)));
    };
    let undo = move |_| {
        if let Some((before, _, _)) = state.kpi_undo.get_untracked() {
            send(session.draft, ImportEdit::Kpi(Box::new(before.kpi)));
            state.kpi_undo.set(None);
        }
    };
    view! {
        <div class="results-block">
            <h3>{move || w().fill_the_kpi_trees_actuals}</h3>
            <p class="hint">
                {move || w().puts_the_chosen_months_counts_wins}
            </p>
            <div class="field-row">
                <SelectField
                    id="actuals-kpi-from"
                    label=Signal::derive(move || w().from_month.to_string())
                    options=options
                    selected=Signal::derive(move || chosen().map(|(a, _)| a.0.to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v| set_end(true, v))
                />
                <SelectField
                    id="actuals-kpi-to"
                    label=Signal::derive(move || w().to_month.to_string())
                    options=options
                    selected=Signal::derive(move || chosen().map(|(_, b)| b.0.to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v| set_end(false, v))
                />
            </div>
            <div class="button-row">
                <button type="button" on:click=fill>{move || w().fill_the_kpi_trees_actuals}</button>
            </div>
            {move || state.kpi_undo.get().map(|(_, from, to)| {
                let lang = lang.get();
                let text = kpi_actuals_filled(lang, &from.iso(), &to.iso());
                view! {
                    <p class="note applied" role="status">
                        {text} " "
                        <button type="button" class="link" on:click=move |_| session.set_view(View::Kpi)>{words(lang).see_the_kpi_tree}</button>
                        " "
                        <button type="button" on:click=undo>{words(lang).undo}</button>
                    </p>
                }
            })}
        </div>
    }
}
