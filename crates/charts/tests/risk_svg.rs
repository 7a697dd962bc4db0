//! Renders the Risk charts into SVG strings and inspects the markup.

mod svg_util;

use funnel_charts::risk::{
    draw_distribution, draw_reach_curve, draw_tornado, tornado_height, CurveMark, DistributionData,
    Marker, ReachCurveData, TornadoBar, TornadoData,
};
use svg_util::*;

const TEAL: &str = "#0F766E";
const SLATE: &str = "#94A3B8";
const RED: &str = "#B91C1C";

fn binomial_80_quarter() -> Vec<(u64, f64)> {
    // Binomial(80, 1/4) by the term ratio, built here for the test.
    let mut probs = vec![0.75f64.powi(80)];
    for k in 0..80u64 {
        let last = probs[k as usize];
        probs.push(last * (80 - k) as f64 / (k + 1) as f64 / 3.0);
    }
    probs
        .into_iter()
        .enumerate()
        .map(|(k, p)| (k as u64, p))
        .collect()
}

fn distribution(ja: bool) -> DistributionData {
    DistributionData {
        bars: binomial_80_quarter(),
        target: 20,
        target_label: if ja { "目標 20件" } else { "Target 20" }.into(),
        markers: [("P10", 15), ("P50", 20), ("P90", 25)]
            .iter()
            .map(|(l, at)| Marker {
                label: (*l).into(),
                at: *at,
            })
            .collect(),
        scale: 1.0,
        font_family: FONT.into(),
    }
}

#[test]
fn distribution_marks_the_target_and_the_percentiles() {
    for (ja, width) in [(true, 375), (false, 900)] {
        let data = distribution(ja);
        let svg = render((width, 260), |a| draw_distribution(a, &data));
        preview(&format!("risk_distribution_{width}"), &svg);
        assert_clean(&svg);
        assert_font_family(&svg);
        let label = if ja { "目標 20件" } else { "Target 20" };
        assert!(find_text(&svg, label).is_some(), "{label}");
        for l in ["P10 15", "P50 20", "P90 25"] {
            assert!(find_text(&svg, l).is_some(), "{l}");
        }
        // Counts reaching the target in teal, the rest in slate; the bars at or above 20 are
        // right of those below.
        let reach = rects_filled(&svg, TEAL);
        let short = rects_filled(&svg, SLATE);
        assert!(!reach.is_empty() && !short.is_empty());
        let first_reach = reach.iter().map(|r| r.x).fold(f64::MAX, f64::min);
        assert!(short.iter().all(|r| r.x < first_reach));
        // Tallest bar near the mode (20).
        let tallest = reach
            .iter()
            .chain(&short)
            .max_by(|a, b| a.height.total_cmp(&b.height))
            .unwrap();
        assert_eq!(tallest.fill, TEAL.to_ascii_lowercase(), "the mode is 20");
    }
}

#[test]
fn distribution_survives_empty_and_odd_data() {
    let mut data = distribution(false);
    data.bars = vec![(3, f64::NAN), (4, -1.0)];
    let svg = render((300, 200), |a| draw_distribution(a, &data));
    assert_clean(&svg);
    data.bars.clear();
    let svg = render((300, 200), |a| draw_distribution(a, &data));
    assert_clean(&svg);
}

#[test]
fn curve_rises_and_marks_80_and_90_percent() {
    let points: Vec<(u64, f64)> = (0..=40)
        .map(|i| {
            let n = 40 + i * 3;
            (n, 1.0 - (-(n as f64 - 40.0) / 30.0).exp())
        })
        .collect();
    let data = ReachCurveData {
        points,
        marks: vec![
            CurveMark {
                label: "計画 80 · 54%".into(),
                count: 80,
                reach: 0.54,
                plan: true,
            },
            CurveMark {
                label: "80% 93".into(),
                count: 93,
                reach: 0.8,
                plan: false,
            },
            CurveMark {
                label: "90% 110".into(),
                count: 110,
                reach: 0.9,
                plan: false,
            },
        ],
        scale: 2.0,
        font_family: FONT.into(),
    };
    let svg = render((1100, 520), |a| draw_reach_curve(a, &data));
    preview("risk_curve", &svg);
    assert_clean(&svg);
    for l in ["80% 93", "90% 110", "計画 80 · 54%", "0%", "50%", "100%"] {
        assert!(find_text(&svg, l).is_some(), "{l}");
    }
    assert_eq!(tags(&svg, "circle").len(), 3);
    // The 90 % point sits higher (smaller y) than the 80 % point.
    let circles = tags(&svg, "circle");
    let ys: Vec<f64> = circles.iter().map(|c| num(c, "cy")).collect();
    assert!(ys[2] < ys[1] && ys[1] < ys[0]);
}

