//! Every edit the page can send, applied to a known draft, with what it must leave behind worked
//! out by hand from the seed-003 default (stages 0–5: visits, leads, MQL, SQL, opportunities,
//! won; rates 2 / 10 / 30 / 40 / 25 %; forward mode from leads; goal seek on the win rate) or
//! the new-scenario channel list (0 web ads 50 %, 1 SEO 30 %, 2 webinar 20 %).
//!
//! Long because every edit has its own test, each with its expected draft written out.

use funnel_model::draft::{Draft, SeekChoice};
use funnel_model::edit::{
    ChannelEdit, ChannelText, DoubtText, FunnelEdit, ImportEdit, PlanEdit, PlanText, RiskEdit,
    RiskText,
};
use funnel_model::kpi::{
    Binding, ChecklistItem, DefinedStage, DefinitionField, KpiEdit, FIRST_USER_ID, ROOT_ID,
};
use funnel_model::plan::draft::{LeadTimeMode, SpendMode, VolumeMode};
use funnel_model::plan::period::Period;
use funnel_model::risk::{DoubtMode, RateDoubt, RiskDraft};
use funnel_model::{apply, Edit, StageKind};

fn ids(d: &Draft) -> Vec<u32> {
    d.stages.iter().map(|s| s.id).collect()
}

fn channel_ids(d: &Draft) -> Vec<u32> {
    d.plan.channels.iter().map(|c| c.id).collect()
}

/// Applies `edit` to a copy of `d` and returns the copy and what `apply` returned.
fn after(d: &Draft, edit: impl Into<Edit>) -> (Draft, Option<u32>) {
    let mut d = d.clone();
    let out = apply(&mut d, edit.into());
    (d, out)
}

// ---- funnel ----

#[test]
fn target_and_deal_size_are_kept_as_typed() {
    let (d, out) = after(&Draft::default(), FunnelEdit::Target("2億円".into()));
    assert_eq!((d.target.as_str(), out), ("2億円", None));
    let (d, _) = after(&d, FunnelEdit::DealSize("abc".into()));
    // Not a number: kept, so the field shows its message instead of losing the text.
    assert_eq!(d.deal_size, "abc");
    assert_eq!(d.target, "2億円");
}

#[test]
fn rename_stage_cuts_to_forty_characters() {
    let long = "あ".repeat(50);
    let (d, _) = after(
        &Draft::default(),
        FunnelEdit::RenameStage { id: 2, name: long },
    );
    assert_eq!(d.stages[2].name.as_deref(), Some("あ".repeat(40).as_str()));
    let (d, _) = after(
        &d,
        FunnelEdit::RenameStage {
            id: 2,
            name: String::new(),
        },
    );
    assert_eq!(d.stages[2].name.as_deref(), Some(""));
}

#[test]
fn rate_is_written_to_its_stage_by_id() {
    let (d, _) = after(
        &Draft::default(),
        FunnelEdit::Rate {
            id: 4,
            text: "55.56".into(),
        },
    );
    assert_eq!(d.stages[4].rate, "55.56");
    assert_eq!(d.stages[3].rate, "40");
    let (unknown, _) = after(
        &d,
        FunnelEdit::Rate {
            id: 99,
            text: "1".into(),
        },
    );
    assert_eq!(unknown, d);
}

#[test]
fn move_stage_swaps_with_its_neighbour_and_stops_at_the_ends() {
    let (d, _) = after(&Draft::default(), FunnelEdit::MoveStage { id: 2, up: true });
    assert_eq!(ids(&d), [0, 2, 1, 3, 4, 5]);
    // Leads (1) is still an entry stage before the won one; the win rate (4) after it.
    assert_eq!((d.entry_stage, d.seek), (1, SeekChoice::Rate(4)));
    let (top, _) = after(&d, FunnelEdit::MoveStage { id: 0, up: true });
    assert_eq!(top, d);
    let (bottom, _) = after(&d, FunnelEdit::MoveStage { id: 5, up: false });
    assert_eq!(bottom, d);
}

