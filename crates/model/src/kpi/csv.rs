//! The evaluated tree as CSV, in the conventions of the results CSV (UTF-8 with a BOM, CRLF,
//! RFC 4180 quoting, names defused against spreadsheet formulas). One row per node, root first,
//! each node before its children. Numbers are plain digits (no separators) so a spreadsheet
//! reads them as numbers; rates are percentages.

use crate::csv_export::{defuse_formula, push_row};
use crate::lang::Lang;

use super::evaluate::KpiTree;
use super::evaluated::EvaluatedNode;
use super::node::{NodeKind, Unit};

pub const TREE_CSV_HEADERS_JA: [&str; 12] = [
    "位置",
    "階層",
    "名前",
    "種類",
    "単位",
    "担当部門",
    "目標",
    "実績",
    "達成率",
    "状況",
    "コントロール可能",
    "上流・下流",
];

pub const TREE_CSV_HEADERS_EN: [&str; 12] = [
    "Position",
    "Depth",
    "Name",
    "Kind",
    "Unit",
    "Owner",
    "Target",
    "Actual",
    "Achievement",
    "Status",
    "Controllable",
    "Direction",
];

/// `value` with at most `decimals` decimals, trailing zeros dropped; empty if not finite.
fn trimmed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn plain(value: Option<f64>, unit: &Unit) -> String {
    match (value, unit) {
        (None, _) => String::new(),
        (Some(v), Unit::Percent) => format!("{}%", trimmed(v * 100.0, 4)),
        (Some(v), Unit::Count | Unit::Yen) => trimmed(v, 2),
        (Some(v), Unit::Custom(_)) => trimmed(v, 4),
    }
}

fn row(n: &EvaluatedNode, lang: Lang) -> Vec<String> {
    let numeric = n.kind != NodeKind::Ksf;
    let yes_no = |b: bool| match (b, lang) {
        (true, Lang::Ja) => "はい",
        (false, Lang::Ja) => "いいえ",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    };
    vec![
        // "1.10" would read as the number 1.1 in a spreadsheet, so the levels are spelled out.
        n.path.replace('.', " > "),
        n.depth.to_string(),
        defuse_formula(n.label.text(lang)),
        n.kind.text(lang).to_string(),
        if numeric {
            defuse_formula(n.unit.text(lang))
        } else {
            String::new()
        },
        n.owner
            .map(|o| o.text(lang).to_string())
            .unwrap_or_default(),
        plain(n.target, &n.unit),
        plain(n.actual, &n.unit),
        n.achievement
            .map(|a| format!("{}%", trimmed(a * 100.0, 1)))
            .unwrap_or_default(),
        n.status.text(lang).to_string(),
        if numeric {
            yes_no(n.controllable).to_string()
        } else {
            String::new()
        },
        if numeric {
            n.direction.text(lang).to_string()
        } else {
            String::new()
        },
    ]
}

pub fn tree_csv(tree: &KpiTree, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let headers = match lang {
        Lang::Ja => TREE_CSV_HEADERS_JA,
        Lang::En => TREE_CSV_HEADERS_EN,
    };
    push_row(&mut out, &headers);
    for n in &tree.nodes {
        push_row(&mut out, &row(n, lang));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain() {
        assert_eq!(plain(Some(666.666_666), &Unit::Count), "666.67");
        assert_eq!(plain(Some(20.0), &Unit::Count), "20");
        assert_eq!(plain(Some(0.3), &Unit::Percent), "30%");
        assert_eq!(plain(Some(0.123_45), &Unit::Percent), "12.345%");
        assert_eq!(plain(Some(1e8), &Unit::Yen), "100000000");
        assert_eq!(plain(None, &Unit::Yen), "");
        assert_eq!(trimmed(f64::NAN, 2), "");
    }
}
