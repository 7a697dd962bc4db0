//! Funnel stages: what each one is, what it is called, and how the rate out of it is labelled.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
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

impl StageKind {
    /// The name shown for a stage nobody renamed (table rows, chart bars).
    pub fn name(self, lang: Lang) -> &'static str {
        use StageKind::*;
        match (self, lang) {
            (Visits, Lang::Ja) => "訪問",
            (Visits, Lang::En) => "Visits",
            (Leads, Lang::Ja) => "リード",
            (Leads, Lang::En) => "Leads",
            (Mql, _) => "MQL",
            (Sal, _) => "SAL",
            (Sql, _) => "SQL",
            (Pql, _) => "PQL",
            (Opportunities, Lang::Ja) => "商談",
            (Opportunities, Lang::En) => "Opportunities",
            (Won, Lang::Ja) => "受注",
            (Won, Lang::En) => "Won deals",
            (Custom, Lang::Ja) => "新しい段階",
            (Custom, Lang::En) => "New stage",
        }
    }

    /// The singular used inside rate names ("Lead → MQL rate").
    fn singular(self, lang: Lang) -> &'static str {
        use StageKind::*;
        match (self, lang) {
            (Visits, Lang::En) => "Visit",
            (Leads, Lang::En) => "Lead",
            (Opportunities, Lang::En) => "Opportunity",
            (Won, Lang::En) => "Won deal",
            (kind, lang) => kind.name(lang),
        }
    }
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

    pub fn display_name(&self, lang: Lang) -> String {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name.trim().to_string(),
            _ => self.kind.name(lang).to_string(),
        }
    }
}

fn label_part(stage: &Stage, lang: Lang) -> String {
    match &stage.name {
        Some(name) if !name.trim().is_empty() => name.trim().to_string(),
        _ => stage.kind.singular(lang).to_string(),
    }
}

/// The name of the conversion rate from `from` to `to`, using the terms marketers search for:
/// win rate (受注率), 商談化率, visit CVR, and "A → B rate" otherwise.
pub fn rate_name(from: &Stage, to: &Stage, lang: Lang) -> String {
    use StageKind::*;
    let (a, b) = (label_part(from, lang), label_part(to, lang));
    match (from.kind, to.kind, lang) {
        (Opportunities, Won, Lang::Ja) => format!("受注率（{a} → {b}）"),
        (Opportunities, Won, Lang::En) => format!("Win rate ({a} → {b})"),
        (Sql, Opportunities, Lang::Ja) => format!("商談化率（{a} → {b}）"),
        (Visits, Leads, Lang::Ja) => format!("CVR（{a} → {b}）"),
        (Visits, Leads, Lang::En) => format!("{a} → {b} CVR"),
        (_, _, Lang::Ja) => format!("{a} → {b} 転換率"),
        (_, _, Lang::En) => format!("{a} → {b} rate"),
    }
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
    fn rate_names_use_the_words_marketers_use() {
        let s = default_stages();
        assert_eq!(
            rate_name(&s[4], &s[5], Lang::En),
            "Win rate (Opportunity → Won deal)"
        );
        assert_eq!(rate_name(&s[4], &s[5], Lang::Ja), "受注率（商談 → 受注）");
        assert_eq!(rate_name(&s[3], &s[4], Lang::Ja), "商談化率（SQL → 商談）");
        assert_eq!(rate_name(&s[3], &s[4], Lang::En), "SQL → Opportunity rate");
        assert_eq!(rate_name(&s[1], &s[2], Lang::En), "Lead → MQL rate");
        assert_eq!(rate_name(&s[1], &s[2], Lang::Ja), "リード → MQL 転換率");
        assert_eq!(rate_name(&s[0], &s[1], Lang::En), "Visit → Lead CVR");
    }

    #[test]
    fn a_renamed_stage_shows_its_own_name() {
        let mut s = default_stages();
        s[2].name = Some("  Hot leads ".into());
        assert_eq!(s[2].display_name(Lang::Ja), "Hot leads");
        assert_eq!(rate_name(&s[1], &s[2], Lang::En), "Lead → Hot leads rate");
        s[2].name = Some("   ".into());
        assert_eq!(s[2].display_name(Lang::En), "MQL");
    }
}
