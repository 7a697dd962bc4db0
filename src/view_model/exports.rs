//! What an exported file says about itself.

use funnel_model::draft::Draft;
use funnel_model::format::format_money;
use funnel_model::{Lang, Money};

use crate::i18n::exports::export_details;
use crate::i18n::plan::period_phrase;

/// The caption an exported chart carries: the scenario's `name`, then its target (as the app
/// writes money, or as typed when it does not read), its period and `date`.
pub fn caption_lines(lang: Lang, name: String, draft: &Draft, date: &str) -> Vec<String> {
    let target = Money::parse(&draft.target)
        .map(|m| format_money(m.units(), lang))
        .unwrap_or_else(|_| draft.target.clone());
    let period = period_phrase(lang, draft);
    vec![name, export_details(lang, &target, &period, date)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caption_names_the_scenario_its_target_period_and_date() {
        let draft = Draft::default();
        let lines = caption_lines(Lang::Ja, "基本計画".into(), &draft, "2026-11-30");
        assert_eq!(lines[0], "基本計画");
        assert_eq!(
            lines[1],
            "売上目標 1億円 ・ 期間 第1四半期（4月〜6月） ・ 2026-11-30 作成"
        );
        let typo = Draft {
            target: "3おく".into(),
            ..Draft::default()
        };
        let lines = caption_lines(Lang::En, "Plan".into(), &typo, "2026-11-30");
        assert!(lines[1].contains("3おく"), "kept as typed: {}", lines[1]);
    }
}
