//! The worked examples of SPEC.md §2 and the seeds, computed by hand in the comments.

use funnel_model::draft::{Draft, FunnelField, SeekChoice};
use funnel_model::{
    default_stages, Count, Entry, Funnel, Gap, Money, Rate, SeekInput, SeekOutcome, Stage,
    StageKind,
};

fn seed_003() -> Funnel {
    // ¥1億 a quarter, ¥500万 a deal, win 25 %, SQL→opp 40 %, MQL→SQL 30 %, lead→MQL 10 %.
    let stages = vec![
        Stage::new(StageKind::Leads, 10),
        Stage::new(StageKind::Mql, 30),
        Stage::new(StageKind::Sql, 40),
        Stage::new(StageKind::Opportunities, 25),
        Stage::new(StageKind::Won, 100),
    ];
    Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("500万").unwrap(),
        stages,
    )
    .unwrap()
}

#[test]
fn seed_003_needs_20_80_200_667_6667() {
    let plan = seed_003().reverse().unwrap();
    let required: Vec<u64> = plan.stages.iter().map(|s| s.required).collect();
    // 1e8/5e6 = 20; 20/.25 = 80; 80/.4 = 200; 200/.3 = 666.67 → 667; 666.67/.1 = 6,666.67 → 6,667
    assert_eq!(required, vec![6_667, 667, 200, 80, 20]);
    assert!((plan.stages[1].exact - 666.666_666).abs() < 1e-5);
    assert!((plan.stages[0].exact - 6_666.666_666).abs() < 1e-4);
    // pipeline: 80 opportunities × ¥500万 = ¥4億
    assert_eq!(plan.pipeline_value, 400_000_000.0);
    // leads → won: .1 × .3 × .4 × .25 = 0.3 %
    assert!((plan.stages[0].cumulative_to_won - 0.003).abs() < 1e-12);
    assert_eq!(plan.stages[4].cumulative_to_won, 1.0);
}

#[test]
fn the_default_draft_is_the_seed_example_with_visits_on_top() {
    let plan = Draft::default().funnel().unwrap().reverse().unwrap();
    let required: Vec<u64> = plan.stages.iter().map(|s| s.required).collect();
    // 6,666.67 leads ÷ 2 % = 333,333.3 → 333,334 visits
    assert_eq!(required, vec![333_334, 6_667, 667, 200, 80, 20]);
}

#[test]
fn a_draft_gives_its_funnel_and_plan_together_or_why_not() {
    let (funnel, plan) = Draft::default().funnel_and_plan().unwrap();
    assert_eq!(funnel.stages.len(), 6);
    assert_eq!(plan.stages.last().map(|s| s.required), Some(20));
    let typo = Draft {
        deal_size: "abc".into(),
        ..Draft::default()
    };
    let problem = typo.funnel_and_plan().unwrap_err();
    assert_eq!(
        problem.input(FunnelField::DealSize),
        Some(funnel_model::InputError::NotANumber)
    );
}

#[test]
fn whole_results_are_never_rounded_one_too_high() {
    // 0.1 and 0.3 are not exact in binary: plain f64 gives 200/0.3*0.3 etc. a hair off.
    let stages = vec![
        Stage::new(StageKind::Mql, 30),
        Stage::new(StageKind::Sql, 10),
        Stage::new(StageKind::Won, 100),
    ];
    // 3 won ÷ 10 % = 30 SQL; 30 ÷ 30 % = 100 MQL exactly
    let f = Funnel::new(
        Money::from_units(3).unwrap(),
        Money::from_units(1).unwrap(),
        stages,
    )
    .unwrap();
    let required: Vec<u64> = f
        .reverse()
        .unwrap()
        .stages
        .iter()
        .map(|s| s.required)
        .collect();
    assert_eq!(required, vec![100, 30, 3]);
}

#[test]
fn a_fractional_won_count_rounds_up() {
    // ¥1億 ÷ ¥3,000万 = 3.33 deals → 4
    let f = Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("3000万").unwrap(),
        vec![
            Stage::new(StageKind::Opportunities, 25),
            Stage::new(StageKind::Won, 100),
        ],
    )
    .unwrap();
    let plan = f.reverse().unwrap();
    assert_eq!(plan.won(), 4);
    // 3.33 / .25 = 13.33 → 14 opportunities (not 4 / .25 = 16: no mid-chain rounding)
    assert_eq!(plan.stages[0].required, 14);
}

