//! The funnel domain of the calculator, free of any browser type so it is tested natively:
//! validated inputs, the exact reverse funnel, forward mode, goal seek, and the number forms
//! Japanese and English users type and read; and the scenario's stored, exported and linked
//! forms (versioned JSON, a compact URL-safe link, CSV of the results). Every change the page
//! makes to a scenario is an [`Edit`] applied by [`apply`].

pub mod csv_export;
pub mod draft;
pub mod edit;
mod error;
mod exact;
pub mod field_errors;
pub mod format;
pub mod forward;
pub mod funnel;
pub mod goal_seek;
pub mod import;
pub mod kpi;
pub mod lang;
pub mod link_funnel;
pub mod merge;
mod named_scenario;
pub mod option_key;
mod parse;
pub mod plan;
pub mod risk;
pub mod scenario;
mod schema;
pub mod share;
pub mod stage;
pub mod values;

pub use csv_export::results_csv;
pub use edit::{apply, Edit};
pub use error::InputError;
pub use field_errors::{FieldErrors, FieldProblem};
pub use forward::{Entry, ForwardResult, Gap};
pub use funnel::{Funnel, PlanError, ReversePlan, StageRequirement, MAX_STAGES, MIN_STAGES};
pub use goal_seek::{SeekInput, SeekOutcome};
pub use lang::Lang;
pub use option_key::OptionKey;
pub use scenario::{scenario_from_json, scenario_to_json, FormatError, Scenario, SCHEMA_VERSION};
pub use share::{decode_link, encode_link, MAX_LINK_CHARS};
pub use stage::{default_stages, Stage, StageKind};
pub use values::{Count, Money, Rate, MAX_AMOUNT};
