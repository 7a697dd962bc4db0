//! Plan against actual on every node of the tree.
//!
//! - Plan figure (target): a bound node takes the funnel's own figure (a stage's exact
//!   requirement, shown rounded up; a rate; the revenue target; the deal size; a channel's
//!   leads), so tree and funnel never disagree. An unbound node takes its typed target, or —
//!   with a formula and no typed target — what its operands compute.
//! - Operands: the children in the formula, in order; a KSF child is transparent (its own
//!   children stand in its place), since a KSF only groups KPIs.
//! - Consistency: a node whose figure is bound or typed, and whose operands all have figures, is
//!   flagged when they compute something else. Tolerance: a count within 1 (a typed count is
//!   often the rounded-up one), yen within 1, a percentage within 0.005 points, a custom unit
//!   within 0.0001; or one part in a million of the figure, whichever is larger.
//! - Actual: the typed period figure; else, for counts, yen and custom units, the sum of the
//!   typed months (a month-to-date figure); else, for a funnel rate, the next stage's typed count
//!   ÷ this stage's; else what the operands' actuals compute.
//! - Achievement = actual ÷ target (for rates too). Status: ahead at ≥ 100 %, on track at ≥ 90 %
//!   (a tenth short is usually recoverable within the period), behind below; no data without
//!   both figures or with a zero target. A KSF takes the worst status among its children.
//!
//! Every division is checked: nothing here returns NaN or ∞.

use std::collections::HashMap;

use crate::funnel::Funnel;
use crate::plan::ratio;

use super::bottleneck::{rank_bottlenecks, worst, Actuals, Bottleneck, ChannelActual, Shortfall};
use super::evaluated::{named_stage, ActualSource, EvaluatedNode, Status, TargetSource};
use super::generate::Basis;
use super::kpi_draft::KpiDraft;
use super::label::Label;
use super::node::{Binding, Formula, KpiNode, NodeId, NodeKind, Unit};
use super::repair::depth_first;
use super::smart::{smart_checks, SmartFacts};
use super::value::{parse_value, ValueError};
use super::warnings::{find_warnings, Warning};
use super::MONTHS;

/// The evaluated tree, root first, each node before its children.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiTree {
    pub nodes: Vec<EvaluatedNode>,
    /// Whether the funnel has a valid plan (bound nodes have no figures otherwise).
    pub plan_available: bool,
    /// Figures with actuals, the largest revenue loss first.
    pub bottlenecks: Vec<Bottleneck>,
    pub warnings: Vec<Warning>,
    /// Stages of the funnel no node counts (added to the funnel after the tree was edited).
    pub missing_stages: Vec<u32>,
}

