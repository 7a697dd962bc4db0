//! What the file says: a preview of its first rows as mapped, the rows used and skipped, the
//! headline figures, stage conversion (decided and still open side by side), the lead-time
//! distribution, cohorts beside period ratios, channels with their costs, and the rows not
//! used with their reasons.

use std::sync::Arc;

use funnel_model::format::{format_count, format_decimal, format_money, format_percent};
use funnel_model::import::bad_rows::bad_rows_csv;
use funnel_model::import::channels::cost_per;
use funnel_model::import::date::{parse_date, DateError};
use funnel_model::import::mapping::{Mapping, Role, StageTarget};
use funnel_model::import::{Actuals, Records, Table};
use funnel_model::{Lang, Money};
use leptos::prelude::*;

use crate::browser;
use crate::i18n::import::{
    bad_rows_listed, bad_rows_titles, describe, footer_note, ignored_note, months_later,
    role_label, rows_summary, target_label, words,
};
use crate::session::Session;
use crate::ui::field::TextField;
use crate::ui::import::{stage_names, ImportState};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;
/// Rows not used listed on the page (all of them are in the download).
const BAD_ROWS_SHOWN: usize = 50;

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), format_percent)
}

/// What one cell became under the mapping, for the preview.
fn became(mapping: &Mapping, role: Role, raw: &str, names: &[String], lang: Lang) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return String::new();
    }
    match role {
        Role::Created | Role::Closed | Role::StageDate(_) => {
            match parse_date(raw, mapping.date_order) {
                Ok(d) => d.iso(),
                Err(DateError::NoSuchDay) => words(lang).no_such_day.into(),
                Err(_) => words(lang).not_a_date.into(),
            }
        }
        Role::Amount | Role::Cost => match Money::parse(raw) {
            Ok(m) => format_money(m.units(), lang),
            Err(_) => words(lang).not_an_amount.into(),
        },
        Role::Stage => {
            let target = mapping
                .values
                .iter()
                .find(|v| v.value == raw)
                .map_or(StageTarget::Unmapped, |v| v.target);
            target_label(target, names, lang)
        }
        _ => String::new(),
    }
}

#[component]
pub fn ImportResults(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let names = Memo::new(move |_| session.draft.with(|d| stage_names(d, lang.get())));
    view! {
        {move || {
            (state.table.with(Option::is_none) && state.progress.with(Option::is_none)).then(|| view! {
                <p class="note">
                    {w().choose_a_file_to_see_the}
                </p>
            })
        }}
        <Preview session=session state=state names=names />
        {move || {
            let records = state.records.get()?;
            let actuals = state.actuals.get()?;
            let table = state.table.get()?;
            Some(view! {
                <Summary lang=lang records=records.clone() table=table.clone() />
                <Headline lang=lang actuals=actuals.clone() />
                <Conversions session=session actuals=actuals.clone() />
                <LeadTimes lang=lang actuals=actuals.clone() />
                <Cohorts lang=lang actuals=actuals.clone() names=names />
                <Channels lang=lang state=state actuals=actuals.clone() names=names />
                <BadRows lang=lang records=records table=table />
            })
        }}
    }
}

