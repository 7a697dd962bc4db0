//! The actual side: typed figures first (the period's, else the sum of typed months), then a
//! funnel rate from two typed counts, then what the operands' actuals compute.

use std::collections::HashMap;

use crate::kpi::evaluated::ActualSource;
use crate::kpi::node::{Binding, KpiNode, NodeKind, Unit};
use crate::kpi::value::parse_value;
use crate::kpi::MONTHS;
use crate::plan::ratio;

use super::state::{Inputs, NodeState};
use super::targets::combine_operands;

/// Reads every node's typed period and monthly actuals.
pub(super) fn read_typed_actuals(inputs: &Inputs, states: &mut [NodeState]) {
    for (n, state) in inputs.nodes.iter().zip(states.iter_mut()) {
        if n.kind != NodeKind::Ksf {
            read_typed(inputs, n, state);
        }
    }
}

fn read_typed(inputs: &Inputs, n: &KpiNode, state: &mut NodeState) {
    let unit = n.effective_unit();
    let capped = matches!(n.binding, Binding::StageRate(_));
    let read = |month: Option<u8>| parse_value(inputs.kpi.actual_text(n.id, month), &unit, capped);
    match read(None) {
        Ok(Some(v)) => {
            state.actual = Some(v);
            state.actual_source = Some(ActualSource::Typed);
        }
        Ok(None) => {}
        Err(e) => state.actual_error = Some(e),
    }
    let mut month_sum: Option<f64> = None;
    for m in 0..MONTHS as u8 {
        match read(Some(m)) {
            Ok(Some(v)) => month_sum = Some(month_sum.unwrap_or(0.0) + v),
            Ok(None) => {}
            Err(e) => state.month_errors.push((m, e)),
        }
    }
    // Rates do not add up over months; only a period rate is read.
    if state.actual.is_none() && state.actual_error.is_none() && unit != Unit::Percent {
        if let Some(sum) = month_sum {
            state.actual = Some(sum);
            state.actual_source = Some(ActualSource::Typed);
        }
    }
}

/// Each stage's typed count: the first node counting the stage that has an actual once typed
/// figures are read (before anything is derived from them).
pub(super) struct TypedCounts(HashMap<u32, f64>);

impl TypedCounts {
    pub fn new(inputs: &Inputs, states: &[NodeState]) -> TypedCounts {
        let mut counts = HashMap::new();
        for (n, state) in inputs.nodes.iter().zip(states) {
            if let (Binding::StageCount(s), Some(v)) = (n.binding, state.actual) {
                counts.entry(s).or_insert(v);
            }
        }
        TypedCounts(counts)
    }

    /// The rate out of the stage at position `at`: the next stage's typed count ÷ its own.
    pub fn rate_out_of(&self, inputs: &Inputs, at: usize) -> Option<f64> {
        let stages = &inputs.draft.stages;
        let (this, next) = (stages.get(at)?, stages.get(at + 1)?);
        ratio(*self.0.get(&next.id)?, *self.0.get(&this.id)?)
    }
}

/// A funnel rate with no actual of its own (and none typed wrong) from two typed counts.
pub(super) fn derive_rates(inputs: &Inputs, counts: &TypedCounts, states: &mut [NodeState]) {
    for (n, state) in inputs.nodes.iter().zip(states.iter_mut()) {
        let Binding::StageRate(s) = n.binding else {
            continue;
        };
        if state.actual.is_some() || state.actual_error.is_some() {
            continue;
        }
        let Some(at) = inputs.stage(s) else {
            continue;
        };
        if let Some(r) = counts.rate_out_of(inputs, at) {
            state.actual = Some(r);
            state.actual_source = Some(ActualSource::Derived);
        }
    }
}

/// Children before parents: a node with no actual (and none typed wrong) takes what its
/// operands' actuals compute.
pub(super) fn roll_up_actuals(inputs: &Inputs, states: &mut [NodeState]) {
    for i in inputs.children_first() {
        if states[i].actual.is_some() || states[i].actual_error.is_some() {
            continue;
        }
        if let Some(v) = combine_operands(inputs.nodes[i].formula, states, i, |s| s.actual) {
            states[i].actual = Some(v);
            states[i].actual_source = Some(ActualSource::Derived);
        }
    }
}
