//! The plan's period and seasonality, and the sales team's capacity.

use funnel_model::edit::{PlanEdit, PlanText};
use funnel_model::plan::draft::PlanField;
use funnel_model::plan::velocity::team_stages;
use funnel_model::StageKind;
use leptos::prelude::*;

use crate::i18n::months::{field_per_rep_label, inside_per_rep_label, month_weight_label, words};
use crate::i18n::names::NamedStages;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::period_fields::{go_to_period, PeriodNote};
use crate::ui::plan_common::field_error;

#[component]
pub(super) fn PeriodInputs(
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
pub(super) fn CapacityInputs(
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
