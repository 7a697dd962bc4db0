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

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub what_is_uncertain: &'static str,
    pub risk_sensitivity: &'static str,
    pub this_plans_counts_are_too_large: &'static str,
    pub some_inputs_are_not_valid_showing: &'static str,
    pub save_the_figures_as_csv: &'static str,
    pub save_the_distribution_as_png: &'static str,
    pub save_the_chance_curve_as_png: &'static str,
    pub save_the_tornado_as_png: &'static str,
    pub which_single_improvement_is_worth_most: &'static str,
    pub what_1_point_on_each_rate: &'static str,
    pub rank: &'static str,
    pub rate_1_pt: &'static str,
    pub revenue_gained: &'static str,
    pub as_ad_budget: &'static str,
    pub ranges_are_yours_where_given_else: &'static str,
    pub input_and_range: &'static str,
    pub revenue_low_end: &'static str,
    pub revenue_high_end: &'static str,
    pub chance_low_end: &'static str,
    pub chance_high_end: &'static str,
    pub chance_of_reaching_the_target_exact: &'static str,
    pub figure: &'static str,
    pub scenario_a: &'static str,
    pub scenario_b: &'static str,
    pub difference_b_a: &'static str,
    pub chance_of_reaching_the_target: &'static str,
    pub top_stage_count_for_90_confidence: &'static str,
    pub won_deals_p10_p50_p90: &'static str,
    pub revenue_p10_p50_p90: &'static str,
    pub out_of_reach_at_these_rates: &'static str,
    pub with_what_you_have: &'static str,
    pub see_risk_sensitivity: &'static str,
    pub distribution_of_won_deals: &'static str,
    pub chance_of_reaching_the_target_by: &'static str,
    pub revenue_sensitivity_tornado: &'static str,
    pub deal_size: &'static str,
    pub benchmark: &'static str,
    pub n20: &'static str,
    pub plan: &'static str,
    pub today: &'static str,
    pub revenue_sensitivity_widest_swing_first: &'static str,
    pub symbol: &'static str,
    pub how_sure_each_rate_is: &'static str,
    pub leave_a_rate_you_trust_as: &'static str,
    pub confidence_and_deal_size_spread: &'static str,
    pub fixed_as_typed: &'static str,
    pub range_low_high: &'static str,
    pub history_won_of_total: &'static str,
    pub confidence_level: &'static str,
    pub confidence_hint: &'static str,
    pub deal_size_p10: &'static str,
    pub deal_size_p10_hint: &'static str,
    pub deal_size_p90: &'static str,
    pub deal_size_p90_hint: &'static str,
    pub monte_carlo_seed: &'static str,
    pub seed_hint: &'static str,
    pub doubt: &'static str,
    pub low: &'static str,
    pub high: &'static str,
    pub converted: &'static str,
    pub out_of: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    what_is_uncertain: "不確かさの入力",
    risk_sensitivity: "リスクと感度",
    this_plans_counts_are_too_large: "この計画は件数が大きすぎるため、確率を計算していません（受注1,000万件・最上段1兆件まで計算します）。",
    some_inputs_are_not_valid_showing: "入力に誤りがあるため、最後に計算できた結果を表示しています（最新ではありません）。",
    save_the_figures_as_csv: "数値をCSVで保存",
    save_the_distribution_as_png: "分布をPNGで保存",
    save_the_chance_curve_as_png: "確率の曲線をPNGで保存",
    save_the_tornado_as_png: "トルネードをPNGで保存",
    which_single_improvement_is_worth_most: "どの改善がいちばん効くか",
    what_1_point_on_each_rate: "各転換率を1ポイント上げたときの効果",
    rank: "順位",
    rate_1_pt: "+1ポイントする率",
    revenue_gained: "売上の増加",
    as_ad_budget: "その広告費",
    ranges_are_yours_where_given_else: "範囲は入力した幅、なければベンチマーク、どちらもなければ±20%。",
    input_and_range: "入力と範囲",
    revenue_low_end: "下端の売上",
    revenue_high_end: "上端の売上",
    chance_low_end: "下端の達成確率",
    chance_high_end: "上端の達成確率",
    chance_of_reaching_the_target_exact: "目標達成の確率（入力どおりの率で厳密計算）",
    figure: "指標",
    scenario_a: "シナリオA",
    scenario_b: "シナリオB",
    difference_b_a: "差（B − A）",
    chance_of_reaching_the_target: "目標達成の確率",
    top_stage_count_for_90_confidence: "90%の確信に必要な最上段の件数",
    won_deals_p10_p50_p90: "受注件数 P10 / P50 / P90",
    revenue_p10_p50_p90: "売上 P10 / P50 / P90",
    out_of_reach_at_these_rates: "この率では届きません",
    with_what_you_have: "手持ちの件数では",
    see_risk_sensitivity: "リスクと感度を見る →",
    distribution_of_won_deals: "受注件数の分布",
    chance_of_reaching_the_target_by: "件数と目標達成の確率",
    revenue_sensitivity_tornado: "売上の感度（トルネード）",
    deal_size: "受注単価",
    benchmark: "（ベンチマーク）",
    n20: "（±20%）",
    plan: "計画",
    today: "現在",
    revenue_sensitivity_widest_swing_first: "売上の感度（振れ幅の大きい順）。",
    symbol: "。",
    how_sure_each_rate_is: "転換率の不確かさ",
    leave_a_rate_you_trust_as: "確かな率は「固定」のまま。幅があるなら下限〜上限、実績があるなら「成功数／母数」を入力します（例: 190件の商談のうち48件受注）。",
    confidence_and_deal_size_spread: "確信度と受注単価のばらつき",
    fixed_as_typed: "固定（入力どおり）",
    range_low_high: "範囲（下限〜上限）",
    history_won_of_total: "実績（成功数／母数）",
    confidence_level: "確信度（任意の水準）",
    confidence_hint: "50〜99%。80%と90%はいつも表示します",
    deal_size_p10: "受注単価 P10（小さい案件）",
    deal_size_p10_hint: "空欄なら単価は一定",
    deal_size_p90: "受注単価 P90（大きい案件）",
    deal_size_p90_hint: "例: 800万",
    monte_carlo_seed: "乱数シード",
    seed_hint: "同じシードなら同じ結果（共有リンクにも含まれます）",
    doubt: "不確かさ",
    low: "下限",
    high: "上限",
    converted: "成功数",
    out_of: "母数",
};

