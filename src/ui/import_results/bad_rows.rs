//! The rows not used, with their reasons, and their download.

use std::sync::Arc;

use funnel_model::format::format_count;
use funnel_model::import::bad_rows::bad_rows_csv;
use funnel_model::import::{Records, Table};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::import::{bad_rows_listed, bad_rows_titles, describe, words};

/// Rows not used listed on the page (all of them are in the download).
const BAD_ROWS_SHOWN: usize = 50;

#[component]
pub(super) fn BadRows(
    lang: RwSignal<Lang>,
    records: Arc<Records>,
    table: Arc<Table>,
) -> impl IntoView {
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
            browser::download_csv(name, &csv);
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
