//! A plot frame in device pixels shared by the Risk charts: margins, scales from data to pixels,
//! and the few strokes and labels they all draw.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Text};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBColor};

use crate::common::{px, text_style};

pub(crate) type Res<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The plotting rectangle in device px and the CSS → device factor.
#[derive(Clone, Copy)]
pub(crate) struct Frame<'a> {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub scale: f64,
    pub family: FontFamily<'a>,
}

impl Frame<'_> {
    /// x in device px for `v` in [lo, hi].
    pub fn x(&self, v: f64, lo: f64, hi: f64) -> f64 {
        let span = if hi > lo { hi - lo } else { 1.0 };
        self.left + (v - lo) / span * (self.right - self.left)
    }

    /// y in device px for a share in [0, 1] (0 at the bottom).
    pub fn y(&self, share: f64) -> f64 {
        self.bottom - share.clamp(0.0, 1.0) * (self.bottom - self.top)
    }

    pub fn line<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        points: &[(f64, f64)],
        color: RGBColor,
        width_css: f64,
    ) -> Res<DB> {
        let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        area.draw(&PathElement::new(
            pts,
            color.stroke_width((width_css * self.scale).round().max(1.0) as u32),
        ))
    }

    /// A dashed vertical line from `y0` to `y1` at `x`.
    pub fn dashed<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        x: f64,
        y0: f64,
        y1: f64,
        color: RGBColor,
    ) -> Res<DB> {
        let dash = 5.0 * self.scale;
        let mut y = y0.min(y1);
        let end = y0.max(y1);
        while y < end {
            self.line(area, &[(x, y), (x, (y + dash).min(end))], color, 1.5)?;
            y += dash * 2.0;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        body: &str,
        at: (f64, f64),
        font_css: f64,
        color: RGBColor,
        anchor: (HPos, VPos),
        bold: bool,
    ) -> Res<DB> {
        if body.trim().is_empty() {
            return Ok(());
        }
        let style = text_style(
            self.family,
            font_css * self.scale,
            if bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
            color,
            anchor,
        );
        area.draw(&Text::new(body.to_string(), (px(at.0), px(at.1)), style))
    }
}

/// `n` with thousands separators, as both languages write counts in charts.
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// About `count` round tick values from `lo` to `hi` (1, 2 or 5 × a power of ten apart).
pub(crate) fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if hi <= lo || !lo.is_finite() || !hi.is_finite() {
        return vec![lo];
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(power * 10.0)
        .max(1.0);
    let mut v = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while v <= hi + 1e-9 && out.len() < 20 {
        out.push(v);
        v += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_picks_round_ticks() {
        assert_eq!(group(333_334), "333,334");
        assert_eq!(group(20), "20");
        assert_eq!(ticks(0.0, 40.0, 4), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(ticks(3.0, 9.0, 3), vec![4.0, 6.0, 8.0]);
    }
}
