//! The plan's period (a month, a quarter or the fiscal year, and the fiscal start), set once
//! beside the revenue target, and the line that names it wherever a period total is shown.

use funnel_model::draft::Draft;
use funnel_model::edit::PlanEdit;
use funnel_model::plan::period::Period;
use funnel_model::{Lang, OptionKey};
use leptos::prelude::*;

use crate::i18n::months::{period_note, words};
use crate::i18n::plan::{month_name, period_name, period_phrase};
use crate::send::send;
use crate::session::{Session, View};
use crate::ui::plan_common::SelectField;

/// The period selects; the monthly plan, the channel budget and every period total read them.
#[component]
pub fn PeriodFields(lang: RwSignal<Lang>, draft: RwSignal<Draft>) -> impl IntoView {
    let w = move || words(lang.get());
    let period_options = Signal::derive(move || {
        let l = lang.get();
        vec![
            (Period::Month.key().to_string(), words(l).month.to_string()),
            (Period::Quarter.key().into(), words(l).quarter.into()),
            (Period::Year.key().into(), words(l).fiscal_year.into()),
        ]
    });
    let period_key = Signal::derive(move || draft.with(|d| d.plan.period.key().to_string()));
    let start_options = Signal::derive(move || {
        let l = lang.get();
        (1..=12u8)
            .map(|m| (m.to_string(), month_name(l, m)))
            .collect::<Vec<_>>()
    });
    let index_options = Signal::derive(move || {
        let l = lang.get();
        draft.with(|d| {
            (0..d.plan.period.per_year())
                .map(|i| {
                    (
                        i.to_string(),
                        period_name(l, d.plan.period, i, d.plan.fiscal_start),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="plan-group period-fields">
            <legend>{move || w().period_of_the_target}</legend>
            <div class="field-row">
                <SelectField
                    id="plan-period"
                    label=Signal::derive(move || w().period_length.to_string())
                    options=period_options
                    selected=period_key
                    on_change=Callback::new(move |v: String| {
                        if let Some(p) = Period::from_key(&v) {
                            send(draft, PlanEdit::Period(p));
                        }
                    })
                />
                <SelectField
                    id="plan-period-index"
                    label=Signal::derive(move || w().period_to_plan.to_string())
                    options=index_options
                    selected=Signal::derive(move || draft.with(|d| d.plan.period_index.to_string()))
                    on_change=Callback::new(move |v: String| {
                        if let Ok(i) = v.parse::<u8>() {
                            send(draft, PlanEdit::PeriodIndex(i));
                        }
                    })
                />
                <SelectField
                    id="plan-fiscal-start"
                    label=Signal::derive(move || w().fiscal_year_starts_in.to_string())
                    options=start_options
                    selected=Signal::derive(move || draft.with(|d| d.plan.fiscal_start.to_string()))
                    on_change=Callback::new(move |v: String| {
                        if let Ok(m) = v.parse::<u8>() {
                            send(draft, PlanEdit::FiscalStart(m));
                        }
                    })
                />
            </div>
        </fieldset>
    }
}

/// `期間: 第1四半期（4月〜6月）` above a period's totals, so a total is never read as a year's
/// when it is a quarter's.
#[component]
pub fn PeriodNote(lang: RwSignal<Lang>, draft: RwSignal<Draft>) -> impl IntoView {
    let text = move || {
        let l = lang.get();
        let phrase = draft.with(|d| period_phrase(l, d));
        period_note(l, &phrase)
    };
    view! { <p class="period-note" data-testid="period-note">{text}</p> }
}

/// Opens the funnel view with the period's first field focused: where the period is set.
pub fn go_to_period(session: Session) {
    session.set_view(View::Funnel);
    set_timeout(
        || {
            if let Some(el) = document().get_element_by_id("plan-period") {
                if let Ok(el) = leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        },
        std::time::Duration::ZERO,
    );
}
