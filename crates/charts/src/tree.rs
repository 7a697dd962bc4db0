//! KPI tree (KGI → KSF → KPI) drawn as an indented outline: one box per row, indented by
//! depth, with elbow connectors from each parent down to its children.
//!
//! A classic top-down tree gets unreadably wide at 40 nodes and impossible on a phone; an
//! outline grows downwards only, so the page scrolls and every box keeps a readable width.
//! The indent shrinks on narrow canvases so eight levels still fit 375 px.
//!
//! Longer than most modules: the outline's layout (rows, indents, connectors, wrapped labels)
//! and its drawing read the same measurements, so they stay together; the tests are at the end.

use plotters::backend::DrawingBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBColor, WHITE};

use crate::common::{
    ellipsize, font_family, px, sanitize_scale, text_style, DARK_TEXT, MUTED_TEXT,
};
use crate::funnel::estimate_text_width;

/// Level of a node in the KPI tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The goal (Key Goal Indicator), normally the root.
    Kgi,
    /// Key Success Factor.
    Ksf,
    /// Key Performance Indicator.
    Kpi,
}

/// How a node's actual compares with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeStatus {
    /// No actual recorded yet: grey, "–".
    NoData,
    /// Better than target: blue, "↑".
    Ahead,
    /// At target: green, "✓".
    OnTrack,
    /// Short of target: red, "!".
    Behind,
}

/// One visible node.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeNodeView {
    /// 0 for the root; a child is one deeper than its parent.
    pub depth: usize,
    /// e.g. "受注数".
    pub title: String,
    /// e.g. "目標 20 ・ 実績 15 ・ 75%".
    pub detail: String,
    pub kind: NodeKind,
    pub status: NodeStatus,
    /// The bottleneck: thick outline and a marker.
    pub highlight: bool,
    /// The node's numbers do not add up: a warning marker.
    pub flagged: bool,
    /// Descendants hidden because this node is collapsed; > 0 draws a "+N" badge.
    pub hidden_children: usize,
}

/// Everything [`draw_tree`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeChartData {
    /// Pre-order (parent before children, siblings in order), visible nodes only.
    pub nodes: Vec<TreeNodeView>,
    /// Device-pixel ratio; every size in CSS px is multiplied by it.
    pub scale: f64,
    /// CSS font-family stack, handed to the backend unchanged.
    pub font_family: String,
}

// Sizes below are CSS px.
const MARGIN: f64 = 8.0;
const BOX_H: f64 = 46.0;
const ROW_GAP: f64 = 8.0;
const PITCH: f64 = BOX_H + ROW_GAP;
const MAX_INDENT: f64 = 28.0;
const MIN_INDENT: f64 = 6.0;
/// Boxes never get narrower than this to make room for indentation: past it, deeper
/// levels share one x rather than squeezing text to nothing.
const MIN_BOX_W: f64 = 200.0;
const MAX_BOX_W: f64 = 520.0;
/// The depth the indent is sized for even when the tree is shallower, so expanding one more
/// level does not shift every box sideways.
const PLANNED_DEPTH: usize = 4;
const STRIPE_W: f64 = 5.0;
const CHAMFER: f64 = 4.0;
const PAD: f64 = 8.0;
const TITLE_FONT: f64 = 13.0;
const DETAIL_FONT: f64 = 12.0;
const DETAIL_FONT_MIN: f64 = 11.0;
const TAG_FONT: f64 = 10.0;
const BADGE_FONT: f64 = 11.0;
const BADGE_D: f64 = 18.0;
const BADGE_GAP: f64 = 5.0;

