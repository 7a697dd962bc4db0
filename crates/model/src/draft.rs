//! The calculator's editable state exactly as typed — text that may not (yet) be valid — and the
//! operations on it that `crate::edit` applies. Keeping the text, not only the parsed values, means a half-typed or
//! wrong field is never thrown away, and the last valid plan can stay on screen beside it.

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::field_errors::FieldErrors;
use crate::forward::Entry;
use crate::funnel::{Funnel, PlanError, ReversePlan, MAX_STAGES, MIN_STAGES};
use crate::goal_seek::SeekInput;
use crate::kpi::KpiDraft;
use crate::plan::draft::PlanDraft;
use crate::risk::RiskDraft;
pub use crate::stage::MAX_NAME_CHARS;
use crate::stage::{default_stages, Stage, StageKind};
use crate::values::{Count, Money, Rate, PPM};

/// One stage as typed. `id` is stable across reordering so the page can key rows by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageDraft {
    pub id: u32,
    pub kind: StageKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The rate to the next stage as typed (ignored on the last stage).
    pub rate: String,
}

/// What goal seek solves for; a rate is named by its stage's id so it survives reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeekChoice {
    Rate(u32),
    DealSize,
    EntryCount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub target: String,
    pub deal_size: String,
    pub stages: Vec<StageDraft>,
    /// The stage forward mode and goal seek start from, by id.
    pub entry_stage: u32,
    pub entry_count: String,
    pub seek: SeekChoice,
    /// Period, lead time, channels and unit economics (issue 5's inputs).
    #[serde(default)]
    pub plan: PlanDraft,
    /// The KPI tree's edits, actuals, definitions and checklist (issue 6).
    #[serde(default)]
    pub kpi: KpiDraft,
    /// The Risk view's doubts about the rates, deal-size spread, confidence and seed.
    #[serde(default)]
    pub risk: RiskDraft,
}

/// Which funnel input a problem belongs to, so its message sits next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunnelField {
    Target,
    DealSize,
    /// The rate out of the stage with this id.
    Rate(u32),
}

/// Every problem of the funnel inputs, each against its field.
pub type FunnelErrors = FieldErrors<FunnelField>;

/// Why the draft makes no plan right now.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftProblem {
    Fields(FunnelErrors),
    Plan(PlanError),
}

impl DraftProblem {
    /// Why the text of `field` does not read, if that is part of the problem.
    pub fn input(&self, field: FunnelField) -> Option<InputError> {
        match self {
            DraftProblem::Fields(errors) => errors.input(field),
            DraftProblem::Plan(_) => None,
        }
    }
}

impl Default for Draft {
    /// The seed-003 example: ¥1億 a quarter at ¥500万 a deal, 3,000 leads to start from.
    fn default() -> Draft {
        let stages = default_stages()
            .into_iter()
            .zip(0u32..)
            .map(|(stage, id)| StageDraft {
                id,
                kind: stage.kind,
                name: None,
                rate: stage.rate_to_next.to_percent_text(),
            })
            .collect();
        Draft {
            target: "1億".into(),
            deal_size: "500万".into(),
            stages,
            entry_stage: 1,
            // Empty: forward mode and goal seek start from the plan's own count (see
            // `entry_or_planned`) instead of a sample figure unrelated to the target.
            entry_count: String::new(),
            seek: SeekChoice::Rate(4),
            plan: PlanDraft::default(),
            kpi: KpiDraft::default(),
            risk: RiskDraft::default(),
        }
    }
}

impl Draft {
    fn position(&self, id: u32) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    fn next_id(&self) -> u32 {
        self.stages.iter().map(|s| s.id + 1).max().unwrap_or(0)
    }

    /// Stage `index` for naming purposes (its kind and own name; its rate does not matter
    /// there); `None` past the last stage.
    pub fn named_stage(&self, index: usize) -> Option<Stage> {
        self.stages.get(index).map(|s| Stage {
            kind: s.kind,
            name: s.name.clone(),
            rate_to_next: Rate::from_ppm(PPM as u32).expect("100 % is valid"),
        })
    }

    pub fn position_of(&self, id: u32) -> Option<usize> {
        self.position(id)
    }

    pub fn can_add_stage(&self) -> bool {
        self.stages.len() < MAX_STAGES
    }

    pub fn can_remove_stage(&self) -> bool {
        self.stages.len() > MIN_STAGES
    }

    /// Inserts a new stage right after `after_id` (or at the end) and returns its id. The new
    /// stage starts at 50 % so the plan stays valid until the user types the real rate.
    pub fn add_stage_after(&mut self, after_id: Option<u32>) -> Option<u32> {
        if !self.can_add_stage() {
            return None;
        }
        let id = self.next_id();
        let at = after_id
            .and_then(|a| self.position(a))
            .map_or(self.stages.len().saturating_sub(1), |p| p + 1)
            // the won stage stays last unless the user moves it
            .min(self.stages.len().saturating_sub(1));
        self.stages.insert(
            at,
            StageDraft {
                id,
                kind: StageKind::Custom,
                name: None,
                rate: "50".into(),
            },
        );
        Some(id)
    }

    pub fn remove_stage(&mut self, id: u32) -> bool {
        if !self.can_remove_stage() {
            return false;
        }
        let Some(at) = self.position(id) else {
            return false;
        };
        self.stages.remove(at);
        self.repair_references();
        true
    }

