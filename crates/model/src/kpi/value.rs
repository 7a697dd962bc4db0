//! Reading a typed target or actual. Unlike the funnel's inputs, zero is a real figure here
//! (no deals won yet this month), and an empty field simply means "not entered".

use std::fmt;

use crate::error::InputError;
use crate::format::{format_decimal, format_money, format_percent, format_whole};
use crate::lang::Lang;
use crate::parse::{parse_percent, parse_quantity};
use crate::values::MAX_AMOUNT;

use super::node::Unit;

/// Why a typed target or actual was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueError {
    Negative,
    NotANumber,
    /// Above 1e15 (or, for a percentage, above 1e15 %).
    TooLarge,
    TooPrecise {
        max_decimals: u8,
    },
    /// A count with a fraction.
    NotWhole,
    /// A funnel rate above 100 %.
    AboveHundred,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ValueError {}

fn from_input(error: InputError) -> ValueError {
    match error {
        InputError::NotPositive => ValueError::Negative,
        InputError::TooLarge => ValueError::TooLarge,
        InputError::TooPrecise { max_decimals } => ValueError::TooPrecise { max_decimals },
        InputError::NotWhole => ValueError::NotWhole,
        InputError::RateAboveHundred => ValueError::AboveHundred,
        InputError::Empty | InputError::NotANumber => ValueError::NotANumber,
    }
}

/// Reads `text` in `unit`: counts whole, yen to 2 decimals, percentages to 4 decimals of a
/// percent (returned as a fraction: `25%` → 0.25), custom units to 4 decimals. `capped` refuses
/// a percentage above 100 (a funnel rate). Blank text is `Ok(None)`.
pub(crate) fn parse_value(
    text: &str,
    unit: &Unit,
    capped: bool,
) -> Result<Option<f64>, ValueError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let read = |decimals: u8, suffixes: &[char]| -> Result<u128, ValueError> {
        let decimal = parse_quantity(text, &['¥', '$'], suffixes).map_err(from_input)?;
        decimal.scaled(decimals).map_err(from_input)
    };
    let limit = u128::from(MAX_AMOUNT);
    let value = match unit {
        Unit::Count => {
            let n = read(0, &['件', '人']).map_err(|e| match e {
                ValueError::TooPrecise { .. } => ValueError::NotWhole,
                other => other,
            })?;
            check_limit(n, limit)? as f64
        }
        Unit::Yen => check_limit(read(2, &['円'])?, limit * 100)? as f64 / 100.0,
        Unit::Custom(_) => check_limit(read(4, &[])?, limit * 10_000)? as f64 / 10_000.0,
        Unit::Percent => {
            let scaled = parse_percent(text)
                .map_err(from_input)?
                .scaled(4)
                .map_err(from_input)?;
            // ten-thousandths of a percent = millionths of one
            if capped && scaled > 1_000_000 {
                return Err(ValueError::AboveHundred);
            }
            check_limit(scaled, limit * 10_000)? as f64 / 1_000_000.0
        }
    };
    Ok(Some(value))
}

/// A figure for reading: `6,667` (counts whole, as people count deals), `500万円` /
/// `¥5,000,000`, `24%`, `2.5 h`. The exact value is in the CSV.
pub fn format_value(value: f64, unit: &Unit, lang: Lang) -> String {
    match unit {
        Unit::Count => format_whole(value),
        Unit::Yen => format_money(value, lang),
        Unit::Percent => format_percent(value),
        Unit::Custom(name) if name.trim().is_empty() => format_decimal(value, 4),
        Unit::Custom(name) => format!("{} {}", format_decimal(value, 4), name.trim()),
    }
}

fn check_limit(n: u128, limit: u128) -> Result<u128, ValueError> {
    if n > limit {
        Err(ValueError::TooLarge)
    } else {
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_blank_are_figures_not_errors() {
        assert_eq!(parse_value("0", &Unit::Count, false), Ok(Some(0.0)));
        assert_eq!(parse_value("  ", &Unit::Count, false), Ok(None));
        assert_eq!(parse_value("0%", &Unit::Percent, true), Ok(Some(0.0)));
    }

    #[test]
    fn reads_each_unit() {
        assert_eq!(
            parse_value("1.2万", &Unit::Count, false),
            Ok(Some(12_000.0))
        );
        assert_eq!(parse_value("500万円", &Unit::Yen, false), Ok(Some(5e6)));
        assert_eq!(parse_value("２４％", &Unit::Percent, true), Ok(Some(0.24)));
        assert_eq!(
            parse_value("2.5", &Unit::Custom("h".into()), false),
            Ok(Some(2.5))
        );
        assert_eq!(
            parse_value("250%", &Unit::Percent, false),
            Ok(Some(2.5)),
            "a custom percentage such as ROMI may exceed 100"
        );
    }

    #[test]
    fn refuses_bad_text_with_the_reason() {
        assert_eq!(
            parse_value("-5", &Unit::Count, false),
            Err(ValueError::Negative)
        );
        assert_eq!(
            parse_value("abc", &Unit::Yen, false),
            Err(ValueError::NotANumber)
        );
        assert_eq!(
            parse_value("1e16", &Unit::Count, false),
            Err(ValueError::TooLarge)
        );
        assert_eq!(
            parse_value("1e16", &Unit::Yen, false),
            Err(ValueError::TooLarge)
        );
        assert_eq!(
            parse_value("2.5", &Unit::Count, false),
            Err(ValueError::NotWhole)
        );
        assert_eq!(
            parse_value("101", &Unit::Percent, true),
            Err(ValueError::AboveHundred)
        );
        assert_eq!(
            parse_value("1e400", &Unit::Percent, false),
            Err(ValueError::TooLarge)
        );
    }
}
