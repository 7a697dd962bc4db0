//! What a node is called: the user's own name, or the name its binding implies, in the language
//! of the moment (so a tree built in Japanese reads in English after switching).

use crate::plan::channels::ChannelName;
use crate::stage::Stage;

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
    /// A channel's leads.
    Channel(ChannelName),
    /// Bound to a stage or channel the funnel no longer has.
    Lost,
    /// A node nobody named yet.
    Unnamed(NodeKind),
}

impl Label {
    /// Whether the node has a name of its own or from the funnel.
    pub fn is_named(&self) -> bool {
        !matches!(self, Label::Lost | Label::Unnamed(_))
    }
}
