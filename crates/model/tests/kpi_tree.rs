//! The KPI tree on the worked examples: generation matches the reverse funnel, the bottleneck
//! ranking is computed by hand in the comments, each warning fires exactly when it should, and
//! edits either keep the arithmetic or get flagged.
//!
//! Long because every example's figures are worked out by hand beside the assertion.

use funnel_model::draft::{Draft, StageDraft};
use funnel_model::kpi::{
    evaluate, validate, Basis, Binding, ChannelInput, ChecklistItem, DefinedStage, DefinitionField,
    Department, Direction, Formula, KpiDraft, KpiEdit, KpiTree, Label, NodeId, NodeKind, Shortfall,
    SmartItem, Status, TargetSource, Unit, ValueError, Warning, MAX_NODES,
};
use funnel_model::plan::channels::{default_channels, plan_channels, ChannelKind, ChannelName};
use funnel_model::StageKind;

/// A draft with stage ids 10, 11, … (so ids are not positions).
fn draft(target: &str, deal: &str, stages: &[(StageKind, &str)]) -> Draft {
    Draft {
        target: target.into(),
        deal_size: deal.into(),
        stages: stages
            .iter()
            .enumerate()
            .map(|(i, (kind, rate))| StageDraft {
                id: 10 + i as u32,
                kind: *kind,
                name: None,
                rate: rate.to_string(),
            })
            .collect(),
        entry_stage: 10,
        ..Draft::default()
    }
}

/// Seed 003: ¥1億, ¥500万 a deal, lead→MQL 10 %, MQL→SQL 30 %, SQL→opp 40 %, win 25 %.
fn seed_003() -> Draft {
    use StageKind::*;
    draft(
        "1億",
        "500万",
        &[
            (Leads, "10"),
            (Mql, "30"),
            (Sql, "40"),
            (Opportunities, "25"),
            (Won, ""),
        ],
    )
}

fn tree(kpi: &KpiDraft, d: &Draft) -> KpiTree {
    evaluate(kpi, &Basis::new(d, &[]))
}

fn id_of(kpi: &KpiDraft, d: &Draft, binding: Binding) -> NodeId {
    tree(kpi, d).bound(binding).expect("bound node").id
}

fn set_actual(kpi: &mut KpiDraft, d: &Draft, binding: Binding, text: &str) {
    let node = id_of(kpi, d, binding);
    let done = kpi.apply(
        &Basis::new(d, &[]),
        KpiEdit::SetActual {
            node,
            month: None,
            text: text.into(),
        },
    );
    assert_eq!(done, Some(node));
}

fn counts(t: &KpiTree, d: &Draft) -> Vec<Option<f64>> {
    d.stages
        .iter()
        .map(|s| t.bound(Binding::StageCount(s.id)).and_then(|n| n.target))
        .collect()
}

#[test]
fn seed_003_generates_revenue_won_times_deal_down_to_leads() {
    let d = seed_003();
    let t = tree(&KpiDraft::default(), &d);
    // 1e8/5e6 = 20; ÷.25 = 80; ÷.4 = 200; ÷.3 = 666.67 → 667; ÷.1 = 6,666.67 → 6,667
    assert_eq!(
        counts(&t, &d),
        [6_667.0, 667.0, 200.0, 80.0, 20.0].map(Some).to_vec()
    );
    let root = t.root().unwrap();
    assert_eq!((root.kind, root.binding), (NodeKind::Kgi, Binding::Revenue));
    assert_eq!(root.target, Some(1e8));
    assert_eq!(root.formula, Formula::Product);
    let under_root: Vec<Binding> = t.children(root.id).map(|n| n.binding).collect();
    assert_eq!(under_root, [Binding::StageCount(14), Binding::DealSize]);
    let under_won: Vec<Binding> = t.children(t.nodes[1].id).map(|n| n.binding).collect();
    assert_eq!(
        under_won,
        [Binding::StageCount(13), Binding::StageRate(13)],
        "won = opportunities × win rate"
    );
    let win = t.bound(Binding::StageRate(13)).unwrap();
    assert_eq!(win.target, Some(0.25));
    assert!(
        matches!(&win.label, Label::Rate(from, to) if from.kind == StageKind::Opportunities && to.kind == StageKind::Won)
    );
    assert_eq!(win.owner, Some(Department::FieldSales));
    assert_eq!(win.direction, Direction::Downstream);
    let mql = t.bound(Binding::StageCount(11)).unwrap();
    assert_eq!(mql.exact.map(|e| (e * 100.0).round()), Some(66_667.0));
    assert!(matches!(&mql.label, Label::Stage(s) if s.kind == StageKind::Mql && s.name.is_none()));
    assert_eq!(mql.direction, Direction::Upstream);
    assert_eq!(
        t.bound(Binding::StageCount(12)).unwrap().owner,
        Some(Department::InsideSales)
    );
    assert_eq!(t.bound(Binding::DealSize).unwrap().target, Some(5e6));
    assert!(
        t.nodes.iter().all(|n| !n.inconsistent),
        "exact chain agrees"
    );
    assert!(t.warnings.is_empty());
    assert!(t.bottlenecks.is_empty());
    assert_eq!(t.nodes.len(), 11);
    assert_eq!(t.nodes[4].path, "1.1.1.1.1");
}

