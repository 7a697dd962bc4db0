//! The KPI tree view's outline rows and its chart: which nodes show under the collapsed ones,
//! the tree as data for `funnel-charts`, and the tree in words.

use std::collections::HashSet;

use funnel_charts::{NodeKind as ChartKind, NodeStatus, TreeChartData, TreeNodeView};
use funnel_model::kpi::{EvaluatedNode, KpiTree, NodeId, NodeKind, Status};
use funnel_model::Lang;

use crate::i18n::kpi::{node_detail, words};
use crate::i18n::kpi_tree::node_label;
use crate::view_model::FONT_STACK;

fn chart_status(status: Status) -> NodeStatus {
    match status {
        Status::Ahead => NodeStatus::Ahead,
        Status::OnTrack => NodeStatus::OnTrack,
        Status::Behind => NodeStatus::Behind,
        Status::NoData => NodeStatus::NoData,
    }
}

fn chart_kind(kind: NodeKind) -> ChartKind {
    match kind {
        NodeKind::Kgi => ChartKind::Kgi,
        NodeKind::Ksf => ChartKind::Ksf,
        NodeKind::Kpi => ChartKind::Kpi,
    }
}

/// The nodes not hidden under a collapsed ancestor, each with how many it hides.
pub fn visible(tree: &KpiTree, collapsed: &HashSet<NodeId>) -> Vec<(EvaluatedNode, usize)> {
    let mut hidden: HashSet<NodeId> = HashSet::new();
    let mut out = Vec::new();
    for n in &tree.nodes {
        if n.parent
            .is_some_and(|p| hidden.contains(&p) || collapsed.contains(&p))
        {
            hidden.insert(n.id);
            continue;
        }
        let under = if collapsed.contains(&n.id) {
            descendants(tree, n.id)
        } else {
            0
        };
        out.push((n.clone(), under));
    }
    out
}

fn descendants(tree: &KpiTree, id: NodeId) -> usize {
    tree.children(id).map(|c| 1 + descendants(tree, c.id)).sum()
}

/// The shown rows as the tree chart draws them.
pub fn tree_chart(rows: &[(EvaluatedNode, usize)], l: Lang) -> TreeChartData {
    TreeChartData {
        nodes: rows
            .iter()
            .map(|(n, hidden)| TreeNodeView {
                depth: n.depth,
                title: node_label(l, &n.label),
                detail: node_detail(n, l),
                kind: chart_kind(n.kind),
                status: chart_status(n.status),
                highlight: n.bottleneck,
                flagged: n.inconsistent,
                hidden_children: *hidden,
            })
            .collect(),
        scale: 1.0,
        font_family: FONT_STACK.to_string(),
    }
}

/// The shown rows in words, indented by depth, as the chart's text alternative.
pub fn tree_text(rows: &[(EvaluatedNode, usize)], l: Lang) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|(n, _)| {
            format!(
                "{} {} ({})",
                "  ".repeat(n.depth),
                node_label(l, &n.label),
                node_detail(n, l)
            )
        })
        .collect();
    format!("{}: {}", words(l).kpi_tree, parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::draft::Draft;
    use funnel_model::kpi::{channel_inputs, evaluate, Basis, ROOT_ID};

    fn default_tree() -> KpiTree {
        let d = Draft::default();
        let channels = channel_inputs(&d);
        evaluate(&d.kpi, &Basis::new(&d, &channels))
    }

    #[test]
    fn nothing_collapsed_shows_every_node_in_order_and_hides_none() {
        let tree = default_tree();
        let rows = visible(&tree, &HashSet::new());
        assert_eq!(rows.len(), tree.nodes.len());
        assert!(rows
            .iter()
            .zip(&tree.nodes)
            .all(|((r, h), n)| r.id == n.id && *h == 0));
        assert_eq!(rows[0].0.id, ROOT_ID);
        assert_eq!(rows[0].0.depth, 0);
    }

    #[test]
    fn a_collapsed_root_shows_itself_alone_and_counts_everything_under_it() {
        let tree = default_tree();
        let rows = visible(&tree, &HashSet::from([ROOT_ID]));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].1, tree.nodes.len() - 1);
        let chart = tree_chart(&rows, Lang::Ja);
        assert_eq!(chart.nodes.len(), 1);
        assert_eq!(chart.nodes[0].hidden_children, tree.nodes.len() - 1);
        assert_eq!(chart.nodes[0].kind, ChartKind::Kgi);
    }

    #[test]
    fn a_collapsed_branch_hides_its_whole_subtree_and_nothing_else() {
        let tree = default_tree();
        let branch = tree
            .nodes
            .iter()
            .find(|n| n.parent == Some(ROOT_ID) && tree.children(n.id).next().is_some())
            .expect("the default tree has a KSF with children")
            .id;
        let all = visible(&tree, &HashSet::new());
        let rows = visible(&tree, &HashSet::from([branch]));
        let (_, hidden) = rows.iter().find(|(n, _)| n.id == branch).unwrap();
        assert_eq!(rows.len() + hidden, all.len());
        assert!(*hidden >= 1);
    }

    #[test]
    fn the_chart_and_its_words_follow_the_rows() {
        let tree = default_tree();
        let rows = visible(&tree, &HashSet::new());
        for l in [Lang::Ja, Lang::En] {
            let chart = tree_chart(&rows, l);
            assert_eq!(chart.nodes.len(), rows.len());
            for ((n, _), view) in rows.iter().zip(&chart.nodes) {
                assert_eq!(view.title, node_label(l, &n.label));
                assert_eq!(view.detail, node_detail(n, l));
                assert_eq!(view.depth, n.depth);
                assert_eq!(view.highlight, n.bottleneck);
            }
            let text = tree_text(&rows, l);
            assert!(
                text.starts_with(&format!("{}: ", words(l).kpi_tree)),
                "{text}"
            );
            assert_eq!(text.matches("; ").count(), rows.len() - 1);
        }
        // The KGI is the default target, 1億円; under it the plan's won deals (1億 ÷ 500万).
        let en = tree_text(&rows, Lang::En);
        assert!(
            en.starts_with("KPI tree:  Revenue (Plan ¥100,000,000);"),
            "{en}"
        );
        assert!(en.contains("Won deals (Plan 20);"), "{en}");
        let ja = tree_text(&rows, Lang::Ja);
        assert!(ja.contains("1億円"), "{ja}");
    }
}
