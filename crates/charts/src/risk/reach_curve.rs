//! The chance of reaching the target against the top-stage count: a rising curve, the 80 % and
//! 90 % points and the plan's own count marked on it.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Circle;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor, WHITE};

use super::canvas::{group, ticks, Frame, Res};
use super::distribution::REACH;
use crate::common::{font_family, px, sanitize_scale, DARK_TEXT, MUTED_TEXT, RULE};

/// A marked point, e.g. ("90 %", 412 entries, 0.9).
#[derive(Debug, Clone, PartialEq)]
pub struct CurveMark {
    pub label: String,
    pub count: u64,
    pub reach: f64,
    /// The plan's own point is drawn hollow, the confidence points filled.
    pub plan: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReachCurveData {
    /// (top-stage count, P(reach)), rising counts.
    pub points: Vec<(u64, f64)>,
    pub marks: Vec<CurveMark>,
    pub scale: f64,
    pub font_family: String,
}

/// Indigo-700 for the confidence points.
const MARK: RGBColor = RGBColor(0x43, 0x38, 0xca);

pub fn draw_reach_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ReachCurveData,
) -> Res<DB> {
    area.fill(&WHITE)?;
    let s = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let points: Vec<(u64, f64)> = data
        .points
        .iter()
        .copied()
        .filter(|(_, p)| p.is_finite())
        .collect();
    if points.len() < 2 || w < 60.0 || h < 60.0 {
        return Ok(());
    }
    let lo = points.first().map_or(0, |p| p.0) as f64;
    let hi = points.last().map_or(1, |p| p.0) as f64;
    let f = Frame {
        left: 44.0 * s,
        right: w - 16.0 * s,
        top: 14.0 * s,
        bottom: h - 30.0 * s,
        scale: s,
        family: font_family(&data.font_family),
    };
    for pct in [0u32, 50, 80, 90, 100] {
        let y = f.y(f64::from(pct) / 100.0);
        f.line(area, &[(f.left, y), (f.right, y)], RULE, 1.0)?;
        f.text(
            area,
            &format!("{pct}%"),
            (f.left - 6.0 * s, y),
            11.0,
            MUTED_TEXT,
            (HPos::Right, VPos::Center),
            false,
        )?;
    }
    for t in ticks(lo, hi, ((w / s) / 110.0).max(2.0) as usize) {
        let x = f.x(t, lo, hi);
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
    let line: Vec<(f64, f64)> = points
        .iter()
        .map(|(n, p)| (f.x(*n as f64, lo, hi), f.y(*p)))
        .collect();
    f.line(area, &line, REACH, 2.5)?;
    for (i, m) in data.marks.iter().enumerate() {
        let (x, y) = (f.x(m.count as f64, lo, hi), f.y(m.reach));
        let r = (4.5 * s).round() as i32;
        let color = if m.plan { DARK_TEXT } else { MARK };
        if m.plan {
            area.draw(&Circle::new(
                (px(x), px(y)),
                r,
                color.stroke_width(s.max(1.0) as u32 * 2),
            ))?;
        } else {
            area.draw(&Circle::new((px(x), px(y)), r, color.filled()))?;
        }
        // Labels alternate sides so neighbouring points do not print over each other.
        let right_side = x < (f.left + f.right) / 2.0 || i % 2 == 1;
        let (anchor, dx) = if right_side {
            (HPos::Left, 8.0 * s)
        } else {
            (HPos::Right, -8.0 * s)
        };
        let dy = if m.plan { 12.0 } else { -12.0 } * s;
        f.text(
            area,
            &m.label,
            (x + dx, y + dy),
            12.0,
            color,
            (anchor, VPos::Center),
            true,
        )?;
    }
    Ok(())
}
