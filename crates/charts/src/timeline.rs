//! Monthly phasing timeline: small multiples, one band per funnel stage, one bar per month.
//!
//! Each band is scaled to its own maximum. Stage counts run from thousands of visits down to
//! tens of deals, so on one shared axis every band below the first would be flat; what a
//! reader wants from this chart is *when* each stage peaks, not how the stages compare.
//!
//! Layout is computed in CSS px (so [`timeline_height`] and the drawing agree) and multiplied
//! by the device-pixel ratio only when drawing.
//!
//! Longer than 500 lines with its tests (at the end), which check the layout band by band.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle, Text};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBColor, WHITE};

use crate::common::{
    ellipsize, font_family, positive_or_zero, px, sanitize_scale, text_style, DARK_TEXT,
    MUTED_TEXT, RULE,
};
use crate::funnel::estimate_text_width;
use crate::palette::stage_color;

/// One funnel stage: a band of monthly bars.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// Stage name, e.g. "リード".
    pub label: String,
    /// One count per month, oldest first. Non-finite or negative counts draw no bar; missing
    /// months draw nothing and extra values are ignored.
    pub values: Vec<f64>,
    /// Pre-formatted `values`, e.g. "1,234" (formatting is the caller's locale business).
    pub value_labels: Vec<String>,
    /// Index into [`stage_color`], so the band matches the stage elsewhere on the page.
    pub color_index: usize,
}

/// Everything [`draw_timeline`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineData {
    /// Column labels, oldest first, e.g. "2月" or "Feb".
    pub months: Vec<String>,
    /// Months before this index must already be in the pipeline when the period starts;
    /// they are shaded. 0 shades nothing; beyond the last month shades everything.
    pub first_in_period: usize,
    /// Written over the shaded months, e.g. "期首までに必要".
    pub before_label: String,
    /// One band per stage, top of the funnel first.
    pub rows: Vec<TimelineRow>,
    /// Device-pixel ratio; every size in CSS px is multiplied by it.
    pub scale: f64,
    /// CSS font-family stack, handed to the backend unchanged.
    pub font_family: String,
}

// Sizes below are CSS px.
const MARGIN: f64 = 8.0;
/// Below this width the stage names move onto their own line above each band: a name column
/// would take a third of a phone screen away from the months.
const NARROW_BELOW: f64 = 480.0;
const LABEL_FONT: f64 = 13.0;
const SMALL_FONT: f64 = 11.0;
/// Squeezed into a short area, text shrinks to this and no further.
const FONT_FLOOR: f64 = 8.0;
const HEADER_H: f64 = 22.0;
const NAME_LINE_H: f64 = 18.0;
const VALUE_LINE_H: f64 = 14.0;
const BAR_AREA_H: f64 = 32.0;
const ROW_GAP: f64 = 8.0;
const MONTH_LINE_H: f64 = 20.0;
const TEXT_PAD: f64 = 6.0;
const MAX_BAR_W: f64 = 40.0;
/// Bars fill this share of their column; the rest separates neighbouring months.
const BAR_TO_COLUMN: f64 = 0.72;
/// A count far below its row's maximum still gets a visible sliver, so "some" never looks
/// like "none".
const MIN_BAR_H: f64 = 2.0;

/// Slate-100: marks the months before the period without competing with the bars.
const BEFORE_SHADE: RGBColor = RGBColor(0xf1, 0xf5, 0xf9);
/// Slate-400: the line where the period starts (≥ 3:1 against white, as a boundary should be).
const PERIOD_LINE: RGBColor = RGBColor(0x94, 0xa3, 0xb8);

/// Height in CSS px the timeline wants at `width_css`, so the page can size its canvas.
pub fn timeline_height(data: &TimelineData, width_css: f64) -> f64 {
    Plan::new(data, width_css).height()
}

/// Draws the timeline into `area`, filling it with a white background first.
///
/// Never panics on odd input: non-finite or negative counts, ragged rows, an out-of-range
/// `first_in_period`, a non-positive scale or a tiny area all still draw something sensible
/// (or just the background). An area shorter than [`timeline_height`] squeezes the bands.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TimelineData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let scale = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let plan = Plan::new(data, w / scale);
    if plan.columns == 0 || data.rows.is_empty() || w < 2.0 || h < 2.0 {
        return Ok(());
    }
    let squeeze = (h / (plan.height() * scale)).min(1.0);
    let d = Device {
        plan,
        x: scale,
        y: scale * squeeze,
        font: |css: f64| (css * squeeze).max(FONT_FLOOR.min(css)) * scale,
        family: font_family(&data.font_family),
    };
    d.draw_shading(area, data)?;
    for (i, row) in data.rows.iter().enumerate() {
        d.draw_row(area, i, row)?;
    }
    d.draw_months(area, data)
}

