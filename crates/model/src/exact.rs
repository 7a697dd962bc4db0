//! Exact comparisons of products of integers, for rounding that is never off by one.
//!
//! Every funnel quantity is a ratio of two products of small integers (amounts in hundredths,
//! rates in parts per million), e.g. MQL = target·10⁶·10⁶·10⁶ / (deal·p_win·p_opp·p_sql). `f64`
//! gets within a few ulps of such a ratio, and that is enough to pick a candidate; the candidate is
//! then confirmed or moved by comparing integer products exactly. Hand-written because the only
//! operations needed are multiply-by-u64 and compare — a bignum crate would cost bundle size for
//! nothing else.

use std::cmp::Ordering;

/// An unsigned integer of any size, little-endian 64-bit limbs, no leading zero limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BigNat(Vec<u64>);

impl BigNat {
    fn product(factors: &[u64]) -> BigNat {
        let mut n = BigNat(vec![1]);
        for &f in factors {
            n.mul_small(f);
        }
        n
    }

    fn mul_small(&mut self, factor: u64) {
        if factor == 0 {
            self.0.clear();
            return;
        }
        let mut carry: u128 = 0;
        for limb in &mut self.0 {
            let wide = u128::from(*limb) * u128::from(factor) + carry;
            *limb = wide as u64;
            carry = wide >> 64;
        }
        if carry > 0 {
            self.0.push(carry as u64);
        }
    }
}

impl Ord for BigNat {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for BigNat {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares Π`left` with Π`right` exactly.
pub(crate) fn compare_products(left: &[u64], right: &[u64]) -> Ordering {
    BigNat::product(left).cmp(&BigNat::product(right))
}

/// ⌈Π`numerator` ÷ Π`denominator`⌉ exactly, given `approx`, an estimate of the ratio within a
/// few units. Returns `None` when the result would exceed `limit` (or the estimate is NaN).
/// Every denominator factor must be non-zero.
pub(crate) fn ceil_ratio(
    numerator: &[u64],
    denominator: &[u64],
    approx: f64,
    limit: u64,
) -> Option<u64> {
    if approx.is_nan() {
        return None;
    }
    let num = BigNat::product(numerator);
    let den = BigNat::product(denominator);
    let times_den = |c: u64| {
        let mut d = den.clone();
        d.mul_small(c);
        d
    };
    // ceil(N/D) is the smallest c with c·D ≥ N. The estimate usually is it, or one off; a bad
    // estimate falls back to a binary search, so the cost stays bounded either way.
    let reaches = |c: u64| times_den(c) >= num;
    let cap = limit.saturating_add(1);
    let guess = (approx.max(0.0).ceil() as u64).min(cap);
    let mut found = None;
    for c in [
        guess.saturating_sub(1),
        guess,
        guess.saturating_add(1).min(cap),
    ] {
        if reaches(c) {
            found = Some(c);
            break;
        }
    }
    let c = match found {
        Some(c) if c == 0 || !reaches(c - 1) => c,
        _ => {
            let (mut lo, mut hi) = (0u64, cap);
            if !reaches(hi) {
                return None;
            }
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if reaches(mid) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            lo
        }
    };
    (c <= limit).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_products_beyond_u128() {
        let big = [u64::MAX, u64::MAX, u64::MAX];
        assert_eq!(compare_products(&big, &big), Ordering::Equal);
        assert_eq!(
            compare_products(&[u64::MAX, u64::MAX, 2], &big),
            Ordering::Less
        );
        assert_eq!(
            compare_products(&[1_000_000; 10], &[10; 60]),
            Ordering::Equal
        );
        assert_eq!(compare_products(&[0], &[]), Ordering::Less);
    }

    #[test]
    fn ceil_is_exact_even_from_a_bad_estimate() {
        assert_eq!(ceil_ratio(&[200], &[3, 1], 0.0, 1000), Some(67));
        assert_eq!(ceil_ratio(&[200], &[3], 500.0, 1000), Some(67));
        assert_eq!(ceil_ratio(&[80, 10], &[4], 199.999_999_9, 1000), Some(200));
        assert_eq!(ceil_ratio(&[80, 10], &[4], 200.000_000_1, 1000), Some(200));
        assert_eq!(ceil_ratio(&[0], &[4], 0.0, 1000), Some(0));
        assert_eq!(ceil_ratio(&[5000], &[1], 5000.0, 1000), None);
        assert_eq!(ceil_ratio(&[1], &[1], f64::NAN, 1000), None);
        assert_eq!(ceil_ratio(&[777], &[1], f64::INFINITY, 1000), Some(777));
        assert_eq!(ceil_ratio(&[777], &[1], 3.0, 1000), Some(777));
    }
}
