//! Reading the plan's own kinds of number, as people type them.

use crate::error::InputError;
use crate::parse::{parse_percent, parse_quantity};
use crate::values::MAX_AMOUNT;

/// A whole number ≥ 0 up to `max` (days, lead counts).
pub(super) fn parse_whole(text: &str, max: u64) -> Result<u64, InputError> {
    let n = parse_quantity(text, &[], &['件', '日', '人'])?
        .scaled(0)
        .map_err(|e| match e {
            InputError::TooPrecise { .. } => InputError::NotWhole,
            other => other,
        })?;
    if n > u128::from(max) {
        return Err(InputError::TooLarge);
    }
    Ok(n as u64)
}

/// Money ≥ 0 in whole units (0 allowed: a free channel).
pub(super) fn parse_amount(text: &str) -> Result<f64, InputError> {
    let hundredths = parse_quantity(text, &['¥', '$'], &['円'])?.scaled(2)?;
    if hundredths > u128::from(MAX_AMOUNT) * 100 {
        return Err(InputError::TooLarge);
    }
    Ok(hundredths as f64 / 100.0)
}

/// A percentage 0–100 (0 allowed: a share or a month with nothing).
pub(super) fn parse_share(text: &str) -> Result<f64, InputError> {
    let ppm = parse_percent(text)?.scaled(4)?;
    if ppm > 1_000_000 {
        return Err(InputError::RateAboveHundred);
    }
    Ok(ppm as f64 / 10_000.0)
}

/// A seasonality weight: any number ≥ 0 up to a million (weights are relative).
pub(super) fn parse_weight(text: &str) -> Result<f64, InputError> {
    let v = parse_quantity(text, &[], &['%'])?.scaled(4)?;
    if v > 1_000_000 * 10_000 {
        return Err(InputError::TooLarge);
    }
    Ok(v as f64 / 10_000.0)
}
