//! Renders the funnel into SVG strings and inspects the markup.

mod svg_util;

use funnel_charts::{draw_funnel, stage_color_hex, FunnelBar, FunnelChartData};
use plotters::prelude::*;

const FONT: &str = "\"Noto Sans CJK JP\", \"Hiragino Sans\", sans-serif";
const RATES: [&str; 5] = ["2%", "10%", "30%", "40%", "25%"];
const VALUES: [(f64, &str); 6] = [
    (333_334.0, "333,334"),
    (6_667.0, "6,667"),
    (667.0, "667"),
    (200.0, "200"),
    (80.0, "80"),
    (20.0, "20"),
];
const EN_LABELS: [&str; 6] = ["Visits", "Leads", "MQL", "SQL", "Opportunities", "Won"];
const JA_LABELS: [&str; 6] = ["訪問", "リード", "MQL", "SQL", "商談", "受注"];

fn seed(labels: &[&str]) -> FunnelChartData {
    FunnelChartData {
        bars: labels
            .iter()
            .zip(VALUES)
            .map(|(label, (value, value_label))| FunnelBar {
                label: (*label).to_string(),
                value_label: value_label.to_string(),
                value,
            })
            .collect(),
        rate_labels: RATES.iter().map(|r| r.to_string()).collect(),
        scale: 1.0,
        font_family: FONT.to_string(),
        value_range: None,
    }
}

fn with_values(values: &[f64]) -> FunnelChartData {
    FunnelChartData {
        bars: values
            .iter()
            .enumerate()
            .map(|(i, &value)| FunnelBar {
                label: format!("Stage {i}"),
                value_label: format!("{value}"),
                value,
            })
            .collect(),
        rate_labels: (1..values.len()).map(|i| format!("{i}%")).collect(),
        scale: 1.0,
        font_family: FONT.to_string(),
        value_range: None,
    }
}

fn render(data: &FunnelChartData, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_funnel(&area, data).expect("drawing into an SVG string cannot fail");
        area.present().expect("present");
    }
    svg
}

/// Value of `name="..."` inside one tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Every `<name ...>` opening tag in the document.
fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').expect("unterminated tag");
            &svg[i..i + end]
        })
        .collect()
}

#[derive(Debug)]
struct BarRect {
    y: f64,
    width: f64,
    fill: String,
}

/// Rectangles filled with one of the first `n` stage colours, top to bottom.
fn bar_rects(svg: &str, n: usize) -> Vec<BarRect> {
    let colours: Vec<String> = (0..n).map(stage_color_hex).collect();
    let mut rects: Vec<BarRect> = tags(svg, "rect")
        .into_iter()
        .filter_map(|tag| {
            let fill = attr(tag, "fill")?.to_ascii_lowercase();
            if !colours.contains(&fill) {
                return None;
            }
            Some(BarRect {
                y: attr(tag, "y")?.parse().ok()?,
                width: attr(tag, "width")?.parse().ok()?,
                fill,
            })
        })
        .collect();
    rects.sort_by(|a, b| a.y.total_cmp(&b.y));
    rects
}

/// Text content of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|chunk| {
            let body = &chunk[chunk.find('>').unwrap() + 1..];
            body[..body.find("</text>").unwrap()].trim().to_string()
        })
        .collect()
}

fn font_sizes(svg: &str) -> Vec<f64> {
    tags(svg, "text")
        .into_iter()
        .map(|t| attr(t, "font-size").unwrap().parse().unwrap())
        .collect()
}

fn assert_all_text_present(svg: &str, data: &FunnelChartData) {
    let all = texts(svg).join("\n");
    for bar in &data.bars {
        assert!(all.contains(&bar.label), "label {:?} missing", bar.label);
        assert!(
            all.contains(&bar.value_label),
            "value {:?} missing",
            bar.value_label
        );
    }
    for rate in &data.rate_labels {
        assert!(
            texts(svg).iter().any(|t| t == rate),
            "rate {rate:?} missing"
        );
    }
}

#[test]
fn english_seed_shows_every_label_value_and_rate() {
    let data = seed(&EN_LABELS);
    for size in [(340, 300), (800, 420)] {
        assert_all_text_present(&render(&data, size), &data);
    }
}

#[test]
fn japanese_seed_shows_every_label_value_and_rate() {
    let data = seed(&JA_LABELS);
    for size in [(340, 300), (800, 420)] {
        assert_all_text_present(&render(&data, size), &data);
    }
}

