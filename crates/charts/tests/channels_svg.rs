//! Renders the channel mix into SVG strings and inspects the markup.

mod svg_util;

use funnel_charts::{
    channel_chart_height, channel_color_hex, draw_channels, ChannelBar, ChannelChartData,
};
use proptest::prelude::*;
use svg_util::*;

/// (name, leads, budget in 万円)
const JA: [(&str, f64, f64); 6] = [
    ("展示会", 120.0, 600.0),
    ("ウェビナー", 300.0, 150.0),
    ("リスティング広告", 450.0, 500.0),
    ("SEO・コンテンツ", 260.0, 120.0),
    ("紹介・パートナー", 40.0, 20.0),
    ("インサイドセールス架電", 80.0, 240.0),
];
const EN: [(&str, f64, f64); 6] = [
    ("Trade shows", 120.0, 600.0),
    ("Webinars", 300.0, 150.0),
    ("Paid search", 450.0, 500.0),
    ("SEO & content", 260.0, 120.0),
    ("Referrals", 40.0, 20.0),
    ("Outbound calls", 80.0, 240.0),
];

fn seed(rows: &[(&str, f64, f64)], ja: bool) -> ChannelChartData {
    ChannelChartData {
        bars: rows
            .iter()
            .enumerate()
            .map(|(i, &(label, leads, budget))| ChannelBar {
                label: label.into(),
                leads,
                leads_label: format!("{leads}"),
                budget,
                budget_label: if ja {
                    format!("¥{budget}万")
                } else {
                    format!("¥{}M", budget / 100.0)
                },
                extra_label: if ja {
                    format!("CPA ¥{:.1}万", budget / leads)
                } else {
                    format!("CPA ¥{:.0}k", budget * 10.0 / leads)
                },
                color_index: i,
            })
            .collect(),
        leads_title: if ja { "リード数" } else { "Leads" }.into(),
        budget_title: if ja { "予算" } else { "Budget" }.into(),
        scale: 1.0,
        font_family: FONT.into(),
    }
}

fn draw(data: &ChannelChartData, width: u32) -> String {
    let scale = if data.scale > 0.0 { data.scale } else { 1.0 };
    let height = channel_chart_height(data, f64::from(width) / scale) * scale;
    render((width, height.round() as u32), |area| {
        draw_channels(area, data)
    })
}

/// The two bars of channel `i`: (leads, budget).
fn bars_of(svg: &str, i: usize) -> (SvgRect, SvgRect) {
    let mut rects = rects_filled(svg, &channel_color_hex(i));
    assert_eq!(rects.len(), 2, "channel {i}: {rects:?}");
    // Side by side: leads left of budget. Stacked: leads above budget.
    rects.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap());
    (rects[0].clone(), rects[1].clone())
}

#[test]
fn names_titles_values_and_extras_are_drawn() {
    for (rows, ja) in [(&JA, true), (&EN, false)] {
        let data = seed(rows, ja);
        for width in [375, 1000] {
            let svg = draw(&data, width);
            assert_clean(&svg);
            assert_font_family(&svg);
            let bodies: Vec<String> = texts(&svg).into_iter().map(|t| t.body).collect();
            assert!(bodies.contains(&data.leads_title) && bodies.contains(&data.budget_title));
            for bar in &data.bars {
                for want in [&bar.leads_label, &bar.budget_label] {
                    assert!(bodies.contains(want), "{want} missing at {width}");
                }
                // Names and extras may be shortened with an ellipsis, never dropped.
                let stem: String = bar.label.chars().take(3).collect();
                assert!(
                    bodies.iter().any(|b| b.starts_with(&stem)),
                    "{stem} at {width}"
                );
                let extra: String = bar.extra_label.chars().take(3).collect();
                assert!(bodies.iter().any(|b| b.starts_with(&extra)), "{extra}");
            }
        }
    }
}

