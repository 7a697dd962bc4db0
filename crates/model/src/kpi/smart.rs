//! The SMART check of a KPI: specific, measurable, achievable, relevant, time-bound. The user
//! answers each; where the tree itself can tell (a unit and a target make it measurable, a
//! period makes it time-bound) a hint is derived and shown beside the answer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmartItem {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl SmartItem {
    pub const ALL: [SmartItem; 5] = [
        SmartItem::Specific,
        SmartItem::Measurable,
        SmartItem::Achievable,
        SmartItem::Relevant,
        SmartItem::TimeBound,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The user's five answers as bits (stored as one small number to keep links short).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "u8", into = "u8")]
pub struct SmartAnswers(u8);

impl SmartAnswers {
    pub fn get(self, item: SmartItem) -> bool {
        self.0 & item.bit() != 0
    }

    pub fn set(&mut self, item: SmartItem, yes: bool) {
        if yes {
            self.0 |= item.bit();
        } else {
            self.0 &= !item.bit();
        }
    }
}

impl From<u8> for SmartAnswers {
    /// Bits beyond the five items (from a tampered link) are dropped.
    fn from(bits: u8) -> SmartAnswers {
        SmartAnswers(bits & 0b1_1111)
    }
}

impl From<SmartAnswers> for u8 {
    fn from(answers: SmartAnswers) -> u8 {
        answers.0
    }
}

/// One item of one node's check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmartCheck {
    pub item: SmartItem,
    /// What the tree shows by itself; `None` where only the user can judge.
    pub hint: Option<bool>,
    pub answer: bool,
}

impl SmartCheck {
    /// Ticked by the user, or shown by the tree.
    pub fn passed(self) -> bool {
        self.answer || self.hint == Some(true)
    }
}

/// What the tree knows about a node for the hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SmartFacts {
    pub has_name: bool,
    pub has_unit_and_target: bool,
    pub linked_to_kgi: bool,
    pub has_period: bool,
}

pub(crate) fn smart_checks(answers: SmartAnswers, facts: SmartFacts) -> [SmartCheck; 5] {
    SmartItem::ALL.map(|item| SmartCheck {
        item,
        hint: match item {
            // A name alone does not make a KPI specific, but no name certainly is not.
            SmartItem::Specific => (!facts.has_name).then_some(false),
            SmartItem::Measurable => Some(facts.has_unit_and_target),
            SmartItem::Achievable => None,
            // Arithmetic linked to the KGI is relevant by construction; a qualitative link is
            // for the user to judge.
            SmartItem::Relevant => facts.linked_to_kgi.then_some(true),
            SmartItem::TimeBound => Some(facts.has_period),
        },
        answer: answers.get(item),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_bits() {
        let mut a = SmartAnswers::default();
        a.set(SmartItem::Measurable, true);
        a.set(SmartItem::TimeBound, true);
        assert!(a.get(SmartItem::Measurable) && !a.get(SmartItem::Specific));
        assert_eq!(SmartAnswers::from(u8::from(a)), a);
        a.set(SmartItem::Measurable, false);
        assert_eq!(u8::from(a), 0b1_0000);
        assert_eq!(u8::from(SmartAnswers::from(0xff)), 0b1_1111);
    }

    #[test]
    fn hints_follow_the_facts() {
        let facts = SmartFacts {
            has_name: true,
            has_unit_and_target: true,
            linked_to_kgi: false,
            has_period: false,
        };
        let checks = smart_checks(SmartAnswers::default(), facts);
        assert!(checks[1].passed());
        assert_eq!(checks[3].hint, None);
        assert_eq!(checks[4].hint, Some(false));
        assert!(!checks[4].passed());
    }
}