#[test]
fn add_stage_goes_after_its_stage_at_fifty_percent_and_never_after_won() {
    let (d, out) = after(&Draft::default(), FunnelEdit::AddStageAfter(3));
    assert_eq!(out, Some(6));
    assert_eq!(ids(&d), [0, 1, 2, 3, 6, 4, 5]);
    assert_eq!(
        (d.stages[4].kind, d.stages[4].rate.as_str()),
        (StageKind::Custom, "50")
    );
    let (d, out) = after(&Draft::default(), FunnelEdit::AddStageAfter(5));
    assert_eq!(out, Some(6));
    assert_eq!(ids(&d), [0, 1, 2, 3, 4, 6, 5]);
}

#[test]
fn remove_stage_repairs_goal_seek_and_keeps_two_stages() {
    let (d, out) = after(&Draft::default(), FunnelEdit::RemoveStage(4));
    assert_eq!(out, None);
    assert_eq!(ids(&d), [0, 1, 2, 3, 5]);
    // The win rate went with its stage: goal seek moves to the last rate left, SQL's (3).
    assert_eq!(d.seek, SeekChoice::Rate(3));
    let mut two = Draft::default();
    for id in [0, 2, 3, 4] {
        apply(&mut two, FunnelEdit::RemoveStage(id).into());
    }
    assert_eq!(ids(&two), [1, 5]);
    let (refused, _) = after(&two, FunnelEdit::RemoveStage(1));
    assert_eq!(refused, two);
}

#[test]
fn entry_stage_refuses_the_won_stage_and_repairs_goal_seek() {
    let (won, _) = after(&Draft::default(), FunnelEdit::EntryStage(5));
    assert_eq!(won.entry_stage, 1);
    let (d, _) = after(&Draft::default(), FunnelEdit::Seek(SeekChoice::Rate(2)));
    let (d, _) = after(&d, FunnelEdit::EntryStage(3));
    // The MQL rate (2) lies before SQL (3), so goal seek falls back to the win rate (4).
    assert_eq!((d.entry_stage, d.seek), (3, SeekChoice::Rate(4)));
}

#[test]
fn entry_count_and_seek_choice() {
    let (d, _) = after(&Draft::default(), FunnelEdit::EntryCount("3,000".into()));
    assert_eq!(d.entry_count, "3,000");
    let (d, _) = after(&d, FunnelEdit::Seek(SeekChoice::DealSize));
    assert_eq!(d.seek, SeekChoice::DealSize);
}

// ---- plan ----

#[test]
fn period_keeps_its_index_inside_the_new_length() {
    let mut d = Draft::default();
    apply(&mut d, PlanEdit::Period(Period::Month).into());
    apply(&mut d, PlanEdit::PeriodIndex(7).into());
    assert_eq!((d.plan.period, d.plan.period_index), (Period::Month, 7));
    // Quarters are 0–3, so the eighth month's index becomes the last quarter.
    apply(&mut d, PlanEdit::Period(Period::Quarter).into());
    assert_eq!((d.plan.period, d.plan.period_index), (Period::Quarter, 3));
    apply(&mut d, PlanEdit::Period(Period::Year).into());
    assert_eq!(d.plan.period_index, 0);
}

#[test]
fn fiscal_start_is_set() {
    let (d, _) = after(&Draft::default(), PlanEdit::FiscalStart(1));
    assert_eq!(d.plan.fiscal_start, 1);
}

#[test]
fn seasonality_on_starts_every_month_at_one_and_off_forgets_the_weights() {
    let (on, _) = after(&Draft::default(), PlanEdit::Seasonal(true));
    assert_eq!(on.plan.weights, vec!["1".to_string(); 12]);
    let (typed, _) = after(
        &on,
        PlanEdit::Weight {
            month: 5,
            text: "1.5".into(),
        },
    );
    let (off, _) = after(&typed, PlanEdit::Seasonal(false));
    assert!(off.plan.weights.is_empty());
}

#[test]
fn a_weight_switches_seasonality_on_and_lands_on_its_month() {
    let (d, _) = after(
        &Draft::default(),
        PlanEdit::Weight {
            month: 5,
            text: "1.5".into(),
        },
    );
    let mut expected = vec!["1".to_string(); 12];
    expected[4] = "1.5".into();
    assert_eq!(d.plan.weights, expected);
    let (refused, _) = after(
        &Draft::default(),
        PlanEdit::Weight {
            month: 13,
            text: "2".into(),
        },
    );
    assert!(refused.plan.weights.is_empty());
}

