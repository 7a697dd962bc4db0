//! Small drawing helpers shared by the charts: text styles, ellipsis and pixel rounding.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use crate::funnel::estimate_text_width;

/// Gray-700: readable on white (10:1), the colour of labels outside bars.
pub(crate) const DARK_TEXT: RGBColor = RGBColor(0x37, 0x41, 0x51);
/// Gray-600: secondary text, still > 4.5:1 on white and on the light fills used here.
pub(crate) const MUTED_TEXT: RGBColor = RGBColor(0x4b, 0x55, 0x63);
/// Gray-200: baselines and separators; decoration only, so it need not reach 3:1.
pub(crate) const RULE: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);

/// A usable device-pixel ratio: anything non-finite or non-positive falls back to 1.
pub(crate) fn sanitize_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

/// An empty stack would make the backend fall back to a serif face; sans-serif is the
/// closest thing to what the page asked for.
pub(crate) fn font_family(stack: &str) -> FontFamily<'_> {
    if stack.trim().is_empty() {
        FontFamily::SansSerif
    } else {
        FontFamily::from(stack)
    }
}

pub(crate) fn text_style(
    family: FontFamily<'_>,
    font_px: f64,
    style: FontStyle,
    color: RGBColor,
    anchor: (HPos, VPos),
) -> TextStyle<'_> {
    TextStyle {
        font: FontDesc::new(family, font_px, style),
        color: color.to_backend_color(),
        pos: Pos::new(anchor.0, anchor.1),
    }
}

pub(crate) fn px(v: f64) -> i32 {
    // `as` saturates, and NaN becomes 0, so odd geometry can never panic here.
    v.round() as i32
}

/// `text` shortened with "…" so its estimated width at `font_px` stays within `max_w`.
/// Returns an empty string when not even one character and the ellipsis fit.
pub(crate) fn ellipsize(text: &str, font_px: f64, max_w: f64) -> String {
    let text = text.trim();
    if !(max_w > 0.0 && font_px > 0.0) {
        return String::new();
    }
    if estimate_text_width(text, font_px) <= max_w {
        return text.to_string();
    }
    // CJK fonts draw the ellipsis full-width, so budget a whole em for it.
    let budget = max_w - font_px;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = estimate_text_width(c.encode_utf8(&mut [0; 4]), font_px);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    if out.trim().is_empty() {
        return String::new();
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Finite and positive, else zero: the charts treat missing, negative and infinite
/// values as "nothing to draw" rather than guessing what was meant.
pub(crate) fn positive_or_zero(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_keeps_text_that_fits() {
        assert_eq!(ellipsize("abc", 10.0, 18.0), "abc");
        assert_eq!(ellipsize("  受注 ", 10.0, 20.0), "受注");
    }

    #[test]
    fn ellipsize_cuts_to_the_estimated_width() {
        let out = ellipsize("リードナーチャリング", 10.0, 50.0);
        assert_eq!(out, "リードナ…");
        assert!(estimate_text_width(&out, 10.0) <= 50.0);
        assert_eq!(ellipsize("abc def", 10.0, 30.0), "abc…");
    }

    #[test]
    fn ellipsize_gives_up_when_nothing_fits() {
        assert_eq!(ellipsize("受注", 10.0, 5.0), "");
        assert_eq!(ellipsize("受注", 10.0, f64::NAN), "");
        assert_eq!(ellipsize("", 10.0, 0.0), "");
    }

    #[test]
    fn px_never_panics() {
        assert_eq!(px(f64::NAN), 0);
        assert_eq!(px(f64::INFINITY), i32::MAX);
        assert_eq!(px(2.5), 3);
    }
}
