//! Numbers as people read them: `6,667`, `¥1億`, `¥500万`, `¥100,000,000`, `0.3%`.
//! Hand-written: the forms needed are few, and a locale crate would add far more to the bundle
//! than these functions (`Intl.NumberFormat` has no 万/億 notation anyway).

use crate::lang::Lang;

/// Digits grouped by thousands: `6666666` → `6,666,666`.
pub fn group_thousands(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole count with thousands separators.
pub fn format_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A non-negative value with at most `max_decimals` decimals, trailing zeros dropped:
/// `666.6667` → `666.67`, `20.0` → `20`. Non-finite values print as `—`, never NaN or ∞.
pub fn format_decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    // Half away from zero, as spreadsheets and people round (83.25 → 83.3), not the
    // round-half-to-even of `format!` on values that are exact in binary.
    let scale = 10f64.powi(max_decimals.min(15) as i32);
    let scaled = value.abs() * scale;
    let rounded = if scaled < 4.5e15 {
        scaled.round() / scale
    } else {
        value.abs()
    };
    let text = format!("{:.*}", max_decimals, rounded);
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac_part.trim_end_matches('0');
    let sign = if value < 0.0 && (int_part != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int_part))
    } else {
        format!("{sign}{}.{frac}", group_thousands(int_part))
    }
}

/// Money rounded to a whole unit: `¥1億5,000万` in Japanese, `¥150,000,000` in English.
pub fn format_money(units: f64, lang: Lang) -> String {
    if !units.is_finite() {
        return "—".to_string();
    }
    let sign = if units < -0.5 { "-" } else { "" };
    let whole = units.abs().round() as u64;
    match lang {
        Lang::En => format!("{sign}¥{}", format_count(whole)),
        Lang::Ja => format!("{sign}¥{}", japanese_units(whole)),
    }
}

/// 兆/億/万 grouping: 123,456,789 → `1億2,345万6,789`; zero groups are skipped.
fn japanese_units(n: u64) -> String {
    if n == 0 {
        return "0".to_string();
    }
    const UNITS: [(u64, &str); 3] = [
        (1_000_000_000_000, "兆"),
        (100_000_000, "億"),
        (10_000, "万"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (size, name) in UNITS {
        let part = rest / size;
        if part > 0 {
            out.push_str(&format_count(part));
            out.push_str(name);
        }
        rest %= size;
    }
    if rest > 0 {
        out.push_str(&format_count(rest));
    }
    out
}

/// A fraction as a percentage that keeps small rates visible: 0.25 → `25%`, 0.003 → `0.3%`,
/// 0.00006 → `0.006%`.
pub fn format_percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    let pct = fraction * 100.0;
    // By magnitude, so a loss (a negative ROMI) keeps the decimals a gain would show.
    let magnitude = pct.abs();
    let decimals = if magnitude == 0.0 || magnitude >= 1.0 {
        2
    } else {
        // three significant digits below 1 %
        (2.0 - magnitude.log10().floor()).clamp(2.0, 12.0) as usize
    };
    format!("{}%", format_decimal(pct, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(format_decimal(83.25, 1), "83.3");
        assert_eq!(format_decimal(733.25, 1), "733.3");
        assert_eq!(format_decimal(-0.125, 2), "-0.13");
        assert_eq!(format_decimal(2.5, 0), "3");
    }

    #[test]
    fn negative_percentages_keep_their_decimals() {
        assert_eq!(format_percent(-0.117_54), "-11.75%");
        assert_eq!(format_percent(0.117_54), "11.75%");
        assert_eq!(format_percent(-0.001_234), "-0.123%");
    }

    #[test]
    fn money_in_japanese_uses_man_and_oku() {
        assert_eq!(format_money(100_000_000.0, Lang::Ja), "¥1億");
        assert_eq!(format_money(5_000_000.0, Lang::Ja), "¥500万");
        assert_eq!(format_money(150_000_000.0, Lang::Ja), "¥1億5,000万");
        assert_eq!(format_money(123_456_789.0, Lang::Ja), "¥1億2,345万6,789");
        assert_eq!(format_money(400_000_000.0, Lang::Ja), "¥4億");
        assert_eq!(format_money(2_000_000_000_000.0, Lang::Ja), "¥2兆");
        assert_eq!(format_money(999.0, Lang::Ja), "¥999");
        assert_eq!(format_money(0.0, Lang::Ja), "¥0");
        assert_eq!(format_money(-5_000_000.0, Lang::Ja), "-¥500万");
        assert_eq!(format_money(f64::NAN, Lang::Ja), "—");
    }

    #[test]
    fn money_in_english_groups_thousands() {
        assert_eq!(format_money(100_000_000.0, Lang::En), "¥100,000,000");
        assert_eq!(format_money(5_000.4, Lang::En), "¥5,000");
        assert_eq!(format_money(f64::INFINITY, Lang::En), "—");
    }

    #[test]
    fn counts_and_decimals() {
        assert_eq!(format_count(6_667), "6,667");
        assert_eq!(format_count(333_334), "333,334");
        assert_eq!(format_count(20), "20");
        assert_eq!(format_decimal(666.666_666, 2), "666.67");
        assert_eq!(format_decimal(6_666.666_6, 2), "6,666.67");
        assert_eq!(format_decimal(20.0, 2), "20");
        assert_eq!(format_decimal(19.999_999_9, 2), "20");
        assert_eq!(format_decimal(-0.001, 2), "0");
        assert_eq!(format_decimal(f64::NAN, 2), "—");
    }

    #[test]
    fn percentages_keep_small_rates_visible() {
        assert_eq!(format_percent(0.25), "25%");
        assert_eq!(format_percent(1.0), "100%");
        assert_eq!(format_percent(0.125), "12.5%");
        assert_eq!(format_percent(0.003), "0.3%");
        assert_eq!(format_percent(0.000_06), "0.006%");
        assert_eq!(format_percent(0.001_234_5), "0.123%");
        assert_eq!(format_percent(f64::NAN), "—");
    }
}
