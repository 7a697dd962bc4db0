//! The monthly plan, channels and unit economics checked against first principles: one test per
//! point where the plan was internally inconsistent, each with its figures worked by hand.

use funnel_model::draft::Draft;
use funnel_model::plan::channels::{default_channels, plan_channels, Volume};
use funnel_model::plan::draft::{CycleDays, LeadTimeMode, PlanDraft};
use funnel_model::plan::lead_time::LeadTime;
use funnel_model::plan::lead_time::StageSplit;
use funnel_model::plan::period::{FiscalStart, Period, PeriodSpec, Weights};
use funnel_model::plan::phasing::{monthly_plan, monthly_plan_with, PhasingOptions};
use funnel_model::{Funnel, Money, Stage, StageKind};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn default_plan() -> (Funnel, Vec<u32>) {
    let d = Draft::default();
    (d.funnel().unwrap(), d.stages.iter().map(|s| s.id).collect())
}

/// Seed 003 without visits: leads → MQL → SQL → opportunities → won.
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

#[test]
fn june_plans_the_seven_deals_its_target_needs() {
    // ¥1億 over Apr–Jun: ¥3,333.33万 a month ÷ ¥500万 = 6.67 deals; 6 would make ¥3,000万.
    // Each month plans 7 (¥3,500万), the quarter 21: one deal above the funnel's 20.
    let (f, ids) = default_plan();
    let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
    let w = &t.monthly.won_targets;
    assert_eq!(w.shown, vec![7, 7, 7]);
    assert_eq!(
        (w.shown_total(), w.period_required, w.surplus()),
        (21, 20, 1)
    );
    let deal = 5_000_000.0;
    let mut to_date = (0.0, 0.0);
    for won in &w.shown {
        assert!(*won as f64 * deal >= 100_000_000.0 / 3.0);
        to_date.0 += *won as f64 * deal;
        to_date.1 += 100_000_000.0 / 3.0;
        assert!(to_date.0 >= to_date.1);
    }
}

#[test]
fn a_seasonal_year_from_january_reaches_every_months_target() {
    // A January fiscal year, ¥12億 at ¥500万 = 240 deals, December weighted 2 and the rest 1
    // (13 parts): 240 ÷ 13 = 18.46 → 19 a month, December 36.92 → 37. 11 × 19 + 37 = 246.
    let mut f = seed_funnel();
    f.target = Money::parse("12億").unwrap();
    let mut w = vec![1.0; 12];
    w[11] = 2.0;
    let plan = monthly_plan(
        &f,
        PeriodSpec::new(Period::Year, FiscalStart::new(1).unwrap(), 0).unwrap(),
        &Weights::Seasonal(w),
        &LeadTime::AverageDays(0),
    )
    .unwrap();
    let mut want = vec![19; 12];
    want[11] = 37;
    assert_eq!(plan.won_targets.shown, want);
    assert_eq!(plan.won_targets.surplus(), 6);
}

#[test]
fn the_open_pipeline_reduces_what_is_created_before_the_period() {
    // Everything closes one month after the lead; 7 deals a month. An open pipeline of ¥1億 at
    // a 25 % win rate and ¥500万 deals is expected to win 5 deals, counted in April first: April
    // needs 2 more, so March's leads are 2 ÷ 0.3 % = 666.67 → 667 instead of 7 ÷ 0.3 % = 2,334.
    let plan = |open: f64| {
        monthly_plan_with(
            &seed_funnel(),
            PeriodSpec::new(Period::Quarter, FiscalStart::default(), 0).unwrap(),
            &Weights::Even,
            &LeadTime::Distribution(vec![0.0, 100.0]),
            PhasingOptions {
                split: StageSplit::new(0, 0.5),
                open_pipeline_deals: open,
            },
        )
        .unwrap()
    };
    assert_eq!(plan(0.0).before_period_shown()[0], 2_334);
    let with_open = plan(5.0);
    assert_eq!(with_open.before_period_shown()[0], 667);
    assert_eq!(with_open.from_open_pipeline, vec![5.0, 0.0, 0.0]);
    // Through the draft: ¥1億 typed as open pipeline gives the same 5 deals.
    let (f, ids) = default_plan();
    let p = PlanDraft {
        open_pipeline: "1億".into(),
        ..PlanDraft::default()
    };
    let t = p.time_plan(&f, &ids).unwrap();
    assert!(close(t.open_pipeline_deals, 5.0));
    let without = PlanDraft::default().time_plan(&f, &ids).unwrap();
    assert!(
        t.monthly.before_period_shown()[1] < without.monthly.before_period_shown()[1],
        "fewer leads before the period"
    );
    // 0 is allowed and means none, like blank.
    let zero = PlanDraft {
        open_pipeline: "0".into(),
        ..PlanDraft::default()
    };
    assert_eq!(zero.time_plan(&f, &ids).unwrap().open_pipeline_deals, 0.0);
}

