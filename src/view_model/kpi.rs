//! The KPI tree view's outline rows and its chart: which nodes show under the collapsed ones,
//! the tree as data for `funnel-charts`, and the tree in words.

use std::collections::HashSet;

use funnel_charts::{NodeKind as ChartKind, NodeStatus, TreeChartData, TreeNodeView};
use funnel_model::draft::Draft;
use funnel_model::format::{format_count, format_money, format_percent};
use funnel_model::kpi::{EvaluatedNode, KpiTree, NodeId, NodeKind, Shortfall, Status};
use funnel_model::Lang;

use crate::i18n::kpi::{bottleneck_headline, channel_leads, node_detail, words};
use crate::i18n::kpi_tree::node_label;
use crate::i18n::names::{Named, NamedStages};
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

/// One figure with an actual: what it is, its plan and actual, the revenue if only it were at
/// its actual, and what that costs against the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct BottleneckRow {
    pub name: String,
    pub plan: String,
    pub actual: String,
    pub revenue: String,
    pub loss: String,
    /// Whether the actual costs revenue (the headline names the first such row).
    pub short: bool,
}

/// The bottleneck ranking as the table shows it, largest loss first.
pub fn bottleneck_rows(l: Lang, d: &Draft, tree: &KpiTree) -> Vec<BottleneckRow> {
    tree.bottlenecks
        .iter()
        .map(|b| {
            let name = match b.what {
                Shortfall::Rate => d.rate_label(b.stage, l).unwrap_or_default(),
                Shortfall::Count => d.display_name(b.stage, l),
                Shortfall::DealSize => words(l).average_deal_size.to_string(),
                Shortfall::ChannelLeads => {
                    let channel = d
                        .plan
                        .channels
                        .get(b.stage)
                        .map(|c| c.display_name(l))
                        .unwrap_or_default();
                    channel_leads(l, &channel)
                }
            };
            let (plan, actual) = match b.what {
                Shortfall::Rate => (format_percent(b.plan), format_percent(b.actual)),
                Shortfall::DealSize => (format_money(b.plan, l), format_money(b.actual, l)),
                Shortfall::Count | Shortfall::ChannelLeads => (
                    format_count(b.plan.ceil() as u64),
                    format_count(b.actual.round().max(0.0) as u64),
                ),
            };
            BottleneckRow {
                name,
                plan,
                actual,
                revenue: format_money(b.revenue, l),
                loss: format_money(b.loss, l),
                short: b.loss > 0.0,
            }
        })
        .collect()
}

/// The sentence naming the bottleneck, when an actual falls short.
pub fn bottleneck_sentence(l: Lang, rows: &[BottleneckRow]) -> Option<String> {
    rows.iter()
        .find(|r| r.short)
        .map(|r| bottleneck_headline(l, &r.name, &r.plan, &r.actual, &r.loss))
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::draft::Draft;
    use funnel_model::kpi::{channel_inputs, evaluate, Basis, Binding, KpiEdit, ROOT_ID};

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

    #[test]
    fn a_rate_below_plan_is_named_with_what_it_costs() {
        let mut d = Draft::default();
        let channels = channel_inputs(&d);
        let node = evaluate(&d.kpi, &Basis::new(&d, &channels))
            .bound(Binding::StageRate(2))
            .unwrap()
            .id;
        let edit = KpiEdit::SetActual {
            node,
            month: None,
            text: "24%".into(),
        };
        let mut kpi = d.kpi.clone();
        assert_eq!(kpi.apply(&Basis::new(&d, &channels), edit), Some(node));
        d.kpi = kpi;
        let tree = evaluate(&d.kpi, &Basis::new(&d, &channels));
        // MQL → SQL at 24 % instead of 30 %, all else at plan: revenue 1億 × 24/30 = 8,000万,
        // so the shortfall costs 2,000万.
        let rows = bottleneck_rows(Lang::Ja, &d, &tree);
        assert_eq!(
            rows,
            [BottleneckRow {
                name: d.rate_label(2, Lang::Ja).unwrap(),
                plan: "30%".into(),
                actual: "24%".into(),
                revenue: "8,000万円".into(),
                loss: "2,000万円".into(),
                short: true,
            }]
        );
        assert_eq!(
            bottleneck_sentence(Lang::Ja, &rows),
            Some(bottleneck_headline(
                Lang::Ja,
                &rows[0].name,
                "30%",
                "24%",
                "2,000万円"
            ))
        );
        let en = bottleneck_rows(Lang::En, &d, &tree);
        assert_eq!(
            (en[0].revenue.as_str(), en[0].loss.as_str()),
            ("¥80,000,000", "¥20,000,000")
        );
        assert_eq!(bottleneck_sentence(Lang::Ja, &[]), None);
    }
}
