//! What a node is called: the user's own name, or the name its binding implies, in the language
//! of the moment (so a tree built in Japanese reads in English after switching).

use crate::lang::Lang;
use crate::stage::{rate_name, Stage};

use super::node::NodeKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// The user's own name (never blank).
    Own(String),
    Revenue,
    DealSize,
    /// A stage's count.
    Stage(Stage),
    /// The rate from the first stage to the second.
    Rate(Stage, Stage),
    /// A channel's leads, by the channel's name.
    Channel(String),
    /// Bound to a stage or channel the funnel no longer has.
    Lost,
    /// A node nobody named yet.
    Unnamed(NodeKind),
}

impl Label {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Label::Own(name), _) => name.clone(),
            (Label::Revenue, Lang::Ja) => "売上".into(),
            (Label::Revenue, Lang::En) => "Revenue".into(),
            (Label::DealSize, Lang::Ja) => "平均受注単価".into(),
            (Label::DealSize, Lang::En) => "Average deal size".into(),
            // 「商談」 is the stage; 「商談数」 is the figure counted.
            (Label::Stage(stage), Lang::Ja)
                if stage.name.as_deref().is_none_or(|n| n.trim().is_empty()) =>
            {
                format!("{}数", stage.display_name(lang))
            }
            (Label::Stage(stage), _) => stage.display_name(lang),
            (Label::Rate(from, to), _) => rate_name(from, to, lang),
            (Label::Channel(name), Lang::Ja) => format!("{name}のリード数"),
            // The channel first: a narrow tree box cuts the end of a title, and the channel is what tells
            // the boxes apart.
            (Label::Channel(name), Lang::En) => format!("{name} leads"),
            (Label::Lost, Lang::Ja) => "（ファネルにない段階）".into(),
            (Label::Lost, Lang::En) => "(stage no longer in the funnel)".into(),
            (Label::Unnamed(NodeKind::Ksf), Lang::Ja) => "新しいKSF".into(),
            (Label::Unnamed(NodeKind::Ksf), Lang::En) => "New KSF".into(),
            (Label::Unnamed(_), Lang::Ja) => "新しいKPI".into(),
            (Label::Unnamed(_), Lang::En) => "New KPI".into(),
        }
    }

    /// Whether the node has a name of its own or from the funnel.
    pub fn is_named(&self) -> bool {
        !matches!(self, Label::Lost | Label::Unnamed(_))
    }
}
