//! Channel mix: leads and budget per channel as two horizontal bar panels that share the
//! channel names, side by side on wide screens and stacked on phones.
//!
//! Each panel has its own linear scale: leads and yen have nothing in common, and what the
//! reader compares is a channel's share of leads against its share of budget.
//!
//! Longer than 500 lines with its tests (at the end): the two panels share one layout.

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
use crate::palette::{channel_color, channel_text_color};

/// One channel (one row of the channel table).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelBar {
    /// Channel name, e.g. "展示会".
    pub label: String,
    /// Non-finite or negative draws no bar.
    pub leads: f64,
    /// Pre-formatted `leads`, e.g. "120".
    pub leads_label: String,
    /// Non-finite or negative draws no bar.
    pub budget: f64,
    /// Pre-formatted `budget`, e.g. "¥300万".
    pub budget_label: String,
    /// A secondary fact under the name, e.g. "CPA ¥50万"; empty for none.
    pub extra_label: String,
    /// Index into [`channel_color`].
    pub color_index: usize,
}

/// Everything [`draw_channels`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelChartData {
    /// In table order, drawn top to bottom.
    pub bars: Vec<ChannelBar>,
    /// Title over the leads panel, e.g. "リード数".
    pub leads_title: String,
    /// Title over the budget panel, e.g. "予算".
    pub budget_title: String,
    /// Device-pixel ratio; every size in CSS px is multiplied by it.
    pub scale: f64,
    /// CSS font-family stack, handed to the backend unchanged.
    pub font_family: String,
}

// Sizes below are CSS px.
const MARGIN: f64 = 8.0;
/// Below this width two panels side by side would leave each bar too short to compare.
const NARROW_BELOW: f64 = 480.0;
const LABEL_FONT: f64 = 13.0;
const VALUE_FONT: f64 = 12.0;
const EXTRA_FONT: f64 = 11.0;
const FONT_FLOOR: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const ROW_H: f64 = 30.0;
/// Rows that also show an extra line under the name.
const ROW_H_EXTRA: f64 = 40.0;
const BAR_H: f64 = 18.0;
const PANEL_GAP_X: f64 = 24.0;
const PANEL_GAP_Y: f64 = 14.0;
const TEXT_PAD: f64 = 6.0;
/// Slate-50 behind every other row: enough to follow a row across, too faint to read as data.
const STRIPE: RGBColor = RGBColor(0xf8, 0xfa, 0xfc);
/// However long the value labels, bars keep at least this share of their panel.
const MIN_BAR_ROOM: f64 = 0.6;

/// Height in CSS px the chart wants at `width_css`, so the page can size its canvas.
pub fn channel_chart_height(data: &ChannelChartData, width_css: f64) -> f64 {
    Plan::new(data, width_css).height()
}

/// Draws the channel mix into `area`, filling it with a white background first.
///
/// Never panics on odd input: non-finite or negative amounts, all-zero panels, a
/// non-positive scale or a tiny area all still draw something sensible (or just the
/// background). An area shorter than [`channel_chart_height`] squeezes the rows.
pub fn draw_channels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChannelChartData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let scale = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let plan = Plan::new(data, w / scale);
    if data.bars.is_empty() || w < 2.0 || h < 2.0 {
        return Ok(());
    }
    let squeeze = (h / (plan.height() * scale)).min(1.0);
    let device = Device {
        x: scale,
        y: scale * squeeze,
        squeeze,
        family: font_family(&data.font_family),
    };
    let panels = plan.panels();
    for panel in panels.iter().filter(|p| p.names) {
        // Panels on the same line share the stripe, which leads the eye from a name to a
        // bar in the far panel.
        let right = panels
            .iter()
            .filter(|p| p.top == panel.top)
            .fold(panel.right, |r, p| r.max(p.right));
        device.draw_stripes(area, panel, data.bars.len(), right)?;
    }
    for panel in &panels {
        device.draw_panel(area, data, panel)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    Leads,
    Budget,
}

