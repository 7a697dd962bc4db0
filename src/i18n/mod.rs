//! Every visible string of the page in Japanese and English, one module per view. Each module
//! holds a table of `&'static str` (and functions for the messages that carry numbers) with one
//! instance per language, so a string missing in one language does not compile. A typed table
//! rather than an i18n crate: two languages, checked by the compiler, a few KB in the bundle
//! instead of ~23 KB (TOOLCHAIN.md).

pub mod benchmarks;
pub mod channels;
pub mod common;
pub mod compare;
pub mod definitions;
pub mod embed;
pub mod exports;
pub mod funnel;
pub mod import;
pub mod jargon;
pub mod kpi;
pub mod kpi_tree;
pub mod months;
pub mod names;
pub mod plan;
pub mod risk;
#[cfg(test)]
mod words_stay_here;
