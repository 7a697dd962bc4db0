//! Every time-and-money input as typed, with the sample figures a scenario starts from.

use serde::{Deserialize, Serialize};

use crate::plan::channels::{default_channels, ChannelKind, ChannelName, Spend, Volume};
use crate::plan::period::Period;
use crate::values::Rate;

/// Most channels a table holds: more would not fit a chart or a link.
pub const MAX_CHANNELS: usize = 12;
/// Most months a lead-time distribution lists (lag 0 … 24).
pub const MAX_DISTRIBUTION_MONTHS: usize = 25;

/// How the lead time is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadTimeMode {
    #[default]
    AverageDays,
    StageDwell,
    Distribution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeMode {
    #[default]
    Share,
    Fixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpendMode {
    #[default]
    CostPerLead,
    Budget,
}

/// One channel row as typed. `id` keys the row on the page and its errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelDraft {
    pub id: u32,
    pub kind: ChannelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub volume_mode: VolumeMode,
    /// A share in percent, or a fixed lead count.
    pub volume: String,
    /// Visit (click, booth visitor …) → lead, percent.
    pub cvr: String,
    pub spend_mode: SpendMode,
    /// Cost per lead, or the period's budget.
    pub spend: String,
    /// The channel's own lead → MQL rate; empty uses the funnel's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead_to_mql: String,
}

impl ChannelDraft {
    /// What names this row on the page (as [`crate::plan::channels::Channel::channel_name`]).
    pub fn channel_name(&self) -> ChannelName {
        ChannelName::new(self.kind, self.name.as_deref())
    }
}

/// Every time-and-money input as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub period: Period,
    /// Fiscal year start, 1–12.
    pub fiscal_start: u8,
    /// Which quarter or month of the fiscal year (0-based).
    pub period_index: u8,
    /// Seasonality weights by calendar month (January first); empty = even months.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<String>,
    pub lead_time: LeadTimeMode,
    pub average_days: String,
    /// (stage id, days spent there before the next stage), for the stage-dwell mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dwell_days: Vec<(u32, String)>,
    /// Percent closing 0, 1, 2 … months after creation, for the distribution mode.
    pub distribution: Vec<String>,
    /// SQL (or MQL) one inside-sales rep takes on a month.
    pub inside_per_rep: String,
    /// Opportunities one field-sales rep takes on a month.
    pub field_per_rep: String,
    /// Pipeline value already open at the period start; empty = none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub open_pipeline: String,
    /// Percent of the lead time left when an opportunity is created (the sales cycle), for
    /// placing the stages when only the whole lead time is given; empty = the stated default.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sales_cycle_share: String,
    pub channels: Vec<ChannelDraft>,
    /// Sales cost for the period (people, tools).
    pub sales_cost: String,
    /// Revenue per account per month.
    pub revenue_per_account: String,
    pub gross_margin: String,
    pub monthly_churn: String,
    /// The user has accepted the sample channels and unit-economics figures as their own, so
    /// they are no longer marked as samples. Absent in older documents: false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub samples_confirmed: bool,
}

/// A default amount as a user would type it: `15,000`.
fn amount_text(units: f64) -> String {
    crate::format::group_thousands(&(units.round() as u64).to_string())
}

impl Default for PlanDraft {
    /// The first quarter of an April fiscal year, 90 days from lead to close, the seven default
    /// channels, and round unit-economics figures to edit.
    fn default() -> PlanDraft {
        let channels = default_channels()
            .into_iter()
            .zip(0u32..)
            .map(|(c, id)| ChannelDraft {
                id,
                kind: c.kind,
                name: None,
                volume_mode: VolumeMode::Share,
                volume: match c.volume {
                    Volume::SharePercent(s) => crate::format::format_decimal(s, 2),
                    Volume::Fixed(n) => n.to_string(),
                },
                cvr: c.visit_cvr.to_percent_text(),
                spend_mode: SpendMode::CostPerLead,
                spend: match c.spend {
                    Spend::CostPerLead(v) | Spend::Budget(v) => amount_text(v),
                },
                lead_to_mql: c.lead_to_mql.map(Rate::to_percent_text).unwrap_or_default(),
            })
            .collect();
        PlanDraft {
            period: Period::Quarter,
            fiscal_start: 4,
            period_index: 0,
            weights: Vec::new(),
            lead_time: LeadTimeMode::AverageDays,
            average_days: "90".into(),
            dwell_days: Vec::new(),
            distribution: vec!["0".into(), "30".into(), "50".into(), "20".into()],
            inside_per_rep: "40".into(),
            field_per_rep: "8".into(),
            open_pipeline: String::new(),
            sales_cycle_share: String::new(),
            channels,
            sales_cost: "1,500万".into(),
            revenue_per_account: "40万".into(),
            gross_margin: "70".into(),
            monthly_churn: "1".into(),
            samples_confirmed: false,
        }
    }
}

/// Which groups of inputs still hold the sample figures they started with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Samples {
    /// The seven sample channels with their sample shares, CVRs and costs.
    pub channels: bool,
    /// The sample sales cost, revenue per account, gross margin and churn.
    pub economics: bool,
}

impl PlanDraft {
    /// The input groups still untouched since they were filled with sample figures (and not
    /// confirmed): their results are examples, not answers, and the page says so.
    pub fn samples(&self) -> Samples {
        if self.samples_confirmed {
            return Samples::default();
        }
        let sample = PlanDraft::default();
        Samples {
            channels: self.channels == sample.channels
                || self.channels == PlanDraft::starter_channels(),
            economics: self.sales_cost == sample.sales_cost
                && self.revenue_per_account == sample.revenue_per_account
                && self.gross_margin == sample.gross_margin
                && self.monthly_churn == sample.monthly_churn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_sample_figures_are_known_until_changed_or_confirmed() {
        let mut p = PlanDraft::default();
        assert_eq!(
            p.samples(),
            Samples {
                channels: true,
                economics: true
            }
        );
        p.channels[0].spend = "12,000".into();
        assert!(!p.samples().channels);
        assert!(p.samples().economics);
        p.gross_margin = "60".into();
        assert!(!p.samples().economics);
        let q = PlanDraft {
            samples_confirmed: true,
            ..PlanDraft::default()
        };
        assert_eq!(q.samples(), Samples::default());
        // older documents carry no flag: read as not confirmed, and an unconfirmed plan
        // writes none
        let json = serde_json::to_string(&PlanDraft::default()).unwrap();
        assert!(!json.contains("samples_confirmed"));
        let back: PlanDraft = serde_json::from_str(&json).unwrap();
        assert!(!back.samples_confirmed);
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains("\"samples_confirmed\":true"));
    }
}
