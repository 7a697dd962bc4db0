//! Reading numbers the way Japanese and English users type them: `1億`, `5,000万`, `１.５億円`,
//! `¥100,000,000`, `25%`, `２５％`, `1e8`. Everything is parsed into an exact decimal — never through
//! `f64` — so `0.3` stays three tenths and later arithmetic can be exact.

use crate::error::InputError;

/// An exact non-negative decimal: `mantissa × 10^exponent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    /// This value × 10^`decimals` as an integer, or `TooPrecise` if that leaves a fraction.
    pub(crate) fn scaled(self, decimals: u8) -> Result<u128, InputError> {
        let shift = self.exponent + i32::from(decimals);
        if self.mantissa == 0 {
            return Ok(0);
        }
        if shift >= 0 {
            pow10(shift as u32)
                .and_then(|p| self.mantissa.checked_mul(p))
                .ok_or(InputError::TooLarge)
        } else {
            let divisor = pow10(shift.unsigned_abs()).ok_or(InputError::TooPrecise {
                max_decimals: decimals,
            })?;
            if self.mantissa.is_multiple_of(divisor) {
                Ok(self.mantissa / divisor)
            } else {
                Err(InputError::TooPrecise {
                    max_decimals: decimals,
                })
            }
        }
    }
}

fn pow10(n: u32) -> Option<u128> {
    10u128.checked_pow(n)
}

/// Full-width digits and signs to ASCII, so `１億`, `２５％` and `１，０００` read like their
/// ASCII forms; also drops every kind of space.
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '，' | '、' => Some(','),
            '％' => Some('%'),
            '－' | '−' | 'ー' | '–' => Some('-'),
            '＋' => Some('+'),
            '￥' => Some('¥'),
            'ｅ' | 'Ｅ' => Some('e'),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// Multipliers a number may carry, as powers of ten.
fn unit_exponent(c: char) -> Option<i32> {
    match c {
        '兆' => Some(12),
        '億' => Some(8),
        '万' | '萬' => Some(4),
        '千' | 'k' | 'K' => Some(3),
        'M' => Some(6),
        'B' => Some(9),
        _ => None,
    }
}

/// Splits off a leading sign; a minus means the value is negative, reported as `NotPositive`
/// once the rest is known to be a number.
fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else {
        (false, text.strip_prefix('+').unwrap_or(text))
    }
}

/// One plain number: digits with optional `,` grouping, an optional fraction and an optional
/// `e` exponent.
fn parse_plain(text: &str) -> Result<Decimal, InputError> {
    let (body, exp_part) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let int_digits: String = int_part.chars().filter(|&c| c != ',').collect();
    let grouping_ok =
        !int_part.starts_with(',') && !int_part.ends_with(',') && !int_part.contains(",,");
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !grouping_ok
        || (int_digits.is_empty() && frac_part.is_empty())
        || !all_digits(&int_digits)
        || !all_digits(frac_part)
    {
        return Err(InputError::NotANumber);
    }
    let exp_value: i32 = match exp_part {
        None => 0,
        Some(e) => {
            let (neg, digits) = split_sign(e);
            if digits.is_empty() || !all_digits(digits) || digits.len() > 4 {
                return Err(InputError::NotANumber);
            }
            let v: i32 = digits.parse().map_err(|_| InputError::NotANumber)?;
            if neg {
                -v
            } else {
                v
            }
        }
    };
    let mut mantissa: u128 = 0;
    let mut significant = 0usize;
    for c in int_digits.chars().chain(frac_part.chars()) {
        let d = u128::from(c as u8 - b'0');
        if mantissa == 0 && d == 0 {
            continue;
        }
        significant += 1;
        // 30 significant digits is far beyond any valid field and keeps u128 from overflowing.
        if significant > 30 {
            return Err(if significant > int_digits.len() {
                InputError::TooPrecise { max_decimals: 4 }
            } else {
                InputError::TooLarge
            });
        }
        mantissa = mantissa * 10 + d;
    }
    Ok(Decimal {
        mantissa,
        exponent: exp_value - frac_part.len() as i32,
    })
}

