//! The choices of the node editor's select fields, worded in the page's language.

use funnel_model::kpi::{Department, Direction, Formula, KpiTree, NodeId, Unit};
use funnel_model::OptionKey;
use leptos::prelude::*;

use crate::i18n::kpi::{direction_choice, words};
use crate::i18n::kpi_tree::{department, formula, node_label};
use funnel_model::Lang;

type Options = Signal<Vec<(String, String)>>;

pub(super) fn formula_options(lang: RwSignal<Lang>) -> Options {
    Signal::derive(move || {
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
    })
}

pub(super) fn unit_options(lang: RwSignal<Lang>) -> Options {
    Signal::derive(move || {
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
    })
}

pub(super) fn owner_options(lang: RwSignal<Lang>) -> Options {
    Signal::derive(move || {
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
    })
}

pub(super) fn direction_options(lang: RwSignal<Lang>) -> Options {
    Signal::derive(move || {
        let l = lang.get();
        vec![
            (
                Direction::Upstream.key().to_string(),
                direction_choice(l, Direction::Upstream),
            ),
            (
                Direction::Downstream.key().into(),
                direction_choice(l, Direction::Downstream),
            ),
        ]
    })
}

/// Parents the selected node could move under: not itself, not its subtree.
pub(super) fn move_targets(
    lang: RwSignal<Lang>,
    tree: Memo<KpiTree>,
    selected: RwSignal<NodeId>,
) -> Options {
    Signal::derive(move || {
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
    })
}