impl KpiTree {
    pub fn node(&self, id: NodeId) -> Option<&EvaluatedNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn root(&self) -> Option<&EvaluatedNode> {
        self.nodes.first()
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = &EvaluatedNode> {
        self.nodes.iter().filter(move |n| n.parent == Some(id))
    }

    /// The first node bound to `binding`.
    pub fn bound(&self, binding: Binding) -> Option<&EvaluatedNode> {
        self.nodes.iter().find(|n| n.binding == binding)
    }
}

/// The funnel's figures, by stage position.
struct PlanFigures {
    target: f64,
    deal: f64,
    /// (rounded up, exact) per stage.
    counts: Vec<(f64, f64)>,
    /// Rate out of each stage but the last, as a fraction.
    rates: Vec<f64>,
}

fn plan_figures(funnel: &Funnel) -> Option<PlanFigures> {
    let plan = funnel.reverse().ok()?;
    Some(PlanFigures {
        target: funnel.target.units(),
        deal: funnel.deal_size.units(),
        counts: plan
            .stages
            .iter()
            .map(|s| (s.required as f64, s.exact))
            .collect(),
        rates: funnel.stages[..funnel.won_index()]
            .iter()
            .map(|s| s.rate_to_next.fraction())
            .collect(),
    })
}

fn tolerance(unit: &Unit, value: f64) -> f64 {
    let step: f64 = match unit {
        Unit::Count | Unit::Yen => 1.0,
        Unit::Percent => 0.000_05,
        Unit::Custom(_) => 0.000_1,
    };
    step.max(value.abs() * 1e-6)
}

fn combine(formula: Formula, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let v = match formula {
        Formula::Product => values.iter().product(),
        Formula::Sum => values.iter().sum(),
        Formula::Ratio if values.len() == 2 => ratio(values[0], values[1])?,
        Formula::Ratio | Formula::Entered => return None,
    };
    v.is_finite().then_some(v)
}

/// The operands of node `id`: its children in the formula, in order, a KSF replaced by its own
/// operands (a KSF only groups KPIs, so grouping must not change the arithmetic).
fn operands(
    nodes: &[KpiNode],
    children: &HashMap<NodeId, Vec<usize>>,
    id: NodeId,
    out: &mut Vec<usize>,
    depth: usize,
) {
    // A valid tree has no cycles; the depth bound only keeps a bug from looping.
    if depth > nodes.len() {
        return;
    }
    for &c in children.get(&id).into_iter().flatten() {
        let n = &nodes[c];
        if !n.in_formula {
            continue;
        }
        if n.kind == NodeKind::Ksf {
            operands(nodes, children, n.id, out, depth + 1);
        } else {
            out.push(c);
        }
    }
}

/// Evaluates the tree of `kpi` (or the generated one) against the funnel and channels of
/// `basis`.
pub fn evaluate(kpi: &KpiDraft, basis: &Basis) -> KpiTree {
    let nodes = kpi.nodes(basis);
    let draft = basis.draft;
    let funnel = draft.funnel().ok();
    let figures = funnel.as_ref().and_then(plan_figures);
    let plan = funnel.as_ref().and_then(|f| f.reverse().ok());
    let stage_at: HashMap<u32, usize> = draft
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let last_stage = draft.stages.len().saturating_sub(1);
    let order = depth_first(&nodes);
    let at_of: HashMap<NodeId, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let mut children: HashMap<NodeId, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            children.entry(p).or_default().push(i);
        }
    }
    let kids = |id: NodeId| children.get(&id).map_or(&[][..], |v| v.as_slice());

    let count = nodes.len();
    let mut target: Vec<Option<f64>> = vec![None; count];
    let mut exact: Vec<Option<f64>> = vec![None; count];
    let mut source = vec![TargetSource::Missing; count];
    let mut target_error = vec![None; count];
    let mut lost = vec![false; count];
    let mut label: Vec<Label> = Vec::with_capacity(count);

    for (i, n) in nodes.iter().enumerate() {
        let stage = |s: u32| stage_at.get(&s).copied();
        label.push(match (&n.name, n.binding) {
            (Some(name), _) if !name.trim().is_empty() => Label::Own(name.trim().to_string()),
            (_, Binding::Revenue) => Label::Revenue,
            (_, Binding::DealSize) => Label::DealSize,
            (_, Binding::StageCount(s)) => match stage(s) {
                Some(at) => Label::Stage(named_stage(draft, at)),
                None => Label::Lost,
            },
            (_, Binding::StageRate(s)) => match stage(s) {
                Some(at) if at < last_stage => {
                    Label::Rate(named_stage(draft, at), named_stage(draft, at + 1))
                }
                _ => Label::Lost,
            },
            (_, Binding::ChannelLeads(c)) => match basis.channels.get(usize::from(c)) {
                Some(ch) => Label::Channel(ch.name.clone()),
                None => Label::Lost,
            },
            (_, Binding::None) => Label::Unnamed(n.kind),
        });
        if n.kind == NodeKind::Ksf {
            continue;
        }
        let bound: Option<Option<(f64, f64)>> = match n.binding {
            Binding::None => None,
            Binding::Revenue => Some(figures.as_ref().map(|f| (f.target, f.target))),
            Binding::DealSize => Some(figures.as_ref().map(|f| (f.deal, f.deal))),
            Binding::StageCount(s) => match stage(s) {
                Some(at) => Some(figures.as_ref().and_then(|f| f.counts.get(at).copied())),
                None => {
                    lost[i] = true;
                    Some(None)
                }
            },
            Binding::StageRate(s) => match stage(s) {
                Some(at) if at < last_stage => Some(
                    figures
                        .as_ref()
                        .and_then(|f| f.rates.get(at))
                        .map(|r| (*r, *r)),
                ),
                _ => {
                    lost[i] = true;
                    Some(None)
                }
            },
            Binding::ChannelLeads(c) => match basis.channels.get(usize::from(c)) {
                Some(ch) => Some(Some((ch.leads as f64, ch.leads as f64))),
                None => {
                    lost[i] = true;
                    Some(None)
                }
            },
        };
        match bound {
            Some(Some((shown, precise))) => {
                target[i] = Some(shown);
                exact[i] = Some(precise);
                source[i] = TargetSource::Funnel;
            }
            Some(None) => {}
            None if n.formula == Formula::Entered || !n.target.trim().is_empty() => {
                match parse_value(&n.target, &n.effective_unit(), false) {
                    Ok(Some(v)) => {
                        target[i] = Some(v);
                        exact[i] = Some(v);
                        source[i] = TargetSource::Entered;
                    }
                    Ok(None) => {}
                    Err(e) => target_error[i] = Some(e),
                }
            }
            None => {}
        }
    }

    let operand_lists: Vec<Vec<usize>> = nodes
        .iter()
        .map(|n| {
            let mut out = Vec::new();
            if n.kind != NodeKind::Ksf && n.formula.is_arithmetic() {
                operands(&nodes, &children, n.id, &mut out, 0);
            }
            out
        })
        .collect();

    // Children before parents.
    let mut computed = vec![None; count];
    let mut inconsistent = vec![false; count];
    for &(i, _) in order.iter().rev() {
        let n = &nodes[i];
        let values: Option<Vec<f64>> = operand_lists[i].iter().map(|&c| exact[c]).collect();
        let Some(value) = values.and_then(|v| combine(n.formula, &v)) else {
            continue;
        };
        computed[i] = Some(value);
        match source[i] {
            // A bound node without a plan stays without a figure rather than borrow its
            // operands' (that would mix two sources in one column).
            TargetSource::Missing if n.binding == Binding::None && target_error[i].is_none() => {
                target[i] = Some(value);
                exact[i] = Some(value);
                source[i] = TargetSource::Computed;
            }
            TargetSource::Funnel | TargetSource::Entered => {
                let own = exact[i].unwrap_or(0.0);
                inconsistent[i] = (own - value).abs() > tolerance(&n.effective_unit(), value);
            }
            _ => {}
        }
    }

    // Actuals: typed first.
    let mut actual: Vec<Option<f64>> = vec![None; count];
    let mut actual_source = vec![None; count];
    let mut actual_error = vec![None; count];
    let mut month_errors: Vec<Vec<(u8, ValueError)>> = vec![Vec::new(); count];
    for (i, n) in nodes.iter().enumerate() {
        if n.kind == NodeKind::Ksf {
            continue;
        }
        let unit = n.effective_unit();
        let capped = matches!(n.binding, Binding::StageRate(_));
        match parse_value(kpi.actual_text(n.id, None), &unit, capped) {
            Ok(Some(v)) => {
                actual[i] = Some(v);
                actual_source[i] = Some(ActualSource::Typed);
            }
            Ok(None) => {}
            Err(e) => actual_error[i] = Some(e),
        }
        let mut month_sum: Option<f64> = None;
        for m in 0..MONTHS as u8 {
            match parse_value(kpi.actual_text(n.id, Some(m)), &unit, capped) {
                Ok(Some(v)) => month_sum = Some(month_sum.unwrap_or(0.0) + v),
                Ok(None) => {}
                Err(e) => month_errors[i].push((m, e)),
            }
        }
        // Rates do not add up over months; only a period rate is read.
        if actual[i].is_none() && actual_error[i].is_none() && unit != Unit::Percent {
            if let Some(sum) = month_sum {
                actual[i] = Some(sum);
                actual_source[i] = Some(ActualSource::Typed);
            }
        }
    }
    // A funnel rate from two typed counts (the first node counting each stage).
    let mut typed_counts: HashMap<u32, f64> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let (Binding::StageCount(s), Some(v)) = (n.binding, actual[i]) {
            typed_counts.entry(s).or_insert(v);
        }
    }
    let typed_count = |stage: u32| typed_counts.get(&stage).copied();
    let mut derived_rates = vec![None; count];
    for (i, n) in nodes.iter().enumerate() {
        if let (Binding::StageRate(s), None) = (n.binding, actual[i]) {
            if actual_error[i].is_some() {
                continue;
            }
            let Some(&at) = stage_at.get(&s) else {
                continue;
            };
            let Some(next) = draft.stages.get(at + 1) else {
                continue;
            };
            derived_rates[i] = typed_count(next.id)
                .zip(typed_count(s))
                .and_then(|(b, a)| ratio(b, a));
        }
    }
    for i in 0..count {
        if let Some(r) = derived_rates[i] {
            actual[i] = Some(r);
            actual_source[i] = Some(ActualSource::Derived);
        }
    }
    for &(i, _) in order.iter().rev() {
        if actual[i].is_some() || actual_error[i].is_some() {
            continue;
        }
        let values: Option<Vec<f64>> = operand_lists[i].iter().map(|&c| actual[c]).collect();
        if let Some(v) = values.and_then(|v| combine(nodes[i].formula, &v)) {
            actual[i] = Some(v);
            actual_source[i] = Some(ActualSource::Derived);
        }
    }

    let achievement: Vec<Option<f64>> = (0..count)
        .map(|i| match (actual[i], target[i]) {
            (Some(a), Some(t)) if t > 0.0 => ratio(a, t),
            _ => None,
        })
        .collect();
    let mut status: Vec<Status> = achievement
        .iter()
        .map(|a| Status::from_achievement(*a))
        .collect();
    for &(i, _) in order.iter().rev() {
        if nodes[i].kind == NodeKind::Ksf {
            status[i] = kids(nodes[i].id)
                .iter()
                .map(|&c| status[c])
                .filter(|s| *s != Status::NoData)
                .min()
                .unwrap_or(Status::NoData);
        }
    }

    // Bottlenecks: by stage position, from the bound nodes' actuals.
    let node_actual = |binding: Binding| -> Option<f64> {
        nodes
            .iter()
            .enumerate()
            .find_map(|(i, n)| (n.binding == binding).then_some(actual[i]).flatten())
    };
    let stage_rate_actuals: Vec<Option<f64>> = draft
        .stages
        .iter()
        .enumerate()
        .map(|(at, s)| {
            node_actual(Binding::StageRate(s.id)).or_else(|| {
                let next = draft.stages.get(at + 1)?;
                ratio(typed_count(next.id)?, typed_count(s.id)?)
            })
        })
        .collect();
    let stage_count_actuals: Vec<Option<f64>> = draft
        .stages
        .iter()
        .map(|s| node_actual(Binding::StageCount(s.id)))
        .collect();
    // Only figures measured compete: a count the tree computes from other actuals (MQL = leads
    // × rate) carries their shortfalls and would be counted twice.
    let typed_actual = |binding: Binding| -> Option<f64> {
        nodes.iter().enumerate().find_map(|(i, n)| {
            (n.binding == binding && actual_source[i] == Some(ActualSource::Typed))
                .then_some(actual[i])
                .flatten()
        })
    };
    let typed_stage_counts: Vec<Option<f64>> = draft
        .stages
        .iter()
        .map(|s| typed_actual(Binding::StageCount(s.id)))
        .collect();
    let channel_actuals: Vec<ChannelActual> = basis
        .channels
        .iter()
        .enumerate()
        .map(|(c, ch)| ChannelActual {
            plan_leads: ch.leads as f64,
            plan_won: ch.won,
            actual_leads: u16::try_from(c)
                .ok()
                .and_then(|c| typed_actual(Binding::ChannelLeads(c))),
        })
        .collect();
    let bottlenecks = match (&funnel, &plan) {
        (Some(f), Some(p)) => rank_bottlenecks(
            f,
            p,
            &Actuals {
                rates: &stage_rate_actuals,
                counts: &typed_stage_counts,
                deal_size: typed_actual(Binding::DealSize),
                channels: &channel_actuals,
            },
        ),
        _ => Vec::new(),
    };
    let bottleneck_binding = worst(&bottlenecks).and_then(|b| {
        Some(match b.what {
            Shortfall::Count => Binding::StageCount(draft.stages.get(b.stage)?.id),
            Shortfall::Rate => Binding::StageRate(draft.stages.get(b.stage)?.id),
            Shortfall::DealSize => Binding::DealSize,
            Shortfall::ChannelLeads => Binding::ChannelLeads(u16::try_from(b.stage).ok()?),
        })
    });

    // SMART: a node is linked to the KGI when every step up is an operand of an arithmetic
    // formula (KSFs pass the link through).
    let mut linked = vec![false; count];
    let mut paths = vec![String::new(); count];
    let mut sibling_counter: HashMap<Option<NodeId>, usize> = HashMap::new();
    for &(i, _) in &order {
        let n = &nodes[i];
        let k = sibling_counter.entry(n.parent).or_insert(0);
        *k += 1;
        let position = *k;
        match n.parent.and_then(|p| at_of.get(&p).copied()) {
            None => {
                linked[i] = true;
                paths[i] = "1".into();
            }
            Some(p) => {
                let parent = &nodes[p];
                linked[i] = linked[p]
                    && n.in_formula
                    && (parent.kind == NodeKind::Ksf || parent.formula.is_arithmetic());
                paths[i] = format!("{}.{position}", paths[p]);
            }
        }
    }

    let evaluated: Vec<EvaluatedNode> = order
        .iter()
        .map(|&(i, depth)| {
            let n = &nodes[i];
            let period = if n.period.trim().is_empty() {
                kpi.period().to_string()
            } else {
                n.period.clone()
            };
            let unit = n.effective_unit();
            let has_unit = !matches!(&unit, Unit::Custom(u) if u.trim().is_empty());
            let facts = SmartFacts {
                has_name: label[i].is_named(),
                has_unit_and_target: has_unit && target[i].is_some(),
                linked_to_kgi: linked[i] && n.parent.is_some(),
                has_period: !period.trim().is_empty(),
            };
            EvaluatedNode {
                id: n.id,
                parent: n.parent,
                depth,
                path: paths[i].clone(),
                kind: n.kind,
                label: label[i].clone(),
                binding: n.binding,
                unit,
                formula: n.formula,
                owner: n.owner,
                direction: n.direction,
                controllable: n.controllable,
                in_formula: n.in_formula,
                period,
                target: target[i],
                exact: exact[i],
                target_source: source[i],
                target_error: target_error[i],
                computed: computed[i],
                inconsistent: inconsistent[i],
                binding_lost: lost[i],
                actual: actual[i],
                actual_source: actual_source[i],
                actual_error: actual_error[i],
                month_errors: std::mem::take(&mut month_errors[i]),
                achievement: achievement[i],
                status: status[i],
                bottleneck: bottleneck_binding.is_some_and(|b| b == n.binding),
                smart: smart_checks(n.smart, facts),
            }
        })
        .collect();

    let missing_stages = if kpi.is_generated() {
        Vec::new()
    } else {
        draft
            .stages
            .iter()
            .map(|s| s.id)
            .filter(|id| nodes.iter().all(|n| n.binding != Binding::StageCount(*id)))
            .collect()
    };
    let mut tree = KpiTree {
        nodes: evaluated,
        plan_available: figures.is_some(),
        bottlenecks,
        warnings: Vec::new(),
        missing_stages,
    };
    let funnel_plan = funnel.as_ref().zip(plan.as_ref());
    tree.warnings = find_warnings(
        &tree.nodes,
        draft,
        funnel_plan,
        &stage_count_actuals,
        &stage_rate_actuals,
    );
    tree
}
