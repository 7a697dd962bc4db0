//! Invariants of the KPI tree over generated funnels and edit sequences: the generated tree's
//! bound figures are the reverse funnel's, no edit sequence panics or leaves anything but a valid
//! tree rooted at the KGI, no NaN or ∞ leaves evaluation, and the stored draft round-trips.

use funnel_model::draft::{Draft, StageDraft};
use funnel_model::kpi::{
    evaluate, repair, validate, Basis, Binding, ChannelInput, ChecklistItem, DefinedStage,
    DefinitionField, Department, Direction, Formula, KpiDraft, KpiEdit, KpiNode, KpiTree, NodeKind,
    SmartItem, Unit, Warning, MAX_NODES,
};
use funnel_model::kpi::{ActualSource, NodeId, Status, TargetSource};
use funnel_model::plan::channels::{ChannelKind, ChannelName};
use funnel_model::{Rate, StageKind};
use proptest::prelude::*;

const KINDS: [StageKind; 9] = [
    StageKind::Visits,
    StageKind::Leads,
    StageKind::Mql,
    StageKind::Sal,
    StageKind::Sql,
    StageKind::Pql,
    StageKind::Opportunities,
    StageKind::Won,
    StageKind::Custom,
];

fn rate_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..=100).prop_map(|p| p.to_string()),
        (1u32..=1_000_000).prop_map(|ppm| Rate::from_ppm(ppm).unwrap().to_percent_text()),
    ]
}

fn money_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u64..=100_000).prop_map(|m| format!("{m}万")),
        (1u64..=1_000_000_000_000_000).prop_map(|u| u.to_string()),
    ]
}

/// 2–10 stages of any kinds, ids distinct but not positions, rates as typed.
fn funnel_draft() -> impl Strategy<Value = Draft> {
    (
        money_text(),
        money_text(),
        prop::collection::vec((0usize..9, rate_text()), 2..=10),
        prop::sample::subsequence((0u32..40).collect::<Vec<_>>(), 10),
        any::<bool>(),
    )
        .prop_map(|(target, deal, stages, ids, big_ids)| {
            let last = stages.len() - 1;
            Draft {
                target,
                deal_size: deal,
                stages: stages
                    .into_iter()
                    .enumerate()
                    .map(|(i, (k, rate))| StageDraft {
                        id: if big_ids { ids[i] * 50_000 } else { ids[i] },
                        kind: if i == last { StageKind::Won } else { KINDS[k] },
                        name: None,
                        rate,
                    })
                    .collect(),
                ..Draft::default()
            }
        })
}

fn channels() -> impl Strategy<Value = Vec<ChannelInput>> {
    prop::collection::vec(0u64..=2_000_000, 0..=8).prop_map(|leads| {
        leads
            .into_iter()
            .enumerate()
            .map(|(i, leads)| ChannelInput {
                name: ChannelName::new(ChannelKind::Custom, Some(&format!("ch{i}"))),
                leads,
                won: leads as f64 * 0.003,
            })
            .collect()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "0",
        "-5",
        "abc",
        "1e16",
        "1e15",
        "6,000",
        "24%",
        "100",
        "0.0001",
        "1億",
        "50万",
        "99999999999999",
        "12.5",
        "０．５",
        "1000兆",
        "=1+1",
    ])
    .prop_map(String::from)
}

/// An edit naming nodes by position in the current tree (resolved when applied), or by an id
/// that may not exist.
#[derive(Debug, Clone)]
enum Op {
    AddKpi(usize),
    AddKsf(usize),
    Remove(usize),
    Rename(usize, String),
    Move(usize, usize),
    Shift(usize, bool),
    Unit(usize, u8),
    Formula(usize, u8),
    Target(usize, String),
    Owner(usize, Option<u8>),
    Period(usize, String),
    Controllable(usize, bool),
    Direction(usize, bool),
    InFormula(usize, bool),
    Smart(usize, u8, bool),
    Actual(usize, Option<u8>, String),
    TreePeriod(String),
    Reset,
    Unknown(u32),
}

