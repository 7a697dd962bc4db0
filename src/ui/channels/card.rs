//! One channel's card: its name, lead volume, rates, cost, benchmark notes, and its buttons.

use funnel_charts::channel_color_hex;
use funnel_model::draft::Draft;
use funnel_model::edit::{ChannelEdit, ChannelText};
use funnel_model::plan::benchmarks::check_channel;
use funnel_model::plan::draft::{ChannelDraft, PlanField, SpendMode, VolumeMode};
use funnel_model::{Lang, OptionKey};
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::benchmarks::benchmark_note;
use crate::i18n::channels::{
    channel_name_label, field_context, give_remaining_share, remove_channel, words, Words,
};
use crate::i18n::names::Named;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::plan_common::{field_error, SelectField};

use super::benchmarks::metric_name;

/// One channel of the draft, found by its id wherever it sits in the table.
#[derive(Clone, Copy)]
struct CardChannel {
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    id: u32,
}

impl CardChannel {
    fn get(self) -> Option<ChannelDraft> {
        self.draft
            .with(|d| d.plan.channels.iter().find(|c| c.id == self.id).cloned())
    }

    fn name(self) -> String {
        self.get()
            .map(|c| c.display_name(self.lang.get()))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        self.draft.with(|d| {
            d.plan
                .channels
                .iter()
                .position(|c| c.id == self.id)
                .unwrap_or(0)
        })
    }

    fn label(self, word: fn(&Words) -> &'static str) -> Signal<String> {
        let lang = self.lang;
        Signal::derive(move || word(words(lang.get())).to_string())
    }

    /// The callback sending a text field's edits to this channel.
    fn edit(self, field: ChannelText) -> Callback<String> {
        let id = self.id;
        on_text(self.draft, move |text| {
            ChannelEdit::Text { id, field, text }.into()
        })
    }

    /// The callback sending a select's choice to this channel, through `make`.
    fn choose(self, make: fn(u32, &str) -> Option<ChannelEdit>) -> Callback<String> {
        let (draft, id) = (self.draft, self.id);
        Callback::new(move |key: String| {
            if let Some(e) = make(id, &key) {
                send(draft, e);
            }
        })
    }
}

#[component]
pub(super) fn ChannelCard(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    plan: Memo<ValidPlan>,
    id: u32,
    /// The last removed channel and where it was, for undo.
    removed: RwSignal<Option<(usize, ChannelDraft)>>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let ch = CardChannel { lang, draft, id };
    let channel = move || ch.get();
    let name = move || ch.name();
    let index = move || ch.index();
    // Short visible labels; screen readers (and label lookups) hear the channel first.
    let context = Signal::derive(move || field_context(lang.get(), &name()));
    let notes = move || benchmark_notes(lang, draft, plan, index);
    view! {
        <fieldset class="channel-card" data-channel=id>
            <legend>
                <span class="swatch" aria-hidden="true" style:background-color=move || channel_color_hex(index())></span>
                {name}
            </legend>
            <TextField
                id=format!("ch-{id}-name")
                label=Signal::derive(move || channel_name_label(lang.get(), index() + 1))
                value=Signal::derive(move || channel().map(|c| c.display_name(lang.get())).unwrap_or_default())
                error=Signal::derive(|| None::<String>)
                on_input=on_text(draft, move |name| ChannelEdit::Name { id, name }.into())
            />
            <VolumeFields ch=ch errors=errors context=context />
            <div class="field-row">
                <TextField
                    id=format!("ch-{id}-cvr")
                    label=ch.label(|w| w.visit_lead_rate)
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.cvr).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelCvr(id))
                    on_input=ch.edit(ChannelText::Cvr)
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
                <TextField
                    id=format!("ch-{id}-mql")
                    label=ch.label(|w| w.lead_mql_rate_empty_the_funnels)
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.lead_to_mql).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelMql(id))
                    on_input=ch.edit(ChannelText::LeadToMql)
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
            </div>
            {move || notes().into_iter().map(|n| view! { <p class="bench-note" role="note">{n}</p> }).collect_view()}
            <SpendFields ch=ch errors=errors context=context />
            <CardActions ch=ch removed=removed />
        </fieldset>
    }
}

/// The benchmark notes on a channel's figures, each naming the span it checks: that span is
/// not on the card (web ads: lead → meeting through the funnel).
fn benchmark_notes(
    lang: RwSignal<Lang>,
    draft: RwSignal<Draft>,
    plan: Memo<ValidPlan>,
    index: impl Fn() -> usize,
) -> Vec<String> {
    let l = lang.get();
    let Ok(channels) = draft.with(|d| d.plan.channels()) else {
        return Vec::new();
    };
    let i = index();
    plan.with(|p| {
        let (Some((funnel, _)), Some(c)) = (p.as_ref(), channels.get(i)) else {
            return Vec::new();
        };
        check_channel(funnel, c)
            .iter()
            .map(|n| {
                format!(
                    "{}: {}",
                    metric_name(n.benchmark.metric, l),
                    benchmark_note(l, n)
                )
            })
            .collect()
    })
}

