//! What the monthly-plan and channel views share: evaluating the plan inputs against the last
//! valid funnel while keeping the last good answer, and wording a field's problem.

use funnel_model::draft::Draft;
use funnel_model::plan::draft::{PlanErrors, PlanField, VolumeMode};
use funnel_model::{Funnel, Lang};
use leptos::prelude::*;

use crate::computed::{keep_last_valid, ValidPlan};
use crate::i18n::names::Named;
use crate::i18n::plan::field_message;
use crate::session::Session;

/// One evaluation of the plan inputs: the result, the problems of the current text, and the
/// last good result of this scenario (shown dimmed while the inputs are wrong).
pub struct Evaluated<T: Clone + PartialEq + Send + Sync + 'static> {
    /// The evaluation of the inputs as they are now (`None` without a valid funnel).
    pub latest: Memo<Option<Result<T, PlanErrors>>>,
    pub errors: Memo<PlanErrors>,
    pub kept: Memo<Option<T>>,
    /// The kept result is from the current inputs.
    pub current: Memo<bool>,
}

/// Evaluates `compute` on every change of the draft or of the last valid funnel. A funnel that
/// is itself invalid makes the result not current (the funnel view says why).
pub fn evaluate<T: Clone + PartialEq + Send + Sync + 'static>(
    session: Session,
    plan: Memo<ValidPlan>,
    funnel_current: Memo<bool>,
    compute: fn(&Draft, &Funnel) -> Result<T, PlanErrors>,
) -> Evaluated<T> {
    let draft = session.draft;
    let result: Memo<Option<Result<T, PlanErrors>>> = Memo::new(move |_| {
        draft.with(|d| plan.with(|p| p.as_ref().map(|(funnel, _)| compute(d, funnel))))
    });
    let errors = Memo::new(move |_| {
        result.with(|r| match r {
            Some(Err(e)) => e.clone(),
            _ => PlanErrors::default(),
        })
    });
    let kept = keep_last_valid(session.opened, move || match result.get() {
        Some(Ok(value)) => Some(value),
        _ => None,
    });
    let current =
        Memo::new(move |_| funnel_current.get() && result.with(|r| matches!(r, Some(Ok(_)))));
    Evaluated {
        latest: result,
        errors,
        kept,
        current,
    }
}

/// The message for `field`, if its text is wrong.
pub fn field_error(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    errors: Memo<PlanErrors>,
    field: PlanField,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let lang = lang.get();
        errors.with(|e| {
            let problem = e.get(field)?;
            let (fixed, names) = draft.with(|d| {
                let fixed = match field {
                    PlanField::ChannelVolume(id) => d
                        .plan
                        .channels
                        .iter()
                        .any(|c| c.id == id && c.volume_mode == VolumeMode::Fixed),
                    _ => false,
                };
                let names: Vec<String> = d
                    .plan
                    .channels
                    .iter()
                    .map(|c| c.display_name(lang))
                    .collect();
                (fixed, names)
            });
            Some(field_message(lang, field, problem, fixed, &names))
        })
    })
}

/// A labelled `<select>`; `options` are (value, label) pairs, `selected` the current value.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
    /// Read before the label by screen readers only (see `TextField`).
    #[prop(into, optional)]
    context: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>
                {move || label.get()}
            </label>
            <select
                id=id
                aria-label=move || context.map(|c| format!("{}{}", c.get(), label.get()))
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || {
                    let current = selected.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let is = value == current;
                            view! { <option value=value selected=is>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