fn op() -> impl Strategy<Value = Op> {
    let n = 0usize..100;
    prop_oneof![
        4 => n.clone().prop_map(Op::AddKpi),
        2 => n.clone().prop_map(Op::AddKsf),
        2 => n.clone().prop_map(Op::Remove),
        1 => (n.clone(), "[a-zあ=]{0,50}").prop_map(|(i, s)| Op::Rename(i, s)),
        3 => (n.clone(), n.clone()).prop_map(|(a, b)| Op::Move(a, b)),
        1 => (n.clone(), any::<bool>()).prop_map(|(a, b)| Op::Shift(a, b)),
        1 => (n.clone(), 0u8..5).prop_map(|(a, b)| Op::Unit(a, b)),
        2 => (n.clone(), 0u8..4).prop_map(|(a, b)| Op::Formula(a, b)),
        2 => (n.clone(), text()).prop_map(|(a, b)| Op::Target(a, b)),
        1 => (n.clone(), prop::option::of(0u8..4)).prop_map(|(a, b)| Op::Owner(a, b)),
        1 => (n.clone(), text()).prop_map(|(a, b)| Op::Period(a, b)),
        1 => (n.clone(), any::<bool>()).prop_map(|(a, b)| Op::Controllable(a, b)),
        1 => (n.clone(), any::<bool>()).prop_map(|(a, b)| Op::Direction(a, b)),
        1 => (n.clone(), any::<bool>()).prop_map(|(a, b)| Op::InFormula(a, b)),
        1 => (n.clone(), 0u8..5, any::<bool>()).prop_map(|(a, b, c)| Op::Smart(a, b, c)),
        3 => (n.clone(), prop::option::of(0u8..14), text())
            .prop_map(|(a, m, t)| Op::Actual(a, m, t)),
        1 => text().prop_map(Op::TreePeriod),
        1 => Just(Op::Reset),
        1 => any::<u32>().prop_map(Op::Unknown),
    ]
}

fn to_edit(op: &Op, nodes: &[KpiNode]) -> KpiEdit {
    let id = |i: usize| nodes[i % nodes.len()].id;
    let unit = |k: u8| match k {
        0 => Unit::Count,
        1 => Unit::Yen,
        2 => Unit::Percent,
        3 => Unit::Custom("時間".into()),
        _ => Unit::Custom("x".repeat(30)),
    };
    let formula = |k: u8| {
        [
            Formula::Product,
            Formula::Sum,
            Formula::Ratio,
            Formula::Entered,
        ][k as usize]
    };
    match op.clone() {
        Op::AddKpi(p) => KpiEdit::AddKpi { parent: id(p) },
        Op::AddKsf(p) => KpiEdit::AddKsf { parent: id(p) },
        Op::Remove(n) => KpiEdit::Remove { node: id(n) },
        Op::Rename(n, name) => KpiEdit::Rename { node: id(n), name },
        Op::Move(n, p) => KpiEdit::Move {
            node: id(n),
            parent: id(p),
        },
        Op::Shift(n, up) => KpiEdit::Shift { node: id(n), up },
        Op::Unit(n, k) => KpiEdit::SetUnit {
            node: id(n),
            unit: unit(k),
        },
        Op::Formula(n, k) => KpiEdit::SetFormula {
            node: id(n),
            formula: formula(k),
        },
        Op::Target(n, text) => KpiEdit::SetTarget { node: id(n), text },
        Op::Owner(n, o) => KpiEdit::SetOwner {
            node: id(n),
            owner: o.map(|k| Department::ALL[k as usize]),
        },
        Op::Period(n, text) => KpiEdit::SetPeriod { node: id(n), text },
        Op::Controllable(n, controllable) => KpiEdit::SetControllable {
            node: id(n),
            controllable,
        },
        Op::Direction(n, down) => KpiEdit::SetDirection {
            node: id(n),
            direction: if down {
                Direction::Downstream
            } else {
                Direction::Upstream
            },
        },
        Op::InFormula(n, in_formula) => KpiEdit::SetInFormula {
            node: id(n),
            in_formula,
        },
        Op::Smart(n, k, answer) => KpiEdit::SetSmart {
            node: id(n),
            item: SmartItem::ALL[k as usize],
            answer,
        },
        Op::Actual(n, month, text) => KpiEdit::SetActual {
            node: id(n),
            month,
            text,
        },
        Op::TreePeriod(text) => KpiEdit::SetTreePeriod { text },
        Op::Reset => KpiEdit::ResetTree,
        Op::Unknown(node) => KpiEdit::Remove { node },
    }
}

fn finite(v: Option<f64>) -> bool {
    v.is_none_or(f64::is_finite)
}

fn check_tree(t: &KpiTree, node_count: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        t.nodes.len(),
        node_count,
        "every node is reachable from the root"
    );
    let root = t.root().unwrap();
    prop_assert_eq!(root.kind, NodeKind::Kgi);
    prop_assert_eq!(root.parent, None);
    prop_assert!(t.nodes[1..]
        .iter()
        .all(|n| n.parent.is_some() && n.kind != NodeKind::Kgi));
    for n in &t.nodes {
        prop_assert!(finite(n.target) && finite(n.exact) && finite(n.computed));
        prop_assert!(finite(n.actual) && finite(n.achievement));
    }
    for b in &t.bottlenecks {
        prop_assert!(b.plan.is_finite() && b.actual.is_finite());
        prop_assert!(b.revenue.is_finite() && b.loss.is_finite() && b.loss >= 0.0);
    }
    for w in &t.warnings {
        let numbers = match w {
            Warning::QualityVsQuantity {
                count_actual,
                count_plan,
                rate_actual,
                rate_plan,
                ..
            } => vec![*count_actual, *count_plan, *rate_actual, *rate_plan],
            Warning::Inconsistent {
                target, computed, ..
            } => vec![*target, *computed],
            _ => vec![],
        };
        prop_assert!(numbers.iter().all(|v| v.is_finite()));
    }
    Ok(())
}