impl Measure {
    fn value(self, bar: &ChannelBar) -> f64 {
        positive_or_zero(match self {
            Self::Leads => bar.leads,
            Self::Budget => bar.budget,
        })
    }

    fn label(self, bar: &ChannelBar) -> &str {
        match self {
            Self::Leads => bar.leads_label.trim(),
            Self::Budget => bar.budget_label.trim(),
        }
    }
}

/// The layout in CSS px.
#[derive(Debug, Clone, Copy)]
struct Plan {
    width: f64,
    rows: usize,
    narrow: bool,
    any_extra: bool,
    /// Width of the channel-name column.
    name_w: f64,
}

/// One panel in CSS px: a title line, then one row per channel.
#[derive(Debug, Clone, Copy)]
struct Panel {
    measure: Measure,
    top: f64,
    left: f64,
    right: f64,
    row_h: f64,
    /// Draw channel names (and extras) at the left margin.
    names: bool,
    extras: bool,
}

impl Panel {
    fn rows_top(&self) -> f64 {
        self.top + TITLE_H
    }

    fn row_centre(&self, i: usize) -> f64 {
        self.rows_top() + (i as f64 + 0.5) * self.row_h
    }
}

impl Plan {
    fn new(data: &ChannelChartData, width_css: f64) -> Self {
        let width = if width_css.is_finite() {
            width_css.max(0.0)
        } else {
            0.0
        };
        let narrow = width < NARROW_BELOW;
        let widest = data
            .bars
            .iter()
            .map(|b| {
                estimate_text_width(b.label.trim(), LABEL_FONT)
                    .max(estimate_text_width(b.extra_label.trim(), EXTRA_FONT))
            })
            .fold(0.0, f64::max);
        let cap = width * if narrow { 0.36 } else { 0.24 };
        Self {
            width,
            rows: data.bars.len(),
            narrow,
            any_extra: data.bars.iter().any(|b| !b.extra_label.trim().is_empty()),
            name_w: widest.min(cap).max(0.0),
        }
    }

    fn bars_left(&self) -> f64 {
        MARGIN + self.name_w + TEXT_PAD * 2.0
    }

    fn right(&self) -> f64 {
        (self.width - MARGIN).max(self.bars_left())
    }

    fn row_h(&self, extras: bool) -> f64 {
        if extras && self.any_extra {
            ROW_H_EXTRA
        } else {
            ROW_H
        }
    }

    fn panels(&self) -> [Panel; 2] {
        let n = self.rows as f64;
        if self.narrow {
            let leads_h = TITLE_H + n * self.row_h(false);
            let (left, right) = (self.bars_left(), self.right());
            [
                Panel {
                    measure: Measure::Leads,
                    top: MARGIN,
                    left,
                    right,
                    row_h: self.row_h(false),
                    names: true,
                    extras: false,
                },
                // Cost facts such as CPA belong with the budget, so only that panel shows them.
                Panel {
                    measure: Measure::Budget,
                    top: MARGIN + leads_h + PANEL_GAP_Y,
                    left,
                    right,
                    row_h: self.row_h(true),
                    names: true,
                    extras: true,
                },
            ]
        } else {
            let panel_w = ((self.right() - self.bars_left() - PANEL_GAP_X) / 2.0).max(0.0);
            let row_h = self.row_h(true);
            let leads_left = self.bars_left();
            let budget_left = leads_left + panel_w + PANEL_GAP_X;
            [
                Panel {
                    measure: Measure::Leads,
                    top: MARGIN,
                    left: leads_left,
                    right: leads_left + panel_w,
                    row_h,
                    names: true,
                    extras: true,
                },
                Panel {
                    measure: Measure::Budget,
                    top: MARGIN,
                    left: budget_left,
                    right: budget_left + panel_w,
                    row_h,
                    names: false,
                    extras: false,
                },
            ]
        }
    }

