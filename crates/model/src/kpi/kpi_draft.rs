//! The KPI tree's editable state as stored with the scenario: the tree (or nothing, meaning
//! "generated from the funnel, unedited"), actuals as typed, the stage definitions and the
//! checklist. Everything defaults to empty and is left out of the JSON, so a scenario that
//! never opened the KPI view stores `{}`.

use serde::{Deserialize, Deserializer, Serialize};

use super::checklist::Checklist;
use super::definitions::Definitions;
use super::edit::{edit_nodes, KpiEdit};
use super::generate::{generate, Basis, ROOT_ID};
use super::node::{KpiNode, NodeId};
use super::repair::{cut, deserialize_nodes};
use super::{MAX_ACTUALS, MAX_VALUE_CHARS, MONTHS};

/// One actual as typed: for the whole period (`month: None`) or one month of it.
///
/// Actuals live beside the tree, keyed by node id, rather than in the nodes: typing this
/// month's figures is routine and must not freeze a generated tree against later funnel edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualText {
    pub node: NodeId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiDraft {
    /// Empty: the tree generated from the funnel. The first structural edit materialises it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_nodes"
    )]
    nodes: Vec<KpiNode>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_actuals"
    )]
    actuals: Vec<ActualText>,
    /// The period as typed ("2025年度 第1四半期"); a node's own period overrides it.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "deserialize_value_text"
    )]
    period: String,
    #[serde(default, skip_serializing_if = "Definitions::is_empty")]
    pub definitions: Definitions,
    #[serde(default, skip_serializing_if = "Checklist::is_empty")]
    pub checklist: Checklist,
}

impl KpiDraft {
    /// Whether the tree is still the generated one.
    pub fn is_generated(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The stored (edited) nodes; empty while the tree is the generated one.
    pub fn stored_nodes(&self) -> &[KpiNode] {
        &self.nodes
    }

    /// The tree as it stands: the edited nodes, or the tree generated from `basis`.
    pub fn nodes(&self, basis: &Basis) -> Vec<KpiNode> {
        if self.nodes.is_empty() {
            generate(basis)
        } else {
            self.nodes.clone()
        }
    }

    pub fn actuals(&self) -> &[ActualText] {
        &self.actuals
    }

    /// The actual of `node` as typed ("" when none).
    pub fn actual_text(&self, node: NodeId, month: Option<u8>) -> &str {
        self.actuals
            .iter()
            .find(|a| a.node == node && a.month == month)
            .map_or("", |a| a.text.as_str())
    }

    pub fn period(&self) -> &str {
        &self.period
    }

    /// Applies `edit` and returns the node it created or changed (the root for the tree-wide
    /// edits), or `None` when it was refused or changed nothing — in which case the draft is
    /// untouched, so a no-op never freezes a generated tree.
    pub fn apply(&mut self, basis: &Basis, edit: KpiEdit) -> Option<NodeId> {
        match edit {
            KpiEdit::SetActual { node, month, text } => self.set_actual(basis, node, month, &text),
            KpiEdit::SetTreePeriod { text } => {
                let text = cut(&text, MAX_VALUE_CHARS);
                if text == self.period {
                    return None;
                }
                self.period = text;
                Some(self.root_id())
            }
            KpiEdit::ResetTree => {
                if self.nodes.is_empty() {
                    return None;
                }
                let kept = generate(basis);
                self.actuals.retain(|a| {
                    kept.iter().any(|n| n.id == a.node) || self.nodes.iter().all(|n| n.id != a.node)
                });
                self.nodes.clear();
                Some(ROOT_ID)
            }
            edit => {
                let before = self.nodes(basis);
                let mut nodes = before.clone();
                let id = edit_nodes(&mut nodes, &edit)?;
                if nodes == before {
                    return None;
                }
                // Actuals of removed nodes go with them.
                self.actuals.retain(|a| {
                    nodes.iter().any(|n| n.id == a.node) || before.iter().all(|n| n.id != a.node)
                });
                self.nodes = nodes;
                Some(id)
            }
        }
    }

    fn root_id(&self) -> NodeId {
        self.nodes
            .iter()
            .find(|n| n.parent.is_none())
            .map_or(ROOT_ID, |n| n.id)
    }

    fn set_actual(
        &mut self,
        basis: &Basis,
        node: NodeId,
        month: Option<u8>,
        text: &str,
    ) -> Option<NodeId> {
        if month.is_some_and(|m| usize::from(m) >= MONTHS)
            || self.nodes(basis).iter().all(|n| n.id != node)
        {
            return None;
        }
        let text = cut(text, MAX_VALUE_CHARS);
        let at = self
            .actuals
            .iter()
            .position(|a| a.node == node && a.month == month);
        match (at, text.trim().is_empty()) {
            (Some(i), _) if self.actuals[i].text == text => return None,
            // An emptied field is "no actual": nothing typed is lost by dropping the entry.
            (Some(i), true) => {
                self.actuals.remove(i);
            }
            (Some(i), false) => self.actuals[i].text = text,
            (None, true) => return None,
            (None, false) if self.actuals.len() >= MAX_ACTUALS => return None,
            (None, false) => self.actuals.push(ActualText { node, month, text }),
        }
        Some(node)
    }
}

/// Actuals from storage: months past the period dropped, texts cut, one entry per node and
/// month (the last wins), at most `MAX_ACTUALS`.
fn deserialize_actuals<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ActualText>, D::Error> {
    let raw = Vec::<ActualText>::deserialize(d)?;
    let mut out: Vec<ActualText> = Vec::new();
    for mut a in raw {
        if a.month.is_some_and(|m| usize::from(m) >= MONTHS) || a.text.trim().is_empty() {
            continue;
        }
        a.text = cut(&a.text, MAX_VALUE_CHARS);
        out.retain(|b| !(b.node == a.node && b.month == a.month));
        out.push(a);
    }
    out.truncate(MAX_ACTUALS);
    Ok(out)
}

fn deserialize_value_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(cut(&String::deserialize(d)?, MAX_VALUE_CHARS))
}
