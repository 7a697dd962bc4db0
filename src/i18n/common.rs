//! The words of the page's frame: title, toolbar, scenarios, notices and tabs, and the
//! messages beside number fields that every view shares.

use funnel_model::draft::DraftProblem;
use funnel_model::scenario::FormatError;
use funnel_model::{InputError, Lang, PlanError};

use crate::i18n::funnel::words as funnel_words;

/// The strings of one language.
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub footer: &'static str,
    pub scenario_label: &'static str,
    pub scenario_name_label: &'static str,
    pub new_scenario: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub starter_name: &'static str,
    pub new_scenario_name: &'static str,
    pub copy_suffix: &'static str,
    pub share_heading: &'static str,
    pub copy_link: &'static str,
    pub link_label: &'static str,
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub export_csv: &'static str,
    pub export_png: &'static str,
    pub save_copy: &'static str,
    pub close_shared: &'static str,
    pub storage_off: &'static str,
    pub storage_full: &'static str,
    pub saved_status: &'static str,
    pub updated_elsewhere_status: &'static str,
    pub deleted_elsewhere: fn(&str) -> String,
    pub close_deleted: &'static str,
    pub both_edited: fn(usize) -> String,
    pub kept_both: fn(&str) -> String,
    pub saving_off_status: &'static str,
    pub save_failed_status: &'static str,
    pub link_too_long: &'static str,
    pub shared_option: fn(&str) -> String,
    pub undo: &'static str,
    pub dismiss: &'static str,
    pub views_label: &'static str,
    pub tab_funnel: &'static str,
    pub tab_compare: &'static str,
    pub tab_risk: &'static str,
    pub tab_months: &'static str,
    pub tab_channels: &'static str,
    pub tab_kpi: &'static str,
    pub tab_definitions: &'static str,
    pub tab_import: &'static str,
    pub link_copied: fn(usize) -> String,
    pub copy_failed: &'static str,
    pub shared_banner: fn(&str) -> String,
    pub unreadable: fn(&str, &str) -> String,
    pub unreadable_kept: fn(&str) -> String,
    pub link_error: fn(&str) -> String,
    pub import_error: fn(&str) -> String,
    pub imported: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub skip_to_inputs: &'static str,
    pub copied: &'static str,
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Texts = Texts {
    app_title: "ファネル & KPI 設計電卓",
    tagline: "売上目標（KGI）から、各段階に必要な件数を逆算します。",
    language: "言語",
    footer: "計算はすべてブラウザ内で行われ、入力はどこにも送信されません。",
    scenario_label: "シナリオ",
    scenario_name_label: "シナリオ名",
    new_scenario: "新規",
    duplicate: "複製",
    delete: "削除",
    starter_name: "基本計画",
    new_scenario_name: "新しいシナリオ",
    copy_suffix: "のコピー",
    share_heading: "共有・書き出し",
    copy_link: "リンクをコピー",
    link_label: "共有リンク",
    export_json: "JSON書き出し",
    import_json: "JSON読み込み",
    export_csv: "CSV書き出し（結果表）",
    export_png: "PNG書き出し（ファネル図）",
    save_copy: "コピーを保存",
    close_shared: "閉じて自分のシナリオに戻る",
    storage_off: "このページでは保存が使えません（ブラウザの設定や埋め込み先の制限）。計算はできますが、ページを閉じると入力は失われます。",
    storage_full: "保存できませんでした: ブラウザの保存領域がいっぱいです。以前に保存した内容はそのまま残っています。",
    saved_status: "自動保存済み",
    updated_elsewhere_status: "別のタブで更新されました",
    deleted_elsewhere: |n| {
        format!("このシナリオ「{n}」は別のタブで削除されました。このタブの内容は保存されていません。")
    },
    close_deleted: "閉じる",
    both_edited: |n| {
        format!("別のタブでも同じ項目が変更されていました（{n}件）。それぞれ後から入力した方を残しています。")
    },
    kept_both: |n| {
        format!("別のタブの変更と一つにできなかったため、このタブの内容を「{n}」として別に保存しました。")
    },
    saving_off_status: "保存オフ",
    save_failed_status: "保存できていません",
    link_too_long: "このシナリオは長すぎてリンクにできません。JSON書き出しを使ってください。",
    shared_option: |n| format!("{n}（共有リンク・未保存）"),
    undo: "元に戻す",
    dismiss: "閉じる",
    views_label: "表示",
    tab_funnel: "ファネル",
    tab_compare: "比較",
    tab_risk: "リスクと感度",
    tab_months: "月次計画",
    tab_channels: "チャネルと予算",
    tab_kpi: "KPIツリー",
    tab_definitions: "定義とチェックリスト",
    tab_import: "実績の取り込み",
    link_copied: |n| format!("リンクをコピーしました（{n}文字）。"),
    copy_failed: "コピーできませんでした。共有リンク欄の文字を選択してコピーしてください。",
    shared_banner: |n| format!("共有リンクのシナリオ「{n}」を表示しています。まだ保存されていません。"),
    unreadable: |n, k| format!("保存データ「{n}」を読み込めませんでした。元のデータはキー「{k}」に退避してあります。"),
    unreadable_kept: |n| format!("保存データ「{n}」は新しい版のアプリで保存されたため読み込めません。データはそのまま残しています。"),
    link_error: |r| format!("共有リンクを開けませんでした: {r}。いつもの画面を表示しています。"),
    import_error: |r| format!("ファイルを読み込めませんでした: {r}。"),
    imported: |n| format!("「{n}」を新しいシナリオとして読み込みました。"),
    deleted: |n| format!("「{n}」を削除しました。"),
    skip_to_inputs: "入力欄へ移動",
    copied: "✓ コピーしました",
};

