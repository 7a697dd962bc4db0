//! Revenue when deal sizes vary: each won deal's size is drawn from a lognormal fitted to the
//! user's 10th and 90th percentiles (deal sizes are positive and skewed to the right).

use super::belief::Z90;
use super::distribution::Pmf;
use super::rng::Rng;
use super::setup::DealSpread;

/// Revenue draws for the percentiles.
pub const REVENUE_DRAWS: usize = 20_000;
/// Above this many deals a draw's total is taken from the normal law of a sum (the central
/// limit theorem), instead of adding each deal.
const SUM_EXACTLY_UP_TO: u64 = 64;

/// Revenue at P10 / P50 / P90: won deals from `pmf`, each deal drawn from the spread.
pub fn revenue_quantiles(pmf: &Pmf, spread: DealSpread, seed: u64) -> [f64; 3] {
    let mu = (spread.p10.ln() + spread.p90.ln()) / 2.0;
    let sigma = ((spread.p90.ln() - spread.p10.ln()) / (2.0 * Z90)).max(0.0);
    let mean = (mu + sigma * sigma / 2.0).exp();
    let var = ((sigma * sigma).exp() - 1.0) * (2.0 * mu + sigma * sigma).exp();
    let mut cdf = Vec::with_capacity(pmf.probs.len());
    let mut acc = 0.0;
    for p in &pmf.probs {
        acc += p;
        cdf.push(acc);
    }
    let mut rng = Rng::new(seed ^ 0xdea1_5123_0000_0001);
    let mut draws: Vec<f64> = (0..REVENUE_DRAWS)
        .map(|_| {
            let u = rng.uniform() * acc;
            let won = pmf.offset + cdf.partition_point(|c| *c < u) as u64;
            if won <= SUM_EXACTLY_UP_TO {
                (0..won).map(|_| (mu + sigma * rng.normal()).exp()).sum()
            } else {
                let w = won as f64;
                (w * mean + (w * var).sqrt() * rng.normal()).max(0.0)
            }
        })
        .collect();
    draws.sort_by(f64::total_cmp);
    let at = |q: f64| draws[((q * REVENUE_DRAWS as f64) as usize).min(REVENUE_DRAWS - 1)];
    [at(0.1), at(0.5), at(0.9)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_certain_deal_gives_the_lognormal_percentiles() {
        let q = revenue_quantiles(
            &Pmf::point(1),
            DealSpread {
                p10: 300.0,
                p90: 800.0,
            },
            9,
        );
        assert!((q[0] - 300.0).abs() < 15.0, "{q:?}");
        assert!((q[1] - (300.0f64 * 800.0).sqrt()).abs() < 15.0, "{q:?}");
        assert!((q[2] - 800.0).abs() < 30.0, "{q:?}");
        assert!(q[0] <= q[1] && q[1] <= q[2]);
    }
}