#[test]
fn each_panel_is_scaled_to_its_own_maximum() {
    let data = seed(&JA, true);
    let svg = draw(&data, 1000);
    let pairs: Vec<_> = (0..6).map(|i| bars_of(&svg, i)).collect();
    // Paid search has the most leads, trade shows the biggest budget.
    let longest_leads = pairs[2].0.width;
    let longest_budget = pairs[0].1.width;
    for (i, &(_, leads, budget)) in JA.iter().enumerate() {
        assert!((pairs[i].0.width / longest_leads - leads / 450.0).abs() < 0.02);
        assert!((pairs[i].1.width / longest_budget - budget / 600.0).abs() < 0.02);
    }
    // Each longest bar uses most of its panel: neither scale borrows the other's maximum.
    let budget_panel = 1000.0 - 8.0 - pairs[0].1.x;
    assert!(longest_budget > 0.6 * budget_panel);
    assert!(longest_leads > 0.6 * (pairs[0].1.x - 24.0 - pairs[0].0.x));
}

#[test]
fn wide_panels_sit_side_by_side_and_narrow_ones_stack() {
    let data = seed(&JA, true);
    let wide = draw(&data, 1000);
    let narrow = draw(&data, 375);
    let (leads, budget) = bars_of(&wide, 0);
    assert!((leads.y - budget.y).abs() < 1.0 && budget.x > leads.x + leads.width);
    let (leads, budget) = bars_of(&narrow, 0);
    assert!(budget.y > leads.y && (budget.x - leads.x).abs() < 1.0);
    // Every budget bar is below every leads bar when stacked.
    let last_lead = bars_of(&narrow, 5).0;
    assert!(budget.y > last_lead.y);
    // Rows keep table order.
    for svg in [&wide, &narrow] {
        let ys: Vec<f64> = (0..6).map(|i| bars_of(svg, i).0.y).collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    }
}

#[test]
fn value_labels_sit_at_bar_ends_inside_only_when_needed() {
    let data = seed(&EN, false);
    let svg = draw(&data, 1000);
    for (i, bar) in data.bars.iter().enumerate() {
        let (leads, _) = bars_of(&svg, i);
        let t = find_text(&svg, &bar.leads_label).unwrap();
        assert!(
            (t.x() - (leads.x + leads.width + 6.0)).abs() <= 1.5,
            "{t:?}"
        );
        assert_eq!(attr(t.tag, "text-anchor"), Some("start"));
        assert_eq!(t.fill(), "#374151");
    }

    // A label too long to fit beside the longest bar goes inside it, in its text colour.
    let mut data = seed(&EN, false);
    data.bars[2].leads_label = "450 leads".into();
    let svg = draw(&data, 500);
    let t = find_text(&svg, "450 leads").unwrap();
    let (leads, _) = bars_of(&svg, 2);
    assert_eq!(attr(t.tag, "text-anchor"), Some("end"));
    assert!(t.x() <= leads.x + leads.width);
    assert_eq!(t.fill(), "#111827"); // dark text on channel 2's light green
                                     // Its neighbours still sit outside theirs.
    let t = find_text(&svg, "300").unwrap();
    assert_eq!(attr(t.tag, "text-anchor"), Some("start"));
}

#[test]
fn long_names_are_shortened_not_overlapping_the_bars() {
    let mut data = seed(&JA, true);
    data.bars[0].label = "とても長いチャネル名".repeat(4);
    let svg = draw(&data, 375);
    let name = texts(&svg)
        .into_iter()
        .find(|t| t.body.starts_with("とても"))
        .unwrap();
    assert!(name.body.ends_with('…'));
    let (leads, _) = bars_of(&svg, 0);
    let width = funnel_charts::estimate_text_width(&name.body, name.font_px());
    assert!(name.x() + width <= leads.x);
}

#[test]
fn scale_two_doubles_fonts() {
    let mut data = seed(&JA, true);
    let one = draw(&data, 600);
    data.scale = 2.0;
    let two = draw(&data, 1200);
    let (a, b) = (texts(&one), texts(&two));
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert!((b.font_px() - 2.0 * a.font_px()).abs() < 1e-6);
    }
}

