//! The channel mix: where the plan's leads come from, what they cost, and what each channel
//! contributes down to won deals. Channels differ in quality, so each may carry its own
//! lead → MQL rate; everything below MQL follows the funnel.

use serde::{Deserialize, Serialize};

use super::ceil_whole;
use super::error::{check_amount, PlanInputError};
use super::largest_remainder;
use super::ratio;
use crate::funnel::Funnel;
use crate::stage::{own_name, StageKind};
use crate::values::{Rate, MAX_AMOUNT, PPM};

/// The standard channels of a B2B plan; `Custom` is any channel a user adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Search and display advertising.
    WebAds,
    /// Organic search and content downloads.
    SeoContent,
    /// Own or co-hosted webinars.
    Webinar,
    /// Exhibitions and trade shows.
    TradeShow,
    /// Email and marketing automation to the house list.
    EmailMa,
    /// Account-based marketing and outbound prospecting.
    AbmOutbound,
    /// Introductions from customers and partners.
    Referral,
    /// A channel the user adds.
    Custom,
}

/// What names a channel: its kind, and the user's own name (trimmed, never blank) when it has
/// one. The page words it; a result that mentions a channel carries this, never a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelName {
    pub kind: ChannelKind,
    pub own: Option<String>,
}

impl ChannelName {
    /// The name of a channel of `kind` whose name field holds `name` (blank is no name).
    pub fn new(kind: ChannelKind, name: Option<&str>) -> ChannelName {
        ChannelName {
            kind,
            own: own_name(name).map(str::to_string),
        }
    }
}

/// How many leads a channel brings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Volume {
    /// Percent (0–100) of the leads the fixed-count channels leave to find.
    SharePercent(f64),
    /// A fixed number of leads (e.g. the cards one trade show yields), taken off the pool first.
    Fixed(u64),
}

/// What a channel costs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Spend {
    /// Money per lead, ≥ 0 (0 for a free channel); the budget follows from the leads.
    CostPerLead(f64),
    /// Money for the period, > 0; the cost per lead follows from the leads.
    Budget(f64),
}

/// One row of the channel table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// What kind of channel (names the row when `name` is empty).
    pub kind: ChannelKind,
    /// A user's own name; `None` shows the kind's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many leads it brings.
    pub volume: Volume,
    /// Visits (or clicks, booth visitors, emails opened) that become a lead.
    pub visit_cvr: Rate,
    /// What it costs.
    pub spend: Spend,
    /// This channel's own lead → MQL rate; `None` uses the funnel's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_to_mql: Option<Rate>,
}

impl Channel {
    /// What names this row on the page.
    pub fn channel_name(&self) -> ChannelName {
        ChannelName::new(self.kind, self.name.as_deref())
    }
}

fn pct(percent: u32) -> Rate {
    Rate::from_ppm(percent * 10_000).unwrap_or(Rate::from_ppm(1).unwrap())
}

fn permille(tenths_of_percent: u32) -> Rate {
    Rate::from_ppm(tenths_of_percent * 1_000).unwrap_or(Rate::from_ppm(1).unwrap())
}

/// The seven default channels, with our own round starting figures (edit them to your data):
///
/// | channel | share | visit → lead | cost per lead | own lead → MQL |
/// |---|---|---|---|---|
/// | Web ads | 30 % | 2 % (the search-ad CVR of seed 004) | ¥15,000 | funnel's |
/// | SEO / content | 20 % | 1.5 % (inside the 1–5 % download CVR of seed 003) | ¥5,000 | funnel's |
/// | Webinars | 15 % | 10 % of invitees register | ¥8,000 | funnel's |
/// | Trade shows | 15 % | 20 % of booth visitors leave a card | ¥20,000 | 5 % (many cards are not buyers) |
/// | Email / MA | 10 % | 3 % of recipients | ¥2,000 | funnel's |
/// | ABM / outbound | 5 % | 5 % of accounts touched | ¥30,000 | 25 % (targeted accounts) |
/// | Referrals | 5 % | 20 % of introductions | ¥10,000 | 30 % (introduced with a need) |
pub fn default_channels() -> Vec<Channel> {
    let row = |kind, share, cvr: Rate, cpl, mql: Option<Rate>| Channel {
        kind,
        name: None,
        volume: Volume::SharePercent(share),
        visit_cvr: cvr,
        spend: Spend::CostPerLead(cpl),
        lead_to_mql: mql,
    };
    use ChannelKind::*;
    vec![
        row(WebAds, 30.0, pct(2), 15_000.0, None),
        row(SeoContent, 20.0, permille(15), 5_000.0, None),
        row(Webinar, 15.0, pct(10), 8_000.0, None),
        row(TradeShow, 15.0, pct(20), 20_000.0, Some(pct(5))),
        row(EmailMa, 10.0, pct(3), 2_000.0, None),
        row(AbmOutbound, 5.0, pct(5), 30_000.0, Some(pct(25))),
        row(Referral, 5.0, pct(20), 10_000.0, Some(pct(30))),
    ]
}