proptest! {
    #[test]
    fn generated_bound_figures_are_the_reverse_funnels(d in funnel_draft(), ch in channels()) {
        let t = evaluate(&KpiDraft::default(), &Basis::new(&d, &ch));
        let node_count = t.nodes.len();
        check_tree(&t, node_count)?;
        prop_assert!(node_count <= MAX_NODES);
        let plan = d.funnel().ok().and_then(|f| f.reverse().ok().map(|p| (f, p)));
        prop_assert_eq!(t.plan_available, plan.is_some());
        for (at, stage) in d.stages.iter().enumerate() {
            let count = t.bound(Binding::StageCount(stage.id)).expect("every stage counted");
            let rate = t.bound(Binding::StageRate(stage.id));
            prop_assert_eq!(rate.is_some(), at + 1 < d.stages.len());
            match &plan {
                Some((f, p)) => {
                    prop_assert_eq!(count.target, Some(p.stages[at].required as f64));
                    prop_assert_eq!(count.exact, Some(p.stages[at].exact));
                    if let Some(rate) = rate {
                        prop_assert_eq!(rate.target, Some(f.stages[at].rate_to_next.fraction()));
                    }
                }
                None => prop_assert_eq!(count.target, None),
            }
        }
        // The exact chain agrees with itself; only channel leads typed by hand may disagree.
        for n in &t.nodes {
            if n.inconsistent {
                prop_assert_eq!(n.formula, Formula::Sum);
            }
        }
        let only_inconsistent = t
            .warnings
            .iter()
            .all(|w| matches!(w, Warning::Inconsistent { .. }));
        prop_assert!(only_inconsistent);
    }

    #[test]
    fn edit_sequences_keep_a_valid_tree(
        d in funnel_draft(),
        ch in channels(),
        ops in prop::collection::vec(op(), 0..60),
    ) {
        let basis = Basis::new(&d, &ch);
        let mut kpi = KpiDraft::default();
        for op in &ops {
            let nodes = kpi.nodes(&basis);
            let edit = to_edit(op, &nodes);
            let before = kpi.clone();
            let applied = kpi.apply(&basis, edit.clone());
            if applied.is_none() {
                prop_assert_eq!(&kpi, &before, "a refused edit changes nothing: {:?}", edit);
            }
            prop_assert_eq!(validate(kpi.stored_nodes()), Ok(()));
            let nodes = kpi.nodes(&basis);
            prop_assert!(nodes.len() <= MAX_NODES);
            check_tree(&evaluate(&kpi, &basis), nodes.len())?;
        }
        kpi.checklist.set(ChecklistItem::ReviewCadence, true);
        kpi.definitions.set(DefinedStage::Pql, DefinitionField::DuplicateRule, "先勝ち");
        let json = serde_json::to_string(&kpi).unwrap();
        let back: KpiDraft = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, kpi);
    }

    #[test]
    fn any_stored_node_list_is_repaired_into_a_valid_tree(
        raw in prop::collection::vec(
            (0u32..30, prop::option::of(0u32..32), 0u8..3, any::<bool>()),
            0..120,
        ),
    ) {
        let nodes: Vec<KpiNode> = raw
            .iter()
            .map(|(id, parent, kind, bound)| {
                let kind = [NodeKind::Kgi, NodeKind::Ksf, NodeKind::Kpi][*kind as usize];
                let mut n = KpiNode::new(*id, *parent, kind);
                if *bound {
                    n.binding = Binding::StageRate(*id);
                }
                n
            })
            .collect();
        let fixed = repair(nodes);
        prop_assert_eq!(validate(&fixed), Ok(()));
        prop_assert_eq!(repair(fixed.clone()), fixed.clone(), "repair is idempotent");
        let json = format!("{{\"nodes\":{}}}", serde_json::to_string(&fixed).unwrap());
        let kpi: KpiDraft = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(kpi.stored_nodes(), &fixed[..]);
        let d = Draft::default();
        let t = evaluate(&kpi, &Basis::new(&d, &[]));
        if !fixed.is_empty() {
            check_tree(&t, fixed.len())?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every bound figure revenue depends on, with a typed actual and a plan, is ranked.
    #[test]
    fn the_ranking_includes_every_figure_with_plan_and_actual(
        d in funnel_draft(),
        picks in prop::collection::vec((0usize..40, 1u32..=200_000), 0..8),
    ) {
        let mut kpi = KpiDraft::default();
        let basis = Basis::new(&d, &[]);
        let tree = evaluate(&kpi, &basis);
        let candidates: Vec<(NodeId, Binding, Unit)> = tree
            .nodes
            .iter()
            .filter(|n| !matches!(n.binding, Binding::None | Binding::Revenue))
            .map(|n| (n.id, n.binding, n.unit.clone()))
            .collect();
        prop_assume!(!candidates.is_empty());
        for (i, v) in &picks {
            let (node, _, unit) = &candidates[i % candidates.len()];
            let text = if *unit == Unit::Percent { format!("{}", v % 100 + 1) } else { v.to_string() };
            kpi.apply(&basis, KpiEdit::SetActual { node: *node, month: None, text });
        }
        let t = evaluate(&kpi, &basis);
        let ranked = t.bottlenecks.len();
        let with_both = t
            .nodes
            .iter()
            .filter(|n| !matches!(n.binding, Binding::None | Binding::Revenue))
            .filter(|n| n.target.is_some() && n.actual_source == Some(ActualSource::Typed))
            .count();
        // Rates derived from two typed counts compete as well, so at least these.
        prop_assert!(ranked >= with_both, "{} ranked, {} with plan and typed actual", ranked, with_both);
    }
}

/// What each pass of the evaluation promises about a node, read back from the finished tree.
fn check_passes(t: &KpiTree) -> Result<(), TestCaseError> {
    for n in &t.nodes {
        let kids: Vec<_> = t.children(n.id).collect();
        for (k, c) in kids.iter().enumerate() {
            prop_assert_eq!(&c.path, &format!("{}.{}", n.path, k + 1));
        }
        if n.target_source == TargetSource::Computed {
            prop_assert!(n.target.is_some() && n.target == n.computed && n.exact == n.computed);
            prop_assert_eq!(n.binding, Binding::None);
        }
        if n.inconsistent {
            prop_assert!(n.computed.is_some());
            prop_assert!(matches!(
                n.target_source,
                TargetSource::Funnel | TargetSource::Entered
            ));
        }
        if n.actual_error.is_some() {
            prop_assert_eq!(n.actual_source, None);
        }
        prop_assert_eq!(n.actual.is_some(), n.actual_source.is_some());
        if n.kind == NodeKind::Ksf {
            let worst = kids
                .iter()
                .map(|c| c.status)
                .filter(|s| *s != Status::NoData)
                .min()
                .unwrap_or(Status::NoData);
            prop_assert_eq!(n.status, worst);
        } else {
            let expected = match (n.actual, n.target) {
                (Some(a), Some(t)) if t > 0.0 => Some(a / t).filter(|r| r.is_finite()),
                _ => None,
            };
            prop_assert_eq!(n.achievement, expected);
            prop_assert_eq!(n.status, Status::from_achievement(expected));
        }
    }
    prop_assert_eq!(t.root().map(|r| r.path.as_str()), Some("1"));
    Ok(())
}

proptest! {
    #[test]
    fn every_pass_keeps_its_promise_over_edit_sequences(
        d in funnel_draft(),
        ch in channels(),
        ops in prop::collection::vec(op(), 0..60),
        grouped in prop::collection::vec(0usize..100, 0..5),
        actuals in prop::collection::vec(prop::option::of(1u32..400), 0..50),
    ) {
        let basis = Basis::new(&d, &ch);
        let mut kpi = KpiDraft::default();
        check_passes(&evaluate(&kpi, &basis))?;
        for op in &ops {
            let edit = to_edit(op, &kpi.nodes(&basis));
            kpi.apply(&basis, edit);
        }
        // A KSF grouping a few figures, so a worst status among children is taken.
        let root = kpi.nodes(&basis)[0].id;
        if let Some(ksf) = kpi.apply(&basis, KpiEdit::AddKsf { parent: root }) {
            for pick in &grouped {
                let nodes = kpi.nodes(&basis);
                let node = nodes[pick % nodes.len()].id;
                kpi.apply(&basis, KpiEdit::Move { node, parent: ksf });
            }
        }
        // Actuals on many nodes at once, so statuses differ among siblings.
        for (n, v) in kpi.nodes(&basis).iter().zip(&actuals) {
            if let Some(v) = v {
                let text = if n.effective_unit() == Unit::Percent { (v % 100 + 1).to_string() } else { v.to_string() };
                kpi.apply(&basis, KpiEdit::SetActual { node: n.id, month: None, text });
            }
        }
        check_passes(&evaluate(&kpi, &basis))?;
    }
}
