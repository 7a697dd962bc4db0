//! The Risk view's figures as CSV (UTF-8 with BOM, as every export of the app): one figure a
//! row, then the tornado and the worth-most ranking.

use crate::csv_export::{defuse_formula, push_row};

use super::figures::RiskFigures;
use super::sensitivity::Input;

/// The Risk CSV's headings and row names, in the reader's language.
pub struct RiskCsvWords<'a> {
    pub figure: &'a str,
    pub value: &'a str,
    pub won_needed: &'a str,
    pub planned_count: &'a str,
    pub chance: &'a str,
    pub chance_error: &'a str,
    pub trials: &'a str,
    pub won_deals: &'a str,
    pub revenue: &'a str,
    pub count_needed: &'a str,
    pub budget_needed: &'a str,
    pub entries: &'a str,
    pub entries_chance: &'a str,
    pub entries_won: &'a str,
    pub deal_size: &'a str,
    pub sensitivity: &'a str,
    pub low_end: &'a str,
    pub high_end: &'a str,
    pub revenue_low: &'a str,
    pub revenue_high: &'a str,
    pub chance_low: &'a str,
    pub chance_high: &'a str,
    pub point_on: &'a str,
    pub revenue_gained: &'a str,
    pub same_as_extra: &'a str,
    pub as_ad_budget: &'a str,
    /// A row name with the stage its count is of ("planned count" and "Visits").
    pub of_stage: fn(&str, &str) -> String,
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn money(v: f64) -> String {
    format!("{:.0}", v)
}

/// `rate_names[i]` names the rate out of stage i; `top_name` the top stage.
pub fn risk_csv(
    f: &RiskFigures,
    rate_names: &[String],
    top_name: &str,
    w: &RiskCsvWords,
) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &[w.figure.to_string(), w.value.to_string()]);
    let mut row = |k: String, v: String| push_row(&mut out, &[defuse_formula(k), v]);
    row(w.won_needed.to_string(), f.need.to_string());
    row(
        (w.of_stage)(w.planned_count, top_name),
        f.plan.count.to_string(),
    );
    row(w.chance.to_string(), format!("{:.4}", f.plan.reach.value));
    if let Some(trials) = f.trials {
        row(
            w.chance_error.to_string(),
            format!("{:.4}", f.plan.reach.error),
        );
        row(w.trials.to_string(), trials.to_string());
    }
    for (name, i) in [("P10", 0), ("P50", 1), ("P90", 2)] {
        row(format!("{} {name}", w.won_deals), f.plan.won[i].to_string());
        row(format!("{} {name}", w.revenue), money(f.plan.revenue[i]));
    }
    for level in &f.levels {
        let pct = format!("{:.0}%", level.level * 100.0);
        row(
            (w.of_stage)(&format!("{} {pct}", w.count_needed), top_name),
            opt(level.top),
        );
        row(
            format!("{} {pct}", w.budget_needed),
            level.budget.map(money).unwrap_or_default(),
        );
    }
    if let Some(fw) = &f.forward {
        row(w.entries.to_string(), fw.count.to_string());
        row(
            w.entries_chance.to_string(),
            format!("{:.4}", fw.reach.value),
        );
        for (name, i) in [("P10", 0), ("P50", 1), ("P90", 2)] {
            row(format!("{} {name}", w.entries_won), fw.won[i].to_string());
        }
    }
    let name = |input: Input| match input {
        Input::Rate(i) => rate_names.get(i).cloned().unwrap_or_default(),
        Input::DealSize => w.deal_size.to_string(),
    };
    push_row(&mut out, &[""]);
    push_row(
        &mut out,
        &[
            w.sensitivity.to_string(),
            w.low_end.to_string(),
            w.high_end.to_string(),
            w.revenue_low.to_string(),
            w.revenue_high.to_string(),
            w.chance_low.to_string(),
            w.chance_high.to_string(),
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
            w.point_on.to_string(),
            w.revenue_gained.to_string(),
            (w.of_stage)(w.same_as_extra, top_name),
            w.as_ad_budget.to_string(),
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
