//! Unit economics: the sales cost, revenue, margin and churn inputs and what they give.

use funnel_model::edit::{PlanEdit, PlanText};
use funnel_model::plan::channels::Blended;
use funnel_model::plan::draft::PlanField;
use funnel_model::plan::economics::UnitEconomics;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::channels::{words, Words};
use crate::send::on_text;
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::plan_common::field_error;
use crate::ui::results::cards_view;
use crate::view_model::channels::economics::economics_figures;
use crate::view_model::channels::MoneyResult;

#[component]
pub(super) fn EconomicsInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let text = move |word: fn(&Words) -> &'static str| {
        Signal::derive(move || word(words(lang.get())).to_string())
    };
    view! {
        <fieldset class="plan-group">
            <legend>{move || w().unit_economics}</legend>
            <p class="hint">
                {move || w().marketing_cost_is_the_channels_total}
            </p>
            <TextField
                id="econ-sales-cost"
                label=text(|w| w.sales_cost_for_the_period)
                value=Signal::derive(move || draft.with(|d| d.plan.sales_cost.clone()))
                error=field_error(lang, draft, errors, PlanField::SalesCost)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::SalesCost, v).into())
                inputmode="decimal"
            />
            <TextField
                id="econ-revenue"
                label=text(|w| w.monthly_revenue_per_account)
                value=Signal::derive(move || draft.with(|d| d.plan.revenue_per_account.clone()))
                error=field_error(lang, draft, errors, PlanField::RevenuePerAccount)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::RevenuePerAccount, v).into())
                inputmode="decimal"
            />
            <div class="field-row">
                <TextField
                    id="econ-margin"
                    label=text(|w| w.gross_margin)
                    value=Signal::derive(move || draft.with(|d| d.plan.gross_margin.clone()))
                    error=field_error(lang, draft, errors, PlanField::GrossMargin)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::GrossMargin, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
                <TextField
                    id="econ-churn"
                    label=text(|w| w.monthly_churn)
                    value=Signal::derive(move || draft.with(|d| d.plan.monthly_churn.clone()))
                    error=field_error(lang, draft, errors, PlanField::MonthlyChurn)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::MonthlyChurn, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
            </div>
        </fieldset>
    }
}

#[component]
pub(super) fn EconomicsResults(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
    current: Memo<bool>,
    /// Whether the unit-economics inputs are still untouched samples: then the figures show,
    /// but no verdict on them (a verdict appears once its inputs are the user's own).
    samples: Signal<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    // The last good figures stay (dimmed) while an economics input is wrong.
    let econ = Memo::new(
        move |previous: Option<&(Option<(UnitEconomics, Blended)>, bool)>| {
            result.with(
                |r| match r.as_ref().map(|r| (&r.plan.economics, r.plan.mix.blended)) {
                    Some((Ok(e), b)) => (Some((e.clone(), b)), true),
                    Some((Err(_), _)) => (previous.and_then(|p| p.0.clone()), false),
                    None => (None, true),
                },
            )
        },
    );
    let body = move || {
        let l = lang.get();
        econ.with(|(e, ok)| {
            let message = (!ok).then(|| view! {
                <p class="message">
                    {words(l).check_the_unit_economics_inputs}
                </p>
            });
            let figures = e.as_ref().map(|(e, b)| {
                let f = economics_figures(l, e, b, samples.get());
                view! {
                    <p class="hint" data-testid="econ-customers">{f.customers}</p>
                    <dl class="headline">{cards_view("econ", f.cards)}</dl>
                    {f.romi_note.map(|n| view! { <p class="note" role="note" data-testid="romi-note">{n}</p> })}
                    {f.notes.into_iter().map(|n| view! { <p class="note" role="note">{n}</p> }).collect_view()}
                }
            });
            view! { {message} <div class:stale=!ok>{figures}</div> }
        })
    };
    view! {
        <section class="economics" class:stale=move || !current.get() aria-labelledby="economics-heading">
            <h3 id="economics-heading">{move || w().unit_economics}</h3>
            {body}
        </section>
    }
}
