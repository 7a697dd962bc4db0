//! The smallest top-stage count that reaches the target with a given confidence. The chance of
//! reaching it never falls as the count rises (every class keeps its entries; see `allocate`),
//! so the answer is found by doubling and then bisection: about 2·log₂(count) evaluations.

/// The largest top-stage count searched; beyond it the answer is "not within reach".
pub const MAX_TOP: u64 = 1_000_000_000_000;

/// The smallest n ≥ 0 with `reach(n)` ≥ `level`, given that `reach` does not decrease in n;
/// `None` if even `MAX_TOP` entries fall short. `hint` (e.g. the plan's count) starts the search.
pub fn smallest_top(reach: impl Fn(u64) -> f64, level: f64, hint: u64) -> Option<u64> {
    let ok = |n: u64| reach(n) >= level;
    let mut hi = hint.clamp(1, MAX_TOP);
    let mut lo = 0;
    while !ok(hi) {
        if hi == MAX_TOP {
            return None;
        }
        lo = hi;
        hi = hi.saturating_mul(2).min(MAX_TOP);
    }
    // Narrow from below too when the hint already reaches the level.
    if lo == 0 && hi > 1 {
        let mut probe = hi / 2;
        while probe > 0 && ok(probe) {
            hi = probe;
            probe /= 2;
        }
        lo = probe;
    }
    if lo == 0 && ok(0) {
        return Some(0);
    }
    // Invariant: !ok(lo) (or lo = 0 untested but ok(0) false), ok(hi).
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_count_at_the_level() {
        let step = |n: u64| if n >= 1234 { 0.9 } else { 0.1 };
        assert_eq!(smallest_top(step, 0.8, 10), Some(1234));
        assert_eq!(smallest_top(step, 0.8, 100_000), Some(1234));
        assert_eq!(smallest_top(step, 0.8, 1234), Some(1234));
        assert_eq!(smallest_top(|_| 1.0, 0.8, 50), Some(0));
        assert_eq!(smallest_top(|_| 0.5, 0.8, 50), None);
        assert_eq!(
            smallest_top(|n| if n >= 1 { 1.0 } else { 0.0 }, 0.8, 1),
            Some(1)
        );
    }
}
