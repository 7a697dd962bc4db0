//! Worked examples for the time side of planning: periods, lead time, the monthly plan,
//! velocity, coverage, headcount and the period-vs-cohort gap. Every expected number is worked
//! out by hand in the comments.

use funnel_model::plan::cohort::compare;
use funnel_model::plan::lead_time::{LagDistribution, LeadTime, StageSplit};
use funnel_model::plan::period::{
    calendar_month, FiscalStart, MonthlyTargets, Period, PeriodSpec, Weights,
};
use funnel_model::plan::phasing::{
    monthly_plan, monthly_plan_with, MonthlyPlan, PhasingNote, PhasingOptions,
};
use funnel_model::plan::velocity::{coverage, headcount_by_month, sales_velocity, staffing};
use funnel_model::plan::{largest_remainder, PlanInputError};
use funnel_model::{Count, Funnel, Money, Rate, Stage, StageKind};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Seed 003: ¥1億 a quarter at ¥500万 a deal; lead→MQL 10 %, MQL→SQL 30 %, SQL→opp 40 %,
/// win 25 % → 20 won, 80 opps, 200 SQL, 666.67 MQL, 6,666.67 leads.
fn seed_funnel() -> Funnel {
    Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("500万").unwrap(),
        vec![
            Stage::new(StageKind::Leads, 10),
            Stage::new(StageKind::Mql, 30),
            Stage::new(StageKind::Sql, 40),
            Stage::new(StageKind::Opportunities, 25),
            Stage::new(StageKind::Won, 100),
        ],
    )
    .unwrap()
}

fn april_q1() -> PeriodSpec {
    PeriodSpec::new(Period::Quarter, FiscalStart::default(), 0).unwrap()
}

/// The seed funnel over April's Q1, even months, 30/50/20 % closing 1/2/3 months after creation.
fn seed_plan() -> MonthlyPlan {
    monthly_plan(
        &seed_funnel(),
        april_q1(),
        &Weights::Even,
        &LeadTime::Distribution(vec![0.0, 30.0, 50.0, 20.0]),
    )
    .unwrap()
}

#[test]
fn fiscal_periods_follow_the_april_year() {
    assert_eq!(FiscalStart::default().month(), 4);
    let fy = FiscalStart::default();
    let q = |i| PeriodSpec::new(Period::Quarter, fy, i).unwrap();
    assert_eq!(q(0).calendar_months(), vec![4, 5, 6]);
    assert_eq!(q(3).calendar_months(), vec![1, 2, 3]);
    assert_eq!(
        PeriodSpec::new(Period::Year, fy, 0)
            .unwrap()
            .calendar_months(),
        vec![4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
    );
    assert_eq!(
        PeriodSpec::new(Period::Month, fy, 11)
            .unwrap()
            .calendar_months(),
        vec![3]
    );
    let january = FiscalStart::new(1).unwrap();
    assert_eq!(
        PeriodSpec::new(Period::Quarter, january, 1)
            .unwrap()
            .calendar_months(),
        vec![4, 5, 6]
    );
    // Three months before April is January; two after December is February.
    assert_eq!(calendar_month(4, -3), 1);
    assert_eq!(calendar_month(12, 2), 2);
    assert_eq!(Period::Year.per_year(), 1);
    assert_eq!(Period::Month.months(), 1);
}

#[test]
fn bad_periods_are_refused_with_a_message() {
    let e = FiscalStart::new(13).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the fiscal year starts in a month from 1 to 12, not 13"
    );
    assert!(FiscalStart::new(0).is_err());
    let e = PeriodSpec::new(Period::Quarter, FiscalStart::default(), 4).unwrap_err();
    assert_eq!(
        e.to_string(),
        "period 5 does not exist: the fiscal year has 4"
    );
    assert!(PeriodSpec::new(Period::Year, FiscalStart::default(), 1).is_err());
}

#[test]
fn even_split_of_twenty_deals_is_seven_every_month() {
    // 20 ÷ 3 = 6.67 a month exactly; each month needs 7 (6 × ¥500万 = ¥3,000万 < ¥3,333万), so
    // the period plans 21, one above the funnel's 20.
    let t = MonthlyTargets::split(20.0, 20, 3, &Weights::Even).unwrap();
    assert!(t.exact.iter().all(|x| close(*x, 20.0 / 3.0)));
    assert_eq!(t.shown, vec![7, 7, 7]);
    assert_eq!(t.shown_total(), 21);
    assert_eq!(t.surplus(), 1);
}

