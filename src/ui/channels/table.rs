//! The editable channel table: one card per channel, the share total, undo of a removal, and
//! adding a channel.

use funnel_model::edit::ChannelEdit;
use funnel_model::format::format_decimal;
use funnel_model::plan::draft::{ChannelDraft, PlanField};
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::channels::{removed_channel, shares_total, words};
use crate::i18n::names::Named;
use crate::send::send;
use crate::session::Session;
use crate::ui::plan_common::field_error;

use super::card::ChannelCard;

#[component]
pub(super) fn ChannelTable(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    plan: Memo<ValidPlan>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let ids = move || draft.with(|d| d.plan.channels.iter().map(|c| c.id).collect::<Vec<_>>());
    let share_total = move || draft.with(|d| d.plan.share_total());
    // Forgotten when another scenario opens: undo only puts a channel back where it came from.
    let removed = RwSignal::new(None::<(usize, ChannelDraft)>);
    Effect::new(move |_| {
        session.opened.track();
        removed.set(None);
    });
    view! {
        <fieldset class="plan-group channel-table">
            <legend>{move || w().channel_table}</legend>
            <p class="hint">
                {move || w().for_each_source_of_leads_a}
            </p>
            <div class="channel-grid">
                <For each=ids key=|id| *id let:id>
                    <ChannelCard session=session errors=errors plan=plan id=id removed=removed />
                </For>
            </div>
            <p class="hint" data-testid="share-total">
                {move || share_total().map(|t| shares_total(lang.get(), &format_decimal(t, 2)))}
            </p>
            <p class="undo-line" role="status">
                {move || removed.get().map(|(_, c)| {
                    let l = lang.get();
                    let text = removed_channel(l, &c.display_name(l));
                    view! {
                        <span>{text}</span>
                        " "
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Some((at, c)) = removed.get_untracked() {
                                send(draft, ChannelEdit::Restore { index: at, channel: Box::new(c) });
                            }
                            removed.set(None);
                        }>
                            {words(l).undo}
                        </button>
                    }
                })}
            </p>
            <p class="message" role="status" data-testid="channels-message">
                {move || field_error(lang, draft, errors, PlanField::Channels).get()}
            </p>
            <div class="button-row">
                <button
                    type="button"
                    disabled=move || !draft.with(|d| d.plan.can_add_channel())
                    on:click=move |_| {
                        send(draft, ChannelEdit::Add);
                    }
                >
                    {move || w().add_a_channel}
                </button>
            </div>
        </fieldset>
    }
}
