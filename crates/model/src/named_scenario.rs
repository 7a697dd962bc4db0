//! The scenario itself — a name and its draft — apart from the versioned formats that store it
//! (`schema`) and the rules and JSON reading that `scenario` builds on both.

use serde::{Deserialize, Serialize};

use crate::draft::Draft;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub draft: Draft,
}
