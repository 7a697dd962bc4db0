//! The words of the import view that carry numbers or choices: the file's problems, the row
//! counts, what a column or stage value is mapped to, and the plan changes of the preview.
//! Pure, so the wording is tested natively.

use funnel_model::format::{format_count, format_decimal};
use funnel_model::import::apply::Changed;
use funnel_model::import::bad_rows::role_name;
use funnel_model::import::mapping::{MappingProblem, Role, StageTarget};
use funnel_model::Lang;

/// Largest file read: about 250,000 rows of 20 columns. Past it a tab could stall for long.
pub const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Why nothing was imported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileProblem {
    TooLarge {
        bytes: f64,
    },
    Empty,
    Binary,
    HeaderOnly,
    /// The browser could not read the file at all.
    Unreadable,
}

pub fn file_problem(p: FileProblem, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match p {
        FileProblem::TooLarge { bytes } => {
            let mb = format_decimal(bytes / 1024.0 / 1024.0, 0);
            if ja {
                format!(
                    "このファイルは{mb} MBあり、取り込める上限（50 MB、20列なら約25万行）を超えています。\
                     期間や列を絞って書き出し直してください。何も変更していません。"
                )
            } else {
                format!(
                    "This file is {mb} MB, over the 50 MB the import reads (about 250,000 rows of \
                     20 columns). Export a shorter period or fewer columns. Nothing was changed."
                )
            }
        }
        FileProblem::Empty if ja => "ファイルが空です。何も変更していません。".into(),
        FileProblem::Empty => "The file is empty. Nothing was changed.".into(),
        FileProblem::Binary if ja => {
            "CSVやTSVのテキストではないようです（Excelブックや画像など）。\
             Excelなら「CSV UTF-8」で保存するか、セルをコピーして貼り付けてください。何も変更していません。"
                .into()
        }
        FileProblem::Binary => {
            "This does not look like CSV or TSV text (an Excel workbook, an image…). Save it as \
             CSV from Excel, or copy the cells and paste them. Nothing was changed."
                .into()
        }
        FileProblem::HeaderOnly if ja => {
            "見出しの行しかありません。データの行があるファイルを選んでください。何も変更していません。".into()
        }
        FileProblem::HeaderOnly => {
            "The file has a header row and no data rows. Nothing was changed.".into()
        }
        FileProblem::Unreadable if ja => {
            "ファイルを読めませんでした。もう一度選んでください。何も変更していません。".into()
        }
        FileProblem::Unreadable => {
            "The file could not be read. Choose it again. Nothing was changed.".into()
        }
    }
}

pub fn mapping_problem(p: MappingProblem, lang: Lang) -> &'static str {
    let ja = lang == Lang::Ja;
    match p {
        MappingProblem::NoDateColumn if ja => {
            "日付の列が見つかりません。作成日やクローズ日の列を下で選んでください（日付の列がないファイルからは実績を計算できません）。"
        }
        MappingProblem::NoDateColumn => {
            "No date column found. Choose the created or close date column below (actuals cannot \
             be computed from a file without dates)."
        }
        MappingProblem::NoCreated if ja => "作成日の列を選んでください。",
        MappingProblem::NoCreated => "Choose the column holding the created date.",
        MappingProblem::NoStage if ja => "段階（ステージ）の列を選んでください。",
        MappingProblem::NoStage => "Choose the column holding the stage.",
        MappingProblem::NoStageDates if ja => "段階ごとの日付の列を1つ以上選んでください。",
        MappingProblem::NoStageDates => "Choose at least one stage-date column.",
    }
}

/// "Used 1,200 rows, skipped 3".
pub fn rows_summary(used: usize, skipped: usize, lang: Lang) -> String {
    let (u, s) = (format_count(used as u64), format_count(skipped as u64));
    match lang {
        Lang::Ja => format!("{u}行を使い、{s}行を除外しました"),
        Lang::En => format!("Used {u} rows, skipped {s}"),
    }
}

pub fn ignored_note(n: usize, lang: Lang) -> String {
    let n = format_count(n as u64);
    match lang {
        Lang::Ja => format!("うち{n}行は「使わない」にした段階の値です"),
        Lang::En => format!("{n} of them have a stage value set to “not used”"),
    }
}

pub fn footer_note(n: usize, lang: Lang) -> String {
    let n = format_count(n as u64);
    match lang {
        Lang::Ja => format!("末尾の集計・著作権などの{n}行はデータではないため読み飛ばしました："),
        Lang::En => {
            format!("{n} footer lines (totals, notices) are not data and were passed over:")
        }
    }
}

/// A column role as an option label; stage dates name their stage.
pub fn role_label(role: Role, stage_names: &[String], lang: Lang) -> String {
    match role {
        Role::StageDate(i) => {
            let name = stage_names.get(i).map_or("?", String::as_str);
            match lang {
                Lang::Ja => format!("{name}になった日"),
                Lang::En => format!("Date it became {name}"),
            }
        }
        r => role_name(r, lang).to_string(),
    }
}

/// A stage value's target as an option label.
pub fn target_label(target: StageTarget, stage_names: &[String], lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match target {
        StageTarget::Unmapped if ja => "選んでください".into(),
        StageTarget::Unmapped => "Choose…".into(),
        StageTarget::Stage(i) => {
            let name = stage_names.get(i).map_or("?", String::as_str);
            if ja {
                format!("{name}（進行中）")
            } else {
                format!("{name} (open)")
            }
        }
        StageTarget::Won if ja => "受注".into(),
        StageTarget::Won => "Won".into(),
        StageTarget::Lost if ja => "失注".into(),
        StageTarget::Lost => "Lost".into(),
        StageTarget::Ignore if ja => "使わない（除外）".into(),
        StageTarget::Ignore => "Not used (skip)".into(),
    }
}

/// What a preview line changes.
pub fn change_label(what: &Changed, rate_label: impl Fn(u32) -> String, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match what {
        Changed::Rate(id) => rate_label(*id),
        Changed::DealSize if ja => "平均受注単価（円）".into(),
        Changed::DealSize => "Average deal size (¥)".into(),
        Changed::LeadTime if ja => "リードタイム（作成から受注までの月別の割合、%）".into(),
        Changed::LeadTime => "Lead time (share closing each month after creation, %)".into(),
        Changed::ChannelShare(name) if ja => format!("{name}のリード構成比"),
        Changed::ChannelShare(name) => format!("{name}: share of leads"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_with_their_units() {
        assert_eq!(
            rows_summary(1200, 3, Lang::Ja),
            "1,200行を使い、3行を除外しました"
        );
        assert_eq!(
            rows_summary(1200, 3, Lang::En),
            "Used 1,200 rows, skipped 3"
        );
    }

    #[test]
    fn a_large_file_is_told_its_size_and_the_limit() {
        let p = FileProblem::TooLarge {
            bytes: 200.0 * 1024.0 * 1024.0,
        };
        assert!(file_problem(p, Lang::Ja).starts_with("このファイルは200 MBあり"));
        assert!(file_problem(p, Lang::En).starts_with("This file is 200 MB, over the 50 MB"));
    }

    #[test]
    fn options_name_their_stage() {
        let names = vec!["リード".to_string(), "MQL".to_string(), "受注".to_string()];
        assert_eq!(
            role_label(Role::StageDate(1), &names, Lang::Ja),
            "MQLになった日"
        );
        assert_eq!(
            target_label(StageTarget::Stage(0), &names, Lang::En),
            "リード (open)"
        );
        assert_eq!(role_label(Role::Created, &names, Lang::En), "Created date");
    }
}
