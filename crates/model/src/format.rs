//! Numbers as people read them: `6,667`, `約3,333万円`, `1.33億円`, `¥100,000,000`, `0.3%`.
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

/// Money as a plan document writes it.
///
/// English: whole yen with thousands separators, `¥33,333,333`.
///
/// Japanese, on the amount rounded to whole yen (half away from zero):
/// - below 10万: whole yen, `11,898円`;
/// - from 10万: in 万, 億 or 兆 (the largest that fits), with as many decimals as keep at least
///   three significant digits — one decimal below 100万 (`12.3万円`), none above (`7,932万円`);
///   two below 10億 (`1.33億円`), one below 100億 (`12.3億円`), none above (`123億円`); the same
///   for 兆. Trailing zeros are dropped (`1.5億円`, `1億円`);
/// - `約` is written whenever the shown figure differs from the whole-yen amount
///   (`約3,333万円` for 33,333,333), so a rounded figure never passes for an exact one;
///   rounding that reaches the next unit moves to it (99,996,000 → `約1億円`);
/// - a loss carries its sign first: `-約450万円`.
///
/// The exact figure is [`format_money_exact`]; the UI shows it on hover and focus, and CSV
/// exports write raw numbers.
pub fn format_money(units: f64, lang: Lang) -> String {
    if !units.is_finite() {
        return "—".to_string();
    }
    let whole = units.abs().round();
    let sign = if units < 0.0 && whole >= 1.0 { "-" } else { "" };
    match lang {
        Lang::En => format!("{sign}¥{}", format_count(whole as u64)),
        Lang::Ja => format!("{sign}{}", japanese_plan_amount(whole as u64)),
    }
}

/// The exact amount behind [`format_money`]: `33,333,333円`, `11,898.41円`, `¥33,333,333`,
/// `¥11,898.41` (hundredths kept when there are any).
pub fn format_money_exact(units: f64, lang: Lang) -> String {
    if !units.is_finite() {
        return "—".to_string();
    }
    let digits = format_decimal(units, 2);
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", digits),
    };
    match lang {
        Lang::En => format!("{sign}¥{digits}"),
        Lang::Ja => format!("{sign}{digits}円"),
    }
}

/// Whether [`format_money`] shows a rounded figure (約, or yen fractions dropped), so the
/// exact one is worth offering.
pub fn money_is_rounded(units: f64, lang: Lang) -> bool {
    units.is_finite()
        && (format_money(units, lang).contains('約')
            || (units.abs() * 100.0).round() % 100.0 != 0.0)
}

/// `n` yen (whole, non-negative) in 万/億/兆 with at least three significant digits.
fn japanese_plan_amount(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [
        (10_000, "万"),
        (100_000_000, "億"),
        (1_000_000_000_000, "兆"),
    ];
    if n < 100_000 {
        return format!("{}円", format_count(n));
    }
    let mut unit = UNITS.iter().rposition(|(size, _)| n >= *size).unwrap_or(0);
    loop {
        let (size, name) = UNITS[unit];
        let (size, n128) = (size as u128, n as u128);
        // Decimals that keep three significant digits of n / size.
        let decimals: u32 = match n128 * 100 / size {
            0..=999 => 2,
            1_000..=9_999 => 1,
            _ => 0,
        };
        let scale = 10u128.pow(decimals);
        // Half away from zero on integers.
        let scaled = (n128 * scale + size / 2) / size;
        // 9,999.6万 rounds to 10,000万: written in the next unit up instead (約1億円).
        if scaled >= 10_000 * scale && unit + 1 < UNITS.len() {
            unit += 1;
            continue;
        }
        let approx = if scaled * size == n128 * scale {
            ""
        } else {
            "約"
        };
        let int_part = group_thousands(&(scaled / scale).to_string());
        let frac = format!("{:0width$}", scaled % scale, width = decimals as usize);
        let frac = frac.trim_end_matches('0');
        return if frac.is_empty() {
            format!("{approx}{int_part}{name}円")
        } else {
            format!("{approx}{int_part}.{frac}{name}円")
        };
    }
}

/// A count as people read it: whole, half away from zero (`133.4` → `133`, `1.5` → `2`),
/// thousands grouped. The exact value is [`format_count_exact`], shown on hover.
pub fn format_whole(value: f64) -> String {
    format_decimal(value, 0)
}

