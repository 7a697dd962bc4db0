//! The words of the import view: its labels and headings, the file's problems, the row counts,
//! what a column or stage value is mapped to, and the plan changes of the preview. Longer than
//! most modules because it is a table of the import view's many strings in two languages; one
//! view's words stay in one place.

use funnel_model::format::{format_count, format_decimal};
use funnel_model::import::apply::Changed;
use funnel_model::import::date::DateError;
use funnel_model::import::mapping::{MappingProblem, Role, StageTarget};
use funnel_model::import::records::BadReason;
use funnel_model::Lang;

use crate::i18n::names::Named;

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
        Changed::ChannelShare(name) if ja => format!("{}のリード構成比", name.display_name(lang)),
        Changed::ChannelShare(name) => format!("{}: share of leads", name.display_name(lang)),
    }
}

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub import_actuals: &'static str,
    pub actuals: &'static str,
    pub use_the_actuals_in_the_plan: &'static str,
    pub sets_the_plans_rates_decided_deal: &'static str,
    pub use_as_the_plans_rates: &'static str,
    pub the_actuals_are_now_the_plans: &'static str,
    pub see_the_funnel: &'static str,
    pub undo: &'static str,
    pub fill_the_kpi_trees_actuals: &'static str,
    pub puts_the_chosen_months_counts_wins: &'static str,
    pub from_month: &'static str,
    pub to_month: &'static str,
    pub the_plan_already_matches_the_actuals: &'static str,
    pub days: &'static str,
    pub check_before_applying: &'static str,
    pub input: &'static str,
    pub plan_now: &'static str,
    pub from_the_actuals: &'static str,
    pub apply_to_the_plan: &'static str,
    pub cancel: &'static str,
    pub see_the_kpi_tree: &'static str,
    pub one_row_per_record_created_current: &'static str,
    pub one_date_column_per_stage_became: &'static str,
    pub month_first_4_1_2026_is: &'static str,
    pub day_first_4_1_2026_is: &'static str,
    pub columns: &'static str,
    pub file_layout: &'static str,
    pub how_dates_like_4_1_2026: &'static str,
    pub suggested_from_the_headers_change_any: &'static str,
    pub stage_values: &'static str,
    pub for_each_value_in_the_stage: &'static str,
    pub column: &'static str,
    pub e_g: &'static str,
    pub use_the_actuals_in_the_risk: &'static str,
    pub puts_each_steps_decided_counts_moved: &'static str,
    pub use_as_rate_ranges: &'static str,
    pub the_risk_inputs_already_match_the: &'static str,
    pub see_risk_sensitivity: &'static str,
    pub choose_a_file_to_see_the: &'static str,
    pub no_such_day: &'static str,
    pub not_a_date: &'static str,
    pub preview_of_the_first_rows: &'static str,
    pub each_columns_values_and_what_they: &'static str,
    pub line: &'static str,
    pub win_rate_decided: &'static str,
    pub average_won_deal: &'static str,
    pub days_to_win_median: &'static str,
    pub n80_of_wins_within: &'static str,
    pub won: &'static str,
    pub deals: &'static str,
    pub stage_conversion: &'static str,
    pub records_still_open_are_not_counted: &'static str,
    pub step: &'static str,
    pub reached: &'static str,
    pub moved_on: &'static str,
    pub lost: &'static str,
    pub still_open: &'static str,
    pub decided_rate: &'static str,
    pub incl_open: &'static str,
    pub lead_time: &'static str,
    pub no_won_record_has_both_a: &'static str,
    pub lead_time_creation_to_won: &'static str,
    pub months_from_creation_to_won: &'static str,
    pub after_creation: &'static str,
    pub share: &'static str,
    pub chart: &'static str,
    pub conversion_by_creation_month_cohorts_and: &'static str,
    pub a_cohort_follows_the_records_created: &'static str,
    pub cohorts_and_period_ratios: &'static str,
    pub created_in: &'static str,
    pub won_so_far: &'static str,
    pub cohort_conversion: &'static str,
    pub won_in_the_month: &'static str,
    pub period_ratio: &'static str,
    pub none: &'static str,
    pub enter_an_amount_such_as_1: &'static str,
    pub cost: &'static str,
    pub by_channel: &'static str,
    pub without_a_cost_column_in_the: &'static str,
    pub counts_and_costs_by_channel: &'static str,
    pub channel: &'static str,
    pub conversion_to_won: &'static str,
    pub rows_not_used_csv: &'static str,
    pub rows_not_used: &'static str,
    pub download_the_rows_not_used_csv: &'static str,
    pub rows_not_used_and_why: &'static str,
    pub value: &'static str,
    pub reason: &'static str,
    pub the_file_is_read_inside_this: &'static str,
    pub csv_or_tsv_file: &'static str,
    pub choose_a_file_exported_from_hubspot: &'static str,
    pub paste_from_excel_or_google_sheets: &'static str,
    pub copy_the_cells_including_the_header: &'static str,
    pub read_the_pasted_cells: &'static str,
    pub encoding: &'static str,
    pub not_an_amount: &'static str,
    pub opening_the_file: &'static str,
    pub reading_rows: &'static str,
    pub computing: &'static str,
    pub pasted_cells: &'static str,
    pub detected_mark: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    import_actuals: "実績の取り込み",
    actuals: "実績",
    use_the_actuals_in_the_plan: "実績を計画に使う",
    sets_the_plans_rates_decided_deal: "決着分の転換率、平均受注単価、リードタイムの分布、チャネル構成を計画の入力にします。先に変更点を表示し、反映後も元に戻せます。",
    use_as_the_plans_rates: "計画の転換率として使う",
    the_actuals_are_now_the_plans: "実績を計画に反映しました。",
    see_the_funnel: "ファネルを見る",
    undo: "元に戻す",
    fill_the_kpi_trees_actuals: "KPIツリーの実績に入れる",
    puts_the_chosen_months_counts_wins: "選んだ月の件数・受注・売上を、KPIツリーの各段階の実績（期間の合計）に入れます。ボトルネックの順位が実データで決まります。",
    from_month: "開始月",
    to_month: "終了月",
    the_plan_already_matches_the_actuals: "計画はすでに実績と同じです。",
    days: "日",
    check_before_applying: "反映する前に確認してください",
    input: "項目",
    plan_now: "いまの計画",
    from_the_actuals: "実績から",
    apply_to_the_plan: "この内容で計画に反映",
    cancel: "やめる",
    see_the_kpi_tree: "KPIツリーを見る",
    one_row_per_record_created_current: "1行が1件（作成日・現在の段階・クローズ日…）",
    one_date_column_per_stage_became: "段階ごとの日付の列（MQL化日…）",
    month_first_4_1_2026_is: "月/日/年（4/1/2026 は4月1日）",
    day_first_4_1_2026_is: "日/月/年（4/1/2026 は1月4日）",
    columns: "列の対応",
    file_layout: "ファイルの形",
    how_dates_like_4_1_2026: "「4/1/2026」のような日付の読み方",
    suggested_from_the_headers_change_any: "見出しから推定しました。違っていれば選び直してください（この見出しの組み合わせには次回も同じ対応を使います）。",
    stage_values: "段階の値",
    for_each_value_in_the_stage: "段階の列にある値ごとに、ファネルのどの段階か、受注・失注・使わないかを選んでください。",
    column: "列",
    e_g: "例：",
    use_the_actuals_in_the_risk: "リスクの見積もりに使う",
    puts_each_steps_decided_counts_moved: "各段階の決着分（進んだ件数／決着した件数）を、リスクと感度の「実績（成功数／母数）」に入れます。進行中の件は失敗に数えません。",
    use_as_rate_ranges: "転換率の幅として使う",
    the_risk_inputs_already_match_the: "リスクの入力はすでに実績と同じです。",
    see_risk_sensitivity: "リスクと感度を見る",
    choose_a_file_to_see_the: "ファイルを選ぶと、実際の転換率・受注率・平均受注単価・リードタイム・作成月別（コホート）の転換・チャネル別の数字をここに表示します。",
    no_such_day: "⚠ 存在しない日付",
    not_a_date: "⚠ 日付ではない",
    preview_of_the_first_rows: "先頭の行のプレビュー",
    each_columns_values_and_what_they: "各列の値と、対応づけた結果",
    line: "行",
    win_rate_decided: "受注率（決着分）",
    average_won_deal: "平均受注単価",
    days_to_win_median: "受注までの日数（中央値）",
    n80_of_wins_within: "受注の80%が決まるまで",
    won: "受注",
    deals: "件",
    stage_conversion: "段階ごとの転換率",
    records_still_open_are_not_counted: "進行中の件は失注に数えません。「決着分の転換率」は次の段階に進んだ件 ÷（進んだ件＋失注）、「進行中を含む」は進んだ件 ÷ その段階に達した全件です。",
    step: "段階",
    reached: "到達",
    moved_on: "次へ進んだ",
    lost: "失注",
    still_open: "進行中",
    decided_rate: "決着分の転換率",
    incl_open: "進行中を含む",
    lead_time: "リードタイム",
    no_won_record_has_both_a: "作成日とクローズ日がそろった受注がないため、リードタイムは計算できません。",
    lead_time_creation_to_won: "リードタイム（作成から受注まで）",
    months_from_creation_to_won: "作成から受注までの月数の分布",
    after_creation: "作成月から",
    share: "割合",
    chart: "グラフ",
    conversion_by_creation_month_cohorts_and: "作成月別の転換（コホート）と期間の比率",
    a_cohort_follows_the_records_created: "コホートはその月に作成された件を追いかけた結果、期間の比率はその月の受注 ÷ その月の作成件数です。受注まで数か月かかると、期間の比率は別の月の件を混ぜてしまい、実際の転換率とずれます。",
    cohorts_and_period_ratios: "作成月別の転換と期間の比率",
    created_in: "作成月",
    won_so_far: "受注（これまで）",
    cohort_conversion: "コホート転換率",
    won_in_the_month: "その月の受注",
    period_ratio: "期間の比率",
    none: "（未設定）",
    enter_an_amount_such_as_1: "「120万」「1,200,000」のように金額を入れてください",
    cost: "費用",
    by_channel: "チャネル別",
    without_a_cost_column_in_the: "ファイルに費用の列がなければ、チャネルごとの費用を入れるとリード単価（CPL）と獲得単価（CPA）を計算します。",
    counts_and_costs_by_channel: "チャネル別の件数と費用",
    channel: "チャネル",
    conversion_to_won: "受注までの転換率",
    rows_not_used_csv: "取り込めなかった行.csv",
    rows_not_used: "使わなかった行",
    download_the_rows_not_used_csv: "使わなかった行の一覧をダウンロード（CSV）",
    rows_not_used_and_why: "使わなかった行と理由",
    value: "値",
    reason: "理由",
    the_file_is_read_inside_this: "ファイルはこのブラウザの中だけで読み、どこにも送信しません。行そのものは保存・共有・書き出しに含めず、反映を選んだ集計値だけがシナリオに入ります。",
    csv_or_tsv_file: "CSV・TSVファイル",
    choose_a_file_exported_from_hubspot: "HubSpot、Salesforce、Mazrica、kintone、SATORIなどから書き出したファイルを選ぶか、このページにドロップしてください。",
    paste_from_excel_or_google_sheets: "Excel・スプレッドシートから貼り付け",
    copy_the_cells_including_the_header: "見出しの行を含めてセルをコピーし、ここに貼り付けてください。",
    read_the_pasted_cells: "貼り付けたセルを読む",
    encoding: "文字コード",
    not_an_amount: "⚠ 金額ではない",
    opening_the_file: "ファイルを開いています…",
    reading_rows: "行を読んでいます…",
    computing: "集計しています…",
    pasted_cells: "貼り付けたセル",
    detected_mark: "（自動判定）",
};