#[component]
fn Preview(session: Session, state: ImportState, names: Memo<Vec<String>>) -> impl IntoView {
    let lang = session.lang;
    move || {
        let table = state.table.get()?;
        let mapping = state.mapping.get()?;
        let lang = lang.get();
        let names = names.get();
        let cols: Vec<usize> = (0..table.header.len()).collect();
        let head = cols
            .iter()
            .map(|&c| {
                let role = mapping.roles.get(c).copied().unwrap_or(Role::Ignore);
                view! {
                    <th scope="col">
                        {table.header[c].clone()}
                        <span class="role">{role_label(role, &names, lang)}</span>
                    </th>
                }
            })
            .collect_view();
        let rows = table
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| {
                let cells = cols
                    .iter()
                    .map(|&c| {
                        let raw = r.field(c).unwrap_or("").to_string();
                        let role = mapping.roles.get(c).copied().unwrap_or(Role::Ignore);
                        let out = became(&mapping, role, &raw, &names, lang);
                        let raw: String = raw.chars().take(40).collect();
                        view! {
                            <td class:unused=role == Role::Ignore>
                                {raw}
                                {(!out.is_empty()).then(|| view! { <span class="became">"→ " {out}</span> })}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row" class="num">{r.line}</th>{cells}</tr> }
            })
            .collect_view();
        Some(view! {
            <div class="results-block import-preview">
                <h3>{words(lang).preview_of_the_first_rows}</h3>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{words(lang).each_columns_values_and_what_they}</caption>
                        <thead><tr><th scope="col">{words(lang).line}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        })
    }
}

#[component]
fn Summary(lang: RwSignal<Lang>, records: Arc<Records>, table: Arc<Table>) -> impl IntoView {
    let footer = table.footer.clone();
    let ignored = records.ignored;
    view! {
        <p class="import-summary" role="status">
            {move || rows_summary(records.used(), records.skipped(), lang.get())}
            {move || (ignored > 0).then(|| format!(" ({})", ignored_note(ignored, lang.get())))}
        </p>
        {(!footer.is_empty()).then(|| {
            let n = footer.len();
            view! {
                <div class="note">
                    {move || footer_note(n, lang.get())}
                    <ul class="footer-lines">
                        {footer.iter().map(|f| view! { <li>{format!("{}: {}", f.line, f.text)}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })}
    }
}

#[component]
fn Headline(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let a = &actuals;
        let days = |d: Option<f64>| {
            d.map_or_else(
                || "—".to_string(),
                |d| format!("{}{}", format_decimal(d, 1), words(lang).days),
            )
        };
        let cards = [
            (words(lang).win_rate_decided, percent(a.win_rate())),
            (
                words(lang).average_won_deal,
                a.average_deal()
                    .map_or_else(|| "—".to_string(), |v| format_money(v, lang)),
            ),
            (
                words(lang).days_to_win_median,
                days(a.lead_times.median_days()),
            ),
            (
                words(lang).n80_of_wins_within,
                days(a.lead_times.p80_days().map(f64::from)),
            ),
            (
                words(lang).won,
                format!("{}{}", format_count(a.won), words(lang).deals),
            ),
        ];
        view! {
            <dl class="headline">
                {cards.into_iter().map(|(k, v)| view! { <div class="card"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        }
    }
}

#[component]
fn Conversions(session: Session, actuals: Arc<Actuals>) -> impl IntoView {
    let lang = session.lang;
    move || {
        let lang = lang.get();
        let rows = session.draft.with(|d| {
            actuals
                .conversions()
                .into_iter()
                .map(|c| {
                    let label = d
                        .rate_label(c.from, lang)
                        .unwrap_or_else(|| d.display_name(c.from, lang));
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{format_count(c.reached)}</td>
                            <td class="num">{format_count(c.advanced)}</td>
                            <td class="num">{format_count(c.lost)}</td>
                            <td class="num">{format_count(c.open)}</td>
                            <td class="num required">{percent(c.decided_rate())}</td>
                            <td class="num">{percent(c.so_far_rate())}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="results-block">
                <h3>{words(lang).stage_conversion}</h3>
                <p class="hint">
                    {words(lang).records_still_open_are_not_counted}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{words(lang).stage_conversion}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).step}</th>
                                <th scope="col" class="num">{words(lang).reached}</th>
                                <th scope="col" class="num">{words(lang).moved_on}</th>
                                <th scope="col" class="num">{words(lang).lost}</th>
                                <th scope="col" class="num">{words(lang).still_open}</th>
                                <th scope="col" class="num">{words(lang).decided_rate}</th>
                                <th scope="col" class="num">{words(lang).incl_open}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}

#[component]
fn LeadTimes(lang: RwSignal<Lang>, actuals: Arc<Actuals>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let lt = &actuals.lead_times;
        if lt.days.is_empty() {
            return view! {
                <div class="results-block">
                    <h3>{words(lang).lead_time}</h3>
                    <p class="note">{words(lang).no_won_record_has_both_a}</p>
                </div>
            }
            .into_any();
        }
        let shares = lt.month_shares();
        let rows = lt
            .by_month
            .iter()
            .zip(shares)
            .enumerate()
            .map(|(m, (count, share))| {
                let month = months_later(lang, m);
                let width = format!("{:.1}%", share * 100.0);
                view! {
                    <tr>
                        <th scope="row">{month}</th>
                        <td class="num">{format_count(*count)}</td>
                        <td class="num">{format_percent(share)}</td>
                        <td class="bar-cell" aria-hidden="true"><span class="bar" style:width=width></span></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="results-block">
                <h3>{words(lang).lead_time_creation_to_won}</h3>
                <div class="table-wrap">
                    <table class="lead-time-table">
                        <caption class="sr-only">{words(lang).months_from_creation_to_won}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).after_creation}</th>
                                <th scope="col" class="num">{words(lang).won}</th>
                                <th scope="col" class="num">{words(lang).share}</th>
                                <th scope="col"><span class="sr-only">{words(lang).chart}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
        .into_any()
    }
}

#[component]
fn Cohorts(lang: RwSignal<Lang>, actuals: Arc<Actuals>, names: Memo<Vec<String>>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let names = names.get();
        let first = actuals.first_stage;
        let n = actuals.stage_count;
        // Stages after the first and before won: how far each cohort got.
        let middle: Vec<usize> = (first + 1..n.saturating_sub(1)).collect();
        let head = middle
            .iter()
            .map(|&i| view! { <th scope="col" class="num">{names.get(i).cloned().unwrap_or_default()}</th> })
            .collect_view();
        let rows = actuals
            .cohorts
            .iter()
            .map(|r| {
                let cells = middle
                    .iter()
                    .map(|&i| view! { <td class="num">{format_count(r.reached[i])}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{r.month.iso()}</th>
                        <td class="num">{format_count(r.created)}</td>
                        {cells}
                        <td class="num">{format_count(r.won)}</td>
                        <td class="num">{format_count(r.open)}</td>
                        <td class="num required">{percent(r.cohort_rate())}</td>
                        <td class="num">{format_count(r.won_in_month)}</td>
                        <td class="num">{percent(r.period_ratio())}</td>
                    </tr>
                }
            })
            .collect_view();
        let first_name = names.get(first).cloned().unwrap_or_default();
        view! {
            <div class="results-block">
                <h3>{words(lang).conversion_by_creation_month_cohorts_and}</h3>
                <p class="hint">
                    {words(lang).a_cohort_follows_the_records_created}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{words(lang).cohorts_and_period_ratios}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words(lang).created_in}</th>
                                <th scope="col" class="num">{first_name}</th>
                                {head}
                                <th scope="col" class="num">{words(lang).won_so_far}</th>
                                <th scope="col" class="num">{words(lang).still_open}</th>
                                <th scope="col" class="num">{words(lang).cohort_conversion}</th>
                                <th scope="col" class="num">{words(lang).won_in_the_month}</th>
                                <th scope="col" class="num">{words(lang).period_ratio}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}

#[component]
fn Channels(
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
    let none_name = move || words(lang.get()).none.to_string();
    let rows = channels
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let name = c.name.clone();
            let shown = {
                let name = name.clone();
                move || if name.is_empty() { none_name() } else { name.clone() }
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
                move || cost_units().ok().and_then(|u| cost_per(u, entries)).map_or_else(|| "—".to_string(), |v| format_money(v, lang.get()))
            };
            let cpa = {
                let cost_units = cost_units.clone();
                move || cost_units().ok().and_then(|u| cost_per(u, won)).map_or_else(|| "—".to_string(), |v| format_money(v, lang.get()))
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
                view! { <td class="num">{move || format_money(c.cost as f64 / 100.0, lang.get())}</td> }.into_any()
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

#[component]
fn BadRows(lang: RwSignal<Lang>, records: Arc<Records>, table: Arc<Table>) -> impl IntoView {
    if records.bad.is_empty() {
        return ().into_any();
    }
    let total = records.bad.len();
    let download = {
        let records = records.clone();
        let table = table.clone();
        move |_| {
            let csv = {
                let lang = lang.get_untracked();
                bad_rows_csv(&records.bad, &table.header, &bad_rows_titles(lang), |r| {
                    describe(r, lang)
                })
            };
            let name = words(lang.get_untracked()).rows_not_used_csv;
            browser::download_text(name, "text/csv;charset=utf-8", &csv);
        }
    };
    view! {
        <div class="results-block import-bad-rows">
            <h3>{move || words(lang.get()).rows_not_used}</h3>
            <p class="hint">
                {move || bad_rows_listed(lang.get(), &format_count(total as u64), &format_count(total.min(BAD_ROWS_SHOWN) as u64))}
            </p>
            <div class="button-row">
                <button type="button" on:click=download>
                    {move || words(lang.get()).download_the_rows_not_used_csv}
                </button>
            </div>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">{move || words(lang.get()).rows_not_used_and_why}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{move || words(lang.get()).line}</th>
                            <th scope="col">{move || words(lang.get()).column}</th>
                            <th scope="col">{move || words(lang.get()).value}</th>
                            <th scope="col">{move || words(lang.get()).reason}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {records.bad.iter().take(BAD_ROWS_SHOWN).map(|b| {
                            let column = b.column.and_then(|c| table.header.get(c)).cloned().unwrap_or_default();
                            let reason = b.reason;
                            view! {
                                <tr>
                                    <th scope="row" class="num">{b.line}</th>
                                    <td>{column}</td>
                                    <td>{b.value.clone()}</td>
                                    <td>{move || describe(reason, lang.get())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}