/// The exact count behind [`format_whole`], to two decimals: `133.4`, `1.5`, `20`.
pub fn format_count_exact(value: f64) -> String {
    format_decimal(value, 2)
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

/// A figure followed by a bracketed remark, cut where a line may break: before the remark and
/// after each of its clauses (「・」 or ", "; a comma inside a number is no boundary). `None` when
/// there is no remark after a figure. Each part is shown on one line.
pub fn remark_parts(text: &str) -> Option<Vec<&str>> {
    let at = text
        .find('（')
        .or_else(|| text.find(" ("))
        .filter(|&at| at > 0)?;
    let mut parts = vec![&text[..at]];
    let mut start = at;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = at + i + c.len_utf8();
        let boundary = c == '・' || (c == ',' && chars.peek().is_some_and(|(_, n)| *n == ' '));
        if boundary {
            parts.push(&text[start..end]);
            start = end;
        }
    }
    parts.push(&text[start..]);
    Some(parts)
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
    fn money_in_japanese_reads_like_a_plan_document() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0円"),
            (0.4, "0円"),
            (999.0, "999円"),
            (11_898.0, "11,898円"),
            (11_898.41, "11,898円"),
            (99_999.0, "99,999円"),
            (99_999.6, "10万円"),
            (100_000.0, "10万円"),
            (123_456.0, "約12.3万円"),
            (450_000.0, "45万円"),
            (999_999.0, "約100万円"),
            (1_000_000.0, "100万円"),
            (4_500_010.0, "約450万円"),
            (5_000_000.0, "500万円"),
            (33_333_333.0, "約3,333万円"),
            (79_324_000.0, "約7,932万円"),
            (99_990_000.0, "9,999万円"),
            (99_996_000.0, "約1億円"),
            (100_000_000.0, "1億円"),
            (133_333_333.0, "約1.33億円"),
            (150_000_000.0, "1.5億円"),
            (396_680_000.0, "約3.97億円"),
            (300_000_000.0, "3億円"),
            (1_234_567_890.0, "約12.3億円"),
            (12_345_678_900.0, "約123億円"),
            (999_960_000_000.0, "約1兆円"),
            (2_000_000_000_000.0, "2兆円"),
            (2_500_000_000_000.0, "2.5兆円"),
            (-5_000_000.0, "-500万円"),
            (-4_500_010.0, "-約450万円"),
            (-0.3, "0円"),
        ];
        for (value, shown) in cases {
            assert_eq!(format_money(*value, Lang::Ja), *shown, "{value}");
        }
        assert_eq!(format_money(f64::NAN, Lang::Ja), "—");
        assert_eq!(format_money(f64::INFINITY, Lang::Ja), "—");
    }

    #[test]
    fn money_in_english_groups_thousands() {
        let cases: &[(f64, &str)] = &[
            (0.0, "¥0"),
            (11_898.41, "¥11,898"),
            (5_000.4, "¥5,000"),
            (33_333_333.0, "¥33,333,333"),
            (100_000_000.0, "¥100,000,000"),
            (-4_500_010.0, "-¥4,500,010"),
        ];
        for (value, shown) in cases {
            assert_eq!(format_money(*value, Lang::En), *shown, "{value}");
        }
        assert_eq!(format_money(f64::INFINITY, Lang::En), "—");
    }

    #[test]
    fn exact_money_is_offered_when_the_shown_figure_is_rounded() {
        assert_eq!(format_money_exact(33_333_333.0, Lang::Ja), "33,333,333円");
        assert_eq!(format_money_exact(11_898.41, Lang::Ja), "11,898.41円");
        assert_eq!(format_money_exact(-4_500_010.0, Lang::Ja), "-4,500,010円");
        assert_eq!(format_money_exact(11_898.41, Lang::En), "¥11,898.41");
        assert!(money_is_rounded(33_333_333.0, Lang::Ja));
        assert!(!money_is_rounded(33_333_333.0, Lang::En));
        assert!(money_is_rounded(11_898.41, Lang::En));
        assert!(!money_is_rounded(5_000_000.0, Lang::Ja));
        assert!(!money_is_rounded(f64::NAN, Lang::Ja));
    }

    #[test]
    fn counts_people_read_are_whole() {
        assert_eq!(format_whole(133.4), "133");
        assert_eq!(format_whole(1.5), "2");
        assert_eq!(format_whole(0.49), "0");
        assert_eq!(format_whole(234_493.2), "234,493");
        assert_eq!(format_whole(f64::NAN), "—");
        assert_eq!(format_count_exact(133.4), "133.4");
        assert_eq!(format_count_exact(20.0), "20");
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

    #[test]
    fn remarks_break_between_clauses_never_inside_a_number() {
        assert_eq!(
            remark_parts("21件（目標 20件・余裕 1件）"),
            Some(vec!["21件", "（目標 20件・", "余裕 1件）"])
        );
        assert_eq!(
            remark_parts("21 (target 20, surplus 1)"),
            Some(vec!["21", " (target 20,", " surplus 1)"])
        );
        assert_eq!(
            remark_parts("358,152件（+24,818）"),
            Some(vec!["358,152件", "（+24,818）"])
        );
        assert_eq!(remark_parts("約3,333万円"), None);
        assert_eq!(remark_parts("（注）"), None);
        // the parts always put the text back together
        for text in ["4倍（現在 0倍・不足）", "1,234 (a, b, c)", "x（・・）"] {
            assert_eq!(remark_parts(text).unwrap().concat(), text);
        }
    }
}