#[test]
fn sal_pql_and_custom_stages_are_generated_with_their_roles() {
    use StageKind::*;
    let d = draft(
        "3,000万",
        "150万",
        &[
            (Visits, "3"),
            (Pql, "20"),
            (Custom, "50"),
            (Sal, "60"),
            (Sql, "40"),
            (Opportunities, "25"),
            (Won, ""),
        ],
    );
    let plan = d.funnel().unwrap().reverse().unwrap();
    let t = tree(&KpiDraft::default(), &d);
    let expected: Vec<Option<f64>> = plan
        .stages
        .iter()
        .map(|s| Some(s.required as f64))
        .collect();
    assert_eq!(counts(&t, &d), expected);
    // 3e7/1.5e6 = 20 won; 80 opps; 200 SQL; 333.3 → 334 SAL; 666.7 → 667 custom; 3,333.3 → 3,334
    // PQL; 111,111.1 → 111,112 visits
    assert_eq!(
        plan.stages.iter().map(|s| s.required).collect::<Vec<_>>(),
        [111_112, 3_334, 667, 334, 200, 80, 20]
    );
    let custom = t.bound(Binding::StageCount(12)).unwrap();
    assert_eq!(
        (custom.owner, custom.direction),
        (Some(Department::Marketing), Direction::Upstream),
        "a custom stage takes the role of the stage before it"
    );
    let sal = t.bound(Binding::StageCount(13)).unwrap();
    assert_eq!(
        (sal.owner, sal.direction),
        (Some(Department::InsideSales), Direction::Downstream)
    );
    assert_eq!(
        t.bound(Binding::StageRate(12)).unwrap().target,
        Some(0.5),
        "rate out of the custom stage"
    );
    assert!(t.nodes.iter().all(|n| !n.inconsistent));
    assert!(t.warnings.is_empty());
}

#[test]
fn the_shortest_chains_generate_too() {
    use StageKind::*;
    for stages in [
        vec![(Opportunities, "20"), (Won, "")],
        vec![(Mql, "30"), (Sql, "10"), (Won, "")],
    ] {
        let d = draft("1,000万", "100万", &stages);
        let t = tree(&KpiDraft::default(), &d);
        let plan = d.funnel().unwrap().reverse().unwrap();
        let expected: Vec<Option<f64>> = plan
            .stages
            .iter()
            .map(|s| Some(s.required as f64))
            .collect();
        assert_eq!(counts(&t, &d), expected);
        assert_eq!(t.nodes.len(), 2 * stages.len() + 1);
        assert!(t.warnings.is_empty());
    }
}

#[test]
fn channels_break_the_leads_down_as_a_sum() {
    let d = Draft::default();
    let funnel = d.funnel().unwrap();
    let mix = plan_channels(&funnel, &default_channels()).unwrap();
    let channels: Vec<ChannelInput> = default_channels()
        .iter()
        .zip(&mix.channels)
        .map(|(c, r)| ChannelInput {
            name: c.channel_name(),
            leads: r.leads,
            won: r.won,
        })
        .collect();
    let t = evaluate(&KpiDraft::default(), &Basis::new(&d, &channels));
    let leads = t.bound(Binding::StageCount(1)).unwrap();
    assert_eq!(leads.formula, Formula::Sum);
    assert_eq!(leads.target, Some(6_667.0));
    assert_eq!(
        leads.computed,
        Some(6_667.0),
        "largest remainder keeps the sum"
    );
    assert!(!leads.inconsistent);
    let kids: Vec<&Label> = t.children(leads.id).map(|n| &n.label).collect();
    assert_eq!(kids.len(), 9, "7 channels, then visits and the visit CVR");
    assert_eq!(
        kids[0],
        &Label::Channel(ChannelName {
            kind: ChannelKind::WebAds,
            own: None
        })
    );
    let visits = t.bound(Binding::StageCount(0)).unwrap();
    assert!(
        !visits.in_formula,
        "visits stay as context, outside the sum"
    );
    assert_eq!(visits.target, Some(333_334.0));

    // Fixed channel counts that fall short are flagged, not hidden.
    let short: Vec<ChannelInput> = channels
        .iter()
        .map(|c| ChannelInput {
            leads: c.leads / 2,
            ..c.clone()
        })
        .collect();
    let t = evaluate(&KpiDraft::default(), &Basis::new(&d, &short));
    let leads = t.bound(Binding::StageCount(1)).unwrap();
    assert!(leads.inconsistent);
    assert!(t.warnings.iter().any(|w| matches!(
        w,
        Warning::Inconsistent { node, .. } if *node == leads.id
    )));
}

