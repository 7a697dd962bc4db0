//! The evaluated tree as CSV, in the conventions of the results CSV (UTF-8 with a BOM, CRLF,
//! RFC 4180 quoting, names defused against spreadsheet formulas). One row per node, root first,
//! each node before its children. Numbers are plain digits (no separators) so a spreadsheet
//! reads them as numbers; rates are percentages.

use crate::csv_export::{defuse_formula, push_row};

use super::evaluate::KpiTree;
use super::evaluated::{EvaluatedNode, Status};
use super::label::Label;
use super::node::{Department, Direction, NodeKind, Unit};

/// The words the tree CSV writes, supplied by the page in the reader's language.
pub trait TreeCsvWords {
    /// The twelve column headings: position, depth, name, kind, unit, owner, target, actual,
    /// achievement, status, controllable, direction.
    fn headers(&self) -> [&str; 12];
    fn label(&self, label: &Label) -> String;
    fn kind(&self, kind: NodeKind) -> &str;
    fn unit(&self, unit: &Unit) -> String;
    fn owner(&self, owner: Department) -> &str;
    fn status(&self, status: Status) -> &str;
    fn yes_no(&self, yes: bool) -> &str;
    fn direction(&self, direction: Direction) -> &str;
}

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

fn row(n: &EvaluatedNode, words: &impl TreeCsvWords) -> Vec<String> {
    let numeric = n.kind != NodeKind::Ksf;
    vec![
        // "1.10" would read as the number 1.1 in a spreadsheet, so the levels are spelled out.
        n.path.replace('.', " > "),
        n.depth.to_string(),
        defuse_formula(words.label(&n.label)),
        words.kind(n.kind).to_string(),
        if numeric {
            defuse_formula(words.unit(&n.unit))
        } else {
            String::new()
        },
        n.owner
            .map(|o| words.owner(o).to_string())
            .unwrap_or_default(),
        plain(n.target, &n.unit),
        plain(n.actual, &n.unit),
        n.achievement
            .map(|a| format!("{}%", trimmed(a * 100.0, 1)))
            .unwrap_or_default(),
        words.status(n.status).to_string(),
        if numeric {
            words.yes_no(n.controllable).to_string()
        } else {
            String::new()
        },
        if numeric {
            words.direction(n.direction).to_string()
        } else {
            String::new()
        },
    ]
}

pub fn tree_csv(tree: &KpiTree, words: &impl TreeCsvWords) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &words.headers());
    for n in &tree.nodes {
        push_row(&mut out, &row(n, words));
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
