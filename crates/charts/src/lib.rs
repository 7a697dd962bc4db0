//! Charts drawn with plotters, generic over the drawing backend: the browser
//! draws onto a canvas (plotters-canvas), tests draw into an SVG string.

pub mod channels;
mod chart;
mod common;
pub mod funnel;
pub mod palette;
pub mod risk;
pub mod timeline;
pub mod tree;

pub use channels::{channel_chart_height, draw_channels, ChannelBar, ChannelChartData};
pub use chart::{Chart, FUNNEL_ROW_HEIGHT};
pub use funnel::{draw_funnel, estimate_text_width, FunnelBar, FunnelChartData};
pub use palette::{
    channel_color, channel_color_hex, channel_text_color, stage_color, stage_color_hex,
    text_color_on, CHANNEL_PALETTE_LEN, PALETTE_LEN,
};
pub use timeline::{draw_timeline, timeline_height, TimelineData, TimelineRow};
pub use tree::{
    draw_tree, tree_height, tree_row_at, NodeKind, NodeStatus, TreeChartData, TreeNodeView,
};
