//! Rows not used as a downloadable CSV (UTF-8 with a byte-order mark, so Excel opens Japanese
//! text correctly): line, column, value and reason, worded by the caller.

use super::records::{BadReason, BadRow};

/// The rows as CSV, header row first: `titles` name the line, column, value and reason columns
/// and `reason` words a reason, both in the reader's language.
pub fn bad_rows_csv(
    rows: &[BadRow],
    header: &[String],
    titles: &[&str; 4],
    reason: impl Fn(BadReason) -> String,
) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&titles.join(","));
    out.push_str("\r\n");
    for r in rows {
        let column = r
            .column
            .and_then(|c| header.get(c))
            .map_or("", String::as_str);
        let cells = [
            r.line.to_string(),
            quote(column),
            quote(&r.value),
            quote(&reason(r.reason)),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quoted when needed; a leading `=`, `+`, `-` or `@` gets an apostrophe so a spreadsheet does
/// not run the cell as a formula.
fn quote(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::date::DateError;

    const TITLES: [&str; 4] = ["Line", "Column", "Value", "Reason"];

    #[test]
    fn the_report_quotes_and_defuses_its_cells() {
        let rows = [
            BadRow {
                line: 7,
                column: Some(1),
                value: "2026/04/31".into(),
                reason: BadReason::BadDate(DateError::NoSuchDay),
            },
            BadRow {
                line: 9,
                column: None,
                value: String::new(),
                reason: BadReason::FieldCount {
                    found: 2,
                    expected: 5,
                },
            },
            BadRow {
                line: 12,
                column: Some(0),
                value: "=1+1, \"x\"".into(),
                reason: BadReason::UnknownStage,
            },
        ];
        let header = ["Stage".to_string(), "Create Date".to_string()];
        assert_eq!(
            bad_rows_csv(&rows, &header, &TITLES, |r| format!("{r:?}")),
            "\u{FEFF}Line,Column,Value,Reason\r\n\
             7,Create Date,2026/04/31,BadDate(NoSuchDay)\r\n\
             9,,,\"FieldCount { found: 2, expected: 5 }\"\r\n\
             12,Stage,\"'=1+1, \"\"x\"\"\",UnknownStage\r\n"
        );
    }
}