static EN: Texts = Texts {
    app_title: "Funnel & KPI Design Calculator",
    tagline: "Work back from a revenue goal (KGI) to the count every funnel stage needs.",
    language: "Language",
    footer: "Everything is computed in your browser; nothing you type is sent anywhere.",
    scenario_label: "Scenario",
    scenario_name_label: "Scenario name",
    new_scenario: "New",
    duplicate: "Duplicate",
    delete: "Delete",
    starter_name: "Base plan",
    new_scenario_name: "New scenario",
    copy_suffix: " copy",
    share_heading: "Share & export",
    copy_link: "Copy link",
    link_label: "Share link",
    export_json: "Export JSON",
    import_json: "Import JSON",
    export_csv: "Export CSV (results)",
    export_png: "Export PNG (funnel)",
    save_copy: "Save a copy",
    close_shared: "Close and go back to my scenarios",
    storage_off: "Saving is off on this page (browser settings or the embedding site block storage). The calculator works, but what you type is lost when you close the page.",
    storage_full: "Could not save: the browser's storage is full. What was saved before is unchanged.",
    saved_status: "Saved automatically",
    updated_elsewhere_status: "Updated in another tab",
    deleted_elsewhere: |n| {
        format!("This scenario, “{n}”, was deleted in another tab. What this tab shows is not saved.")
    },
    close_deleted: "Close",
    both_edited: |n| {
        if n == 1 {
            "One field was also changed in another tab; the later edit was kept.".to_string()
        } else {
            format!("{n} fields were also changed in another tab; the later edit of each was kept.")
        }
    },
    kept_both: |n| {
        format!("The changes from another tab could not be combined with this tab's, so this tab's version was saved separately as “{n}”.")
    },
    saving_off_status: "Saving off",
    save_failed_status: "Not saved",
    link_too_long: "This scenario is too long for a link. Use Export JSON instead.",
    shared_option: |n| format!("{n} (shared link, not saved)"),
    undo: "Undo",
    dismiss: "Dismiss",
    views_label: "Views",
    tab_funnel: "Funnel",
    tab_compare: "Compare",
    tab_risk: "Risk & sensitivity",
    tab_months: "Monthly plan",
    tab_channels: "Channels & budget",
    tab_kpi: "KPI tree",
    tab_definitions: "Definitions & checklist",
    tab_import: "Import actuals",
    link_copied: |n| format!("Link copied ({n} characters)."),
    copy_failed: "Could not copy. Select the text in the share link field and copy it.",
    shared_banner: |n| format!("You are viewing “{n}” from a shared link. It is not saved yet."),
    unreadable: |n, k| format!("Could not read the saved scenario “{n}”. Its data was moved aside to the key “{k}”."),
    unreadable_kept: |n| format!("The saved scenario “{n}” was saved by a newer version of the app and cannot be read here. It was left untouched."),
    link_error: |r| format!("Could not open the shared link: {r}. Showing your own scenarios instead."),
    import_error: |r| format!("Could not import the file: {r}."),
    imported: |n| format!("Imported “{n}” as a new scenario."),
    deleted: |n| format!("Deleted “{n}”."),
    skip_to_inputs: "Skip to the inputs",
    copied: "✓ Copied",
};