#[test]
fn lead_time_mode() {
    let (d, _) = after(
        &Draft::default(),
        PlanEdit::LeadTime(LeadTimeMode::StageDwell),
    );
    assert_eq!(d.plan.lead_time, LeadTimeMode::StageDwell);
}

#[test]
fn dwell_days_are_one_entry_per_stage() {
    let (d, _) = after(
        &Draft::default(),
        PlanEdit::Dwell {
            id: 2,
            text: "14".into(),
        },
    );
    let (d, _) = after(
        &d,
        PlanEdit::Dwell {
            id: 2,
            text: "21".into(),
        },
    );
    assert_eq!(d.plan.dwell_days, vec![(2, "21".to_string())]);
}

#[test]
fn distribution_months_are_typed_added_and_removed() {
    // The default distribution is 0 / 30 / 50 / 20 %.
    let (d, _) = after(
        &Draft::default(),
        PlanEdit::Distribution {
            lag: 1,
            text: "40".into(),
        },
    );
    assert_eq!(d.plan.distribution, ["0", "40", "50", "20"]);
    let (past_end, _) = after(
        &d,
        PlanEdit::Distribution {
            lag: 9,
            text: "5".into(),
        },
    );
    assert_eq!(past_end, d);
    let (added, _) = after(&d, PlanEdit::AddDistributionMonth);
    assert_eq!(added.plan.distribution, ["0", "40", "50", "20", "0"]);
    let (removed, _) = after(&d, PlanEdit::RemoveDistributionMonth);
    assert_eq!(removed.plan.distribution, ["0", "40", "50"]);
    let mut one = d.clone();
    for _ in 0..5 {
        apply(&mut one, PlanEdit::RemoveDistributionMonth.into());
    }
    assert_eq!(one.plan.distribution, ["0"]);
}

#[test]
fn each_plan_text_lands_in_its_own_field() {
    use PlanText::*;
    let fields = [
        AverageDays,
        SalesCycleShare,
        InsidePerRep,
        FieldPerRep,
        OpenPipeline,
        SalesCost,
        RevenuePerAccount,
        GrossMargin,
        MonthlyChurn,
    ];
    let mut d = Draft::default();
    for (n, field) in fields.into_iter().enumerate() {
        apply(&mut d, PlanEdit::Text(field, format!("t{n}")).into());
    }
    let p = &d.plan;
    let typed = [
        &p.average_days,
        &p.sales_cycle_share,
        &p.inside_per_rep,
        &p.field_per_rep,
        &p.open_pipeline,
        &p.sales_cost,
        &p.revenue_per_account,
        &p.gross_margin,
        &p.monthly_churn,
    ];
    let expected: Vec<String> = (0..9).map(|n| format!("t{n}")).collect();
    assert_eq!(typed.map(String::clone).to_vec(), expected);
}

#[test]
fn confirming_the_samples_is_remembered() {
    let (d, out) = after(&Draft::default(), PlanEdit::ConfirmSamples);
    assert!(d.plan.samples_confirmed);
    assert_eq!(out, None);
}

// ---- channels ----

#[test]
fn add_channel_is_a_custom_row_at_zero_share() {
    let (d, out) = after(&Draft::for_new_scenario(), ChannelEdit::Add);
    assert_eq!(out, Some(3));
    let c = &d.plan.channels[3];
    assert_eq!(
        (
            c.volume_mode,
            c.volume.as_str(),
            c.cvr.as_str(),
            c.spend.as_str()
        ),
        (VolumeMode::Share, "0", "2", "10,000")
    );
}

#[test]
fn remove_channel_keeps_the_last_one() {
    let (d, _) = after(&Draft::for_new_scenario(), ChannelEdit::Remove(1));
    assert_eq!(channel_ids(&d), [0, 2]);
    let (d, _) = after(&d, ChannelEdit::Remove(0));
    let (last, _) = after(&d, ChannelEdit::Remove(2));
    assert_eq!(channel_ids(&last), [2]);
}

