//! Horizontal funnel chart: one centred bar per stage, top of the funnel first.
//!
//! Only primitive elements (`Rectangle`, `Polygon`, `Text`) are drawn. Anything
//! that measures text (e.g. `ChartBuilder`) would need plotters' font features,
//! which this crate deliberately leaves out to keep the WASM bundle small, so
//! text widths are *estimated* with [`estimate_text_width`].

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Polygon, Rectangle, Text};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBColor, WHITE};

use crate::common::{font_family, px, text_style};
use crate::palette::{stage_color, text_color_on};

/// One stage of the funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelBar {
    /// Stage name, e.g. "リード".
    pub label: String,
    /// Pre-formatted value, e.g. "6,667" (formatting is the caller's locale business).
    pub value_label: String,
    /// Drives the bar width (log scale). Non-finite or ≤ 0 gets the minimum width.
    pub value: f64,
}

/// Everything [`draw_funnel`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelChartData {
    /// Top of the funnel first.
    pub bars: Vec<FunnelBar>,
    /// `rate_labels[i]` is drawn between bar `i` and bar `i + 1`; missing or
    /// extra entries are ignored.
    pub rate_labels: Vec<String>,
    /// Device-pixel ratio; every size in CSS px is multiplied by it.
    pub scale: f64,
    /// CSS font-family stack, handed to the backend unchanged.
    pub font_family: String,
    /// The (smallest, largest) value the widths are scaled between; `None` uses this chart's own
    /// bars. Two charts given the same range can be compared by eye (the compare view).
    pub value_range: Option<(f64, f64)>,
}

// Sizes below are CSS px (multiplied by the scale).
const MARGIN: f64 = 8.0;
/// Gap between text and a bar edge.
const TEXT_PAD: f64 = 8.0;
/// Very tall bars look like blocks rather than a funnel; extra height is left
/// empty above and below instead.
const MAX_BAR_HEIGHT: f64 = 56.0;
const FONT_MIN: f64 = 12.0;
const FONT_MAX: f64 = 16.0;
/// Below this even a squeezed label becomes unreadable, so it may overflow instead.
const FONT_FLOOR: f64 = 9.0;

/// Narrowest bar, as a fraction of the usable width, so the smallest stage
/// still has visible area.
const MIN_WIDTH_FRACTION: f64 = 0.18;
/// Gap height relative to bar height: tall enough for a rate label.
const GAP_TO_BAR: f64 = 0.55;
const FONT_TO_BAR: f64 = 0.45;
const RATE_FONT_TO_FONT: f64 = 0.85;

/// Gray-700: readable on white (10:1) when a label has to sit outside its bar.
const OUTSIDE_TEXT: RGBColor = RGBColor(0x37, 0x41, 0x51);
/// Gray-600: visibly secondary to the bar labels but still > 4.5:1 on the connector fill.
const RATE_TEXT: RGBColor = RGBColor(0x4b, 0x55, 0x63);
/// Faint trapezoids joining consecutive bars give the funnel silhouette.
const CONNECTOR: RGBColor = RGBColor(0xee, 0xf0, 0xf3);

/// Draws the funnel into `area`, filling it with a white background first.
///
/// Never panics on odd input: non-finite/non-positive values, a wrong number
/// of rate labels, a non-positive scale or a tiny area all still draw something
/// sensible (or just the background).
pub fn draw_funnel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &FunnelChartData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let Some(layout) = Layout::new(area.dim_in_pixel(), data.bars.len(), data.scale) else {
        return Ok(());
    };
    let family = font_family(&data.font_family);
    let fractions = width_fractions(&data.bars, data.value_range);
    let spans: Vec<(f64, f64)> = fractions.iter().map(|&f| layout.bar_span(f)).collect();

    draw_connectors(area, &layout, &spans)?;
    for (i, bar) in data.bars.iter().enumerate() {
        draw_bar(area, &layout, i, spans[i], bar, family)?;
    }
    draw_rate_labels(area, &layout, &data.rate_labels, family)
}

/// Estimated rendered width in px of `text` at `font_px`.
///
/// Backends without font support cannot measure text, so this uses average
/// advance widths: ~0.6 em for Latin/ASCII and 1 em for CJK / full-width
/// characters (which are square in every CJK font). It errs on the wide side
/// so a label that "fits" really does.
pub fn estimate_text_width(text: &str, font_px: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum();
    ems * font_px
}