static EN: Words = Words {
    import_actuals: "Import actuals",
    actuals: "Actuals",
    use_the_actuals_in_the_plan: "Use the actuals in the plan",
    sets_the_plans_rates_decided_deal: "Sets the plan's rates (decided), deal size, lead-time distribution and channel mix from the actuals. The changes are shown first, and can be undone after.",
    use_as_the_plans_rates: "Use as the plan's rates",
    the_actuals_are_now_the_plans: "The actuals are now the plan's inputs.",
    see_the_funnel: "See the funnel",
    undo: "Undo",
    fill_the_kpi_trees_actuals: "Fill the KPI tree's actuals",
    puts_the_chosen_months_counts_wins: "Puts the chosen months' counts, wins and revenue into the KPI tree's actuals (period totals), so the bottleneck ranking works on real data.",
    from_month: "From month",
    to_month: "To month",
    the_plan_already_matches_the_actuals: "The plan already matches the actuals.",
    days: " days",
    check_before_applying: "Check before applying",
    input: "Input",
    plan_now: "Plan now",
    from_the_actuals: "From the actuals",
    apply_to_the_plan: "Apply to the plan",
    cancel: "Cancel",
    see_the_kpi_tree: "See the KPI tree",
    one_row_per_record_created_current: "One row per record (created, current stage, close date…)",
    one_date_column_per_stage_became: "One date column per stage (“Became a … Date”)",
    month_first_4_1_2026_is: "Month first (4/1/2026 is April 1)",
    day_first_4_1_2026_is: "Day first (4/1/2026 is 4 January)",
    columns: "Columns",
    file_layout: "File layout",
    how_dates_like_4_1_2026: "How dates like “4/1/2026” read",
    suggested_from_the_headers_change_any: "Suggested from the headers; change any that is wrong (the same headers map the same way next time).",
    stage_values: "Stage values",
    for_each_value_in_the_stage: "For each value in the stage column, choose the funnel stage it is, or won, lost or not used.",
    column: "Column",
    e_g: "e.g. ",
    use_the_actuals_in_the_risk: "Use the actuals in the risk view",
    puts_each_steps_decided_counts_moved: "Puts each step's decided counts (moved on of decided) into the Risk view's \"History (won of total)\". Records still open are not counted as failures.",
    use_as_rate_ranges: "Use as rate ranges",
    the_risk_inputs_already_match_the: "The risk inputs already match the actuals.",
    see_risk_sensitivity: "See risk & sensitivity",
    choose_a_file_to_see_the: "Choose a file to see the actual conversion rates, win rate, average deal, lead times, conversion by creation month (cohorts) and channel figures here.",
    no_such_day: "⚠ no such day",
    not_a_date: "⚠ not a date",
    preview_of_the_first_rows: "Preview of the first rows",
    each_columns_values_and_what_they: "Each column's values and what they became",
    line: "Line",
    win_rate_decided: "Win rate (decided)",
    average_won_deal: "Average won deal",
    days_to_win_median: "Days to win (median)",
    n80_of_wins_within: "80% of wins within",
    won: "Won",
    deals: " deals",
    stage_conversion: "Stage conversion",
    records_still_open_are_not_counted: "Records still open are not counted as lost: the decided rate is moved on ÷ (moved on + lost); “incl. open” divides by every record that reached the stage.",
    step: "Step",
    reached: "Reached",
    moved_on: "Moved on",
    lost: "Lost",
    still_open: "Still open",
    decided_rate: "Decided rate",
    incl_open: "Incl. open",
    lead_time: "Lead time",
    no_won_record_has_both_a: "No won record has both a created and a close date, so there is no lead time.",
    lead_time_creation_to_won: "Lead time (creation to won)",
    months_from_creation_to_won: "Months from creation to won",
    after_creation: "After creation",
    share: "Share",
    chart: "Chart",
    conversion_by_creation_month_cohorts_and: "Conversion by creation month (cohorts) and the period ratio",
    a_cohort_follows_the_records_created: "A cohort follows the records created in its month; the period ratio divides the month's wins by the month's new records. When deals take months, the period ratio mixes in other months' records and drifts from the true conversion.",
    cohorts_and_period_ratios: "Cohorts and period ratios",
    created_in: "Created in",
    won_so_far: "Won so far",
    cohort_conversion: "Cohort conversion",
    won_in_the_month: "Won in the month",
    period_ratio: "Period ratio",
    none: "(none)",
    enter_an_amount_such_as_1: "Enter an amount such as 1,200,000 or 120万",
    cost: "Cost",
    by_channel: "By channel",
    without_a_cost_column_in_the: "Without a cost column in the file, type each channel's cost to see its cost per lead (CPL) and per won deal (CPA).",
    counts_and_costs_by_channel: "Counts and costs by channel",
    channel: "Channel",
    conversion_to_won: "Conversion to won",
    rows_not_used_csv: "rows-not-used.csv",
    rows_not_used: "Rows not used",
    download_the_rows_not_used_csv: "Download the rows not used (CSV)",
    rows_not_used_and_why: "Rows not used and why",
    value: "Value",
    reason: "Reason",
    the_file_is_read_inside_this: "The file is read inside this browser and never sent anywhere. Its rows are not saved, shared or exported: only the figures you choose to apply go into the scenario.",
    csv_or_tsv_file: "CSV or TSV file",
    choose_a_file_exported_from_hubspot: "Choose a file exported from HubSpot, Salesforce, Mazrica, kintone, SATORI… or drop it on this page.",
    paste_from_excel_or_google_sheets: "Paste from Excel or Google Sheets",
    copy_the_cells_including_the_header: "Copy the cells including the header row and paste them here.",
    read_the_pasted_cells: "Read the pasted cells",
    encoding: "Encoding",
    not_an_amount: "⚠ not an amount",
    opening_the_file: "Opening the file…",
    reading_rows: "Reading rows…",
    computing: "Computing…",
    pasted_cells: "Pasted cells",
    detected_mark: " (detected)",
};

