//! Editing one KPI-tree node: name, unit, formula, plan figure, owner, period, the controllable
//! and upstream/downstream flags, the SMART check, monthly actuals, and the structural edits
//! (add a KPI or KSF under it, move it, reorder it, remove it).

use funnel_model::kpi::{
    Basis, ChannelInput, Department, Direction, Formula, KpiEdit, KpiNode, KpiTree, NodeId,
    NodeKind, SmartItem, Unit, ROOT_ID,
};
use funnel_model::OptionKey;
use leptos::prelude::*;

use crate::i18n::kpi::{
    actual_in_month, inconsistent_node, node_detail, selected_node, smart_progress, words,
};
use crate::i18n::kpi_tree::{
    department, direction, formula, node_label, smart_item, smart_question, unit, value_error,
};
use crate::send::send;
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::plan_common::SelectField;

#[component]
pub fn NodeEditor(
    session: Session,
    tree: Memo<KpiTree>,
    /// The channels' planned leads the tree was built on.
    channels: Memo<Vec<ChannelInput>>,
    selected: RwSignal<NodeId>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let node = Memo::new(move |_| tree.with(|t| t.node(selected.get()).cloned()));
    // The node as stored, for the texts as typed (the evaluated node has parsed figures).
    let raw = Memo::new(move |_| {
        let id = selected.get();
        channels.with(|ch| {
            draft.with(|d| {
                d.kpi
                    .nodes(&Basis::new(d, ch))
                    .into_iter()
                    .find(|n| n.id == id)
            })
        })
    });
    let raw_text = move |f: fn(&KpiNode) -> String| {
        move || raw.with(|n| n.as_ref().map(f).unwrap_or_default())
    };
    let title = move || {
        node.with(|n| {
            n.as_ref()
                .map(|n| node_label(lang.get(), &n.label))
                .unwrap_or_default()
        })
    };
    let is_root = move || selected.get() == ROOT_ID;
    let is_ksf = move || node.with(|n| n.as_ref().is_some_and(|n| n.kind == NodeKind::Ksf));
    let bound = move || node.with(|n| n.as_ref().is_some_and(|n| n.binding.is_bound()));
    let edit = move |e: KpiEdit| {
        send(session.draft, e);
    };
    let id = move || selected.get_untracked();

    let formula_options = Signal::derive(move || {
        let l = lang.get();
        [
            Formula::Product,
            Formula::Sum,
            Formula::Ratio,
            Formula::Entered,
        ]
        .into_iter()
        .map(|f| (f.key().to_string(), formula(l, f).to_string()))
        .collect::<Vec<_>>()
    });
    let unit_options = Signal::derive(move || {
        let l = lang.get();
        vec![
            (Unit::Count.key().to_string(), words(l).count.to_string()),
            (Unit::Yen.key().into(), words(l).yen.into()),
            (Unit::Percent.key().into(), words(l).percent.into()),
            (
                Unit::Custom(String::new()).key().into(),
                words(l).other.into(),
            ),
        ]
    });
    let owner_options = Signal::derive(move || {
        let l = lang.get();
        let mut v = vec![(
            None::<Department>.key().to_string(),
            words(l).not_set.to_string(),
        )];
        v.extend(
            Department::ALL
                .iter()
                .map(|d| (Some(*d).key().to_string(), department(l, *d).to_string())),
        );
        v
    });
    let direction_options = Signal::derive(move || {
        let l = lang.get();
        vec![
            (
                Direction::Upstream.key().to_string(),
                format!(
                    "{}（{}）",
                    direction(l, Direction::Upstream),
                    words(l).visits_leads
                ),
            ),
            (
                Direction::Downstream.key().into(),
                format!(
                    "{}（{}）",
                    direction(l, Direction::Downstream),
                    words(l).meeting_rate_win_rate
                ),
            ),
        ]
    });
    // Parents the node could move under: not itself, not its subtree.
    let move_targets = Signal::derive(move || {
        let l = lang.get();
        let me = selected.get();
        tree.with(|t| {
            let mut inside = vec![me];
            for n in &t.nodes {
                if n.parent.is_some_and(|p| inside.contains(&p)) {
                    inside.push(n.id);
                }
            }
            t.nodes
                .iter()
                .filter(|n| {
                    !inside.contains(&n.id) && Some(n.id) != t.node(me).and_then(|m| m.parent)
                })
                .map(|n| {
                    (
                        n.id.to_string(),
                        format!("{}{}", "　".repeat(n.depth), node_label(l, &n.label)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let move_choice = RwSignal::new(String::new());
    let months = move || draft.with(|d| d.plan.calendar_months());
    let target_error = Signal::derive(move || {
        node.with(|n| {
            n.as_ref()
                .and_then(|n| n.target_error)
                .map(|e| value_error(lang.get(), e))
        })
    });

    view! {
        <section class="node-editor" aria-labelledby="node-editor-heading">
            <h3 id="node-editor-heading">
                {move || selected_node(lang.get(), &title())}
            </h3>
            <p class="hint" data-testid="node-detail">{move || node.with(|n| n.as_ref().map(|n| node_detail(n, lang.get())).unwrap_or_default())}</p>
            <TextField
                id="node-name"
                label=Signal::derive(move || w().node_name.to_string())
                // The own name as typed, even empty (a field being retyped is not refilled under the
                // cursor); the name the binding implies until the user gives one.
                value=Signal::derive(move || raw.with(|n| n.as_ref().and_then(|n| n.name.clone())).unwrap_or_else(title))
                error=Signal::derive(|| None::<String>)
                on_input=Callback::new(move |name: String| edit(KpiEdit::Rename { node: id(), name }))
            />
            <Show when=move || !is_ksf()>
                <div class="field-row">
                    <SelectField
                        id="node-formula"
                        label=Signal::derive(move || w().how_it_is_computed.to_string())
                        options=formula_options
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
                            options=unit_options
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
                <div class="field-row">
                    <SelectField
                        id="node-owner"
                        label=Signal::derive(move || w().owner.to_string())
                        options=owner_options
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
                        options=direction_options
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
                <details class="monthly-actuals">
                    <summary>{move || w().actuals_by_month}</summary>
                    <div class="field-row">
                        {move || {
                            months()
                                .into_iter()
                                .enumerate()
                                .map(|(k, m)| {
                                    let label = Signal::derive(move || actual_in_month(lang.get(), m));
                                    let month = k as u8;
                                    view! {
                                        <TextField
                                            id=format!("node-month-{k}")
                                            label=label
                                            value=Signal::derive(move || draft.with(|d| d.kpi.actual_text(selected.get(), Some(month)).to_string()))
                                            error=Signal::derive(move || node.with(|n| n.as_ref().and_then(|n| n.month_errors.iter().find(|(mm, _)| *mm == month).map(|(_, e)| value_error(lang.get(), *e)))))
                                            on_input=Callback::new(move |text: String| edit(KpiEdit::SetActual { node: id(), month: Some(month), text }))
                                            inputmode="decimal"
                                            class="compact"
                                        />
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </details>
            </Show>
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
            <Show when=move || !is_root()>
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
            </Show>
        </section>
    }
}