#[test]
fn seasonal_weights_shape_the_months() {
    // Weights 1:1:2 → 5, 5, 10 of 20.
    let t = MonthlyTargets::split(20.0, 20, 3, &Weights::Seasonal(vec![1.0, 1.0, 2.0])).unwrap();
    assert_eq!(t.shown, vec![5, 5, 10]);
    assert!(close(t.exact[2], 10.0));
    // 20.5 exact (21 rounded up) at 0 : 1 : 1 → 0, 10.25, 10.25 exact; 0, 11, 11 shown.
    let t = MonthlyTargets::split(20.5, 21, 3, &Weights::Seasonal(vec![0.0, 1.0, 1.0])).unwrap();
    assert_eq!(t.shown, vec![0, 11, 11]);
    assert_eq!(t.surplus(), 1);
    assert!(close(t.exact[1], 10.25));
}

#[test]
fn bad_weights_get_a_message() {
    let w = |v: Vec<f64>| MonthlyTargets::split(20.0, 20, 3, &Weights::Seasonal(v)).unwrap_err();
    let e = w(vec![0.0, 0.0, 0.0]);
    assert_eq!(e, PlanInputError::WeightsAllZero);
    assert_eq!(e.to_string(), "at least one monthly weight must be above 0");
    assert_eq!(
        w(vec![1.0, -1.0, 1.0]).to_string(),
        "the weight of month 2 must be a number of 0 or more"
    );
    assert_eq!(
        w(vec![1.0, f64::NAN, 1.0]),
        PlanInputError::WeightInvalid { month: 1 }
    );
    assert_eq!(
        w(vec![1.0, 1.0]).to_string(),
        "enter 3 monthly weights, not 2"
    );
}

#[test]
fn a_distribution_is_shares_by_month_lag() {
    // 30/50/20 % one, two and three months later: mean 0.3 + 1.0 + 0.6 = 1.9 months.
    let d = LagDistribution::from_percents(&[0.0, 30.0, 50.0, 20.0]).unwrap();
    assert_eq!(d.max_lag(), 3);
    assert!(close(d.share(2), 0.5));
    assert_eq!(d.share(9), 0.0);
    assert!(close(d.mean_months(), 1.9));
    // Typed thirds are accepted within 0.01 points (99.99 %).
    assert!(LagDistribution::from_percents(&[33.33, 33.33, 33.33]).is_ok());
}

#[test]
fn bad_distributions_get_a_message() {
    let e = LagDistribution::from_percents(&[30.0, 50.0, 10.0]).unwrap_err();
    assert_eq!(e, PlanInputError::SharesNotHundred { total: 90.0 });
    assert_eq!(e.to_string(), "the shares add up to 90%, not 100%");
    assert_eq!(
        LagDistribution::from_percents(&[]).unwrap_err().to_string(),
        "enter the share closing in at least one month"
    );
    assert_eq!(
        LagDistribution::from_percents(&[120.0, -20.0])
            .unwrap_err()
            .to_string(),
        "share 1 must be a number from 0 to 100%"
    );
    assert_eq!(
        LagDistribution::from_percents(&[0.0; 40])
            .unwrap_err()
            .to_string(),
        "a distribution over 39 months is longer than the 36-month maximum"
    );
}

#[test]
fn average_days_split_between_neighbouring_months() {
    // 0 days: everything closes in the month it starts.
    assert_eq!(LagDistribution::from_days(0).unwrap().shares(), &[1.0]);
    // 45 days = 45 ÷ 30.4 = 1.4803 months → 51.97 % after one month, 48.03 % after two.
    let d = LagDistribution::from_days(45).unwrap();
    assert_eq!(d.max_lag(), 2);
    assert!(close(d.share(1), 1.0 - 45.0 / 30.4 + 1.0));
    assert!(close(d.share(2), 45.0 / 30.4 - 1.0));
    assert!(close(d.mean_months(), 45.0 / 30.4));
    // 76 days = 2.5 months → half after two, half after three.
    let d = LagDistribution::from_days(76).unwrap();
    assert!(close(d.share(2), 0.5) && close(d.share(3), 0.5));
    let e = LagDistribution::from_days(2000).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a lead time of 2000 days is longer than the 1094-day maximum"
    );
}