/// What kind of field a message is for: the same problem reads differently for a rate.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Money,
    Rate,
    Count,
}

/// The message shown next to a field.
pub fn input_error(lang: Lang, kind: FieldKind, error: InputError) -> String {
    use InputError::*;
    match (lang, error) {
        (Lang::Ja, Empty) => "値を入力してください。".into(),
        (Lang::Ja, NotANumber) => match kind {
            FieldKind::Rate => "数値として読めません。例: 25、25%".into(),
            _ => "数値として読めません。例: 1億、5,000万、100000000".into(),
        },
        (Lang::Ja, NotPositive) => match kind {
            FieldKind::Rate => "転換率は0%より大きくしてください。".into(),
            _ => "0より大きい値を入力してください。".into(),
        },
        (Lang::Ja, RateAboveHundred) => "転換率は100%以下にしてください。".into(),
        (Lang::Ja, TooLarge) => "大きすぎます。上限は1,000兆です。".into(),
        (Lang::Ja, TooPrecise { max_decimals: 0 }) | (Lang::Ja, NotWhole) => {
            "整数で入力してください。".into()
        }
        (Lang::Ja, TooPrecise { max_decimals }) => {
            format!("小数点以下は{max_decimals}桁までです。")
        }
        (Lang::En, Empty) => "Enter a value.".into(),
        (Lang::En, NotANumber) => match kind {
            FieldKind::Rate => "Not a number. Try 25 or 25%.".into(),
            _ => "Not a number. Try 100,000,000, 1億 or 50M.".into(),
        },
        (Lang::En, NotPositive) => match kind {
            FieldKind::Rate => "A rate must be greater than 0%.".into(),
            _ => "Must be greater than 0.".into(),
        },
        (Lang::En, RateAboveHundred) => "A rate cannot be more than 100%.".into(),
        (Lang::En, TooLarge) => "Too large: the maximum is 1,000,000,000,000,000.".into(),
        (Lang::En, TooPrecise { max_decimals: 0 }) | (Lang::En, NotWhole) => {
            "Enter a whole number.".into()
        }
        (Lang::En, TooPrecise { max_decimals }) => {
            format!("At most {max_decimals} decimal places.")
        }
    }
}

/// The message for valid fields that still make no plan, or `None` when only fields are wrong
/// (those messages sit next to the fields).
pub fn plan_error(lang: Lang, problem: &DraftProblem, stage_names: &[String]) -> Option<String> {
    let DraftProblem::Plan(error) = problem else {
        return None;
    };
    Some(match (lang, error) {
        (lang, PlanError::StageCount { .. }) => funnel_words(lang).stage_limit.into(),
        (lang, PlanError::CountTooLarge { stage }) => {
            let name = stage_names.get(*stage).cloned().unwrap_or_default();
            match lang {
                Lang::Ja => format!("この転換率では「{name}」が1,000兆件を超えます。転換率を見直してください。"),
                Lang::En => format!("At these rates “{name}” would need more than 1,000,000,000,000,000. Check the rates."),
            }
        }
    })
}

/// Why a link or a file could not be read, in a few words.
pub fn format_error(lang: Lang, error: FormatError) -> String {
    match (lang, error) {
        (Lang::Ja, FormatError::TooLarge) => "データが大きすぎます".into(),
        (Lang::Ja, FormatError::NotDecodable) => "途中で切れているか、書き換えられています".into(),
        (Lang::Ja, FormatError::FutureVersion { .. }) => "新しい版のアプリで作られています".into(),
        (Lang::Ja, FormatError::Invalid) => "内容がシナリオの形式に合いません".into(),
        (Lang::En, FormatError::TooLarge) => "it is too large".into(),
        (Lang::En, FormatError::NotDecodable) => "it is cut off or has been altered".into(),
        (Lang::En, FormatError::FutureVersion { .. }) => {
            "it was made by a newer version of the app".into()
        }
        (Lang::En, FormatError::Invalid) => "its content is not a valid scenario".into(),
    }
}

/// A language's name as its readers write it, the same on either page.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "日本語",
        Lang::En => "English",
    }
}