/// A lag column of the cohort table: the month won after the opportunity's.
pub fn months_later(lang: Lang, m: usize) -> String {
    match lang {
        Lang::Ja if m == 0 => "同じ月".to_string(),
        Lang::Ja => format!("{m}か月後"),
        Lang::En if m == 0 => "Same month".to_string(),
        Lang::En if m == 1 => "1 month later".to_string(),
        Lang::En => format!("{m} months later"),
    }
}

pub fn bad_rows_listed(lang: Lang, total: &str, shown: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "{}行。先頭の{}行を表示しています。すべての行は一覧のCSVにあります。",
            total, shown
        ),
        Lang::En => format!(
            "{} rows; the first {} are listed. The CSV has them all.",
            total, shown
        ),
    }
}

/// The file's name with the character encoding it was read as.
pub fn read_as(lang: Lang, name: &str, found: &str) -> String {
    match lang {
        Lang::Ja => format!("{name} — 文字コードは {found} と判定しました"),
        Lang::En => format!("{name} — read as {found} (detected)"),
    }
}

pub fn kpi_actuals_filled(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Ja => format!("{}〜{}の実績をKPIツリーに入れました。", from, to),
        Lang::En => format!("The KPI tree's actuals now hold {} to {}.", from, to),
    }
}

pub fn risk_rates_filled(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n}段階の転換率に実績の件数を入れました。"),
        Lang::En => format!("The actual counts now back {n} rate(s) in the risk view."),
    }
}

