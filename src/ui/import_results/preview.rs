//! The file's first rows as mapped, and how many rows were used and skipped.

use std::sync::Arc;

use funnel_model::format::format_money;
use funnel_model::import::date::{parse_date, DateError};
use funnel_model::import::mapping::{Mapping, Role, StageTarget};
use funnel_model::import::{Records, Table};
use funnel_model::{Lang, Money};
use leptos::prelude::*;

use crate::i18n::import::{
    footer_note, ignored_note, role_label, rows_summary, target_label, words,
};
use crate::session::Session;
use crate::ui::import::ImportState;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;

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