static EN: Words = Words {
    what_is_uncertain: "What is uncertain",
    risk_sensitivity: "Risk & sensitivity",
    this_plans_counts_are_too_large: "This plan's counts are too large for its chances to be computed (up to 10 million won deals and 1 trillion top-stage entries).",
    some_inputs_are_not_valid_showing: "Some inputs are not valid: showing the last result that could be computed (not current).",
    save_the_figures_as_csv: "Save the figures as CSV",
    save_the_distribution_as_png: "Save the distribution as PNG",
    save_the_chance_curve_as_png: "Save the chance curve as PNG",
    save_the_tornado_as_png: "Save the tornado as PNG",
    which_single_improvement_is_worth_most: "Which single improvement is worth most",
    what_1_point_on_each_rate: "What +1 point on each rate is worth",
    rank: "Rank",
    rate_1_pt: "Rate +1 pt",
    revenue_gained: "Revenue gained",
    as_ad_budget: "As ad budget",
    ranges_are_yours_where_given_else: "Ranges are yours where given, else the survey benchmark, else ±20%.",
    input_and_range: "Input and range",
    revenue_low_end: "Revenue, low end",
    revenue_high_end: "Revenue, high end",
    chance_low_end: "Chance, low end",
    chance_high_end: "Chance, high end",
    chance_of_reaching_the_target_exact: "Chance of reaching the target (exact, at the rates as typed)",
    figure: "Figure",
    scenario_a: "Scenario A",
    scenario_b: "Scenario B",
    difference_b_a: "Difference (B − A)",
    chance_of_reaching_the_target: "Chance of reaching the target",
    top_stage_count_for_90_confidence: "Top-stage count for 90% confidence",
    won_deals_p10_p50_p90: "Won deals P10 / P50 / P90",
    revenue_p10_p50_p90: "Revenue P10 / P50 / P90",
    out_of_reach_at_these_rates: "Out of reach at these rates",
    with_what_you_have: "With what you have",
    see_risk_sensitivity: "See risk & sensitivity →",
    distribution_of_won_deals: "Distribution of won deals",
    chance_of_reaching_the_target_by: "Chance of reaching the target by count",
    revenue_sensitivity_tornado: "Revenue sensitivity (tornado)",
    deal_size: "Deal size",
    benchmark: " (benchmark)",
    n20: " (±20%)",
    plan: "Plan",
    today: "Today",
    revenue_sensitivity_widest_swing_first: "Revenue sensitivity, widest swing first. ",
    symbol: "; ",
    how_sure_each_rate_is: "How sure each rate is",
    leave_a_rate_you_trust_as: "Leave a rate you trust as fixed. Otherwise give a low–high range, or your history as counts (e.g. 48 won of 190 opportunities).",
    confidence_and_deal_size_spread: "Confidence and deal-size spread",
    fixed_as_typed: "Fixed (as typed)",
    range_low_high: "Range (low–high)",
    history_won_of_total: "History (won of total)",
    confidence_level: "Confidence level",
    confidence_hint: "50–99%. 80% and 90% are always shown",
    deal_size_p10: "Deal size P10 (small deals)",
    deal_size_p10_hint: "Leave empty for a fixed deal size",
    deal_size_p90: "Deal size P90 (large deals)",
    deal_size_p90_hint: "e.g. 8,000,000",
    monte_carlo_seed: "Monte Carlo seed",
    seed_hint: "Same seed, same figures (shared links carry it)",
    doubt: "Doubt",
    low: "Low",
    high: "High",
    converted: "Converted",
    out_of: "Out of",
};