#[test]
fn the_bottleneck_is_the_rate_whose_shortfall_costs_most() {
    let d = seed_003();
    let mut kpi = KpiDraft::default();
    // MQL → SQL at 24 % instead of 30 %, all else at plan: revenue = ¥1億 × 24/30 = ¥8,000万,
    // so the shortfall costs ¥2,000万.
    set_actual(&mut kpi, &d, Binding::StageRate(11), "24%");
    let t = tree(&kpi, &d);
    assert_eq!(t.bottlenecks.len(), 1);
    let b = t.bottlenecks[0];
    assert_eq!((b.stage, b.what), (1, Shortfall::Rate));
    assert!((b.revenue - 80_000_000.0).abs() < 1.0);
    assert!((b.loss - 20_000_000.0).abs() < 1.0);
    let node = t.bound(Binding::StageRate(11)).unwrap();
    assert!(node.bottleneck);
    assert_eq!(node.status, Status::Behind, "24 ÷ 30 = 80 %");
    assert!(t.nodes.iter().filter(|n| n.bottleneck).count() == 1);
    assert!(
        kpi.is_generated(),
        "typing actuals does not freeze the tree"
    );

    // Now also: leads 5,000 instead of 6,666.67 → ¥1億 × 5,000/6,666.67 = ¥7,500万 (loss
    // ¥2,500万); lead → MQL 9 % instead of 10 % → ¥9,000万 (loss ¥1,000万); win rate 30 % →
    // above plan, loss 0.
    set_actual(&mut kpi, &d, Binding::StageCount(10), "5,000");
    set_actual(&mut kpi, &d, Binding::StageRate(10), "9");
    set_actual(&mut kpi, &d, Binding::StageRate(13), "30%");
    let t = tree(&kpi, &d);
    let ranked: Vec<(usize, Shortfall, i64)> = t
        .bottlenecks
        .iter()
        .map(|b| (b.stage, b.what, (b.loss / 10_000.0).round() as i64))
        .collect();
    assert_eq!(
        ranked,
        [
            (0, Shortfall::Count, 2_500),
            (1, Shortfall::Rate, 2_000),
            (0, Shortfall::Rate, 1_000),
            (3, Shortfall::Rate, 0),
        ]
    );
    assert!(t.bound(Binding::StageCount(10)).unwrap().bottleneck);
    assert!(!t.bound(Binding::StageRate(11)).unwrap().bottleneck);
    assert_eq!(
        t.bound(Binding::StageRate(13)).unwrap().status,
        Status::Ahead
    );
}

#[test]
fn a_rate_without_a_typed_actual_is_derived_from_two_counts() {
    let d = seed_003();
    let mut kpi = KpiDraft::default();
    set_actual(&mut kpi, &d, Binding::StageCount(11), "600");
    set_actual(&mut kpi, &d, Binding::StageCount(12), "150");
    let t = tree(&kpi, &d);
    let rate = t.bound(Binding::StageRate(11)).unwrap();
    // 150 ÷ 600 = 25 % against 30 % → 83.3 %, behind
    assert_eq!(rate.actual, Some(0.25));
    assert_eq!(rate.status, Status::Behind);
    // Every figure with a plan and an actual competes: SQL 150 of 200 alone costs
    // ¥1億 × (1 − 150/200) = ¥2,500万; the derived MQL → SQL rate (25 % of 30 %) ¥1億 / 6 =
    // ¥1,666.67万; MQL 600 of 666.67 ¥1億 × (1 − 600/666.67) = ¥1,000万.
    let ranked: Vec<(usize, Shortfall, i64)> = t
        .bottlenecks
        .iter()
        .map(|b| (b.stage, b.what, (b.loss / 100.0).round() as i64))
        .collect();
    assert_eq!(
        ranked,
        [
            (2, Shortfall::Count, 250_000),
            (1, Shortfall::Rate, 166_667),
            (1, Shortfall::Count, 100_000),
        ]
    );
}

