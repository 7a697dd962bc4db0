//! What the views show, computed from the model's results without the browser: chart data and
//! the words that describe a chart to a screen reader. Compiled natively too, so each is tested
//! with `cargo test`; the components in `ui/` only lay it out.

pub mod channels;
pub mod compare;
pub mod exports;
pub mod figure;
pub mod funnel;
pub mod funnel_results;
pub mod import_preview;
pub mod import_results;
pub mod kpi;
pub mod months;
pub mod risk;
pub mod risk_charts;

/// CJK-capable stacks first, so Japanese labels on a canvas never fall back to tofu.
pub const FONT_STACK: &str =
    "\"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\", \"Yu Gothic UI\", \"Meiryo\", sans-serif";
