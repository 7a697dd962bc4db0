//! The file's records by channel, with their costs (typed here when the file has none).

use std::sync::Arc;

use funnel_model::format::{format_count, format_money};
use funnel_model::import::channels::{cost_per, ChannelRow};
use funnel_model::import::Actuals;
use funnel_model::{Lang, Money};
use leptos::prelude::*;

use crate::i18n::import::words;
use crate::ui::field::TextField;
use crate::ui::import::ImportState;

use super::percent;

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
    view! {
        <div class="results-block">
            <h3>{move || words(lang.get()).by_channel}</h3>
            {(!has_cost).then(|| view! {
                <p class="hint">{move || words(lang.get()).without_a_cost_column_in_the}</p>
            })}
            <div class="table-wrap">
                <table class="import-channels">
                    <caption class="sr-only">{move || words(lang.get()).counts_and_costs_by_channel}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || words(lang.get()).channel}</th>
                            <th scope="col" class="num">{move || names.with(|n| n.get(first).cloned().unwrap_or_default())}</th>
                            <th scope="col" class="num">{move || words(lang.get()).won}</th>
                            <th scope="col" class="num">{move || words(lang.get()).conversion_to_won}</th>
                            <th scope="col">{move || words(lang.get()).cost}</th>
                            <th scope="col" class="num">"CPL"</th>
                            <th scope="col" class="num">"CPA"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
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
    let cost_units = {
        let typed = typed.clone();
        let file_cost = c.cost;
        move || -> Result<f64, ()> {
            if has_cost {
                return Ok(file_cost as f64 / 100.0);
            }
            let t = typed();
            if t.trim().is_empty() {
                return Ok(0.0);
            }
            Money::parse(&t).map(|m| m.units()).map_err(|_| ())
        }
    };
    let entries = c.entries(first);
    let won = c.won;
    let cpl = {
        let cost_units = cost_units.clone();
        move || {
            cost_units()
                .ok()
                .and_then(|u| cost_per(u, entries))
                .map_or_else(|| "—".to_string(), |v| format_money(v, lang.get()))
        }
    };
    let cpa = {
        let cost_units = cost_units.clone();
        move || {
            cost_units()
                .ok()
                .and_then(|u| cost_per(u, won))
                .map_or_else(|| "—".to_string(), |v| format_money(v, lang.get()))
        }
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
            <td class="num">{format_count(entries)}</td>
            <td class="num">{format_count(won)}</td>
            <td class="num">{percent(c.conversion(first))}</td>
            {cost_cell}
            <td class="num">{cpl}</td>
            <td class="num">{cpa}</td>
        </tr>
    }
}