/// The layout in CSS px.
#[derive(Debug, Clone, Copy)]
struct Plan {
    width: f64,
    rows: usize,
    columns: usize,
    /// Months shaded as "before the period" (≤ `columns`).
    before: usize,
    narrow: bool,
    header_h: f64,
    /// Left edge of the first month column.
    plot_left: f64,
    /// Width available to stage names in the wide layout.
    name_w: f64,
}

impl Plan {
    fn new(data: &TimelineData, width_css: f64) -> Self {
        let width = if width_css.is_finite() {
            width_css.max(0.0)
        } else {
            0.0
        };
        let longest_row = data.rows.iter().map(|r| r.values.len()).max().unwrap_or(0);
        let columns = if data.months.is_empty() {
            longest_row
        } else {
            data.months.len()
        };
        let before = data.first_in_period.min(columns);
        let narrow = width < NARROW_BELOW;
        let widest_name = data
            .rows
            .iter()
            .map(|r| estimate_text_width(r.label.trim(), LABEL_FONT))
            .fold(0.0, f64::max);
        let name_w = if narrow {
            (width - 2.0 * MARGIN).max(0.0)
        } else {
            widest_name.clamp(48.0, width * 0.25)
        };
        let plot_left = if narrow {
            MARGIN
        } else {
            MARGIN + name_w + TEXT_PAD * 2.0
        };
        let header_h = if before > 0 && !data.before_label.trim().is_empty() {
            HEADER_H
        } else {
            0.0
        };
        Self {
            width,
            rows: data.rows.len(),
            columns,
            before,
            narrow,
            header_h,
            plot_left,
            name_w,
        }
    }

    fn row_h(&self) -> f64 {
        let name = if self.narrow { NAME_LINE_H } else { 0.0 };
        name + VALUE_LINE_H + BAR_AREA_H + ROW_GAP
    }

    fn height(&self) -> f64 {
        if self.rows == 0 || self.columns == 0 {
            return 2.0 * MARGIN;
        }
        2.0 * MARGIN + self.header_h + self.rows as f64 * self.row_h() + MONTH_LINE_H
    }

    fn plot_right(&self) -> f64 {
        (self.width - MARGIN).max(self.plot_left)
    }

    fn column_w(&self) -> f64 {
        (self.plot_right() - self.plot_left) / self.columns.max(1) as f64
    }

    fn column_x(&self, i: usize) -> f64 {
        self.plot_left + i as f64 * self.column_w()
    }

    fn row_top(&self, i: usize) -> f64 {
        MARGIN + self.header_h + i as f64 * self.row_h()
    }

    /// Bottom of row `i`'s bars.
    fn baseline(&self, i: usize) -> f64 {
        self.row_top(i) + self.row_h() - ROW_GAP
    }

    fn rows_bottom(&self) -> f64 {
        self.row_top(self.rows)
    }
}

/// The plan in device px: `x` and `y` turn CSS px into device px (they differ only when the
/// area is too short and the bands are squeezed).
struct Device<'a, F: Fn(f64) -> f64> {
    plan: Plan,
    x: f64,
    y: f64,
    font: F,
    family: FontFamily<'a>,
}

