//! Period-based against cohort-based conversion for the same plan (seed 000's mismatch between
//! the review period and reality): with a lead time, the deals won this quarter come partly from
//! leads created before it, and leads created late in the quarter close after it. So "won this
//! quarter ÷ leads this quarter" is not the share of leads that become deals; the cohort rate
//! (follow each month's leads to wherever they close) is.

use super::phasing::MonthlyPlan;
use super::ratio;
use crate::format::format_percent;
use crate::lang::Lang;

/// One month seen the period way: won that month ÷ leads created that month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRatio {
    /// Months from the period start.
    pub offset: i32,
    /// The calendar month, 1–12.
    pub calendar_month: u8,
    /// Leads created that month, exact.
    pub leads: f64,
    /// Deals won that month, exact.
    pub won: f64,
    /// `None` when no leads are created that month.
    pub period_ratio: Option<f64>,
}

/// The two ways of measuring conversion, for the same plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortComparison {
    /// Won in the period ÷ leads created in the period; `None` when every lead is created
    /// before the period (a lead time at least as long as the period).
    pub period_based: Option<f64>,
    /// Won ÷ leads followed per cohort: the funnel's lead-to-won rate.
    pub cohort_based: f64,
    /// Deals won inside the period.
    pub won_in_period: f64,
    /// Leads created inside the period.
    pub leads_in_period: f64,
    /// Leads created before the period that close inside it.
    pub leads_before_period: f64,
    /// The period view month by month.
    pub monthly: Vec<MonthRatio>,
}

impl CohortComparison {
    /// Period-based minus cohort-based, in fraction points (`None` as for `period_based`).
    pub fn gap(&self) -> Option<f64> {
        self.period_based.map(|p| p - self.cohort_based)
    }
}

/// Compares the two rates for `plan`, taking stage `lead_stage` as the leads (clamped to the
/// funnel). The plan only creates what this period's wins need, so the period-based rate here
/// reads high by exactly the leads created before the period; in a steady state the two agree
/// on average, and a change of volume or seasonality moves them apart month by month.
pub fn compare(plan: &MonthlyPlan, lead_stage: usize) -> CohortComparison {
    let won_index = plan.reverse.stages.len().saturating_sub(1);
    let lead = lead_stage.min(won_index);
    let cohort_based = plan.reverse.stages[lead].cumulative_to_won;
    let monthly: Vec<MonthRatio> = plan
        .months
        .iter()
        .map(|m| MonthRatio {
            offset: m.offset,
            calendar_month: m.calendar_month,
            leads: m.exact[lead],
            won: m.exact[won_index],
            period_ratio: if m.exact[lead] > 0.0 {
                ratio(m.exact[won_index], m.exact[lead])
            } else {
                None
            },
        })
        .collect();
    let sum = |before: bool, f: fn(&MonthRatio) -> f64| -> f64 {
        monthly
            .iter()
            .filter(|m| (m.offset < 0) == before)
            .map(f)
            .sum()
    };
    let won_in_period = sum(false, |m| m.won);
    let leads_in_period = sum(false, |m| m.leads);
    let leads_before_period = sum(true, |m| m.leads);
    let period_based = if leads_in_period > 1e-9 {
        ratio(won_in_period, leads_in_period)
    } else {
        None
    };
    CohortComparison {
        period_based,
        cohort_based,
        won_in_period,
        leads_in_period,
        leads_before_period,
        monthly,
    }
}

/// One or two sentences on the gap, in our own words, for the note beside the two rates.
pub fn explain(c: &CohortComparison, lang: Lang) -> String {
    let cohort = format_percent(c.cohort_based);
    match (c.period_based, lang) {
        (None, Lang::Ja) => format!(
            "この期間の受注はすべて期間前に作られたリードから生まれるため、期間内のリード数で割る比率は意味を持ちません。リードを作成月ごとに追うと受注率は{cohort}です。"
        ),
        (None, Lang::En) => format!(
            "Every deal won in this period comes from leads created before it, so dividing by this period's leads means nothing. Followed from the month each lead was created, {cohort} of leads are won."
        ),
        (Some(p), _) if (p - c.cohort_based).abs() < 1e-9 * c.cohort_based.max(1e-12) => {
            match lang {
                Lang::Ja => format!("リードタイムが期間内に収まるため、期間で区切った比率とコホートの比率はどちらも{cohort}です。"),
                Lang::En => format!("Deals close within the month they start, so the period ratio and the cohort ratio are both {cohort}."),
            }
        }
        (Some(p), Lang::Ja) => format!(
            "期間で区切ると「受注 ÷ 期間内のリード」は{}ですが、リードを作成月ごとに追った本当の転換率は{cohort}です。差が出るのは、期間の受注の一部が期間前に作られたリード（{}件）から生まれ、期間の終わりに作られたリードは次の期間に受注するためです。",
            format_percent(p),
            crate::format::format_decimal(c.leads_before_period, 0),
        ),
        (Some(p), Lang::En) => format!(
            "Measured by period, won ÷ leads in the period is {}, but followed from the month each lead was created the true conversion is {cohort}. They differ because part of this period's wins come from leads created before it ({}), and leads created late in a period close in the next one.",
            format_percent(p),
            crate::format::format_decimal(c.leads_before_period, 0),
        ),
    }
}
