//! Integration over uncertain rates by a seeded Monte Carlo.
//!
//! A trial draws every rate from its belief. What the won deals then depend on is only two
//! numbers: the product `a` of the rates (without the lead → MQL rate where channels have their
//! own), and that lead → MQL rate `l`. So the trials are grouped into narrow strata over (a, l),
//! and the *exact* distribution of won deals is computed once per stratum instead of once per
//! trial. The work no longer grows with the trial count, which keeps
//! 100,000 trials inside a frame's budget, while the only sampling error left is over the rates
//! (reported as a standard error). With every range at zero width every stratum is the same point and the
//! answer is the exact one with an error of zero.

use super::belief::{Belief, Sampler};
use super::distribution::{Mixture, Pmf};
use super::rng::Rng;
use super::setup::RiskSetup;
use super::won_model::won_pmf;

/// Trials of the main pass.
pub const TRIALS: u32 = 100_000;
/// Strata along `a` and, within each, along `l`: for the main pass, and for the searches (which
/// evaluate many counts, so use fewer).
const MAIN_GRID: (usize, usize) = (128, 16);
const SEARCH_GRID: (usize, usize) = (24, 6);

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

/// The trials of one seed, in strata: split into equal-count bins by `a`, each of those by `l`.
/// A stratum is evaluated once, exactly, at its trials' mean (a, l), and weighs as many trials
/// as it holds; the strata follow the trials, so they are narrow where the trials are dense.
pub struct RateDraws {
    from: usize,
    /// Each trial's (a, l).
    points: Vec<(f64, f64)>,
    /// (mean a, mean l, trials in it) per stratum.
    strata: Vec<(f64, f64, usize)>,
    /// The stratum of each trial, in `points` order.
    member: Vec<usize>,
}

impl RateDraws {
    pub fn new(
        setup: &RiskSetup,
        from: usize,
        seed: u64,
        trials: u32,
        grid: (usize, usize),
    ) -> RateDraws {
        let mut rng = Rng::new(seed);
        let lead = setup.channel_lead(from);
        let samplers: Vec<Sampler> = setup.beliefs.iter().map(Belief::sampler).collect();
        let points: Vec<(f64, f64)> = (0..trials)
            .map(|_| {
                let (mut a, mut l) = (1.0, 1.0);
                for (i, s) in samplers.iter().enumerate() {
                    // Every belief draws, used or not, so a stage's draws do not depend on
                    // where the entries start.
                    let r = s.draw(&mut rng);
                    if Some(i) == lead {
                        l = r;
                    } else if i >= from {
                        a *= r;
                    }
                }
                (a, l)
            })
            .collect();
        RateDraws::stratified(from, points, grid)
    }

    /// The same trials in other strata.
    pub fn regrid(&self, grid: (usize, usize)) -> RateDraws {
        RateDraws::stratified(self.from, self.points.clone(), grid)
    }

    fn stratified(from: usize, points: Vec<(f64, f64)>, grid: (usize, usize)) -> RateDraws {
        let n = points.len();
        // A coordinate without spread needs one bin (fixed rates, zero-width ranges).
        let spread = |f: fn(&(f64, f64)) -> f64| {
            let first = points.first().map_or(0.0, f);
            points.iter().any(|p| f(p) != first)
        };
        let grid = (
            if spread(|p| p.0) { grid.0 } else { 1 },
            if spread(|p| p.1) { grid.1 } else { 1 },
        );
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&i, &j| points[i].0.total_cmp(&points[j].0));
        let mut strata = Vec::new();
        let mut member = vec![0; n];
        let bins_a = grid.0.clamp(1, n.max(1));
        for ba in 0..bins_a {
            let mut cell: Vec<usize> = order[ba * n / bins_a..(ba + 1) * n / bins_a].to_vec();
            cell.sort_by(|&i, &j| points[i].1.total_cmp(&points[j].1));
            let m = cell.len();
            let bins_l = grid.1.clamp(1, m.max(1));
            for bl in 0..bins_l {
                let part = &cell[bl * m / bins_l..(bl + 1) * m / bins_l];
                if part.is_empty() {
                    continue;
                }
                let k = part.len() as f64;
                let a = part.iter().map(|&i| points[i].0).sum::<f64>() / k;
                let l = part.iter().map(|&i| points[i].1).sum::<f64>() / k;
                for &i in part {
                    member[i] = strata.len();
                }
                strata.push((a, l, part.len()));
            }
        }
        RateDraws {
            from,
            points,
            strata,
            member,
        }
    }

    /// How many trials were drawn.
    pub fn trials(&self) -> u32 {
        self.points.len() as u32
    }

    fn node_pmf(&self, setup: &RiskSetup, a: f64, l: f64, count: u64) -> Pmf {
        won_pmf(&setup.classes_at(self.from, a, l), count)
    }

    /// Estimated P(won ≥ need) from `count` entries; never falls as `count` rises, since the
    /// strata stay fixed and every stratum's chance rises.
    pub fn reach(&self, setup: &RiskSetup, count: u64) -> f64 {
        if setup.need == 0 {
            return 1.0;
        }
        let sum: f64 = self
            .strata
            .iter()
            .map(|&(a, l, k)| k as f64 * self.node_pmf(setup, a, l, count).at_least(setup.need))
            .sum();
        (sum / self.points.len().max(1) as f64).clamp(0.0, 1.0)
    }

    /// The chance, its standard error over the trials, and the mixed distribution.
    pub fn sample(&self, setup: &RiskSetup, count: u64) -> Sampled {
        let mut mixture = Mixture::default();
        let node_reach: Vec<f64> = self
            .strata
            .iter()
            .map(|&(a, l, k)| {
                let pmf = self.node_pmf(setup, a, l, count);
                mixture.add(&pmf, k as f64);
                if setup.need == 0 {
                    1.0
                } else {
                    pmf.at_least(setup.need)
                }
            })
            .collect();
        let n = self.points.len().max(1) as f64;
        let (sum, sum_sq) = self
            .member
            .iter()
            .map(|&m| node_reach[m])
            .fold((0.0, 0.0), |(s, q), r| (s + r, q + r * r));
        let mean = sum / n;
        let var = ((sum_sq / n - mean * mean) * n / (n - 1.0).max(1.0)).max(0.0);
        Sampled {
            reach: Estimate {
                value: mean.clamp(0.0, 1.0),
                error: (var / n).sqrt(),
            },
            pmf: mixture.into_pmf(),
            trials: self.points.len() as u32,
        }
    }
}

/// The main pass: `TRIALS` rate draws from `seed` at `count` entries of stage `from`, and the
/// same draws on the coarser grid the confidence searches and the curve use.
pub fn sample(setup: &RiskSetup, from: usize, count: u64, seed: u64) -> (Sampled, RateDraws) {
    let draws = RateDraws::new(setup, from, seed, TRIALS, MAIN_GRID);
    (draws.sample(setup, count), draws.regrid(SEARCH_GRID))
}
