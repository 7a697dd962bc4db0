use funnel_charts::stage_color_hex;
use funnel_model::draft::{Draft, DraftProblem, FunnelField};
use funnel_model::edit::{Edit, FunnelEdit};
use funnel_model::plan::benchmarks::check_funnel;
use funnel_model::{Funnel, Lang, ReversePlan};
use leptos::prelude::*;

use crate::i18n::benchmarks::{benchmark_note, caveat};
use crate::i18n::common::{input_error, plan_error, FieldKind};
use crate::i18n::funnel::words as funnel_words;
use crate::i18n::names::{stage_kind, NamedStages};
use crate::send::{on_text, send};
use crate::staged_mount::Deferred;
use crate::ui::field::TextField;
use crate::ui::period_fields::PeriodFields;

/// Whether the whole draft makes a plan, and if not why: the one check of the funnel's fields.
pub type Checked = Memo<Result<(Funnel, ReversePlan), DraftProblem>>;

/// The message for `field` when the check found its text does not read.
pub fn field_error(
    lang: RwSignal<Lang>,
    checked: Checked,
    field: FunnelField,
    kind: FieldKind,
) -> Option<String> {
    checked
        .with(|c| c.as_ref().err().and_then(|problem| problem.input(field)))
        .map(|e| input_error(lang.get(), kind, e))
}

/// The revenue target and the average deal size.
#[component]
pub fn GoalInputs(lang: RwSignal<Lang>, draft: RwSignal<Draft>, checked: Checked) -> impl IntoView {
    let money_error = move |field| field_error(lang, checked, field, FieldKind::Money);
    view! {
        <div class="goal-inputs">
            <TextField
                id="target"
                label=Signal::derive(move || funnel_words(lang.get()).target_label.to_string())
                hint=Signal::derive(move || funnel_words(lang.get()).target_hint.to_string())
                value=Signal::derive(move || draft.with(|d| d.target.clone()))
                error=Signal::derive(move || money_error(FunnelField::Target))
                on_input=on_text(draft, |v| FunnelEdit::Target(v).into())
            />
            <PeriodFields lang=lang draft=draft />
            <TextField
                id="deal-size"
                label=Signal::derive(move || funnel_words(lang.get()).deal_label.to_string())
                hint=Signal::derive(move || funnel_words(lang.get()).deal_hint.to_string())
                value=Signal::derive(move || draft.with(|d| d.deal_size.clone()))
                error=Signal::derive(move || money_error(FunnelField::DealSize))
                on_input=on_text(draft, |v| FunnelEdit::DealSize(v).into())
            />
        </div>
    }
}