impl<F: Fn(f64) -> f64> Device<'_, F> {
    fn draw_shading<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        data: &TimelineData,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        if p.before == 0 {
            return Ok(());
        }
        let (x0, x1) = (p.plot_left * self.x, p.column_x(p.before) * self.x);
        let (y0, y1) = (MARGIN * self.y, (p.rows_bottom() + MONTH_LINE_H) * self.y);
        area.draw(&Rectangle::new(
            [(px(x0), px(y0)), (px(x1), px(y1))],
            BEFORE_SHADE.filled(),
        ))?;
        if p.before < p.columns {
            // Starts below the header: a before-label too wide for the shaded months spills
            // across this line, and a line through text reads as strike-through.
            let line_top = (MARGIN + p.header_h) * self.y;
            area.draw(&PathElement::new(
                vec![(px(x1), px(line_top)), (px(x1), px(y1))],
                PERIOD_LINE.stroke_width(stroke(self.x)),
            ))?;
        }
        if p.header_h > 0.0 {
            self.draw_before_label(area, &data.before_label, (x0, x1))?;
        }
        Ok(())
    }

    /// Centred over the shaded months when it fits there; otherwise it ends at the period
    /// line and borrows the empty header space to its left, and only then is it cut short.
    fn draw_before_label<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        label: &str,
        (x0, x1): (f64, f64),
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font_px = (self.font)(SMALL_FONT);
        let pad = TEXT_PAD * self.x;
        let y = px((MARGIN + HEADER_H / 2.0) * self.y);
        let natural = estimate_text_width(label.trim(), font_px);
        let (text, x, anchor) = if natural <= x1 - x0 - 2.0 * pad {
            (label.trim().to_string(), (x0 + x1) / 2.0, HPos::Center)
        } else if natural <= x1 - pad - MARGIN * self.x {
            (label.trim().to_string(), x1 - pad, HPos::Right)
        } else {
            let room = self.plan.plot_right() * self.x - x0 - pad;
            (ellipsize(label, font_px, room), x0 + pad, HPos::Left)
        };
        let style = text_style(
            self.family,
            font_px,
            FontStyle::Bold,
            MUTED_TEXT,
            (anchor, VPos::Center),
        );
        area.draw(&Text::new(text, (px(x), y), style))
    }

    fn draw_row<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        index: usize,
        row: &TimelineRow,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        let baseline = p.baseline(index) * self.y;
        let (left, right) = (p.plot_left * self.x, p.plot_right() * self.x);
        area.draw(&PathElement::new(
            vec![(px(left), px(baseline)), (px(right), px(baseline))],
            RULE.stroke_width(stroke(self.x)),
        ))?;
        self.draw_row_name(area, index, row)?;

        let values: Vec<f64> = (0..p.columns)
            .map(|c| row.values.get(c).copied().map_or(0.0, positive_or_zero))
            .collect();
        let max = values.iter().copied().fold(0.0, f64::max);
        let column_w = p.column_w() * self.x;
        let bar_w = (column_w * BAR_TO_COLUMN).min(MAX_BAR_W * self.x).max(1.0);
        let color = stage_color(row.color_index);
        let mut tops = Vec::with_capacity(p.columns);
        for (c, &v) in values.iter().enumerate() {
            let centre = (p.column_x(c) + p.column_w() / 2.0) * self.x;
            let h = if max > 0.0 && v > 0.0 {
                (v / max * BAR_AREA_H).max(MIN_BAR_H) * self.y
            } else {
                0.0
            };
            let x0 = px(centre - bar_w / 2.0);
            let (top, bottom) = (px(baseline - h), px(baseline));
            if top < bottom {
                let corners = [(x0, top), (x0 + px(bar_w).max(1), bottom)];
                area.draw(&Rectangle::new(corners, color.filled()))?;
            }
            tops.push((centre, baseline - h));
        }
        self.draw_value_labels(area, row, &values, &tops, column_w)
    }

    fn draw_row_name<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        index: usize,
        row: &TimelineRow,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        let font_px = (self.font)(LABEL_FONT);
        let text = ellipsize(&row.label, font_px, p.name_w * self.x);
        let y = if p.narrow {
            (p.row_top(index) + NAME_LINE_H / 2.0) * self.y
        } else {
            (p.baseline(index) - BAR_AREA_H / 2.0) * self.y
        };
        let style = text_style(
            self.family,
            font_px,
            FontStyle::Bold,
            DARK_TEXT,
            (HPos::Left, VPos::Center),
        );
        area.draw(&Text::new(text, (px(MARGIN * self.x), px(y)), style))
    }

    /// Every month's count when they all fit their columns; otherwise only the row's peak,
    /// which is the number a reader looks for first, allowed to spill over its neighbours.
    fn draw_value_labels<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        row: &TimelineRow,
        values: &[f64],
        tops: &[(f64, f64)],
        column_w: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font_px = (self.font)(SMALL_FONT);
        let labels: Vec<(usize, &str)> = (0..values.len())
            .filter_map(|c| {
                let label = row.value_labels.get(c)?.trim();
                (!label.is_empty()).then_some((c, label))
            })
            .collect();
        let all_fit = labels
            .iter()
            .all(|(_, l)| estimate_text_width(l, font_px) <= column_w - 2.0 * self.x);
        let peak = values
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .fold(None, |best: Option<(usize, f64)>, (c, &v)| match best {
                Some((_, b)) if b >= v => best,
                _ => Some((c, v)),
            })
            .map(|(c, _)| c);
        let (left, right) = (
            self.plan.plot_left * self.x,
            self.plan.plot_right() * self.x,
        );
        for (c, label) in labels {
            if !all_fit && Some(c) != peak {
                continue;
            }
            let (centre, top) = tops[c];
            let half = estimate_text_width(label, font_px) / 2.0;
            // Keep a spilled peak label inside the plot rather than off the canvas edge.
            let x = centre.min(right - half).max(left + half);
            let style = text_style(
                self.family,
                font_px,
                FontStyle::Normal,
                DARK_TEXT,
                (HPos::Center, VPos::Bottom),
            );
            let pos = (px(x), px(top - 2.0 * self.y));
            area.draw(&Text::new(label, pos, style))?;
        }
        Ok(())
    }

    /// Thinned to every n-th month when the labels would collide, counting from the first
    /// month of the period so that month is always named.
    fn draw_months<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        data: &TimelineData,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        let font_px = (self.font)(SMALL_FONT);
        let column_w = p.column_w() * self.x;
        let widest = data
            .months
            .iter()
            .map(|m| estimate_text_width(m.trim(), font_px))
            .fold(0.0, f64::max);
        let step = if column_w > 0.0 {
            ((widest + 4.0 * self.x) / column_w).ceil().max(1.0) as usize
        } else {
            usize::MAX
        };
        let anchor = p.before.min(p.columns.saturating_sub(1));
        let y = px((p.rows_bottom() + MONTH_LINE_H / 2.0) * self.y);
        for (c, month) in data.months.iter().enumerate().take(p.columns) {
            if c.abs_diff(anchor) % step != 0 {
                continue;
            }
            let centre = (p.column_x(c) + p.column_w() / 2.0) * self.x;
            let style = text_style(
                self.family,
                font_px,
                FontStyle::Normal,
                MUTED_TEXT,
                (HPos::Center, VPos::Center),
            );
            area.draw(&Text::new(month.trim(), (px(centre), y), style))?;
        }
        Ok(())
    }
}

