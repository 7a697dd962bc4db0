//! The KPI-design checklist: the steps from a numeric goal to KPIs a team can run, and what to
//! do when one is missed. Progress is saved per scenario as one small number.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecklistItem {
    KgiSet,
    KsfExtracted,
    TreeTopDown,
    SmartChecked,
    DownstreamSet,
    DefinitionsAgreed,
    ToolDecided,
    ReviewCadence,
    MissPlan,
}

impl ChecklistItem {
    pub const ALL: [ChecklistItem; 9] = [
        ChecklistItem::KgiSet,
        ChecklistItem::KsfExtracted,
        ChecklistItem::TreeTopDown,
        ChecklistItem::SmartChecked,
        ChecklistItem::DownstreamSet,
        ChecklistItem::DefinitionsAgreed,
        ChecklistItem::ToolDecided,
        ChecklistItem::ReviewCadence,
        ChecklistItem::MissPlan,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Which items are done, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "u16", into = "u16")]
pub struct Checklist(u16);

const ALL_BITS: u16 = (1 << ChecklistItem::ALL.len()) - 1;

impl Checklist {
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn is_done(self, item: ChecklistItem) -> bool {
        self.0 & item.bit() != 0
    }

    /// Ticks or unticks an item; false when it already was so.
    pub fn set(&mut self, item: ChecklistItem, done: bool) -> bool {
        let before = self.0;
        if done {
            self.0 |= item.bit();
        } else {
            self.0 &= !item.bit();
        }
        before != self.0
    }

    pub fn done_count(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn total(self) -> usize {
        ChecklistItem::ALL.len()
    }
}

impl From<u16> for Checklist {
    /// Bits beyond the items (from a tampered link) are dropped.
    fn from(bits: u16) -> Checklist {
        Checklist(bits & ALL_BITS)
    }
}

impl From<Checklist> for u16 {
    fn from(c: Checklist) -> u16 {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_done_items() {
        let mut c = Checklist::default();
        assert_eq!((c.done_count(), c.total()), (0, 9));
        assert!(c.set(ChecklistItem::KgiSet, true));
        assert!(!c.set(ChecklistItem::KgiSet, true));
        assert!(c.set(ChecklistItem::MissPlan, true));
        assert_eq!(c.done_count(), 2);
        assert!(c.is_done(ChecklistItem::MissPlan));
        assert!(c.set(ChecklistItem::KgiSet, false));
        assert_eq!(c.done_count(), 1);
        assert_eq!(Checklist::from(0xffff).done_count(), 9);
    }
}
