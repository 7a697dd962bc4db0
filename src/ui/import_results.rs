//! What the file says: a preview of its first rows as mapped, the rows used and skipped, the
//! headline figures, stage conversion (decided and still open side by side), the lead-time
//! distribution, cohorts beside period ratios, channels with their costs, and the rows not
//! used with their reasons.

use std::sync::Arc;

use funnel_model::format::{format_count, format_decimal, format_money, format_percent};
use funnel_model::import::bad_rows::{bad_rows_csv, describe};
use funnel_model::import::channels::cost_per;
use funnel_model::import::date::{parse_date, DateError};
use funnel_model::import::mapping::{Mapping, Role, StageTarget};
use funnel_model::import::{Actuals, Records, Table};
use funnel_model::{Lang, Money};
use leptos::prelude::*;

use crate::browser;
use crate::i18n::import::{footer_note, ignored_note, role_label, rows_summary, target_label};
use crate::i18n::plan::pick;
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
    let ja = lang == Lang::Ja;
    if raw.is_empty() {
        return String::new();
    }
    match role {
        Role::Created | Role::Closed | Role::StageDate(_) => {
            match parse_date(raw, mapping.date_order) {
                Ok(d) => d.iso(),
                Err(DateError::NoSuchDay) => pick(lang, "⚠ 存在しない日付", "⚠ no such day").into(),
                Err(_) => pick(lang, "⚠ 日付ではない", "⚠ not a date").into(),
            }
        }
        Role::Amount | Role::Cost => match Money::parse(raw) {
            Ok(m) => format_money(m.units(), lang),
            Err(_) if ja => "⚠ 金額ではない".into(),
            Err(_) => "⚠ not an amount".into(),
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
    let tr = move |ja: &'static str, en: &'static str| pick(lang.get(), ja, en);
    let names = Memo::new(move |_| session.draft.with(|d| stage_names(d, lang.get())));
    view! {
        {move || {
            (state.table.with(Option::is_none) && state.progress.with(Option::is_none)).then(|| view! {
                <p class="note">
                    {tr(
                        "ファイルを選ぶと、実際の転換率・受注率・平均受注単価・リードタイム・作成月別（コホート）の転換・チャネル別の数字をここに表示します。",
                        "Choose a file to see the actual conversion rates, win rate, average deal, lead times, conversion by creation month (cohorts) and channel figures here.",
                    )}
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
                <h3>{pick(lang, "先頭の行のプレビュー", "Preview of the first rows")}</h3>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{pick(lang, "各列の値と、対応づけた結果", "Each column's values and what they became")}</caption>
                        <thead><tr><th scope="col">{pick(lang, "行", "Line")}</th>{head}</tr></thead>
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
                |d| format!("{}{}", format_decimal(d, 1), pick(lang, "日", " days")),
            )
        };
        let cards = [
            (
                pick(lang, "受注率（決着分）", "Win rate (decided)"),
                percent(a.win_rate()),
            ),
            (
                pick(lang, "平均受注単価", "Average won deal"),
                a.average_deal()
                    .map_or_else(|| "—".to_string(), |v| format_money(v, lang)),
            ),
            (
                pick(lang, "受注までの日数（中央値）", "Days to win (median)"),
                days(a.lead_times.median_days()),
            ),
            (
                pick(lang, "受注の80%が決まるまで", "80% of wins within"),
                days(a.lead_times.p80_days().map(f64::from)),
            ),
            (
                pick(lang, "受注", "Won"),
                format!("{}{}", format_count(a.won), pick(lang, "件", " deals")),
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
                <h3>{pick(lang, "段階ごとの転換率", "Stage conversion")}</h3>
                <p class="hint">
                    {pick(
                        lang,
                        "進行中の件は失注に数えません。「決着分の転換率」は次の段階に進んだ件 ÷（進んだ件＋失注）、「進行中を含む」は進んだ件 ÷ その段階に達した全件です。",
                        "Records still open are not counted as lost: the decided rate is moved on ÷ (moved on + lost); “incl. open” divides by every record that reached the stage.",
                    )}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{pick(lang, "段階ごとの転換率", "Stage conversion")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{pick(lang, "段階", "Step")}</th>
                                <th scope="col" class="num">{pick(lang, "到達", "Reached")}</th>
                                <th scope="col" class="num">{pick(lang, "次へ進んだ", "Moved on")}</th>
                                <th scope="col" class="num">{pick(lang, "失注", "Lost")}</th>
                                <th scope="col" class="num">{pick(lang, "進行中", "Still open")}</th>
                                <th scope="col" class="num">{pick(lang, "決着分の転換率", "Decided rate")}</th>
                                <th scope="col" class="num">{pick(lang, "進行中を含む", "Incl. open")}</th>
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
                    <h3>{pick(lang, "リードタイム", "Lead time")}</h3>
                    <p class="note">{pick(lang, "作成日とクローズ日がそろった受注がないため、リードタイムは計算できません。", "No won record has both a created and a close date, so there is no lead time.")}</p>
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
                let month = match lang {
                    Lang::Ja if m == 0 => "同じ月".to_string(),
                    Lang::Ja => format!("{m}か月後"),
                    Lang::En if m == 0 => "Same month".to_string(),
                    Lang::En if m == 1 => "1 month later".to_string(),
                    Lang::En => format!("{m} months later"),
                };
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
                <h3>{pick(lang, "リードタイム（作成から受注まで）", "Lead time (creation to won)")}</h3>
                <div class="table-wrap">
                    <table class="lead-time-table">
                        <caption class="sr-only">{pick(lang, "作成から受注までの月数の分布", "Months from creation to won")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{pick(lang, "作成月から", "After creation")}</th>
                                <th scope="col" class="num">{pick(lang, "受注", "Won")}</th>
                                <th scope="col" class="num">{pick(lang, "割合", "Share")}</th>
                                <th scope="col"><span class="sr-only">{pick(lang, "グラフ", "Chart")}</span></th>
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
                <h3>{pick(lang, "作成月別の転換（コホート）と期間の比率", "Conversion by creation month (cohorts) and the period ratio")}</h3>
                <p class="hint">
                    {pick(
                        lang,
                        "コホートはその月に作成された件を追いかけた結果、期間の比率はその月の受注 ÷ その月の作成件数です。受注まで数か月かかると、期間の比率は別の月の件を混ぜてしまい、実際の転換率とずれます。",
                        "A cohort follows the records created in its month; the period ratio divides the month's wins by the month's new records. When deals take months, the period ratio mixes in other months' records and drifts from the true conversion.",
                    )}
                </p>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{pick(lang, "作成月別の転換と期間の比率", "Cohorts and period ratios")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{pick(lang, "作成月", "Created in")}</th>
                                <th scope="col" class="num">{first_name}</th>
                                {head}
                                <th scope="col" class="num">{pick(lang, "受注（これまで）", "Won so far")}</th>
                                <th scope="col" class="num">{pick(lang, "進行中", "Still open")}</th>
                                <th scope="col" class="num">{pick(lang, "コホート転換率", "Cohort conversion")}</th>
                                <th scope="col" class="num">{pick(lang, "その月の受注", "Won in the month")}</th>
                                <th scope="col" class="num">{pick(lang, "期間の比率", "Period ratio")}</th>
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
    let none_name = move || pick(lang.get(), "（未設定）", "(none)").to_string();
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
                        .map(|_| pick(lang.get(), "「120万」「1,200,000」のように金額を入れてください", "Enter an amount such as 1,200,000 or 120万").to_string())
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
                            label=Signal::derive(move || pick(lang.get(), "費用", "Cost").to_string())
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
            <h3>{move || pick(lang.get(), "チャネル別", "By channel")}</h3>
            {(!has_cost).then(|| view! {
                <p class="hint">{move || pick(lang.get(), "ファイルに費用の列がなければ、チャネルごとの費用を入れるとリード単価（CPL）と獲得単価（CPA）を計算します。", "Without a cost column in the file, type each channel's cost to see its cost per lead (CPL) and per won deal (CPA).")}</p>
            })}
            <div class="table-wrap">
                <table class="import-channels">
                    <caption class="sr-only">{move || pick(lang.get(), "チャネル別の件数と費用", "Counts and costs by channel")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || pick(lang.get(), "チャネル", "Channel")}</th>
                            <th scope="col" class="num">{move || names.with(|n| n.get(first).cloned().unwrap_or_default())}</th>
                            <th scope="col" class="num">{move || pick(lang.get(), "受注", "Won")}</th>
                            <th scope="col" class="num">{move || pick(lang.get(), "受注までの転換率", "Conversion to won")}</th>
                            <th scope="col">{move || pick(lang.get(), "費用", "Cost")}</th>
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
            let csv = bad_rows_csv(&records.bad, &table.header, lang.get_untracked());
            let name = pick(
                lang.get_untracked(),
                "取り込めなかった行.csv",
                "rows-not-used.csv",
            );
            browser::download_text(name, "text/csv;charset=utf-8", &csv);
        }
    };
    view! {
        <div class="results-block import-bad-rows">
            <h3>{move || pick(lang.get(), "使わなかった行", "Rows not used")}</h3>
            <p class="hint">
                {move || match lang.get() {
                    Lang::Ja => format!("{}行。先頭の{}行を表示しています。すべての行は一覧のCSVにあります。", format_count(total as u64), format_count(total.min(BAD_ROWS_SHOWN) as u64)),
                    Lang::En => format!("{} rows; the first {} are listed. The CSV has them all.", format_count(total as u64), format_count(total.min(BAD_ROWS_SHOWN) as u64)),
                }}
            </p>
            <div class="button-row">
                <button type="button" on:click=download>
                    {move || pick(lang.get(), "使わなかった行の一覧をダウンロード（CSV）", "Download the rows not used (CSV)")}
                </button>
            </div>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">{move || pick(lang.get(), "使わなかった行と理由", "Rows not used and why")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{move || pick(lang.get(), "行", "Line")}</th>
                            <th scope="col">{move || pick(lang.get(), "列", "Column")}</th>
                            <th scope="col">{move || pick(lang.get(), "値", "Value")}</th>
                            <th scope="col">{move || pick(lang.get(), "理由", "Reason")}</th>
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
