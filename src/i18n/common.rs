//! The words of the page's frame and the Funnel view: title, toolbar, scenarios, notices,
//! tabs, the funnel's inputs and results, and the messages beside number fields.

use funnel_model::draft::DraftProblem;
use funnel_model::scenario::FormatError;
use funnel_model::{InputError, Lang, PlanError};

/// The strings of one language.
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub inputs_heading: &'static str,
    pub target_label: &'static str,
    pub target_hint: &'static str,
    pub deal_label: &'static str,
    pub deal_hint: &'static str,
    pub stages_heading: &'static str,
    pub stages_hint: &'static str,
    pub stage_number: fn(usize) -> String,
    pub stage_name_suffix: &'static str,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub remove: fn(&str) -> String,
    pub add_after: fn(&str) -> String,
    pub stage_limit: &'static str,
    pub results_heading: &'static str,
    pub stale_notice: &'static str,
    pub headline_won: &'static str,
    pub headline_opps: &'static str,
    pub headline_top: &'static str,
    pub headline_pipeline: &'static str,
    pub unit_count: &'static str,
    pub col_stage: &'static str,
    pub col_required: &'static str,
    pub col_exact: &'static str,
    pub col_rate_next: &'static str,
    pub col_cumulative: &'static str,
    pub table_caption: &'static str,
    pub exact_title: fn(&str) -> String,
    pub chart_heading: &'static str,
    pub chart_summary: fn(&str) -> String,
    pub chart_note: &'static str,
    pub forward_heading: &'static str,
    pub forward_hint: &'static str,
    pub entry_stage_label: &'static str,
    pub entry_count_label: fn(&str) -> String,
    pub col_expected: &'static str,
    pub expected_won: &'static str,
    pub expected_revenue: &'static str,
    pub surplus: &'static str,
    pub shortfall: &'static str,
    pub seek_heading: &'static str,
    pub seek_hint: &'static str,
    pub seek_label: &'static str,
    pub seek_deal: &'static str,
    pub seek_count: fn(&str) -> String,
    pub seek_needed: fn(&str, &str, &str) -> String,
    pub seek_unreachable_rate: fn(&str, &str, &str) -> String,
    pub seek_unreachable: fn(&str, &str) -> String,
    pub seek_not_in_path: &'static str,
    pub seek_apply: &'static str,
    pub seek_needs_count: &'static str,
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
    pub compare_heading: &'static str,
    pub compare_a: &'static str,
    pub compare_b: &'static str,
    pub col_delta: &'static str,
    pub row_target: &'static str,
    pub row_deal: &'static str,
    pub row_pipeline: &'static str,
    pub link_copied: fn(usize) -> String,
    pub copy_failed: &'static str,
    pub shared_banner: fn(&str) -> String,
    pub unreadable: fn(&str, &str) -> String,
    pub unreadable_kept: fn(&str) -> String,
    pub link_error: fn(&str) -> String,
    pub import_error: fn(&str) -> String,
    pub imported: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub compare_invalid: fn(&str) -> String,
    pub open_full: &'static str,
    pub embed_heading: &'static str,
    pub embed_mode_label: &'static str,
    pub embed_ro: &'static str,
    pub embed_rw: &'static str,
    pub embed_export: &'static str,
    pub embed_code_label: &'static str,
    pub copy_embed: &'static str,
    pub embed_copied: &'static str,
    pub embed_title: fn(&str) -> String,
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
    inputs_heading: "目標と転換率",
    target_label: "売上目標（KGI）",
    target_hint: "下で選ぶ期間の売上目標。例: 1億、5,000万円、100,000,000",
    deal_label: "平均受注単価",
    deal_hint: "1件あたりの平均受注金額。例: 500万",
    stages_heading: "ファネルの段階",
    stages_hint: "上から順に。段階は追加・削除・名前変更・並べ替えができます（2〜12段階）。",
    stage_number: |n| format!("段階{n}"),
    stage_name_suffix: "の名前",
    move_up: |s| format!("{s}を上へ移動"),
    move_down: |s| format!("{s}を下へ移動"),
    remove: |s| format!("{s}を削除"),
    add_after: |s| format!("{s}の後に段階を追加"),
    stage_limit: "段階は2〜12個です。",
    results_heading: "必要な件数",
    stale_notice: "入力に誤りがあります。表示中の結果は最後に有効だった入力のものです。",
    headline_won: "必要受注数",
    headline_opps: "必要商談数",
    headline_top: "必要リード数",
    headline_pipeline: "必要パイプライン（商談数 × 平均受注単価）",
    unit_count: "件",
    col_stage: "段階",
    col_required: "必要数",
    col_exact: "正確な値",
    col_rate_next: "次の段階への転換率",
    col_cumulative: "受注までの累積転換率",
    table_caption: "段階ごとの必要数（切り上げ）と転換率",
    exact_title: |v| format!("正確な値: {v}"),
    chart_heading: "ファネル",
    chart_summary: |s| format!("ファネル図: {s}"),
    chart_note: "棒の幅は件数の対数目盛です。",
    forward_heading: "順算: 手元の件数から見込む",
    forward_hint: "ある段階の件数から、見込みの受注数と売上、目標との差を計算します。",
    entry_stage_label: "開始する段階",
    entry_count_label: |s| format!("{s}の件数（開始点）"),
    col_expected: "見込み（順算）",
    expected_won: "見込み受注数",
    expected_revenue: "見込み売上",
    surplus: "目標を上回る額",
    shortfall: "目標に不足する額",
    seek_heading: "ゴールシーク: 目標に必要な値",
    seek_hint: "他の値をすべて固定し、選んだ1つの値を目標に届くよう逆算します。",
    seek_label: "求める値",
    seek_deal: "平均受注単価",
    seek_count: |s| format!("{s}の件数"),
    seek_needed: |what, needed, now| format!("{what}: {needed} が必要です（現在 {now}）。"),
    seek_unreachable_rate: |what, needed, best| {
        format!("{what}を100%にしても目標に届きません（必要なのは {needed}）。この条件で届く最大の売上は {best} です。")
    },
    seek_unreachable: |what, best| {
        format!("{what}を上限まで上げても目標に届きません。届く最大の売上は {best} です。")
    },
    seek_not_in_path: "この転換率は開始段階より上にあるため、結果を変えません。",
    seek_apply: "この値を入力に使う",
    seek_needs_count: "開始点の件数を正しく入力すると計算できます。",
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
    compare_heading: "シナリオの比較",
    compare_a: "シナリオA",
    compare_b: "シナリオB",
    col_delta: "差（B − A）",
    row_target: "売上目標",
    row_deal: "平均受注単価",
    row_pipeline: "必要パイプライン",
    link_copied: |n| format!("リンクをコピーしました（{n}文字）。"),
    copy_failed: "コピーできませんでした。共有リンク欄の文字を選択してコピーしてください。",
    shared_banner: |n| format!("共有リンクのシナリオ「{n}」を表示しています。まだ保存されていません。"),
    unreadable: |n, k| format!("保存データ「{n}」を読み込めませんでした。元のデータはキー「{k}」に退避してあります。"),
    unreadable_kept: |n| format!("保存データ「{n}」は新しい版のアプリで保存されたため読み込めません。データはそのまま残しています。"),
    link_error: |r| format!("共有リンクを開けませんでした: {r}。いつもの画面を表示しています。"),
    import_error: |r| format!("ファイルを読み込めませんでした: {r}。"),
    imported: |n| format!("「{n}」を新しいシナリオとして読み込みました。"),
    deleted: |n| format!("「{n}」を削除しました。"),
    compare_invalid: |n| format!("「{n}」には入力エラーがあるため比較できません。"),
    open_full: "フル機能の電卓で開く ↗",
    embed_heading: "ブログなどに埋め込む",
    embed_mode_label: "埋め込みの種類",
    embed_ro: "閲覧のみ（数値と図）",
    embed_rw: "操作できる（入力欄つき）",
    embed_export: "書き出しボタン（CSV・PNG）を表示",
    embed_code_label: "埋め込みコード（HTMLに貼り付け）",
    copy_embed: "埋め込みコードをコピー",
    embed_copied: "埋め込みコードをコピーしました。",
    embed_title: |n| format!("ファネル計算: {n}"),
    skip_to_inputs: "入力欄へ移動",
    copied: "✓ コピーしました",
};

