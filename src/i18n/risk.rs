//! The words of the Risk view and the Funnel view's chance headline: field messages, the chance
//! in words, and the sentences around the figures.

use funnel_model::format::{format_count, format_decimal, format_money};
use funnel_model::risk::{odds, Odds, RiskField, RiskProblem};
use funnel_model::Lang;

use crate::i18n::common::{input_error, FieldKind};

/// The message beside a Risk field.
pub fn problem_text(lang: Lang, field: RiskField, problem: RiskProblem) -> String {
    let ja = lang == Lang::Ja;
    let kind = match field {
        RiskField::Won(_) | RiskField::Trials(_) | RiskField::Seed => FieldKind::Count,
        RiskField::DealP10 | RiskField::DealP90 => FieldKind::Money,
        _ => FieldKind::Rate,
    };
    match problem {
        RiskProblem::Input(e) => input_error(lang, kind, e),
        RiskProblem::LowAboveHigh if ja => "下限が上限を上回っています。".into(),
        RiskProblem::LowAboveHigh => "The low end is above the high end.".into(),
        RiskProblem::WonAboveTrials if ja => "成功数が母数を上回っています。".into(),
        RiskProblem::WonAboveTrials => "More converted than there were in total.".into(),
        RiskProblem::ConfidenceOutside if ja => "信頼度は50%〜99%で入力してください。".into(),
        RiskProblem::ConfidenceOutside => "Enter a confidence from 50% to 99%.".into(),
        RiskProblem::P10NotBelowP90 if ja => "P10はP90より小さくしてください。".into(),
        RiskProblem::P10NotBelowP90 => "P10 must be below P90.".into(),
        RiskProblem::SeedNotWhole if ja => "シードは0以上の整数で入力してください。".into(),
        RiskProblem::SeedNotWhole => "Enter the seed as a whole number, 0 or more.".into(),
    }
}

/// A chance as a percentage with two decimals (four decimals of the probability): `54.28%`.
pub fn chance(p: f64) -> String {
    format!("{:.2}%", (p * 100.0).clamp(0.0, 100.0))
}

/// "about 1 in 2" / 「約2回に1回」.
pub fn chance_words(lang: Lang, p: f64) -> String {
    match (odds(p), lang) {
        (Odds::AlmostCertain, Lang::Ja) => "ほぼ確実".into(),
        (Odds::AlmostCertain, Lang::En) => "almost certain".into(),
        (Odds::AlmostNever, Lang::Ja) => "100回に1回未満".into(),
        (Odds::AlmostNever, Lang::En) => "less than 1 in 100".into(),
        (Odds::About { times, of }, Lang::Ja) => format!("約{of}回に{times}回"),
        (Odds::About { times, of }, Lang::En) => format!("about {times} in {of}"),
    }
}

/// A count with its unit: `93件` / `93`.
pub fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Ja => format!("{}件", format_count(n)),
        Lang::En => format_count(n),
    }
}

/// ± the standard error in percentage points.
pub fn error_points(lang: Lang, error: f64) -> String {
    let pts = format_decimal(error * 100.0, 2);
    match lang {
        Lang::Ja => format!("±{pts}ポイント"),
        Lang::En => format!("±{pts} pt"),
    }
}

/// "win rate +1 pt is worth as much as 267 more leads, about ¥318万 of ads".
pub fn worth_sentence(
    lang: Lang,
    rate: &str,
    revenue: f64,
    extra: u64,
    top: &str,
    budget: Option<f64>,
) -> String {
    let gain = format_money(revenue, lang);
    match (lang, budget) {
        (Lang::Ja, Some(b)) => format!(
            "{rate}を1ポイント上げると売上は{gain}増え、{top}を{}増やすのと同じ効果です（広告費にして約{}）。",
            count(lang, extra),
            format_money(b, lang)
        ),
        (Lang::Ja, None) => format!(
            "{rate}を1ポイント上げると売上は{gain}増え、{top}を{}増やすのと同じ効果です。",
            count(lang, extra)
        ),
        (Lang::En, Some(b)) => format!(
            "{rate} +1 pt adds {gain} of revenue: worth as much as {} more {top}, about {} of ads.",
            format_count(extra),
            format_money(b, lang)
        ),
        (Lang::En, None) => format!(
            "{rate} +1 pt adds {gain} of revenue: worth as much as {} more {top}.",
            format_count(extra)
        ),
    }
}

/// A range as each language writes it: `6件〜14件`, `6–14`.
pub fn span(lang: Lang, low: &str, high: &str) -> String {
    match lang {
        Lang::Ja => format!("{low}〜{high}"),
        Lang::En => format!("{low}–{high}"),
    }
}

/// A remark after a figure: full-width brackets in Japanese, a space and ASCII ones in English.
pub fn aside(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ja => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

#[cfg(test)]
mod punctuation_tests {
    use super::*;

    #[test]
    fn english_uses_ascii_brackets_and_an_en_dash() {
        assert_eq!(span(Lang::Ja, "6件", "14件"), "6件〜14件");
        assert_eq!(span(Lang::En, "6", "14"), "6–14");
        assert_eq!(aside(Lang::Ja, "+24,818"), "（+24,818）");
        assert_eq!(aside(Lang::En, "+24,818"), " (+24,818)");
    }
}
