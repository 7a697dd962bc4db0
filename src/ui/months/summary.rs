//! The monthly plan's headline: the notes on the phasing, the cards and what the velocity
//! divides by.

use funnel_model::Lang;
use leptos::prelude::*;

use crate::ui::results::HeadlineCards;
use crate::view_model::months::summary::{phasing_notes, summary_cards, velocity_hint};
use crate::view_model::months::TimeResult;

#[component]
pub(super) fn MonthSummary(
    lang: RwSignal<Lang>,
    result: Memo<Option<TimeResult>>,
    draft: RwSignal<funnel_model::draft::Draft>,
) -> impl IntoView {
    let cards = Signal::derive(move || {
        let l = lang.get();
        let pipeline_given = draft.with(|d| !d.plan.open_pipeline.trim().is_empty());
        result.with(|r| {
            r.as_ref()
                .map(|r| summary_cards(l, pipeline_given, r))
                .unwrap_or_default()
        })
    });
    let notes = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| phasing_notes(l, r)).unwrap_or_default())
    };
    let velocity_note = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| velocity_hint(l, r)))
    };
    view! {
        {move || notes().into_iter().map(|n| view! { <p class="note" role="note">{n}</p> }).collect_view()}
        <HeadlineCards prefix="months" cards=cards />
        <p class="hint" data-testid="velocity-note">{velocity_note}</p>
    }
}
