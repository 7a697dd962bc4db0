//! The file's records by channel, with their costs (typed here when the file has none).

use std::sync::Arc;

use funnel_model::format::format_money;
use funnel_model::import::channels::ChannelRow;
use funnel_model::import::Actuals;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::words;
use crate::ui::field::TextField;
use crate::ui::import::ImportState;
use crate::view_model::import_results::{channel_cost, channel_counts, cost_per_figures};

use super::table::ResultsTable;

#[component]
pub(super) fn Channels(
    lang: RwSignal<Lang>,
    state: ImportState,
    actuals: Arc<Actuals>,
    names: Memo<Vec<String>>,
) -> impl IntoView {
    let first = actuals.first_stage;
    let has_cost = actuals.has_cost;
    let channels = actuals.channels.clone();
    if channels.len() <= 1 && channels.first().is_none_or(|c| c.name.is_empty()) {
        return ().into_any();
    }
    let rows = channels
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            view! { <ChannelCountsRow lang=lang state=state index=i channel=c first=first has_cost=has_cost /> }
        })
        .collect_view();
    let w = move || words(lang.get());
    let head = view! {
        <th scope="col">{move || w().channel}</th>
        <th scope="col" class="num">{move || names.with(|n| n.get(first).cloned().unwrap_or_default())}</th>
        <th scope="col" class="num">{move || w().won}</th>
        <th scope="col" class="num">{move || w().conversion_to_won}</th>
        <th scope="col">{move || w().cost}</th>
        <th scope="col" class="num">"CPL"</th>
        <th scope="col" class="num">"CPA"</th>
    };
    view! {
        <ResultsTable
            heading=Signal::derive(move || w().by_channel.to_string())
            hint=(!has_cost).then(|| Signal::derive(move || w().without_a_cost_column_in_the.to_string()))
            table_class="import-channels"
            caption=Signal::derive(move || w().counts_and_costs_by_channel.to_string())
            head=head.into_any()
            rows=rows.into_any()
        />
    }
    .into_any()
}

/// One channel's counts and costs; its cost is typed here when the file has none.
#[component]
fn ChannelCountsRow(
    lang: RwSignal<Lang>,
    state: ImportState,
    index: usize,
    channel: ChannelRow,
    /// The file's first stage, whose records are the channel's entries.
    first: usize,
    /// Whether the file carries costs (none to type then).
    has_cost: bool,
) -> impl IntoView {
    let (i, c) = (index, channel);
    let none_name = move || words(lang.get()).none.to_string();
    let name = c.name.clone();
    let shown = {
        let name = name.clone();
        move || {
            if name.is_empty() {
                none_name()
            } else {
                name.clone()
            }
        }
    };
    let typed = {
        let name = name.clone();
        move || {
            state
                .costs
                .with(|cs| cs.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone()))
                .unwrap_or_default()
        }
    };
    let file_cost = has_cost.then_some(c.cost);
    let cost_units = {
        let typed = typed.clone();
        move || channel_cost(file_cost, &typed())
    };
    let counts = channel_counts(&c, first);
    let per = {
        let (cost_units, counts) = (cost_units.clone(), counts.clone());
        move || cost_per_figures(lang.get(), cost_units(), &counts)
    };
    let (cpl, cpa) = {
        let per2 = per.clone();
        (move || per().0, move || per2().1)
    };
    let error = {
        let cost_units = cost_units.clone();
        Signal::derive(move || {
            cost_units()
                .err()
                .map(|_| words(lang.get()).enter_an_amount_such_as_1.to_string())
        })
    };
    let cost_cell = if has_cost {
        view! { <td class="num">{move || format_money(c.cost as f64 / 100.0, lang.get())}</td> }
            .into_any()
    } else {
        let name_for_input = name.clone();
        let context = {
            let shown = shown.clone();
            Signal::derive(move || format!("{} ", shown()))
        };
        view! {
            <td>
                <TextField
                    id=format!("actuals-cost-{i}")
                    label=Signal::derive(move || words(lang.get()).cost.to_string())
                    value=Signal::derive(typed.clone())
                    error=error
                    context=context
                    inputmode="numeric"
                    class="compact"
                    on_input=Callback::new(move |v: String| {
                        let name = name_for_input.clone();
                        state.costs.update(|cs| {
                            cs.retain(|(n, _)| *n != name);
                            cs.push((name, v));
                        })
                    })
                />
            </td>
        }
        .into_any()
    };
    view! {
        <tr>
            <th scope="row">{shown}</th>
            <td class="num">{counts.shown_entries}</td>
            <td class="num">{counts.shown_won}</td>
            <td class="num">{counts.conversion}</td>
            {cost_cell}
            <td class="num">{cpl}</td>
            <td class="num">{cpa}</td>
        </tr>
    }
}
