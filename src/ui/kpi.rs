//! The KPI tree view: the tree generated from (and always agreeing with) the funnel, edited by
//! the user; actuals per node; the bottleneck and the warnings; the tree drawn on a canvas and
//! the same content as an outline; stage definitions and the design checklist.

use std::collections::HashSet;

use funnel_charts::tree_row_at;
use funnel_model::kpi::{
    channel_inputs, evaluate, tree_csv, Basis, ChannelInput, EvaluatedNode, KpiEdit, KpiTree,
    NodeId, NodeKind, Status, ROOT_ID,
};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::kpi::{
    node_context, node_detail, nodes_of_removed_stages, stages_missing_from_tree, toggle_children,
    words,
};
use crate::i18n::kpi_tree::{node_kind, node_label, status as status_text, value_error, TreeCsv};
use crate::i18n::names::NamedStages;
use crate::send::send;
use crate::session::Session;
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::exports::ViewExports;
use crate::ui::field::TextField;
use crate::ui::kpi_extras::{Bottlenecks, Warnings};
use crate::ui::kpi_node_editor::NodeEditor;
use crate::view_model::kpi::{tree_chart, tree_text, visible};

/// Sends one edit of the open draft's tree.
fn apply_edit(session: Session, edit: KpiEdit) -> Option<NodeId> {
    send(session.draft, edit)
}

/// Brings the node editor on screen when it is not (on a phone it sits below the whole outline).
fn reveal_editor() {
    let Some(heading) = document().get_element_by_id("node-editor-heading") else {
        return;
    };
    let rect = heading.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.top() > height {
        heading.scroll_into_view();
    }
}

#[component]
pub fn KpiView(session: Session) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    // Computed once per change and shared by the tree and the node editor: it runs the channel
    // plan.
    let channels: Memo<Vec<ChannelInput>> = Memo::new(move |_| draft.with(channel_inputs));
    let tree: Memo<KpiTree> = Memo::new(move |_| {
        channels.with(|ch| draft.with(|d| evaluate(&d.kpi, &Basis::new(d, ch))))
    });
    let collapsed = RwSignal::new(HashSet::<NodeId>::new());
    let selected = RwSignal::new(ROOT_ID);
    // A removed node cannot stay selected.
    Effect::new(move |_| {
        if tree.with(|t| t.node(selected.get()).is_none()) {
            selected.set(ROOT_ID);
        }
    });
    let generated = move || draft.with(|d| d.kpi.is_generated());
    view! {
        <main class="stack" id="view-kpi">
            <section class="panel" aria-labelledby="kpi-heading">
                <h2 id="kpi-heading">{move || w().kpi_tree}</h2>
                <p class="hint">
                    {move || w().breaks_revenue_the_kgi_down_to}
                </p>
                <Show when=move || !tree.with(|t| t.plan_available)>
                    <p class="stale-notice" role="status">
                        {move || w().the_funnels_inputs_are_not_valid}
                    </p>
                </Show>
                {move || {
                    let l = lang.get();
                    let missing: Vec<String> = tree.with(|t| {
                        draft.with(|d| {
                            t.missing_stages
                                .iter()
                                .filter_map(|id| d.position_of(*id).map(|i| d.display_name(i, l)))
                                .collect()
                        })
                    });
                    let lost = tree.with(|t| t.nodes.iter().filter(|n| n.binding_lost).count());
                    let mut notes = Vec::new();
                    if !missing.is_empty() {
                        notes.push(stages_missing_from_tree(l, &missing));
                    }
                    if lost > 0 {
                        notes.push(nodes_of_removed_stages(l, lost));
                    }
                    notes
                        .into_iter()
                        .map(|n| view! { <p class="note" role="note" data-testid="kpi-structure-note">{n}</p> })
                        .collect_view()
                }}
                <Bottlenecks session=session tree=tree />
                <Warnings lang=lang tree=tree />
                <div class="field-row">
                    <TextField
                        id="kpi-tree-period"
                        label=Signal::derive(move || w().measured_over.to_string())
                        hint=Signal::derive(move || w().e_g_fy2027_q1.to_string())
                        value=Signal::derive(move || draft.with(|d| d.kpi.period().to_string()))
                        error=Signal::derive(|| None::<String>)
                        on_input=Callback::new(move |text: String| {
                            apply_edit(session, KpiEdit::SetTreePeriod { text });
                        })
                    />
                </div>
                <div class="button-row">
                    <button
                        type="button"
                        class="secondary"
                        disabled=generated
                        on:click=move |_| {
                            apply_edit(session, KpiEdit::ResetTree);
                        }
                    >
                        {move || w().rebuild_from_the_funnel}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| collapsed.set(HashSet::new())>
                        {move || w().expand_all}
                    </button>
                </div>
            </section>
            <div class="layout kpi-layout">
                <section class="panel inputs" aria-labelledby="kpi-outline-heading">
                    <h2 id="kpi-outline-heading">{move || w().tree_and_actuals}</h2>
                    <Outline session=session tree=tree collapsed=collapsed selected=selected />
                </section>
                <section class="panel results" aria-labelledby="kpi-chart-heading">
                    // The editor first: with 40 nodes the drawn tree is taller than a screen.
                    <NodeEditor session=session tree=tree channels=channels selected=selected />
                    <TreeCanvas session=session tree=tree collapsed=collapsed selected=selected />
                    <ViewExports
                        session=session
                        csv=Signal::derive(move || Some(tree.with(|t| tree_csv(t, &TreeCsv(lang.get())))))
                        canvas_id="kpi-canvas"
                        what="kpi-tree"
                    />
                </section>
            </div>
        </main>
    }
}

