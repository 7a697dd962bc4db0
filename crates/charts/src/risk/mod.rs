//! The Risk view's charts: the distribution of won deals, the chance of reaching the target
//! against the top-stage count, and the tornado of revenue swings. Each takes numbers and
//! labels the model and the page already computed and worded.

mod canvas;
pub mod distribution;
pub mod reach_curve;
pub mod tornado;

pub use distribution::{draw_distribution, DistributionData, Marker};
pub use reach_curve::{draw_reach_curve, CurveMark, ReachCurveData};
pub use tornado::{draw_tornado, tornado_height, TornadoBar, TornadoData};

/// Height in CSS px of the distribution and curve charts at `width` CSS px.
pub fn risk_chart_height(width: f64) -> f64 {
    if width < 480.0 {
        230.0
    } else {
        260.0
    }
}
