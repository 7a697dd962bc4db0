//! The words of the Funnel view: its inputs, results, chart and forward mode, and the goal-seek
//! answer as one sentence with the edit "use this value" sends to the draft.

use funnel_model::draft::{Draft, SeekChoice};
use funnel_model::edit::FunnelEdit;
use funnel_model::format::{format_count, format_money, format_money_exact, format_percent};
use funnel_model::{Entry, Funnel, Lang, SeekInput, SeekOutcome};

use crate::i18n::names::NamedStages;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekAnswer {
    pub sentence: String,
    /// The edit "use this value" sends; `None` when no value in range reaches the target.
    pub apply: Option<FunnelEdit>,
}

/// Solves the draft's chosen input on `funnel` from `entry` and words the result.
pub fn seek_answer(draft: &Draft, funnel: &Funnel, entry: Entry, lang: Lang) -> SeekAnswer {
    let input = draft.seek_input();
    let what = match input {
        SeekInput::Rate(i) => draft.rate_label(i, lang).unwrap_or_default(),
        SeekInput::DealSize => words(lang).seek_deal.to_string(),
        SeekInput::EntryCount => {
            (words(lang).seek_count)(&draft.display_name(draft.entry_index(), lang))
        }
    };
    let answer = |sentence: String, apply| SeekAnswer { sentence, apply };
    match funnel.goal_seek(entry, input) {
        SeekOutcome::Rate { needed } => {
            let (SeekInput::Rate(i), SeekChoice::Rate(stage_id)) = (input, draft.seek) else {
                return answer(words(lang).seek_not_in_path.to_string(), None);
            };
            let now = funnel.stages[i].rate_to_next.to_percent_text();
            let text = needed.to_percent_text();
            answer(
                (words(lang).seek_needed)(&what, &format!("{text}%"), &format!("{now}%")),
                Some(FunnelEdit::Rate { id: stage_id, text }),
            )
        }
        SeekOutcome::DealSize { needed } => answer(
            (words(lang).seek_needed)(
                &what,
                // The figure the apply button writes into the field, so exact rather than 約.
                &format_money_exact(needed.units(), lang),
                &format_money(funnel.deal_size.units(), lang),
            ),
            Some(FunnelEdit::DealSize(needed.to_plain_text())),
        ),
        SeekOutcome::EntryCount { needed } => {
            let text = format_count(needed.get());
            answer(
                (words(lang).seek_needed)(&what, &text, &format_count(entry.count.get())),
                Some(FunnelEdit::EntryCount(text)),
            )
        }
        SeekOutcome::Unreachable {
            best_revenue,
            needed_percent: Some(pct),
        } => answer(
            (words(lang).seek_unreachable_rate)(
                &what,
                &format_percent(pct / 100.0),
                &format_money(best_revenue, lang),
            ),
            None,
        ),
        SeekOutcome::Unreachable {
            best_revenue,
            needed_percent: None,
        } => answer(
            (words(lang).seek_unreachable)(&what, &format_money(best_revenue, lang)),
            None,
        ),
        SeekOutcome::NotInPath => answer(words(lang).seek_not_in_path.to_string(), None),
    }
}

/// Under forward mode's count: an empty field starts from the plan's count (`planned`).
pub fn entry_count_hint(lang: Lang, planned: Option<String>) -> String {
    match (lang, planned) {
        (Lang::Ja, Some(n)) => format!("空欄なら計画の件数（{n}件）から計算します。"),
        (Lang::En, Some(n)) => format!("Empty: starts from the plan's count ({n})."),
        (Lang::Ja, None) => "空欄なら計画の件数から計算します。".to_string(),
        (Lang::En, None) => "Empty: starts from the plan's count.".to_string(),
    }
}

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
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
}

/// A label's first words, before the explanation in brackets ("必要パイプライン（…）").
pub fn short_label(label: &str) -> &str {
    let label = label.split('（').next().unwrap_or_default();
    label.split(" (").next().unwrap_or_default()
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
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
};

static EN: Words = Words {
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
};

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::Count;

    fn setup(count: u64, seek: SeekChoice) -> (Draft, Funnel, Entry) {
        let draft = Draft {
            seek,
            ..Draft::default()
        };
        let funnel = draft.funnel().unwrap();
        let entry = Entry {
            stage: draft.entry_index(),
            count: Count::new(count).unwrap(),
        };
        (draft, funnel, entry)
    }

    #[test]
    fn win_rate_for_3000_leads_in_both_languages() {
        let (draft, funnel, entry) = setup(3_000, SeekChoice::Rate(4));
        let ja = seek_answer(&draft, &funnel, entry, Lang::Ja);
        assert_eq!(
            ja.sentence,
            "受注率（商談 → 受注）: 55.56% が必要です（現在 25%）。"
        );
        let en = seek_answer(&draft, &funnel, entry, Lang::En);
        assert_eq!(
            en.sentence,
            "Win rate (Opportunity → Won deal): 55.56% needed (now 25%)."
        );
        let mut applied = draft.clone();
        funnel_model::apply(&mut applied, en.apply.unwrap().into());
        assert_eq!(applied.stages[4].rate, "55.56");
    }

    #[test]
    fn unreachable_rate_says_the_best_revenue() {
        let (draft, funnel, entry) = setup(300, SeekChoice::Rate(4));
        let ja = seek_answer(&draft, &funnel, entry, Lang::Ja);
        assert!(ja.apply.is_none());
        assert_eq!(
            ja.sentence,
            "受注率（商談 → 受注）を100%にしても目標に届きません（必要なのは 555.56%）。この条件で届く最大の売上は 1,800万円 です。"
        );
    }

    #[test]
    fn deal_size_and_count_answers() {
        let (draft, funnel, entry) = setup(3_000, SeekChoice::DealSize);
        let ja = seek_answer(&draft, &funnel, entry, Lang::Ja);
        assert_eq!(
            ja.sentence,
            "平均受注単価: 11,111,112円 が必要です（現在 500万円）。"
        );
        assert_eq!(ja.apply, Some(FunnelEdit::DealSize("11111112".into())));
        let (draft, funnel, entry) = setup(3_000, SeekChoice::EntryCount);
        let en = seek_answer(&draft, &funnel, entry, Lang::En);
        assert_eq!(en.sentence, "Number of Leads: 6,667 needed (now 3,000).");
    }
}
