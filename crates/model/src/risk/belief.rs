//! What is believed about one conversion rate: a fixed value, a range typed by the user (every
//! rate in it equally plausible), or counts from history ("48 won of 190"), which give a
//! Beta(won + 1, trials − won + 1) belief: the uniform prior updated by the counts.

use super::rng::Rng;

/// z of the 90th percentile of the standard normal.
pub const Z90: f64 = 1.281_551_565_544_600_4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Belief {
    /// The rate as typed, with no doubt about it.
    Fixed(f64),
    /// Any rate from `low` to `high` (fractions, 0 < low ≤ high ≤ 1), equally plausible.
    Range { low: f64, high: f64 },
    /// Beta(won + 1, trials − won + 1).
    Counts { won: u64, trials: u64 },
}

impl Belief {
    /// True when the rate has no spread (a fixed value or a zero-width range).
    pub fn is_certain(&self) -> bool {
        match *self {
            Belief::Fixed(_) => true,
            Belief::Range { low, high } => low == high,
            Belief::Counts { .. } => false,
        }
    }

    /// One plausible rate.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        match *self {
            Belief::Fixed(p) => p,
            Belief::Range { low, high } if low == high => low,
            Belief::Range { low, high } => low + (high - low) * rng.uniform(),
            Belief::Counts { won, trials } => {
                rng.beta(won as f64 + 1.0, (trials - won) as f64 + 1.0)
            }
        }
    }

    /// A sampler for many draws: a Beta becomes a table of its quantiles, so each draw costs
    /// one uniform and one interpolation instead of two gamma variates.
    pub fn sampler(&self) -> Sampler {
        match *self {
            Belief::Fixed(p) => Sampler::Uniform { low: p, width: 0.0 },
            Belief::Range { low, high } => Sampler::Uniform {
                low,
                width: high - low,
            },
            Belief::Counts { won, trials } => Sampler::Table(beta_quantiles(
                won as f64 + 1.0,
                (trials - won) as f64 + 1.0,
            )),
        }
    }

    /// The belief's own plausible low and high (the range, or the Beta's 10th and 90th
    /// percentiles by the normal approximation, kept inside (0, 1]); `None` when fixed.
    pub fn plausible(&self) -> Option<(f64, f64)> {
        match *self {
            Belief::Fixed(_) => None,
            Belief::Range { low, high } => Some((low, high)),
            Belief::Counts { won, trials } => {
                let (a, b) = (won as f64 + 1.0, (trials - won) as f64 + 1.0);
                let mean = a / (a + b);
                let sd = (a * b / ((a + b).powi(2) * (a + b + 1.0))).sqrt();
                Some(((mean - Z90 * sd).max(1e-6), (mean + Z90 * sd).min(1.0)))
            }
        }
    }
}

/// Draws from a belief, prepared once for many draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Sampler {
    Uniform {
        low: f64,
        width: f64,
    },
    /// Quantiles at u = 0, 1/K, …, 1.
    Table(Vec<f64>),
}

impl Sampler {
    pub fn draw(&self, rng: &mut Rng) -> f64 {
        match self {
            Sampler::Uniform { low, width } if *width == 0.0 => *low,
            Sampler::Uniform { low, width } => low + width * rng.uniform(),
            Sampler::Table(q) => {
                let t = rng.uniform() * (q.len() - 1) as f64;
                let i = (t as usize).min(q.len() - 2);
                let f = t - i as f64;
                q[i] + (q[i + 1] - q[i]) * f
            }
        }
    }
}

/// Quantiles per 1/4096 of Beta(a, b), from its density on a fine grid (trapezoid rule) over
/// the mean ± 12 standard deviations (what lies beyond carries no weight at 10⁻²⁰).
fn beta_quantiles(a: f64, b: f64) -> Vec<f64> {
    const GRID: usize = 8192;
    const STEPS: usize = 4096;
    let mean = a / (a + b);
    let sd = (a * b / ((a + b).powi(2) * (a + b + 1.0))).sqrt();
    let lo = (mean - 12.0 * sd).max(0.0);
    let hi = (mean + 12.0 * sd).min(1.0);
    let xs: Vec<f64> = (0..=GRID)
        .map(|j| lo + (hi - lo) * j as f64 / GRID as f64)
        .collect();
    let log_pdf = |x: f64| {
        let x = x.clamp(1e-300, 1.0 - 1e-16);
        (a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln()
    };
    let mode = if a > 1.0 && b > 1.0 {
        (a - 1.0) / (a + b - 2.0)
    } else {
        mean
    };
    let peak = xs.iter().map(|x| log_pdf(*x)).fold(log_pdf(mode), f64::max);
    let pdf: Vec<f64> = xs.iter().map(|x| (log_pdf(*x) - peak).exp()).collect();
    let mut cdf = vec![0.0; xs.len()];
    for j in 1..xs.len() {
        cdf[j] = cdf[j - 1] + (pdf[j] + pdf[j - 1]) / 2.0;
    }
    let total = cdf[GRID];
    let mut out = Vec::with_capacity(STEPS + 1);
    let mut j = 0;
    for k in 0..=STEPS {
        let target = total * k as f64 / STEPS as f64;
        while j < GRID && cdf[j + 1] < target {
            j += 1;
        }
        let span = cdf[(j + 1).min(GRID)] - cdf[j];
        let f = if span > 0.0 {
            ((target - cdf[j]) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        out.push(xs[j] + (xs[(j + 1).min(GRID)] - xs[j]) * f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_centre_on_the_observed_rate() {
        let b = Belief::Counts {
            won: 48,
            trials: 190,
        };
        let (lo, hi) = b.plausible().unwrap();
        // Beta(49, 143): mean 49/192 = 0.2552, sd = sqrt(49·143 / (192²·193)) = 0.03138.
        assert!((lo - (0.255_208 - Z90 * 0.031_38)).abs() < 1e-4, "{lo}");
        assert!((hi - (0.255_208 + Z90 * 0.031_38)).abs() < 1e-4, "{hi}");
        assert!(!b.is_certain());
        assert!(Belief::Range {
            low: 0.2,
            high: 0.2
        }
        .is_certain());
    }

    #[test]
    fn tabulated_beta_matches_the_gamma_sampler() {
        let mut rng = Rng::new(11);
        let table = Belief::Counts {
            won: 48,
            trials: 190,
        }
        .sampler();
        let n = 200_000;
        let xs: Vec<f64> = (0..n).map(|_| table.draw(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        // Beta(49, 143): mean 0.255208, variance 49·143 / (192²·193) = 0.000985.
        assert!((mean - 0.255_208).abs() < 3e-4, "{mean}");
        assert!((var - 0.000_985).abs() < 3e-5, "{var}");
        let edge = Belief::Counts { won: 0, trials: 3 }.sampler();
        for _ in 0..1000 {
            let x = edge.draw(&mut rng);
            assert!((0.0..=1.0).contains(&x));
        }
    }

    #[test]
    fn samples_stay_in_their_range() {
        let mut rng = Rng::new(3);
        let b = Belief::Range {
            low: 0.2,
            high: 0.3,
        };
        for _ in 0..1000 {
            let x = b.sample(&mut rng);
            assert!((0.2..=0.3).contains(&x));
        }
    }
}
