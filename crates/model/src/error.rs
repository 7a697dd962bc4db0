//! Why a typed value was refused. The UI words these per language; `Display` is the English text.

use std::fmt;

/// A reason a field's text is not a valid value. Kept small and data-free where possible so the UI
/// can word each case in Japanese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    /// Nothing typed.
    Empty,
    /// Not readable as a number (e.g. `abc`, `1..2`).
    NotANumber,
    /// Zero or negative where only a positive value makes sense.
    NotPositive,
    /// A rate above 100 %.
    RateAboveHundred,
    /// Larger than the field allows (money and counts: 1e15).
    TooLarge,
    /// More decimal places than the field keeps (money: 2, rates: 4 in percent).
    TooPrecise { max_decimals: u8 },
    /// A count with a fractional part.
    NotWhole,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("enter a value"),
            InputError::NotANumber => f.write_str("not a number"),
            InputError::NotPositive => f.write_str("must be greater than 0"),
            InputError::RateAboveHundred => f.write_str("a rate cannot exceed 100%"),
            InputError::TooLarge => f.write_str("too large: at most 1,000,000,000,000,000"),
            InputError::TooPrecise { max_decimals } => {
                write!(f, "at most {max_decimals} decimal places")
            }
            InputError::NotWhole => f.write_str("must be a whole number"),
        }
    }
}

impl std::error::Error for InputError {}
