//! The funnel as the risk model sees it: the rate beliefs stage by stage, the channels' shares
//! and own lead → MQL rates, the won deals needed, and the counts to judge.

use crate::funnel::{Funnel, ReversePlan};
use crate::stage::StageKind;

use super::belief::Belief;
use super::won_model::{mean_rate, reach, Class};

/// One channel's share of the entries and its own lead → MQL rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChannelShare {
    /// Relative weight (the channel's leads in the mix).
    pub weight: f64,
    /// The channel's own lead → MQL rate; `None` follows the funnel.
    pub own_lead_to_mql: Option<f64>,
}

/// A deal size that varies: its 10th and 90th percentiles, in money units (0 < p10 < p90).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DealSpread {
    pub p10: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskSetup {
    /// The rates as typed (fractions), stage 0 to the stage before won.
    pub point: Vec<f64>,
    /// What is believed about each of those rates.
    pub beliefs: Vec<Belief>,
    /// Stage kinds, top first (for benchmark ranges).
    pub kinds: Vec<StageKind>,
    /// Channels, when they differ in quality; empty otherwise.
    pub channels: Vec<ChannelShare>,
    /// Index of the leads stage, if the funnel has one.
    pub lead_stage: Option<usize>,
    /// Won deals the target needs (target ÷ deal size, rounded up).
    pub need: u64,
    /// Target and deal size in hundredths, for exact "won needed" at other deal sizes.
    pub target_hundredths: u64,
    pub deal_hundredths: u64,
    /// The top-stage count of the plan, as the Funnel view rounds it.
    pub top: u64,
    /// Forward mode's entry: stage index and count.
    pub entry: Option<(usize, u64)>,
    /// Blended cost per lead, where channels give one.
    pub cpl: Option<f64>,
    pub spread: Option<DealSpread>,
    /// The confidence the user asks about, in (0, 1).
    pub level: f64,
    pub seed: u64,
}

impl RiskSetup {
    /// Fixed rates, no channels, 95 % asked, seed 1: extend with the builder fields.
    pub fn new(funnel: &Funnel, plan: &ReversePlan) -> RiskSetup {
        let won = funnel.won_index();
        let point: Vec<f64> = funnel.stages[..won]
            .iter()
            .map(|s| s.rate_to_next.fraction())
            .collect();
        RiskSetup {
            beliefs: point.iter().map(|p| Belief::Fixed(*p)).collect(),
            point,
            kinds: funnel.stages.iter().map(|s| s.kind).collect(),
            channels: Vec::new(),
            lead_stage: funnel
                .stages
                .iter()
                .position(|s| s.kind == StageKind::Leads)
                .filter(|l| *l < won),
            need: plan.won(),
            target_hundredths: funnel.target.hundredths(),
            deal_hundredths: funnel.deal_size.hundredths(),
            top: plan.stages.first().map_or(0, |s| s.required),
            entry: None,
            cpl: None,
            spread: None,
            level: 0.95,
            seed: 1,
        }
    }

    pub fn deal(&self) -> f64 {
        self.deal_hundredths as f64 / 100.0
    }

    /// Won deals needed at another deal size (hundredths), exactly.
    pub fn need_at(&self, deal_hundredths: u64) -> u64 {
        let d = u128::from(deal_hundredths.max(1));
        (u128::from(self.target_hundredths).div_ceil(d)).min(u128::from(u64::MAX)) as u64
    }

    /// True when some rate has a spread, so the figures need sampling.
    pub fn uncertain(&self) -> bool {
        self.beliefs.iter().any(|b| !b.is_certain())
    }

    /// The classes of entries at stage `from` for the rates `rates` (one per stage rate).
    pub fn classes(&self, rates: &[f64], from: usize) -> Vec<Class> {
        let below: f64 = rates[from.min(rates.len())..].iter().product();
        match self.lead_stage {
            Some(lead) if from <= lead && !self.channels.is_empty() => {
                let funnel_rate = rates[lead];
                let others = rates[from..]
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| from + i != lead)
                    .map(|(_, r)| r)
                    .product::<f64>();
                self.channels
                    .iter()
                    .map(|c| Class {
                        weight: c.weight,
                        p: (others * c.own_lead_to_mql.unwrap_or(funnel_rate)).min(1.0),
                    })
                    .collect()
            }
            _ => vec![Class {
                weight: 1.0,
                p: below.min(1.0),
            }],
        }
    }

    /// The leads stage where channels replace its rate with their own, for entries at `from`.
    pub fn channel_lead(&self, from: usize) -> Option<usize> {
        self.lead_stage
            .filter(|lead| from <= *lead && !self.channels.is_empty())
    }

    /// The classes at stage `from` given `a`, the product of every rate but the channel-owned
    /// lead → MQL rate, and `l`, the funnel's lead → MQL rate (unused without channels).
    pub fn classes_at(&self, from: usize, a: f64, l: f64) -> Vec<Class> {
        match self.channel_lead(from) {
            Some(_) => self
                .channels
                .iter()
                .map(|c| Class {
                    weight: c.weight,
                    p: (a * c.own_lead_to_mql.unwrap_or(l)).min(1.0),
                })
                .collect(),
            None => vec![Class {
                weight: 1.0,
                p: a.min(1.0),
            }],
        }
    }

    /// P(reach) at the rates as typed for the plan's top count: exact and cheap (one
    /// distribution), for the Funnel view's headline.
    pub fn exact_reach(&self) -> f64 {
        reach(&self.classes(&self.point, 0), self.top, self.need)
    }

    /// Expected revenue from `top` entries at `rates` and deal size `deal`.
    pub fn expected_revenue(&self, rates: &[f64], top: u64, deal: f64) -> f64 {
        top as f64 * mean_rate(&self.classes(rates, 0)) * deal
    }

    /// Leads that `top` entries bring at the rates as typed (the budget base).
    pub fn leads_from_top(&self, top: f64) -> Option<f64> {
        let lead = self.lead_stage?;
        Some(top * self.point[..lead].iter().product::<f64>())
    }

    /// The budget for `top` entries at the blended cost per lead.
    pub fn budget_for(&self, top: f64) -> Option<f64> {
        Some(self.leads_from_top(top)? * self.cpl?)
    }
}