/// East-Asian wide / full-width blocks (kana, CJK ideographs, Hangul,
/// full-width forms) plus the common emoji blocks, which render at ~1 em.
fn is_wide(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x3FFFD
    )
}

/// Width of each bar as a fraction of the usable width.
///
/// Log scale because funnel counts span orders of magnitude: on a linear
/// scale everything below the first stage would be a sliver.
fn width_fractions(bars: &[FunnelBar], range: Option<(f64, f64)>) -> Vec<f64> {
    let logs: Vec<Option<f64>> = bars
        .iter()
        .map(|b| (b.value.is_finite() && b.value > 0.0).then(|| b.value.log10()))
        .collect();
    let valid = logs.iter().flatten().copied();
    let mut lo = valid.clone().fold(f64::INFINITY, f64::min);
    let mut hi = valid.fold(f64::NEG_INFINITY, f64::max);
    if let Some((min, max)) = range {
        if min.is_finite() && max.is_finite() && min > 0.0 && max >= min {
            lo = lo.min(min.log10());
            hi = hi.max(max.log10());
        }
    }
    logs.iter()
        .map(|log| match log {
            None => MIN_WIDTH_FRACTION,
            // All (valid) values equal: nothing to compare, so every bar is full.
            Some(_) if hi - lo <= f64::EPSILON * hi.abs().max(1.0) => 1.0,
            Some(l) => MIN_WIDTH_FRACTION + (1.0 - MIN_WIDTH_FRACTION) * (l - lo) / (hi - lo),
        })
        .collect()
}

/// Geometry in device px. Kept in `f64` and only rounded when drawing, so the
/// layout scales exactly with the device-pixel ratio.
struct Layout {
    bars: usize,
    scale: f64,
    left: f64,
    right: f64,
    top: f64,
    bar_h: f64,
    gap_h: f64,
    font_px: f64,
    rate_font_px: f64,
}

impl Layout {
    /// `None` when there is nothing to draw or no room to draw it in.
    fn new((w, h): (u32, u32), n: usize, scale: f64) -> Option<Self> {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let (w, h) = (f64::from(w), f64::from(h));
        // Tiny areas would otherwise lose all their room to the margin.
        let margin = (MARGIN * scale).min(w / 10.0).min(h / 10.0);
        let (inner_w, inner_h) = (w - 2.0 * margin, h - 2.0 * margin);
        if n == 0 || inner_w < 1.0 || inner_h < 1.0 {
            return None;
        }
        let (bar_h, gap_h) = split_height(inner_h, n, scale);
        let block_h = n as f64 * bar_h + (n - 1) as f64 * gap_h;
        let font_px = (bar_h * FONT_TO_BAR)
            .clamp(FONT_MIN * scale, FONT_MAX * scale)
            // Crowded charts (many stages, short area): keep text inside its row.
            .min(bar_h * 0.8)
            .max(FONT_FLOOR * scale);
        let rate_font_px = (font_px * RATE_FONT_TO_FONT)
            .min(gap_h * 0.85)
            .max(FONT_FLOOR * scale);
        Some(Self {
            bars: n,
            scale,
            left: margin,
            right: margin + inner_w,
            top: margin + (inner_h - block_h) / 2.0,
            bar_h,
            gap_h,
            font_px,
            rate_font_px,
        })
    }

    fn center_x(&self) -> f64 {
        (self.left + self.right) / 2.0
    }

    fn bar_top(&self, i: usize) -> f64 {
        self.top + i as f64 * (self.bar_h + self.gap_h)
    }

    /// Pixel rows `(y0, y1)` of bar `i`. The height is rounded once so every
    /// bar is equally tall; rounding both edges would make them alternate by 1 px.
    fn bar_rows(&self, i: usize) -> (i32, i32) {
        let y0 = px(self.bar_top(i));
        (y0, y0 + px(self.bar_h))
    }

    /// Horizontal extent `(x0, x1)` of a bar centred in the usable width.
    fn bar_span(&self, fraction: f64) -> (f64, f64) {
        let half = (self.right - self.left) * fraction / 2.0;
        (self.center_x() - half, self.center_x() + half)
    }
}

