//! The monthly plan month by month: the table's rows and its total row, and period vs cohort
//! conversion.

use funnel_model::format::{format_count, format_percent};
use funnel_model::Lang;

use super::{month_names, TimeResult};
use crate::i18n::months::words;
use crate::view_model::figure::Figure;

/// One month of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRow {
    pub month: String,
    /// Set on the months before the period, whose counts are already in the pipeline.
    pub before_tag: Option<&'static str>,
    pub offset: i32,
    /// What each stage must create that month.
    pub counts: Vec<String>,
    pub inside_sales: String,
    pub field_sales: String,
    /// The month's share of the revenue target (a dash before the period).
    pub revenue: Figure,
}

/// The table's last row: each stage's total and the whole target.
#[derive(Clone, Debug, PartialEq)]
pub struct TotalRow {
    pub counts: Vec<String>,
    pub revenue: Figure,
}

pub fn month_rows(l: Lang, r: &TimeResult, this_fiscal_year: i32) -> Vec<MonthRow> {
    let p = &r.plan;
    // The month's share of the revenue target: its won-deal target × the deal size (the
    // seasonality split of the target itself); nothing is due before the period.
    let deal = r.funnel.deal_size.units();
    let revenue = |offset: i32| {
        usize::try_from(offset)
            .ok()
            .and_then(|t| p.monthly.won_targets.exact.get(t))
            .map_or_else(Figure::dash, |won| Figure::money(won * deal, l))
    };
    let staff = |v: &[u64], row: usize| v.get(row).copied().unwrap_or(0).to_string();
    month_names(r, l, this_fiscal_year)
        .into_iter()
        .zip(&p.monthly.months)
        .enumerate()
        .map(|(row, (month, m))| MonthRow {
            month,
            before_tag: m.already_in_pipeline.then_some(words(l).before_the_period),
            offset: m.offset,
            counts: m.shown.iter().map(|n| format_count(*n)).collect(),
            inside_sales: staff(&p.staffing.inside_sales, row),
            field_sales: staff(&p.staffing.field_sales, row),
            revenue: revenue(m.offset),
        })
        .collect()
}

pub fn total_row(l: Lang, r: &TimeResult) -> TotalRow {
    TotalRow {
        counts: r
            .plan
            .monthly
            .shown_totals()
            .iter()
            .map(|n| format_count(*n))
            .collect(),
        revenue: Figure::money(r.funnel.target.units(), l),
    }
}

/// Conversion counted per period and per cohort, and why they differ.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortFigures {
    pub period: String,
    pub cohort: String,
    pub explanation: String,
}

pub fn cohort_figures(l: Lang, r: &TimeResult) -> CohortFigures {
    let c = &r.plan.cohort;
    CohortFigures {
        period: c
            .period_based
            .map_or_else(|| "—".to_string(), format_percent),
        cohort: format_percent(c.cohort_based),
        explanation: crate::i18n::months::cohort_explanation(l, c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::months::tests::default_result;

    #[test]
    fn three_months_before_the_period_create_and_the_period_wins_seven_deals_a_month() {
        // Q1 from April, 120 days from lead to won deal: January to March create what April to
        // June win; each period month wins 7 deals, its share of the ¥1億 target is
        // 20 / 3 deals × ¥500万 = ¥33,333,333.33 (shown rounded, the exact yen behind).
        let r = default_result();
        let rows = month_rows(Lang::Ja, &r, 2026);
        let months: Vec<&str> = rows.iter().map(|r| r.month.as_str()).collect();
        assert_eq!(months, ["1月", "2月", "3月", "4月", "5月", "6月"]);
        assert_eq!(rows[0].before_tag, Some("計画期間前"));
        assert_eq!(rows[3].before_tag, None);
        assert_eq!(rows[0].revenue, Figure::dash());
        assert_eq!(rows[3].revenue.text, "約3,333万円");
        assert_eq!(rows[3].revenue.exact.as_deref(), Some("33,333,333.33円"));
        assert_eq!(rows[0].counts[0], "116,667");
        assert_eq!(rows[3].counts[5], "7");
        assert_eq!(rows[0].counts[5], "0");
        let total = total_row(Lang::Ja, &r);
        assert_eq!(total.counts[5], "21");
        assert_eq!(total.revenue.text, "1億円");
    }

    #[test]
    fn the_cohort_comparison_has_its_two_rates_and_a_sentence() {
        let c = cohort_figures(Lang::En, &default_result());
        assert!(c.cohort.ends_with('%'), "{}", c.cohort);
        assert!(!c.explanation.is_empty());
    }
}
