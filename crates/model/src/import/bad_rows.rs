//! Rows not used, worded for the page and as a downloadable CSV (UTF-8 with a byte-order mark,
//! so Excel opens Japanese text correctly): line, column, value and reason.

use super::date::DateError;
use super::mapping::Role;
use super::records::{BadReason, BadRow};
use crate::lang::Lang;

/// The reason in words.
pub fn describe(reason: BadReason, lang: Lang) -> String {
    use BadReason::*;
    let ja = lang == Lang::Ja;
    match reason {
        FieldCount { found, expected } if ja => {
            format!("項目数が{found}個です（見出しは{expected}個）")
        }
        FieldCount { found, expected } => {
            format!("{found} fields where the header has {expected}")
        }
        BadDate(DateError::NoSuchDay) if ja => "存在しない日付です".into(),
        BadDate(DateError::NoSuchDay) => "no such day".into(),
        BadDate(_) if ja => "日付として読めません".into(),
        BadDate(_) => "not a date".into(),
        BadAmount if ja => "金額として読めません".into(),
        BadAmount => "not an amount".into(),
        BadCost if ja => "費用として読めません".into(),
        BadCost => "not a cost".into(),
        Missing(role) if ja => format!("{}が空です", role_name(role, lang)),
        Missing(role) => format!("{} is empty", role_name(role, lang)),
        UnknownStage if ja => "対応づけていない段階の値です".into(),
        UnknownStage => "a stage value not mapped yet".into(),
        ClosedBeforeCreated if ja => "クローズ日が作成日より前です".into(),
        ClosedBeforeCreated => "closed before it was created".into(),
        NoStageReached if ja => "どの段階の日付もありません".into(),
        NoStageReached => "no stage date at all".into(),
    }
}

/// A column role's name (stage-date roles are named by the page, which knows the stages).
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    let ja = lang == Lang::Ja;
    match role {
        Role::Ignore if ja => "使わない",
        Role::Ignore => "Not used",
        Role::Created if ja => "作成日",
        Role::Created => "Created date",
        Role::Stage if ja => "段階（ステージ）",
        Role::Stage => "Stage",
        Role::Closed if ja => "クローズ日",
        Role::Closed => "Close date",
        Role::Amount if ja => "金額",
        Role::Amount => "Amount",
        Role::Channel if ja => "チャネル（ソース）",
        Role::Channel => "Channel (source)",
        Role::Cost if ja => "費用",
        Role::Cost => "Cost",
        Role::Owner if ja => "担当者",
        Role::Owner => "Owner",
        Role::StageDate(_) if ja => "段階の日付",
        Role::StageDate(_) => "Stage date",
    }
}

/// The rows as CSV, header row first.
pub fn bad_rows_csv(rows: &[BadRow], header: &[String], lang: Lang) -> String {
    let titles = match lang {
        Lang::Ja => ["行", "列", "値", "理由"],
        Lang::En => ["Line", "Column", "Value", "Reason"],
    };
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
            quote(&describe(r.reason, lang)),
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

    #[test]
    fn the_report_reads_in_both_languages() {
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
            bad_rows_csv(&rows, &header, Lang::En),
            "\u{FEFF}Line,Column,Value,Reason\r\n\
             7,Create Date,2026/04/31,no such day\r\n\
             9,,,2 fields where the header has 5\r\n\
             12,Stage,\"'=1+1, \"\"x\"\"\",a stage value not mapped yet\r\n"
        );
        let ja = bad_rows_csv(&rows[..1], &header, Lang::Ja);
        assert_eq!(
            ja,
            "\u{FEFF}行,列,値,理由\r\n7,Create Date,2026/04/31,存在しない日付です\r\n"
        );
        assert_eq!(
            describe(BadReason::Missing(Role::Created), Lang::Ja),
            "作成日が空です"
        );
        assert_eq!(
            describe(BadReason::Missing(Role::Stage), Lang::En),
            "Stage is empty"
        );
    }
}