#[test]
fn quality_vs_quantity_fires_only_for_a_count_above_plan_with_its_rate_below() {
    let d = seed_003();
    let fires = |leads: &str, mql: &str| {
        let mut kpi = KpiDraft::default();
        set_actual(&mut kpi, &d, Binding::StageCount(10), leads);
        set_actual(&mut kpi, &d, Binding::StageCount(11), mql);
        tree(&kpi, &d)
            .warnings
            .into_iter()
            .find(|w| matches!(w, Warning::QualityVsQuantity { stage: 10, .. }))
    };
    // 8,000 leads > 6,667 planned, 500 ÷ 8,000 = 6.25 % < 10 %
    let w = fires("8,000", "500").expect("fires");
    assert!(matches!(
        w,
        Warning::QualityVsQuantity { count_actual, rate_actual, rate_plan, .. }
            if count_actual == 8_000.0 && rate_actual == 0.0625 && rate_plan == 0.1
    ));
    // above plan, rate at plan 10 % → no
    assert!(fires("8,000", "800").is_none());
    // rate below, count below plan → no
    assert!(fires("6,000", "500").is_none());
    // count exactly at the rounded-up plan → not above
    assert!(fires("6,667", "600").is_none());
}

#[test]
fn balance_warning_fires_only_when_every_kpi_is_upstream() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let upstream_only = |kpi: &KpiDraft| {
        tree(kpi, &d)
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::UpstreamOnly { .. }))
    };
    assert!(!upstream_only(&kpi));
    let downstream: Vec<NodeId> = tree(&kpi, &d)
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Kpi && n.direction == Direction::Downstream)
        .map(|n| n.id)
        .collect();
    for (i, node) in downstream.iter().enumerate() {
        assert!(!upstream_only(&kpi), "one downstream KPI is enough");
        kpi.apply(
            &basis,
            KpiEdit::SetDirection {
                node: *node,
                direction: Direction::Upstream,
            },
        )
        .unwrap();
        assert_eq!(upstream_only(&kpi), i + 1 == downstream.len());
    }
    // A tree with no KPI at all has nothing to balance.
    let mut bare = KpiDraft::default();
    for binding in [Binding::StageCount(14), Binding::DealSize] {
        let node = id_of(&bare, &d, binding);
        bare.apply(&basis, KpiEdit::Remove { node }).unwrap();
    }
    assert_eq!(tree(&bare, &d).nodes.len(), 1);
    assert!(!upstream_only(&bare));
}

#[test]
fn an_uncontrollable_kpi_owned_by_a_team_is_flagged() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let node = id_of(&kpi, &d, Binding::DealSize);
    let flagged = |kpi: &KpiDraft| {
        tree(kpi, &d)
            .warnings
            .into_iter()
            .filter(|w| matches!(w, Warning::UncontrollableOwned { .. }))
            .collect::<Vec<_>>()
    };
    assert!(flagged(&kpi).is_empty());
    kpi.apply(
        &basis,
        KpiEdit::SetControllable {
            node,
            controllable: false,
        },
    )
    .unwrap();
    let w = flagged(&kpi);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].node(), Some(node));
    assert_eq!(
        w[0],
        Warning::UncontrollableOwned {
            node,
            label: Label::DealSize,
            owner: Department::FieldSales
        }
    );
    kpi.apply(&basis, KpiEdit::SetOwner { node, owner: None })
        .unwrap();
    assert!(
        flagged(&kpi).is_empty(),
        "tracked for reference, owned by no team"
    );
}

#[test]
fn typed_targets_are_checked_against_what_the_children_compute() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let root = tree(&kpi, &d).root().unwrap().id;
    let x = kpi.apply(&basis, KpiEdit::AddKpi { parent: root }).unwrap();
    kpi.apply(
        &basis,
        KpiEdit::SetFormula {
            node: x,
            formula: Formula::Sum,
        },
    )
    .unwrap();
    let mut add = |text: &str| {
        let c = kpi.apply(&basis, KpiEdit::AddKpi { parent: x }).unwrap();
        assert!(!tree(&kpi, &d).node(c).unwrap().in_formula);
        kpi.apply(
            &basis,
            KpiEdit::SetInFormula {
                node: c,
                in_formula: true,
            },
        )
        .unwrap();
        kpi.apply(
            &basis,
            KpiEdit::SetTarget {
                node: c,
                text: text.into(),
            },
        )
        .unwrap();
    };
    add("100");
    add("50");
    let node = |kpi: &KpiDraft| tree(kpi, &d).node(x).unwrap().clone();
    assert_eq!(node(&kpi).target, Some(150.0));
    assert_eq!(node(&kpi).target_source, TargetSource::Computed);
    let mut set = |text: &str| {
        kpi.apply(
            &basis,
            KpiEdit::SetTarget {
                node: x,
                text: text.into(),
            },
        );
        let t = tree(&kpi, &d);
        let flagged = t.warnings.iter().any(|w| w.node() == Some(x));
        (t.node(x).unwrap().inconsistent, flagged)
    };
    assert_eq!(set("150"), (false, false));
    assert_eq!(set("151"), (false, false), "a count within 1 is rounding");
    assert_eq!(set("200"), (true, true));
    let t = tree(&kpi, &d);
    let w = t.warnings.iter().find(|w| w.node() == Some(x)).unwrap();
    assert!(matches!(
        w,
        Warning::Inconsistent { label: Label::Unnamed(NodeKind::Kpi), target, computed, .. }
            if *target == 200.0 && *computed == 150.0
    ));
}

