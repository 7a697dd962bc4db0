//! Deciding under uncertainty: how likely the plan is to reach its target, how many more
//! top-stage entries buy 80 % or 90 % confidence, and which input matters most.
//!
//! Every top-stage entry converts through each stage independently, so with fixed rates the won
//! deals from N entries are Binomial(N, Π rates) — or, where channels have their own
//! lead → MQL rate, a sum of one binomial per channel. Those distributions are computed exactly
//! ([`distribution`], [`won_model`]); rates with a range are integrated by a seeded Monte Carlo
//! ([`monte_carlo`]). The Funnel view's headline needs only [`RiskSetup::exact_reach`].

pub mod belief;
pub mod confidence;
pub mod distribution;
pub mod draft;
pub mod export;
pub mod figures;
pub mod monte_carlo;
pub mod odds;
pub mod rng;
pub mod sensitivity;
pub mod setup;
pub mod spread;
pub mod won_model;

pub use belief::Belief;
pub use draft::{
    build_setup, DoubtMode, RateDoubt, RiskDraft, RiskField, RiskProblem, RiskSettings,
};
pub use export::{risk_csv, RiskCsvWords};
pub use figures::{
    exact_level_count, risk_figures, risk_figures_timed, LevelCount, Outlook, RiskFigures, Timings,
};
pub use odds::{odds, Odds};
pub use setup::{ChannelShare, DealSpread, RiskSetup};
