//! Helpers shared by the chart SVG tests: render into a string, pick tags and attributes
//! out of the markup, and (when asked) write previews to look at.
#![allow(dead_code)] // each test binary uses a different subset

use plotters::coord::Shift;
use plotters::prelude::*;

pub const FONT: &str = "\"Noto Sans CJK JP\", sans-serif";

/// Draws with `draw` into an SVG string of `size` device px.
pub fn render<E: std::fmt::Debug>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), E>,
) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&area).expect("drawing into an SVG string cannot fail");
        area.present().expect("present");
    }
    svg
}

/// Value of `name="..."` inside one tag.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

pub fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} not a number in {tag}"))
}

/// Every `<name ...>` opening tag in the document.
pub fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').expect("unterminated tag");
            &svg[i..i + end]
        })
        .collect()
}

/// A drawn `<text>`: its opening tag and its content.
#[derive(Debug, Clone)]
pub struct SvgText<'a> {
    pub tag: &'a str,
    pub body: String,
}

impl SvgText<'_> {
    pub fn x(&self) -> f64 {
        num(self.tag, "x")
    }
    pub fn y(&self) -> f64 {
        num(self.tag, "y")
    }
    pub fn fill(&self) -> String {
        attr(self.tag, "fill").unwrap_or("").to_ascii_lowercase()
    }
    /// plotters' SVG backend writes font-size as px / 1.24.
    pub fn font_px(&self) -> f64 {
        num(self.tag, "font-size") * 1.24
    }
}

pub fn texts(svg: &str) -> Vec<SvgText<'_>> {
    tags(svg, "text")
        .into_iter()
        .zip(svg.split("<text ").skip(1))
        .map(|(tag, chunk)| {
            let body = &chunk[chunk.find('>').unwrap() + 1..];
            SvgText {
                tag,
                body: body[..body.find("</text>").unwrap()].trim().to_string(),
            }
        })
        .collect()
}

pub fn find_text<'a>(svg: &'a str, body: &str) -> Option<SvgText<'a>> {
    texts(svg).into_iter().find(|t| t.body == body)
}

/// A filled `<rect>`.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub fill: String,
}

pub fn rects(svg: &str) -> Vec<SvgRect> {
    tags(svg, "rect")
        .into_iter()
        .filter_map(|tag| {
            Some(SvgRect {
                x: attr(tag, "x")?.parse().ok()?,
                y: attr(tag, "y")?.parse().ok()?,
                width: attr(tag, "width")?.parse().ok()?,
                height: attr(tag, "height")?.parse().ok()?,
                fill: attr(tag, "fill")?.to_ascii_lowercase(),
            })
        })
        .collect()
}

pub fn rects_filled(svg: &str, hex: &str) -> Vec<SvgRect> {
    let hex = hex.to_ascii_lowercase();
    rects(svg).into_iter().filter(|r| r.fill == hex).collect()
}

/// No coordinate or size went non-finite on the way into the markup.
pub fn assert_clean(svg: &str) {
    for bad in ["NaN", "inf"] {
        assert!(!svg.contains(bad), "{bad} in output");
    }
}

pub fn assert_font_family(svg: &str) {
    let escaped = FONT.replace('"', "&quot;");
    for tag in tags(svg, "text") {
        assert_eq!(attr(tag, "font-family"), Some(escaped.as_str()), "{tag}");
    }
}

/// Width and height of the document, from its root `<svg>` tag.
pub fn svg_size(svg: &str) -> (f64, f64) {
    let root = tags(svg, "svg").into_iter().next().expect("an <svg> root");
    (num(root, "width"), num(root, "height"))
}

/// What every sample chart must be: one complete SVG document with finite numbers, every text
/// anchored and every filled rectangle inside the drawing, and each of `labels` drawn (a label
/// may be shortened with an ellipsis, never dropped, so its first three characters are looked
/// for).
pub fn assert_sample(name: &str, svg: &str, labels: &[&str]) {
    let doc = svg.trim();
    assert!(
        doc.starts_with("<svg ") && doc.ends_with("</svg>"),
        "{name}: not one SVG document"
    );
    assert_eq!(
        doc.matches("<text ").count(),
        doc.matches("</text>").count(),
        "{name}: unclosed <text>"
    );
    assert_clean(svg);
    let (width, height) = svg_size(svg);
    for text in texts(svg) {
        let (x, y) = (text.x(), text.y());
        assert!(
            (0.0..=width).contains(&x) && (0.0..=height).contains(&y),
            "{name}: {:?} at ({x}, {y}) outside {width}×{height}",
            text.body
        );
    }
    for rect in rects(svg) {
        assert!(
            rect.x >= -0.5
                && rect.y >= -0.5
                && rect.x + rect.width <= width + 0.5
                && rect.y + rect.height <= height + 0.5,
            "{name}: {rect:?} outside {width}×{height}"
        );
    }
    let bodies: Vec<String> = texts(svg).into_iter().map(|t| t.body).collect();
    for label in labels {
        let stem: String = label.chars().take(3).collect();
        assert!(
            bodies.iter().any(|b| b.starts_with(&stem)),
            "{name}: {label} not drawn"
        );
    }
}

/// Set `CHART_PREVIEW_DIR=/tmp/charts` to write `name.svg` (and `name.png` when
/// `rsvg-convert` is installed) for eyeballing; normal runs write nothing.
///
/// The SVG backend writes font sizes divided by 1.24 while the canvas backend uses them as
/// given, so the preview undoes that to look like the page.
pub fn preview(name: &str, svg: &str) {
    let Some(dir) = std::env::var_os("CHART_PREVIEW_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("preview dir");
    let mut fixed = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("font-size=\"") {
        let start = i + "font-size=\"".len();
        let len = rest[start..].find('"').unwrap();
        let size: f64 = rest[start..start + len].parse().unwrap();
        fixed.push_str(&rest[..start]);
        fixed.push_str(&format!("{:.2}", size * 1.24));
        rest = &rest[start + len..];
    }
    fixed.push_str(rest);
    let svg_path = dir.join(format!("{name}.svg"));
    std::fs::write(&svg_path, fixed).expect("write preview");
    let _ = std::process::Command::new("rsvg-convert")
        .arg(&svg_path)
        .arg("-b")
        .arg("white")
        .arg("-o")
        .arg(dir.join(format!("{name}.png")))
        .status();
}