    /// Moves a stage one place up (`-1`) or down (`+1`); false at either end.
    pub fn move_stage(&mut self, id: u32, up: bool) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        match other {
            Some(o) if o < self.stages.len() => {
                self.stages.swap(at, o);
                self.repair_references();
                true
            }
            _ => false,
        }
    }

    /// Sets a stage's own name (cut to 40 characters). An empty name is kept as typed — so a
    /// field being retyped is not refilled under the cursor — and displays as the kind's name.
    pub fn rename_stage(&mut self, id: u32, name: &str) {
        if let Some(at) = self.position(id) {
            self.stages[at].name = Some(name.chars().take(MAX_NAME_CHARS).collect());
        }
    }

    /// The rate out of stage `id` as typed ("" for an unknown id).
    pub fn rate_text(&self, id: u32) -> String {
        self.position(id)
            .map(|at| self.stages[at].rate.clone())
            .unwrap_or_default()
    }

    pub fn set_rate(&mut self, id: u32, text: &str) {
        if let Some(at) = self.position(id) {
            self.stages[at].rate = text.to_string();
        }
    }

    /// Keeps entry stage and goal-seek choice pointing at stages that exist and make sense
    /// after an edit of the chain.
    pub(crate) fn repair_references(&mut self) {
        let last = self.stages.len() - 1;
        if self.position(self.entry_stage).is_none_or(|p| p >= last) {
            self.entry_stage = self.stages[0].id;
        }
        if let SeekChoice::Rate(id) = self.seek {
            let entry = self.position(self.entry_stage).unwrap_or(0);
            if self.position(id).is_none_or(|p| p >= last || p < entry) {
                self.seek = SeekChoice::Rate(self.stages[last - 1].id);
            }
        }
    }

    pub fn set_entry_stage(&mut self, id: u32) {
        if self.position(id).is_some_and(|p| p + 1 < self.stages.len()) {
            self.entry_stage = id;
            self.repair_references();
        }
    }

    /// Every field checked; the stages' validated form if all are good.
    pub fn field_errors(&self) -> (FunnelErrors, Option<(Money, Money, Vec<Stage>)>) {
        let mut errors = FunnelErrors::default();
        let target = errors.read(FunnelField::Target, Money::parse(&self.target));
        let deal_size = errors.read(FunnelField::DealSize, Money::parse(&self.deal_size));
        let last = self.stages.len().saturating_sub(1);
        let mut stages = Vec::with_capacity(self.stages.len());
        for (i, s) in self.stages.iter().enumerate() {
            let rate = if i == last {
                Ok(Rate::from_ppm(1_000_000).expect("100 % is valid"))
            } else {
                Rate::parse(&s.rate)
            };
            if let Some(rate_to_next) = errors.read(FunnelField::Rate(s.id), rate) {
                stages.push(Stage {
                    kind: s.kind,
                    name: s.name.clone(),
                    rate_to_next,
                });
            }
        }
        let valid = match (target, deal_size) {
            (Some(t), Some(d)) if errors.is_empty() => Some((t, d, stages)),
            _ => None,
        };
        (errors, valid)
    }

    /// The funnel this draft describes, or every reason it does not describe one.
    pub fn funnel(&self) -> Result<Funnel, DraftProblem> {
        match self.field_errors() {
            (_, Some((target, deal, stages))) => {
                Funnel::new(target, deal, stages).map_err(DraftProblem::Plan)
            }
            (errors, None) => Err(DraftProblem::Fields(errors)),
        }
    }

    /// The funnel and what each stage must reach for the target, or every reason there is none.
    pub fn funnel_and_plan(&self) -> Result<(Funnel, ReversePlan), DraftProblem> {
        let funnel = self.funnel()?;
        let plan = funnel.reverse().map_err(DraftProblem::Plan)?;
        Ok((funnel, plan))
    }

    /// What "new scenario" opens: the default plan with a short channel list to extend
    /// (the default itself stays what older documents mean).
    pub fn for_new_scenario() -> Draft {
        let mut draft = Draft::default();
        draft.plan.channels = crate::plan::draft::PlanDraft::starter_channels();
        draft
    }

    pub fn entry_index(&self) -> usize {
        self.position(self.entry_stage).unwrap_or(0)
    }

    pub fn entry(&self) -> Result<Entry, InputError> {
        Ok(Entry {
            stage: self.entry_index(),
            count: Count::parse(&self.entry_count)?,
        })
    }

    /// The entry count typed, or — while the field is empty — what `plan` requires at the
    /// entry stage, so forward mode and goal seek start from the plan until the user types
    /// their own count.
    pub fn entry_or_planned(&self, plan: Option<&ReversePlan>) -> Result<Entry, InputError> {
        let stage = self.entry_index();
        if self.entry_count.trim().is_empty() {
            if let Some(req) = plan.and_then(|p| p.stages.get(stage)) {
                return Ok(Entry {
                    stage,
                    count: Count::new(req.required.max(1))?,
                });
            }
        }
        self.entry()
    }

    pub fn seek_input(&self) -> SeekInput {
        match self.seek {
            SeekChoice::Rate(id) => SeekInput::Rate(self.position(id).unwrap_or(usize::MAX)),
            SeekChoice::DealSize => SeekInput::DealSize,
            SeekChoice::EntryCount => SeekInput::EntryCount,
        }
    }
}