/// Gray-400: box borders and connectors, decoration only.
const LINE: RGBColor = RGBColor(0x9c, 0xa3, 0xaf);
/// Orange-700: the bottleneck outline and marker (5.2:1 on white, so it reads as a boundary).
const HIGHLIGHT: RGBColor = RGBColor(0xc2, 0x41, 0x0c);
/// Orange-50 behind the bottleneck's text.
const HIGHLIGHT_FILL: RGBColor = RGBColor(0xff, 0xf7, 0xed);
/// Blue-50 behind the goal, the one node every reader starts from.
const KGI_FILL: RGBColor = RGBColor(0xef, 0xf6, 0xff);
/// Amber-400 warning triangle carrying a near-black "!" (≈ 10:1).
const WARNING: RGBColor = RGBColor(0xfb, 0xbf, 0x24);
const WARNING_TEXT: RGBColor = RGBColor(0x11, 0x18, 0x27);
/// Gray-100 / gray-300 "+N" pill.
const COUNT_FILL: RGBColor = RGBColor(0xf3, 0xf4, 0xf6);
const COUNT_LINE: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);

impl NodeStatus {
    /// Colour plus glyph, so the status survives colour blindness and greyscale printing.
    /// Every colour carries white text at ≥ 4.5:1 (the tests compute it).
    pub fn color(self) -> RGBColor {
        match self {
            Self::NoData => RGBColor(0x6b, 0x72, 0x80),  // gray-500
            Self::Ahead => RGBColor(0x1d, 0x4e, 0xd8),   // blue-700
            Self::OnTrack => RGBColor(0x15, 0x80, 0x3d), // green-700
            Self::Behind => RGBColor(0xb9, 0x1c, 0x1c),  // red-700
        }
    }

    /// The glyph drawn in the status badge.
    pub fn glyph(self) -> &'static str {
        match self {
            Self::NoData => "–",
            Self::Ahead => "↑",
            Self::OnTrack => "✓",
            Self::Behind => "!",
        }
    }
}

impl NodeKind {
    fn tag(self) -> &'static str {
        match self {
            Self::Kgi => "KGI",
            Self::Ksf => "KSF",
            Self::Kpi => "KPI",
        }
    }

    /// Tag fill; white text on each is ≥ 4.5:1.
    fn color(self) -> RGBColor {
        match self {
            Self::Kgi => RGBColor(0x1e, 0x3a, 0x8a), // blue-900
            Self::Ksf => RGBColor(0x6d, 0x28, 0xd9), // violet-700
            Self::Kpi => RGBColor(0x47, 0x55, 0x69), // slate-600
        }
    }
}

/// Height in CSS px the tree wants at `width_css`: it grows with the node count and the
/// page scrolls.
pub fn tree_height(data: &TreeChartData, width_css: f64) -> f64 {
    Plan::new(data, width_css).height()
}

/// The index (into `data.nodes`) of the node drawn at `y_css` (CSS px from the top of the
/// chart), or `None` between the ends. Half the gap above and below a box counts as the box,
/// so a thumb slightly off still hits something.
pub fn tree_row_at(data: &TreeChartData, width_css: f64, y_css: f64) -> Option<usize> {
    let plan = Plan::new(data, width_css);
    if !y_css.is_finite() {
        return None;
    }
    let offset = y_css - MARGIN + ROW_GAP / 2.0;
    if offset < 0.0 {
        return None;
    }
    let row = (offset / PITCH).floor() as usize;
    (row < plan.rows).then_some(row)
}

/// Draws the tree into `area`, filling it with a white background first.
///
/// Never panics on odd input: depths that jump, start deep or go on forever, empty text,
/// a non-positive scale or a tiny area all still draw something sensible. Rows below the
/// area's bottom are skipped, not squeezed: the tree is meant to scroll.
pub fn draw_tree<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TreeChartData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let scale = sanitize_scale(data.scale);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let plan = Plan::new(data, w / scale);
    if data.nodes.is_empty() || w < 2.0 || h < 2.0 {
        return Ok(());
    }
    let device = Device {
        plan,
        s: scale,
        family: font_family(&data.font_family),
    };
    let visible = ((h / scale - MARGIN) / PITCH).ceil().max(0.0) as usize + 1;
    device.draw_connectors(area, data, visible)?;
    for (i, node) in data.nodes.iter().enumerate().take(visible) {
        device.draw_node(area, i, node)?;
    }
    Ok(())
}

