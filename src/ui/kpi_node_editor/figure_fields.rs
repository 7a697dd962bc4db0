//! How a node is computed: its formula, its unit, and its plan figure.

use funnel_model::kpi::{Formula, KpiEdit, KpiNode, Unit};
use funnel_model::OptionKey;
use leptos::prelude::*;

use super::options::{formula_options, unit_options};
use super::Editing;
use crate::i18n::kpi::{inconsistent_node, words};
use crate::i18n::kpi_tree::{unit, value_error};
use crate::ui::field::TextField;
use crate::ui::plan_common::SelectField;

#[component]
pub(super) fn FigureFields(ed: Editing) -> impl IntoView {
    let Editing {
        session, node, raw, ..
    } = ed;
    let lang = session.lang;
    let w = move || words(lang.get());
    let raw_text = move |f: fn(&KpiNode) -> String| {
        move || raw.with(|n| n.as_ref().map(f).unwrap_or_default())
    };
    let bound = move || ed.bound();
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();
    let target_error = Signal::derive(move || {
        node.with(|n| {
            n.as_ref()
                .and_then(|n| n.target_error)
                .map(|e| value_error(lang.get(), e))
        })
    });

    view! {
        <div class="field-row">
            <SelectField
                id="node-formula"
                label=Signal::derive(move || w().how_it_is_computed.to_string())
                options=formula_options(lang)
                selected=Signal::derive(move || node.with(|n| n.as_ref().map(|n| n.formula).unwrap_or_default().key().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(formula) = Formula::from_key(&v) {
                        edit(KpiEdit::SetFormula { node: id(), formula });
                    }
                })
            />
            <Show when=move || !bound()>
                <SelectField
                    id="node-unit"
                    label=Signal::derive(move || w().unit.to_string())
                    options=unit_options(lang)
                    selected=Signal::derive(move || node.with(|n| n.as_ref().map(|n| n.unit.key()).unwrap_or(Unit::Count.key()).to_string()))
                    on_change=Callback::new(move |v: String| {
                        // A new custom unit starts with a name to overwrite, in the page's language.
                        let custom = words(lang.get_untracked()).hours;
                        if let Some(unit) = Unit::from_key(&v, custom) {
                            edit(KpiEdit::SetUnit { node: id(), unit });
                        }
                    })
                />
            </Show>
        </div>
        <Show when=move || node.with(|n| n.as_ref().is_some_and(|n| matches!(n.unit, Unit::Custom(_)))) && !bound()>
            <TextField
                id="node-unit-name"
                label=Signal::derive(move || w().unit_name.to_string())
                value=Signal::derive(move || node.with(|n| n.as_ref().map(|n| unit(lang.get(), &n.unit)).unwrap_or_default()))
                error=Signal::derive(|| None::<String>)
                on_input=Callback::new(move |name: String| edit(KpiEdit::SetUnit { node: id(), unit: Unit::Custom(name) }))
            />
        </Show>
        <Show
            when=move || !bound()
            fallback=move || view! {
                <p class="hint">{move || w().the_plan_figure_comes_from_the}</p>
            }
        >
            <TextField
                id="node-target"
                label=Signal::derive(move || w().plan_figure.to_string())
                hint=Signal::derive(move || w().empty_computes_it_from_the_nodes.to_string())
                value=Signal::derive(raw_text(|n| n.target.clone()))
                error=target_error
                on_input=Callback::new(move |text: String| edit(KpiEdit::SetTarget { node: id(), text }))
                inputmode="decimal"
            />
        </Show>
        <Show when=move || node.with(|n| n.as_ref().is_some_and(|n| n.inconsistent))>
            <p class="message" role="status">
                {move || node.with(|n| n.as_ref().map(|n| inconsistent_node(lang.get(), n)).unwrap_or_default())}
            </p>
        </Show>
    }
}