/// The tree as a list: every node with its figures, a collapse button where it has children,
/// and the actual input — the accessible twin of the canvas. Rows are keyed by node id and read
/// their figures reactively, so typing an actual never re-creates (and unfocuses) its input.
#[component]
fn Outline(
    session: Session,
    tree: Memo<KpiTree>,
    collapsed: RwSignal<HashSet<NodeId>>,
    selected: RwSignal<NodeId>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        collapsed.with(|c| {
            tree.with(|t| {
                visible(t, c)
                    .into_iter()
                    .map(|(n, hidden)| (n.id, hidden))
                    .collect::<Vec<_>>()
            })
        })
    });
    let ids = move || rows.with(|r| r.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    view! {
        <ul class="kpi-outline">
            <For each=ids key=|id| *id let:id>
                <OutlineRow session=session tree=tree rows=rows collapsed=collapsed selected=selected id=id />
            </For>
        </ul>
    }
}

#[component]
fn OutlineRow(
    session: Session,
    tree: Memo<KpiTree>,
    rows: Memo<Vec<(NodeId, usize)>>,
    collapsed: RwSignal<HashSet<NodeId>>,
    selected: RwSignal<NodeId>,
    id: NodeId,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let node = Memo::new(move |_| tree.with(|t| t.node(id).cloned()));
    let get = move |f: fn(&EvaluatedNode, Lang) -> String| {
        move || node.with(|n| n.as_ref().map(|n| f(n, lang.get())).unwrap_or_default())
    };
    let title = get(|n, l| node_label(l, &n.label));
    let hidden = move || rows.with(|r| r.iter().find(|(i, _)| *i == id).map_or(0, |(_, h)| *h));
    let has_children = move || tree.with(|t| t.children(id).next().is_some());
    let is_collapsed = move || collapsed.with(|c| c.contains(&id));
    let flag =
        move |f: fn(&EvaluatedNode) -> bool| move || node.with(|n| n.as_ref().is_some_and(f));
    let depth = move || node.with(|n| n.as_ref().map_or(0, |n| n.depth));
    let kind = move || node.with(|n| n.as_ref().map_or(NodeKind::Kpi, |n| n.kind));
    let status = move || node.with(|n| n.as_ref().map_or(Status::NoData, |n| n.status));
    let context = Signal::derive(move || node_context(lang.get(), &title()));
    let error = Signal::derive(move || {
        node.with(|n| {
            n.as_ref()
                .and_then(|n| n.actual_error)
                .map(|e| value_error(lang.get(), e))
        })
    });
    view! {
        <li
            class="kpi-row"
            class:selected=move || selected.get() == id
            class:bottleneck=flag(|n| n.bottleneck)
            data-node=id
            style:padding-left=move || format!("{}rem", depth() as f64 * 0.9)
        >
            <div class="kpi-row-head">
                <Show when=has_children fallback=|| view! { <span class="toggle-space"></span> }>
                    <button
                        type="button"
                        class="icon toggle"
                        aria-expanded=move || (!is_collapsed()).to_string()
                        aria-label=move || toggle_children(lang.get(), &title(), is_collapsed())
                        on:click=move |_| collapsed.update(|c| {
                            if !c.remove(&id) {
                                c.insert(id);
                            }
                        })
                    >
                        {move || if is_collapsed() { "▸" } else { "▾" }}
                    </button>
                </Show>
                <span
                    class=move || format!("kind kind-{}", node_kind(kind()).to_lowercase())
                    title=move || crate::i18n::jargon::explain(node_kind(kind()), lang.get())
                >{move || node_kind(kind())}</span>
                <button
                    type="button"
                    class="node-title"
                    aria-pressed=move || (selected.get() == id).to_string()
                    on:click=move |_| {
                        selected.set(id);
                        reveal_editor();
                    }
                >
                    {title}
                </button>
                {move || (hidden() > 0).then(|| view! { <span class="tag">{format!("+{}", hidden())}</span> })}
            </div>
            <div class="kpi-row-figures">
                <span class="detail" data-testid=format!("kpi-detail-{id}")>{get(node_detail)}</span>
                <span class=move || match status() {
                    Status::Ahead => "status ahead",
                    Status::OnTrack => "status on-track",
                    Status::Behind => "status behind",
                    Status::NoData => "status no-data",
                }>{move || status_text(lang.get(), status())}</span>
                <Show when=move || kind() != NodeKind::Ksf>
                    <span class="badge smart-badge" title="SMART">
                        {move || {
                            let passed = node.with(|n| n.as_ref().map_or(0, |n| n.smart.iter().filter(|c| c.passed()).count()));
                            format!("SMART {passed}/5")
                        }}
                    </span>
                    <Show when=flag(|n| !n.controllable)>
                        <span class="badge">{move || words(lang.get()).not_controllable}</span>
                    </Show>
                </Show>
                <Show when=flag(|n| n.bottleneck)>
                    <span class="tag bottleneck-tag">{move || words(lang.get()).bottleneck}</span>
                </Show>
                <Show when=flag(|n| n.inconsistent)>
                    <span class="tag warn-tag">{move || words(lang.get()).does_not_add_up}</span>
                </Show>
            </div>
            <Show when=move || kind() != NodeKind::Ksf>
                <TextField
                    id=format!("kpi-actual-{id}")
                    label=Signal::derive(move || words(lang.get()).actual.to_string())
                    context=context
                    value=Signal::derive(move || draft.with(|d| d.kpi.actual_text(id, None).to_string()))
                    error=error
                    on_input=Callback::new(move |text: String| {
                        apply_edit(session, KpiEdit::SetActual { node: id, month: None, text });
                    })
                    inputmode="decimal"
                    class="compact actual"
                />
            </Show>
        </li>
    }
}