#[test]
fn odd_inputs_draw_without_panic() {
    let mut data = seed(&JA, true);
    data.bars[0].leads = f64::NAN;
    data.bars[1].leads = f64::INFINITY;
    data.bars[2].leads = -1.0;
    data.bars[3].budget = f64::NEG_INFINITY;
    data.bars[4].extra_label.clear();
    let svg = draw(&data, 375);
    assert_clean(&svg);
    // Only valid amounts draw bars.
    assert_eq!(rects_filled(&svg, &channel_color_hex(0)).len(), 1);
    assert_eq!(rects_filled(&svg, &channel_color_hex(3)).len(), 1);
    for bar in data.bars.iter_mut() {
        bar.leads = 0.0;
        bar.budget = 0.0;
    }
    assert_clean(&draw(&data, 1000));
    data.scale = f64::NAN;
    data.font_family.clear();
    data.leads_title.clear();
    for size in [(0, 0), (1, 1), (3, 500), (500, 3)] {
        assert_clean(&render(size, |a| draw_channels(a, &data)));
    }
    data.bars.clear();
    assert_clean(&draw(&data, 375));
}

/// The samples worth a look (two languages, phone and desktop, twelve channels, a 2× screen)
/// are each complete and inside their drawing, with every name and title; `CHART_PREVIEW_DIR`
/// also writes them out.
#[test]
fn every_sample_is_complete_and_inside_its_drawing() {
    let mut many = seed(&JA, true);
    for i in 6..12 {
        let mut bar = many.bars[i % 6].clone();
        bar.label = format!("チャネル{i}");
        bar.color_index = i;
        many.bars.push(bar);
    }
    let samples = [
        ("channels_ja_375", seed(&JA, true), 375),
        ("channels_ja_1000", seed(&JA, true), 1000),
        ("channels_en_375", seed(&EN, false), 375),
        ("channels_en_1000", seed(&EN, false), 1000),
        ("channels_ja_12_1000", many, 1000),
        (
            "channels_ja_375@2x",
            ChannelChartData {
                scale: 2.0,
                ..seed(&JA, true)
            },
            750,
        ),
    ];
    for (name, data, width) in samples {
        let svg = draw(&data, width);
        let mut labels = vec![data.leads_title.as_str(), data.budget_title.as_str()];
        labels.extend(data.bars.iter().map(|b| b.label.as_str()));
        assert_sample(name, &svg, &labels);
        assert_font_family(&svg);
        preview(name, &svg);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_or_prints_non_numbers(
        amounts in proptest::collection::vec(
            (prop_oneof![any::<f64>(), 0.0..1e12f64], prop_oneof![any::<f64>(), 0.0..1e12f64]),
            0..15,
        ),
        width in 0u32..1400,
        height in 0u32..900,
        scale in prop_oneof![Just(1.0), Just(3.0), Just(-1.0), Just(f64::NAN), 0.1..4.0f64],
    ) {
        let data = ChannelChartData {
            bars: amounts.iter().enumerate().map(|(i, &(leads, budget))| ChannelBar {
                label: "ウェビナー".repeat(i % 4),
                leads,
                leads_label: format!("{leads:.0}"),
                budget,
                budget_label: format!("¥{budget:.0}"),
                extra_label: if i % 2 == 0 { "CPA ¥1万".into() } else { String::new() },
                color_index: i * 3,
            }).collect(),
            leads_title: "リード数".into(),
            budget_title: "予算".into(),
            scale,
            font_family: FONT.into(),
        };
        let h = channel_chart_height(&data, f64::from(width));
        prop_assert!(h.is_finite() && h >= 0.0);
        let svg = render((width, height), |a| draw_channels(a, &data));
        for tag in tags(&svg, "rect").into_iter().chain(tags(&svg, "text")) {
            for name in ["x", "y", "width", "height"] {
                if let Some(v) = attr(tag, name) {
                    prop_assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{tag}");
                }
            }
        }
    }
}
