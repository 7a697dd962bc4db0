//! The page's components; each reads signals from the root and sends edits back to the draft.

pub mod canvas_chart;
pub mod channels;
pub mod compare;
pub mod embed;
pub mod exports;
pub mod field;
pub mod figure;
pub mod forward_panel;
pub mod funnel_chart;
pub mod jargon;
pub mod kpi;
pub mod kpi_extras;
pub mod kpi_node_editor;
pub mod months;
pub mod notices;
pub mod period_fields;
pub mod plan_common;
pub mod results;
pub mod stage_editor;
pub mod toolbar;
pub mod top_bar;