#[test]
fn restore_puts_a_removed_channel_back_in_place_with_a_fresh_id_if_needed() {
    let start = Draft::for_new_scenario();
    let webinar = start.plan.channels[2].clone();
    let (d, _) = after(&start, ChannelEdit::Remove(2));
    let (back, _) = after(
        &d,
        ChannelEdit::Restore {
            index: 2,
            channel: Box::new(webinar.clone()),
        },
    );
    assert_eq!(back, start);
    // A channel added meanwhile took id 2, so the webinar comes back as 3.
    let (d, _) = after(&d, ChannelEdit::Add);
    let (back, _) = after(
        &d,
        ChannelEdit::Restore {
            index: 2,
            channel: Box::new(webinar),
        },
    );
    assert_eq!(channel_ids(&back), [0, 1, 3, 2]);
    assert_eq!(back.plan.channels[2].volume, "20");
}

#[test]
fn fill_share_gives_a_channel_what_the_others_leave() {
    let (d, _) = after(
        &Draft::for_new_scenario(),
        ChannelEdit::Text {
            id: 2,
            field: ChannelText::Volume,
            text: "5".into(),
        },
    );
    // 100 − (50 + 30) = 20.
    let (d, _) = after(&d, ChannelEdit::FillShare(2));
    assert_eq!(d.plan.channels[2].volume, "20");
}

#[test]
fn channel_name_is_cut_to_forty_characters() {
    let (d, _) = after(
        &Draft::for_new_scenario(),
        ChannelEdit::Name {
            id: 0,
            name: "x".repeat(45),
        },
    );
    assert_eq!(
        d.plan.channels[0].name.as_deref(),
        Some("x".repeat(40).as_str())
    );
}

#[test]
fn channel_modes() {
    let (d, _) = after(
        &Draft::for_new_scenario(),
        ChannelEdit::VolumeMode {
            id: 1,
            mode: VolumeMode::Fixed,
        },
    );
    let (d, _) = after(
        &d,
        ChannelEdit::SpendMode {
            id: 1,
            mode: SpendMode::Budget,
        },
    );
    let c = &d.plan.channels[1];
    assert_eq!(
        (c.volume_mode, c.spend_mode),
        (VolumeMode::Fixed, SpendMode::Budget)
    );
    // The typed figures stay; only how they are read changes.
    assert_eq!(c.volume, "30");
}

#[test]
fn each_channel_text_lands_in_its_own_field() {
    let mut d = Draft::for_new_scenario();
    let fields = [
        (ChannelText::Volume, "10"),
        (ChannelText::Cvr, "3"),
        (ChannelText::LeadToMql, "45"),
        (ChannelText::Spend, "8,000"),
    ];
    for (field, text) in fields {
        apply(
            &mut d,
            ChannelEdit::Text {
                id: 1,
                field,
                text: text.into(),
            }
            .into(),
        );
    }
    let c = &d.plan.channels[1];
    assert_eq!(
        [&c.volume, &c.cvr, &c.lead_to_mql, &c.spend].map(String::as_str),
        ["10", "3", "45", "8,000"]
    );
    let (unknown, _) = after(
        &d,
        ChannelEdit::Text {
            id: 9,
            field: ChannelText::Cvr,
            text: "1".into(),
        },
    );
    assert_eq!(unknown, d);
}

// ---- risk ----

#[test]
fn each_risk_text_lands_in_its_own_field() {
    let mut d = Draft::default();
    for (field, text) in [
        (RiskText::Confidence, "80"),
        (RiskText::DealP10, "300万"),
        (RiskText::DealP90, "800万"),
        (RiskText::Seed, "7"),
    ] {
        apply(&mut d, RiskEdit::Text(field, text.into()).into());
    }
    let r = &d.risk;
    assert_eq!(
        [&r.confidence, &r.deal_p10, &r.deal_p90, &r.seed].map(String::as_str),
        ["80", "300万", "800万", "7"]
    );
}

#[test]
fn a_doubt_back_to_fixed_with_nothing_typed_is_dropped() {
    let (d, _) = after(
        &Draft::default(),
        RiskEdit::DoubtMode {
            id: 3,
            mode: DoubtMode::Range,
        },
    );
    assert_eq!(
        d.risk.rates,
        [RateDoubt {
            id: 3,
            mode: DoubtMode::Range,
            ..RateDoubt::default()
        }]
    );
    let (d, _) = after(
        &d,
        RiskEdit::DoubtMode {
            id: 3,
            mode: DoubtMode::Fixed,
        },
    );
    assert!(d.risk.is_default());
}

