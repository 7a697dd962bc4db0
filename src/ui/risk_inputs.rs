//! The Risk view's inputs: the doubt about each rate (fixed, a low–high range, or counts from
//! history), the confidence asked about, the deal-size spread and the Monte Carlo seed.

use funnel_model::draft::Draft;
use funnel_model::edit::{DoubtText, RiskEdit, RiskText};
use funnel_model::risk::{DoubtMode, RiskField, RiskProblem};
use funnel_model::{Lang, OptionKey};
use leptos::prelude::*;

use crate::i18n::names::NamedStages;
use crate::i18n::risk::{problem_text, rate_context, words, Words};

use crate::send::{on_text, send};
use crate::ui::field::TextField;
use crate::ui::plan_common::SelectField;

/// The message for `field`, if it has a problem.
fn message(
    lang: RwSignal<Lang>,
    errors: Memo<Vec<(RiskField, RiskProblem)>>,
    field: RiskField,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == field)
                .map(|(f, p)| problem_text(lang.get(), *f, *p))
        })
    })
}

#[component]
pub fn RiskInputs(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    errors: Memo<Vec<(RiskField, RiskProblem)>>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let text = move |word: fn(&Words) -> &'static str| {
        Signal::derive(move || word(words(lang.get())).to_string())
    };
    // The stages with a rate out, by id (the won stage has none).
    let rate_ids = move || {
        draft.with(|d| {
            let n = d.stages.len().saturating_sub(1);
            d.stages[..n].iter().map(|s| s.id).collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="plan-group risk-rates">
            <legend>{move || w().how_sure_each_rate_is}</legend>
            <p class="hint">
                {move || w().leave_a_rate_you_trust_as}
            </p>
            <For each=rate_ids key=|id| *id let:id>
                <RateDoubtRow lang=lang draft=draft errors=errors id=id />
            </For>
        </fieldset>
        <fieldset class="plan-group">
            <legend>{move || w().confidence_and_deal_size_spread}</legend>
            <div class="field-row">
                <TextField
                    id="risk-confidence"
                    label=text(|w| w.confidence_level)
                    hint=text(|w| w.confidence_hint)
                    value=Signal::derive(move || draft.with(|d| d.risk.confidence.clone()))
                    error=message(lang, errors, RiskField::Confidence)
                    on_input=on_text(draft, |v| RiskEdit::Text(RiskText::Confidence, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
                <TextField
                    id="risk-deal-p10"
                    label=text(|w| w.deal_size_p10)
                    hint=text(|w| w.deal_size_p10_hint)
                    value=Signal::derive(move || draft.with(|d| d.risk.deal_p10.clone()))
                    error=message(lang, errors, RiskField::DealP10)
                    on_input=on_text(draft, |v| RiskEdit::Text(RiskText::DealP10, v).into())
                    inputmode="decimal"
                    class="compact"
                />
                <TextField
                    id="risk-deal-p90"
                    label=text(|w| w.deal_size_p90)
                    hint=text(|w| w.deal_size_p90_hint)
                    value=Signal::derive(move || draft.with(|d| d.risk.deal_p90.clone()))
                    error=message(lang, errors, RiskField::DealP90)
                    on_input=on_text(draft, |v| RiskEdit::Text(RiskText::DealP90, v).into())
                    inputmode="decimal"
                    class="compact"
                />
                <TextField
                    id="risk-seed"
                    label=text(|w| w.monte_carlo_seed)
                    hint=text(|w| w.seed_hint)
                    value=Signal::derive(move || draft.with(|d| d.risk.seed.clone()))
                    error=message(lang, errors, RiskField::Seed)
                    on_input=on_text(draft, |v| RiskEdit::Text(RiskText::Seed, v).into())
                    inputmode="numeric"
                    class="compact"
                />
            </div>
        </fieldset>
    }
}

/// One rate's doubt: the mode, then its two fields.
#[component]
fn RateDoubtRow(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    errors: Memo<Vec<(RiskField, RiskProblem)>>,
    id: u32,
) -> impl IntoView {
    let w = move || words(lang.get());
    let text = move |word: fn(&Words) -> &'static str| {
        Signal::derive(move || word(words(lang.get())).to_string())
    };
    let doubt = move || draft.with(|d| d.risk.doubt(id));
    let name = Signal::derive(move || {
        draft.with(|d| {
            let i = d.position_of(id).unwrap_or(0);
            let label = d.rate_label(i, lang.get()).unwrap_or_default();
            let typed = d.rate_text(id);
            format!("{label}: {typed}%")
        })
    });
    let context = Signal::derive(move || {
        draft.with(|d| {
            let i = d.position_of(id).unwrap_or(0);
            let label = d.rate_label(i, lang.get()).unwrap_or_default();
            rate_context(lang.get(), &label)
        })
    });
    let edit = move |field: DoubtText| {
        on_text(draft, move |text| {
            RiskEdit::Doubt { id, field, text }.into()
        })
    };
    let mode = move || doubt().mode;
    let options = Signal::derive(move || {
        vec![
            (
                DoubtMode::Fixed.key().to_string(),
                w().fixed_as_typed.to_string(),
            ),
            (
                DoubtMode::Range.key().to_string(),
                w().range_low_high.to_string(),
            ),
            (
                DoubtMode::Counts.key().to_string(),
                w().history_won_of_total.to_string(),
            ),
        ]
    });
    let selected = Signal::derive(move || mode().key().to_string());
    view! {
        <div class="risk-rate" data-stage-id=id>
            <p class="risk-rate-name">{move || name.get()}</p>
            <div class="field-row">
                <SelectField
                    id=format!("risk-mode-{id}")
                    label=text(|w| w.doubt)
                    options=options
                    selected=selected
                    context=context
                    on_change=Callback::new(move |v: String| {
                        if let Some(mode) = DoubtMode::from_key(&v) {
                            send(draft, RiskEdit::DoubtMode { id, mode });
                        }
                    })
                />
                <Show when=move || mode() == DoubtMode::Range>
                    <TextField
                        id=format!("risk-low-{id}")
                        label=text(|w| w.low)
                        context=context
                        value=Signal::derive(move || doubt().low)
                        error=message(lang, errors, RiskField::Low(id))
                        on_input=edit(DoubtText::Low)
                        inputmode="decimal"
                        suffix="%"
                        class="compact"
                    />
                    <TextField
                        id=format!("risk-high-{id}")
                        label=text(|w| w.high)
                        context=context
                        value=Signal::derive(move || doubt().high)
                        error=message(lang, errors, RiskField::High(id))
                        on_input=edit(DoubtText::High)
                        inputmode="decimal"
                        suffix="%"
                        class="compact"
                    />
                </Show>
                <Show when=move || mode() == DoubtMode::Counts>
                    <TextField
                        id=format!("risk-won-{id}")
                        label=text(|w| w.converted)
                        context=context
                        value=Signal::derive(move || doubt().won)
                        error=message(lang, errors, RiskField::Won(id))
                        on_input=edit(DoubtText::Won)
                        inputmode="numeric"
                        class="compact"
                    />
                    <TextField
                        id=format!("risk-trials-{id}")
                        label=text(|w| w.out_of)
                        context=context
                        value=Signal::derive(move || doubt().trials)
                        error=message(lang, errors, RiskField::Trials(id))
                        on_input=edit(DoubtText::Trials)
                        inputmode="numeric"
                        class="compact"
                    />
                </Show>
            </div>
        </div>
    }
}
