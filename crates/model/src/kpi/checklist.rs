//! The KPI-design checklist: the steps from a numeric goal to KPIs a team can run, and what to
//! do when one is missed. Progress is saved per scenario as one small number.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

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

    pub fn text(self, lang: Lang) -> &'static str {
        use ChecklistItem::*;
        match (self, lang) {
            (KgiSet, Lang::Ja) => "期間の最終目標（KGI）を数字で決めた",
            (KgiSet, Lang::En) => "The period's final goal (KGI) is a number",
            (KsfExtracted, Lang::Ja) => "KGIに届くための成功条件（KSF）を言葉にした",
            (KsfExtracted, Lang::En) => "The conditions for reaching it (KSFs) are written down",
            (TreeTopDown, Lang::Ja) => "KGIから逆算してツリーを上から分解した",
            (TreeTopDown, Lang::En) => "The tree was broken down from the KGI, top down",
            (SmartChecked, Lang::Ja) => "各KPIをSMARTの5項目で確かめた",
            (SmartChecked, Lang::En) => "Every KPI passed the five SMART questions",
            (DownstreamSet, Lang::Ja) => "商談化率や受注率など下流のKPIも置いた",
            (DownstreamSet, Lang::En) => {
                "Downstream KPIs (meeting rate, win rate) are in the tree too"
            }
            (DefinitionsAgreed, Lang::Ja) => "MQL・SQLなどの定義を営業と合意した",
            (DefinitionsAgreed, Lang::En) => {
                "Sales agreed to the MQL, SQL and other stage definitions"
            }
            (ToolDecided, Lang::Ja) => "どのツール（MA・SFA）で、どう自動で数えるか決めた",
            (ToolDecided, Lang::En) => {
                "The tool that counts each KPI (MA, SFA) and how it counts are set"
            }
            (ReviewCadence, Lang::Ja) => "いつ、誰と数字を見直すか（頻度と場）を決めた",
            (ReviewCadence, Lang::En) => "When and with whom the numbers are reviewed is set",
            (MissPlan, Lang::Ja) => "KPIが未達のときに最初に打つ手を決めた",
            (MissPlan, Lang::En) => "The first move when a KPI falls short is agreed",
        }
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