#[test]
fn dwell_days_place_each_stage() {
    // Dwell 0 / 15 / 15 / 30 days for leads, MQL, SQL, opps: opps close 30 days (0.99 month)
    // after creation, SQL 45, MQL 60, leads 60.
    let lt = LeadTime::StageDwellDays(vec![0, 15, 15, 30]);
    let split = StageSplit::new(0, 0.5);
    let lags = lt.per_stage(5, split).unwrap();
    assert_eq!(lags.len(), 5);
    assert!(close(lags[0].mean_months(), 60.0 / 30.4));
    assert!(close(lags[1].mean_months(), 60.0 / 30.4));
    assert!(close(lags[2].mean_months(), 45.0 / 30.4));
    assert!(close(lags[3].mean_months(), 30.0 / 30.4));
    assert_eq!(lags[4].shares(), &[1.0]);
    assert!(close(lt.distribution().unwrap().mean_months(), 60.0 / 30.4));
    let e = LeadTime::StageDwellDays(vec![10, 10])
        .per_stage(5, split)
        .unwrap_err();
    assert_eq!(e.to_string(), "enter dwell days for 4 stages, not 2");
    // Without dwell days the stages are placed by the split: leads, MQL, SQL, opps, won with the
    // opportunity created when half the lead time is left: leads 60 days before close, MQL
    // 60 × (1 − ½·½) = 45, SQL 60 × (1 − 2·¼)... the stages between share the other half
    // evenly: 1, 5/6, 4/6, 3/6 of the lead time left.
    let lags = LeadTime::AverageDays(60).per_stage(5, split).unwrap();
    for (i, left) in [1.0, 5.0 / 6.0, 4.0 / 6.0, 0.5, 0.0]
        .into_iter()
        .enumerate()
    {
        assert!(
            close(lags[i].mean_months(), 60.0 / 30.4 * left),
            "stage {i}"
        );
    }
}

#[test]
fn strict_check_refuses_a_lead_time_longer_than_the_period() {
    let d = LagDistribution::from_percents(&[0.0, 30.0, 50.0, 20.0]).unwrap();
    assert!(d.check_fits(3).is_ok());
    assert_eq!(
        d.check_fits(1).unwrap_err().to_string(),
        "deals take up to 3 months to close, longer than the 1-month period"
    );
}

/// Deals the whole counts created at `stage` deliver in each period month, read forward by
/// hand: Σ over creation months s of count[s] × share ending won × D[t − s].
fn forward(plan: &MonthlyPlan, stage: usize, shares: &[f64], cumulative: f64) -> Vec<f64> {
    (0..3)
        .map(|t| {
            plan.months
                .iter()
                .filter(|m| t - m.offset >= 0 && ((t - m.offset) as usize) < shares.len())
                .map(|m| m.shown[stage] as f64 * cumulative * shares[(t - m.offset) as usize])
                .sum()
        })
        .collect()
}

#[test]
fn seed_quarter_phased_with_a_30_50_20_distribution() {
    // Read forward as the page says: of the leads created in month s, 30 % close one month
    // later, 50 % two, 20 % three. The old backward reading created (with w = 20/3 a month)
    // leads of 0.2w, 0.7w, 1.0w, 0.8w, 0.3w, 0 ÷ 0.3 % in Jan … Jun; forward those deliver
    // Apr 0.3·1.0 + 0.5·0.7 + 0.2·0.2 = 0.69w, May 0.3·0.8 + 0.5·1.0 + 0.2·0.7 = 0.88w,
    // Jun 0.3·0.3 + 0.5·0.8 + 0.2·1.0 = 0.69w: 2.26 × 6.67 = 15.1 of 20 deals.
    let w = 20.0 / 3.0;
    let old: f64 = [0.69, 0.88, 0.69].iter().sum::<f64>() * w;
    assert!((old - 15.07).abs() < 0.01);

    let plan = seed_plan();
    assert_eq!(plan.months.len(), 6);
    let offsets: Vec<i32> = plan.months.iter().map(|m| m.offset).collect();
    assert_eq!(offsets, vec![-3, -2, -1, 0, 1, 2]);
    let cal: Vec<u8> = plan.months.iter().map(|m| m.calendar_month).collect();
    assert_eq!(cal, vec![1, 2, 3, 4, 5, 6]);
    // January–March are in the calendar year after the April fiscal start's… no: before it.
    // The fiscal year starts April of year 0, so January–March of this plan are year 0 too.
    assert!(plan.months.iter().all(|m| m.year_offset == 0));
    assert!(!plan.needs_years());
    assert!(plan.months[..3].iter().all(|m| m.already_in_pipeline));
    assert!(plan.months[3..].iter().all(|m| !m.already_in_pipeline));
    // Won deals: 7 each month (6.67 rounded up), 21 in all.
    let won: Vec<u64> = plan.months.iter().map(|m| m.shown[4]).collect();
    assert_eq!(won, vec![0, 0, 0, 7, 7, 7]);
    // Forward, the planned leads (share ending won 0.3 %) deliver at least 7 every month, and
    // so do the opportunities (25 %) with their own, shorter lags.
    let leads = forward(&plan, 0, &[0.0, 0.3, 0.5, 0.2], 0.003);
    assert!(leads.iter().all(|d| *d >= 7.0 - 1e-9), "{leads:?}");
    let opp_lag = plan.lags[3].shares().to_vec();
    let opps = forward(&plan, 3, &opp_lag, 0.25);
    assert!(opps.iter().all(|d| *d >= 7.0 - 1e-9), "{opps:?}");
    // Nothing is created in June (it could only close after the period).
    assert_eq!(plan.months[5].shown[0], 0);
    let before = plan.before_period_shown();
    assert!(before[0] > 0 && before[3] > 0);
    assert!(plan.notes.is_empty());
}

