//! The funnel's figures as measured, gathered from the bound nodes' actuals, for the bottleneck
//! ranking and the warnings.

use crate::kpi::bottleneck::{
    rank_bottlenecks, worst, Actuals, Bottleneck, ChannelActual, Shortfall,
};
use crate::kpi::evaluated::ActualSource;
use crate::kpi::node::Binding;

use super::actuals::TypedCounts;
use super::state::{Inputs, NodeState};

/// Per stage position.
pub(super) struct StageActuals {
    /// The first actual of a node counting the stage.
    pub counts: Vec<Option<f64>>,
    /// The first actual of a node bound to the rate out of the stage, else the typed counts'.
    pub rates: Vec<Option<f64>>,
}

impl StageActuals {
    pub fn new(inputs: &Inputs, states: &[NodeState], typed: &TypedCounts) -> StageActuals {
        let stages = &inputs.draft.stages;
        StageActuals {
            counts: stages
                .iter()
                .map(|s| first_actual(inputs, states, Binding::StageCount(s.id), false))
                .collect(),
            rates: stages
                .iter()
                .enumerate()
                .map(|(at, s)| {
                    first_actual(inputs, states, Binding::StageRate(s.id), false)
                        .or_else(|| typed.rate_out_of(inputs, at))
                })
                .collect(),
        }
    }
}

/// The actual of the first node bound to `binding` that has one (only a typed one if `typed`).
fn first_actual(
    inputs: &Inputs,
    states: &[NodeState],
    binding: Binding,
    typed: bool,
) -> Option<f64> {
    inputs.nodes.iter().zip(states).find_map(|(n, s)| {
        let counts = !typed || s.actual_source == Some(ActualSource::Typed);
        (n.binding == binding && counts)
            .then_some(s.actual)
            .flatten()
    })
}

/// Figures with actuals, the largest revenue loss first, and the binding of the worst.
pub(super) fn bottlenecks(
    inputs: &Inputs,
    states: &[NodeState],
    stage_actuals: &StageActuals,
) -> (Vec<Bottleneck>, Option<Binding>) {
    let (Some(funnel), Some(plan)) = (&inputs.funnel, &inputs.plan) else {
        return (Vec::new(), None);
    };
    // Only figures measured compete: a count the tree computes from other actuals (MQL = leads
    // × rate) carries their shortfalls and would be counted twice.
    let typed = |binding: Binding| first_actual(inputs, states, binding, true);
    let stages = &inputs.draft.stages;
    let typed_counts: Vec<Option<f64>> = stages
        .iter()
        .map(|s| typed(Binding::StageCount(s.id)))
        .collect();
    let channels: Vec<ChannelActual> = inputs
        .channels
        .iter()
        .enumerate()
        .map(|(c, ch)| ChannelActual {
            plan_leads: ch.leads as f64,
            plan_won: ch.won,
            actual_leads: u16::try_from(c)
                .ok()
                .and_then(|c| typed(Binding::ChannelLeads(c))),
        })
        .collect();
    let ranked = rank_bottlenecks(
        funnel,
        plan,
        &Actuals {
            rates: &stage_actuals.rates,
            counts: &typed_counts,
            deal_size: typed(Binding::DealSize),
            channels: &channels,
        },
    );
    let binding = worst(&ranked).and_then(|b| {
        Some(match b.what {
            Shortfall::Count => Binding::StageCount(stages.get(b.stage)?.id),
            Shortfall::Rate => Binding::StageRate(stages.get(b.stage)?.id),
            Shortfall::DealSize => Binding::DealSize,
            Shortfall::ChannelLeads => Binding::ChannelLeads(u16::try_from(b.stage).ok()?),
        })
    });
    (ranked, binding)
}
