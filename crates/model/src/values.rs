//! Validated numbers: a conversion rate, an amount of money and a count. Each is built only
//! through a checking constructor (also on deserialization), so code past this module never
//! meets a zero rate, a negative amount or a value that would overflow the exact arithmetic.

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::parse::{parse_percent, parse_quantity};

/// Money and counts above this are refused: no plan needs more, and it keeps every product of
/// the exact arithmetic far from overflow.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

/// Parts per million in one whole (100 %).
pub const PPM: u64 = 1_000_000;

/// A conversion rate in (0 %, 100 %], held exactly in parts per million (4 decimals of a percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Rate(u32);

impl Rate {
    /// From parts per million; refuses 0 and anything above 1,000,000.
    pub fn from_ppm(ppm: u32) -> Result<Self, InputError> {
        match u64::from(ppm) {
            0 => Err(InputError::NotPositive),
            p if p > PPM => Err(InputError::RateAboveHundred),
            _ => Ok(Rate(ppm)),
        }
    }

    /// Parses `25`, `25%`, `２５％`: a bare number is a percentage.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let ppm = parse_percent(text)?.scaled(4)?;
        if ppm > u128::from(PPM) {
            return Err(InputError::RateAboveHundred);
        }
        Rate::from_ppm(ppm as u32)
    }

    pub fn ppm(self) -> u32 {
        self.0
    }

    /// The rate as a fraction of one (0.25 for 25 %); for display and approximate work only.
    pub fn fraction(self) -> f64 {
        f64::from(self.0) / PPM as f64
    }

    /// The percentage as the user would type it back: `25`, `12.5`, `0.0001`.
    pub fn to_percent_text(self) -> String {
        let whole = self.0 / 10_000;
        let frac = self.0 % 10_000;
        if frac == 0 {
            whole.to_string()
        } else {
            let digits = format!("{frac:04}");
            format!("{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl TryFrom<u32> for Rate {
    type Error = InputError;
    fn try_from(ppm: u32) -> Result<Self, Self::Error> {
        Rate::from_ppm(ppm)
    }
}

impl From<Rate> for u32 {
    fn from(rate: Rate) -> u32 {
        rate.0
    }
}

/// An amount of money in (0, 1e15], held exactly in hundredths (sen or cents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Money(u64);

impl Money {
    pub fn from_hundredths(hundredths: u64) -> Result<Self, InputError> {
        if hundredths == 0 {
            Err(InputError::NotPositive)
        } else if hundredths > MAX_AMOUNT * 100 {
            Err(InputError::TooLarge)
        } else {
            Ok(Money(hundredths))
        }
    }

    pub fn from_units(units: u64) -> Result<Self, InputError> {
        Money::from_hundredths(units.checked_mul(100).ok_or(InputError::TooLarge)?)
    }

    /// Parses `1億`, `5,000万`, `¥100,000,000`, `1.5億円`, `１億`, `1e8`.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let hundredths = parse_quantity(text, &['¥', '$'], &['円'])?.scaled(2)?;
        if hundredths > u128::from(MAX_AMOUNT * 100) {
            return Err(InputError::TooLarge);
        }
        Money::from_hundredths(hundredths as u64)
    }

    pub fn hundredths(self) -> u64 {
        self.0
    }

    /// The amount in whole units (yen); for display and approximate work only.
    pub fn units(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// The amount as plain digits, as the user could type it back.
    pub fn to_plain_text(self) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}.{}", f / 10),
            f => format!("{whole}.{f:02}"),
        }
    }
}

impl TryFrom<u64> for Money {
    type Error = InputError;
    fn try_from(hundredths: u64) -> Result<Self, Self::Error> {
        Money::from_hundredths(hundredths)
    }
}

impl From<Money> for u64 {
    fn from(money: Money) -> u64 {
        money.0
    }
}

/// A whole, positive number of things (visits, leads, …) up to 1e15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Count(u64);

impl Count {
    pub fn new(n: u64) -> Result<Self, InputError> {
        match n {
            0 => Err(InputError::NotPositive),
            n if n > MAX_AMOUNT => Err(InputError::TooLarge),
            n => Ok(Count(n)),
        }
    }

