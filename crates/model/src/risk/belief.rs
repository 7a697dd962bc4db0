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
