//! A distribution of won deals over whole numbers, held as the probabilities of a window of
//! consecutive counts (everything outside the window is below 10⁻¹⁸ in total), and the exact
//! binomial distribution built by a stable recurrence.
//!
//! The binomial is never computed from factorials: the terms are built outward from the mode
//! (set to 1) with the ratio P(k+1)/P(k) = (n−k)/(k+1) · p/(1−p), and the window is divided by
//! its own sum at the end. Every term is then ≤ 1, so nothing overflows, and tiny tail terms
//! that underflow to 0 carry no weight at four decimals. The cost is proportional to the window,
//! about 80 standard deviations, whatever n is (tops of 10 million entries are ordinary).

/// Probabilities of `offset`, `offset + 1`, … ; they sum to 1 (within rounding).
#[derive(Debug, Clone, PartialEq)]
pub struct Pmf {
    pub offset: u64,
    pub probs: Vec<f64>,
}

/// Relative size below which a term ends the window.
const CUT: f64 = 1e-18;

impl Pmf {
    /// All the mass on one count.
    pub fn point(at: u64) -> Pmf {
        Pmf {
            offset: at,
            probs: vec![1.0],
        }
    }

    /// Binomial(n, p) with p in [0, 1].
    pub fn binomial(n: u64, p: f64) -> Pmf {
        Pmf::binomial_cut(n, p, CUT)
    }

    /// Binomial(n, p), cutting the tails where a term falls below `cut` × the mode's.
    pub fn binomial_cut(n: u64, p: f64, cut: f64) -> Pmf {
        if n == 0 || p <= 0.0 || !p.is_finite() {
            return Pmf::point(0);
        }
        if p >= 1.0 {
            return Pmf::point(n);
        }
        let odds = p / (1.0 - p);
        let mode = (((n as f64 + 1.0) * p).floor() as u64).min(n);
        let mut up = Vec::new();
        let mut term = 1.0_f64;
        let mut k = mode;
        while k < n {
            term *= (n - k) as f64 / (k + 1) as f64 * odds;
            if term < cut {
                break;
            }
            up.push(term);
            k += 1;
        }
        let mut down = Vec::new();
        term = 1.0;
        k = mode;
        while k > 0 {
            term *= k as f64 / (n - k + 1) as f64 / odds;
            if term < cut {
                break;
            }
            down.push(term);
            k -= 1;
        }
        let offset = mode - down.len() as u64;
        let mut probs: Vec<f64> = down.into_iter().rev().collect();
        probs.push(1.0);
        probs.extend(up);
        normalise(&mut probs);
        Pmf { offset, probs }
    }

    /// The last count in the window.
    pub fn last(&self) -> u64 {
        self.offset + self.probs.len() as u64 - 1
    }

    /// P(X ≥ k).
    pub fn at_least(&self, k: u64) -> f64 {
        if k <= self.offset {
            return 1.0;
        }
        let from = (k - self.offset) as usize;
        if from >= self.probs.len() {
            return 0.0;
        }
        // Summed from the small end up, so a tail of tiny terms is not lost against large ones.
        let tail: f64 = self.probs[from..].iter().rev().sum();
        let head: f64 = self.probs[..from].iter().sum();
        // Whichever side is smaller is the more accurate one.
        if tail <= head {
            tail.clamp(0.0, 1.0)
        } else {
            (1.0 - head).clamp(0.0, 1.0)
        }
    }

    /// The smallest count x with P(X ≤ x) ≥ `q` (q in (0, 1)).
    pub fn quantile(&self, q: f64) -> u64 {
        let mut acc = 0.0;
        for (i, p) in self.probs.iter().enumerate() {
            acc += p;
            if acc >= q - 1e-12 {
                return self.offset + i as u64;
            }
        }
        self.last()
    }

    /// The mean count.
    pub fn mean(&self) -> f64 {
        self.probs
            .iter()
            .enumerate()
            .map(|(i, p)| (self.offset as f64 + i as f64) * p)
            .sum()
    }

    /// The distribution of X + Y for independent X (self) and Y, with the far tails trimmed.
    pub fn convolve(&self, other: &Pmf) -> Pmf {
        let mut probs = vec![0.0; self.probs.len() + other.probs.len() - 1];
        for (i, a) in self.probs.iter().enumerate() {
            if *a == 0.0 {
                continue;
            }
            for (j, b) in other.probs.iter().enumerate() {
                probs[i + j] += a * b;
            }
        }
        let mut pmf = Pmf {
            offset: self.offset + other.offset,
            probs,
        };
        pmf.trim(CUT);
        pmf
    }