/// The stage chain: a name per stage, the rate to the next stage between them, and buttons to
/// add, remove and reorder.
#[component]
pub fn StageEditor(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    /// Whether the whole draft makes a plan; a plan-level problem is shown under the stages.
    checked: Memo<Result<(Funnel, ReversePlan), DraftProblem>>,
) -> impl IntoView {
    let ids = move || draft.with(|d| d.stages.iter().map(|s| s.id).collect::<Vec<_>>());
    // Survey ranges the current rates fall outside of: notes beside the rates, never blocking.
    let bench = Memo::new(move |_| {
        let l = lang.get();
        checked.with(|c| {
            c.as_ref()
                .map(|(funnel, _)| {
                    check_funnel(funnel)
                        .into_iter()
                        .map(|(at, note)| (at, benchmark_note(l, &note)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let plan_message = move || {
        checked.with(|c| {
            c.as_ref().err().and_then(|problem| {
                let names = draft.with(|d| {
                    (0..d.stages.len())
                        .map(|i| d.display_name(i, lang.get()))
                        .collect::<Vec<_>>()
                });
                plan_error(lang.get(), problem, &names)
            })
        })
    };
    view! {
        <fieldset class="stages">
            <legend>{move || funnel_words(lang.get()).stages_heading}</legend>
            <p class="hint">{move || funnel_words(lang.get()).stages_hint}</p>
            <ol class="stage-list">
                <For each=ids key=|id| *id let:id>
                    <Deferred>
                        <StageRow lang=lang draft=draft id=id bench=bench checked=checked />
                    </Deferred>
                </For>
            </ol>
            <Show when=move || bench.with(|b| !b.is_empty())>
                <p class="hint">{move || caveat(lang.get())}</p>
            </Show>
            <p class="message plan-message" role="status">{plan_message}</p>
        </fieldset>
    }
}

/// One stage: colour swatch, name, move/remove/add buttons, and the rate out of it.
#[component]
fn StageRow(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    id: u32,
    bench: Memo<Vec<(usize, String)>>,
    checked: Checked,
) -> impl IntoView {
    let index = Memo::new(move |_| draft.with(|d| d.position_of(id).unwrap_or(0)));
    let count = move || draft.with(|d| d.stages.len());
    let name_text = move || draft.with(|d| d.name_text(index.get(), lang.get()));
    let default_name = move || {
        draft.with(|d| {
            d.stages
                .get(index.get())
                .map(|s| stage_kind(s.kind, lang.get()))
                .unwrap_or_default()
        })
    };
    let is_last = move || index.get() + 1 == count();
    let rate_label = move || {
        draft
            .with(|d| d.rate_label(index.get(), lang.get()))
            .unwrap_or_default()
    };
    let rate_text = move || draft.with(|d| d.rate_text(id));
    let rate_error = move || field_error(lang, checked, FunnelField::Rate(id), FieldKind::Rate);
    let name_id = format!("stage-name-{id}");
    view! {
        <li class="stage-row">
            <div class="stage-head">
                // Visible as "段階1" / "Stage 1"; read as "段階1の名前" / "Stage 1 name".
                <label class="stage-label" for=name_id.clone()>
                    <span
                        class="swatch"
                        aria-hidden="true"
                        style:background-color=move || stage_color_hex(index.get())
                    ></span>
                    {move || (funnel_words(lang.get()).stage_number)(index.get() + 1)}
                    <span class="sr-only">{move || funnel_words(lang.get()).stage_name_suffix}</span>
                </label>
                <input
                    id=name_id
                    class="stage-name"
                    type="text"
                    maxlength="40"
                    autocomplete="off"
                    placeholder=default_name
                    prop:value=name_text
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        send(draft, FunnelEdit::RenameStage { id, name });
                    }
                />
                <StageActions lang=lang draft=draft id=id index=index />
            </div>
            <div hidden=is_last>
                <TextField
                    id=format!("rate-{id}")
                    class="rate-field"
                    label=Signal::derive(rate_label)
                    value=Signal::derive(rate_text)
                    error=Signal::derive(rate_error)
                    inputmode="decimal"
                    suffix="%"
                    on_input=on_text(draft, move |text| Edit::Funnel(FunnelEdit::Rate { id, text }))
                />
                {move || {
                    let at = index.get();
                    bench.with(|b| {
                        b.iter()
                            .filter(|(i, _)| *i == at)
                            .map(|(_, text)| view! { <p class="bench-note" role="note">{text.clone()}</p> })
                            .collect_view()
                    })
                }}
            </div>
        </li>
    }
}

/// Moving a stage up or down, adding one after it, removing it; each button names the stage.
#[component]
fn StageActions(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    id: u32,
    index: Memo<usize>,
) -> impl IntoView {
    let count = move || draft.with(|d| d.stages.len());
    let name = move || draft.with(|d| d.display_name(index.get(), lang.get()));
    let is_last = move || index.get() + 1 == count();
    view! {
        <div class="stage-actions">
            <button
                type="button"
                class="icon"
                aria-label=move || (funnel_words(lang.get()).move_up)(&name())
                title=move || (funnel_words(lang.get()).move_up)(&name())
                disabled=move || index.get() == 0
                on:click=move |_| {
                    send(draft, FunnelEdit::MoveStage { id, up: true });
                }
            >
                "↑"
            </button>
            <button
                type="button"
                class="icon"
                aria-label=move || (funnel_words(lang.get()).move_down)(&name())
                title=move || (funnel_words(lang.get()).move_down)(&name())
                disabled=is_last
                on:click=move |_| {
                    send(draft, FunnelEdit::MoveStage { id, up: false });
                }
            >
                "↓"
            </button>
            <button
                type="button"
                class="icon"
                aria-label=move || (funnel_words(lang.get()).add_after)(&name())
                title=move || (funnel_words(lang.get()).add_after)(&name())
                disabled=move || !draft.with(Draft::can_add_stage)
                on:click=move |_| {
                    send(draft, FunnelEdit::AddStageAfter(id));
                }
            >
                "+"
            </button>
            <button
                type="button"
                class="icon danger"
                aria-label=move || (funnel_words(lang.get()).remove)(&name())
                title=move || (funnel_words(lang.get()).remove)(&name())
                disabled=move || !draft.with(Draft::can_remove_stage)
                on:click=move |_| {
                    send(draft, FunnelEdit::RemoveStage(id));
                }
            >
                "×"
            </button>
        </div>
    }
}
