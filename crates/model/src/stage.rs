//! Funnel stages: what each one is, and the name a user gave it (the page words the rest).

use serde::{Deserialize, Serialize};

use crate::values::Rate;

/// Longest stage or channel name kept; longer names are cut, since they would not fit a chart
/// bar anyway.
pub const MAX_NAME_CHARS: usize = 40;

/// The standard meanings a stage can have; `Custom` is any stage a user adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    Visits,
    Leads,
    Mql,
    Sal,
    Sql,
    Pql,
    Opportunities,
    Won,
    Custom,
}

/// One stage of the chain. `rate_to_next` is the share of this stage that reaches the next one;
/// it travels with the stage when stages are reordered and is unused on the last (won) stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub kind: StageKind,
    /// A user's own name; `None` shows the kind's name in the current language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub rate_to_next: Rate,
}

impl Stage {
    pub fn new(kind: StageKind, rate_percent: u32) -> Stage {
        Stage {
            kind,
            name: None,
            rate_to_next: Rate::from_ppm(rate_percent * 10_000)
                .unwrap_or(Rate::from_ppm(1).unwrap()),
        }
    }

    /// The user's own name, trimmed; `None` when there is none or it is blank (the page then
    /// names the stage by its kind).
    pub fn own_name(&self) -> Option<&str> {
        own_name(self.name.as_deref())
    }
}

/// A typed name as it names something: trimmed, and `None` when blank.
pub fn own_name(name: Option<&str>) -> Option<&str> {
    name.map(str::trim).filter(|n| !n.is_empty())
}

/// visits → leads → MQL → SQL → opportunities → won, at the rates of the seed-003 example
/// (and a 2 % visit CVR, the middle of the landing-page benchmark).
pub fn default_stages() -> Vec<Stage> {
    vec![
        Stage::new(StageKind::Visits, 2),
        Stage::new(StageKind::Leads, 10),
        Stage::new(StageKind::Mql, 30),
        Stage::new(StageKind::Sql, 40),
        Stage::new(StageKind::Opportunities, 25),
        Stage::new(StageKind::Won, 100),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_name_is_no_name_of_its_own() {
        let mut s = default_stages();
        assert_eq!(s[2].own_name(), None);
        s[2].name = Some("  Hot leads ".into());
        assert_eq!(s[2].own_name(), Some("Hot leads"));
        s[2].name = Some("   ".into());
        assert_eq!(s[2].own_name(), None);
    }
}
