//! Editing one KPI-tree node: name, unit, formula, plan figure, owner, period, the controllable
//! and upstream/downstream flags, the SMART check, monthly actuals, and the structural edits
//! (add a KPI or KSF under it, move it, reorder it, remove it).

mod figure_fields;
mod monthly_actuals;
mod options;
mod owner_fields;
mod smart_check;
mod structure;

use funnel_model::kpi::{
    Basis, ChannelInput, EvaluatedNode, KpiEdit, KpiNode, KpiTree, NodeId, NodeKind, ROOT_ID,
};
use leptos::prelude::*;

use crate::i18n::kpi::{node_detail, selected_node, words};
use crate::i18n::kpi_tree::node_label;
use crate::send::send;
use crate::session::Session;
use crate::ui::field::TextField;

use figure_fields::FigureFields;
use monthly_actuals::MonthlyActuals;
use owner_fields::OwnerFields;
use smart_check::SmartCheck;
use structure::{MoveRow, NodeActions};

/// What every part of the editor reads and writes: the selected node as evaluated and as stored.
#[derive(Clone, Copy)]
struct Editing {
    session: Session,
    node: Memo<Option<EvaluatedNode>>,
    /// The node as stored, for the texts as typed (the evaluated node has parsed figures).
    raw: Memo<Option<KpiNode>>,
    selected: RwSignal<NodeId>,
}

impl Editing {
    /// The node an edit is for: the one selected when the user acted.
    fn id(self) -> NodeId {
        self.selected.get_untracked()
    }

    fn edit(self, e: KpiEdit) {
        send(self.session.draft, e);
    }

    /// Whether the node's figure comes from the funnel rather than from the user.
    fn bound(self) -> bool {
        self.node
            .with(|n| n.as_ref().is_some_and(|n| n.binding.is_bound()))
    }
}

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
    let ed = Editing {
        session,
        node,
        raw,
        selected,
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
    let move_choice = RwSignal::new(String::new());

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
                on_input=Callback::new(move |name: String| ed.edit(KpiEdit::Rename { node: ed.id(), name }))
            />
            <Show when=move || !is_ksf()>
                <FigureFields ed=ed />
                <OwnerFields ed=ed />
                <SmartCheck ed=ed />
                <MonthlyActuals ed=ed />
            </Show>
            <NodeActions ed=ed />
            <Show when=move || !is_root()>
                <MoveRow ed=ed tree=tree move_choice=move_choice />
            </Show>
        </section>
    }
}
