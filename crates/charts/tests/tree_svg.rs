//! Renders the KPI tree into SVG strings and inspects the markup.

mod svg_util;

use funnel_charts::{
    draw_tree, tree_height, tree_row_at, NodeKind, NodeStatus, TreeChartData, TreeNodeView,
};
use proptest::prelude::*;
use svg_util::*;

const HIGHLIGHT: &str = "#c2410c";

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn n(depth: usize, kind: NodeKind, title: &str, detail: &str, status: NodeStatus) -> TreeNodeView {
    TreeNodeView {
        depth,
        title: title.into(),
        detail: detail.into(),
        kind,
        status,
        highlight: false,
        flagged: false,
        hidden_children: 0,
    }
}

fn ja_tree() -> TreeChartData {
    use NodeKind::*;
    use NodeStatus::*;
    let mut nodes = vec![
        n(0, Kgi, "売上", "目標 ¥1億 ・ 実績 ¥8,200万 ・ 82%", Behind),
        n(1, Ksf, "受注数", "目標 20 ・ 実績 15 ・ 75%", Behind),
        n(2, Kpi, "商談数", "目標 80 ・ 実績 84 ・ 105%", Ahead),
        n(3, Kpi, "SQL数", "目標 200 ・ 実績 198 ・ 99%", OnTrack),
        n(4, Kpi, "MQL数", "目標 667 ・ 実績 520 ・ 78%", Behind),
        n(
            5,
            Kpi,
            "リード数",
            "目標 6,667 ・ 実績 7,010 ・ 105%",
            Ahead,
        ),
        n(2, Kpi, "受注率", "目標 25% ・ 実績 18% ・ 72%", Behind),
        n(
            1,
            Ksf,
            "平均受注単価",
            "目標 ¥500万 ・ 実績 ¥547万 ・ 109%",
            Ahead,
        ),
        n(2, Kpi, "アップセル提案数", "データなし", NoData),
        n(1, Ksf, "解約率", "目標 2% ・ 実績 2%", OnTrack),
    ];
    nodes[4].highlight = true; // the bottleneck
    nodes[6].flagged = true;
    nodes[8].hidden_children = 4;
    TreeChartData {
        nodes,
        scale: 1.0,
        font_family: FONT.into(),
    }
}

/// A tree of `count` nodes whose depth wanders between 0 and `max_depth`.
fn big_tree(count: usize, max_depth: usize) -> TreeChartData {
    let statuses = [
        NodeStatus::Ahead,
        NodeStatus::OnTrack,
        NodeStatus::Behind,
        NodeStatus::NoData,
    ];
    let mut depth = 0;
    let nodes = (0..count)
        .map(|i| {
            if i > 0 {
                depth = if i % 7 == 0 {
                    1
                } else {
                    (depth + 1).min(max_depth)
                };
            }
            let kind = match depth {
                0 => NodeKind::Kgi,
                1 => NodeKind::Ksf,
                _ => NodeKind::Kpi,
            };
            let mut node = n(
                depth,
                kind,
                &format!("指標{i} リードナーチャリング経由の商談化数"),
                &format!("目標 {} ・ 実績 {} ・ {}%", i * 10, i * 9, 90),
                statuses[i % 4],
            );
            node.highlight = i == 11;
            node.flagged = i % 9 == 4;
            node.hidden_children = if i % 10 == 6 { i } else { 0 };
            node
        })
        .collect();
    TreeChartData {
        nodes,
        scale: 1.0,
        font_family: FONT.into(),
    }
}

fn draw(data: &TreeChartData, width: u32) -> String {
    let scale = if data.scale > 0.0 { data.scale } else { 1.0 };
    let height = tree_height(data, f64::from(width) / scale) * scale;
    render((width, height.round() as u32), |area| draw_tree(area, data))
}