/// How a channel's leads are given (a share of the total or a fixed count) and the figure.
#[component]
fn VolumeFields(
    ch: CardChannel,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    context: Signal<String>,
) -> impl IntoView {
    let CardChannel { lang, draft, id } = ch;
    let channel = move || ch.get();
    let fixed = move || channel().is_some_and(|c| c.volume_mode == VolumeMode::Fixed);
    view! {
        <div class="field-row">
            <SelectField
                id=format!("ch-{id}-volume-mode")
                label=ch.label(|w| w.leads_given_as)
                context=context
                options=Signal::derive(move || {
                    let l = lang.get();
                    vec![
                        (VolumeMode::Share.key().to_string(), words(l).share.to_string()),
                        (VolumeMode::Fixed.key().into(), words(l).fixed_count.into()),
                    ]
                })
                selected=Signal::derive(move || channel().map(|c| c.volume_mode).unwrap_or_default().key().to_string())
                on_change=ch.choose(|id, key| Some(ChannelEdit::VolumeMode { id, mode: VolumeMode::from_key(key)? }))
            />
            <TextField
                id=format!("ch-{id}-volume")
                label=Signal::derive(move || {
                    {
                        let w = words(lang.get());
                        if fixed() { w.number_of_leads } else { w.share_of_leads }
                    }
                    .to_string()
                })
                context=context
                value=Signal::derive(move || channel().map(|c| c.volume).unwrap_or_default())
                error=field_error(lang, draft, errors, PlanField::ChannelVolume(id))
                on_input=ch.edit(ChannelText::Volume)
                inputmode="decimal"
                class="compact"
            />
        </div>
    }
}

/// How a channel's cost is given (per lead or a budget for the period) and the figure.
#[component]
fn SpendFields(
    ch: CardChannel,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    context: Signal<String>,
) -> impl IntoView {
    let CardChannel { lang, draft, id } = ch;
    let channel = move || ch.get();
    let budget = move || channel().is_some_and(|c| c.spend_mode == SpendMode::Budget);
    view! {
        <div class="field-row">
            <SelectField
                id=format!("ch-{id}-spend-mode")
                label=ch.label(|w| w.cost_given_as)
                context=context
                options=Signal::derive(move || {
                    let l = lang.get();
                    vec![
                        (SpendMode::CostPerLead.key().to_string(), words(l).cost_per_lead.to_string()),
                        (SpendMode::Budget.key().into(), words(l).budget_for_the_period.into()),
                    ]
                })
                selected=Signal::derive(move || channel().map(|c| c.spend_mode).unwrap_or_default().key().to_string())
                on_change=ch.choose(|id, key| Some(ChannelEdit::SpendMode { id, mode: SpendMode::from_key(key)? }))
            />
            <TextField
                id=format!("ch-{id}-spend")
                label=Signal::derive(move || {
                    {
                        let w = words(lang.get());
                        if budget() { w.budget_field } else { w.cost_per_lead_field }
                    }
                    .to_string()
                })
                context=context
                value=Signal::derive(move || channel().map(|c| c.spend).unwrap_or_default())
                error=field_error(lang, draft, errors, PlanField::ChannelSpend(id))
                on_input=ch.edit(ChannelText::Spend)
                inputmode="decimal"
                class="compact"
            />
        </div>
    }
}

/// Giving a channel the share left over, and removing it (undone from the table).
#[component]
fn CardActions(
    ch: CardChannel,
    /// The last removed channel and where it was, for undo.
    removed: RwSignal<Option<(usize, ChannelDraft)>>,
) -> impl IntoView {
    let CardChannel { lang, draft, id } = ch;
    let channel = move || ch.get();
    let name = move || ch.name();
    let fixed = move || channel().is_some_and(|c| c.volume_mode == VolumeMode::Fixed);
    view! {
        <div class="button-row">
            <button
                type="button"
                class="secondary"
                hidden=fixed
                disabled=move || draft.with(|d| d.plan.share_total().is_none_or(|t| (t - 100.0).abs() < 1e-9))
                on:click=move |_| { send(draft, ChannelEdit::FillShare(id)); }
            >
                {move || give_remaining_share(lang.get(), &name())}
            </button>
            <button
                type="button"
                class="danger"
                disabled=move || draft.with(|d| d.plan.channels.len() <= 1)
                on:click=move |_| {
                    let at = ch.index();
                    if let Some(c) = channel() {
                        send(draft, ChannelEdit::Remove(id));
                        removed.set(Some((at, c)));
                    }
                }
            >
                {move || remove_channel(lang.get(), &name())}
            </button>
        </div>
    }
}
