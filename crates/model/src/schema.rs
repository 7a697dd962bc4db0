//! The stored and linked forms of a scenario: one set of serde types per format version,
//! converted to and from `Draft`. They are kept apart from `Draft` on purpose: a later change to
//! the editing state cannot silently change what browsers have saved or what links carry; it has
//! to change these types (and the version), and the fixtures' tests notice.
//!
//! Nothing here validates beyond the shape; `scenario::validate` is the one place for the rules.

use serde::{Deserialize, Serialize};

use crate::draft::{Draft, SeekChoice, StageDraft};
use crate::kpi::KpiDraft;
use crate::named_scenario::Scenario;
use crate::plan::draft::PlanDraft;
use crate::risk::RiskDraft;
use crate::stage::StageKind;

/// The `format` field of every stored or exported scenario.
pub(crate) const FORMAT: &str = "funnel-calculator-scenario";

/// Stage kinds as stored: today's `StageKind` words, fixed here. The link stores the position
/// in `KINDS` instead of the word, so the order of this list is part of the link format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum KindV {
    Visits,
    Leads,
    Mql,
    Sal,
    Sql,
    Pql,
    Opportunities,
    Won,
    Custom,
}

const KINDS: [KindV; 9] = [
    KindV::Visits,
    KindV::Leads,
    KindV::Mql,
    KindV::Sal,
    KindV::Sql,
    KindV::Pql,
    KindV::Opportunities,
    KindV::Won,
    KindV::Custom,
];

impl KindV {
    fn code(self) -> u8 {
        KINDS.iter().position(|k| *k == self).unwrap_or(8) as u8
    }

    fn from_code(code: u8) -> Option<KindV> {
        KINDS.get(usize::from(code)).copied()
    }
}

impl From<StageKind> for KindV {
    fn from(kind: StageKind) -> KindV {
        match kind {
            StageKind::Visits => KindV::Visits,
            StageKind::Leads => KindV::Leads,
            StageKind::Mql => KindV::Mql,
            StageKind::Sal => KindV::Sal,
            StageKind::Sql => KindV::Sql,
            StageKind::Pql => KindV::Pql,
            StageKind::Opportunities => KindV::Opportunities,
            StageKind::Won => KindV::Won,
            StageKind::Custom => KindV::Custom,
        }
    }
}

impl From<KindV> for StageKind {
    fn from(kind: KindV) -> StageKind {
        match kind {
            KindV::Visits => StageKind::Visits,
            KindV::Leads => StageKind::Leads,
            KindV::Mql => StageKind::Mql,
            KindV::Sal => StageKind::Sal,
            KindV::Sql => StageKind::Sql,
            KindV::Pql => StageKind::Pql,
            KindV::Opportunities => StageKind::Opportunities,
            KindV::Won => StageKind::Won,
            KindV::Custom => StageKind::Custom,
        }
    }
}

/// The two fields every version has, read first to pick the version's type (so a future
/// version is recognised as such whatever its other fields look like).
#[derive(Deserialize)]
pub(crate) struct Header {
    pub format: String,
    pub version: u64,
}

// ---------------------------------------------------------------------------------------------
// Version 1: values as typed, no ids, no entry stage, no goal-seek choice.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct V1 {
    pub format: String,
    pub version: u32,
    pub name: String,
    pub target: String,
    pub deal_size: String,
    pub stages: Vec<StageV1>,
    /// The lead count forward mode started from.
    pub leads: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StageV1 {
    pub kind: KindV,
    #[serde(default)]
    pub name: Option<String>,
    pub rate: String,
}