/// The status stripe of each node, top to bottom: the narrow rects in a status colour.
fn stripes(svg: &str) -> Vec<SvgRect> {
    let colours: Vec<String> = [
        NodeStatus::NoData,
        NodeStatus::Ahead,
        NodeStatus::OnTrack,
        NodeStatus::Behind,
    ]
    .iter()
    .map(|s| hex(s.color()))
    .collect();
    let mut out: Vec<SvgRect> = rects(svg)
        .into_iter()
        .filter(|r| colours.contains(&r.fill) && r.width < 10.0)
        .collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

#[test]
fn every_title_detail_and_kind_tag_is_drawn() {
    let data = ja_tree();
    for width in [375, 1000] {
        let svg = draw(&data, width);
        assert_clean(&svg);
        assert_font_family(&svg);
        let bodies: Vec<String> = texts(&svg).into_iter().map(|t| t.body).collect();
        for node in &data.nodes {
            assert!(bodies.contains(&node.title), "{} at {width}", node.title);
            if width == 1000 {
                assert!(bodies.contains(&node.detail), "{}", node.detail);
            }
        }
        for tag in ["KGI", "KSF", "KPI"] {
            assert!(bodies.iter().any(|b| b == tag), "{tag}");
        }
        assert!(bodies.iter().any(|b| b == "+4"));
    }
}

#[test]
fn rows_go_down_in_order_and_indent_by_depth() {
    let data = ja_tree();
    for width in [375, 1000] {
        let svg = draw(&data, width);
        let stripes = stripes(&svg);
        assert_eq!(stripes.len(), data.nodes.len());
        for (i, (stripe, node)) in stripes.iter().zip(&data.nodes).enumerate() {
            assert_eq!(stripe.fill, hex(node.status.color()), "row {i}");
            let title = find_text(&svg, &node.title).unwrap();
            assert!(title.y() > stripe.y && title.y() < stripe.y + stripe.height);
        }
        for (i, pair) in data.nodes.windows(2).enumerate() {
            let (a, b) = (&stripes[i], &stripes[i + 1]);
            assert!(b.y > a.y + a.height, "rows overlap");
            match pair[1].depth.cmp(&pair[0].depth) {
                std::cmp::Ordering::Greater => assert!(b.x > a.x),
                std::cmp::Ordering::Equal => assert_eq!(b.x, a.x),
                std::cmp::Ordering::Less => assert!(b.x < a.x),
            }
        }
    }
}

#[test]
fn status_is_told_by_glyph_as_well_as_colour() {
    let svg = draw(&ja_tree(), 375);
    for (status, glyph) in [
        (NodeStatus::Behind, "!"),
        (NodeStatus::Ahead, "↑"),
        (NodeStatus::OnTrack, "✓"),
        (NodeStatus::NoData, "–"),
    ] {
        assert_eq!(status.glyph(), glyph);
        let drawn = texts(&svg).into_iter().filter(|t| t.body == glyph).count();
        assert!(drawn >= 1, "{glyph}");
        assert!(svg.contains(&format!("fill=\"{}\"", hex(status.color()).to_uppercase())));
    }
}

#[test]
fn bottleneck_gets_a_thick_outline_and_flag_a_warning() {
    let svg = draw(&ja_tree(), 1000);
    let outlines: Vec<&str> = tags(&svg, "polyline")
        .into_iter()
        .filter(|t| attr(t, "stroke").is_some_and(|s| s.eq_ignore_ascii_case(HIGHLIGHT)))
        .collect();
    assert_eq!(outlines.len(), 1);
    assert_eq!(attr(outlines[0], "stroke-width"), Some("3"));
    // Only the flagged node has the amber triangle with a "!".
    assert_eq!(svg.matches("fill=\"#FBBF24\"").count(), 1);

    let mut plain = ja_tree();
    for node in &mut plain.nodes {
        node.highlight = false;
        node.flagged = false;
    }
    let svg = draw(&plain, 1000);
    assert!(!svg.to_ascii_lowercase().contains(HIGHLIGHT));
    assert!(!svg.contains("#FBBF24"));
}

#[test]
fn forty_five_nodes_stay_readable_on_a_phone() {
    let data = big_tree(45, 8);
    let svg = draw(&data, 375);
    assert_clean(&svg);
    assert_eq!(stripes(&svg).len(), 45);
    for t in texts(&svg) {
        // Nothing shrinks below a readable size, and nothing runs off the right edge.
        assert!(t.font_px() >= 10.0, "{t:?}");
        if attr(t.tag, "text-anchor") == Some("start") {
            let w = funnel_charts::estimate_text_width(&t.body, t.font_px());
            assert!(t.x() + w <= 375.0 - 8.0 + 1.0, "{t:?} overflows");
        }
    }
    // Long titles are shortened with an ellipsis rather than dropped.
    assert!(texts(&svg).iter().any(|t| t.body.ends_with('…')));
    let height = tree_height(&data, 375.0);
    assert!(height > 45.0 * 40.0);
}

#[test]
fn connectors_join_children_to_their_parent() {
    let data = ja_tree();
    let svg = draw(&data, 1000);
    let lines: Vec<&str> = tags(&svg, "polyline")
        .into_iter()
        .filter(|t| attr(t, "stroke").is_some_and(|s| s.eq_ignore_ascii_case("#9ca3af")))
        .filter(|t| attr(t, "points").is_some_and(|p| p.split_whitespace().count() == 2))
        .collect();
    // One elbow per non-root node plus one spine per parent (売上, 受注数, 商談数, SQL数,
    // MQL数, 平均受注単価).
    assert_eq!(lines.len(), 9 + 6, "{lines:#?}");
}

#[test]
fn hit_test_matches_the_drawing() {
    let data = ja_tree();
    let svg = draw(&data, 375);
    for (i, stripe) in stripes(&svg).iter().enumerate() {
        let centre = stripe.y + stripe.height / 2.0;
        assert_eq!(tree_row_at(&data, 375.0, centre), Some(i));
        assert_eq!(tree_row_at(&data, 375.0, stripe.y + 1.0), Some(i));
        assert_eq!(
            tree_row_at(&data, 375.0, stripe.y + stripe.height - 1.0),
            Some(i)
        );
    }
    assert_eq!(tree_row_at(&data, 375.0, -5.0), None);
    assert_eq!(tree_row_at(&data, 375.0, 1e9), None);
}

#[test]
fn scale_two_doubles_everything() {
    let mut data = ja_tree();
    let one = draw(&data, 500);
    data.scale = 2.0;
    let two = draw(&data, 1000);
    let (a, b) = (texts(&one), texts(&two));
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a.body, b.body);
        assert!((b.font_px() - 2.0 * a.font_px()).abs() < 1e-6);
        assert!((b.y() - 2.0 * a.y()).abs() <= 1.0 && (b.x() - 2.0 * a.x()).abs() <= 1.0);
    }
}