#[test]
fn stages_are_created_on_the_way_to_close_and_reps_carry_open_deals() {
    // 90 days with the default 50 % sales cycle: leads 90 days before close (2.96 months),
    // opportunities 45 days (1.48 months). Field sales work opportunities from creation to
    // close, so every month of the quarter, when 7 deals close, needs field reps.
    let (f, ids) = default_plan();
    let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
    let lags = &t.monthly.lags;
    assert!(close(lags[1].mean_months(), 90.0 / 30.4));
    assert!(close(lags[4].mean_months(), 45.0 / 30.4));
    let fs = &t.staffing.field_sales;
    assert!(fs[3..].iter().all(|n| *n > 0), "{fs:?}");
    // A share typed by the user moves the opportunities: 20 % of 90 days = 18 days.
    let p = PlanDraft {
        sales_cycle_share: "20".into(),
        ..PlanDraft::default()
    };
    let t = p.time_plan(&f, &ids).unwrap();
    assert!(close(t.monthly.lags[4].mean_months(), 18.0 / 30.4));
    assert!(close(t.sales_cycle_share, 0.2));
}

#[test]
fn velocity_uses_the_sales_cycle_when_it_is_known() {
    // Days per stage 0 / 10 / 10 / 20 / 30: the opportunity stage lasts 30 days, so velocity
    // is 80 × ¥500万 × 25 % ÷ 30 = ¥333.33万 a day, not ÷ 70 days lead to close.
    let (f, ids) = default_plan();
    let mut p = PlanDraft {
        lead_time: LeadTimeMode::StageDwell,
        ..PlanDraft::default()
    };
    for (id, days) in ids.iter().zip(["0", "10", "10", "20", "30"]) {
        p.set_dwell(*id, days);
    }
    let t = p.time_plan(&f, &ids).unwrap();
    assert_eq!(t.cycle_source, CycleDays::SalesCycle);
    assert_eq!(t.cycle_days, 30.0);
    assert!(close(t.velocity.unwrap(), 100_000_000.0 / 30.0));
    // Average days: lead to close, said so.
    let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
    assert_eq!(
        (t.cycle_source, t.cycle_days),
        (CycleDays::LeadToClose, 90.0)
    );
    // 0 days: no velocity, and the page says why (the source is still known).
    let zero = PlanDraft {
        average_days: "0".into(),
        ..PlanDraft::default()
    };
    let t = zero.time_plan(&f, &ids).unwrap();
    assert_eq!((t.velocity, t.cycle_days), (None, 0.0));
}

#[test]
fn months_get_their_year_when_the_lead_time_passes_twelve_months() {
    // A January year with 400 days (13.16 months) from lead to close: leads start 14 months
    // before January, in November two calendar years back.
    let plan = monthly_plan(
        &seed_funnel(),
        PeriodSpec::new(Period::Year, FiscalStart::new(1).unwrap(), 0).unwrap(),
        &Weights::Even,
        &LeadTime::AverageDays(400),
    )
    .unwrap();
    assert!(plan.needs_years());
    let first = &plan.months[0];
    assert_eq!(
        (first.offset, first.calendar_month, first.year_offset),
        (-14, 11, -2)
    );
    let last = plan.months.last().unwrap();
    assert_eq!((last.calendar_month, last.year_offset), (12, 0));
    // The default quarter (Jan–Jun of one calendar year) needs no years.
    let (f, ids) = default_plan();
    let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
    assert!(!t.monthly.needs_years());
    // An October quarter with a 90-day lead time starts in July: one calendar year.
    // A January quarter does not: October–December are the year before.
    let plan = monthly_plan(
        &seed_funnel(),
        PeriodSpec::new(Period::Quarter, FiscalStart::default(), 3).unwrap(),
        &Weights::Even,
        &LeadTime::AverageDays(90),
    )
    .unwrap();
    assert_eq!(plan.months[0].calendar_month, 10);
    assert_eq!(
        plan.months[0].year_offset, 0,
        "October of the fiscal year's start"
    );
    assert_eq!(
        plan.months[3].year_offset, 1,
        "January is the next calendar year"
    );
    assert!(plan.needs_years());
}