static EN: Texts = Texts {
    app_title: "Funnel & KPI Design Calculator",
    tagline: "Work back from a revenue goal (KGI) to the count every funnel stage needs.",
    language: "Language",
    inputs_heading: "Goal and conversion rates",
    target_label: "Revenue target (KGI)",
    target_hint: "The revenue goal for the period chosen below, e.g. 100,000,000, 1億 or 50M",
    deal_label: "Average deal size",
    deal_hint: "Average revenue per won deal, e.g. 5,000,000 or 500万",
    stages_heading: "Funnel stages",
    stages_hint: "Top to bottom. Add, remove, rename and reorder stages (2 to 12).",
    stage_number: |n| format!("Stage {n}"),
    stage_name_suffix: " name",
    move_up: |s| format!("Move {s} up"),
    move_down: |s| format!("Move {s} down"),
    remove: |s| format!("Remove {s}"),
    add_after: |s| format!("Add a stage after {s}"),
    stage_limit: "A funnel has 2 to 12 stages.",
    results_heading: "What the goal needs",
    stale_notice: "Some inputs are invalid. The results shown are from the last valid inputs.",
    headline_won: "Won deals needed",
    headline_opps: "Opportunities needed",
    headline_top: "Leads needed",
    headline_pipeline: "Pipeline needed (opportunities × deal size)",
    unit_count: "",
    col_stage: "Stage",
    col_required: "Required",
    col_exact: "Exact value",
    col_rate_next: "To next stage",
    col_cumulative: "To won (cumulative)",
    table_caption: "Required count per stage (rounded up) and conversion rates",
    exact_title: |v| format!("Exact value: {v}"),
    chart_heading: "Funnel",
    chart_summary: |s| format!("Funnel chart: {s}"),
    chart_note: "Bar widths use a logarithmic scale of the counts.",
    forward_heading: "Forward: what a count will yield",
    forward_hint: "From the count at one stage, the expected won deals and revenue, and the gap to the target.",
    entry_stage_label: "Starting stage",
    entry_count_label: |s| format!("Number of {s} (starting count)"),
    col_expected: "Expected (forward)",
    expected_won: "Expected won deals",
    expected_revenue: "Expected revenue",
    surplus: "Above target by",
    shortfall: "Short of target by",
    seek_heading: "Goal seek: the value that reaches the target",
    seek_hint: "Holds every other input and solves for the one you choose.",
    seek_label: "Solve for",
    seek_deal: "Average deal size",
    seek_count: |s| format!("Number of {s}"),
    seek_needed: |what, needed, now| format!("{what}: {needed} needed (now {now})."),
    seek_unreachable_rate: |what, needed, best| {
        format!("Even at 100%, {what} cannot reach the target (it would take {needed}). The most this plan can reach is {best}.")
    },
    seek_unreachable: |what, best| {
        format!("No {what} within range reaches the target. The most this plan can reach is {best}.")
    },
    seek_not_in_path: "This rate sits above the starting stage, so it cannot change the result.",
    seek_apply: "Use this value",
    seek_needs_count: "Enter a valid starting count to solve.",
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
    compare_heading: "Compare scenarios",
    compare_a: "Scenario A",
    compare_b: "Scenario B",
    col_delta: "Difference (B − A)",
    row_target: "Revenue target",
    row_deal: "Average deal size",
    row_pipeline: "Pipeline needed",
    link_copied: |n| format!("Link copied ({n} characters)."),
    copy_failed: "Could not copy. Select the text in the share link field and copy it.",
    shared_banner: |n| format!("You are viewing “{n}” from a shared link. It is not saved yet."),
    unreadable: |n, k| format!("Could not read the saved scenario “{n}”. Its data was moved aside to the key “{k}”."),
    unreadable_kept: |n| format!("The saved scenario “{n}” was saved by a newer version of the app and cannot be read here. It was left untouched."),
    link_error: |r| format!("Could not open the shared link: {r}. Showing your own scenarios instead."),
    import_error: |r| format!("Could not import the file: {r}."),
    imported: |n| format!("Imported “{n}” as a new scenario."),
    deleted: |n| format!("Deleted “{n}”."),
    compare_invalid: |n| format!("“{n}” has invalid inputs and cannot be compared."),
    open_full: "Open in the full calculator ↗",
    embed_heading: "Embed in a blog or site",
    embed_mode_label: "Embed type",
    embed_ro: "Read-only (numbers and chart)",
    embed_rw: "Interactive (with inputs)",
    embed_export: "Show export buttons (CSV, PNG)",
    embed_code_label: "Embed code (paste into your HTML)",
    copy_embed: "Copy embed code",
    embed_copied: "Embed code copied.",
    embed_title: |n| format!("Funnel calculation: {n}"),
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

/// The message for a rate field's text, if it is not a valid rate.
pub fn rate_message(lang: Lang, text: &str) -> Option<String> {
    funnel_model::Rate::parse(text)
        .err()
        .map(|e| input_error(lang, FieldKind::Rate, e))
}

/// The message for valid fields that still make no plan, or `None` when only fields are wrong
/// (those messages sit next to the fields).
pub fn plan_error(lang: Lang, problem: &DraftProblem, stage_names: &[String]) -> Option<String> {
    let DraftProblem::Plan(error) = problem else {
        return None;
    };
    Some(match (lang, error) {
        (Lang::Ja, PlanError::StageCount { .. }) => JA.stage_limit.into(),
        (Lang::En, PlanError::StageCount { .. }) => EN.stage_limit.into(),
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