/// Hairlines scale with the device-pixel ratio so they look the same on every screen.
fn stroke(scale: f64) -> u32 {
    scale.round().max(1.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(months: usize, rows: usize) -> TimelineData {
        TimelineData {
            months: (0..months).map(|m| format!("{}月", m + 1)).collect(),
            first_in_period: 2,
            before_label: "期首までに必要".into(),
            rows: (0..rows)
                .map(|r| TimelineRow {
                    label: format!("Stage {r}"),
                    values: vec![1.0; months],
                    value_labels: vec!["1".into(); months],
                    color_index: r,
                })
                .collect(),
            scale: 1.0,
            font_family: String::new(),
        }
    }

    #[test]
    fn height_grows_with_rows() {
        let three = timeline_height(&data(12, 3), 800.0);
        let six = timeline_height(&data(12, 6), 800.0);
        assert!(six > three);
        assert!((six - three - 3.0 * Plan::new(&data(12, 6), 800.0).row_h()).abs() < 1e-9);
    }

    #[test]
    fn narrow_layout_puts_names_on_their_own_line() {
        let d = data(15, 6);
        assert!(timeline_height(&d, 375.0) > timeline_height(&d, 1000.0));
        assert!(Plan::new(&d, 375.0).narrow);
        assert_eq!(Plan::new(&d, 375.0).plot_left, MARGIN);
        assert!(Plan::new(&d, 1000.0).plot_left > MARGIN);
    }

    #[test]
    fn header_only_when_something_is_shaded_and_named() {
        let mut d = data(6, 2);
        assert_eq!(Plan::new(&d, 800.0).header_h, HEADER_H);
        d.first_in_period = 0;
        assert_eq!(Plan::new(&d, 800.0).header_h, 0.0);
        d.first_in_period = 99;
        assert_eq!(Plan::new(&d, 800.0).before, 6);
        d.before_label = " ".into();
        assert_eq!(Plan::new(&d, 800.0).header_h, 0.0);
    }

    #[test]
    fn height_is_finite_for_any_width() {
        let d = data(3, 2);
        for w in [f64::NAN, f64::INFINITY, -5.0, 0.0, 1e9] {
            let h = timeline_height(&d, w);
            assert!(h.is_finite() && h > 0.0, "{w}: {h}");
        }
        assert_eq!(timeline_height(&data(0, 0), 500.0), 2.0 * MARGIN);
    }
}
