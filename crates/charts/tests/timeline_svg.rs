//! Renders the monthly timeline into SVG strings and inspects the markup.

mod svg_util;

use funnel_charts::{draw_timeline, stage_color_hex, timeline_height, TimelineData, TimelineRow};
use proptest::prelude::*;
use svg_util::*;

const SHADE: &str = "#f1f5f9";
const JA_STAGES: [&str; 6] = ["訪問", "リード", "MQL", "SQL", "商談", "受注"];
const EN_STAGES: [&str; 6] = ["Visits", "Leads", "MQL", "SQL", "Opportunities", "Won"];
/// Monthly need per stage; each stage peaks later than the one above it.
const PEAKS: [f64; 6] = [33_334.0, 6_667.0, 667.0, 200.0, 80.0, 20.0];

fn ja_months(n: usize) -> Vec<String> {
    // A fiscal year from April, with three lead-in months.
    (0..n).map(|i| format!("{}月", (i % 12) + 1)).collect()
}

fn en_months(n: usize) -> Vec<String> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    (0..n).map(|i| NAMES[i % 12].to_string()).collect()
}

fn fmt(v: f64) -> String {
    let digits = format!("{}", v.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn seed(stages: &[&str], months: Vec<String>, first_in_period: usize) -> TimelineData {
    let n = months.len();
    TimelineData {
        months,
        first_in_period,
        before_label: "期首までに必要".into(),
        rows: stages
            .iter()
            .zip(PEAKS)
            .enumerate()
            .map(|(r, (label, peak))| {
                // A ramp that rises for a few months and then holds, shifted one month per stage.
                let values: Vec<f64> = (0..n)
                    .map(|m| {
                        let t = (m as f64 - r as f64 * 0.7).max(0.0);
                        (peak * (0.25 + 0.75 * (t / 6.0).min(1.0))).round()
                    })
                    .collect();
                TimelineRow {
                    label: (*label).to_string(),
                    value_labels: values.iter().map(|&v| fmt(v)).collect(),
                    values,
                    color_index: r,
                }
            })
            .collect(),
        scale: 1.0,
        font_family: FONT.into(),
    }
}

fn scaled(data: TimelineData) -> TimelineData {
    TimelineData { scale: 2.0, ..data }
}

fn draw(data: &TimelineData, width: u32) -> String {
    let height = timeline_height(data, f64::from(width) / data.scale.max(1e-9)) * data.scale;
    render((width, height.round() as u32), |area| {
        draw_timeline(area, data)
    })
}

fn body_set(svg: &str) -> Vec<String> {
    texts(svg).into_iter().map(|t| t.body).collect()
}

#[test]
fn every_stage_name_month_and_the_before_label_are_drawn() {
    for (stages, months) in [(JA_STAGES, ja_months(12)), (EN_STAGES, en_months(12))] {
        let data = seed(&stages, months, 3);
        for width in [375, 1000] {
            let svg = draw(&data, width);
            let bodies = body_set(&svg);
            for s in stages {
                assert!(bodies.iter().any(|b| b == s), "{s} missing at {width}");
            }
            assert!(bodies.contains(&"期首までに必要".to_string()));
            if width == 1000 {
                for m in &data.months {
                    assert!(bodies.contains(m), "{m} missing");
                }
            }
            assert_clean(&svg);
            assert_font_family(&svg);
        }
    }
}

#[test]
fn bars_use_stage_colours_row_by_row_and_month_by_month() {
    let data = seed(&JA_STAGES, ja_months(12), 3);
    let svg = draw(&data, 1000);
    let mut previous_bottom = f64::NEG_INFINITY;
    for (r, row) in data.rows.iter().enumerate() {
        let bars = rects_filled(&svg, &stage_color_hex(r));
        assert_eq!(bars.len(), row.values.len(), "row {r}");
        // Left to right in month order, all on one baseline below the previous row.
        assert!(bars.windows(2).all(|w| w[0].x < w[1].x));
        let bottom = bars[0].y + bars[0].height;
        assert!(bars.iter().all(|b| (b.y + b.height - bottom).abs() < 1.0));
        assert!(bottom > previous_bottom);
        previous_bottom = bottom;
    }
}

#[test]
fn each_row_is_scaled_to_its_own_peak() {
    let data = seed(&JA_STAGES, ja_months(12), 3);
    let svg = draw(&data, 1000);
    let tallest: Vec<f64> = (0..6)
        .map(|r| {
            rects_filled(&svg, &stage_color_hex(r))
                .iter()
                .map(|b| b.height)
                .fold(0.0, f64::max)
        })
        .collect();
    // 33,334 visits and 20 deals reach the same height.
    assert!(
        tallest.iter().all(|h| (h - tallest[0]).abs() <= 1.0),
        "{tallest:?}"
    );
    // Within a row, a bigger count is a taller bar.
    let visits = rects_filled(&svg, &stage_color_hex(0));
    assert!(visits[0].height < visits[11].height);
}

#[test]
fn wide_charts_label_every_bar_narrow_ones_only_each_peak() {
    let data = seed(&JA_STAGES, ja_months(12), 3);
    let wide = body_set(&draw(&data, 1000));
    for row in &data.rows {
        for label in &row.value_labels {
            assert!(wide.contains(label), "{label} missing at 1000 px");
        }
    }

    let data = seed(&JA_STAGES, ja_months(15), 3);
    let svg = draw(&data, 375);
    let visits = &data.rows[0];
    let peak = visits.value_labels.last().unwrap();
    let shown: Vec<_> = texts(&svg)
        .into_iter()
        .filter(|t| visits.value_labels.contains(&t.body))
        .collect();
    assert!(shown.iter().any(|t| &t.body == peak), "peak label missing");
    assert!(
        shown.len() <= 3,
        "the visits row should only show its peak at 375 px: {shown:?}"
    );
    // The spilled peak label stays on the canvas.
    let t = find_text(&svg, peak).unwrap();
    assert!(t.x() + 3.0 * t.font_px() <= 375.0 - 4.0, "{:?}", t);
}

#[test]
fn months_before_the_period_are_shaded_and_named() {
    let data = seed(&JA_STAGES, ja_months(15), 3);
    let svg = draw(&data, 1000);
    let shade = rects_filled(&svg, SHADE);
    assert_eq!(shade.len(), 1);
    let visits = rects_filled(&svg, &stage_color_hex(0));
    // The shade covers the first three months' bars and stops before the fourth.
    let shade_right = shade[0].x + shade[0].width;
    assert!(visits[2].x + visits[2].width <= shade_right);
    assert!(visits[3].x >= shade_right);
    assert!(shade[0].x <= visits[0].x);
    let label = find_text(&svg, "期首までに必要").unwrap();
    assert!(
        label.y() < visits[0].y,
        "the label sits in the header above the bars"
    );

    let none = seed(&JA_STAGES, ja_months(15), 0);
    let svg = draw(&none, 1000);
    assert!(rects_filled(&svg, SHADE).is_empty());
    assert!(find_text(&svg, "期首までに必要").is_none());
}

#[test]
fn crowded_month_labels_are_thinned_but_keep_the_period_start() {
    let data = seed(&JA_STAGES, ja_months(15), 3);
    let svg = draw(&data, 375);
    let months: Vec<_> = texts(&svg)
        .into_iter()
        .filter(|t| data.months.contains(&t.body))
        .collect();
    assert!(months.len() < 15 && months.len() >= 4, "{}", months.len());
    assert!(months.iter().any(|t| t.body == "4月"));
    // Thinned labels never overlap.
    for pair in months.windows(2) {
        assert!(pair[1].x() - pair[0].x() >= 3.0 * pair[0].font_px());
    }
}

#[test]
fn the_requested_height_fits_everything() {
    for width in [375, 1000] {
        let data = seed(&JA_STAGES, ja_months(15), 3);
        let height = timeline_height(&data, f64::from(width));
        let svg = draw(&data, width);
        for t in texts(&svg) {
            assert!(t.y() > 0.0 && t.y() < height, "{t:?} outside 0..{height}");
        }
    }
}

#[test]
fn scale_two_doubles_everything() {
    let mut data = seed(&JA_STAGES, ja_months(12), 3);
    let one = draw(&data, 600);
    data.scale = 2.0;
    let two = draw(&data, 1200);
    let (a, b) = (texts(&one), texts(&two));
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert!((b.font_px() - 2.0 * a.font_px()).abs() < 1e-6);
        assert!((b.y() - 2.0 * a.y()).abs() <= 2.0);
    }
    assert_eq!(
        timeline_height(&data, 600.0) * 2.0,
        timeline_height(&data, 600.0) * data.scale
    );
}

#[test]
fn odd_inputs_draw_without_panic() {
    let mut data = seed(&JA_STAGES, ja_months(6), 2);
    data.rows[0].values = vec![f64::NAN, f64::INFINITY, -3.0, f64::NEG_INFINITY, 0.0, 5.0];
    data.rows[1].values = vec![1.0]; // ragged: shorter than the months
    data.rows[1].value_labels.clear();
    data.rows[2].values = vec![1.0; 40]; // and longer
    data.rows[3].values = vec![0.0; 6]; // nothing at all
    let svg = draw(&data, 375);
    assert_clean(&svg);
    assert_eq!(rects_filled(&svg, &stage_color_hex(0)).len(), 1);
    assert_eq!(rects_filled(&svg, &stage_color_hex(1)).len(), 1);
    assert_eq!(rects_filled(&svg, &stage_color_hex(2)).len(), 6);
    assert!(rects_filled(&svg, &stage_color_hex(3)).is_empty());

    data.first_in_period = 100;
    data.scale = f64::NAN;
    data.font_family.clear();
    assert_clean(&draw(&data, 375));
    for size in [(0, 0), (1, 1), (5, 400), (400, 5)] {
        assert_clean(&render(size, |a| draw_timeline(a, &data)));
    }
    data.months.clear();
    assert_clean(&draw(&data, 375));
    data.rows.clear();
    assert_clean(&draw(&data, 375));
}

#[test]
fn a_short_area_squeezes_the_bands_instead_of_cutting_rows_off() {
    let data = seed(&JA_STAGES, ja_months(12), 3);
    let svg = render((800, 150), |a| draw_timeline(a, &data));
    let won = rects_filled(&svg, &stage_color_hex(5));
    assert_eq!(won.len(), 12);
    assert!(won.iter().all(|b| b.y + b.height <= 150.0));
}

/// The samples worth a look (two languages, phone and desktop, a 2× screen) are each complete
/// and inside their drawing, with every stage name and the before-the-period label;
/// `CHART_PREVIEW_DIR` also writes them out.
#[test]
fn every_sample_is_complete_and_inside_its_drawing() {
    let samples = [
        ("timeline_ja_375", seed(&JA_STAGES, ja_months(15), 3), 375),
        ("timeline_ja_1000", seed(&JA_STAGES, ja_months(15), 3), 1000),
        ("timeline_en_375", seed(&EN_STAGES, en_months(12), 2), 375),
        ("timeline_en_1000", seed(&EN_STAGES, en_months(12), 2), 1000),
        (
            "timeline_ja_375@2x",
            scaled(seed(&JA_STAGES, ja_months(15), 3)),
            750,
        ),
    ];
    for (name, data, width) in samples {
        let svg = draw(&data, width);
        let mut labels = vec![data.before_label.as_str()];
        labels.extend(data.rows.iter().map(|r| r.label.as_str()));
        assert_sample(name, &svg, &labels);
        assert_font_family(&svg);
        preview(name, &svg);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_or_prints_non_numbers(
        values in proptest::collection::vec(
            proptest::collection::vec(prop_oneof![
                any::<f64>(),
                Just(f64::NAN),
                Just(f64::INFINITY),
                0.0..1e9f64,
            ], 0..20),
            0..10,
        ),
        months in 0usize..25,
        first in 0usize..30,
        width in 0u32..1400,
        height in 0u32..900,
        scale in prop_oneof![Just(1.0), Just(2.0), Just(0.0), Just(f64::NAN), 0.1..4.0f64],
    ) {
        let data = TimelineData {
            months: ja_months(months),
            first_in_period: first,
            before_label: "期首までに必要".into(),
            rows: values.iter().enumerate().map(|(i, v)| TimelineRow {
                label: "リードナーチャリング".repeat(i % 3),
                value_labels: v.iter().map(|x| format!("{x:.0}")).collect(),
                values: v.clone(),
                color_index: i * 7,
            }).collect(),
            scale,
            font_family: FONT.into(),
        };
        let h = timeline_height(&data, f64::from(width));
        prop_assert!(h.is_finite() && h >= 0.0);
        let svg = render((width, height), |a| draw_timeline(a, &data));
        // Value labels are the caller's text ("NaN" is a fine label); geometry is checked.
        for tag in tags(&svg, "rect").into_iter().chain(tags(&svg, "text")) {
            for name in ["x", "y", "width", "height"] {
                if let Some(v) = attr(tag, name) {
                    prop_assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{tag}");
                }
            }
        }
    }
}

#[test]
fn through_the_chart_trait_the_timeline_keeps_its_height_rule_and_draws_the_same_svg() {
    use funnel_charts::Chart;
    let data = seed(&JA_STAGES, ja_months(12), 3);
    for width in [375.0, 1000.0] {
        assert_eq!(Chart::height(&data, width), timeline_height(&data, width));
    }
    let at_two = data.at_scale(2.0);
    assert_eq!(at_two, scaled(data.clone()));
    let direct = draw(&at_two, 750);
    let height = (Chart::height(&at_two, 375.0) * 2.0).round() as u32;
    let through = render((750, height), |area| Chart::draw(&at_two, area));
    assert_eq!(through, direct);
}