#[test]
fn tornado_orders_bars_and_splits_them_at_today() {
    let data = TornadoData {
        bars: vec![
            TornadoBar {
                label: "受注率 15%〜35%".into(),
                low: 60e6,
                high: 140e6,
                low_label: "¥6,000万".into(),
                high_label: "¥1.4億".into(),
            },
            TornadoBar {
                label: "MQL→SQL 15%〜40%".into(),
                low: 50e6,
                high: 133e6,
                low_label: "¥5,000万".into(),
                high_label: "¥1.33億".into(),
            },
            TornadoBar {
                label: "受注単価 ±20%".into(),
                low: 80e6,
                high: 120e6,
                low_label: "¥8,000万".into(),
                high_label: "¥1.2億".into(),
            },
        ],
        base: 100e6,
        base_label: "現在 ¥1億".into(),
        scale: 1.0,
        font_family: FONT.into(),
    };
    for width in [375u32, 1000] {
        let height = tornado_height(&data, f64::from(width)) as u32;
        let svg = render((width, height), |a| draw_tornado(a, &data));
        preview(&format!("risk_tornado_{width}"), &svg);
        assert_clean(&svg);
        for l in [
            "受注率 15%〜35%",
            "¥6,000万",
            "¥1.4億",
            "現在 ¥1億",
            "¥1.2億",
        ] {
            assert!(find_text(&svg, l).is_some(), "{l} at {width}");
        }
        let loss = rects_filled(&svg, RED);
        let gain = rects_filled(&svg, TEAL);
        assert_eq!((loss.len(), gain.len()), (3, 3));
        // Every loss part ends where every gain part starts: today's revenue.
        let split = gain[0].x;
        assert!(loss.iter().all(|r| (r.x + r.width - split).abs() <= 1.0));
        assert!(gain.iter().all(|r| (r.x - split).abs() <= 1.0));
        // Rows in the given order, top to bottom; the first bar is the widest.
        assert!(loss[0].y < loss[1].y && loss[1].y < loss[2].y);
        assert!(loss[0].width + gain[0].width > loss[2].width + gain[2].width);
    }
}

#[test]
fn tornado_keeps_a_long_end_label_inside_the_chart() {
    let long = "¥2億7,495万5,552";
    let data = TornadoData {
        bars: vec![TornadoBar {
            label: "CVR（訪問 → リード） 2%〜5%".into(),
            low: 100e6,
            high: 275e6,
            low_label: "¥1億".into(),
            high_label: long.into(),
        }],
        base: 100e6,
        base_label: "現在 ¥1億".into(),
        scale: 1.0,
        font_family: FONT.into(),
    };
    for width in [375u32, 1000] {
        let height = tornado_height(&data, f64::from(width)) as u32;
        let svg = render((width, height), |a| draw_tornado(a, &data));
        let label = find_text(&svg, long).expect("the high end's label is drawn");
        // 11 px text: about 1 em per CJK character, 0.6 em otherwise.
        let ems: f64 = long
            .chars()
            .map(|c| if u32::from(c) < 0x2E80 { 0.6 } else { 1.0 })
            .sum();
        let right_edge = label.x() + ems * 11.0;
        assert!(
            right_edge <= f64::from(width),
            "{width}px: the label ends at {right_edge}"
        );
    }
}