#[test]
fn one_rect_per_stage_in_stage_colours() {
    let data = seed(&JA_LABELS);
    let svg = render(&data, (340, 300));
    let rects = bar_rects(&svg, data.bars.len());
    assert_eq!(rects.len(), data.bars.len());
    for (i, rect) in rects.iter().enumerate() {
        assert_eq!(
            rect.fill,
            stage_color_hex(i),
            "bar {i} has the wrong colour"
        );
    }
}

#[test]
fn font_family_is_passed_through() {
    let svg = render(&seed(&JA_LABELS), (340, 300));
    // The SVG backend escapes the quotes in the attribute value.
    let escaped = FONT.replace('"', "&quot;");
    for tag in tags(&svg, "text") {
        assert_eq!(attr(tag, "font-family"), Some(escaped.as_str()));
    }
}

#[test]
fn widths_strictly_decrease_with_strictly_decreasing_values() {
    for size in [(340, 300), (800, 420)] {
        let rects = bar_rects(&render(&seed(&EN_LABELS), size), 6);
        let widths: Vec<f64> = rects.iter().map(|r| r.width).collect();
        assert!(
            widths.windows(2).all(|w| w[0] > w[1]),
            "widths not strictly decreasing at {size:?}: {widths:?}"
        );
        // The top bar spans the usable width; the smallest is still visible.
        assert!(widths[0] > 0.9 * f64::from(size.0));
        assert!(widths[5] > 0.15 * f64::from(size.0));
    }
}

#[test]
fn bars_are_centred() {
    let svg = render(&seed(&EN_LABELS), (800, 420));
    let colours: Vec<String> = (0..6).map(stage_color_hex).collect();
    for tag in tags(&svg, "rect") {
        let fill = attr(tag, "fill").unwrap().to_ascii_lowercase();
        if colours.contains(&fill) {
            let x: f64 = attr(tag, "x").unwrap().parse().unwrap();
            let w: f64 = attr(tag, "width").unwrap().parse().unwrap();
            assert!((x + w / 2.0 - 400.0).abs() <= 1.0, "bar off centre: {tag}");
        }
    }
}

#[test]
fn equal_values_give_equal_full_widths() {
    let rects = bar_rects(&render(&with_values(&[500.0; 4]), (800, 420)), 4);
    assert_eq!(rects.len(), 4);
    assert!(rects.iter().all(|r| r.width == rects[0].width));
    assert!(rects[0].width > 0.9 * 800.0);
}

#[test]
fn two_bar_chart_draws() {
    let data = with_values(&[1000.0, 10.0]);
    let svg = render(&data, (340, 300));
    assert_eq!(bar_rects(&svg, 2).len(), 2);
    assert_all_text_present(&svg, &data);
}

#[test]
fn twelve_bar_chart_draws_with_twelve_colours() {
    let values: Vec<f64> = (0..12).map(|i| 10f64.powi(12 - i)).collect();
    let data = with_values(&values);
    for size in [(340, 300), (800, 420)] {
        let svg = render(&data, size);
        let rects = bar_rects(&svg, 12);
        assert_eq!(rects.len(), 12);
        let fills: std::collections::HashSet<&str> =
            rects.iter().map(|r| r.fill.as_str()).collect();
        assert_eq!(fills.len(), 12);
        assert_all_text_present(&svg, &data);
    }
}

#[test]
fn degenerate_values_draw_without_panic() {
    let data = with_values(&[0.0, f64::NAN, f64::INFINITY, -5.0, f64::NEG_INFINITY]);
    let svg = render(&data, (340, 300));
    let rects = bar_rects(&svg, 5);
    assert_eq!(rects.len(), 5);
    // Nothing valid to compare: every bar gets the same (minimum) width.
    assert!(rects.iter().all(|r| r.width == rects[0].width));

    let mixed = with_values(&[100.0, 0.0, f64::NAN, 10.0]);
    let rects = bar_rects(&render(&mixed, (340, 300)), 4);
    assert!(rects[0].width > rects[3].width);
    assert_eq!(rects[1].width, rects[3].width);
    assert_eq!(rects[2].width, rects[3].width);
}