/// The layout in CSS px.
#[derive(Debug, Clone, Copy)]
struct Plan {
    rows: usize,
    left: f64,
    right: f64,
    indent: f64,
    /// Largest x offset a box may get, so it keeps `MIN_BOX_W` (or the whole width).
    max_offset: f64,
}

impl Plan {
    fn new(data: &TreeChartData, width_css: f64) -> Self {
        let width = if width_css.is_finite() {
            width_css.max(0.0)
        } else {
            0.0
        };
        let (left, right) = (MARGIN, (width - MARGIN).max(MARGIN));
        let avail = right - left;
        let deepest = data.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
        let levels = deepest.max(PLANNED_DEPTH) as f64;
        let indent = ((avail - MIN_BOX_W) / levels).clamp(MIN_INDENT, MAX_INDENT);
        let max_offset = (avail - MIN_BOX_W.min(avail)).max(0.0);
        // On wide canvases full-width boxes would put the badges a long eye-jump from the
        // titles; boxes end together at the deepest box's comfortable width instead.
        let deepest_offset = (deepest as f64 * indent).min(max_offset);
        Self {
            rows: data.nodes.len(),
            left,
            right: right.min(left + deepest_offset + MAX_BOX_W),
            indent,
            max_offset,
        }
    }

    fn height(&self) -> f64 {
        if self.rows == 0 {
            return 2.0 * MARGIN;
        }
        2.0 * MARGIN + self.rows as f64 * PITCH - ROW_GAP
    }

    fn box_left(&self, depth: usize) -> f64 {
        self.left + (depth as f64 * self.indent).min(self.max_offset)
    }

    fn box_top(&self, row: usize) -> f64 {
        MARGIN + row as f64 * PITCH
    }
}

/// The plan in device px (`s` = CSS → device).
struct Device<'a> {
    plan: Plan,
    s: f64,
    family: FontFamily<'a>,
}

/// Index of each node's parent: the nearest earlier node that is shallower. Computed from
/// depths alone, so a malformed order (a jump of two levels, a second root) still connects
/// to something plausible instead of failing.
fn parents(nodes: &[TreeNodeView]) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            while stack.last().is_some_and(|&j| nodes[j].depth >= node.depth) {
                stack.pop();
            }
            let parent = stack.last().copied();
            stack.push(i);
            parent
        })
        .collect()
}

