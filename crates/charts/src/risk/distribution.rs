//! The distribution of won deals: one bar per count, the counts that reach the target in the
//! accent colour, the target as a dashed line, and P10 / P50 / P90 marked under the axis.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor, WHITE};

use super::canvas::{group, ticks, Frame, Res};
use crate::common::{font_family, px, sanitize_scale, DARK_TEXT, MUTED_TEXT, RULE};

/// Teal-700: counts that reach the target (4.9:1 on white).
pub(crate) const REACH: RGBColor = RGBColor(0x0f, 0x76, 0x6e);
/// Slate-400: counts that fall short.
pub(crate) const SHORT: RGBColor = RGBColor(0x94, 0xa3, 0xb8);
/// Red-700: the target line.
pub(crate) const TARGET: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);

/// A marked count under the axis, e.g. ("P50", 20).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub label: String,
    pub at: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionData {
    /// (won deals, probability), consecutive counts.
    pub bars: Vec<(u64, f64)>,
    pub target: u64,
    /// The target line's label, e.g. "目標 20件".
    pub target_label: String,
    /// P10, P50, P90.
    pub markers: Vec<Marker>,
    pub scale: f64,
    pub font_family: String,
}

/// Draws the distribution into `area` (white background first). Never panics on odd data.
pub fn draw_distribution<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &DistributionData,
) -> Res<DB> {
    area.fill(&WHITE)?;
    let s = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let bars: Vec<(u64, f64)> = data
        .bars
        .iter()
        .copied()
        .filter(|(_, p)| p.is_finite() && *p >= 0.0)
        .collect();
    let top = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    if bars.is_empty() || top <= 0.0 || w < 40.0 || h < 60.0 {
        return Ok(());
    }
    // Hide the far tails nobody could see, but keep the target inside the view.
    let visible: Vec<(u64, f64)> = bars.into_iter().filter(|b| b.1 >= top * 2e-3).collect();
    let lo = visible.first().map_or(0, |b| b.0).min(data.target);
    let hi = visible.last().map_or(0, |b| b.0).max(data.target);
    let f = Frame {
        left: 12.0 * s,
        right: w - 12.0 * s,
        top: 26.0 * s,
        bottom: h - 58.0 * s,
        scale: s,
        family: font_family(&data.font_family),
    };
    let (lo_f, hi_f) = (lo as f64 - 0.5, hi as f64 + 0.5);
    let slot = (f.right - f.left) / (hi_f - lo_f);
    let gap = if slot > 6.0 * s { slot * 0.15 } else { 0.0 };
    for (k, p) in &visible {
        let x0 = f.x(*k as f64 - 0.5, lo_f, hi_f) + gap / 2.0;
        let x1 = f.x(*k as f64 + 0.5, lo_f, hi_f) - gap / 2.0;
        let color = if *k >= data.target { REACH } else { SHORT };
        area.draw(&Rectangle::new(
            [
                (px(x0), px(f.y(p / top))),
                (px(x1.max(x0 + 1.0)), px(f.bottom)),
            ],
            color.filled(),
        ))?;
    }
    f.line(area, &[(f.left, f.bottom), (f.right, f.bottom)], RULE, 1.0)?;
    for t in ticks(lo as f64, hi as f64, ((w / s) / 90.0).max(2.0) as usize) {
        let x = f.x(t, lo_f, hi_f);
        f.line(
            area,
            &[(x, f.bottom), (x, f.bottom + 4.0 * s)],
            MUTED_TEXT,
            1.0,
        )?;
        f.text(
            area,
            &group(t as u64),
            (x, f.bottom + 6.0 * s),
            11.0,
            MUTED_TEXT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    // P10 / P50 / P90 on a line of their own under the ticks.
    let marks_y = f.bottom + 26.0 * s;
    for m in &data.markers {
        let x = f.x(m.at as f64, lo_f, hi_f);
        f.line(
            area,
            &[(x, marks_y - 3.0 * s), (x, marks_y + 3.0 * s)],
            DARK_TEXT,
            2.0,
        )?;
        f.text(
            area,
            &format!("{} {}", m.label, group(m.at)),
            (x, marks_y + 5.0 * s),
            11.0,
            DARK_TEXT,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    let tx = f.x(data.target as f64 - 0.5, lo_f, hi_f);
    f.dashed(area, tx, f.top - 4.0 * s, f.bottom, TARGET)?;
    let (anchor, nudge) = if tx > (f.left + f.right) / 2.0 {
        (HPos::Right, -4.0 * s)
    } else {
        (HPos::Left, 4.0 * s)
    };
    f.text(
        area,
        &data.target_label,
        (tx + nudge, 6.0 * s),
        12.0,
        TARGET,
        (anchor, VPos::Top),
        true,
    )?;
    Ok(())
}
