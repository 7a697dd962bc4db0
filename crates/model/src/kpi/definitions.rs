//! What MQL, SAL, SQL and PQL mean in this company, written down as the agreement (SLA) between
//! marketing and sales: the fields a lead must have, the score threshold, when a lead is
//! rejected and with which reasons, how fast sales responds, who wins a duplicate, and when a
//! lead is reassigned. Loose definitions make every rate in the funnel drift, so they are
//! stored with the scenario. Free text, each field capped.

use serde::{Deserialize, Deserializer, Serialize};

use super::repair::cut;
use super::MAX_DEFINITION_CHARS;

/// The stages whose definitions are agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DefinedStage {
    Mql,
    Sal,
    Sql,
    Pql,
}

impl DefinedStage {
    pub const ALL: [DefinedStage; 4] = [
        DefinedStage::Mql,
        DefinedStage::Sal,
        DefinedStage::Sql,
        DefinedStage::Pql,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DefinedStage::Mql => "MQL",
            DefinedStage::Sal => "SAL",
            DefinedStage::Sql => "SQL",
            DefinedStage::Pql => "PQL",
        }
    }
}

/// The fields of one definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DefinitionField {
    /// The definition in one or two sentences.
    Meaning,
    RequiredFields,
    ScoreThreshold,
    RejectionCriteria,
    ResponseTime,
    DuplicateRule,
    Reassignment,
    RejectionReasons,
}

impl DefinitionField {
    pub const ALL: [DefinitionField; 8] = [
        DefinitionField::Meaning,
        DefinitionField::RequiredFields,
        DefinitionField::ScoreThreshold,
        DefinitionField::RejectionCriteria,
        DefinitionField::ResponseTime,
        DefinitionField::DuplicateRule,
        DefinitionField::Reassignment,
        DefinitionField::RejectionReasons,
    ];
}

fn capped<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(cut(&String::deserialize(d)?, MAX_DEFINITION_CHARS))
}

/// One stage's definition; every field free text, empty until written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageDefinition {
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub meaning: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub required_fields: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub score_threshold: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub rejection_criteria: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub response_time: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub duplicate_rule: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub reassignment: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "capped"
    )]
    pub rejection_reasons: String,
}

impl StageDefinition {
    pub fn is_empty(&self) -> bool {
        *self == StageDefinition::default()
    }

    pub fn get(&self, field: DefinitionField) -> &str {
        use DefinitionField::*;
        match field {
            Meaning => &self.meaning,
            RequiredFields => &self.required_fields,
            ScoreThreshold => &self.score_threshold,
            RejectionCriteria => &self.rejection_criteria,
            ResponseTime => &self.response_time,
            DuplicateRule => &self.duplicate_rule,
            Reassignment => &self.reassignment,
            RejectionReasons => &self.rejection_reasons,
        }
    }

    fn get_mut(&mut self, field: DefinitionField) -> &mut String {
        use DefinitionField::*;
        match field {
            Meaning => &mut self.meaning,
            RequiredFields => &mut self.required_fields,
            ScoreThreshold => &mut self.score_threshold,
            RejectionCriteria => &mut self.rejection_criteria,
            ResponseTime => &mut self.response_time,
            DuplicateRule => &mut self.duplicate_rule,
            Reassignment => &mut self.reassignment,
            RejectionReasons => &mut self.rejection_reasons,
        }
    }

    /// Fields written (not blank).
    pub fn filled(&self) -> usize {
        DefinitionField::ALL
            .iter()
            .filter(|f| !self.get(**f).trim().is_empty())
            .count()
    }
}

/// The four definitions, saved with the scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definitions {
    #[serde(default, skip_serializing_if = "StageDefinition::is_empty")]
    pub mql: StageDefinition,
    #[serde(default, skip_serializing_if = "StageDefinition::is_empty")]
    pub sal: StageDefinition,
    #[serde(default, skip_serializing_if = "StageDefinition::is_empty")]
    pub sql: StageDefinition,
    #[serde(default, skip_serializing_if = "StageDefinition::is_empty")]
    pub pql: StageDefinition,
}

impl Definitions {
    pub fn is_empty(&self) -> bool {
        *self == Definitions::default()
    }

    pub fn stage(&self, stage: DefinedStage) -> &StageDefinition {
        match stage {
            DefinedStage::Mql => &self.mql,
            DefinedStage::Sal => &self.sal,
            DefinedStage::Sql => &self.sql,
            DefinedStage::Pql => &self.pql,
        }
    }

    pub fn get(&self, stage: DefinedStage, field: DefinitionField) -> &str {
        self.stage(stage).get(field)
    }

    /// Sets a field (cut to `MAX_DEFINITION_CHARS`); false when it already held that text.
    pub fn set(&mut self, stage: DefinedStage, field: DefinitionField, text: &str) -> bool {
        let slot = match stage {
            DefinedStage::Mql => &mut self.mql,
            DefinedStage::Sal => &mut self.sal,
            DefinedStage::Sql => &mut self.sql,
            DefinedStage::Pql => &mut self.pql,
        }
        .get_mut(field);
        let text = cut(text, MAX_DEFINITION_CHARS);
        if *slot == text {
            return false;
        }
        *slot = text;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_capped_and_empty_ones_are_not_stored() {
        let mut d = Definitions::default();
        assert_eq!(serde_json::to_string(&d).unwrap(), "{}");
        assert!(d.set(
            DefinedStage::Sql,
            DefinitionField::ResponseTime,
            &"あ".repeat(1000)
        ));
        assert_eq!(
            d.get(DefinedStage::Sql, DefinitionField::ResponseTime)
                .chars()
                .count(),
            MAX_DEFINITION_CHARS
        );
        assert!(!d.set(
            DefinedStage::Sql,
            DefinitionField::ResponseTime,
            &"あ".repeat(1000)
        ));
        assert_eq!(d.sql.filled(), 1);
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.starts_with("{\"sql\":{\"response_time\":"));
        let long = format!("{{\"mql\":{{\"meaning\":\"{}\"}}}}", "x".repeat(5000));
        let back: Definitions = serde_json::from_str(&long).unwrap();
        assert_eq!(back.mql.meaning.len(), MAX_DEFINITION_CHARS);
    }
}