#[test]
fn a_one_month_lag_shifts_each_months_deals_back_one_month() {
    // All of a month's leads close one month later; weights 1 : 1 : 2 → 5, 5, 10 deals. The
    // leads of Mar, Apr, May are 5, 5, 10 ÷ 0.3 % = 1,666.67, 1,666.67, 3,333.33 → 1,667,
    // 1,667, 3,334 (each rounded up): 6,668, one above the funnel's 6,667.
    let plan = monthly_plan(
        &seed_funnel(),
        april_q1(),
        &Weights::Seasonal(vec![1.0, 1.0, 2.0]),
        &LeadTime::Distribution(vec![0.0, 100.0]),
    )
    .unwrap();
    let leads: Vec<u64> = plan.months.iter().map(|m| m.shown[0]).collect();
    assert_eq!(leads, vec![1_667, 1_667, 3_334, 0]);
    assert_eq!(plan.shown_totals()[0], 6_668);
    assert!(close(plan.before_period()[0], 5.0 / 0.003));
    let delivered = plan.delivered(0);
    for (d, want) in delivered.iter().zip([5.0, 5.0, 10.0]) {
        assert!(*d >= want && *d < want + 0.01, "{delivered:?}");
    }
}

#[test]
fn a_long_lead_time_is_noted_not_refused() {
    // A month's plan with a 3-month lag: everything comes from before the period.
    let plan = monthly_plan(
        &seed_funnel(),
        PeriodSpec::new(Period::Month, FiscalStart::default(), 0).unwrap(),
        &Weights::Even,
        &LeadTime::Distribution(vec![0.0, 0.0, 0.0, 100.0]),
    )
    .unwrap();
    assert_eq!(
        plan.notes,
        vec![PhasingNote::LeadTimeLongerThanPeriod {
            months: 3,
            period_months: 1
        }]
    );
    assert_eq!(plan.months[0].shown[0], 6_667);
    assert!(close(plan.before_period()[0], 20.0 / 0.003));
}

#[test]
fn phasing_passes_funnel_and_input_errors_through() {
    let e = monthly_plan(
        &seed_funnel(),
        april_q1(),
        &Weights::Seasonal(vec![0.0; 3]),
        &LeadTime::default(),
    )
    .unwrap_err();
    assert_eq!(e, PlanInputError::WeightsAllZero);
    let mut broken = seed_funnel();
    broken.stages.truncate(1);
    let e = monthly_plan(&broken, april_q1(), &Weights::Even, &LeadTime::default()).unwrap_err();
    assert_eq!(e.to_string(), "a funnel needs 2 to 12 stages, not 1");
}

#[test]
fn sales_velocity_is_revenue_per_day() {
    // 80 × ¥5,000,000 × 25 % ÷ 90 days = ¥100,000,000 ÷ 90 = ¥1,111,111.11 a day.
    let v = sales_velocity(
        80.0,
        Money::parse("500万").unwrap(),
        Rate::parse("25").unwrap(),
        90,
    )
    .unwrap();
    assert!(close(v, 100_000_000.0 / 90.0));
    let e = sales_velocity(
        80.0,
        Money::parse("500万").unwrap(),
        Rate::parse("25").unwrap(),
        0,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "the sales cycle must be at least 1 day");
    assert_eq!(
        sales_velocity(
            f64::NAN,
            Money::parse("1").unwrap(),
            Rate::parse("1").unwrap(),
            1
        )
        .unwrap_err()
        .to_string(),
        "the number of opportunities must be a number from 0 to 1,000,000,000,000,000"
    );
}

