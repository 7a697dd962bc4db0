//! Planning over time and money, on top of the single-period reverse funnel: the fiscal period
//! and its months ([`period`]), how long deals take to close ([`lead_time`]), what must be created
//! in which month ([`phasing`]), sales velocity, coverage and headcount ([`velocity`]), the
//! period-vs-cohort gap ([`cohort`]), the channel mix ([`channels`]), unit economics
//! ([`economics`]) and the survey benchmarks with their sources ([`benchmarks`]).
//!
//! Like the rest of the crate these modules take validated values (`Rate`, `Money`, `Count`) where
//! they exist and check everything else themselves: every refusal is a [`PlanInputError`] with an
//! English `Display` (the UI words it per language), and no function lets NaN or ∞ out.

pub mod benchmarks;
pub mod channels;
pub mod cohort;
pub mod draft;
pub mod economics;
mod error;
pub mod export;
pub mod lead_time;
pub mod period;
pub mod phasing;
pub mod velocity;

pub use error::PlanInputError;

/// Splits the whole number `total` into parts proportional to `weights`, by largest remainder:
/// each part is its exact quota rounded down, and the units left over go to the largest
/// fractional parts (the earlier index on a tie). The parts always sum to `total` exactly, so a
/// plan shown month by month (or channel by channel) adds up to the period's rounded-up total.
///
/// Weights must be finite and ≥ 0 with a positive sum; otherwise (a caller bug, since every
/// caller validates first) everything goes to the first part, still summing to `total`.
pub fn largest_remainder(total: u64, weights: &[f64]) -> Vec<u64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: f64 = weights.iter().sum();
    let valid = sum.is_finite() && sum > 0.0 && weights.iter().all(|w| w.is_finite() && *w >= 0.0);
    if !valid {
        let mut parts = vec![0; weights.len()];
        parts[0] = total;
        return parts;
    }
    let quotas: Vec<f64> = weights.iter().map(|w| total as f64 * (w / sum)).collect();
    let mut parts: Vec<u64> = quotas.iter().map(|q| q.floor().max(0.0) as u64).collect();
    let fracs: Vec<f64> = quotas.iter().map(|q| q - q.floor()).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| fracs[b].total_cmp(&fracs[a]).then(a.cmp(&b)));
    let assigned: u64 = parts.iter().sum();
    if assigned <= total {
        // The leftover is below the number of parts; cycling only matters if float error made
        // it larger.
        for k in 0..(total - assigned) {
            parts[order[k as usize % order.len()]] += 1;
        }
    } else {
        // Float error rounded some quota up past the total: take units back from the smallest
        // fractional parts that have any.
        let mut excess = assigned - total;
        for &i in order.iter().rev().cycle() {
            if excess == 0 {
                break;
            }
            if parts[i] > 0 {
                parts[i] -= 1;
                excess -= 1;
            }
        }
    }
    parts
}

/// `numerator ÷ denominator`, or `None` when the denominator is zero or the result is not finite:
/// the one way this layer divides, so no NaN or ∞ can leave it.
pub(crate) fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator == 0.0 {
        return None;
    }
    let r = numerator / denominator;
    r.is_finite().then_some(r)
}

/// `x` rounded up to a whole number, treating a hair above a whole number (binary noise of a
/// sum of shares) as that number.
pub(crate) fn ceil_whole(x: f64) -> u64 {
    if !x.is_finite() || x <= 0.0 {
        return 0;
    }
    let r = x.round();
    if (x - r).abs() <= 1e-9_f64.max(x * 8.0 * f64::EPSILON) {
        r as u64
    } else {
        x.ceil() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_gives_the_extra_units_to_the_largest_fractions() {
        // 20 ÷ 3 = 6.67 each: floors 6+6+6 = 18, the 2 left go to the first two (tie → earlier).
        assert_eq!(largest_remainder(20, &[1.0, 1.0, 1.0]), vec![7, 7, 6]);
        // 10 × (0.3, 0.5, 0.2) is whole already.
        assert_eq!(largest_remainder(10, &[30.0, 50.0, 20.0]), vec![3, 5, 2]);
        // 7 × (0.15, 0.35, 0.5) = 1.05, 2.45, 3.5: floors 1+2+3 = 6, the 1 left goes to 3.5.
        assert_eq!(largest_remainder(7, &[15.0, 35.0, 50.0]), vec![1, 2, 4]);
        assert_eq!(largest_remainder(0, &[1.0, 2.0]), vec![0, 0]);
        assert_eq!(largest_remainder(5, &[0.0, 0.0]), vec![5, 0]);
        assert!(largest_remainder(5, &[]).is_empty());
    }

    #[test]
    fn ratio_refuses_zero_and_overflow() {
        assert_eq!(ratio(1.0, 4.0), Some(0.25));
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(ratio(f64::MAX, 1e-10), None);
    }
}