#[test]
fn odd_inputs_draw_without_panic() {
    let mut data = seed(&EN_LABELS);
    data.rate_labels.truncate(2); // too few: the rest are skipped
    let svg = render(&data, (340, 300));
    assert_eq!(bar_rects(&svg, 6).len(), 6);

    data.rate_labels = (0..10).map(|i| format!("extra{i}")).collect(); // too many
    let svg = render(&data, (340, 300));
    assert!(svg.contains("extra4") && !svg.contains("extra5"));

    data.scale = f64::NAN;
    data.font_family = String::new();
    render(&data, (340, 300));
    render(&data, (1, 1));
    render(&data, (0, 0));
    render(&with_values(&[]), (340, 300));
    render(&with_values(&[42.0]), (340, 300));
}

#[test]
fn scale_two_doubles_font_sizes() {
    let mut data = seed(&JA_LABELS);
    let base = font_sizes(&render(&data, (340, 300)));
    data.scale = 2.0;
    let doubled = font_sizes(&render(&data, (680, 600)));
    assert_eq!(base.len(), doubled.len());
    assert!(!base.is_empty());
    for (a, b) in base.iter().zip(&doubled) {
        assert!((b - 2.0 * a).abs() < 1e-6, "{a} -> {b}");
    }
}

#[test]
fn fonts_stay_in_readable_range() {
    // plotters' SVG backend writes font-size as px / 1.24.
    let sizes = font_sizes(&render(&seed(&JA_LABELS), (340, 300)));
    for size in sizes {
        let px = size * 1.24;
        assert!((9.0..=16.0 + 1e-9).contains(&px), "font {px}px");
    }
}

#[test]
fn narrow_bar_label_moves_outside_in_dark_grey() {
    let svg = render(&seed(&EN_LABELS), (340, 300));
    let won = tags(&svg, "text")
        .into_iter()
        .zip(texts(&svg))
        .find(|(_, body)| body.starts_with("Won"))
        .map(|(tag, _)| tag)
        .expect("Won label");
    assert_eq!(attr(won, "text-anchor"), Some("start"));
    assert_eq!(attr(won, "fill"), Some("#374151"));

    let visits = tags(&svg, "text")
        .into_iter()
        .zip(texts(&svg))
        .find(|(_, body)| body.starts_with("Visits"))
        .map(|(tag, _)| tag)
        .expect("Visits label");
    assert_eq!(attr(visits, "text-anchor"), Some("middle"));
    assert_eq!(attr(visits, "fill"), Some("#FFFFFF"));
}

/// The samples worth a look (two languages, phone and desktop, twelve and two stages) are each
/// complete and inside their drawing, with every stage name; `CHART_PREVIEW_DIR` also writes
/// them out.
#[test]
fn every_sample_is_complete_and_inside_its_drawing() {
    let twelve: Vec<f64> = (0..12).map(|i| 10f64.powi(12 - i)).collect();
    let samples = [
        ("funnel_ja", seed(&JA_LABELS), (340, 300)),
        ("funnel_ja_wide", seed(&JA_LABELS), (800, 420)),
        ("funnel_en", seed(&EN_LABELS), (340, 300)),
        ("funnel_en_wide", seed(&EN_LABELS), (800, 420)),
        ("funnel_12", with_values(&twelve), (340, 300)),
        ("funnel_2", with_values(&[1000.0, 10.0]), (800, 420)),
    ];
    for (name, data, size) in samples {
        let svg = render(&data, size);
        let labels: Vec<&str> = data.bars.iter().map(|b| b.label.as_str()).collect();
        svg_util::assert_sample(name, &svg, &labels);
        svg_util::preview(name, &svg);
    }
}

#[test]
fn through_the_chart_trait_the_funnel_asks_one_row_per_stage_and_draws_the_same_svg() {
    use funnel_charts::{Chart, FUNNEL_ROW_HEIGHT};
    let data = seed(&JA_LABELS);
    // six stages of 50 CSS px and 16 px of margin, at any width
    assert_eq!(Chart::height(&data, 375.0), 6.0 * FUNNEL_ROW_HEIGHT + 16.0);
    assert_eq!(Chart::height(&data, 1200.0), 316.0);
    let scaled = data.at_scale(2.0);
    assert_eq!(scaled.scale, 2.0);
    assert_eq!(
        FunnelChartData {
            scale: 1.0,
            ..scaled.clone()
        },
        data
    );
    let direct = render(&scaled, (750, 632));
    let mut through = String::new();
    {
        let area = SVGBackend::with_string(&mut through, (750, 632)).into_drawing_area();
        Chart::draw(&scaled, &area).unwrap();
        area.present().unwrap();
    }
    assert_eq!(through, direct);
}
