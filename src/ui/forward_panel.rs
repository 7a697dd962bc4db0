use funnel_model::draft::{Draft, SeekChoice};
use funnel_model::edit::FunnelEdit;
use funnel_model::{Entry, InputError, Lang};
use leptos::prelude::*;

use crate::computed::{ForwardRun, ValidPlan};
use crate::i18n::common::{input_error, FieldKind};
use crate::i18n::funnel::words as funnel_words;
use crate::i18n::funnel::{entry_count_hint, seek_answer, SeekAnswer as SeekAnswerText};
use crate::i18n::jargon::explain;
use crate::i18n::names::NamedStages;
use crate::send::{on_text, send};
use crate::ui::field::TextField;
use crate::ui::jargon::term_view;
use crate::view_model::funnel_results::forward_figures;

/// Forward mode (what a count yields) and goal seek (the value one input needs).
#[component]
pub fn ForwardPanel(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    plan: Memo<ValidPlan>,
    /// The entry count as checked once, and the forward run from it (shared with the results
    /// table).
    entry: Memo<Result<Entry, InputError>>,
    forward: Memo<Option<ForwardRun>>,
    current: Memo<bool>,
) -> impl IntoView {
    let entry_name = move || draft.with(|d| d.display_name(d.entry_index(), lang.get()));
    let entry_options = move || {
        draft.with(|d| {
            let selected = d.entry_stage;
            d.stages[..d.stages.len() - 1]
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let id = s.id;
                    view! {
                        <option value=id.to_string() selected=id == selected>
                            {d.display_name(i, lang.get())}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    // Empty is not an error: it means "start from the plan's count".
    let count_error = move || {
        let typed = draft.with(|d| !d.entry_count.trim().is_empty());
        typed
            .then(|| entry.with(|e| e.as_ref().err().copied()))
            .flatten()
            .map(|e| input_error(lang.get(), FieldKind::Count, e))
    };
    let count_hint = move || {
        let planned = plan.with(|p| {
            let index = draft.with(|d| d.entry_index());
            p.as_ref()
                .and_then(|(_, r)| r.stages.get(index))
                .map(|s| funnel_model::format::format_count(s.required))
        });
        entry_count_hint(lang.get(), planned)
    };
    view! {
        <section class="forward" class:stale-results=move || !current.get() aria-labelledby="forward-heading">
            <h2 id="forward-heading">
                {move || term_view(funnel_words(lang.get()).forward_heading.to_string(), explain("forward", lang.get()))}
            </h2>
            <p class="hint">{move || funnel_words(lang.get()).forward_hint}</p>
            <div class="forward-inputs">
                <div class="field">
                    <label for="entry-stage">{move || funnel_words(lang.get()).entry_stage_label}</label>
                    <select
                        id="entry-stage"
                        on:change=move |ev| {
                            if let Ok(id) = event_target_value(&ev).parse::<u32>() {
                                send(draft, FunnelEdit::EntryStage(id));
                            }
                        }
                    >
                        {entry_options}
                    </select>
                </div>
                <TextField
                    id="entry-count"
                    label=Signal::derive(move || (funnel_words(lang.get()).entry_count_label)(&entry_name()))
                    value=Signal::derive(move || draft.with(|d| d.entry_count.clone()))
                    hint=Signal::derive(count_hint)
                    error=Signal::derive(count_error)
                    inputmode="numeric"
                    on_input=on_text(draft, |v| FunnelEdit::EntryCount(v).into())
                />
            </div>
            <ForwardResult lang=lang forward=forward />
            <GoalSeek lang=lang draft=draft plan=plan entry=entry />
        </section>
    }
}

/// Expected won deals, revenue and the gap to the target (per-stage expected counts are a
/// column of the results table).
#[component]
fn ForwardResult(lang: RwSignal<Lang>, forward: Memo<Option<ForwardRun>>) -> impl IntoView {
    let result = move || {
        let lang = lang.get();
        forward.with(|f| {
            let f = forward_figures(lang, &f.as_ref()?.result);
            let class = if f.reached {
                "gap gap-reached"
            } else {
                "gap gap-short"
            };
            Some(view! {
                <dl class="forward-summary">
                    <div>
                        <dt>{funnel_words(lang).expected_won}</dt>
                        <dd data-testid="forward-won">{f.won.view()}</dd>
                    </div>
                    <div>
                        <dt>{funnel_words(lang).expected_revenue}</dt>
                        <dd data-testid="forward-revenue">{f.revenue.view()}</dd>
                    </div>
                    <div class=class>
                        <dt>{f.gap_label}</dt>
                        <dd data-testid="forward-gap">{f.gap.view()}</dd>
                    </div>
                </dl>
            })
        })
    };
    view! { <div class="forward-result" aria-live="polite">{result}</div> }
}

#[component]
fn GoalSeek(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    plan: Memo<ValidPlan>,
    entry: Memo<Result<Entry, InputError>>,
) -> impl IntoView {
    let options = move || {
        let lang = lang.get();
        draft.with(|d| {
            let selected = SeekChoice::key(d.seek);
            let mut choices: Vec<(String, String)> = (d.entry_index()..d.stages.len() - 1)
                .filter_map(|i| {
                    Some((
                        SeekChoice::key(SeekChoice::Rate(d.stages[i].id)),
                        d.rate_label(i, lang)?,
                    ))
                })
                .collect();
            choices.push((
                SeekChoice::key(SeekChoice::DealSize),
                funnel_words(lang).seek_deal.to_string(),
            ));
            let entry = d.display_name(d.entry_index(), lang);
            choices.push((
                SeekChoice::key(SeekChoice::EntryCount),
                (funnel_words(lang).seek_count)(&entry),
            ));
            choices
                .into_iter()
                .map(|(value, label)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(choice) = SeekChoice::from_key(&value) {
            send(draft, FunnelEdit::Seek(choice));
        }
    };
    view! {
        <div class="goal-seek">
            <h3>{move || funnel_words(lang.get()).seek_heading}</h3>
            <p class="hint">{move || funnel_words(lang.get()).seek_hint}</p>
            <div class="field">
                <label for="seek-input">{move || funnel_words(lang.get()).seek_label}</label>
                <select id="seek-input" on:change=on_change>
                    {options}
                </select>
            </div>
            <SeekAnswer lang=lang draft=draft plan=plan entry=entry />
        </div>
    }
}

/// The goal-seek answer as a sentence, with a button that puts the answer into its field.
#[component]
fn SeekAnswer(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    plan: Memo<ValidPlan>,
    entry: Memo<Result<Entry, InputError>>,
) -> impl IntoView {
    let answer = move || {
        let lang = lang.get();
        let Ok(entry) = entry.get() else {
            return SeekAnswerText {
                sentence: funnel_words(lang).seek_needs_count.to_string(),
                apply: None,
            };
        };
        plan.with(|p| match p {
            Some((funnel, _)) => draft.with(|d| seek_answer(d, funnel, entry, lang)),
            None => SeekAnswerText {
                sentence: String::new(),
                apply: None,
            },
        })
    };
    let answer = Memo::new(move |_| answer());
    view! {
        <div class="seek-result" aria-live="polite">
            <p
                class="seek-answer"
                class:unreachable=move || answer.with(|a| a.apply.is_none())
                data-testid="seek-answer"
            >
                {move || answer.with(|a| a.sentence.clone())}
            </p>
            <button
                type="button"
                class="secondary"
                hidden=move || answer.with(|a| a.apply.is_none())
                on:click=move |_| {
                    if let Some(apply) = answer.get_untracked().apply {
                        send(draft, apply);
                    }
                }
            >
                {move || funnel_words(lang.get()).seek_apply}
            </button>
        </div>
    }
}