    /// Parses `3000`, `3,000`, `３千`, `1.2万`, `500件`.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let decimal = parse_quantity(text, &[], &['件', '人'])?;
        let n = decimal.scaled(0).map_err(|e| match e {
            InputError::TooPrecise { .. } => InputError::NotWhole,
            other => other,
        })?;
        if n > u128::from(MAX_AMOUNT) {
            return Err(InputError::TooLarge);
        }
        Count::new(n as u64)
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for Count {
    type Error = InputError;
    fn try_from(n: u64) -> Result<Self, Self::Error> {
        Count::new(n)
    }
}

impl From<Count> for u64 {
    fn from(count: Count) -> u64 {
        count.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_accepts_the_open_closed_range() {
        assert_eq!(Rate::parse("100%").map(Rate::ppm), Ok(1_000_000));
        assert_eq!(Rate::parse("0.0001").map(Rate::ppm), Ok(1));
        assert_eq!(Rate::parse("0%"), Err(InputError::NotPositive));
        assert_eq!(Rate::parse("0"), Err(InputError::NotPositive));
        assert_eq!(Rate::parse("120%"), Err(InputError::RateAboveHundred));
        assert_eq!(Rate::parse("100.0001"), Err(InputError::RateAboveHundred));
        assert_eq!(Rate::parse("1e9"), Err(InputError::RateAboveHundred));
        assert_eq!(Rate::parse("abc"), Err(InputError::NotANumber));
        assert_eq!(Rate::parse(""), Err(InputError::Empty));
        assert_eq!(Rate::parse("-5"), Err(InputError::NotPositive));
    }

    #[test]
    fn rate_prints_back_as_typed() {
        for text in ["25", "12.5", "0.0001", "100", "33.3333"] {
            assert_eq!(Rate::parse(text).unwrap().to_percent_text(), text);
        }
    }

    #[test]
    fn money_is_bounded_and_positive() {
        assert_eq!(
            Money::parse("1億").map(Money::hundredths),
            Ok(10_000_000_000)
        );
        assert_eq!(Money::parse("1000兆").map(Money::units), Ok(1e15));
        assert_eq!(Money::parse("1e15").map(Money::units), Ok(1e15));
        assert_eq!(Money::parse("1e16"), Err(InputError::TooLarge));
        assert_eq!(Money::parse("1000兆1"), Err(InputError::TooLarge));
        assert_eq!(Money::parse("0"), Err(InputError::NotPositive));
        assert_eq!(Money::parse("-100"), Err(InputError::NotPositive));
        assert_eq!(
            Money::parse("12.345"),
            Err(InputError::TooPrecise { max_decimals: 2 })
        );
        assert_eq!(Money::parse("1e400"), Err(InputError::TooLarge));
        assert_eq!(
            Money::parse("99999999999999999999999999999999999"),
            Err(InputError::TooLarge)
        );
        assert_eq!(
            Money::parse("1.5").map(|m| m.to_plain_text()),
            Ok("1.5".into())
        );
    }

    #[test]
    fn count_is_whole() {
        assert_eq!(Count::parse("3,000").map(Count::get), Ok(3000));
        assert_eq!(Count::parse("1.2万").map(Count::get), Ok(12_000));
        assert_eq!(Count::parse("500件").map(Count::get), Ok(500));
        assert_eq!(Count::parse("2.5"), Err(InputError::NotWhole));
        assert_eq!(Count::parse("0"), Err(InputError::NotPositive));
        assert_eq!(Count::parse("1e16"), Err(InputError::TooLarge));
    }

    #[test]
    fn deserialization_validates() {
        assert!(serde_json_like_u32::<Rate>(0).is_err());
        assert!(serde_json_like_u32::<Rate>(1_000_001).is_err());
        assert!(serde_json_like_u32::<Rate>(250_000).is_ok());
    }

    fn serde_json_like_u32<T: TryFrom<u32>>(v: u32) -> Result<T, T::Error> {
        T::try_from(v)
    }
}
