//! Edits of the Risk view's inputs: confidence, deal-size spread, seed and each rate's doubt.

use crate::risk::{DoubtMode, RiskDraft};

/// The Risk view's scenario-wide texts, stored exactly as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskText {
    Confidence,
    DealP10,
    DealP90,
    Seed,
}

/// A rate doubt's texts; both pairs are kept whatever the mode, so switching loses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoubtText {
    Low,
    High,
    Won,
    Trials,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskEdit {
    Text(RiskText, String),
    /// How the doubt about stage `id`'s rate is given. A doubt back to fixed with nothing
    /// typed is dropped, so the scenario returns to its plain form.
    DoubtMode {
        id: u32,
        mode: DoubtMode,
    },
    Doubt {
        id: u32,
        field: DoubtText,
        text: String,
    },
}

pub(super) fn apply(r: &mut RiskDraft, edit: RiskEdit) {
    match edit {
        RiskEdit::Text(field, text) => {
            *match field {
                RiskText::Confidence => &mut r.confidence,
                RiskText::DealP10 => &mut r.deal_p10,
                RiskText::DealP90 => &mut r.deal_p90,
                RiskText::Seed => &mut r.seed,
            } = text
        }
        RiskEdit::DoubtMode { id, mode } => r.edit_doubt(id, |d| d.mode = mode),
        RiskEdit::Doubt { id, field, text } => r.edit_doubt(id, |d| {
            *match field {
                DoubtText::Low => &mut d.low,
                DoubtText::High => &mut d.high,
                DoubtText::Won => &mut d.won,
                DoubtText::Trials => &mut d.trials,
            } = text
        }),
    }
}
