//! The goal-seek answer worded for the page: one sentence, and the edit "use this value" sends
//! to the draft. Pure, so it is tested natively.

use funnel_model::draft::{Draft, SeekChoice};
use funnel_model::edit::FunnelEdit;
use funnel_model::format::{format_count, format_money, format_money_exact, format_percent};
use funnel_model::{Entry, Funnel, Lang, SeekInput, SeekOutcome};

use crate::i18n::common::texts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekAnswer {
    pub sentence: String,
    /// The edit "use this value" sends; `None` when no value in range reaches the target.
    pub apply: Option<FunnelEdit>,
}

/// Solves the draft's chosen input on `funnel` from `entry` and words the result.
pub fn seek_answer(draft: &Draft, funnel: &Funnel, entry: Entry, lang: Lang) -> SeekAnswer {
    let t = texts(lang);
    let input = draft.seek_input();
    let what = match input {
        SeekInput::Rate(i) => draft.rate_label(i, lang).unwrap_or_default(),
        SeekInput::DealSize => t.seek_deal.to_string(),
        SeekInput::EntryCount => (t.seek_count)(&draft.display_name(draft.entry_index(), lang)),
    };
    let answer = |sentence: String, apply| SeekAnswer { sentence, apply };
    match funnel.goal_seek(entry, input) {
        SeekOutcome::Rate { needed } => {
            let (SeekInput::Rate(i), SeekChoice::Rate(stage_id)) = (input, draft.seek) else {
                return answer(t.seek_not_in_path.to_string(), None);
            };
            let now = funnel.stages[i].rate_to_next.to_percent_text();
            let text = needed.to_percent_text();
            answer(
                (t.seek_needed)(&what, &format!("{text}%"), &format!("{now}%")),
                Some(FunnelEdit::Rate { id: stage_id, text }),
            )
        }
        SeekOutcome::DealSize { needed } => answer(
            (t.seek_needed)(
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
                (t.seek_needed)(&what, &text, &format_count(entry.count.get())),
                Some(FunnelEdit::EntryCount(text)),
            )
        }
        SeekOutcome::Unreachable {
            best_revenue,
            needed_percent: Some(pct),
        } => answer(
            (t.seek_unreachable_rate)(
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
            (t.seek_unreachable)(&what, &format_money(best_revenue, lang)),
            None,
        ),
        SeekOutcome::NotInPath => answer(t.seek_not_in_path.to_string(), None),
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