/// A difference of two chances in percentage points: `+3.12 pt` / `+3.12ポイント`.
pub fn signed_points(lang: Lang, d: f64) -> String {
    let points = (d * 100.0).abs();
    let sign = if points < 0.005 {
        return "±0".to_string();
    } else if d > 0.0 {
        "+"
    } else {
        "−"
    };
    match lang {
        Lang::Ja => format!("{sign}{points:.2}ポイント"),
        Lang::En => format!("{sign}{points:.2} pt"),
    }
}

/// A count with its unit where the language writes one (`+1,200件`); none on zero (`±0`).
pub fn count_unit(lang: Lang, count: String, nonzero: bool) -> String {
    match lang {
        Lang::Ja if nonzero => format!("{}件", count),
        _ => count,
    }
}

pub fn needed_for_confidence(lang: Lang, pct: &str, top: &str) -> String {
    match lang {
        Lang::Ja => format!("{pct}の確信に必要な{top}"),
        Lang::En => format!("{top} for {pct} confidence"),
    }
}

pub fn budget_part(lang: Lang, budget: &str) -> String {
    match lang {
        Lang::Ja => format!(" · 予算{}", budget),
        Lang::En => format!(" · budget {}", budget),
    }
}

/// How the chance was computed: exactly, or by a Monte Carlo of (trials, seed, error).
pub fn method_note(lang: Lang, need: &str, monte_carlo: Option<(String, u64, String)>) -> String {
    match (monte_carlo, lang) {
        (None, Lang::Ja) => format!("目標達成 = 受注{need}以上。転換率が固定なので二項分布から厳密に計算しています。"),
        (None, Lang::En) => format!("Reaching the target means {need} or more won deals. With fixed rates this is computed exactly from the binomial distribution."),
        (Some((trials, seed, error)), Lang::Ja) => format!(
            "目標達成 = 受注{need}以上。率の幅についてモンテカルロ{}回（シード{}）で積分しています。確率の誤差 {}。",
            trials, seed, error
        ),
        (Some((trials, seed, error)), Lang::En) => format!(
            "Reaching the target means {need} or more won deals. The rate ranges are integrated by a Monte Carlo of {} trials (seed {}); error of the chance {}.",
            trials, seed, error
        ),
    }
}

pub fn forward_outlook(
    lang: Lang,
    stage: &str,
    count: &str,
    reach: f64,
    range: &str,
    revenue: &str,
) -> String {
    match lang {
        Lang::Ja => format!(
            "手持ちの{stage} {}件では、目標達成の確率は{}（{}）。受注はP10〜P90で{range}、売上は{revenue}。",
            count, chance(reach), chance_words(lang, reach)
        ),
        Lang::En => format!(
            "With the {} {stage} you have, the chance of reaching the target is {} ({}). Won deals P10–P90: {range}; revenue {revenue}.",
            count, chance(reach), chance_words(lang, reach)
        ),
    }
}

pub fn same_as_extra(lang: Lang, top: &str) -> String {
    match lang {
        Lang::Ja => format!("同じ効果の{top}"),
        Lang::En => format!("Same as extra {top}"),
    }
}

/// Put before a rate's short field labels in their accessible names.
pub fn rate_context(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ja => format!("{label}の"),
        Lang::En => format!("{label} "),
    }
}

pub fn target_marker(lang: Lang, need: u64) -> String {
    match lang {
        Lang::Ja => format!("目標 {}", count(lang, need)),
        Lang::En => format!("Target {}", count(lang, need)),
    }
}

/// The won-deals distribution chart read as text.
pub fn distribution_summary(lang: Lang, need: u64, won: [u64; 3], reach: f64) -> String {
    let l = lang;
    match l {
        Lang::Ja => format!("受注件数の分布。目標{}、P10 {}、P50 {}、P90 {}。目標に届く確率は{}。", count(l, need), count(l, won[0]), count(l, won[1]), count(l, won[2]), chance(reach)),
        Lang::En => format!("Distribution of won deals. Target {}; P10 {}, P50 {}, P90 {}. Chance of reaching the target {}.", need, won[0], won[1], won[2], chance(reach)),
    }
}

/// The chance-by-count curve read as text (`at80`, `at90`: the counts those chances need).
pub fn curve_summary(
    lang: Lang,
    top: &str,
    plan_count: u64,
    reach: f64,
    at80: &str,
    at90: &str,
) -> String {
    let l = lang;
    match l {
        Lang::Ja => format!("{top}の件数と目標達成の確率。計画の{}で{}、80%には{}、90%には{}。", count(l, plan_count), chance(reach), at80, at90),
        Lang::En => format!("Chance of reaching the target against the {top} count: {} at the plan's {}; 80% needs {}, 90% needs {}.", chance(reach), count(l, plan_count), at80, at90),
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