#[test]
fn channel_figures_are_whole_and_a_fixed_count_above_the_need_is_flagged() {
    // Trade shows: 1,000 leads × own 5 % = 50 MQL, × 30 % × 40 % × 25 % = 1.5 deals → shown 2.
    // SEO: 1,334 × 10 % = 133.4 MQL → 134; won 133.4 × 3 % = 4.002 → 5.
    let (f, _) = default_plan();
    let mix = plan_channels(&f, &default_channels()).unwrap();
    assert_eq!(
        (mix.channels[3].mql_shown, mix.channels[3].won_shown),
        (50, 2)
    );
    assert_eq!(
        (mix.channels[1].mql_shown, mix.channels[1].won_shown),
        (134, 5)
    );
    assert_eq!(mix.fixed_above_need, None);
    // A fixed 99,999 against 6,667 needed (web ads take the trade shows' 15 % so the shares
    // still add up): flagged; the share channels get 0.
    let mut channels = default_channels();
    channels[3].volume = Volume::Fixed(99_999);
    channels[0].volume = Volume::SharePercent(45.0);
    let mix = plan_channels(&f, &channels).unwrap();
    assert_eq!(mix.fixed_above_need, Some(99_999));
    assert_eq!(mix.channels[0].leads, 0);
}

#[test]
fn unit_economics_count_the_deals_the_channels_deliver() {
    // Default channels (MQL → won 30 % × 40 % × 25 % = 3 %): web 2,000 × 10 % × 3 % = 6,
    // SEO 1,334 → 4.002, webinars 1,000 → 3, trade shows 1,000 × 5 % → 1.5, email 667 → 2.001,
    // ABM 333 × 25 % × 3 % = 2.4975, referrals 333 × 30 % × 3 % = 2.997 → 21.9975 deals.
    // Budget: 2,000 × 15,000 + 1,334 × 5,000 + 1,000 × 8,000 + 1,000 × 20,000 + 667 × 2,000
    // + 333 × 30,000 + 333 × 10,000 = 30,000,000 + 6,670,000 + 8,000,000 + 20,000,000
    // + 1,334,000 + 9,990,000 + 3,330,000 = 79,324,000.
    // CPA = 79,324,000 ÷ 21.9975; CAC = (79,324,000 + 15,000,000) ÷ 21.9975 — the same deals.
    let (f, _) = default_plan();
    let m = PlanDraft::default().money_plan(&f).unwrap();
    let won = 6.0 + 4.002 + 3.0 + 1.5 + 2.001 + 2.4975 + 2.997;
    assert!(close(m.mix.blended.won, won));
    assert!(close(m.mix.blended.budget, 79_324_000.0));
    let cpa = m.mix.blended.cpa.unwrap();
    assert!(close(cpa, 79_324_000.0 / won));
    let e = m.economics.unwrap();
    assert!(close(e.cac, 94_324_000.0 / won));
    assert!(e.cac >= cpa);
    // ROMI on the same deals: (21.9975 × ¥500万 × 70 % − 79,324,000) ÷ 79,324,000.
    assert!(close(
        e.romi.unwrap(),
        (won * 5_000_000.0 * 0.7 - 79_324_000.0) / 79_324_000.0
    ));
    // A free channel mix has no ROMI to show (the page says why).
    let mut free = PlanDraft::default();
    for c in &mut free.channels {
        c.spend = "0".into();
    }
    assert_eq!(free.money_plan(&f).unwrap().economics.unwrap().romi, None);
}
