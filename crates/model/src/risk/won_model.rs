//! How top-stage entries become won deals: one class of entries per channel (each with its own
//! chance of ending as a won deal), or a single class when channels do not differ. The won
//! deals from N entries are then a sum of independent binomials, computed exactly.

use super::distribution::Pmf;

/// One class of entries: its share of the top stage and its chance of ending won.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Class {
    /// Relative weight (e.g. the channel's leads in the mix); any positive scale.
    pub weight: f64,
    /// Probability that one entry of this class ends as a won deal, in [0, 1].
    pub p: f64,
}

/// Splits `n` entries over the classes by D'Hondt's highest averages. Unlike largest remainder,
/// it never takes an entry away from a class when `n` grows (it is "house monotone"), so the
/// chance of reaching the target never falls as the top count rises, and bisection is exact.
pub fn allocate(weights: &[f64], n: u64) -> Vec<u64> {
    match weights.len() {
        0 => return Vec::new(),
        1 => return vec![n],
        _ => {}
    }
    let total: f64 = weights.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        let mut parts = vec![0; weights.len()];
        parts[0] = n;
        return parts;
    }
    // D'Hondt gives every class at least the floor of its quota, so start one below that (for
    // floating error) and hand out the rest one at a time by the highest next average.
    let mut seats: Vec<u64> = weights
        .iter()
        .map(|w| ((n as f64 * w / total).floor() as u64).saturating_sub(1))
        .collect();
    let mut given: u64 = seats.iter().sum();
    while given < n {
        let mut best = 0;
        let mut best_avg = -1.0;
        for (i, (w, s)) in weights.iter().zip(&seats).enumerate() {
            let avg = w / (*s as f64 + 1.0);
            if avg > best_avg {
                best_avg = avg;
                best = i;
            }
        }
        seats[best] += 1;
        given += 1;
    }
    seats
}

/// Won deals from `n` entries: the classes' binomials convolved (classes with the same chance
/// are merged first, since a sum of binomials with one p is a binomial).
pub fn won_pmf(classes: &[Class], n: u64) -> Pmf {
    won_pmf_cut(classes, n, 1e-18)
}

/// As `won_pmf`, with the binomials' tails cut at `cut` (the Monte Carlo uses a looser cut).
pub fn won_pmf_cut(classes: &[Class], n: u64, cut: f64) -> Pmf {
    let weights: Vec<f64> = classes.iter().map(|c| c.weight).collect();
    let counts = allocate(&weights, n);
    let mut merged: Vec<(f64, u64)> = Vec::new();
    for (c, k) in classes.iter().zip(counts) {
        match merged.iter_mut().find(|(p, _)| *p == c.p) {
            Some((_, total)) => *total += k,
            None => merged.push((c.p, k)),
        }
    }
    merged
        .iter()
        .map(|(p, k)| Pmf::binomial_cut(*k, *p, cut))
        .reduce(|a, b| a.convolve(&b))
        .unwrap_or_else(|| Pmf::point(0))
}

/// P(won ≥ `need`) from `n` entries.
pub fn reach(classes: &[Class], n: u64, need: u64) -> f64 {
    if need == 0 {
        return 1.0;
    }
    won_pmf(classes, n).at_least(need)
}

/// Expected won deals per top-stage entry.
pub fn mean_rate(classes: &[Class]) -> f64 {
    let total: f64 = classes.iter().map(|c| c.weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    classes.iter().map(|c| c.weight * c.p).sum::<f64>() / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_follows_the_weights_and_never_shrinks() {
        assert_eq!(allocate(&[1.0, 1.0], 4), vec![2, 2]);
        assert_eq!(allocate(&[3.0, 1.0], 8), vec![6, 2]);
        assert_eq!(allocate(&[5.0], 7), vec![7]);
        let w = [0.3, 0.2, 0.15, 0.15, 0.1, 0.05, 0.05];
        let mut last = allocate(&w, 0);
        for n in 1..500 {
            let now = allocate(&w, n);
            assert_eq!(now.iter().sum::<u64>(), n);
            assert!(now.iter().zip(&last).all(|(a, b)| a >= b), "{n}");
            last = now;
        }
        let big = allocate(&w, 10_000_000);
        assert_eq!(big.iter().sum::<u64>(), 10_000_000);
        assert!((big[0] as f64 - 3_000_000.0).abs() <= 7.0);
    }
}