#[test]
fn odd_inputs_draw_without_panic() {
    let mut data = ja_tree();
    data.nodes[0].depth = 3; // starts deep
    data.nodes[1].depth = 0;
    data.nodes[2].depth = 9; // jumps
    data.nodes[3].depth = usize::MAX;
    data.nodes[4].title.clear();
    data.nodes[4].detail.clear();
    data.nodes[5].hidden_children = usize::MAX;
    assert_clean(&draw(&data, 375));
    data.scale = f64::NAN;
    data.font_family.clear();
    for size in [(0, 0), (1, 1), (40, 900), (900, 20)] {
        assert_clean(&render(size, |a| draw_tree(a, &data)));
    }
    data.nodes.clear();
    assert_clean(&draw(&data, 375));
    assert_eq!(tree_row_at(&data, 375.0, 10.0), None);
}

#[test]
fn a_short_area_draws_the_top_rows_only() {
    let data = big_tree(45, 4);
    let svg = render((600, 300), |a| draw_tree(a, &data));
    let rows = stripes(&svg).len();
    assert!((5..=7).contains(&rows), "{rows}");
}

/// The samples worth a look (phone and desktop, 45 nodes eight levels deep, a 2× screen) are
/// each complete and inside their drawing, with every node's title; `CHART_PREVIEW_DIR` also
/// writes them out.
#[test]
fn every_sample_is_complete_and_inside_its_drawing() {
    let samples = [
        ("tree_ja_375", ja_tree(), 375),
        ("tree_ja_1000", ja_tree(), 1000),
        ("tree_45_375", big_tree(45, 8), 375),
        ("tree_45_1000", big_tree(45, 8), 1000),
        (
            "tree_ja_375@2x",
            TreeChartData {
                scale: 2.0,
                ..ja_tree()
            },
            750,
        ),
    ];
    for (name, data, width) in samples {
        let svg = draw(&data, width);
        let titles: Vec<&str> = data.nodes.iter().map(|n| n.title.as_str()).collect();
        assert_sample(name, &svg, &titles);
        assert_font_family(&svg);
        preview(name, &svg);
    }
}

fn any_status() -> impl Strategy<Value = NodeStatus> {
    prop_oneof![
        Just(NodeStatus::NoData),
        Just(NodeStatus::Ahead),
        Just(NodeStatus::OnTrack),
        Just(NodeStatus::Behind),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_or_prints_non_numbers(
        nodes in proptest::collection::vec(
            (0usize..40, any_status(), any::<bool>(), any::<bool>(), 0usize..1000, ".{0,30}"),
            0..60,
        ),
        width in 0u32..1400,
        height in 0u32..3000,
        scale in prop_oneof![Just(1.0), Just(2.0), Just(0.0), Just(f64::NAN), 0.1..4.0f64],
        y in prop_oneof![any::<f64>(), -10.0..3000.0f64],
    ) {
        let data = TreeChartData {
            nodes: nodes.iter().map(|(depth, status, highlight, flagged, hidden, title)| TreeNodeView {
                depth: *depth,
                title: title.clone(),
                detail: title.repeat(3),
                kind: NodeKind::Kpi,
                status: *status,
                highlight: *highlight,
                flagged: *flagged,
                hidden_children: *hidden,
            }).collect(),
            scale,
            font_family: FONT.into(),
        };
        let h = tree_height(&data, f64::from(width));
        prop_assert!(h.is_finite() && h >= 0.0);
        if let Some(i) = tree_row_at(&data, f64::from(width), y) {
            prop_assert!(i < data.nodes.len());
        }
        let svg = render((width, height), |a| draw_tree(a, &data));
        for tag in tags(&svg, "rect").into_iter().chain(tags(&svg, "text")).chain(tags(&svg, "circle")) {
            for name in ["x", "y", "width", "height", "cx", "cy", "r"] {
                if let Some(v) = attr(tag, name) {
                    prop_assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{tag}");
                }
            }
        }
    }
}
