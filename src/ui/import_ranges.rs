//! Using the actuals as the Risk view's doubt about each rate: the decided counts of every step
//! become "converted of total" beliefs there, undoable like the other uses.

use funnel_model::edit::ImportEdit;
use funnel_model::import::risk_fill::risk_from_actuals;
use leptos::prelude::*;

use crate::i18n::import::{risk_rates_filled, words};
use crate::send::send;
use crate::session::{Session, View};
use crate::ui::import::ImportState;

#[component]
pub fn UseAsRanges(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let undo = state.risk_undo;
    let apply = move |_| {
        let Some(actuals) = state.actuals.get_untracked() else {
            return;
        };
        let draft = session.draft.get_untracked();
        let (risk, changed) = risk_from_actuals(&draft, &actuals);
        send(session.draft, ImportEdit::Risk(Box::new(risk)));
        undo.set(Some((draft.risk, changed.len())));
    };
    let restore = move |_| {
        if let Some((before, _)) = undo.get_untracked() {
            send(session.draft, ImportEdit::Risk(Box::new(before)));
            undo.set(None);
        }
    };
    view! {
        <div class="results-block">
            <h3>{move || w().use_the_actuals_in_the_risk}</h3>
            <p class="hint">
                {move || w().puts_each_steps_decided_counts_moved}
            </p>
            <div class="button-row">
                <button type="button" on:click=apply>{move || w().use_as_rate_ranges}</button>
            </div>
            {move || undo.get().map(|(_, n)| {
                let lang = lang.get();
                let text = if n == 0 {
                    words(lang).the_risk_inputs_already_match_the.to_string()
                } else {
                    risk_rates_filled(lang, n)
                };
                view! {
                    <p class="note applied" role="status">
                        {text} " "
                        <button type="button" class="link" on:click=move |_| session.set_view(View::Risk)>{words(lang).see_risk_sensitivity}</button>
                        " "
                        <button type="button" on:click=restore>{words(lang).undo}</button>
                    </p>
                }
            })}
        </div>
    }
}