/// A quantity that may carry 兆/億/万/千 (or k/M/B) units, summed: `1億5,000万` = 150,000,000.
fn parse_with_units(text: &str) -> Result<Decimal, InputError> {
    let mut total: Option<Decimal> = None;
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest
            .find(|c| unit_exponent(c).is_some())
            .unwrap_or(rest.len());
        let (number, tail) = rest.split_at(end);
        if number.is_empty() {
            return Err(InputError::NotANumber);
        }
        let mut value = parse_plain(number)?;
        let mut tail_chars = tail.chars();
        if let Some(unit) = tail_chars.next() {
            value.exponent += unit_exponent(unit).unwrap_or(0);
        }
        total = Some(match total {
            None => value,
            Some(sum) => add(sum, value)?,
        });
        rest = tail_chars.as_str();
    }
    total.ok_or(InputError::NotANumber)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, InputError> {
    let exponent = a.exponent.min(b.exponent);
    let align = |d: Decimal| {
        pow10((d.exponent - exponent) as u32)
            .and_then(|p| d.mantissa.checked_mul(p))
            .ok_or(InputError::TooLarge)
    };
    let mantissa = align(a)?
        .checked_add(align(b)?)
        .ok_or(InputError::TooLarge)?;
    Ok(Decimal { mantissa, exponent })
}

/// Parses a positive quantity with optional currency or counter decorations removed first.
pub(crate) fn parse_quantity(
    text: &str,
    prefixes: &[char],
    suffixes: &[char],
) -> Result<Decimal, InputError> {
    let normalized = normalize(text);
    if normalized.is_empty() {
        return Err(InputError::Empty);
    }
    let (negative, body) = split_sign(&normalized);
    let body = body.trim_start_matches(prefixes);
    let (negative, body) = if negative {
        (true, body)
    } else {
        // `¥-5` as well as `-¥5`.
        split_sign(body)
    };
    let body = body.trim_end_matches(suffixes);
    let value = parse_with_units(body)?;
    if negative && value.mantissa != 0 {
        return Err(InputError::NotPositive);
    }
    Ok(value)
}

/// Parses a percentage: `25`, `25%`, `２５％`, `12.5 %`. A bare number is always percent.
pub(crate) fn parse_percent(text: &str) -> Result<Decimal, InputError> {
    let normalized = normalize(text);
    if normalized.is_empty() {
        return Err(InputError::Empty);
    }
    let (negative, body) = split_sign(&normalized);
    let body = body.strip_suffix('%').unwrap_or(body);
    let value = parse_plain(body)?;
    if negative && value.mantissa != 0 {
        return Err(InputError::NotPositive);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yen(text: &str) -> Result<u128, InputError> {
        parse_quantity(text, &['¥', '$'], &['円'])?.scaled(0)
    }

    #[test]
    fn reads_japanese_money_forms() {
        assert_eq!(yen("100000000"), Ok(100_000_000));
        assert_eq!(yen("100,000,000"), Ok(100_000_000));
        assert_eq!(yen("1億"), Ok(100_000_000));
        assert_eq!(yen("5,000万"), Ok(50_000_000));
        assert_eq!(yen("1.5億"), Ok(150_000_000));
        assert_eq!(yen("１億"), Ok(100_000_000));
        assert_eq!(yen("￥１，０００万円"), Ok(10_000_000));
        assert_eq!(yen("¥500万"), Ok(5_000_000));
        assert_eq!(yen("1億5,000万円"), Ok(150_000_000));
        assert_eq!(yen(" 2 兆 "), Ok(2_000_000_000_000));
        assert_eq!(yen("1e8"), Ok(100_000_000));
        assert_eq!(yen("5M"), Ok(5_000_000));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(yen(""), Err(InputError::Empty));
        assert_eq!(yen("   "), Err(InputError::Empty));
        assert_eq!(yen("abc"), Err(InputError::NotANumber));
        assert_eq!(yen("1..2"), Err(InputError::NotANumber));
        assert_eq!(yen("億"), Err(InputError::NotANumber));
        assert_eq!(yen("1,,000"), Err(InputError::NotANumber));
        assert_eq!(yen("e5"), Err(InputError::NotANumber));
        assert_eq!(yen("-5"), Err(InputError::NotPositive));
        assert_eq!(yen("¥-5"), Err(InputError::NotPositive));
        assert_eq!(yen("1.5"), Err(InputError::TooPrecise { max_decimals: 0 }));
    }

    #[test]
    fn reads_percentages() {
        let pct = |t: &str| parse_percent(t).and_then(|d| d.scaled(4));
        assert_eq!(pct("25"), Ok(250_000));
        assert_eq!(pct("25%"), Ok(250_000));
        assert_eq!(pct("２５％"), Ok(250_000));
        assert_eq!(pct("0.5 %"), Ok(5_000));
        assert_eq!(pct("12.3456"), Ok(123_456));
        assert_eq!(
            pct("12.34567"),
            Err(InputError::TooPrecise { max_decimals: 4 })
        );
        assert_eq!(pct("-3%"), Err(InputError::NotPositive));
        assert_eq!(pct("%"), Err(InputError::NotANumber));
    }
}
