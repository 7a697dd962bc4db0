//! Sales velocity, pipeline coverage and the headcount a monthly plan needs.

use super::error::{check_amount, PlanInputError};
use super::lead_time::LagDistribution;
use super::phasing::MonthlyPlan;
use super::ratio;
use crate::funnel::Funnel;
use crate::stage::StageKind;
use crate::values::{Count, Money, Rate, PPM};

/// Sales velocity: revenue the pipeline produces per day,
/// `opportunities × deal size × win rate ÷ sales-cycle days`.
/// 80 opportunities × ¥5,000,000 × 25 % ÷ 90 days = ¥1,111,111 a day.
pub fn sales_velocity(
    opportunities: f64,
    deal_size: Money,
    win_rate: Rate,
    cycle_days: u32,
) -> Result<f64, PlanInputError> {
    let opportunities = check_amount(opportunities, "the number of opportunities")?;
    if cycle_days == 0 {
        return Err(PlanInputError::ZeroCycleDays);
    }
    let value = opportunities * deal_size.units() * win_rate.fraction() / f64::from(cycle_days);
    Ok(if value.is_finite() { value } else { 0.0 })
}

/// The coverage a plan needs against the coverage it has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// `1 ÷ win rate`: a 25 % win rate needs 4× the remaining target in open pipeline.
    pub needed: f64,
    /// Open pipeline value ÷ remaining target.
    pub have: f64,
    /// Whether `have ≥ needed`, decided exactly (pipeline × win rate ≥ remaining target), so a
    /// plan exactly at the line counts as covered.
    pub enough: bool,
}

/// Coverage needed (`1 ÷ win rate`) against the coverage the open pipeline gives
/// (`open pipeline ÷ remaining target`). `None` pipeline means nothing open. "3× coverage" is
/// only right at a 33 % win rate; this says what the plan's own win rate needs.
pub fn coverage(open_pipeline: Option<Money>, remaining_target: Money, win_rate: Rate) -> Coverage {
    let pipeline = open_pipeline.map_or(0, Money::hundredths);
    let needed = 1.0 / win_rate.fraction();
    let have = ratio(pipeline as f64, remaining_target.hundredths() as f64).unwrap_or(0.0);
    let enough = u128::from(pipeline) * u128::from(win_rate.ppm())
        >= u128::from(remaining_target.hundredths()) * u128::from(PPM);
    Coverage {
        needed,
        have,
        enough,
    }
}

/// How long an item created at `stage` stays at that stage, as a lag distribution: an
/// opportunity stays open until it closes (the stage's own lag to close); an earlier stage
/// until the next stage is created (the difference of their mean lags).
pub fn stay(plan: &MonthlyPlan, stage: usize) -> Option<LagDistribution> {
    let lag = plan.lags.get(stage)?;
    let next = plan.lags.get(stage + 1)?;
    Some(if stage + 2 == plan.lags.len() {
        lag.clone()
    } else {
        LagDistribution::from_months(lag.mean_months() - next.mean_months())
    })
}

/// Items at `stage` a team works in each month of the plan: those created that month and those
/// created earlier that are still open (`Σ_j created[t − j] × share still open j months on`).
pub fn open_by_month(plan: &MonthlyPlan, stage: usize) -> Result<Vec<f64>, PlanInputError> {
    if stage + 1 >= plan.reverse.stages.len() {
        return Err(PlanInputError::StageIndex { index: stage });
    }
    let stay = stay(plan, stage).ok_or(PlanInputError::StageIndex { index: stage })?;
    let months = &plan.months;
    Ok((0..months.len())
        .map(|t| {
            (0..=t)
                .map(|j| months[t - j].shown[stage] as f64 * stay.open_at(j))
                .sum()
        })
        .collect())
}

/// Reps needed each month of the plan to work the items at `stage` when one rep can work
/// `per_rep` at a time in a month: `⌈items worked that month ÷ per_rep⌉`, in whole people,
/// from the earliest month (the months before the period need people too). Items worked are the
/// new ones and the ones still open ([`open_by_month`]), so a month where many deals close
/// needs the people who carry them to the close.
pub fn headcount_by_month(
    plan: &MonthlyPlan,
    stage: usize,
    per_rep: Count,
) -> Result<Vec<u64>, PlanInputError> {
    let cap = per_rep.get() as f64;
    Ok(open_by_month(plan, stage)?
        .into_iter()
        .map(|n| super::ceil_whole(n / cap))
        .collect())
}

/// Inside-sales and field-sales headcount per month of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staffing {
    /// Inside sales works the SQL (or, without an SQL stage, the MQL) stage.
    pub inside_sales: Vec<u64>,
    /// Field sales works the opportunities (the stage just before won).
    pub field_sales: Vec<u64>,
}

/// Headcount for both teams: inside sales on SQL (falling back to MQL, then to the stage two
/// before won), field sales on the stage just before won.
pub fn staffing(
    plan: &MonthlyPlan,
    funnel: &Funnel,
    inside_per_rep: Count,
    field_per_rep: Count,
) -> Result<Staffing, PlanInputError> {
    let kinds: Vec<StageKind> = funnel.stages.iter().map(|s| s.kind).collect();
    let (inside, field) = team_stages(&kinds);
    Ok(Staffing {
        inside_sales: headcount_by_month(plan, inside, inside_per_rep)?,
        field_sales: headcount_by_month(plan, field, field_per_rep)?,
    })
}

/// The stages (by position in a chain of `kinds`, won last) the two sales teams work: inside
/// sales the SQL (else the MQL, else the stage two before won), field sales the stage just
/// before won. The page names them in the capacity labels, so both read this one rule.
pub fn team_stages(kinds: &[StageKind]) -> (usize, usize) {
    let find = |kind| kinds.iter().position(|k| *k == kind);
    let won = kinds.len().saturating_sub(1);
    let inside = find(StageKind::Sql)
        .or_else(|| find(StageKind::Mql))
        .unwrap_or(won.saturating_sub(2));
    (inside, won.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use StageKind::*;

    #[test]
    fn teams_work_sql_then_mql_then_two_before_won() {
        assert_eq!(
            team_stages(&[Visits, Leads, Mql, Sql, Opportunities, Won]),
            (3, 4)
        );
        assert_eq!(team_stages(&[Leads, Mql, Opportunities, Won]), (1, 2));
        assert_eq!(team_stages(&[Leads, Custom, Opportunities, Won]), (1, 2));
        assert_eq!(team_stages(&[Leads, Won]), (0, 0));
    }
}
