//! Who owns a node and how it behaves: owner, direction, period, and the two flags.

use funnel_model::kpi::{Department, Direction, KpiEdit, KpiNode, ROOT_ID};
use funnel_model::OptionKey;
use leptos::prelude::*;

use super::options::{direction_options, owner_options};
use super::Editing;
use crate::i18n::kpi::words;
use crate::ui::field::TextField;
use crate::ui::plan_common::SelectField;

#[component]
pub(super) fn OwnerFields(ed: Editing) -> impl IntoView {
    let Editing {
        session,
        node,
        raw,
        selected,
    } = ed;
    let lang = session.lang;
    let w = move || words(lang.get());
    let raw_text = move |f: fn(&KpiNode) -> String| {
        move || raw.with(|n| n.as_ref().map(f).unwrap_or_default())
    };
    let is_root = move || selected.get() == ROOT_ID;
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();

    view! {
        <div class="field-row">
            <SelectField
                id="node-owner"
                label=Signal::derive(move || w().owner.to_string())
                options=owner_options(lang)
                selected=Signal::derive(move || node.with(|n| n.as_ref().map(|n| n.owner).unwrap_or(None).key().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(owner) = Option::<Department>::from_key(&v) {
                        edit(KpiEdit::SetOwner { node: id(), owner });
                    }
                })
            />
            <SelectField
                id="node-direction"
                label=Signal::derive(move || w().upstream_or_downstream.to_string())
                options=direction_options(lang)
                selected=Signal::derive(move || node.with(|n| n.as_ref().map(|n| n.direction).unwrap_or_default().key().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(direction) = Direction::from_key(&v) {
                        edit(KpiEdit::SetDirection { node: id(), direction });
                    }
                })
            />
        </div>
        <TextField
            id="node-period"
            label=Signal::derive(move || w().this_kpis_period_empty_the_trees.to_string())
            value=Signal::derive(raw_text(|n| n.period.clone()))
            error=Signal::derive(|| None::<String>)
            on_input=Callback::new(move |text: String| edit(KpiEdit::SetPeriod { node: id(), text }))
        />
        <div class="check">
            <input
                type="checkbox"
                id="node-controllable"
                prop:checked=move || node.with(|n| n.as_ref().is_some_and(|n| n.controllable))
                on:change=move |ev| edit(KpiEdit::SetControllable { node: id(), controllable: event_target_checked(&ev) })
            />
            <label for="node-controllable">{move || w().the_owning_team_can_move_it}</label>
        </div>
        <Show when=move || !is_root()>
            <div class="check">
                <input
                    type="checkbox"
                    id="node-in-formula"
                    prop:checked=move || node.with(|n| n.as_ref().is_some_and(|n| n.in_formula))
                    on:change=move |ev| edit(KpiEdit::SetInFormula { node: id(), in_formula: event_target_checked(&ev) })
                />
                <label for="node-in-formula">{move || w().part_of_the_parents_formula}</label>
            </div>
        </Show>
    }
}
