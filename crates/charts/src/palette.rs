//! Stage colours shared by the funnel chart and the HTML table, so a stage
//! keeps one colour everywhere it appears.

use plotters::style::RGBColor;

/// The ramp runs cool → warm (blue, teal, green, amber, coral) and then on
/// through rose and violet, so a typical 6-stage funnel reads as one smooth
/// ramp while longer funnels still get distinct neighbours. Every entry is a
/// darker (≈700) shade so white text on it reaches WCAG AA (≥ 4.5:1); the
/// unit tests enforce that.
const PALETTE: [RGBColor; 12] = [
    RGBColor(0x2c, 0x5c, 0xc5), // blue
    RGBColor(0x03, 0x69, 0xa1), // sky
    RGBColor(0x0f, 0x76, 0x6e), // teal
    RGBColor(0x15, 0x80, 0x3d), // green
    RGBColor(0x4d, 0x7c, 0x0f), // olive
    RGBColor(0xb4, 0x53, 0x09), // amber
    RGBColor(0xc8, 0x42, 0x3a), // coral
    RGBColor(0xbe, 0x18, 0x5d), // rose
    RGBColor(0xa2, 0x1c, 0xaf), // fuchsia
    RGBColor(0x7e, 0x22, 0xce), // purple
    RGBColor(0x43, 0x38, 0xca), // indigo
    RGBColor(0x47, 0x55, 0x69), // slate
];

/// Number of distinct stage colours before [`stage_color`] wraps around.
pub const PALETTE_LEN: usize = PALETTE.len();

const LIGHT_TEXT: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Fill colour of stage `index` (wraps modulo [`PALETTE_LEN`]).
pub fn stage_color(index: usize) -> RGBColor {
    PALETTE[index % PALETTE_LEN]
}

/// The same colour as [`stage_color`], as CSS `#rrggbb` (lower case).
pub fn stage_color_hex(index: usize) -> String {
    let RGBColor(r, g, b) = stage_color(index);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text colour on `stage_color(index)`: white, which every palette entry is chosen to carry at
/// WCAG AA contrast (the tests compute the ratio). A constant rather than a runtime luminance
/// check, which would pull `powf` into the WASM bundle for an answer that never changes.
pub fn text_color_on(_index: usize) -> RGBColor {
    LIGHT_TEXT
}

/// Channel colours: categorical, not a ramp, since channels have no order. Okabe & Ito's
/// colour-blind-safe set (its black softened to dark grey, its yellow left out because a
/// yellow bar all but vanishes on white) plus three of Paul Tol's muted colours for long
/// channel lists. Several entries are too light for white text, so each carries its own
/// text colour (see [`channel_text_color`]); the unit tests check both reach WCAG AA.
const CHANNELS: [(RGBColor, RGBColor); 10] = [
    (RGBColor(0x00, 0x72, 0xb2), LIGHT_TEXT), // blue
    (RGBColor(0xe6, 0x9f, 0x00), DARK_TEXT),  // orange
    (RGBColor(0x00, 0x9e, 0x73), DARK_TEXT),  // bluish green
    (RGBColor(0xcc, 0x79, 0xa7), DARK_TEXT),  // reddish purple
    (RGBColor(0x56, 0xb4, 0xe9), DARK_TEXT),  // sky blue
    (RGBColor(0xd5, 0x5e, 0x00), DARK_TEXT),  // vermillion
    (RGBColor(0x4d, 0x4d, 0x4d), LIGHT_TEXT), // dark grey
    (RGBColor(0x88, 0x22, 0x55), LIGHT_TEXT), // wine
    (RGBColor(0x33, 0x22, 0x88), LIGHT_TEXT), // indigo
    (RGBColor(0x99, 0x99, 0x33), DARK_TEXT),  // olive
];

/// Number of distinct channel colours before [`channel_color`] wraps around.
pub const CHANNEL_PALETTE_LEN: usize = CHANNELS.len();

/// Gray-900, for text on the lighter channel colours.
const DARK_TEXT: RGBColor = RGBColor(0x11, 0x18, 0x27);

/// Fill colour of channel `index` (wraps modulo [`CHANNEL_PALETTE_LEN`]).
pub fn channel_color(index: usize) -> RGBColor {
    CHANNELS[index % CHANNEL_PALETTE_LEN].0
}

/// The same colour as [`channel_color`], as CSS `#rrggbb` (lower case).
pub fn channel_color_hex(index: usize) -> String {
    let RGBColor(r, g, b) = channel_color(index);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text colour on `channel_color(index)`: white or near-black, whichever reaches WCAG AA
/// on that fill (chosen ahead of time, like [`text_color_on`]).
pub fn channel_text_color(index: usize) -> RGBColor {
    CHANNELS[index % CHANNEL_PALETTE_LEN].1
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn palette_has_twelve_distinct_colours() {
        let hexes: std::collections::HashSet<String> =
            (0..PALETTE_LEN).map(stage_color_hex).collect();
        assert_eq!(PALETTE_LEN, 12);
        assert_eq!(hexes.len(), 12);
    }

    #[test]
    fn palette_wraps_modulo_length() {
        for i in 0..PALETTE_LEN {
            assert_eq!(stage_color(i), stage_color(i + PALETTE_LEN));
            assert_eq!(stage_color_hex(i), stage_color_hex(i + 3 * PALETTE_LEN));
        }
    }

    #[test]
    fn hex_matches_rgb() {
        assert_eq!(stage_color_hex(0), "#2c5cc5");
        for i in 0..PALETTE_LEN {
            let hex = stage_color_hex(i);
            assert_eq!(hex.len(), 7);
            assert!(hex.starts_with('#'));
            let RGBColor(r, g, b) = stage_color(i);
            let parsed = u32::from_str_radix(&hex[1..], 16).unwrap();
            assert_eq!(
                parsed,
                (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
            );
        }
    }

    #[test]
    fn chosen_text_colour_is_accessible_on_every_stage() {
        for i in 0..PALETTE_LEN {
            let ratio = contrast_ratio(stage_color(i), text_color_on(i));
            assert!(ratio >= 4.5, "stage {i}: contrast {ratio:.2} < 4.5");
        }
    }

    #[test]
    fn channel_palette_is_distinct_wraps_and_is_readable() {
        let hexes: std::collections::HashSet<String> =
            (0..CHANNEL_PALETTE_LEN).map(channel_color_hex).collect();
        assert_eq!(CHANNEL_PALETTE_LEN, 10);
        assert_eq!(hexes.len(), CHANNEL_PALETTE_LEN);
        assert_eq!(channel_color_hex(0), "#0072b2");
        for i in 0..CHANNEL_PALETTE_LEN {
            assert_eq!(channel_color(i), channel_color(i + CHANNEL_PALETTE_LEN));
            let ratio = contrast_ratio(channel_color(i), channel_text_color(i));
            assert!(ratio >= 4.5, "channel {i}: contrast {ratio:.2} < 4.5");
        }
    }

    #[test]
    fn contrast_ratio_extremes() {
        let black = RGBColor(0, 0, 0);
        let white = RGBColor(255, 255, 255);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
    }

    /// WCAG 2.x contrast ratio between two colours (1.0 ..= 21.0).
    pub(crate) fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (relative_luminance(a), relative_luminance(b));
        let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// WCAG relative luminance: sRGB channels are linearised first, otherwise mid-tones
    /// (amber, green) come out far too dark.
    fn relative_luminance(RGBColor(r, g, b): RGBColor) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
}