/// Bar and gap heights for `n` bars in `inner_h` px.
///
/// Normally the gap is a fixed fraction of the bar, but with many stages in a
/// short area that gap gets too thin for a rate label, so the gap is held at
/// the label's minimum height and the bars give up the difference (as long
/// as they stay at least as tall as the gaps).
fn split_height(inner_h: f64, n: usize, scale: f64) -> (f64, f64) {
    let gaps = n.saturating_sub(1) as f64;
    let bar_h = (inner_h / (n as f64 + gaps * GAP_TO_BAR)).min(MAX_BAR_HEIGHT * scale);
    let min_gap = FONT_FLOOR * scale * 1.2;
    if gaps == 0.0 || bar_h * GAP_TO_BAR >= min_gap {
        return (bar_h, bar_h * GAP_TO_BAR);
    }
    let squeezed = (inner_h - gaps * min_gap) / n as f64;
    if squeezed >= min_gap {
        (squeezed, min_gap)
    } else {
        (bar_h, bar_h * GAP_TO_BAR)
    }
}

/// Rounds a span so that its pixel width is `round(width)`: rounding both
/// edges independently could make two slightly different bars equally wide
/// or two equal bars differ by a pixel.
fn pixel_span((x0, x1): (f64, f64)) -> (i32, i32) {
    let left = x0.round() as i32;
    (left, left + (x1 - x0).round() as i32)
}

fn draw_connectors<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    spans: &[(f64, f64)],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for (i, pair) in spans.windows(2).enumerate() {
        let (upper, lower) = (pixel_span(pair[0]), pixel_span(pair[1]));
        let (y0, y1) = (layout.bar_rows(i).1, layout.bar_rows(i + 1).0);
        let points = vec![(upper.0, y0), (upper.1, y0), (lower.1, y1), (lower.0, y1)];
        area.draw(&Polygon::new(points, CONNECTOR.filled()))?;
    }
    Ok(())
}

fn draw_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    index: usize,
    span: (f64, f64),
    bar: &FunnelBar,
    family: FontFamily<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (x0, x1) = pixel_span(span);
    let (y0, y1) = layout.bar_rows(index);
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        stage_color(index).filled(),
    ))?;

    let text = bar_text(bar);
    if text.is_empty() {
        return Ok(());
    }
    let plan = plan_label(&text, span, layout, index);
    let style = text_style(
        family,
        plan.font_px,
        FontStyle::Bold,
        plan.color,
        (plan.anchor, VPos::Center),
    );
    area.draw(&Text::new(text, (px(plan.x), (y0 + y1) / 2), style))
}

