//! How a view changes the open scenario: it sends an [`Edit`], and the model's one `apply`
//! writes the draft. Views never write draft fields themselves, so every change is a value the
//! model's tests cover.

use funnel_model::draft::Draft;
use funnel_model::{apply, Edit};
use leptos::prelude::*;

/// Applies `edit` to the draft in `draft` and notifies its readers (the save, the results).
/// Returns what [`apply`] returns: the id of the stage, channel or node created or changed.
pub fn send(draft: RwSignal<Draft>, edit: impl Into<Edit>) -> Option<u32> {
    let edit = edit.into();
    draft.try_update(|d| apply(d, edit)).flatten()
}

/// A text input's callback that sends the edit `make` builds from what was typed.
pub fn on_text(
    draft: RwSignal<Draft>,
    make: impl Fn(String) -> Edit + Send + Sync + 'static,
) -> Callback<String> {
    Callback::new(move |text: String| {
        send(draft, make(text));
    })
}