#[test]
fn doubt_texts_are_kept_sorted_by_stage_whatever_the_mode() {
    let mut d = Draft::default();
    for (id, field, text) in [
        (4, DoubtText::Won, "12"),
        (4, DoubtText::Trials, "40"),
        (1, DoubtText::Low, "8"),
        (1, DoubtText::High, "12"),
    ] {
        apply(
            &mut d,
            RiskEdit::Doubt {
                id,
                field,
                text: text.into(),
            }
            .into(),
        );
    }
    let expected = [
        RateDoubt {
            id: 1,
            low: "8".into(),
            high: "12".into(),
            ..RateDoubt::default()
        },
        RateDoubt {
            id: 4,
            won: "12".into(),
            trials: "40".into(),
            ..RateDoubt::default()
        },
    ];
    assert_eq!(d.risk.rates, expected);
}

// ---- KPI tree, definitions, checklist ----

#[test]
fn a_tree_wide_kpi_edit_leaves_the_tree_generated() {
    let (d, out) = after(
        &Draft::default(),
        KpiEdit::SetTreePeriod {
            text: "2025年度 第1四半期".into(),
        },
    );
    assert_eq!(out, Some(ROOT_ID));
    assert_eq!(d.kpi.period(), "2025年度 第1四半期");
    assert!(d.kpi.is_generated());
}

#[test]
fn the_first_structural_kpi_edit_freezes_the_tree_with_one_node_per_channel() {
    let (d, out) = after(
        &Draft::for_new_scenario(),
        KpiEdit::AddKpi { parent: ROOT_ID },
    );
    assert_eq!(out, Some(FIRST_USER_ID));
    let nodes = d.kpi.stored_nodes();
    let channel_nodes = nodes
        .iter()
        .filter(|n| matches!(n.binding, Binding::ChannelLeads(_)))
        .count();
    assert_eq!(channel_nodes, 3);
    assert!(nodes
        .iter()
        .any(|n| n.id == FIRST_USER_ID && n.parent == Some(ROOT_ID)));
}

#[test]
fn a_refused_kpi_edit_changes_nothing() {
    let (d, out) = after(&Draft::default(), KpiEdit::Remove { node: ROOT_ID });
    assert_eq!((out, d), (None, Draft::default()));
}

#[test]
fn a_definition_field_is_set() {
    let (d, _) = after(
        &Draft::default(),
        Edit::Definition {
            stage: DefinedStage::Mql,
            field: DefinitionField::ScoreThreshold,
            text: "スコア50以上".into(),
        },
    );
    assert_eq!(
        d.kpi
            .definitions
            .get(DefinedStage::Mql, DefinitionField::ScoreThreshold),
        "スコア50以上"
    );
}

#[test]
fn a_checklist_item_is_ticked_and_cleared() {
    let tick = |done| Edit::Check {
        item: ChecklistItem::KgiSet,
        done,
    };
    let (d, _) = after(&Draft::default(), tick(true));
    assert!(d.kpi.checklist.is_done(ChecklistItem::KgiSet));
    assert_eq!(d.kpi.checklist.done_count(), 1);
    let (d, _) = after(&d, tick(false));
    assert_eq!(d, Draft::default());
}

// ---- imports ----

/// What an import might suggest: a new win rate, deal size, lead time and channels, and a
/// target and sales cost that the import does not own.
fn suggested() -> Draft {
    let mut next = Draft::default();
    next.stages[4].rate = "30".into();
    next.deal_size = "600万".into();
    next.plan.lead_time = LeadTimeMode::Distribution;
    next.plan.distribution = vec!["100".into()];
    next.plan.average_days = "60".into();
    next.plan.channels = Draft::for_new_scenario().plan.channels;
    next.target = "9億".into();
    next.plan.sales_cost = "1".into();
    next
}

