//! What the embed shows of a link — the name, the funnel and the plan's period — as plain
//! values, for a JSON reader other than serde_json's. The embed reads and writes links with the
//! browser's `JSON.parse` and `JSON.stringify`: serde_json with the scenario format's decoders
//! was 50 KB gzipped of its 112 KB WASM, for parts it never shows (the plan's other inputs,
//! the KPI tree, the Risk view's inputs). It keeps those positions as the link brought them
//! and hands them on in its open-full link, where the full calculator reads and checks them as
//! it does every link.
//!
//! A link is a JSON array (`share`): positions 0–6 are `[name, target, deal_size, [[id, kind,
//! rate, name|null], …], entry_stage, entry_count, seek]`, then in version 3 the plan (`null`
//! for the default), the KPI tree and the Risk view's inputs.

use crate::named_scenario::Scenario;
use crate::plan::draft::PlanDraft;
use crate::plan::period::Period;
use crate::scenario::{validate, FormatError};
use crate::schema::{LinkStageV2, LinkV2};

/// How many positions every link starts with: the name and the funnel.
pub const FUNNEL_POSITIONS: usize = 7;
/// Where a version-3 link keeps the plan.
pub const PLAN_POSITION: usize = 7;
/// The most positions a version-3 link has (after the plan: the KPI tree, the Risk view).
pub const MAX_POSITIONS: usize = 10;

/// `PlanDraft::default()` as a link writes it (the test below holds it to serde's form). The
/// embed starts from it when a link that carried the default plan (`null`) gets a period of
/// its own.
pub const DEFAULT_PLAN_JSON: &str = concat!(
    r#"{"period":"quarter","fiscal_start":4,"period_index":0,"lead_time":"average_days","#,
    r#""average_days":"90","distribution":["0","30","50","20"],"inside_per_rep":"40","#,
    r#""field_per_rep":"8","channels":["#,
    r#"{"id":0,"kind":"web_ads","volume_mode":"share","volume":"30","cvr":"2","#,
    r#""spend_mode":"cost_per_lead","spend":"15,000"},"#,
    r#"{"id":1,"kind":"seo_content","volume_mode":"share","volume":"20","cvr":"1.5","#,
    r#""spend_mode":"cost_per_lead","spend":"5,000"},"#,
    r#"{"id":2,"kind":"webinar","volume_mode":"share","volume":"15","cvr":"10","#,
    r#""spend_mode":"cost_per_lead","spend":"8,000"},"#,
    r#"{"id":3,"kind":"trade_show","volume_mode":"share","volume":"15","cvr":"20","#,
    r#""spend_mode":"cost_per_lead","spend":"20,000","lead_to_mql":"5"},"#,
    r#"{"id":4,"kind":"email_ma","volume_mode":"share","volume":"10","cvr":"3","#,
    r#""spend_mode":"cost_per_lead","spend":"2,000"},"#,
    r#"{"id":5,"kind":"abm_outbound","volume_mode":"share","volume":"5","cvr":"5","#,
    r#""spend_mode":"cost_per_lead","spend":"30,000","lead_to_mql":"25"},"#,
    r#"{"id":6,"kind":"referral","volume_mode":"share","volume":"5","cvr":"20","#,
    r#""spend_mode":"cost_per_lead","spend":"10,000","lead_to_mql":"30"}],"#,
    r#""sales_cost":"1,500万","revenue_per_account":"40万","gross_margin":"70","#,
    r#""monthly_churn":"1"}"#
);

/// Positions 0–6 of a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFunnel {
    pub name: String,
    pub target: String,
    pub deal_size: String,
    pub stages: Vec<LinkStage>,
    pub entry_stage: u32,
    pub entry_count: String,
    /// A stage id (≥ 0) for a rate, −1 for the deal size, −2 for the entry count.
    pub seek: i64,
}

/// One stage of a link: `[id, kind code, rate, name | null]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStage {
    pub id: u32,
    pub kind: u8,
    pub rate: String,
    pub name: Option<String>,
}

/// The plan's period as its JSON object keeps it: `period`, `fiscal_start`, `period_index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkPeriod {
    pub period: Period,
    pub fiscal_start: u8,
    pub period_index: u8,
}

