//! Charts drawn with plotters, generic over the drawing backend: the browser
//! draws onto a canvas (plotters-canvas), tests draw into an SVG string.

mod common;
pub mod funnel;
pub mod palette;
pub mod timeline;

pub use funnel::{draw_funnel, estimate_text_width, FunnelBar, FunnelChartData};
pub use palette::{stage_color, stage_color_hex, text_color_on, PALETTE_LEN};
pub use timeline::{draw_timeline, timeline_height, TimelineData, TimelineRow};