/// What one channel contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChannelResult {
    /// Leads from this channel (whole; shares split the pool by largest remainder).
    pub leads: u64,
    /// Visits needed, exact (`leads ÷ CVR`).
    pub visits_exact: f64,
    /// Visits needed, rounded up exactly.
    pub visits: u64,
    /// Money spent for the period.
    pub budget: f64,
    /// Cost per lead; `None` with no leads.
    pub cpl: Option<f64>,
    /// MQL contributed, exact.
    pub mql: f64,
    /// MQL contributed, rounded up (as every count on the page).
    pub mql_shown: u64,
    /// Won deals contributed, exact.
    pub won: f64,
    /// Won deals contributed, rounded up.
    pub won_shown: u64,
    /// Cost per won deal (budget ÷ the exact deals); `None` when the channel wins nothing.
    pub cpa: Option<f64>,
}

/// The whole mix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Blended {
    /// Leads in total.
    pub leads: u64,
    /// Visits needed in total (each channel rounded up exactly).
    pub visits: u64,
    /// Money spent for the period.
    pub budget: f64,
    /// Blended cost per lead; `None` with no leads.
    pub cpl: Option<f64>,
    /// MQL contributed, exact.
    pub mql: f64,
    /// MQL in total, the exact total rounded up.
    pub mql_shown: u64,
    /// Won deals contributed, exact: the customers unit economics count.
    pub won: f64,
    /// Won deals in total, the exact total rounded up.
    pub won_shown: u64,
    /// Blended cost per won deal; `None` when nothing is won.
    pub cpa: Option<f64>,
}

/// Per channel and blended results, beside what the funnel needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelMix {
    /// One result per channel, in table order.
    pub channels: Vec<ChannelResult>,
    /// All channels together.
    pub blended: Blended,
    /// Leads the reverse funnel needs (the pool the mix fills).
    pub leads_needed: u64,
    /// Won deals the target needs, exact.
    pub won_needed: f64,
    /// The fixed-count channels' leads added up, when they exceed the leads needed (the share
    /// channels then get none): worth a message, since it is usually a typo.
    pub fixed_above_need: Option<u64>,
}

impl ChannelMix {
    /// Won deals short of the target (channel quality below the funnel's, or fixed counts
    /// below the need); `None` when the mix reaches it.
    pub fn won_shortfall(&self) -> Option<f64> {
        let gap = self.won_needed - self.blended.won;
        (gap > 1e-9 * self.won_needed.max(1.0)).then_some(gap)
    }
}

/// Checks the table: at least one channel, shares 0–100 adding up to 100 when any channel uses a
/// share, amounts finite and within range, no budget of 0.
pub fn validate(channels: &[Channel]) -> Result<(), PlanInputError> {
    if channels.is_empty() {
        return Err(PlanInputError::NoChannels);
    }
    let mut share_total = 0.0;
    let mut any_share = false;
    for (i, c) in channels.iter().enumerate() {
        match c.volume {
            Volume::SharePercent(s) => {
                if !s.is_finite() || !(0.0..=100.0).contains(&s) {
                    return Err(PlanInputError::ShareInvalid { index: i });
                }
                share_total += s;
                any_share = true;
            }
            Volume::Fixed(n) if n > MAX_AMOUNT => {
                return Err(PlanInputError::AmountInvalid {
                    field: "a fixed lead count",
                })
            }
            Volume::Fixed(_) => {}
        }
        match c.spend {
            Spend::CostPerLead(cpl) => {
                check_amount(cpl, "a cost per lead")?;
            }
            Spend::Budget(b) => {
                check_amount(b, "a budget")?;
                if b == 0.0 {
                    return Err(PlanInputError::ZeroBudget { channel: i });
                }
            }
        }
    }
    if any_share && (share_total - 100.0).abs() > 0.01 + 1e-9 {
        return Err(PlanInputError::SharesNotHundred { total: share_total });
    }
    Ok(())
}

