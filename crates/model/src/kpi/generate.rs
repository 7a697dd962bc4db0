//! The default tree, generated from the funnel's stage chain:
//!
//! ```text
//! revenue (KGI) = won × deal size
//!   won = opportunities × win rate
//!     opportunities = SQL × SQL → opportunity rate
//!       …                                   down to the top stage
//!   deal size
//! ```
//!
//! With channels, the leads node is the sum of the channels' leads instead, and the stages above
//! leads (visits and the visit CVR) stay under it as context, outside the formula.
//!
//! Default owners and directions follow the stage a figure belongs to (a rate belongs to the
//! stage it leads out of): visits, leads, MQL and PQL are marketing's and upstream; SAL and SQL are
//! inside sales' and downstream; opportunities and won deals (and so the win rate) are field
//! sales' and downstream. So MQL → SQL is upstream (it measures the quality marketing hands
//! over), SQL → opportunity (商談化率) and the win rate are downstream. A custom stage takes the
//! role of the stage before it.

use crate::draft::Draft;
use crate::funnel::MAX_STAGES;
use crate::plan::channels::ChannelName;
use crate::stage::StageKind;

use super::node::{Binding, Department, Direction, Formula, KpiNode, NodeId, NodeKind, Unit};
use super::MAX_CHANNELS;

/// One channel's planned leads, as the channel plan computed them.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelInput {
    /// What names the channel (the page words it in the language of the moment).
    pub name: ChannelName,
    pub leads: u64,
    /// Deals those leads are planned to win (for the bottleneck ranking).
    pub won: f64,
}

/// The channels' planned leads the tree breaks the leads into (none while the channel table
/// makes no plan).
pub fn channel_inputs(draft: &Draft) -> Vec<ChannelInput> {
    let Ok(funnel) = draft.funnel() else {
        return Vec::new();
    };
    match draft.plan.money_plan(&funnel) {
        Ok(plan) => draft
            .plan
            .channels
            .iter()
            .zip(&plan.mix.channels)
            .map(|(c, r)| ChannelInput {
                name: c.channel_name(),
                leads: r.leads,
                won: r.won,
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// What the tree is built on: the funnel as typed (its stages' ids, kinds and names, and —
/// when it is valid — its numbers) and the channels' planned leads (empty for none).
#[derive(Debug, Clone, Copy)]
pub struct Basis<'a> {
    pub draft: &'a Draft,
    pub channels: &'a [ChannelInput],
}

impl<'a> Basis<'a> {
    pub fn new(draft: &'a Draft, channels: &'a [ChannelInput]) -> Basis<'a> {
        Basis { draft, channels }
    }

    pub(crate) fn channel_count(&self) -> usize {
        self.channels.len().min(MAX_CHANNELS)
    }
}

/// The root of every generated tree.
pub const ROOT_ID: NodeId = 1;
const DEAL_SIZE_ID: NodeId = 2;
const FIRST_CHANNEL_ID: NodeId = 10;
const FIRST_STAGE_ID: NodeId = 100;
/// Nodes a user adds get ids from here up, so they never take an id a generated node would get
/// after the funnel changes (actuals are keyed by node id).
pub const FIRST_USER_ID: NodeId = 1_000_000;

fn stage_count_id(stage: u32) -> Option<NodeId> {
    stage.checked_mul(2)?.checked_add(FIRST_STAGE_ID)
}

fn stage_rate_id(stage: u32) -> Option<NodeId> {
    stage_count_id(stage)?.checked_add(1)
}

/// Where a stage sits in the organisation.
fn stage_role(kinds: &[StageKind], index: usize) -> (Department, Direction) {
    use StageKind::*;
    match kinds.get(index) {
        Some(Visits | Leads | Mql | Pql) => (Department::Marketing, Direction::Upstream),
        Some(Sal | Sql) => (Department::InsideSales, Direction::Downstream),
        Some(Opportunities | Won) => (Department::FieldSales, Direction::Downstream),
        Some(Custom) if index > 0 => stage_role(kinds, index - 1),
        _ => (Department::Marketing, Direction::Upstream),
    }
}

struct Builder<'a> {
    ids: &'a [u32],
    kinds: Vec<StageKind>,
    channels: usize,
    leads_index: Option<usize>,
    out: Vec<KpiNode>,
    /// Ids that could not take their preferred value (absurd stage ids) get these.
    spare: NodeId,
}

impl Builder<'_> {
    fn id_or_spare(&mut self, preferred: Option<NodeId>) -> NodeId {
        match preferred {
            Some(id) if id < FIRST_USER_ID && self.out.iter().all(|n| n.id != id) => id,
            _ => loop {
                self.spare += 1;
                if self.out.iter().all(|n| n.id != self.spare) {
                    break self.spare;
                }
            },
        }
    }

    fn push(&mut self, node: KpiNode) -> NodeId {
        let id = node.id;
        self.out.push(node);
        id
    }

    /// Pushes stage `index`'s count and, beneath it, what explains it.
    fn stage(&mut self, index: usize, parent: NodeId, in_formula: bool) {
        let id = self.id_or_spare(stage_count_id(self.ids[index]));
        let (owner, direction) = stage_role(&self.kinds, index);
        let by_channel = self.leads_index == Some(index) && self.channels > 0;
        let mut node = KpiNode::new(id, Some(parent), NodeKind::Kpi);
        node.binding = Binding::StageCount(self.ids[index]);
        node.formula = if by_channel {
            Formula::Sum
        } else if index > 0 {
            Formula::Product
        } else {
            Formula::Entered
        };
        node.owner = Some(owner);
        node.direction = direction;
        node.in_formula = in_formula;
        self.push(node);
        if by_channel {
            for channel in 0..self.channels {
                let channel_id = self.id_or_spare(Some(FIRST_CHANNEL_ID + channel as NodeId));
                let mut c = KpiNode::new(channel_id, Some(id), NodeKind::Kpi);
                c.binding = Binding::ChannelLeads(channel as u16);
                c.owner = Some(Department::Marketing);
                self.push(c);
            }
        }
        if index > 0 {
            self.stage(index - 1, id, !by_channel);
            let rate_id = self.id_or_spare(stage_rate_id(self.ids[index - 1]));
            let (owner, direction) = stage_role(&self.kinds, index - 1);
            let mut rate = KpiNode::new(rate_id, Some(id), NodeKind::Kpi);
            rate.binding = Binding::StageRate(self.ids[index - 1]);
            rate.unit = Unit::Percent;
            rate.owner = Some(owner);
            rate.direction = direction;
            rate.in_formula = !by_channel;
            self.push(rate);
        }
    }
}