#[test]
fn moving_a_rate_out_of_its_product_is_flagged_and_a_ksf_keeps_it() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let win = id_of(&kpi, &d, Binding::StageRate(13));
    let won = id_of(&kpi, &d, Binding::StageCount(14));
    let opps = id_of(&kpi, &d, Binding::StageCount(13));
    let sql_rate = id_of(&kpi, &d, Binding::StageRate(12));
    let root = tree(&kpi, &d).root().unwrap().id;

    // A KSF grouping a rate under the node it multiplies into changes no arithmetic.
    let ksf = kpi.apply(&basis, KpiEdit::AddKsf { parent: opps }).unwrap();
    kpi.apply(
        &basis,
        KpiEdit::Rename {
            node: ksf,
            name: "商談の質を上げる".into(),
        },
    )
    .unwrap();
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::Move {
                node: sql_rate,
                parent: ksf
            }
        ),
        Some(sql_rate)
    );
    let t = tree(&kpi, &d);
    assert!(t.nodes.iter().all(|n| !n.inconsistent));
    assert_eq!(t.node(ksf).unwrap().kind, NodeKind::Ksf);
    assert_eq!(
        t.node(ksf).unwrap().label,
        Label::Own("商談の質を上げる".into())
    );

    // The win rate under the root: won = 80 opportunities alone ≠ 20; revenue = won × deal ×
    // 25 % ≠ ¥1億. Both are flagged; nothing is refused.
    assert!(kpi
        .apply(
            &basis,
            KpiEdit::Move {
                node: win,
                parent: root
            }
        )
        .is_some());
    let t = tree(&kpi, &d);
    let flagged: Vec<NodeId> = t
        .nodes
        .iter()
        .filter(|n| n.inconsistent)
        .map(|n| n.id)
        .collect();
    assert_eq!(flagged, [root, won]);
    assert_eq!(t.node(won).unwrap().computed, Some(80.0));
    assert_eq!(
        t.node(won).unwrap().target,
        Some(20.0),
        "still the funnel's"
    );
}

#[test]
fn structural_edits_refuse_what_would_break_the_tree() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let t = tree(&kpi, &d);
    let root = t.root().unwrap().id;
    let won = id_of(&kpi, &d, Binding::StageCount(14));
    let leads = id_of(&kpi, &d, Binding::StageCount(10));
    assert_eq!(kpi.apply(&basis, KpiEdit::Remove { node: root }), None);
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::Move {
                node: root,
                parent: won
            }
        ),
        None
    );
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::Move {
                node: won,
                parent: leads
            }
        ),
        None,
        "leads is under won"
    );
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::Move {
                node: won,
                parent: root
            }
        ),
        None,
        "already there"
    );
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::SetTarget {
                node: won,
                text: "30".into()
            }
        ),
        None,
        "a bound figure is the funnel's"
    );
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::SetUnit {
                node: won,
                unit: Unit::Yen
            }
        ),
        None
    );
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::SetControllable {
                node: won,
                controllable: true
            }
        ),
        None,
        "no change"
    );
    assert!(kpi.is_generated(), "refused edits freeze nothing");

    // Removing a subtree takes its actuals with it.
    set_actual(&mut kpi, &d, Binding::StageCount(10), "6,000");
    let mql = id_of(&kpi, &d, Binding::StageCount(11));
    assert_eq!(kpi.apply(&basis, KpiEdit::Remove { node: mql }), Some(mql));
    let t = tree(&kpi, &d);
    assert_eq!(t.nodes.len(), 11 - 3, "MQL, leads and lead→MQL rate");
    assert!(kpi.actuals().is_empty());
    assert!(!kpi.is_generated());
    assert_eq!(validate(kpi.stored_nodes()), Ok(()));

    // Reset brings the generated tree back.
    assert_eq!(kpi.apply(&basis, KpiEdit::ResetTree), Some(1));
    assert!(kpi.is_generated());
    assert_eq!(tree(&kpi, &d).nodes.len(), 11);
}