#[test]
fn coverage_needed_is_one_over_the_win_rate() {
    let m = |t: &str| Money::parse(t).unwrap();
    // 25 % win: needs 4×. ¥4億 open against ¥1億 remaining is exactly 4×: enough.
    let c = coverage(Some(m("4億")), m("1億"), Rate::parse("25").unwrap());
    assert!(close(c.needed, 4.0) && close(c.have, 4.0) && c.enough);
    // "3× coverage" at a 25 % win rate falls short.
    let c = coverage(Some(m("3億")), m("1億"), Rate::parse("25").unwrap());
    assert!(close(c.have, 3.0) && !c.enough);
    // At 33.3333 % 3× is still a hair short (needs 3.00003×); at 40 % it is plenty (2.5×).
    assert!(!coverage(Some(m("3億")), m("1億"), Rate::parse("33.3333").unwrap()).enough);
    assert!(coverage(Some(m("3億")), m("1億"), Rate::parse("40").unwrap()).enough);
    let c = coverage(None, m("1億"), Rate::parse("25").unwrap());
    assert_eq!(c.have, 0.0);
    assert!(!c.enough);
}

#[test]
fn headcount_counts_the_items_still_open() {
    // Everything closes one month after the lead, and the opportunity is created with the lead
    // (sales cycle = the whole lead time): 7 deals a month need 7 ÷ 25 % = 28 opportunities in
    // each of Mar, Apr, May. Each is worked in its month and the next, when it closes.
    // Opportunities worked: Mar 28, Apr 28 + 28 = 56, May 56, Jun 28. At 10 a rep: 3, 6, 6, 3
    // — June, when 7 deals close, needs 3 people though no opportunity is created in it.
    let plan = monthly_plan_with(
        &seed_funnel(),
        april_q1(),
        &Weights::Even,
        &LeadTime::Distribution(vec![0.0, 100.0]),
        PhasingOptions {
            split: StageSplit::new(0, 1.0),
            open_pipeline_deals: 0.0,
        },
    )
    .unwrap();
    let opps: Vec<u64> = plan.months.iter().map(|m| m.shown[3]).collect();
    assert_eq!(opps, vec![28, 28, 28, 0]);
    let field = headcount_by_month(&plan, 3, Count::new(10).unwrap()).unwrap();
    assert_eq!(field, vec![3, 6, 6, 3]);
    // SQL are worked until the opportunity is created: the same month (0 days), 70 a month
    // (28 ÷ 40 %) → at 40 a rep 2, 2, 2, 0.
    let s = staffing(
        &plan,
        &seed_funnel(),
        Count::new(40).unwrap(),
        Count::new(10).unwrap(),
    )
    .unwrap();
    assert_eq!(s.inside_sales, vec![2, 2, 2, 0]);
    assert_eq!(s.field_sales, field);
    assert_eq!(
        headcount_by_month(&plan, 9, Count::new(1).unwrap())
            .unwrap_err()
            .to_string(),
        "stage 10 does not exist"
    );
}

#[test]
fn the_period_ratio_is_shown_on_a_steady_example() {
    // Leads needed 6,666.67 → 6,667; over 3 months 2,223 a month from April. Everything
    // closes one month later, so April's and May's leads close inside the quarter and June's
    // in July: won = 2 × 2,223 × 0.3 % = 13.338; leads 6,669; won ÷ leads = 0.2 %, two thirds
    // of the cohort rate 0.3 %.
    let plan = monthly_plan(
        &seed_funnel(),
        april_q1(),
        &Weights::Even,
        &LeadTime::Distribution(vec![0.0, 100.0]),
    )
    .unwrap();
    let c = compare(&plan, 0);
    assert_eq!(c.leads_per_month, 2_223);
    assert!(close(c.cohort_based, 0.003));
    assert!(close(c.won_in_period, 2.0 * 2_223.0 * 0.003));
    assert!(close(c.leads_in_period, 6_669.0));
    assert!(close(c.period_based.unwrap(), 0.002));
    assert!(close(c.closing_inside, 2.0 / 3.0));
    assert!(close(c.gap().unwrap(), -0.001));
    assert!(close(c.mean_lag_months, 1.0));
    assert!(!c.agrees());
}

#[test]
fn without_a_lead_time_the_two_ratios_agree() {
    let plan = monthly_plan(
        &seed_funnel(),
        april_q1(),
        &Weights::Even,
        &LeadTime::AverageDays(0),
    )
    .unwrap();
    let c = compare(&plan, 0);
    assert!(close(c.period_based.unwrap(), 0.003));
    assert_eq!(c.leads_per_month, 2_223);
    assert!(close(c.closing_inside, 1.0));
    assert!(c.agrees());
}

#[test]
fn largest_remainder_is_public_for_the_ui() {
    assert_eq!(largest_remainder(20, &[1.0, 1.0, 1.0]), vec![7, 7, 6]);
}