    fn height(&self) -> f64 {
        if self.rows == 0 {
            return 2.0 * MARGIN;
        }
        let n = self.rows as f64;
        if self.narrow {
            2.0 * MARGIN + 2.0 * TITLE_H + n * (self.row_h(false) + self.row_h(true)) + PANEL_GAP_Y
        } else {
            2.0 * MARGIN + TITLE_H + n * self.row_h(true)
        }
    }
}

/// CSS → device px: `x` and `y` differ only when the area is too short and rows are squeezed.
struct Device<'a> {
    x: f64,
    y: f64,
    squeeze: f64,
    family: FontFamily<'a>,
}

impl Device<'_> {
    fn font(&self, css: f64) -> f64 {
        (css * self.squeeze).max(FONT_FLOOR.min(css)) * self.x
    }

    fn draw_stripes<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        panel: &Panel,
        rows: usize,
        right: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        for i in (1..rows).step_by(2) {
            let top = panel.rows_top() + i as f64 * panel.row_h;
            let corners = [
                (px(MARGIN * self.x / 2.0), px(top * self.y)),
                (px(right * self.x), px((top + panel.row_h) * self.y)),
            ];
            area.draw(&Rectangle::new(corners, STRIPE.filled()))?;
        }
        Ok(())
    }

    fn draw_panel<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        data: &ChannelChartData,
        panel: &Panel,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let title = match panel.measure {
            Measure::Leads => &data.leads_title,
            Measure::Budget => &data.budget_title,
        };
        let title_font = self.font(LABEL_FONT);
        let room = (panel.right - panel.left) * self.x;
        let style = text_style(
            self.family,
            title_font,
            FontStyle::Bold,
            DARK_TEXT,
            (HPos::Left, VPos::Center),
        );
        let pos = (
            px(panel.left * self.x),
            px((panel.top + TITLE_H / 2.0) * self.y),
        );
        area.draw(&Text::new(ellipsize(title, title_font, room), pos, style))?;

        let (top, bottom) = (
            panel.rows_top() * self.y,
            (panel.rows_top() + data.bars.len() as f64 * panel.row_h) * self.y,
        );
        let axis_x = px(panel.left * self.x);
        area.draw(&PathElement::new(
            vec![(axis_x, px(top)), (axis_x, px(bottom))],
            RULE.stroke_width(self.x.round().max(1.0) as u32),
        ))?;

        let max = data
            .bars
            .iter()
            .map(|b| panel.measure.value(b))
            .fold(0.0, f64::max);
        let value_font = self.font(VALUE_FONT);
        let pad = TEXT_PAD * self.x;
        // The longest bar length at which every label still fits after its bar, but never so
        // short that the bars stop being comparable; labels that then do not fit go inside.
        let bar_room = data
            .bars
            .iter()
            .filter(|b| panel.measure.value(b) > 0.0)
            .map(|b| {
                let label_w = estimate_text_width(panel.measure.label(b), value_font);
                // One spare px so rounding the bar end cannot push its label inside.
                (room - pad - label_w - self.x) * max / panel.measure.value(b)
            })
            .fold(room, f64::min)
            .max(room * MIN_BAR_ROOM);
        for (i, bar) in data.bars.iter().enumerate() {
            if panel.names {
                self.draw_name(area, panel, i, bar)?;
            }
            let v = panel.measure.value(bar);
            let len = if max > 0.0 { v / max * bar_room } else { 0.0 };
            self.draw_bar(area, panel, i, bar, len)?;
        }
        Ok(())
    }

    fn draw_name<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        panel: &Panel,
        i: usize,
        bar: &ChannelBar,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let room = (panel.left - TEXT_PAD * 2.0 - MARGIN) * self.x;
        let x = px(MARGIN * self.x);
        let centre = panel.row_centre(i);
        let extra = bar.extra_label.trim();
        let two_lines = panel.extras && !extra.is_empty();
        // Two lines sit as a block around the row centre.
        let name_y = if two_lines { centre - 7.0 } else { centre };
        let font = self.font(LABEL_FONT);
        let style = text_style(
            self.family,
            font,
            FontStyle::Normal,
            DARK_TEXT,
            (HPos::Left, VPos::Center),
        );
        let name = ellipsize(&bar.label, font, room);
        area.draw(&Text::new(name, (x, px(name_y * self.y)), style))?;
        if two_lines {
            let font = self.font(EXTRA_FONT);
            let style = text_style(
                self.family,
                font,
                FontStyle::Normal,
                MUTED_TEXT,
                (HPos::Left, VPos::Center),
            );
            let text = ellipsize(extra, font, room);
            area.draw(&Text::new(text, (x, px((centre + 8.0) * self.y)), style))?;
        }
        Ok(())
    }

    fn draw_bar<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        panel: &Panel,
        i: usize,
        bar: &ChannelBar,
        len: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let centre = panel.row_centre(i) * self.y;
        let half = (BAR_H / 2.0).min(panel.row_h * 0.4) * self.y;
        let x0 = panel.left * self.x;
        let x1 = x0 + len;
        if len >= 0.5 {
            area.draw(&Rectangle::new(
                [
                    (px(x0), px(centre - half)),
                    (px(x0) + px(len).max(1), px(centre + half)),
                ],
                channel_color(bar.color_index).filled(),
            ))?;
        }

        let label = panel.measure.label(bar);
        if label.is_empty() {
            return Ok(());
        }
        let font = self.font(VALUE_FONT);
        let pad = TEXT_PAD * self.x;
        let natural = estimate_text_width(label, font);
        let right = panel.right * self.x;
        let outside_room = right - x1 - pad;
        let inside_room = len - 2.0 * pad;
        let (text, x, anchor, color) = if natural <= outside_room || outside_room >= inside_room {
            let text = if natural <= outside_room {
                label.to_string()
            } else {
                ellipsize(label, font, outside_room)
            };
            (text, x1 + pad, HPos::Left, DARK_TEXT)
        } else {
            (
                ellipsize(label, font, inside_room),
                x1 - pad,
                HPos::Right,
                channel_text_color(bar.color_index),
            )
        };
        let style = text_style(
            self.family,
            font,
            FontStyle::Normal,
            color,
            (anchor, VPos::Center),
        );
        area.draw(&Text::new(text, (px(x), px(centre)), style))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(n: usize, extra: &str) -> ChannelChartData {
        ChannelChartData {
            bars: (0..n)
                .map(|i| ChannelBar {
                    label: format!("Channel {i}"),
                    leads: 10.0,
                    leads_label: "10".into(),
                    budget: 5.0,
                    budget_label: "¥5".into(),
                    extra_label: extra.into(),
                    color_index: i,
                })
                .collect(),
            leads_title: "Leads".into(),
            budget_title: "Budget".into(),
            scale: 1.0,
            font_family: String::new(),
        }
    }

    #[test]
    fn narrow_widths_stack_the_panels() {
        let d = data(4, "");
        let [leads, budget] = Plan::new(&d, 375.0).panels();
        assert!(budget.top > leads.top);
        assert_eq!(budget.left, leads.left);
        let [leads, budget] = Plan::new(&d, 1000.0).panels();
        assert_eq!(budget.top, leads.top);
        assert!(budget.left > leads.right);
        assert!(channel_chart_height(&d, 375.0) > channel_chart_height(&d, 1000.0));
    }

    #[test]
    fn extras_make_rows_taller() {
        assert!(
            channel_chart_height(&data(4, "CPA ¥1"), 800.0)
                > channel_chart_height(&data(4, ""), 800.0)
        );
        assert_eq!(channel_chart_height(&data(0, ""), 800.0), 2.0 * MARGIN);
    }

    #[test]
    fn height_is_finite_for_any_width() {
        for w in [f64::NAN, f64::NEG_INFINITY, 0.0, 1e12] {
            let h = channel_chart_height(&data(3, "x"), w);
            assert!(h.is_finite() && h > 0.0);
        }
    }
}