#[test]
fn siblings_can_be_reordered_for_a_ratio() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let root = tree(&kpi, &d).root().unwrap().id;
    let x = kpi.apply(&basis, KpiEdit::AddKpi { parent: root }).unwrap();
    kpi.apply(
        &basis,
        KpiEdit::SetUnit {
            node: x,
            unit: Unit::Percent,
        },
    )
    .unwrap();
    let mut child = |text: &str| {
        let c = kpi.apply(&basis, KpiEdit::AddKpi { parent: x }).unwrap();
        kpi.apply(
            &basis,
            KpiEdit::SetTarget {
                node: c,
                text: text.into(),
            },
        );
        c
    };
    let a = child("20");
    let _b = child("80");
    kpi.apply(
        &basis,
        KpiEdit::SetFormula {
            node: x,
            formula: Formula::Ratio,
        },
    )
    .unwrap();
    assert_eq!(tree(&kpi, &d).node(x).unwrap().target, Some(0.25));
    assert_eq!(
        kpi.apply(&basis, KpiEdit::Shift { node: a, up: true }),
        None
    );
    kpi.apply(&basis, KpiEdit::Shift { node: a, up: false })
        .unwrap();
    assert_eq!(tree(&kpi, &d).node(x).unwrap().target, Some(4.0));
}

#[test]
fn bad_actuals_get_their_reason_and_blank_means_no_data() {
    let d = seed_003();
    let mut kpi = KpiDraft::default();
    let cases = [
        ("-5", Some(ValueError::Negative)),
        ("abc", Some(ValueError::NotANumber)),
        ("1e16", Some(ValueError::TooLarge)),
        ("12.5", Some(ValueError::NotWhole)),
    ];
    for (text, error) in cases {
        set_actual(&mut kpi, &d, Binding::StageCount(10), text);
        let t = tree(&kpi, &d);
        let leads = t.bound(Binding::StageCount(10)).unwrap();
        assert_eq!(leads.actual_error, error, "{text}");
        assert_eq!(leads.actual, None);
        assert_eq!(leads.status, Status::NoData);
        assert_eq!(kpi.actual_text(leads.id, None), text, "typed text is kept");
    }
    set_actual(&mut kpi, &d, Binding::StageCount(10), "");
    assert!(kpi.actuals().is_empty(), "an emptied field is no actual");
    set_actual(&mut kpi, &d, Binding::StageRate(10), "120%");
    let t = tree(&kpi, &d);
    assert_eq!(
        t.bound(Binding::StageRate(10)).unwrap().actual_error,
        Some(ValueError::AboveHundred)
    );
}

#[test]
fn status_thresholds_are_100_and_90_percent() {
    let d = seed_003();
    let status = |text: &str| {
        let mut kpi = KpiDraft::default();
        set_actual(&mut kpi, &d, Binding::StageRate(11), text);
        let t = tree(&kpi, &d);
        let n = t.bound(Binding::StageRate(11)).unwrap();
        (n.status, n.achievement.map(|a| (a * 1000.0).round() / 10.0))
    };
    assert_eq!(status("30"), (Status::Ahead, Some(100.0)));
    assert_eq!(
        status("27"),
        (Status::OnTrack, Some(90.0)),
        "27 ÷ 30 is on the line"
    );
    // 26.9999 ÷ 30 = 89.9997 %, shown as "90%": judged as shown, so on track.
    assert_eq!(status("26.9999"), (Status::OnTrack, Some(90.0)));
    // 26.99 ÷ 30 = 89.97 %: shown below the line, behind.
    assert_eq!(status("26.99"), (Status::Behind, Some(90.0)));
    assert_eq!(status("45%"), (Status::Ahead, Some(150.0)));
    assert_eq!(status("0"), (Status::Behind, Some(0.0)), "zero is a figure");
}

#[test]
fn monthly_actuals_add_up_and_report_bad_months() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let leads = id_of(&kpi, &d, Binding::StageCount(10));
    for (month, text) in [(0, "2,000"), (1, "2,100"), (2, "x")] {
        kpi.apply(
            &basis,
            KpiEdit::SetActual {
                node: leads,
                month: Some(month),
                text: text.into(),
            },
        )
        .unwrap();
    }
    assert_eq!(
        kpi.apply(
            &basis,
            KpiEdit::SetActual {
                node: leads,
                month: Some(12),
                text: "1".into()
            }
        ),
        None
    );
    let t = tree(&kpi, &d);
    let n = t.node(leads).unwrap();
    assert_eq!(n.actual, Some(4_100.0));
    assert_eq!(n.month_errors, [(2, ValueError::NotANumber)]);
}

#[test]
fn revenue_actual_is_derived_from_won_and_deal_size() {
    let d = seed_003();
    let mut kpi = KpiDraft::default();
    set_actual(&mut kpi, &d, Binding::StageCount(14), "18");
    set_actual(&mut kpi, &d, Binding::DealSize, "550万");
    let t = tree(&kpi, &d);
    let root = t.root().unwrap();
    // 18 × ¥550万 = ¥9,900万 of ¥1億 = 99 %
    assert_eq!(root.actual, Some(99_000_000.0));
    assert_eq!(root.status, Status::OnTrack);
}