#[test]
fn using_the_imported_plan_takes_only_what_the_import_owns() {
    let (d, _) = after(
        &Draft::default(),
        ImportEdit::UsePlan(Box::new(suggested())),
    );
    assert_eq!(d.stages[4].rate, "30");
    assert_eq!(d.deal_size, "600万");
    assert_eq!(d.plan.lead_time, LeadTimeMode::Distribution);
    assert_eq!(d.plan.distribution, ["100"]);
    assert_eq!(d.plan.average_days, "60");
    assert_eq!(channel_ids(&d), [0, 1, 2]);
    assert_eq!(d.target, "1億");
    assert_eq!(d.plan.sales_cost, "1,500万");
}

#[test]
fn undoing_the_imported_plan_keeps_what_was_edited_since() {
    let before = Draft::default();
    let (mut d, _) = after(&before, ImportEdit::UsePlan(Box::new(suggested())));
    apply(&mut d, FunnelEdit::AddStageAfter(3).into());
    apply(
        &mut d,
        FunnelEdit::RenameStage {
            id: 2,
            name: "HQL".into(),
        }
        .into(),
    );
    apply(
        &mut d,
        ImportEdit::RestorePlan(Box::new(before.clone())).into(),
    );
    assert_eq!(d.stages[5].rate, "25");
    assert_eq!((d.stages[4].id, d.stages[4].rate.as_str()), (6, "50"));
    assert_eq!(d.stages[2].name.as_deref(), Some("HQL"));
    assert_eq!(d.deal_size, "500万");
    assert_eq!(d.plan, before.plan);
}

#[test]
fn the_risk_and_kpi_inputs_are_replaced_whole() {
    let risk = RiskDraft {
        confidence: "90".into(),
        ..RiskDraft::default()
    };
    let (d, _) = after(&Draft::default(), ImportEdit::Risk(Box::new(risk.clone())));
    assert_eq!(d.risk, risk);
    let (ticked, _) = after(
        &Draft::default(),
        Edit::Check {
            item: ChecklistItem::MissPlan,
            done: true,
        },
    );
    let (d, _) = after(&ticked, ImportEdit::Kpi(Box::default()));
    assert_eq!(d, Draft::default());
}

// ---- batches ----

#[test]
fn a_batch_applies_in_order_and_answers_for_its_last_edit() {
    let (d, out) = after(
        &Draft::default(),
        Edit::Batch(vec![
            FunnelEdit::Target("2億".into()).into(),
            FunnelEdit::AddStageAfter(3).into(),
            FunnelEdit::Rate {
                id: 6,
                text: "70".into(),
            }
            .into(),
        ]),
    );
    assert_eq!(out, None);
    assert_eq!(d.target, "2億");
    assert_eq!(d.stages[4].rate, "70");
    let (empty, out) = after(&Draft::default(), Edit::Batch(Vec::new()));
    assert_eq!((empty, out), (Draft::default(), None));
}

#[test]
fn opening_other_inputs_replaces_the_draft_whole() {
    let other = Draft::for_new_scenario();
    let (d, out) = after(&Draft::default(), Edit::Open(Box::new(other.clone())));
    assert_eq!((d, out), (other, None));
}

#[test]
fn an_area_edit_applied_alone_does_what_apply_does() {
    let funnel = [
        FunnelEdit::Target("2億".into()),
        FunnelEdit::DealSize("abc".into()),
        FunnelEdit::Rate {
            id: 4,
            text: "20".into(),
        },
        FunnelEdit::AddStageAfter(1),
        FunnelEdit::RemoveStage(2),
    ];
    let plan = [
        PlanEdit::Period(Period::Month),
        PlanEdit::PeriodIndex(11),
        PlanEdit::FiscalStart(1),
        PlanEdit::Period(Period::Year),
    ];
    let (mut whole, mut alone) = (Draft::default(), Draft::default());
    for edit in funnel {
        let by_apply = apply(&mut whole, Edit::Funnel(edit.clone()));
        assert_eq!(edit.apply_to(&mut alone), by_apply);
        assert_eq!(alone, whole);
    }
    for edit in plan {
        apply(&mut whole, Edit::Plan(edit.clone()));
        edit.apply_to(&mut alone.plan);
        assert_eq!(alone, whole);
    }
    assert_eq!(alone.target, "2億");
    assert_eq!(alone.plan.period, Period::Year);
}
