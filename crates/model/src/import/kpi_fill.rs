//! The KPI tree's actuals from a span of the file: each node bound to a stage count gets that
//! stage's count, the revenue node the won amount, the deal-size node the average won deal.
//! Only stages the file has data for are filled; other nodes keep what was typed.

use super::period::PeriodCounts;
use crate::format::group_thousands;
use crate::kpi::{Binding, KpiEdit, KpiNode};

/// The edits that fill the tree; `stage_ids` are the scenario's stage ids in order and
/// `first` the file's first stage.
pub fn kpi_actual_edits(
    nodes: &[KpiNode],
    stage_ids: &[u32],
    first: usize,
    counts: &PeriodCounts,
) -> Vec<KpiEdit> {
    let yen = |hundredths: u128| group_thousands(&((hundredths + 50) / 100).to_string());
    nodes
        .iter()
        .filter_map(|node| {
            let text = match node.binding {
                Binding::StageCount(id) => {
                    let at = stage_ids.iter().position(|&s| s == id)?;
                    if at < first {
                        return None;
                    }
                    group_thousands(&counts.stages.get(at)?.to_string())
                }
                Binding::Revenue if counts.won_with_amount > 0 => yen(counts.revenue),
                Binding::DealSize if counts.won_with_amount > 0 => {
                    yen(counts.revenue / u128::from(counts.won_with_amount))
                }
                _ => return None,
            };
            Some(KpiEdit::SetActual {
                node: node.id,
                month: None,
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::kpi::{Basis, KpiDraft};

    #[test]
    fn stage_revenue_and_deal_size_nodes_are_filled() {
        let draft = Draft::default();
        let basis = Basis::new(&draft, &[]);
        let nodes = KpiDraft::default().nodes(&basis);
        let ids: Vec<u32> = draft.stages.iter().map(|s| s.id).collect();
        // Opportunities (position 4) and won (5): 12 deals, 3 won for ¥4,500,000 in all.
        let counts = PeriodCounts {
            stages: vec![0, 0, 0, 0, 12, 3],
            won: 3,
            revenue: 450_000_000,
            won_with_amount: 3,
        };
        let edits = kpi_actual_edits(&nodes, &ids, 4, &counts);
        let text_of = |binding: Binding| {
            let node = nodes.iter().find(|n| n.binding == binding)?;
            edits.iter().find_map(|e| match e {
                KpiEdit::SetActual { node: n, text, .. } if *n == node.id => Some(text.clone()),
                _ => None,
            })
        };
        assert_eq!(text_of(Binding::StageCount(4)).as_deref(), Some("12"));
        assert_eq!(text_of(Binding::StageCount(5)).as_deref(), Some("3"));
        assert_eq!(text_of(Binding::Revenue).as_deref(), Some("4,500,000"));
        assert_eq!(text_of(Binding::DealSize).as_deref(), Some("1,500,000"));
        // Stages before the file's first are left alone.
        assert_eq!(text_of(Binding::StageCount(1)), None);
        let mut kpi = KpiDraft::default();
        for e in edits {
            kpi.apply(&basis, e);
        }
        assert_eq!(kpi.actuals().len(), 4);
    }
}
