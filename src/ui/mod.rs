//! The page's components; each reads signals from the root and sends edits back to the draft.

pub mod compare;
pub mod embed;
pub mod exports;
pub mod field;
pub mod forward_panel;
pub mod funnel_chart;
pub mod notices;
pub mod results;
pub mod stage_editor;
pub mod toolbar;
pub mod top_bar;