impl V1 {
    /// Version 1 → today's scenario: ids 0, 1, …; the first Leads stage (else the first stage)
    /// is the entry, with `leads` as its count; goal seek solves the win rate (the rate out of
    /// the stage before the last). `scenario::validate` repairs what still does not fit.
    pub fn migrate(self) -> Scenario {
        let stages: Vec<StageDraft> = self
            .stages
            .into_iter()
            .zip(0u32..)
            .map(|(s, id)| StageDraft {
                id,
                kind: s.kind.into(),
                name: s.name,
                rate: s.rate,
            })
            .collect();
        let entry_stage = stages
            .iter()
            .find(|s| s.kind == StageKind::Leads)
            .or(stages.first())
            .map_or(0, |s| s.id);
        let win_rate = stages.len().checked_sub(2).map_or(0, |i| stages[i].id);
        Scenario {
            name: self.name,
            draft: Draft {
                target: self.target,
                deal_size: self.deal_size,
                stages,
                entry_stage,
                entry_count: self.leads,
                seek: SeekChoice::Rate(win_rate),
                plan: PlanDraft::default(),
                kpi: KpiDraft::default(),
                risk: RiskDraft::default(),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Version 2: every field of the funnel, nothing of the plan over time and money.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct V2 {
    pub format: String,
    pub version: u32,
    pub name: String,
    pub draft: DraftV2,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DraftV2 {
    pub target: String,
    pub deal_size: String,
    pub stages: Vec<StageV2>,
    pub entry_stage: u32,
    pub entry_count: String,
    pub seek: SeekV2,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StageV2 {
    pub id: u32,
    pub kind: KindV,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub rate: String,
}

/// `{"rate": 4}`, `"deal_size"` or `"entry_count"`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SeekV2 {
    Rate(u32),
    DealSize,
    EntryCount,
}

impl From<SeekChoice> for SeekV2 {
    fn from(seek: SeekChoice) -> SeekV2 {
        match seek {
            SeekChoice::Rate(id) => SeekV2::Rate(id),
            SeekChoice::DealSize => SeekV2::DealSize,
            SeekChoice::EntryCount => SeekV2::EntryCount,
        }
    }
}

impl From<SeekV2> for SeekChoice {
    fn from(seek: SeekV2) -> SeekChoice {
        match seek {
            SeekV2::Rate(id) => SeekChoice::Rate(id),
            SeekV2::DealSize => SeekChoice::DealSize,
            SeekV2::EntryCount => SeekChoice::EntryCount,
        }
    }
}

impl From<V2> for Scenario {
    fn from(v: V2) -> Scenario {
        let d = v.draft;
        Scenario {
            name: v.name,
            draft: Draft {
                target: d.target,
                deal_size: d.deal_size,
                stages: stages_from_v2(d.stages),
                entry_stage: d.entry_stage,
                entry_count: d.entry_count,
                seek: d.seek.into(),
                plan: PlanDraft::default(),
                kpi: KpiDraft::default(),
                risk: RiskDraft::default(),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Version 2 in a link: the same fields by position, no keys, kinds and the seek choice as numbers:
// `[name, target, deal_size, [[id, kind, rate, name|null], …], entry_stage, entry_count, seek]`
// where seek is a stage id (≥ 0) for a rate, -1 for the deal size, -2 for the entry count.

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct LinkV2(
    pub String,
    pub String,
    pub String,
    pub Vec<LinkStageV2>,
    pub u32,
    pub String,
    pub i64,
);

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct LinkStageV2(pub u32, pub u8, pub String, pub Option<String>);

const SEEK_DEAL_SIZE: i64 = -1;
const SEEK_ENTRY_COUNT: i64 = -2;

impl From<&Scenario> for LinkV2 {
    fn from(s: &Scenario) -> LinkV2 {
        let d = &s.draft;
        LinkV2(
            s.name.clone(),
            d.target.clone(),
            d.deal_size.clone(),
            d.stages
                .iter()
                .map(|st| {
                    LinkStageV2(
                        st.id,
                        KindV::from(st.kind).code(),
                        st.rate.clone(),
                        st.name.clone(),
                    )
                })
                .collect(),
            d.entry_stage,
            d.entry_count.clone(),
            match d.seek {
                SeekChoice::Rate(id) => i64::from(id),
                SeekChoice::DealSize => SEEK_DEAL_SIZE,
                SeekChoice::EntryCount => SEEK_ENTRY_COUNT,
            },
        )
    }
}

impl LinkV2 {
    /// `None` for an unknown kind code or seek number (a link no version of the app wrote).
    pub fn into_scenario(self) -> Option<Scenario> {
        let LinkV2(name, target, deal_size, stages, entry_stage, entry_count, seek) = self;
        let stages = stages
            .into_iter()
            .map(|LinkStageV2(id, kind, rate, name)| {
                Some(StageDraft {
                    id,
                    kind: KindV::from_code(kind)?.into(),
                    name,
                    rate,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let seek = match seek {
            SEEK_DEAL_SIZE => SeekChoice::DealSize,
            SEEK_ENTRY_COUNT => SeekChoice::EntryCount,
            id => SeekChoice::Rate(u32::try_from(id).ok()?),
        };
        Some(Scenario {
            name,
            draft: Draft {
                target,
                deal_size,
                stages,
                entry_stage,
                entry_count,
                seek,
                plan: PlanDraft::default(),
                kpi: KpiDraft::default(),
                risk: RiskDraft::default(),
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Version 3 (current): version 2's fields plus the plan over time and money. The plan is stored
// as `PlanDraft`'s own serde form: every field of it is text, a small enum or a number, and the
// version-3 fixture's test fails if that form changes; a change then needs a version 4 here.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct V3 {
    pub format: String,
    pub version: u32,
    pub name: String,
    pub draft: DraftV3,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DraftV3 {
    pub target: String,
    pub deal_size: String,
    pub stages: Vec<StageV2>,
    pub entry_stage: u32,
    pub entry_count: String,
    pub seek: SeekV2,
    #[serde(default)]
    pub plan: PlanDraft,
    /// Left out while the tree is untouched (generated, no actuals, definitions or checklist).
    #[serde(default, skip_serializing_if = "is_untouched")]
    pub kpi: KpiDraft,
    /// The Risk view's inputs; left out while untouched, so scenarios without them are written
    /// exactly as before (no version change: older files simply lack the field).
    #[serde(default, skip_serializing_if = "RiskDraft::is_default")]
    pub risk: RiskDraft,
}

fn is_untouched(kpi: &KpiDraft) -> bool {
    *kpi == KpiDraft::default()
}

fn stages_v2(stages: &[StageDraft]) -> Vec<StageV2> {
    stages
        .iter()
        .map(|st| StageV2 {
            id: st.id,
            kind: st.kind.into(),
            name: st.name.clone(),
            rate: st.rate.clone(),
        })
        .collect()
}

fn stages_from_v2(stages: Vec<StageV2>) -> Vec<StageDraft> {
    stages
        .into_iter()
        .map(|st| StageDraft {
            id: st.id,
            kind: st.kind.into(),
            name: st.name,
            rate: st.rate,
        })
        .collect()
}

impl From<&Scenario> for V3 {
    fn from(s: &Scenario) -> V3 {
        let d = &s.draft;
        V3 {
            format: FORMAT.into(),
            version: 3,
            name: s.name.clone(),
            draft: DraftV3 {
                target: d.target.clone(),
                deal_size: d.deal_size.clone(),
                stages: stages_v2(&d.stages),
                entry_stage: d.entry_stage,
                entry_count: d.entry_count.clone(),
                seek: d.seek.into(),
                plan: d.plan.clone(),
                kpi: d.kpi.clone(),
                risk: d.risk.clone(),
            },
        }
    }
}

impl From<V3> for Scenario {
    fn from(v: V3) -> Scenario {
        let d = v.draft;
        Scenario {
            name: v.name,
            draft: Draft {
                target: d.target,
                deal_size: d.deal_size,
                stages: stages_from_v2(d.stages),
                entry_stage: d.entry_stage,
                entry_count: d.entry_count,
                seek: d.seek.into(),
                plan: d.plan,
                kpi: d.kpi,
                risk: d.risk,
            },
        }
    }
}

// Version 3 in a link: version 2's positions, then the plan and the KPI tree (each `null` when it
// is the default, which keeps the default link nearly as short as version 2's), then the Risk
// view's inputs, written only when touched.

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct LinkV3(
    String,
    String,
    String,
    Vec<LinkStageV2>,
    u32,
    String,
    i64,
    #[serde(default)] Option<PlanDraft>,
    #[serde(default)] Option<KpiDraft>,
    // The Risk view's inputs, appended only when touched: links without them stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")] Option<RiskDraft>,
);

impl From<&Scenario> for LinkV3 {
    fn from(s: &Scenario) -> LinkV3 {
        let LinkV2(name, target, deal, stages, entry, count, seek) = LinkV2::from(s);
        let plan = (s.draft.plan != PlanDraft::default()).then(|| s.draft.plan.clone());
        let kpi = (!is_untouched(&s.draft.kpi)).then(|| s.draft.kpi.clone());
        let risk = (!s.draft.risk.is_default()).then(|| s.draft.risk.clone());
        LinkV3(
            name, target, deal, stages, entry, count, seek, plan, kpi, risk,
        )
    }
}

impl LinkV3 {
    pub fn into_scenario(self) -> Option<Scenario> {
        let LinkV3(name, target, deal, stages, entry, count, seek, plan, kpi, risk) = self;
        let mut scenario =
            LinkV2(name, target, deal, stages, entry, count, seek).into_scenario()?;
        scenario.draft.plan = plan.unwrap_or_default();
        scenario.draft.kpi = kpi.unwrap_or_default();
        scenario.draft.risk = risk.unwrap_or_default();
        Some(scenario)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_are_the_list_positions_and_cover_every_kind() {
        for (i, kind) in KINDS.iter().enumerate() {
            assert_eq!(kind.code() as usize, i);
            assert_eq!(KindV::from_code(i as u8), Some(*kind));
            assert_eq!(KindV::from(StageKind::from(*kind)), *kind);
        }
        assert_eq!(KindV::from_code(9), None);
    }
}
