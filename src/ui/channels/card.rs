//! One channel's card: its name, lead volume, rates, cost, benchmark notes, and its buttons.

use funnel_charts::channel_color_hex;
use funnel_model::draft::Draft;
use funnel_model::edit::{ChannelEdit, ChannelText};
use funnel_model::plan::draft::{ChannelDraft, PlanField, SpendMode, VolumeMode};
use funnel_model::{Lang, OptionKey};
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::channels::{
    channel_name_label, field_context, give_remaining_share, remove_channel, words, Words,
};
use crate::i18n::names::Named;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::plan_common::{field_error, SelectField};
use crate::view_model::channels::benchmarks::benchmark_notes;

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
    let notes = move || {
        let l = lang.get();
        let Ok(channels) = draft.with(|d| d.plan.channels()) else {
            return Vec::new();
        };
        plan.with(|p| match (p.as_ref(), channels.get(index())) {
            (Some((funnel, _)), Some(c)) => benchmark_notes(l, funnel, c),
            _ => Vec::new(),
        })
    };
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
            <ModeAndFigure ch=ch errors=errors context=context pair=ModePair::volume() />
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
            <ModeAndFigure ch=ch errors=errors context=context pair=ModePair::spend() />
            <CardActions ch=ch removed=removed />
        </fieldset>
    }
}

/// How a figure of a channel is given: one way of two, each with its option and the label
/// its figure's field then has.
#[derive(Clone, Copy)]
struct FigureMode {
    key: &'static str,
    option: fn(&Words) -> &'static str,
    label: fn(&Words) -> &'static str,
}

/// A figure given one of two ways: its fields' ids (`ch-<id>-<what>-mode`, `ch-<id>-<what>`),
/// the select's label, the two ways, where the channel keeps them, and the edits.
#[derive(Clone, Copy)]
struct ModePair {
    what: &'static str,
    mode_label: fn(&Words) -> &'static str,
    modes: [FigureMode; 2],
    /// The key of the way this channel gives the figure, and the figure as typed.
    current: fn(&ChannelDraft) -> (&'static str, String),
    choose: fn(u32, &str) -> Option<ChannelEdit>,
    text: ChannelText,
    field: fn(u32) -> PlanField,
}

impl ModePair {
    /// The leads: a share of the total or a fixed count.
    fn volume() -> ModePair {
        ModePair {
            what: "volume",
            mode_label: |w| w.leads_given_as,
            modes: [
                FigureMode {
                    key: VolumeMode::Share.key(),
                    option: |w| w.share,
                    label: |w| w.share_of_leads,
                },
                FigureMode {
                    key: VolumeMode::Fixed.key(),
                    option: |w| w.fixed_count,
                    label: |w| w.number_of_leads,
                },
            ],
            current: |c| (c.volume_mode.key(), c.volume.clone()),
            choose: |id, key| {
                Some(ChannelEdit::VolumeMode {
                    id,
                    mode: VolumeMode::from_key(key)?,
                })
            },
            text: ChannelText::Volume,
            field: PlanField::ChannelVolume,
        }
    }

    /// The cost: per lead or a budget for the period.
    fn spend() -> ModePair {
        ModePair {
            what: "spend",
            mode_label: |w| w.cost_given_as,
            modes: [
                FigureMode {
                    key: SpendMode::CostPerLead.key(),
                    option: |w| w.cost_per_lead,
                    label: |w| w.cost_per_lead_field,
                },
                FigureMode {
                    key: SpendMode::Budget.key(),
                    option: |w| w.budget_for_the_period,
                    label: |w| w.budget_field,
                },
            ],
            current: |c| (c.spend_mode.key(), c.spend.clone()),
            choose: |id, key| {
                Some(ChannelEdit::SpendMode {
                    id,
                    mode: SpendMode::from_key(key)?,
                })
            },
            text: ChannelText::Spend,
            field: PlanField::ChannelSpend,
        }
    }

    /// The way chosen (the first while there is no channel).
    fn chosen(self, channel: Option<&ChannelDraft>) -> FigureMode {
        let key = channel.map(|c| (self.current)(c).0);
        self.modes
            .into_iter()
            .find(|m| Some(m.key) == key)
            .unwrap_or(self.modes[0])
    }
}

/// A select choosing how a figure is given beside the figure's field, labelled by the way
/// chosen.
#[component]
fn ModeAndFigure(
    ch: CardChannel,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    context: Signal<String>,
    pair: ModePair,
) -> impl IntoView {
    let CardChannel { lang, draft, id } = ch;
    let chosen = move || pair.chosen(ch.get().as_ref());
    let what = pair.what;
    view! {
        <div class="field-row">
            <SelectField
                id=format!("ch-{id}-{what}-mode")
                label=ch.label(pair.mode_label)
                context=context
                options=Signal::derive(move || {
                    let w = words(lang.get());
                    pair.modes.iter().map(|m| (m.key.to_string(), (m.option)(w).to_string())).collect()
                })
                selected=Signal::derive(move || chosen().key.to_string())
                on_change=ch.choose(pair.choose)
            />
            <TextField
                id=format!("ch-{id}-{what}")
                label=Signal::derive(move || (chosen().label)(words(lang.get())).to_string())
                context=context
                value=Signal::derive(move || ch.get().map(|c| (pair.current)(&c).1).unwrap_or_default())
                error=field_error(lang, draft, errors, (pair.field)(id))
                on_input=ch.edit(pair.text)
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