#[test]
fn smart_hints_come_from_unit_target_and_period() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let mql = id_of(&kpi, &d, Binding::StageCount(11));
    let smart = |kpi: &KpiDraft| tree(kpi, &d).node(mql).unwrap().smart;
    let s = smart(&kpi);
    assert_eq!(
        s[1].hint,
        Some(true),
        "a bound count has a unit and a target"
    );
    assert_eq!(s[3].hint, Some(true), "MQL multiplies up to revenue");
    assert_eq!(s[4].hint, Some(false), "no period yet");
    assert!(!s[2].passed());
    kpi.apply(
        &basis,
        KpiEdit::SetTreePeriod {
            text: "2025年度 第1四半期".into(),
        },
    )
    .unwrap();
    assert!(
        kpi.is_generated(),
        "the tree period is not a structural edit"
    );
    for item in [SmartItem::Specific, SmartItem::Achievable] {
        kpi.apply(
            &basis,
            KpiEdit::SetSmart {
                node: mql,
                item,
                answer: true,
            },
        )
        .unwrap();
    }
    let s = smart(&kpi);
    assert!(s.iter().all(|c| c.passed()));
    assert_eq!(
        tree(&kpi, &d).node(mql).unwrap().period,
        "2025年度 第1四半期"
    );
}