/// "label  value", leaving out whichever part is empty.
fn bar_text(bar: &FunnelBar) -> String {
    let parts: Vec<&str> = [bar.label.trim(), bar.value_label.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    parts.join("  ")
}

/// Where and how big a bar's label is drawn.
struct LabelPlan {
    x: f64,
    anchor: HPos,
    font_px: f64,
    color: RGBColor,
}

/// Inside the bar when the text fits, otherwise to its right in dark grey.
/// When it fits in neither, the text is shrunk to fit the roomier side (down
/// to `FONT_FLOOR`) rather than overlapping the bar or leaving the area.
fn plan_label(text: &str, (x0, x1): (f64, f64), layout: &Layout, index: usize) -> LabelPlan {
    let pad = TEXT_PAD * layout.scale;
    let inside_room = (x1 - x0) - 2.0 * pad;
    let outside_room = layout.right - x1 - pad;
    let width_per_px = estimate_text_width(text, 1.0);
    let fits = |room: f64| width_per_px * layout.font_px <= room;

    let inside = fits(inside_room) || (!fits(outside_room) && inside_room >= outside_room);
    let room = if inside { inside_room } else { outside_room };
    let font_px = (room / width_per_px)
        .min(layout.font_px)
        .max(FONT_FLOOR * layout.scale);
    if inside {
        LabelPlan {
            x: (x0 + x1) / 2.0,
            anchor: HPos::Center,
            font_px,
            color: text_color_on(index),
        }
    } else {
        LabelPlan {
            x: x1 + pad,
            anchor: HPos::Left,
            font_px,
            color: OUTSIDE_TEXT,
        }
    }
}

fn draw_rate_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    labels: &[String],
    family: FontFamily<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = text_style(
        family,
        layout.rate_font_px,
        FontStyle::Normal,
        RATE_TEXT,
        (HPos::Center, VPos::Center),
    );
    let gaps = labels.iter().enumerate().take(layout.bars - 1);
    for (i, label) in gaps.filter(|(_, l)| !l.trim().is_empty()) {
        let y = (layout.bar_rows(i).1 + layout.bar_rows(i + 1).0) / 2;
        let pos = (px(layout.center_x()), y);
        area.draw(&Text::new(label.as_str(), pos, style.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f64) -> FunnelBar {
        FunnelBar {
            label: String::new(),
            value_label: String::new(),
            value,
        }
    }

    #[test]
    fn ascii_is_sixty_percent_of_an_em() {
        assert!((estimate_text_width("abcde", 10.0) - 30.0).abs() < 1e-9);
        assert_eq!(estimate_text_width("", 16.0), 0.0);
    }

    #[test]
    fn cjk_and_full_width_are_one_em() {
        assert!((estimate_text_width("リード", 10.0) - 30.0).abs() < 1e-9);
        assert!((estimate_text_width("商談受注", 12.0) - 48.0).abs() < 1e-9);
        assert!((estimate_text_width("ＡＢ", 10.0) - 20.0).abs() < 1e-9);
        assert!((estimate_text_width("한글", 10.0) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn mixed_text_adds_up() {
        // 3 wide + 2 spaces + 5 narrow ("6,667").
        let w = estimate_text_width("リード  6,667", 10.0);
        assert!((w - (30.0 + 7.0 * 6.0)).abs() < 1e-9);
    }

    #[test]
    fn width_scales_linearly_with_font_size() {
        let a = estimate_text_width("Leads 6,667", 12.0);
        let b = estimate_text_width("Leads 6,667", 24.0);
        assert!((b - 2.0 * a).abs() < 1e-9);
    }

    #[test]
    fn fractions_span_min_to_full() {
        let f = width_fractions(&[bar(1000.0), bar(100.0), bar(10.0)], None);
        assert!((f[0] - 1.0).abs() < 1e-12);
        assert!((f[2] - MIN_WIDTH_FRACTION).abs() < 1e-12);
        assert!((f[1] - (MIN_WIDTH_FRACTION + 1.0) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn fractions_equal_values_are_full_width() {
        let f = width_fractions(&[bar(5.0), bar(5.0), bar(5.0)], None);
        assert_eq!(f, vec![1.0; 3]);
    }

    #[test]
    fn fractions_invalid_values_get_minimum() {
        let f = width_fractions(
            &[bar(100.0), bar(0.0), bar(f64::NAN), bar(-3.0), bar(1.0)],
            None,
        );
        assert_eq!(f[0], 1.0);
        assert_eq!(&f[1..4], &[MIN_WIDTH_FRACTION; 3]);
        assert_eq!(f[4], MIN_WIDTH_FRACTION);
        let all_bad = width_fractions(&[bar(f64::INFINITY), bar(0.0)], None);
        assert_eq!(all_bad, vec![MIN_WIDTH_FRACTION; 2]);
    }

    #[test]
    fn bar_text_skips_empty_parts() {
        let mut b = bar(1.0);
        assert_eq!(bar_text(&b), "");
        b.label = "Won".into();
        assert_eq!(bar_text(&b), "Won");
        b.value_label = "20".into();
        assert_eq!(bar_text(&b), "Won  20");
    }

    #[test]
    fn layout_rejects_empty_and_degenerate_areas() {
        assert!(Layout::new((300, 200), 0, 1.0).is_none());
        assert!(Layout::new((0, 0), 3, 1.0).is_none());
        assert!(Layout::new((300, 200), 3, f64::NAN).is_some());
    }

    #[test]
    fn a_shared_range_makes_two_charts_comparable() {
        // alone, 100 is the widest bar; within a range up to 10,000 it is half-way (log scale)
        let alone = width_fractions(&[bar(100.0), bar(1.0)], None);
        let shared = width_fractions(&[bar(100.0), bar(1.0)], Some((1.0, 10_000.0)));
        assert_eq!(alone[0], 1.0);
        assert!(
            (shared[0] - (MIN_WIDTH_FRACTION + (1.0 - MIN_WIDTH_FRACTION) * 0.5)).abs() < 1e-12
        );
        assert_eq!(shared[1], MIN_WIDTH_FRACTION);
        let ignored = width_fractions(&[bar(100.0), bar(1.0)], Some((f64::NAN, 0.0)));
        assert_eq!(ignored, alone);
    }
}