#[component]
fn TreeCanvas(
    session: Session,
    tree: Memo<KpiTree>,
    collapsed: RwSignal<HashSet<NodeId>>,
    selected: RwSignal<NodeId>,
) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let shown = Memo::new(move |_| collapsed.with(|c| tree.with(|t| visible(t, c))));
    let data = Memo::new(move |_| {
        let l = lang.get();
        shown.with(|rows| Some(tree_chart(rows, l)))
    });
    let label = Signal::derive(move || {
        let l = lang.get();
        shown.with(|rows| tree_text(rows, l))
    });
    // A click on a box selects its node (the outline does the same by keyboard).
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.current_target() else {
            return;
        };
        let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target) else {
            return;
        };
        let Some(canvas) = el.query_selector("canvas").ok().flatten() else {
            return;
        };
        let rect = canvas.get_bounding_client_rect();
        let y = f64::from(ev.client_y()) - rect.top();
        data.with_untracked(|d| {
            if let Some(d) = d {
                if let Some(i) = tree_row_at(d, rect.width(), y) {
                    if let Some((n, _)) = shown.with_untracked(|s| s.get(i).cloned()) {
                        selected.set(n.id);
                        reveal_editor();
                    }
                }
            }
        });
    };
    view! {
        <figure class="chart kpi-chart">
            <figcaption>
                <h3 id="kpi-chart-heading">{move || w().tree_diagram}</h3>
                <p class="hint">
                    {move || w().colour_and_mark_ahead_on_track}
                </p>
            </figcaption>
            <div class="kpi-canvas-wrap" on:click=on_click>
                <CanvasChart data=data label=label id="kpi-canvas" />
            </div>
        </figure>
    }
}
