//! The Risk view's inputs exactly as typed, their checks, and the model's setup built from them
//! and the rest of the scenario. Everything here is optional: a scenario without it has fixed
//! rates, no deal-size spread, a 95 % level asked about and seed 1.

use serde::{Deserialize, Serialize};

use crate::draft::Draft;
use crate::error::InputError;
use crate::funnel::{Funnel, ReversePlan};
use crate::values::{Count, Money, Rate};

use super::belief::Belief;
use super::setup::{ChannelShare, DealSpread, RiskSetup};

/// How a rate's doubt is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoubtMode {
    /// No doubt: the rate as typed.
    #[default]
    Fixed,
    /// A low–high range in percent.
    Range,
    /// "won of trials" from history.
    Counts,
}

/// The doubt about the rate out of one stage (by the stage's id). Both pairs of texts are kept,
/// so switching the mode back and forth loses nothing typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RateDoubt {
    pub id: u32,
    pub mode: DoubtMode,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub low: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub high: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub won: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trials: String,
}

/// The confidence asked about when nobody typed one.
pub const DEFAULT_CONFIDENCE: &str = "95";
/// The Monte Carlo seed when nobody typed one.
pub const DEFAULT_SEED: &str = "1";

fn default_confidence() -> String {
    DEFAULT_CONFIDENCE.into()
}

fn default_seed() -> String {
    DEFAULT_SEED.into()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskDraft {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateDoubt>,
    #[serde(default = "default_confidence")]
    pub confidence: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deal_p10: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deal_p90: String,
    #[serde(default = "default_seed")]
    pub seed: String,
}

impl Default for RiskDraft {
    fn default() -> RiskDraft {
        RiskDraft {
            rates: Vec::new(),
            confidence: default_confidence(),
            deal_p10: String::new(),
            deal_p90: String::new(),
            seed: default_seed(),
        }
    }
}

/// A field of the Risk view's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskField {
    Low(u32),
    High(u32),
    Won(u32),
    Trials(u32),
    Confidence,
    DealP10,
    DealP90,
    Seed,
}

/// Why a Risk input is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskProblem {
    Input(InputError),
    /// A range's low end above its high end.
    LowAboveHigh,
    /// More won than tried.
    WonAboveTrials,
    /// A confidence outside 50–99 %.
    ConfidenceOutside,
    /// The deal-size P10 not below its P90.
    P10NotBelowP90,
    /// The seed is not a whole number from 0 to 18,446,744,073,709,551,615.
    SeedNotWhole,
}

/// The checked inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskSettings {
    /// The doubt about each rate that has one, by stage id.
    pub beliefs: Vec<(u32, Belief)>,
    pub level: f64,
    pub spread: Option<DealSpread>,
    pub seed: u64,
}

impl Default for RiskSettings {
    fn default() -> RiskSettings {
        RiskSettings {
            beliefs: Vec::new(),
            level: 0.95,
            spread: None,
            seed: 1,
        }
    }
}

/// Longest text kept in a Risk field (the same as every other field).
const MAX_CHARS: usize = 64;

fn parse_won(text: &str) -> Result<u64, InputError> {
    let trimmed = text.trim();
    if trimmed == "0" || trimmed == "０" {
        return Ok(0);
    }
    Count::parse(text).map(Count::get)
}

impl RiskDraft {
    pub fn is_default(&self) -> bool {
        *self == RiskDraft::default()
    }

    /// The doubt about stage `id`'s rate (a fixed one if none was given).
    pub fn doubt(&self, id: u32) -> RateDoubt {
        self.rates
            .iter()
            .find(|d| d.id == id)
            .cloned()
            .unwrap_or(RateDoubt {
                id,
                ..RateDoubt::default()
            })
    }

    /// Edits stage `id`'s doubt; a doubt back to fixed with nothing typed is dropped, so the
    /// scenario returns to its plain form.
    pub fn edit_doubt(&mut self, id: u32, edit: impl FnOnce(&mut RateDoubt)) {
        let mut doubt = self.doubt(id);
        edit(&mut doubt);
        self.rates.retain(|d| d.id != id);
        let blank = RateDoubt {
            id,
            ..RateDoubt::default()
        };
        if doubt != blank {
            self.rates.push(doubt);
            self.rates.sort_by_key(|d| d.id);
        }
    }

    /// Every text within the length the inputs allow (for the scenario's validation).
    pub fn within_limits(&self) -> bool {
        let ok = |t: &str| t.chars().nth(MAX_CHARS).is_none();
        self.rates.len() <= crate::funnel::MAX_STAGES
            && self
                .rates
                .iter()
                .all(|d| ok(&d.low) && ok(&d.high) && ok(&d.won) && ok(&d.trials))
            && [&self.confidence, &self.deal_p10, &self.deal_p90, &self.seed]
                .iter()
                .all(|t| ok(t))
    }