#[test]
fn the_stored_draft_is_empty_until_touched_and_stays_small() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    assert_eq!(serde_json::to_string(&kpi).unwrap(), "{}");
    set_actual(&mut kpi, &d, Binding::StageCount(10), "6,000");
    assert_eq!(
        serde_json::to_string(&kpi).unwrap(),
        r#"{"actuals":[{"node":120,"text":"6,000"}]}"#
    );
    kpi.checklist.set(ChecklistItem::KgiSet, true);
    kpi.definitions.set(
        DefinedStage::Mql,
        DefinitionField::ScoreThreshold,
        "60点以上",
    );
    let won = id_of(&kpi, &d, Binding::StageCount(14));
    kpi.apply(
        &basis,
        KpiEdit::Rename {
            node: won,
            name: "新規受注".into(),
        },
    )
    .unwrap();
    let json = serde_json::to_string(&kpi).unwrap();
    assert!(json.contains(r#""checklist":1"#));
    assert!(json.contains(r#""definitions":{"mql":{"score_threshold":"60点以上"}}"#));
    assert!(json.contains(r#"{"id":1,"kind":"kgi","binding":"revenue","formula":"product","unit":"yen","direction":"downstream"}"#));
    assert!(json.len() < 1_500, "{} bytes: {json}", json.len());
    let back: KpiDraft = serde_json::from_str(&json).unwrap();
    assert_eq!(back, kpi);
}

#[test]
fn broken_stored_trees_are_repaired_on_the_way_in() {
    let json = r#"{"nodes":[
        {"id":1},
        {"id":2,"parent":3},
        {"id":3,"parent":2,"kind":"ksf","binding":"revenue"},
        {"id":2,"parent":1},
        {"id":4,"parent":99,"kind":"kgi","binding":{"stage_rate":1},"unit":"yen"}
    ],"actuals":[{"node":4,"month":40,"text":"1"},{"node":4,"text":"1"},{"node":4,"text":"2"}],
    "checklist":65535}"#;
    let kpi: KpiDraft = serde_json::from_str(json).unwrap();
    let nodes = kpi.stored_nodes();
    assert_eq!(validate(nodes), Ok(()));
    assert_eq!(nodes.len(), 4);
    assert_eq!(nodes[0].kind, NodeKind::Kgi);
    assert_eq!(nodes[2].binding, Binding::None, "a KSF is never bound");
    assert_eq!(nodes[3].kind, NodeKind::Kpi);
    assert_eq!(nodes[3].unit, Unit::Percent);
    assert_eq!(kpi.actuals().len(), 1);
    assert_eq!(kpi.actual_text(4, None), "2");
    assert_eq!(kpi.checklist.done_count(), 9);
    // Evaluating it against any funnel is fine.
    let d = seed_003();
    let t = tree(&kpi, &d);
    assert_eq!(t.nodes.len(), 4);
    assert!(t.node(4).unwrap().binding_lost);
    assert_eq!(t.missing_stages, [10, 11, 12, 13, 14]);
}

#[test]
fn an_edited_tree_reports_stages_the_funnel_gained_or_lost() {
    let mut d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let won = id_of(&kpi, &d, Binding::StageCount(14));
    kpi.apply(
        &basis,
        KpiEdit::Rename {
            node: won,
            name: "受注".into(),
        },
    )
    .unwrap();
    d.add_stage_after(Some(11));
    let new_id = d.stages[2].id;
    let t = tree(&kpi, &d);
    assert_eq!(t.missing_stages, [new_id]);
    // MQL now feeds the new 50 % stage, so MQL × the rate out of MQL (1,333.3 × 30 % = 400) no
    // longer gives SQL (200): the old product is flagged.
    assert!(t.bound(Binding::StageCount(12)).unwrap().inconsistent);
    assert!(d.remove_stage(new_id) && d.remove_stage(10));
    let t = tree(&kpi, &d);
    assert!(t.bound(Binding::StageCount(10)).unwrap().binding_lost);
    assert_eq!(t.bound(Binding::StageCount(10)).unwrap().label, Label::Lost);
}

#[test]
fn a_tree_stops_growing_at_the_node_cap() {
    let d = seed_003();
    let basis = Basis::new(&d, &[]);
    let mut kpi = KpiDraft::default();
    let root = tree(&kpi, &d).root().unwrap().id;
    let mut added = 0;
    while kpi
        .apply(&basis, KpiEdit::AddKsf { parent: root })
        .is_some()
    {
        added += 1;
    }
    assert_eq!(added, MAX_NODES - 11);
    assert_eq!(kpi.stored_nodes().len(), MAX_NODES);
    assert_eq!(validate(kpi.stored_nodes()), Ok(()));
}

/// The default funnel (visits → leads → MQL → SQL → opportunities → won) with the default
/// channels as the tree's channel breakdown.
fn default_basis_channels(d: &Draft) -> Vec<ChannelInput> {
    let funnel = d.funnel().unwrap();
    let mix = plan_channels(&funnel, &default_channels()).unwrap();
    default_channels()
        .iter()
        .zip(&mix.channels)
        .map(|(c, r)| ChannelInput {
            name: c.channel_name(),
            leads: r.leads,
            won: r.won,
        })
        .collect()
}

#[test]
fn a_short_count_competes_with_the_rates_for_the_bottleneck() {
    // Default plan: 6,666.67 leads needed. Actual leads 5,000 with every rate at plan:
    // ¥1億 × 5,000 ÷ 6,666.67 = ¥7,500万, a loss of ¥2,500万. Lead → MQL 9 % against 10 % alone:
    // ¥1億 × 9/10 = ¥9,000万, a loss of ¥1,000万. The leads are the bottleneck.
    let d = Draft::default();
    let channels = default_basis_channels(&d);
    let basis = Basis::new(&d, &channels);
    let set = |kpi: &mut KpiDraft, binding, text: &str| {
        let node = evaluate(kpi, &basis).bound(binding).unwrap().id;
        kpi.apply(
            &basis,
            KpiEdit::SetActual {
                node,
                month: None,
                text: text.into(),
            },
        );
    };
    let mut kpi = KpiDraft::default();
    set(&mut kpi, Binding::StageCount(1), "5,000");
    let t = evaluate(&kpi, &basis);
    // Only the lead count is short: it is named (before, nothing was).
    assert_eq!(t.bottlenecks.len(), 1);
    assert_eq!(
        (t.bottlenecks[0].stage, t.bottlenecks[0].what),
        (1, Shortfall::Count)
    );
    assert!((t.bottlenecks[0].loss - 25_000_000.0).abs() < 1.0);
    assert!(t.bound(Binding::StageCount(1)).unwrap().bottleneck);

    set(&mut kpi, Binding::StageRate(1), "9");
    // Visits 300,000 of 333,333.33 (2 % → leads): ¥1億 × 0.9 = loss ¥1,000万.
    set(&mut kpi, Binding::StageCount(0), "300,000");
    // Deal size ¥450万 of ¥500万: loss ¥1億 × 0.1 = ¥1,000万.
    set(&mut kpi, Binding::DealSize, "450万");
    // Web ads 1,500 leads of the planned 2,000, each planned lead winning 6 ÷ 2,000 = 0.003
    // deals: 500 × 0.003 × ¥500万 = ¥750万.
    set(&mut kpi, Binding::ChannelLeads(0), "1,500");
    let t = evaluate(&kpi, &basis);
    let ranked: Vec<(Shortfall, usize, i64)> = t
        .bottlenecks
        .iter()
        .map(|b| (b.what, b.stage, (b.loss / 10_000.0).round() as i64))
        .collect();
    assert_eq!(
        ranked,
        [
            (Shortfall::Count, 1, 2_500),
            // The visit → lead rate, derived from the two typed counts: 5,000 ÷ 300,000 =
            // 1.667 % of 2 %: ¥1億 × (1 − 5/6) = ¥1,666.67万.
            (Shortfall::Rate, 0, 1_667),
            (Shortfall::Count, 0, 1_000),
            (Shortfall::Rate, 1, 1_000),
            (Shortfall::DealSize, 0, 1_000),
            (Shortfall::ChannelLeads, 0, 750),
        ]
    );
    assert!(t.bound(Binding::StageCount(1)).unwrap().bottleneck);
    assert!(!t.bound(Binding::StageRate(1)).unwrap().bottleneck);
}