impl Device<'_> {
    fn d(&self, css: f64) -> i32 {
        px(css * self.s)
    }

    fn stroke(&self, css: f64) -> u32 {
        (css * self.s).round().max(1.0) as u32
    }

    fn draw_connectors<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        data: &TreeChartData,
        visible: usize,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        let parents = parents(&data.nodes);
        let style = LINE.stroke_width(self.stroke(1.0));
        // One spine per parent, from its box down to its last child's elbow.
        let mut last_child: Vec<Option<usize>> = vec![None; data.nodes.len()];
        for (child, parent) in parents.iter().enumerate() {
            if let Some(parent) = parent {
                last_child[*parent] = Some(child);
            }
        }
        for (child, parent) in parents.iter().enumerate() {
            let Some(parent) = *parent else { continue };
            if parent >= visible {
                continue;
            }
            let spine = p.box_left(data.nodes[parent].depth) + p.indent.min(MAX_INDENT) / 2.0;
            let child_left = p.box_left(data.nodes[child].depth);
            if child_left <= spine {
                // Past the deepest indent children line up under their parent; an elbow
                // would point backwards, so the order alone has to say it.
                continue;
            }
            let y = p.box_top(child) + BOX_H / 2.0;
            area.draw(&PathElement::new(
                vec![(self.d(spine), self.d(y)), (self.d(child_left), self.d(y))],
                style,
            ))?;
            if last_child[parent] == Some(child) {
                let top = p.box_top(parent) + BOX_H;
                area.draw(&PathElement::new(
                    vec![(self.d(spine), self.d(top)), (self.d(spine), self.d(y))],
                    style,
                ))?;
            }
        }
        Ok(())
    }

    fn draw_node<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        row: usize,
        node: &TreeNodeView,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = &self.plan;
        let (x0, x1) = (p.box_left(node.depth), p.right);
        let (y0, y1) = (p.box_top(row), p.box_top(row) + BOX_H);
        let c = CHAMFER.min((x1 - x0) / 2.0);
        // Square on the left where the status stripe sits, chamfered on the right.
        let outline = vec![
            (self.d(x0), self.d(y0)),
            (self.d(x1 - c), self.d(y0)),
            (self.d(x1), self.d(y0 + c)),
            (self.d(x1), self.d(y1 - c)),
            (self.d(x1 - c), self.d(y1)),
            (self.d(x0), self.d(y1)),
        ];
        let fill = if node.highlight {
            HIGHLIGHT_FILL
        } else if node.kind == NodeKind::Kgi {
            KGI_FILL
        } else {
            WHITE
        };
        area.draw(&Polygon::new(outline.clone(), fill.filled()))?;
        let mut closed = outline;
        closed.push(closed[0]);
        let border = if node.highlight {
            HIGHLIGHT.stroke_width(self.stroke(3.0))
        } else {
            LINE.stroke_width(self.stroke(1.0))
        };
        area.draw(&PathElement::new(closed, border))?;
        let stripe_w = STRIPE_W.min(x1 - x0);
        area.draw(&Rectangle::new(
            [
                (self.d(x0), self.d(y0)),
                (self.d(x0 + stripe_w), self.d(y1)),
            ],
            node.status.color().filled(),
        ))?;

        let title_y = y0 + 15.0;
        let detail_y = y0 + 33.0;
        let text_left = x0 + stripe_w + PAD;
        let badges_left = self.draw_badges(area, node, x1 - PAD, title_y, text_left)?;
        let tag_right = self.draw_kind_tag(area, node.kind, text_left, title_y, badges_left)?;

        let font = TITLE_FONT * self.s;
        let room = (badges_left - BADGE_GAP - tag_right) * self.s;
        let title = ellipsize(&node.title, font, room);
        let style = text_style(
            self.family,
            font,
            FontStyle::Bold,
            DARK_TEXT,
            (HPos::Left, VPos::Center),
        );
        area.draw(&Text::new(
            title,
            (self.d(tag_right), self.d(title_y)),
            style,
        ))?;

        let room = (x1 - PAD - text_left) * self.s;
        // The detail ends with the figure that matters (the % of target), so a slightly
        // smaller font beats cutting it off.
        let font = [DETAIL_FONT, DETAIL_FONT_MIN]
            .into_iter()
            .map(|f| f * self.s)
            .find(|&f| estimate_text_width(node.detail.trim(), f) <= room)
            .unwrap_or(DETAIL_FONT_MIN * self.s);
        let style = text_style(
            self.family,
            font,
            FontStyle::Normal,
            MUTED_TEXT,
            (HPos::Left, VPos::Center),
        );
        let detail = ellipsize(&node.detail, font, room);
        area.draw(&Text::new(
            detail,
            (self.d(text_left), self.d(detail_y)),
            style,
        ))
    }

    /// "KGI"/"KSF"/"KPI" pill; returns where the title starts. Left out when the box is too
    /// narrow to keep some room for the title after it.
    fn draw_kind_tag<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        kind: NodeKind,
        x: f64,
        y: f64,
        limit: f64,
    ) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
        let text_w = estimate_text_width(kind.tag(), TAG_FONT);
        let w = text_w + 8.0;
        if x + w + 4.0 * TITLE_FONT > limit {
            return Ok(x);
        }
        let h = 15.0;
        area.draw(&Rectangle::new(
            [
                (self.d(x), self.d(y - h / 2.0)),
                (self.d(x + w), self.d(y + h / 2.0)),
            ],
            kind.color().filled(),
        ))?;
        let style = text_style(
            self.family,
            TAG_FONT * self.s,
            FontStyle::Bold,
            WHITE,
            (HPos::Center, VPos::Center),
        );
        area.draw(&Text::new(
            kind.tag(),
            (self.d(x + w / 2.0), self.d(y)),
            style,
        ))?;
        Ok(x + w + 6.0)
    }

    /// Right to left: status, "+N", warning, bottleneck. Each is drawn only while it leaves
    /// room for the title; the status always comes first because the stripe alone is
    /// colour. Returns the left edge of what was drawn.
    fn draw_badges<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        node: &TreeNodeView,
        right: f64,
        y: f64,
        text_left: f64,
    ) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
        let min_title = 3.0 * TITLE_FONT;
        let fits = |x: f64, w: f64| x - w >= text_left + min_title;
        let mut x = right;
        let r = BADGE_D / 2.0;
        if fits(x, BADGE_D) {
            let centre = (self.d(x - r), self.d(y));
            area.draw(&Circle::new(
                centre,
                self.d(r),
                node.status.color().filled(),
            ))?;
            let style = text_style(
                self.family,
                BADGE_FONT * self.s,
                FontStyle::Bold,
                WHITE,
                (HPos::Center, VPos::Center),
            );
            area.draw(&Text::new(node.status.glyph(), centre, style))?;
            x -= BADGE_D + BADGE_GAP;
        }
        if node.hidden_children > 0 {
            let text = format!("+{}", node.hidden_children);
            let w = estimate_text_width(&text, BADGE_FONT) + 10.0;
            if fits(x, w) {
                let corners = [(self.d(x - w), self.d(y - r)), (self.d(x), self.d(y + r))];
                area.draw(&Rectangle::new(corners, COUNT_FILL.filled()))?;
                area.draw(&Rectangle::new(
                    corners,
                    COUNT_LINE.stroke_width(self.stroke(1.0)),
                ))?;
                let style = text_style(
                    self.family,
                    BADGE_FONT * self.s,
                    FontStyle::Bold,
                    DARK_TEXT,
                    (HPos::Center, VPos::Center),
                );
                area.draw(&Text::new(text, (self.d(x - w / 2.0), self.d(y)), style))?;
                x -= w + BADGE_GAP;
            }
        }
        if node.flagged && fits(x, BADGE_D) {
            let triangle = vec![
                (self.d(x - r), self.d(y - r)),
                (self.d(x), self.d(y + r - 1.0)),
                (self.d(x - BADGE_D), self.d(y + r - 1.0)),
            ];
            area.draw(&Polygon::new(triangle, WARNING.filled()))?;
            let style = text_style(
                self.family,
                BADGE_FONT * self.s,
                FontStyle::Bold,
                WARNING_TEXT,
                (HPos::Center, VPos::Center),
            );
            area.draw(&Text::new("!", (self.d(x - r), self.d(y + 2.0)), style))?;
            x -= BADGE_D + BADGE_GAP;
        }
        if node.highlight && fits(x, BADGE_D) {
            let diamond = vec![
                (self.d(x - r), self.d(y - r)),
                (self.d(x), self.d(y)),
                (self.d(x - r), self.d(y + r)),
                (self.d(x - BADGE_D), self.d(y)),
            ];
            area.draw(&Polygon::new(diamond, HIGHLIGHT.filled()))?;
            x -= BADGE_D + BADGE_GAP;
        }
        Ok(x + BADGE_GAP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(depth: usize) -> TreeNodeView {
        TreeNodeView {
            depth,
            title: "t".into(),
            detail: String::new(),
            kind: NodeKind::Kpi,
            status: NodeStatus::NoData,
            highlight: false,
            flagged: false,
            hidden_children: 0,
        }
    }

    fn data(depths: &[usize]) -> TreeChartData {
        TreeChartData {
            nodes: depths.iter().map(|&d| node(d)).collect(),
            scale: 1.0,
            font_family: String::new(),
        }
    }

    #[test]
    fn status_and_kind_colours_carry_white_text() {
        use crate::palette::tests::contrast_ratio;
        for status in [
            NodeStatus::NoData,
            NodeStatus::Ahead,
            NodeStatus::OnTrack,
            NodeStatus::Behind,
        ] {
            let ratio = contrast_ratio(status.color(), WHITE);
            assert!(ratio >= 4.5, "{status:?}: {ratio:.2}");
        }
        for kind in [NodeKind::Kgi, NodeKind::Ksf, NodeKind::Kpi] {
            assert!(contrast_ratio(kind.color(), WHITE) >= 4.5, "{kind:?}");
        }
        assert!(contrast_ratio(HIGHLIGHT, WHITE) >= 3.0);
        assert!(contrast_ratio(WARNING, WARNING_TEXT) >= 4.5);
        for fill in [WHITE, KGI_FILL, HIGHLIGHT_FILL] {
            assert!(contrast_ratio(fill, DARK_TEXT) >= 4.5);
            assert!(contrast_ratio(fill, MUTED_TEXT) >= 4.5);
        }
    }

    #[test]
    fn parents_follow_depth() {
        let d = data(&[0, 1, 2, 2, 1, 2, 0, 3]);
        assert_eq!(
            parents(&d.nodes),
            vec![
                None,
                Some(0),
                Some(1),
                Some(1),
                Some(0),
                Some(4),
                None,
                Some(6)
            ]
        );
    }

    #[test]
    fn depth_eight_fits_a_phone() {
        let d = data(&[0, 1, 2, 3, 4, 5, 6, 7, 8]);
        let plan = Plan::new(&d, 375.0);
        assert!(plan.right - plan.box_left(8) >= MIN_BOX_W - 1e-9);
        // Each level is still visibly indented.
        assert!(plan.box_left(8) - plan.box_left(7) >= MIN_INDENT);
        let wide = Plan::new(&d, 1000.0);
        assert_eq!(wide.indent, MAX_INDENT);
    }

    #[test]
    fn absurd_depths_keep_a_readable_box() {
        let d = data(&[0, 500]);
        let plan = Plan::new(&d, 375.0);
        assert!(plan.right - plan.box_left(500) >= MIN_BOX_W - 1e-9);
        let tiny = Plan::new(&d, 50.0);
        assert!(tiny.box_left(500) <= tiny.right);
    }

    #[test]
    fn height_and_hit_test_agree() {
        let d = data(&[0, 1, 1, 2]);
        let h = tree_height(&d, 375.0);
        assert_eq!(h, 2.0 * MARGIN + 4.0 * PITCH - ROW_GAP);
        assert_eq!(tree_row_at(&d, 375.0, 0.0), None);
        assert_eq!(tree_row_at(&d, 375.0, MARGIN + 1.0), Some(0));
        assert_eq!(tree_row_at(&d, 375.0, MARGIN + PITCH + 1.0), Some(1));
        assert_eq!(tree_row_at(&d, 375.0, h - MARGIN - 1.0), Some(3));
        assert_eq!(tree_row_at(&d, 375.0, h + 10.0), None);
        assert_eq!(tree_row_at(&d, 375.0, f64::NAN), None);
        assert_eq!(tree_row_at(&d, f64::NAN, 20.0), Some(0));
        assert_eq!(tree_row_at(&data(&[]), 375.0, 20.0), None);
    }
}
