//! Design and execution warnings on the tree, each with an exact firing condition:
//!
//! - Quality vs quantity: a stage (any but won) counted above its plan requirement while the rate
//!   out of it is below plan — volume bought at the expense of quality (seeds 000, 002).
//! - Upstream only: the tree has at least one KPI and every KPI is upstream (seed 002: 32.1 % of
//!   B2B marketers put lead count first, only 11.1 % the win rate).
//! - Inconsistent: a node's bound or typed figure disagrees with what its operands compute.
//! - Uncontrollable but owned: a KPI marked uncontrollable yet assigned to a team as its KPI
//!   (seed 001: a team can only be held to figures its own actions move).

use crate::draft::Draft;
use crate::format::{format_count, format_decimal, format_percent};
use crate::funnel::{Funnel, ReversePlan};
use crate::lang::Lang;

use super::evaluated::{named_stage, EvaluatedNode};
use super::label::Label;
use super::node::{Department, Direction, NodeId, NodeKind, Unit};
use super::value::format_value;

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    QualityVsQuantity {
        /// The stage's stable id.
        stage: u32,
        count: Label,
        rate: Label,
        count_actual: f64,
        count_plan: f64,
        rate_actual: f64,
        rate_plan: f64,
    },
    UpstreamOnly {
        kpis: usize,
    },
    Inconsistent {
        node: NodeId,
        label: Label,
        unit: Unit,
        target: f64,
        computed: f64,
    },
    UncontrollableOwned {
        node: NodeId,
        label: Label,
        owner: Department,
    },
}

impl Warning {
    /// The node the warning belongs beside, if one.
    pub fn node(&self) -> Option<NodeId> {
        match self {
            Warning::Inconsistent { node, .. } | Warning::UncontrollableOwned { node, .. } => {
                Some(*node)
            }
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Warning::QualityVsQuantity {
                    count,
                    rate,
                    count_actual,
                    count_plan,
                    rate_actual,
                    rate_plan,
                    ..
                },
                lang,
            ) => {
                let (c, ca, cp) = (
                    count.text(lang),
                    format_decimal(*count_actual, 2),
                    format_count(*count_plan as u64),
                );
                let (r, ra, rp) = (
                    rate.text(lang),
                    format_percent(*rate_actual),
                    format_percent(*rate_plan),
                );
                match lang {
                    Lang::Ja => format!(
                        "{c}は{ca}で計画（{cp}）を上回っていますが、{r}は{ra}で計画（{rp}）を\
                         下回っています。数を増やすために質を落としていないか確かめてください。"
                    ),
                    Lang::En => format!(
                        "{c} is above plan ({ca} against {cp}) while {r} is below it ({ra} \
                         against {rp}): check that volume is not being bought with quality."
                    ),
                }
            }
            (Warning::UpstreamOnly { .. }, Lang::Ja) => {
                "KPIがすべて上流（訪問数・リード数など）です。商談化率や受注率のような、売上に近い\
                 下流のKPIも置きましょう（調査ではリード数を最重視する担当者32.1%に対し、受注率は\
                 11.1%）。"
                    .into()
            }
            (Warning::UpstreamOnly { .. }, Lang::En) => {
                "Every KPI is upstream (visits, leads, …). Add downstream KPIs closer to revenue, \
                 such as the meeting rate and the win rate (in one survey 32.1% of marketers put \
                 lead count first and only 11.1% the win rate)."
                    .into()
            }
            (
                Warning::Inconsistent {
                    label,
                    unit,
                    target,
                    computed,
                    ..
                },
                lang,
            ) => {
                let (l, t, c) = (
                    label.text(lang),
                    format_value(*target, unit, lang),
                    format_value(*computed, unit, lang),
                );
                match lang {
                    Lang::Ja => {
                        format!("{l}の目標{t}が、下の項目から計算した{c}と一致しません。")
                    }
                    Lang::En => format!(
                        "{l}: the target {t} does not match {c}, what the items under it compute."
                    ),
                }
            }
            (Warning::UncontrollableOwned { label, owner, .. }, lang) => {
                let (l, o) = (label.text(lang), owner.text(lang));
                match lang {
                    Lang::Ja => format!(
                        "{l}は自部門では動かせない指標ですが、{o}のKPIになっています。施策で動かせる\
                         指標をKPIにして、これは参考として追いましょう。"
                    ),
                    Lang::En => format!(
                        "{l} is marked as outside the team's control yet is assigned to {o} as a \
                         KPI. Hold the team to a figure its actions move and follow this one for \
                         reference."
                    ),
                }
            }
        }
    }
}

/// The warnings for an evaluated tree; `count_actuals` and `rate_actuals` are by stage position.
pub(crate) fn find_warnings(
    nodes: &[EvaluatedNode],
    draft: &Draft,
    funnel_plan: Option<(&Funnel, &ReversePlan)>,
    count_actuals: &[Option<f64>],
    rate_actuals: &[Option<f64>],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let kpis: Vec<_> = nodes.iter().filter(|n| n.kind == NodeKind::Kpi).collect();
    if !kpis.is_empty() && kpis.iter().all(|n| n.direction == Direction::Upstream) {
        out.push(Warning::UpstreamOnly { kpis: kpis.len() });
    }
    if let Some((funnel, plan)) = funnel_plan {
        for at in 0..funnel.won_index() {
            let (Some(Some(count)), Some(Some(rate))) =
                (count_actuals.get(at), rate_actuals.get(at))
            else {
                continue;
            };
            let count_plan = plan.stages[at].required as f64;
            let rate_plan = funnel.stages[at].rate_to_next.fraction();
            if *count > count_plan && *rate < rate_plan {
                out.push(Warning::QualityVsQuantity {
                    stage: draft.stages[at].id,
                    count: Label::Stage(named_stage(draft, at)),
                    rate: Label::Rate(named_stage(draft, at), named_stage(draft, at + 1)),
                    count_actual: *count,
                    count_plan,
                    rate_actual: *rate,
                    rate_plan,
                });
            }
        }
    }
    for n in nodes {
        if let (true, Some(target), Some(computed)) = (n.inconsistent, n.exact, n.computed) {
            out.push(Warning::Inconsistent {
                node: n.id,
                label: n.label.clone(),
                unit: n.unit.clone(),
                target,
                computed,
            });
        }
    }
    for n in &kpis {
        if let (false, Some(owner)) = (n.controllable, n.owner) {
            out.push(Warning::UncontrollableOwned {
                node: n.id,
                label: n.label.clone(),
                owner,
            });
        }
    }
    out
}
