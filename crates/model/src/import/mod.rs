//! Actuals from a CRM or MA export (SPEC §10): the file's bytes → its encoding ([`encoding`]),
//! a table ([`reader`]), column roles and stage values suggested from header dictionaries
//! ([`dictionary`], [`mapping`]), records with every refused row and its reason ([`records`]),
//! and the figures a plan needs ([`aggregate`], [`cohort`], [`channels`], [`period`]): decided
//! and still-open stage conversion, win rate, deal size, lead-time distribution, cohort against
//! period ratios, and per-channel counts and costs. Nothing here sees a browser type.

pub mod aggregate;
pub mod apply;
pub mod bad_rows;
pub mod channels;
pub mod cohort;
pub mod date;
pub mod dictionary;
pub mod encoding;
pub mod kpi_fill;
pub mod mapping;
pub mod period;
pub mod reader;
pub mod records;
pub mod risk_fill;

pub use aggregate::{aggregate, Actuals, LeadTimes, RateCounts, StageConversion};
pub use date::{parse_date, DateOrder, Day, Month};
pub use encoding::{detect, Encoding};
pub use mapping::{Layout, Mapping, Role, StageTarget};
pub use reader::{Reader, Table};
pub use records::{build_records, BadReason, BadRow, Records};
