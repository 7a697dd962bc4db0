//! How long a lead takes to be won: average days, days in each stage, or the share won each
//! month after.

use funnel_model::edit::{PlanEdit, PlanText};
use funnel_model::format::format_decimal;
use funnel_model::plan::draft::{LeadTimeMode, PlanField};
use funnel_model::{Lang, OptionKey};
use leptos::prelude::*;

use crate::i18n::months::{
    distribution_total_text, dwell_days_label, won_months_later_label, words,
};
use crate::i18n::names::NamedStages;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::plan_common::{field_error, SelectField};

#[component]
pub(super) fn LeadTimeInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let mode = move || draft.with(|d| d.plan.lead_time);
    let mode_options = lead_time_options(lang);
    let mode_key = Signal::derive(move || mode().key().to_string());
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
                <DwellInputs session=session errors=errors />
            </Show>
            <Show when=move || mode() == LeadTimeMode::Distribution>
                <DistributionInputs session=session errors=errors />
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

/// The ways the lead time can be given.
fn lead_time_options(lang: RwSignal<Lang>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
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
    })
}

/// Days an item stays in each stage, one field per step between stages.
#[component]
fn DwellInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
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
    view! {
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
    }
}

/// The share of a month's leads won in each later month, with their total.
#[component]
fn DistributionInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let distribution_len = move || draft.with(|d| d.plan.distribution.len());
    let distribution_total =
        move || draft.with(|d| d.plan.distribution_total().map(|t| format_decimal(t, 2)));
    view! {
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
    }
}
