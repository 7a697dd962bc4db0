//! The structural edits of a node: add a KPI or KSF under it, reorder it, remove it, move it.

use funnel_model::kpi::{KpiEdit, KpiTree, NodeId, ROOT_ID};
use leptos::prelude::*;

use super::options::move_targets;
use super::Editing;
use crate::i18n::kpi::words;
use crate::send::send;
use crate::ui::plan_common::SelectField;

#[component]
pub(super) fn NodeActions(ed: Editing) -> impl IntoView {
    let Editing {
        session, selected, ..
    } = ed;
    let lang = session.lang;
    let w = move || words(lang.get());
    let is_root = move || selected.get() == ROOT_ID;
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();

    view! {
        <div class="button-row node-actions">
            <button type="button" class="secondary" on:click=move |_| {
                if let Some(new) = send(session.draft, KpiEdit::AddKpi { parent: id() }) {
                    selected.set(new);
                }
            }>{move || w().add_a_kpi_below}</button>
            <button type="button" class="secondary" on:click=move |_| {
                if let Some(new) = send(session.draft, KpiEdit::AddKsf { parent: id() }) {
                    selected.set(new);
                }
            }>{move || w().add_a_ksf_below}</button>
            <Show when=move || !is_root()>
                <button type="button" class="secondary" on:click=move |_| edit(KpiEdit::Shift { node: id(), up: true })>
                    {move || w().up}
                </button>
                <button type="button" class="secondary" on:click=move |_| edit(KpiEdit::Shift { node: id(), up: false })>
                    {move || w().down}
                </button>
                <button type="button" class="danger" on:click=move |_| {
                    edit(KpiEdit::Remove { node: id() });
                    selected.set(ROOT_ID);
                }>
                    {move || w().remove_this_node_and_those_below}
                </button>
            </Show>
        </div>
    }
}

/// Moving the node under another parent. The choice outlives the row, as the row is rebuilt
/// whenever the root is selected.
#[component]
pub(super) fn MoveRow(
    ed: Editing,
    tree: Memo<KpiTree>,
    move_choice: RwSignal<String>,
) -> impl IntoView {
    let Editing {
        session, selected, ..
    } = ed;
    let lang = session.lang;
    let w = move || words(lang.get());
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();
    let move_targets = move_targets(lang, tree, selected);

    view! {
        <div class="field-row move-row">
            <SelectField
                id="node-move-target"
                label=Signal::derive(move || w().move_under_new_parent.to_string())
                options=Signal::derive(move || {
                    let mut v = vec![(String::new(), words(lang.get()).choose.to_string())];
                    v.extend(move_targets.get());
                    v
                })
                selected=Signal::derive(move || move_choice.get())
                on_change=Callback::new(move |v: String| move_choice.set(v))
            />
            <button
                type="button"
                class="secondary"
                disabled=move || move_choice.with(String::is_empty)
                on:click=move |_| {
                    if let Ok(parent) = move_choice.get_untracked().parse::<NodeId>() {
                        edit(KpiEdit::Move { node: id(), parent });
                        move_choice.set(String::new());
                    }
                }
            >
                {move || w().move_word}
            </button>
        </div>
    }
}
