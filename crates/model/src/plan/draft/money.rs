//! The money side of the plan: the channel table read into channels, the channel mix and its
//! unit economics.

use crate::funnel::Funnel;
use crate::plan::channels::{plan_channels, validate, Channel, ChannelMix, Spend, Volume};
use crate::plan::economics::{unit_economics, EconomicsInput, UnitEconomics};
use crate::plan::PlanInputError;
use crate::values::{Rate, MAX_AMOUNT};

use crate::field_errors::FieldProblem;

use super::fields::{PlanErrors, PlanField};
use super::inputs::{PlanDraft, SpendMode, VolumeMode};
use super::parse::{parse_amount, parse_share, parse_whole};

/// The channel mix and its unit economics (which may fail on their own fields).
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyPlan {
    pub mix: ChannelMix,
    pub economics: Result<UnitEconomics, PlanErrors>,
}

impl PlanDraft {
    /// The shares of the channels given by share, added up, when every one reads (`None` also
    /// when no channel uses a share).
    pub fn share_total(&self) -> Option<f64> {
        let shares: Vec<&String> = self
            .channels
            .iter()
            .filter(|c| c.volume_mode == VolumeMode::Share)
            .map(|c| &c.volume)
            .collect();
        if shares.is_empty() {
            return None;
        }
        shares.iter().map(|t| parse_share(t).ok()).sum()
    }

    /// The channel table read into channels, each field's problem against it.
    pub fn channels(&self) -> Result<Vec<Channel>, PlanErrors> {
        let mut errors = PlanErrors::default();
        let mut channels = Vec::new();
        for c in &self.channels {
            let volume = match c.volume_mode {
                VolumeMode::Share => errors
                    .read(PlanField::ChannelVolume(c.id), parse_share(&c.volume))
                    .map(Volume::SharePercent),
                VolumeMode::Fixed => errors
                    .read(
                        PlanField::ChannelVolume(c.id),
                        parse_whole(&c.volume, MAX_AMOUNT),
                    )
                    .map(Volume::Fixed),
            };
            let cvr = errors.read(PlanField::ChannelCvr(c.id), Rate::parse(&c.cvr));
            let spend = errors
                .read(PlanField::ChannelSpend(c.id), parse_amount(&c.spend))
                .and_then(|v| match c.spend_mode {
                    SpendMode::CostPerLead => Some(Spend::CostPerLead(v)),
                    SpendMode::Budget if v == 0.0 => {
                        errors.plan(
                            PlanField::ChannelSpend(c.id),
                            PlanInputError::ZeroBudget {
                                channel: channels.len(),
                            },
                        );
                        None
                    }
                    SpendMode::Budget => Some(Spend::Budget(v)),
                });
            let mql = if c.lead_to_mql.trim().is_empty() {
                Some(None)
            } else {
                errors
                    .read(PlanField::ChannelMql(c.id), Rate::parse(&c.lead_to_mql))
                    .map(Some)
            };
            if let (Some(volume), Some(visit_cvr), Some(spend), Some(lead_to_mql)) =
                (volume, cvr, spend, mql)
            {
                channels.push(Channel {
                    kind: c.kind,
                    name: c.name.clone(),
                    volume,
                    visit_cvr,
                    spend,
                    lead_to_mql,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Err(e) = validate(&channels) {
            let field = match e {
                PlanInputError::ZeroBudget { channel } => {
                    PlanField::ChannelSpend(self.channels[channel].id)
                }
                _ => PlanField::Channels,
            };
            errors.plan(field, e);
            return Err(errors);
        }
        Ok(channels)
    }

    /// The channel mix for `funnel` and its unit economics.
    pub fn money_plan(&self, funnel: &Funnel) -> Result<MoneyPlan, PlanErrors> {
        let channels = self.channels()?;
        let mix = plan_channels(funnel, &channels)
            .map_err(|e| PlanErrors::one(PlanField::Channels, FieldProblem::Plan(e)))?;
        let economics = self.economics(funnel, &mix);
        Ok(MoneyPlan { mix, economics })
    }

    fn economics(&self, funnel: &Funnel, mix: &ChannelMix) -> Result<UnitEconomics, PlanErrors> {
        let mut errors = PlanErrors::default();
        let sales = errors.read(PlanField::SalesCost, parse_amount(&self.sales_cost));
        let revenue = errors.read(
            PlanField::RevenuePerAccount,
            parse_amount(&self.revenue_per_account),
        );
        let margin = errors.read(PlanField::GrossMargin, Rate::parse(&self.gross_margin));
        let churn = errors.read(PlanField::MonthlyChurn, Rate::parse(&self.monthly_churn));
        let (Some(sales), Some(revenue), Some(margin), Some(churn)) =
            (sales, revenue, margin, churn)
        else {
            return Err(errors);
        };
        // The customers are the deals the channel plan delivers, the same count CPA divides
        // by, so CAC (marketing + sales) can never come out below marketing-only CPA.
        let won = mix.blended.won;
        unit_economics(&EconomicsInput {
            marketing_cost: mix.blended.budget,
            sales_cost: sales,
            new_customers: won,
            monthly_revenue_per_account: revenue,
            gross_margin: margin,
            monthly_churn: churn,
            attributed_revenue: won * funnel.deal_size.units(),
        })
        .map_err(|e| {
            let field = match e {
                PlanInputError::NoMarginPerAccount => PlanField::RevenuePerAccount,
                _ => PlanField::SalesCost,
            };
            PlanErrors::one(field, FieldProblem::Plan(e))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;

    fn funnel() -> (Funnel, Vec<u32>) {
        let d = Draft::default();
        (d.funnel().unwrap(), d.stages.iter().map(|s| s.id).collect())
    }

    #[test]
    fn a_budget_of_zero_is_refused_but_a_free_channel_is_not() {
        let (f, _) = funnel();
        let mut p = PlanDraft::default();
        p.channels[1].spend = "0".into();
        assert!(p.money_plan(&f).is_ok());
        p.channels[1].spend_mode = SpendMode::Budget;
        let e = p.money_plan(&f).unwrap_err();
        assert!(matches!(
            e.get(PlanField::ChannelSpend(1)),
            Some(FieldProblem::Plan(PlanInputError::ZeroBudget {
                channel: 1
            }))
        ));
    }

    #[test]
    fn weights_of_all_zero_and_shares_off_100_are_refused() {
        let (f, ids) = funnel();
        let mut p = PlanDraft::default();
        for m in [4, 5, 6] {
            p.set_weight(m, "0");
        }
        let e = p.time_plan(&f, &ids).unwrap_err();
        assert_eq!(
            e.get(PlanField::Weights),
            Some(&FieldProblem::Plan(PlanInputError::WeightsAllZero))
        );
        // Other months' weights do not matter to Q1.
        p.set_weight(4, "2");
        assert!(p.time_plan(&f, &ids).is_ok());

        let mut p = PlanDraft::default();
        p.channels[0].volume = "40".into();
        let e = p.money_plan(&f).unwrap_err();
        assert!(matches!(
            e.get(PlanField::Channels),
            Some(FieldProblem::Plan(PlanInputError::SharesNotHundred { .. }))
        ));
    }

    #[test]
    fn a_new_scenario_starts_with_three_sample_channels() {
        let p = PlanDraft {
            channels: PlanDraft::starter_channels(),
            ..PlanDraft::default()
        };
        assert_eq!(p.channels.len(), 3);
        assert_eq!(p.share_total(), Some(100.0));
        assert!(p.samples().channels);
        assert!(p.channels().is_ok());
    }
}
