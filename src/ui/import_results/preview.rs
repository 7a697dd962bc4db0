//! The file's first rows as mapped, and how many rows were used and skipped.

use std::sync::Arc;

use funnel_model::import::{Records, Table};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::{footer_note, ignored_note, rows_summary, words};
use crate::session::Session;
use crate::ui::import::ImportState;
use crate::view_model::import_preview::preview;

#[component]
pub(super) fn Preview(
    session: Session,
    state: ImportState,
    names: Memo<Vec<String>>,
) -> impl IntoView {
    let lang = session.lang;
    move || {
        let table = state.table.get()?;
        let mapping = state.mapping.get()?;
        let lang = lang.get();
        let names = names.get();
        let p = preview(&table, &mapping, &names, lang);
        let head = p
            .columns
            .into_iter()
            .map(|c| {
                view! {
                    <th scope="col">
                        {c.name}
                        <span class="role">{c.role}</span>
                    </th>
                }
            })
            .collect_view();
        let rows = p
            .rows
            .into_iter()
            .map(|r| {
                let cells = r
                    .cells
                    .into_iter()
                    .map(|c| {
                        let became = (!c.became.is_empty())
                            .then(|| view! { <span class="became">"→ " {c.became}</span> });
                        view! { <td class:unused=c.unused>{c.raw}{became}</td> }
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
pub(super) fn Summary(
    lang: RwSignal<Lang>,
    records: Arc<Records>,
    table: Arc<Table>,
) -> impl IntoView {
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
