//! Which figure costs the most revenue: every figure of the tree that has both a plan and an
//! actual and that revenue depends on — each stage's count (visits, leads, … won), each rate,
//! the deal size, each channel's leads — scored by the revenue the plan would make with that
//! one figure at its actual and everything else at plan.
//!
//! Revenue is linear in each of them: with stage `i`'s count at its actual, what follows runs at
//! plan rates, so revenue is the target × actual ÷ the exact requirement; a rate or the deal size
//! likewise scales revenue by actual ÷ plan. A channel's leads change the leads by the
//! channel's shortfall, each of which would have won that channel's deals per lead (its own
//! lead → MQL rate), so revenue falls by shortfall × deals per lead × deal size. The revenue
//! node itself is the outcome, not a cause, and a node the user added has no known link to
//! revenue, so neither competes.

use crate::funnel::{Funnel, ReversePlan};
use crate::plan::ratio;

/// What kind of figure fell short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shortfall {
    /// A stage's count.
    Count,
    /// The rate out of a stage.
    Rate,
    /// The average deal size.
    DealSize,
    /// One channel's leads.
    ChannelLeads,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bottleneck {
    /// The stage whose count or rate this is, by position; for `ChannelLeads` the channel's
    /// position in the channel table; 0 for the deal size.
    pub stage: usize,
    pub what: Shortfall,
    /// The plan figure: a rate as a fraction, a count's exact requirement, a channel's leads,
    /// or the deal size.
    pub plan: f64,
    pub actual: f64,
    /// Revenue with this one figure at its actual, everything else at plan.
    pub revenue: f64,
    /// Target − `revenue`, or 0 when the actual is at or above plan.
    pub loss: f64,
}

/// A channel's figures for the ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChannelActual {
    /// Planned leads.
    pub plan_leads: f64,
    /// Deals the planned leads win (the channel's own lead → MQL rate, then the funnel's).
    pub plan_won: f64,
    pub actual_leads: Option<f64>,
}

/// The actuals the ranking reads, by stage position (missing entries have no actual).
#[derive(Debug, Clone, Copy, Default)]
pub struct Actuals<'a> {
    /// The actual rate out of stage `i`, as a fraction.
    pub rates: &'a [Option<f64>],
    /// The actual count of stage `i`.
    pub counts: &'a [Option<f64>],
    pub deal_size: Option<f64>,
    pub channels: &'a [ChannelActual],
}

/// Every figure that has an actual, the largest revenue loss first (ties in the order counts,
/// rates, deal size, channels, then by position).
pub fn rank_bottlenecks(
    funnel: &Funnel,
    plan: &ReversePlan,
    actuals: &Actuals<'_>,
) -> Vec<Bottleneck> {
    let target = funnel.target.units();
    let deal = funnel.deal_size.units();
    let scaled = |stage, what, plan_value: f64, actual: f64| {
        let revenue = ratio(actual, plan_value).map(|r| target * r)?;
        revenue.is_finite().then_some(Bottleneck {
            stage,
            what,
            plan: plan_value,
            actual,
            revenue,
            loss: (target - revenue).max(0.0),
        })
    };
    let mut out: Vec<Bottleneck> = Vec::new();
    for (i, s) in plan.stages.iter().enumerate() {
        if let Some(Some(actual)) = actuals.counts.get(i) {
            out.extend(scaled(i, Shortfall::Count, s.exact, *actual));
        }
    }
    for (i, stage) in funnel.stages.iter().enumerate().take(funnel.won_index()) {
        if let Some(Some(actual)) = actuals.rates.get(i) {
            out.extend(scaled(
                i,
                Shortfall::Rate,
                stage.rate_to_next.fraction(),
                *actual,
            ));
        }
    }
    if let Some(actual) = actuals.deal_size {
        out.extend(scaled(0, Shortfall::DealSize, deal, actual));
    }
    for (c, ch) in actuals.channels.iter().enumerate() {
        let Some(actual) = ch.actual_leads else {
            continue;
        };
        let per_lead = ratio(ch.plan_won, ch.plan_leads).unwrap_or(0.0);
        let revenue = target - (ch.plan_leads - actual) * per_lead * deal;
        if revenue.is_finite() && actual.is_finite() {
            out.push(Bottleneck {
                stage: c,
                what: Shortfall::ChannelLeads,
                plan: ch.plan_leads,
                actual,
                revenue,
                loss: (target - revenue).max(0.0),
            });
        }
    }
    out.sort_by(|a, b| {
        b.loss
            .total_cmp(&a.loss)
            .then(a.what.cmp(&b.what))
            .then(a.stage.cmp(&b.stage))
    });
    out
}

/// The figure costing the most, if any costs anything.
pub fn worst(ranking: &[Bottleneck]) -> Option<&Bottleneck> {
    ranking.first().filter(|b| b.loss > 0.0)
}
