//! Integration over uncertain rates by a seeded Monte Carlo. Each trial draws every rate from
//! its belief and then uses the *exact* distribution of won deals at those rates (rather than
//! one simulated count): the only sampling error left is over the rates, so the error is small,
//! and with every range at zero width the answer is the exact one with an error of zero.

use super::distribution::{Mixture, Pmf};
use super::rng::Rng;
use super::setup::RiskSetup;
use super::won_model::{won_pmf_cut, Class};

/// Trials of the main pass.
pub const TRIALS: u32 = 100_000;
/// Rate draws behind the confidence searches and the curve, which evaluate many counts each.
pub const SEARCH_DRAWS: usize = 1_000;
/// Work (trials × distribution terms) allowed for the main pass; heavier plans use fewer
/// trials, and the error shown says so.
const WORK_BUDGET: f64 = 2.0e7;
/// Looser tails than the exact figures: a trial's terms under 10⁻¹² of its mode are noise
/// against the sampling error.
const MC_CUT: f64 = 1e-12;

/// A chance estimated by sampling, with its standard error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub value: f64,
    /// Standard error of `value` (0 when every trial agrees).
    pub error: f64,
}

/// The result of the main pass at one count.
#[derive(Debug, Clone, PartialEq)]
pub struct Sampled {
    pub reach: Estimate,
    /// The distribution of won deals, mixed over the rate draws.
    pub pmf: Pmf,
    pub trials: u32,
}

/// One draw of every rate.
pub fn draw_rates(setup: &RiskSetup, rng: &mut Rng) -> Vec<f64> {
    setup.beliefs.iter().map(|b| b.sample(rng)).collect()
}

/// The main pass: `TRIALS` (or fewer for heavy plans) rate draws from `seed`, at `count`
/// entries of stage `from`.
pub fn sample(setup: &RiskSetup, from: usize, count: u64, seed: u64) -> Sampled {
    let mut rng = Rng::new(seed);
    let trial_size = {
        let classes = setup.classes(&setup.point, from);
        won_pmf_cut(&classes, count, MC_CUT).probs.len().max(1) as f64
    };
    let trials = ((WORK_BUDGET / trial_size) as u32).clamp(1_000, TRIALS);
    let mut mixture = Mixture::default();
    let (mut sum, mut sum_sq) = (0.0, 0.0);
    for _ in 0..trials {
        let rates = draw_rates(setup, &mut rng);
        let pmf = won_pmf_cut(&setup.classes(&rates, from), count, MC_CUT);
        let r = pmf.at_least(setup.need);
        sum += r;
        sum_sq += r * r;
        mixture.add(&pmf);
    }
    let n = f64::from(trials);
    let mean = sum / n;
    let var = ((sum_sq / n - mean * mean) * n / (n - 1.0).max(1.0)).max(0.0);
    Sampled {
        reach: Estimate {
            value: mean.clamp(0.0, 1.0),
            error: (var / n).sqrt(),
        },
        pmf: mixture.into_pmf(),
        trials,
    }
}

/// A fixed set of rate draws, reused for every count (common random numbers), so the estimated
/// chance of reaching the target never falls as the count rises and bisection stays exact.
pub struct DrawSet {
    classes: Vec<Vec<Class>>,
}

impl DrawSet {
    pub fn new(setup: &RiskSetup, from: usize, seed: u64) -> DrawSet {
        // A different stream from the main pass, derived from the same seed.
        let mut rng = Rng::new(seed ^ 0x5eed_5eed_5eed_5eed);
        DrawSet {
            classes: (0..SEARCH_DRAWS)
                .map(|_| setup.classes(&draw_rates(setup, &mut rng), from))
                .collect(),
        }
    }

    /// Estimated P(won ≥ need) from `count` entries.
    pub fn reach(&self, count: u64, need: u64) -> f64 {
        if need == 0 {
            return 1.0;
        }
        let total: f64 = self
            .classes
            .iter()
            .map(|c| won_pmf_cut(c, count, MC_CUT).at_least(need))
            .sum();
        total / self.classes.len() as f64
    }
}
