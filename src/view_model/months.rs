//! The monthly plan's timeline: when each stage's counts must be created, month by month, and
//! the same in words; the headline cards (`summary`) and the month-by-month table (`table`).

pub mod summary;
pub mod table;

use funnel_charts::{TimelineData, TimelineRow};
use funnel_model::format::format_count;
use funnel_model::plan::draft::TimePlan;
use funnel_model::{Funnel, Lang};

use super::FONT_STACK;
use crate::i18n::months::words;
use crate::i18n::names::Named;
use crate::i18n::plan::plan_month_name;

/// The time plan with the funnel it was computed for (names and kinds of the stages).
#[derive(Clone, PartialEq)]
pub struct TimeResult {
    pub plan: TimePlan,
    pub funnel: Funnel,
}

/// The plan's months as a plan document names them: "4月", or "2026/4" when the plan reaches
/// into another fiscal year. `this_fiscal_year` is the year the plan's fiscal year starts in.
pub fn month_names(result: &TimeResult, lang: Lang, this_fiscal_year: i32) -> Vec<String> {
    let monthly = &result.plan.monthly;
    let base = monthly.needs_years().then_some(this_fiscal_year);
    monthly
        .months
        .iter()
        .map(|m| plan_month_name(lang, m.calendar_month, base.map(|b| b + m.year_offset)))
        .collect()
}

/// One row per stage over the plan's months, the period's first month marked.
pub fn timeline_data(result: &TimeResult, lang: Lang, this_fiscal_year: i32) -> TimelineData {
    let months = &result.plan.monthly.months;
    TimelineData {
        months: month_names(result, lang, this_fiscal_year),
        first_in_period: months
            .iter()
            .position(|m| !m.already_in_pipeline)
            .unwrap_or(0),
        before_label: words(lang).before_the_period_2.to_string(),
        rows: result
            .funnel
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| TimelineRow {
                label: s.display_name(lang),
                values: months.iter().map(|m| m.shown[i] as f64).collect(),
                value_labels: months.iter().map(|m| format_count(m.shown[i])).collect(),
                color_index: i,
            })
            .collect(),
        scale: 1.0,
        font_family: FONT_STACK.to_string(),
    }
}

/// The timeline read aloud: each stage with its count in each month.
pub fn timeline_summary(result: &TimeResult, lang: Lang, this_fiscal_year: i32) -> String {
    let names = month_names(result, lang, this_fiscal_year);
    let months = &result.plan.monthly.months;
    let parts: Vec<String> = result
        .funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let cells: Vec<String> = names
                .iter()
                .zip(months)
                .map(|(name, m)| format!("{name} {}", format_count(m.shown[i])))
                .collect();
            format!("{}: {}", s.display_name(lang), cells.join(", "))
        })
        .collect();
    format!(
        "{}. {}",
        words(lang).monthly_plan_timeline,
        parts.join("; ")
    )
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use funnel_model::draft::Draft;

    pub fn default_result() -> TimeResult {
        let draft = Draft::default();
        let funnel = draft.funnel().unwrap();
        let ids: Vec<u32> = draft.stages.iter().map(|s| s.id).collect();
        TimeResult {
            plan: draft.plan.time_plan(&funnel, &ids).unwrap(),
            funnel,
        }
    }

    #[test]
    fn the_default_quarter_starts_creating_three_months_ahead_and_wins_seven_deals_a_month() {
        // Q1 of a year starting in April, with 120 days from lead to won deal on average: the
        // pipeline starts in January, three months before the period; 20 won deals over three
        // equal months are 6.67 a month, planned as 7 whole deals each.
        let r = default_result();
        assert_eq!(
            month_names(&r, Lang::Ja, 2026),
            ["1月", "2月", "3月", "4月", "5月", "6月"]
        );
        let data = timeline_data(&r, Lang::Ja, 2026);
        assert_eq!(data.first_in_period, 3);
        assert_eq!(data.before_label, "計画期間前");
        let labels: Vec<&str> = data.rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(labels, ["訪問", "リード", "MQL", "SQL", "商談", "受注"]);
        let won = &data.rows[5];
        assert_eq!(won.values, [0.0, 0.0, 0.0, 7.0, 7.0, 7.0]);
        assert_eq!(won.value_labels, ["0", "0", "0", "7", "7", "7"]);
        // every count is shown as the plan document writes it
        assert_eq!(data.rows[0].value_labels[0], "116,667");
    }

    #[test]
    fn the_timeline_in_words_names_each_stage_and_month_once() {
        let en = timeline_summary(&default_result(), Lang::En, 2026);
        assert!(
            en.starts_with("Monthly plan timeline. Visits: Jan 116,667, Feb 116,667"),
            "{en}"
        );
        assert!(
            en.ends_with("; Won deals: Jan 0, Feb 0, Mar 0, Apr 7, May 7, Jun 7"),
            "{en}"
        );
        assert_eq!(en.matches("; ").count(), 5, "six stages: {en}");
    }
}