impl LinkPeriod {
    /// The plan object's keys, in the order of the fields.
    pub const KEYS: [&'static str; 3] = ["period", "fiscal_start", "period_index"];

    pub fn of(plan: &PlanDraft) -> LinkPeriod {
        LinkPeriod {
            period: plan.period,
            fiscal_start: plan.fiscal_start,
            period_index: plan.period_index,
        }
    }

    /// The word a link writes for a period.
    pub fn period_name(period: Period) -> &'static str {
        match period {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    pub fn period_from_name(name: &str) -> Option<Period> {
        [Period::Month, Period::Quarter, Period::Year]
            .into_iter()
            .find(|p| LinkPeriod::period_name(*p) == name)
    }
}

impl LinkFunnel {
    pub fn of(scenario: &Scenario) -> LinkFunnel {
        let LinkV2(name, target, deal_size, stages, entry_stage, entry_count, seek) =
            LinkV2::from(scenario);
        LinkFunnel {
            name,
            target,
            deal_size,
            stages: stages
                .into_iter()
                .map(|LinkStageV2(id, kind, rate, name)| LinkStage {
                    id,
                    kind,
                    rate,
                    name,
                })
                .collect(),
            entry_stage,
            entry_count,
            seek,
        }
    }

    /// The scenario these positions and the plan's period make, with every other part of the
    /// plan, the KPI tree and the Risk view at their defaults, checked and repaired by the same
    /// `validate` as every link (an unknown kind or seek is `NotDecodable`, as there).
    pub fn into_scenario(self, period: Option<LinkPeriod>) -> Result<Scenario, FormatError> {
        let stages = self
            .stages
            .into_iter()
            .map(|s| LinkStageV2(s.id, s.kind, s.rate, s.name))
            .collect();
        let link = LinkV2(
            self.name,
            self.target,
            self.deal_size,
            stages,
            self.entry_stage,
            self.entry_count,
            self.seek,
        );
        let mut scenario = link.into_scenario().ok_or(FormatError::NotDecodable)?;
        if let Some(p) = period {
            let plan = &mut scenario.draft.plan;
            plan.period = p.period;
            plan.fiscal_start = p.fiscal_start;
            plan.period_index = p.period_index;
        }
        validate(scenario)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use serde_json::Value;

    #[test]
    fn the_default_plan_is_written_as_serde_writes_it() {
        assert_eq!(
            serde_json::to_string(&PlanDraft::default()).unwrap(),
            DEFAULT_PLAN_JSON
        );
    }

    #[test]
    fn period_names_are_serdes() {
        for p in [Period::Month, Period::Quarter, Period::Year] {
            let name = LinkPeriod::period_name(p);
            assert_eq!(serde_json::to_value(p).unwrap(), Value::from(name));
            assert_eq!(LinkPeriod::period_from_name(name), Some(p));
        }
        assert_eq!(LinkPeriod::period_from_name("Quarter"), None);
    }

    #[test]
    fn the_period_keys_are_the_plans() {
        let plan = serde_json::to_value(PlanDraft::default()).unwrap();
        let values: Vec<&Value> = LinkPeriod::KEYS.iter().map(|k| &plan[*k]).collect();
        assert_eq!(
            values,
            [&Value::from("quarter"), &Value::from(4), &Value::from(0)]
        );
    }

    #[test]
    fn a_funnel_the_format_refuses_is_refused() {
        let good = LinkFunnel::of(&Scenario {
            name: "x".into(),
            draft: Draft::default(),
        });
        let unknown_kind = LinkFunnel {
            stages: good
                .stages
                .iter()
                .map(|s| LinkStage {
                    kind: 9,
                    ..s.clone()
                })
                .collect(),
            ..good.clone()
        };
        assert_eq!(
            unknown_kind.into_scenario(None),
            Err(FormatError::NotDecodable)
        );
        let unknown_seek = LinkFunnel {
            seek: -3,
            ..good.clone()
        };
        assert_eq!(
            unknown_seek.into_scenario(None),
            Err(FormatError::NotDecodable)
        );
        let one_stage = LinkFunnel {
            stages: good.stages[..1].to_vec(),
            ..good.clone()
        };
        assert_eq!(one_stage.into_scenario(None), Err(FormatError::Invalid));
        // The period is repaired as every link's is: the fourth quarter at most.
        let repaired = good
            .into_scenario(Some(LinkPeriod {
                period: Period::Quarter,
                fiscal_start: 13,
                period_index: 9,
            }))
            .unwrap();
        assert_eq!(
            LinkPeriod::of(&repaired.draft.plan),
            LinkPeriod {
                period: Period::Quarter,
                fiscal_start: 4,
                period_index: 3
            }
        );
    }
}
