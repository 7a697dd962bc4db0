//! The SMART check of a node: one box per criterion, with its state and the count passed.

use funnel_model::kpi::{KpiEdit, SmartItem};
use leptos::prelude::*;

use super::Editing;
use crate::i18n::kpi::{smart_progress, words};
use crate::i18n::kpi_tree::{smart_item, smart_question};

#[component]
pub(super) fn SmartCheck(ed: Editing) -> impl IntoView {
    let Editing { session, node, .. } = ed;
    let lang = session.lang;
    let w = move || words(lang.get());
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();

    view! {
        <fieldset class="smart">
            <legend>{move || crate::ui::jargon::term_view(w().smart_check.to_string(), crate::i18n::jargon::explain("SMART", lang.get()))}</legend>
            {move || {
                SmartItem::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let check = move || node.with(|n| n.as_ref().map(|n| n.smart[i]));
                        let input_id = format!("smart-{i}");
                        view! {
                            <div class="check smart-item">
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=move || check().is_some_and(|c| c.answer)
                                    on:change=move |ev| edit(KpiEdit::SetSmart { node: id(), item, answer: event_target_checked(&ev) })
                                />
                                <label for=input_id>
                                    <strong>{smart_item(lang.get(), item)}</strong>
                                    " "
                                    {smart_question(lang.get(), item)}
                                </label>
                                <span class="smart-state">
                                    {move || match check() {
                                        Some(c) if c.passed() => "✓",
                                        Some(c) if c.hint == Some(false) => "!",
                                        _ => "",
                                    }}
                                </span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <p class="hint">
                {move || {
                    let passed = node.with(|n| n.as_ref().map_or(0, |n| n.smart.iter().filter(|c| c.passed()).count()));
                    smart_progress(lang.get(), passed)
                }}
            </p>
        </fieldset>
    }
}
