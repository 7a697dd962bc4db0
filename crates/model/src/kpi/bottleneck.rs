//! Which stage costs the most revenue: for each rate with an actual, the revenue the plan would
//! make with that one rate at its actual and every other figure at plan; and the same for the
//! count entering the top of the funnel. Revenue is linear in each of them, so the revenue with
//! one figure at its actual is the target × actual ÷ plan, and the loss is what that falls short
//! of the target.

use crate::funnel::{Funnel, ReversePlan};
use crate::plan::ratio;

/// What fell short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shortfall {
    /// The count entering the top stage.
    TopCount,
    /// The rate out of the stage.
    Rate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bottleneck {
    /// The stage whose rate (or, for `TopCount`, whose count) this is, by position.
    pub stage: usize,
    pub what: Shortfall,
    /// The plan figure: a rate as a fraction, or the top stage's exact requirement.
    pub plan: f64,
    pub actual: f64,
    /// Revenue with this one figure at its actual, everything else at plan.
    pub revenue: f64,
    /// Target − `revenue`, or 0 when the actual is at or above plan.
    pub loss: f64,
}

/// Every figure that has an actual, the largest revenue loss first (ties in stage order).
/// `actual_rates[i]` is the actual rate out of stage `i` as a fraction; missing entries and the
/// won stage are skipped.
pub fn rank_bottlenecks(
    funnel: &Funnel,
    plan: &ReversePlan,
    actual_rates: &[Option<f64>],
    actual_top: Option<f64>,
) -> Vec<Bottleneck> {
    let target = funnel.target.units();
    let at = |stage, what, plan_value: f64, actual: f64| {
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
    if let (Some(actual), Some(top)) = (actual_top, plan.stages.first()) {
        out.extend(at(0, Shortfall::TopCount, top.exact, actual));
    }
    for (i, stage) in funnel.stages.iter().enumerate().take(funnel.won_index()) {
        if let Some(Some(actual)) = actual_rates.get(i) {
            out.extend(at(
                i,
                Shortfall::Rate,
                stage.rate_to_next.fraction(),
                *actual,
            ));
        }
    }
    out.sort_by(|a, b| {
        b.loss
            .total_cmp(&a.loss)
            .then(a.stage.cmp(&b.stage))
            .then(a.what.cmp(&b.what))
    });
    out
}

/// The figure costing the most, if any costs anything.
pub fn worst(ranking: &[Bottleneck]) -> Option<&Bottleneck> {
    ranking.first().filter(|b| b.loss > 0.0)
}
