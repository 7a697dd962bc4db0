//! A chance in words people use: "about 1 in 2", "about 4 in 5".

/// A chance as a simple fraction, or one of the two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odds {
    /// Above 99 %.
    AlmostCertain,
    /// Below 1 %.
    AlmostNever,
    /// About `times` in `of`.
    About { times: u32, of: u32 },
}

/// The nearest of the fractions with 2, 3, 4, 5, 10, 20 or 100 as denominator, preferring the
/// smaller denominator when it is close enough to say "about" (5 points for a half: 54 % is a
/// coin flip to a reader).
pub fn odds(p: f64) -> Odds {
    if p > 0.99 {
        return Odds::AlmostCertain;
    }
    if p < 0.01 {
        return Odds::AlmostNever;
    }
    for (of, tolerance) in [
        (2, 0.05),
        (3, 0.03),
        (4, 0.03),
        (5, 0.03),
        (10, 0.02),
        (20, 0.01),
    ] {
        let times = (p * f64::from(of)).round() as u32;
        if times > 0 && times < of && (p - f64::from(times) / f64::from(of)).abs() <= tolerance {
            return reduce(times, of);
        }
    }
    reduce((p * 100.0).round() as u32, 100)
}

fn reduce(times: u32, of: u32) -> Odds {
    let (mut a, mut b) = (times, of);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    Odds::About {
        times: times / a,
        of: of / a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_chances_read_simply() {
        let about = |times, of| Odds::About { times, of };
        assert_eq!(odds(0.5), about(1, 2));
        assert_eq!(odds(0.5428), about(1, 2));
        assert_eq!(odds(0.555), about(11, 20));
        assert_eq!(odds(0.81), about(4, 5));
        assert_eq!(odds(0.9), about(9, 10));
        assert_eq!(odds(0.34), about(1, 3));
        assert_eq!(odds(0.07), about(7, 100));
        assert_eq!(odds(0.995), Odds::AlmostCertain);
        assert_eq!(odds(0.001), Odds::AlmostNever);
    }
}
