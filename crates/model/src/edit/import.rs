//! Edits that use an imported CRM export, and their undo. The import builds the values (see
//! `crate::import`); these only put them into the draft or take them back out.

use crate::draft::Draft;
use crate::kpi::KpiDraft;
use crate::risk::RiskDraft;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportEdit {
    /// The plan the actuals suggest: its stages, deal size, lead time and channels.
    UsePlan(Box<Draft>),
    /// Undo of [`ImportEdit::UsePlan`]: the rates, deal size, lead time and channels of the
    /// draft as it was. Stages keep their names and order as they are now, and a stage added
    /// since keeps its rate, so undo never takes away more than the import put in.
    RestorePlan(Box<Draft>),
    /// The Risk view's inputs as a whole (the actuals' counts as beliefs, or the undo of it).
    Risk(Box<RiskDraft>),
    /// The KPI tree's inputs as a whole, for undoing a fill of its actuals.
    Kpi(Box<KpiDraft>),
}

pub(super) fn apply(d: &mut Draft, edit: ImportEdit) {
    match edit {
        ImportEdit::UsePlan(next) => {
            let next = *next;
            d.stages = next.stages;
            d.deal_size = next.deal_size;
            d.plan.lead_time = next.plan.lead_time;
            d.plan.distribution = next.plan.distribution;
            d.plan.average_days = next.plan.average_days;
            d.plan.channels = next.plan.channels;
        }
        ImportEdit::RestorePlan(before) => {
            for s in &mut d.stages {
                if let Some(b) = before.stages.iter().find(|b| b.id == s.id) {
                    s.rate = b.rate.clone();
                }
            }
            let before = *before;
            d.deal_size = before.deal_size;
            d.plan.lead_time = before.plan.lead_time;
            d.plan.distribution = before.plan.distribution;
            d.plan.average_days = before.plan.average_days;
            d.plan.channels = before.plan.channels;
        }
        ImportEdit::Risk(risk) => d.risk = *risk,
        ImportEdit::Kpi(kpi) => d.kpi = *kpi,
    }
}