    /// Drops leading and trailing terms below `cut` × the largest, then renormalises.
    pub fn trim(&mut self, cut: f64) {
        let top = self.probs.iter().cloned().fold(0.0, f64::max);
        let keep = |p: &f64| *p >= top * cut;
        let start = self.probs.iter().position(keep).unwrap_or(0);
        let end = self.probs.iter().rposition(keep).map_or(1, |e| e + 1);
        self.probs = self.probs[start..end.max(start + 1)].to_vec();
        self.offset += start as u64;
        normalise(&mut self.probs);
    }
}

fn normalise(probs: &mut [f64]) {
    let sum: f64 = probs.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        for p in probs.iter_mut() {
            *p /= sum;
        }
    }
}

/// Accumulates weighted distributions into one (the Monte Carlo's mixture over rates).
#[derive(Debug, Clone, Default)]
pub struct Mixture {
    offset: u64,
    sums: Vec<f64>,
    weight: f64,
}

impl Mixture {
    /// Adds `pmf` with weight `weight`.
    pub fn add(&mut self, pmf: &Pmf, weight: f64) {
        if self.sums.is_empty() {
            self.offset = pmf.offset;
        }
        if pmf.offset < self.offset {
            let grow = (self.offset - pmf.offset) as usize;
            let mut sums = vec![0.0; grow];
            sums.extend_from_slice(&self.sums);
            self.sums = sums;
            self.offset = pmf.offset;
        }
        let start = (pmf.offset - self.offset) as usize;
        if self.sums.len() < start + pmf.probs.len() {
            self.sums.resize(start + pmf.probs.len(), 0.0);
        }
        for (slot, p) in self.sums[start..].iter_mut().zip(&pmf.probs) {
            *slot += p * weight;
        }
        self.weight += weight;
    }

    pub fn into_pmf(self) -> Pmf {
        if self.sums.is_empty() {
            return Pmf::point(0);
        }
        let mut probs = self.sums;
        normalise(&mut probs);
        Pmf {
            offset: self.offset,
            probs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_binomial_matches_its_terms() {
        // Binomial(4, 1/2): 1, 4, 6, 4, 1 over 16.
        let pmf = Pmf::binomial(4, 0.5);
        assert_eq!(pmf.offset, 0);
        let want = [1.0, 4.0, 6.0, 4.0, 1.0].map(|x| x / 16.0);
        for (got, want) in pmf.probs.iter().zip(want) {
            assert!((got - want).abs() < 1e-15);
        }
        assert!((pmf.at_least(3) - 5.0 / 16.0).abs() < 1e-15);
        assert_eq!(pmf.quantile(0.5), 2);
        assert_eq!(pmf.quantile(0.0625), 0);
        assert_eq!(pmf.quantile(0.07), 1);
    }

    #[test]
    fn edges_are_points() {
        assert_eq!(Pmf::binomial(10, 1.0), Pmf::point(10));
        assert_eq!(Pmf::binomial(10, 0.0), Pmf::point(0));
        assert_eq!(Pmf::binomial(0, 0.3), Pmf::point(0));
    }

    #[test]
    fn huge_n_stays_finite_and_centred() {
        let pmf = Pmf::binomial(10_000_000, 0.5);
        assert!(pmf.probs.iter().all(|p| p.is_finite()));
        assert!((pmf.mean() - 5e6).abs() < 1e-3);
        assert!((pmf.at_least(5_000_000) - 0.5).abs() < 2e-4);
        let tiny = Pmf::binomial(10_000_000, 6e-11);
        assert!((tiny.at_least(1) - (1.0 - (-6e-4f64).exp())).abs() < 1e-9);
    }

    #[test]
    fn convolution_of_binomials_with_one_rate_is_a_binomial() {
        let a = Pmf::binomial(30, 0.2).convolve(&Pmf::binomial(50, 0.2));
        let b = Pmf::binomial(80, 0.2);
        assert_eq!(a.offset, b.offset);
        for (x, y) in a.probs.iter().zip(&b.probs) {
            assert!((x - y).abs() < 1e-14);
        }
    }
}