/// `⌈leads ÷ rate⌉` exactly, in ppm: the smallest v with v · ppm ≥ leads · 10⁶.
fn visits_needed(leads: u64, rate: Rate) -> u64 {
    let num = u128::from(leads) * u128::from(PPM);
    let den = u128::from(rate.ppm());
    num.div_ceil(den).min(u128::from(u64::MAX)) as u64
}

/// Fills the funnel's lead requirement from `channels` and follows each channel down to won.
///
/// Fixed counts are taken first; the shares split what is left (nothing, if the fixed counts
/// already cover the need). Leads are whole already and split by largest remainder, so the
/// channels add up to exactly the leads the funnel needs (the KPI tree's channel nodes sum to
/// its lead node); MQL and deals are expectations, each rounded up per channel for display,
/// with every cost per deal on the exact expectation. MQL = leads × (the channel's own lead → MQL rate, or the funnel's);
/// won = MQL × the funnel's share of MQL that ends won.
pub fn plan_channels(funnel: &Funnel, channels: &[Channel]) -> Result<ChannelMix, PlanInputError> {
    validate(channels)?;
    let reverse = funnel.reverse()?;
    let lead = funnel
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Leads)
        .ok_or(PlanInputError::NoLeadStage)?;
    if lead >= funnel.won_index() {
        return Err(PlanInputError::NoStageAfterLeads);
    }
    let leads_needed = reverse.stages[lead].required;
    let won_needed = reverse.stages[funnel.won_index()].exact;
    let funnel_mql = funnel.stages[lead].rate_to_next;
    let mql_to_won = funnel.cumulative_to_won(lead + 1);

    let fixed: u64 = channels
        .iter()
        .map(|c| match c.volume {
            Volume::Fixed(n) => n,
            Volume::SharePercent(_) => 0,
        })
        .fold(0u64, u64::saturating_add);
    let pool = leads_needed.saturating_sub(fixed);
    let shares: Vec<f64> = channels
        .iter()
        .map(|c| match c.volume {
            Volume::SharePercent(s) => s,
            Volume::Fixed(_) => 0.0,
        })
        .collect();
    let split = if shares.iter().any(|s| *s > 0.0) {
        largest_remainder(pool, &shares)
    } else {
        vec![0; channels.len()]
    };

    let results: Vec<ChannelResult> = channels
        .iter()
        .zip(split)
        .map(|(c, from_pool)| {
            let leads = match c.volume {
                Volume::Fixed(n) => n,
                Volume::SharePercent(_) => from_pool,
            };
            let budget = match c.spend {
                Spend::CostPerLead(cpl) => leads as f64 * cpl,
                Spend::Budget(b) => b,
            };
            let mql = leads as f64 * c.lead_to_mql.unwrap_or(funnel_mql).fraction();
            let won = mql * mql_to_won;
            let (mql_shown, won_shown) = (ceil_whole(mql), ceil_whole(won));
            ChannelResult {
                leads,
                visits_exact: leads as f64 / c.visit_cvr.fraction(),
                visits: visits_needed(leads, c.visit_cvr),
                budget,
                cpl: match c.spend {
                    Spend::CostPerLead(cpl) => Some(cpl),
                    Spend::Budget(b) => ratio(b, leads as f64),
                },
                mql,
                mql_shown,
                won,
                won_shown,
                cpa: ratio(budget, won),
            }
        })
        .collect();

    let leads: u64 = results.iter().map(|r| r.leads).fold(0, u64::saturating_add);
    let budget: f64 = results.iter().map(|r| r.budget).sum();
    let won: f64 = results.iter().map(|r| r.won).sum();
    let blended = Blended {
        leads,
        visits: results
            .iter()
            .map(|r| r.visits)
            .fold(0, u64::saturating_add),
        budget,
        cpl: ratio(budget, leads as f64),
        mql: results.iter().map(|r| r.mql).sum(),
        mql_shown: ceil_whole(results.iter().map(|r| r.mql).sum()),
        won,
        won_shown: ceil_whole(won),
        cpa: ratio(budget, won),
    };
    Ok(ChannelMix {
        channels: results,
        blended,
        leads_needed,
        won_needed,
        fixed_above_need: (fixed > leads_needed).then_some(fixed),
    })
}
