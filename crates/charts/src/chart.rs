//! What each chart offers whatever draws it (a canvas in the page, an SVG string in the tests):
//! the height it wants at a width, and drawing itself at a device-pixel scale. One canvas
//! component draws any chart through it.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::channels::{channel_chart_height, draw_channels, ChannelChartData};
use crate::funnel::{draw_funnel, FunnelChartData};
use crate::risk::{
    draw_distribution, draw_reach_curve, draw_tornado, risk_chart_height, tornado_height,
    DistributionData, ReachCurveData, TornadoData,
};
use crate::timeline::{draw_timeline, timeline_height, TimelineData};
use crate::tree::{draw_tree, tree_height, TreeChartData};

/// A funnel bar row's height in CSS px: a label and the rate to the next stage fit in it, and
/// bars are as tall on a phone as on a desk.
pub const FUNNEL_ROW_HEIGHT: f64 = 50.0;

pub trait Chart: Clone {
    /// Height in CSS px wanted at `width` CSS px.
    fn height(&self, width: f64) -> f64;

    /// The same chart drawn at `scale` device pixels per CSS px.
    fn at_scale(&self, scale: f64) -> Self;

    /// Draws into `area` (sized in device pixels) at the chart's own scale.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>;
}

/// Implements [`Chart`] for a data type with a `scale` field, given its height rule (data and
/// width to height) and its draw function.
macro_rules! chart {
    ($data:ty, $height:expr, $draw:path) => {
        impl Chart for $data {
            fn height(&self, width: f64) -> f64 {
                let height: fn(&$data, f64) -> f64 = $height;
                height(self, width)
            }
            fn at_scale(&self, scale: f64) -> Self {
                Self {
                    scale,
                    ..self.clone()
                }
            }
            fn draw<DB: DrawingBackend>(
                &self,
                area: &DrawingArea<DB, Shift>,
            ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
                $draw(area, self)
            }
        }
    };
}

chart!(
    FunnelChartData,
    |data, _| data.bars.len() as f64 * FUNNEL_ROW_HEIGHT + 16.0,
    draw_funnel
);
chart!(TimelineData, timeline_height, draw_timeline);
chart!(ChannelChartData, channel_chart_height, draw_channels);
chart!(TreeChartData, tree_height, draw_tree);
chart!(
    DistributionData,
    |_, width| risk_chart_height(width),
    draw_distribution
);
chart!(
    ReachCurveData,
    |_, width| risk_chart_height(width),
    draw_reach_curve
);
chart!(TornadoData, tornado_height, draw_tornado);
