//! The Risk view's figures as CSV (UTF-8 with BOM, as every export of the app): one figure a
//! row, then the tornado and the worth-most ranking.

use crate::csv_export::{defuse_formula, push_row};
use crate::lang::Lang;

use super::figures::RiskFigures;
use super::sensitivity::Input;

fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn money(v: f64) -> String {
    format!("{:.0}", v)
}

/// `rate_names[i]` names the rate out of stage i; `top_name` the top stage.
pub fn risk_csv(f: &RiskFigures, rate_names: &[String], top_name: &str, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let l = |ja, en| pick(lang, ja, en).to_string();
    push_row(&mut out, &[l("項目", "Figure"), l("値", "Value")]);
    let mut row = |k: String, v: String| push_row(&mut out, &[defuse_formula(k), v]);
    row(l("受注の必要件数", "Won deals needed"), f.need.to_string());
    row(
        format!("{}（{}）", l("計画の件数", "Planned count"), top_name),
        f.plan.count.to_string(),
    );
    row(
        l("目標達成の確率", "Chance of reaching the target"),
        format!("{:.4}", f.plan.reach.value),
    );
    if let Some(trials) = f.trials {
        row(
            l("確率の標準誤差", "Standard error of the chance"),
            format!("{:.4}", f.plan.reach.error),
        );
        row(
            l("モンテカルロの試行回数", "Monte Carlo trials"),
            trials.to_string(),
        );
    }
    for (name, i) in [("P10", 0), ("P50", 1), ("P90", 2)] {
        row(
            format!("{} {name}", l("受注件数", "Won deals")),
            f.plan.won[i].to_string(),
        );
        row(
            format!("{} {name}", l("売上", "Revenue")),
            money(f.plan.revenue[i]),
        );
    }
    for level in &f.levels {
        let pct = format!("{:.0}%", level.level * 100.0);
        row(
            format!(
                "{} {pct}（{top_name}）",
                l("必要な件数", "Count needed for")
            ),
            opt(level.top),
        );
        row(
            format!("{} {pct}", l("必要な予算", "Budget needed for")),
            level.budget.map(money).unwrap_or_default(),
        );
    }
    if let Some(fw) = &f.forward {
        row(l("手持ちの件数", "Entries you have"), fw.count.to_string());
        row(
            l("手持ちでの達成確率", "Chance with the entries you have"),
            format!("{:.4}", fw.reach.value),
        );
        for (name, i) in [("P10", 0), ("P50", 1), ("P90", 2)] {
            row(
                format!(
                    "{} {name}",
                    l("手持ちでの受注件数", "Won deals from your entries")
                ),
                fw.won[i].to_string(),
            );
        }
    }
    let name = |input: Input| match input {
        Input::Rate(i) => rate_names.get(i).cloned().unwrap_or_default(),
        Input::DealSize => l("受注単価", "Deal size"),
    };
    push_row(&mut out, &[""]);
    push_row(
        &mut out,
        &[
            l("感度（入力）", "Sensitivity (input)"),
            l("下端", "Low end"),
            l("上端", "High end"),
            l("下端の売上", "Revenue at low end"),
            l("上端の売上", "Revenue at high end"),
            l("下端の達成確率", "Chance at low end"),
            l("上端の達成確率", "Chance at high end"),
        ],
    );
    for s in &f.tornado {
        let ends = match s.input {
            Input::Rate(_) => [format!("{:.4}", s.low), format!("{:.4}", s.high)],
            Input::DealSize => [money(s.low), money(s.high)],
        };
        push_row(
            &mut out,
            &[
                defuse_formula(name(s.input)),
                ends[0].clone(),
                ends[1].clone(),
                money(s.revenue_low),
                money(s.revenue_high),
                format!("{:.4}", s.reach_low),
                format!("{:.4}", s.reach_high),
            ],
        );
    }
    push_row(&mut out, &[""]);
    push_row(
        &mut out,
        &[
            l("+1ptの改善", "+1 point on"),
            l("売上の増加", "Revenue gained"),
            format!("{}（{top_name}）", l("同じ効果の追加件数", "Same as extra")),
            l("その広告費", "That as ad budget"),
        ],
    );
    for imp in &f.improvements {
        push_row(
            &mut out,
            &[
                defuse_formula(name(Input::Rate(imp.stage))),
                money(imp.revenue),
                imp.extra_top.to_string(),
                imp.budget.map(money).unwrap_or_default(),
            ],
        );
    }
    out
}