/// Why a row was not used, in words.
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

/// The column titles of the rows-not-used CSV: line, column, value, reason.
pub fn bad_rows_titles(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Ja => ["行", "列", "値", "理由"],
        Lang::En => ["Line", "Column", "Value", "Reason"],
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

    #[test]
    fn rows_not_used_read_in_both_languages() {
        use funnel_model::import::bad_rows::bad_rows_csv;
        use funnel_model::import::records::BadRow;
        let rows = [BadRow {
            line: 7,
            column: Some(1),
            value: "2026/04/31".into(),
            reason: BadReason::BadDate(DateError::NoSuchDay),
        }];
        let header = ["Stage".to_string(), "Create Date".to_string()];
        let csv = |lang| {
            bad_rows_csv(&rows, &header, &bad_rows_titles(lang), |r| {
                describe(r, lang)
            })
        };
        assert_eq!(
            csv(Lang::Ja),
            "\u{FEFF}行,列,値,理由\r\n7,Create Date,2026/04/31,存在しない日付です\r\n"
        );
        assert_eq!(
            csv(Lang::En),
            "\u{FEFF}Line,Column,Value,Reason\r\n7,Create Date,2026/04/31,no such day\r\n"
        );
        let count = BadReason::FieldCount {
            found: 2,
            expected: 5,
        };
        assert_eq!(describe(count, Lang::En), "2 fields where the header has 5");
        assert_eq!(
            describe(BadReason::Missing(Role::Created), Lang::Ja),
            "作成日が空です"
        );
        assert_eq!(
            describe(BadReason::Missing(Role::Stage), Lang::En),
            "Stage is empty"
        );
        assert_eq!(
            describe(BadReason::UnknownStage, Lang::En),
            "a stage value not mapped yet"
        );
    }
}
