//! The tornado: for each input, expected revenue with the input at the low and at the high end
//! of its plausible range, as a bar around today's revenue; widest swing on top.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor, WHITE};

use super::canvas::{Frame, Res};
use crate::common::{ellipsize, font_family, px, sanitize_scale, DARK_TEXT, MUTED_TEXT};
use crate::funnel::estimate_text_width;

/// Red-700 (5.9:1): the part of a bar below today's revenue.
pub(crate) const LOSS: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);
/// Teal-700: the part above it.
pub(crate) const GAIN: RGBColor = RGBColor(0x0f, 0x76, 0x6e);

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// What varies and over what, e.g. "受注率 20%〜30%".
    pub label: String,
    /// Revenue with the input at its low end and at its high end.
    pub low: f64,
    pub high: f64,
    /// Those revenues worded, e.g. "¥8,000万".
    pub low_label: String,
    pub high_label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoData {
    /// Widest first.
    pub bars: Vec<TornadoBar>,
    /// Today's expected revenue, and its label, e.g. "現在 ¥1億".
    pub base: f64,
    pub base_label: String,
    pub scale: f64,
    pub font_family: String,
}

const ROW: f64 = 34.0;
const HEAD: f64 = 26.0;
const NARROW_BELOW: f64 = 520.0;

/// Height in CSS px at `width` CSS px: on phones each label sits on its own line above its bar.
pub fn tornado_height(data: &TornadoData, width: f64) -> f64 {
    let per = if width < NARROW_BELOW {
        ROW + 18.0
    } else {
        ROW
    };
    HEAD + data.bars.len() as f64 * per + 12.0
}

pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TornadoData,
) -> Res<DB> {
    area.fill(&WHITE)?;
    let s = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, _h) = (f64::from(w), f64::from(h));
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    if data.bars.is_empty() || w < 60.0 {
        return Ok(());
    }
    let css_w = w / s;
    let narrow = css_w < NARROW_BELOW;
    let label_w = if narrow {
        0.0
    } else {
        data.bars
            .iter()
            .map(|b| estimate_text_width(&b.label, 12.0))
            .fold(0.0, f64::max)
            .min(css_w * 0.34)
    };
    // Room on each side for the longest end label, so a long amount is never cut at the edge.
    let value_room = data
        .bars
        .iter()
        .flat_map(|b| [&b.low_label, &b.high_label])
        .map(|t| estimate_text_width(t, 11.0) + 8.0)
        .fold(40.0, f64::max)
        .min(css_w * 0.3);
    let f = Frame {
        left: (12.0 + label_w + 10.0 + value_room) * s,
        right: w - value_room * s,
        top: HEAD * s,
        bottom: 0.0,
        scale: s,
        family: font_family(&data.font_family),
    };
    let base = finite(data.base);
    let lo = data
        .bars
        .iter()
        .map(|b| finite(b.low).min(finite(b.high)))
        .fold(base, f64::min);
    let hi = data
        .bars
        .iter()
        .map(|b| finite(b.low).max(finite(b.high)))
        .fold(base, f64::max);
    let per = if narrow { ROW + 18.0 } else { ROW } * s;
    let bx = f.x(base, lo, hi);
    for (i, b) in data.bars.iter().enumerate() {
        let row_top = f.top + i as f64 * per;
        let bar_top = row_top + if narrow { 18.0 * s } else { 7.0 * s };
        let bar_bottom = bar_top + 20.0 * s;
        let label = if narrow {
            ellipsize(&b.label, 12.0, css_w - 24.0)
        } else {
            ellipsize(&b.label, 12.0, label_w)
        };
        let label_at = if narrow {
            (12.0 * s, row_top + 2.0 * s)
        } else {
            (12.0 * s, (bar_top + bar_bottom) / 2.0)
        };
        let vpos = if narrow { VPos::Top } else { VPos::Center };
        f.text(
            area,
            &label,
            label_at,
            12.0,
            DARK_TEXT,
            (HPos::Left, vpos),
            false,
        )?;
        let (x_low, x_high) = (f.x(finite(b.low), lo, hi), f.x(finite(b.high), lo, hi));
        let (left, right) = (x_low.min(x_high), x_low.max(x_high));
        if left < bx {
            area.draw(&Rectangle::new(
                [
                    (px(left), px(bar_top)),
                    (px(bx.min(right).max(left + 1.0)), px(bar_bottom)),
                ],
                LOSS.filled(),
            ))?;
        }
        if right > bx {
            area.draw(&Rectangle::new(
                [
                    (px(bx.max(left)), px(bar_top)),
                    (px(right.max(left + 1.0)), px(bar_bottom)),
                ],
                GAIN.filled(),
            ))?;
        }
        let mid = (bar_top + bar_bottom) / 2.0;
        let (left_label, right_label) = if x_low <= x_high {
            (&b.low_label, &b.high_label)
        } else {
            (&b.high_label, &b.low_label)
        };
        f.text(
            area,
            left_label,
            (left - 4.0 * s, mid),
            11.0,
            MUTED_TEXT,
            (HPos::Right, VPos::Center),
            false,
        )?;
        f.text(
            area,
            right_label,
            (right + 4.0 * s, mid),
            11.0,
            MUTED_TEXT,
            (HPos::Left, VPos::Center),
            false,
        )?;
    }
    let bottom = f.top + data.bars.len() as f64 * per;
    f.line(area, &[(bx, f.top - 4.0 * s), (bx, bottom)], DARK_TEXT, 1.5)?;
    f.text(
        area,
        &data.base_label,
        (bx, 6.0 * s),
        12.0,
        DARK_TEXT,
        (HPos::Center, VPos::Top),
        true,
    )?;
    Ok(())
}
