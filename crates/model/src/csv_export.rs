//! The results table as CSV: UTF-8 with a byte-order mark (without it Japanese Excel reads the
//! file as Shift_JIS and shows mojibake), CRLF line ends, RFC 4180 quoting.
//!
//! Hand-written: writing is a dozen lines, while the `csv` crate costs ~18 KB gzip of WASM.

use crate::format::format_percent;
use crate::forward::ForwardResult;
use crate::funnel::{Funnel, ReversePlan};

/// One row per stage, top first: the stage's name; the requirement rounded up (plain digits);
/// the exact requirement (2 decimals); the rate to the next stage as typed-back percent (empty
/// on the won stage); the cumulative rate to won; and, when `forward` is given, the expected
/// count (2 decimals, empty above the entry stage). Without `forward` that column is left out.
/// `headers` name those six columns in the reader's language; `stage_names[i]` names stage i
/// as the page shows it.
pub fn results_csv<S: AsRef<str>>(
    funnel: &Funnel,
    plan: &ReversePlan,
    forward: Option<&ForwardResult>,
    stage_names: &[S],
    headers: &[&str; 6],
) -> String {
    let columns = if forward.is_some() { 6 } else { 5 };
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &headers[..columns]);
    let last = funnel.stages.len().saturating_sub(1);
    for (i, (stage, req)) in funnel.stages.iter().zip(&plan.stages).enumerate() {
        let name = stage_names.get(i).map_or("", AsRef::as_ref);
        let mut row = vec![
            defuse_formula(name.to_string()),
            req.required.to_string(),
            two_decimals(req.exact),
            if i < last {
                format!("{}%", stage.rate_to_next.to_percent_text())
            } else {
                String::new()
            },
            format_percent(req.cumulative_to_won),
        ];
        if let Some(f) = forward {
            row.push(
                f.expected
                    .get(i)
                    .copied()
                    .flatten()
                    .map(two_decimals)
                    .unwrap_or_default(),
            );
        }
        push_row(&mut out, &row);
    }
    out
}

/// `666.67`: plain digits, no separators; empty for a value that is not a number.
fn two_decimals(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}")
    } else {
        String::new()
    }
}

/// A stage name comes from whoever made the scenario, maybe a shared link: a leading `=`, `+`,
/// `-`, `@`, tab or CR would make a spreadsheet run it as a formula, so it gets a leading `'`
/// (the usual defence; the cell then shows the text as typed).
pub(crate) fn defuse_formula(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field.as_ref());
    }
    out.push_str("\r\n");
}

/// RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        push_row(&mut out, &["a", "b,c", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=1+1".into()), "'=1+1");
        assert_eq!(defuse_formula("-x".into()), "'-x");
        assert_eq!(defuse_formula("MQL".into()), "MQL");
    }
}