/// The default tree for `basis`, root first, each node before its children.
pub fn generate(basis: &Basis) -> Vec<KpiNode> {
    // A draft never holds more than MAX_STAGES stages; a tampered one keeps the tree within
    // its cap by keeping the stages nearest to won.
    let stages = &basis.draft.stages[basis.draft.stages.len().saturating_sub(MAX_STAGES)..];
    let ids: Vec<u32> = stages.iter().map(|s| s.id).collect();
    let kinds: Vec<StageKind> = stages.iter().map(|s| s.kind).collect();
    let leads_index = kinds.iter().position(|k| *k == StageKind::Leads);
    let mut root = KpiNode::new(ROOT_ID, None, NodeKind::Kgi);
    root.binding = Binding::Revenue;
    root.unit = Unit::Yen;
    root.direction = Direction::Downstream;
    let mut b = Builder {
        ids: &ids,
        kinds,
        channels: basis.channel_count(),
        leads_index,
        out: Vec::new(),
        spare: FIRST_USER_ID - 1_000,
    };
    if ids.is_empty() {
        b.push(root);
        return b.out;
    }
    root.formula = Formula::Product;
    b.push(root);
    b.stage(ids.len() - 1, ROOT_ID, true);
    let mut deal = KpiNode::new(DEAL_SIZE_ID, Some(ROOT_ID), NodeKind::Kpi);
    deal.binding = Binding::DealSize;
    deal.unit = Unit::Yen;
    deal.owner = Some(Department::FieldSales);
    deal.direction = Direction::Downstream;
    b.push(deal);
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_funnel_gives_a_chain_of_products() {
        let draft = Draft::default();
        let nodes = generate(&Basis::new(&draft, &[]));
        // revenue, deal size, 6 counts, 5 rates
        assert_eq!(nodes.len(), 13);
        assert_eq!(nodes[0].binding, Binding::Revenue);
        assert_eq!(nodes[1].binding, Binding::StageCount(5));
        assert_eq!(nodes[1].formula, Formula::Product);
        assert_eq!(nodes.last().unwrap().binding, Binding::DealSize);
        let ids: std::collections::HashSet<_> = nodes.iter().map(|n| n.id).collect();
        assert_eq!(ids.len(), nodes.len());
    }

    #[test]
    fn roles_follow_the_stage_a_figure_belongs_to() {
        use StageKind::*;
        let kinds = [Visits, Leads, Mql, Custom, Sql, Opportunities, Won];
        assert_eq!(stage_role(&kinds, 2).0, Department::Marketing);
        assert_eq!(stage_role(&kinds, 3), stage_role(&kinds, 2));
        assert_eq!(
            stage_role(&kinds, 4),
            (Department::InsideSales, Direction::Downstream)
        );
        assert_eq!(stage_role(&[Custom, Won], 0).1, Direction::Upstream);
    }
}
