//! Which input moves revenue most (the tornado), and which single improvement is worth most.
//!
//! Each input swings over its own plausible range — the user's range, else its survey benchmark,
//! else ±20 % of its value. A ± percentage of every rate would give every stage the same swing
//! (revenue is a product of the rates), so only real ranges tell the stages apart.

use crate::plan::benchmarks::{AppliesTo, BENCHMARKS};

use super::setup::RiskSetup;
use super::won_model::reach;

/// What a tornado bar varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The rate out of stage `index`.
    Rate(usize),
    DealSize,
}

/// Where a bar's range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeSource {
    User,
    Benchmark,
    PlusMinus20,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    pub input: Input,
    pub source: RangeSource,
    /// The input at each end (a fraction for rates, money for the deal size).
    pub low: f64,
    pub high: f64,
    /// Expected revenue with the input at each end, everything else as typed.
    pub revenue_low: f64,
    pub revenue_high: f64,
    /// P(reach) at each end.
    pub reach_low: f64,
    pub reach_high: f64,
}

impl Swing {
    pub fn width(&self) -> f64 {
        (self.revenue_high - self.revenue_low).abs()
    }
}

/// The benchmark range of the rate out of stage `i`, where one names exactly that step.
fn benchmark_range(setup: &RiskSetup, i: usize) -> Option<(f64, f64)> {
    let (from, to) = (*setup.kinds.get(i)?, *setup.kinds.get(i + 1)?);
    BENCHMARKS.iter().find_map(|b| match b.applies {
        AppliesTo::Span {
            from: f,
            to: t,
            channel: None,
        } if f == from && t == to => Some((b.low, b.high)),
        _ => None,
    })
}

/// The tornado: one bar per rate and the deal size, widest swing first.
pub fn tornado(setup: &RiskSetup) -> Vec<Swing> {
    let deal = setup.deal();
    let mut bars: Vec<Swing> = (0..setup.point.len())
        .map(|i| {
            let rate = setup.point[i];
            let (source, (low, high)) = match setup.beliefs[i].plausible() {
                Some(range) => (RangeSource::User, range),
                None => match benchmark_range(setup, i) {
                    Some(range) => (RangeSource::Benchmark, range),
                    None => (
                        RangeSource::PlusMinus20,
                        (rate * 0.8, (rate * 1.2).min(1.0)),
                    ),
                },
            };
            let at = |r: f64| {
                let mut rates = setup.point.clone();
                rates[i] = r;
                (
                    setup.expected_revenue(&rates, setup.top, deal),
                    reach(&setup.classes(&rates, 0), setup.top, setup.need),
                )
            };
            let ((revenue_low, reach_low), (revenue_high, reach_high)) = (at(low), at(high));
            Swing {
                input: Input::Rate(i),
                source,
                low,
                high,
                revenue_low,
                revenue_high,
                reach_low,
                reach_high,
            }
        })
        .collect();
    let (source, (low, high)) = match setup.spread {
        Some(s) => (RangeSource::User, (s.p10, s.p90)),
        None => (RangeSource::PlusMinus20, (deal * 0.8, deal * 1.2)),
    };
    let classes = setup.classes(&setup.point, 0);
    let at = |d: f64| {
        let need = setup.need_at((d * 100.0).round().max(1.0) as u64);
        (
            setup.expected_revenue(&setup.point, setup.top, d),
            reach(&classes, setup.top, need),
        )
    };
    let ((revenue_low, reach_low), (revenue_high, reach_high)) = (at(low), at(high));
    bars.push(Swing {
        input: Input::DealSize,
        source,
        low,
        high,
        revenue_low,
        revenue_high,
        reach_low,
        reach_high,
    });
    bars.sort_by(|a, b| b.width().total_cmp(&a.width()));
    bars
}

/// What +1 point on one rate is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Improvement {
    /// The rate out of stage `stage`.
    pub stage: usize,
    /// Expected revenue gained.
    pub revenue: f64,
    /// The same gain as extra top-stage entries at today's rates (rounded up).
    pub extra_top: u64,
    /// Those entries as leads at the blended cost per lead, where channels give one.
    pub budget: Option<f64>,
}

/// Every rate's +1 point, most valuable first. A rate already at 100 % gains nothing.
pub fn improvements(setup: &RiskSetup) -> Vec<Improvement> {
    let deal = setup.deal();
    let base = setup.expected_revenue(&setup.point, setup.top, deal);
    let per_entry = if setup.top > 0 {
        base / setup.top as f64
    } else {
        0.0
    };
    let mut list: Vec<Improvement> = (0..setup.point.len())
        .map(|i| {
            let mut rates = setup.point.clone();
            rates[i] = (rates[i] + 0.01).min(1.0);
            let revenue = (setup.expected_revenue(&rates, setup.top, deal) - base).max(0.0);
            let extra = if per_entry > 0.0 {
                revenue / per_entry
            } else {
                0.0
            };
            // Rounded to the nearest hundredth first so a float hair above a whole number does
            // not add one.
            let extra_top = ((extra * 100.0).round() / 100.0).ceil() as u64;
            Improvement {
                stage: i,
                revenue,
                extra_top,
                budget: setup.budget_for(extra_top as f64),
            }
        })
        .collect();
    list.sort_by(|a, b| b.revenue.total_cmp(&a.revenue).then(a.stage.cmp(&b.stage)));
    list
}