#[test]
fn forward_from_3000_leads_falls_short_by_55m() {
    let f = seed_003();
    let r = f.forward(Entry {
        stage: 0,
        count: Count::new(3_000).unwrap(),
    });
    // 3,000 × .1 × .3 × .4 × .25 = 9 won → ¥4,500万; short ¥5,500万
    assert!((r.won - 9.0).abs() < 1e-9);
    assert!((r.revenue - 45_000_000.0).abs() < 1e-3);
    match r.gap {
        Gap::Short { shortfall } => assert!((shortfall - 55_000_000.0).abs() < 1e-3),
        other => panic!("expected a shortfall, got {other:?}"),
    }
    assert_eq!(r.expected[2].map(|v| v.round()), Some(90.0));
}

#[test]
fn forward_exactly_on_target_counts_as_reached() {
    let f = seed_003();
    // 200 SQL × .4 × .25 = 20 won exactly = ¥1億
    let r = f.forward(Entry {
        stage: 2,
        count: Count::new(200).unwrap(),
    });
    assert_eq!(r.gap, Gap::Reached { surplus: 0.0 });
    assert_eq!(r.expected[0], None);
}

#[test]
fn goal_seek_win_rate_for_3000_leads() {
    let f = seed_003();
    let entry = Entry {
        stage: 0,
        count: Count::new(3_000).unwrap(),
    };
    // needs 20 won from 3,000 × .1 × .3 × .4 = 36 opportunities → 55.555…% → 55.56 %
    assert_eq!(
        f.goal_seek(entry, SeekInput::Rate(3)),
        SeekOutcome::Rate {
            needed: Rate::parse("55.56").unwrap()
        }
    );
    // lead→MQL would need 10 % × 1e8/4.5e7 = 22.22…% → 22.23 %
    assert_eq!(
        f.goal_seek(entry, SeekInput::Rate(0)),
        SeekOutcome::Rate {
            needed: Rate::parse("22.23").unwrap()
        }
    );
    // deal size: 1e8 / 9 = 11,111,111.1 → ¥11,111,112
    assert_eq!(
        f.goal_seek(entry, SeekInput::DealSize),
        SeekOutcome::DealSize {
            needed: Money::from_units(11_111_112).unwrap()
        }
    );
    assert_eq!(
        f.goal_seek(entry, SeekInput::EntryCount),
        SeekOutcome::EntryCount {
            needed: Count::new(6_667).unwrap()
        }
    );
}

#[test]
fn goal_seek_says_when_no_rate_is_enough() {
    let f = seed_003();
    let entry = Entry {
        stage: 0,
        count: Count::new(300).unwrap(),
    };
    // 300 leads → 3.6 opportunities; even at 100 % win that is 3.6 × ¥500万 = ¥1,800万
    match f.goal_seek(entry, SeekInput::Rate(3)) {
        SeekOutcome::Unreachable {
            best_revenue,
            needed_percent,
        } => {
            assert!((best_revenue - 18_000_000.0).abs() < 1e-3);
            assert!((needed_percent.unwrap() - 555.555_555).abs() < 1e-3);
        }
        other => panic!("expected unreachable, got {other:?}"),
    }
}

#[test]
fn goal_seek_on_a_rate_above_the_entry_stage_is_refused() {
    let f = Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("500万").unwrap(),
        default_stages(),
    )
    .unwrap();
    let entry = Entry {
        stage: 1,
        count: Count::new(3_000).unwrap(),
    };
    assert_eq!(
        f.goal_seek(entry, SeekInput::Rate(0)),
        SeekOutcome::NotInPath
    );
}

#[test]
fn draft_edits_keep_references_valid() {
    let mut d = Draft::default();
    // SAL between MQL (id 2) and SQL (id 3)
    let sal = d.add_stage_after(Some(2)).unwrap();
    d.rename_stage(sal, "SAL");
    d.set_rate(sal, "80%");
    assert_eq!(d.stages.len(), 7);
    assert_eq!(d.stages[3].id, sal);
    let plan = d.funnel().unwrap().reverse().unwrap();
    // SQL still 200; SAL = 200 / .8 = 250; MQL = 250 / .3 = 833.3 → 834
    assert_eq!(plan.stages[3].required, 250);
    assert_eq!(plan.stages[2].required, 834);
    // remove the win-rate stage (opportunities, id 4) that goal seek pointed at
    assert!(d.remove_stage(4));
    assert!(matches!(d.seek, SeekChoice::Rate(id) if id != 4));
    // the entry stage (leads, id 1) removed → falls back to the top
    assert!(d.remove_stage(1));
    assert_eq!(d.entry_stage, d.stages[0].id);
    while d.can_remove_stage() {
        let id = d.stages[0].id;
        assert!(d.remove_stage(id));
    }
    assert_eq!(d.stages.len(), 2);
    assert!(!d.remove_stage(d.stages[0].id));
}