    /// Checks every field for the stages `rate_ids` (the stages that have a rate out).
    pub fn settings(
        &self,
        rate_ids: &[u32],
    ) -> Result<RiskSettings, Vec<(RiskField, RiskProblem)>> {
        let mut errors = Vec::new();
        let mut beliefs = Vec::new();
        for d in self.rates.iter().filter(|d| rate_ids.contains(&d.id)) {
            match d.mode {
                DoubtMode::Fixed => {}
                DoubtMode::Range => {
                    let low = Rate::parse(&d.low);
                    let high = Rate::parse(&d.high);
                    if let Err(e) = low {
                        errors.push((RiskField::Low(d.id), RiskProblem::Input(e)));
                    }
                    if let Err(e) = high {
                        errors.push((RiskField::High(d.id), RiskProblem::Input(e)));
                    }
                    if let (Ok(low), Ok(high)) = (low, high) {
                        if low > high {
                            errors.push((RiskField::Low(d.id), RiskProblem::LowAboveHigh));
                        } else {
                            beliefs.push((
                                d.id,
                                Belief::Range {
                                    low: low.fraction(),
                                    high: high.fraction(),
                                },
                            ));
                        }
                    }
                }
                DoubtMode::Counts => {
                    let won = parse_won(&d.won);
                    let trials = Count::parse(&d.trials).map(Count::get);
                    if let Err(e) = won {
                        errors.push((RiskField::Won(d.id), RiskProblem::Input(e)));
                    }
                    if let Err(e) = trials {
                        errors.push((RiskField::Trials(d.id), RiskProblem::Input(e)));
                    }
                    if let (Ok(won), Ok(trials)) = (won, trials) {
                        if won > trials {
                            errors.push((RiskField::Won(d.id), RiskProblem::WonAboveTrials));
                        } else {
                            beliefs.push((d.id, Belief::Counts { won, trials }));
                        }
                    }
                }
            }
        }
        let level = match Rate::parse(&self.confidence) {
            Ok(r) if (500_000..=990_000).contains(&r.ppm()) => Some(r.fraction()),
            Ok(_) | Err(InputError::NotPositive | InputError::RateAboveHundred) => {
                errors.push((RiskField::Confidence, RiskProblem::ConfidenceOutside));
                None
            }
            Err(e) => {
                errors.push((RiskField::Confidence, RiskProblem::Input(e)));
                None
            }
        };
        let spread = match (self.deal_p10.trim(), self.deal_p90.trim()) {
            ("", "") => None,
            _ => {
                let p10 = Money::parse(&self.deal_p10);
                let p90 = Money::parse(&self.deal_p90);
                if let Err(e) = p10 {
                    errors.push((RiskField::DealP10, RiskProblem::Input(e)));
                }
                if let Err(e) = p90 {
                    errors.push((RiskField::DealP90, RiskProblem::Input(e)));
                }
                match (p10, p90) {
                    (Ok(a), Ok(b)) if a < b => Some(DealSpread {
                        p10: a.units(),
                        p90: b.units(),
                    }),
                    (Ok(_), Ok(_)) => {
                        errors.push((RiskField::DealP10, RiskProblem::P10NotBelowP90));
                        None
                    }
                    _ => None,
                }
            }
        };
        let seed = match self.seed.trim() {
            "" => {
                errors.push((RiskField::Seed, RiskProblem::Input(InputError::Empty)));
                None
            }
            t => match t.parse::<u64>() {
                Ok(s) => Some(s),
                Err(_) => {
                    errors.push((RiskField::Seed, RiskProblem::SeedNotWhole));
                    None
                }
            },
        };
        match (errors.is_empty(), level, seed) {
            (true, Some(level), Some(seed)) => Ok(RiskSettings {
                beliefs,
                level,
                spread,
                seed,
            }),
            _ => Err(errors),
        }
    }
}

/// The model's setup for this draft: its rates and doubts, the channels where their own
/// lead → MQL rates differ from the funnel's, the blended cost per lead, forward mode's entry.
pub fn build_setup(
    draft: &Draft,
    funnel: &Funnel,
    plan: &ReversePlan,
    settings: &RiskSettings,
) -> RiskSetup {
    let mut setup = RiskSetup::new(funnel, plan);
    for (i, stage) in draft.stages.iter().enumerate().take(setup.beliefs.len()) {
        if let Some((_, belief)) = settings.beliefs.iter().find(|(id, _)| *id == stage.id) {
            setup.beliefs[i] = *belief;
        }
    }
    if let (Some(lead), Ok(money)) = (setup.lead_stage, draft.plan.money_plan(funnel)) {
        setup.cpl = money.mix.blended.cpl;
        if let Ok(channels) = draft.plan.channels() {
            let funnel_rate = setup.point[lead];
            let differ = channels
                .iter()
                .any(|c| c.lead_to_mql.is_some_and(|r| r.fraction() != funnel_rate));
            if differ {
                setup.channels = channels
                    .iter()
                    .zip(&money.mix.channels)
                    .map(|(c, r)| ChannelShare {
                        weight: r.leads as f64,
                        own_lead_to_mql: c.lead_to_mql.map(Rate::fraction),
                    })
                    .collect();
                if setup.channels.iter().all(|c| c.weight <= 0.0) {
                    setup.channels.clear();
                }
            }
        }
    }
    setup.entry = draft.entry().ok().map(|e| (e.stage, e.count.get()));
    setup.level = settings.level;
    setup.spread = settings.spread;
    setup.seed = settings.seed;
    setup
}