#[test]
fn draft_reports_every_bad_field_at_once() {
    let mut d = Draft {
        target: "abc".into(),
        deal_size: "0".into(),
        ..Draft::default()
    };
    d.set_rate(4, "120%");
    d.set_rate(2, "");
    let (errors, valid) = d.field_errors();
    assert!(valid.is_none());
    assert_eq!(
        errors.input(FunnelField::Target),
        Some(funnel_model::InputError::NotANumber)
    );
    assert_eq!(
        errors.input(FunnelField::DealSize),
        Some(funnel_model::InputError::NotPositive)
    );
    assert_eq!(
        errors.input(FunnelField::Rate(4)),
        Some(funnel_model::InputError::RateAboveHundred)
    );
    assert_eq!(
        errors.input(FunnelField::Rate(2)),
        Some(funnel_model::InputError::Empty)
    );
    assert_eq!(errors.len(), 4, "one problem per bad field");
    // the won stage's rate is never checked
    d.stages.last_mut().unwrap().rate = "nonsense".into();
    assert!(d.field_errors().0.get(FunnelField::Rate(5)).is_none());
}

#[test]
fn the_funnel_check_carries_each_fields_problem() {
    let mut d = Draft {
        deal_size: "0".into(),
        ..Draft::default()
    };
    d.set_rate(1, "abc");
    let problem = d.funnel().unwrap_err();
    assert_eq!(
        problem.input(FunnelField::DealSize),
        Some(funnel_model::InputError::NotPositive)
    );
    assert_eq!(
        problem.input(FunnelField::Rate(1)),
        Some(funnel_model::InputError::NotANumber)
    );
    assert_eq!(problem.input(FunnelField::Target), None);
    // Fields that all read but make no plan: no field has a message of its own.
    let plan = funnel_model::draft::DraftProblem::Plan(funnel_model::PlanError::CountTooLarge {
        stage: 1,
    });
    assert_eq!(plan.input(FunnelField::Rate(1)), None);
}

#[test]
fn at_most_twelve_stages() {
    let mut d = Draft::default();
    while d.add_stage_after(None).is_some() {}
    assert_eq!(d.stages.len(), 12);
    assert!(!d.can_add_stage());
    assert!(d.funnel().is_ok());
}

#[test]
fn tiny_rates_that_need_absurd_counts_are_a_plan_error() {
    let stages: Vec<Stage> = (0..11)
        .map(|_| Stage {
            kind: StageKind::Custom,
            name: None,
            rate_to_next: Rate::from_ppm(1).unwrap(),
        })
        .chain([Stage::new(StageKind::Won, 100)])
        .collect();
    let f = Funnel::new(
        Money::parse("1e15").unwrap(),
        Money::from_hundredths(1).unwrap(),
        stages,
    )
    .unwrap();
    assert!(matches!(
        f.reverse(),
        Err(funnel_model::PlanError::CountTooLarge { .. })
    ));
}

#[test]
fn a_stage_name_can_be_cleared_and_retyped() {
    let mut d = Draft::default();
    d.rename_stage(2, "");
    assert_eq!(d.stages[2].name.as_deref(), Some(""));
    assert_eq!(d.named_stage(2).unwrap().own_name(), None);
    d.rename_stage(2, " SAL ");
    assert_eq!(d.named_stage(2).unwrap().own_name(), Some("SAL"));
    d.rename_stage(2, &"x".repeat(60));
    assert_eq!(d.stages[2].name.as_ref().unwrap().chars().count(), 40);
    assert_eq!(d.named_stage(6), None);
}

#[test]
fn a_rate_is_read_back_by_stage_id() {
    let mut d = Draft::default();
    d.set_rate(4, "２５％");
    assert_eq!(d.rate_text(4), "２５％");
    assert_eq!(d.rate_text(99), "");
}

/// Forward mode starts from the plan: with the count left empty, the seed plan's 6,667 leads
/// go in and the expected won deals reach the 20 the target needs; a typed count wins.
#[test]
fn forward_mode_starts_from_the_plan_until_a_count_is_typed() {
    let mut draft = funnel_model::draft::Draft::default();
    assert_eq!(draft.entry_count, "");
    let funnel = draft.funnel().unwrap();
    let plan = funnel.reverse().unwrap();
    let entry = draft.entry_or_planned(Some(&plan)).unwrap();
    assert_eq!(entry.stage, 1);
    assert_eq!(entry.count.get(), 6_667);
    let run = funnel.forward(entry);
    assert!(run.won >= 20.0 - 1e-9, "{}", run.won);
    assert!(matches!(run.gap, funnel_model::Gap::Reached { .. }));
    assert!(
        draft.entry().is_err(),
        "an empty field is not a typed count"
    );
    draft.entry_count = "3,000".into();
    assert_eq!(
        draft.entry_or_planned(Some(&plan)).unwrap().count.get(),
        3_000
    );
    draft.entry_count = "  ".into();
    assert_eq!(
        draft.entry_or_planned(None).map(|e| e.count.get()).ok(),
        None
    );
}
