//! The shell every table of the import's results shares: a heading, an optional hint, and the
//! scrolling table with its caption (read to screen readers) and header row.

use leptos::prelude::*;

#[component]
pub(super) fn ResultsTable(
    #[prop(into)] heading: Signal<String>,
    /// Shown under the heading, when there is something to say.
    hint: Option<Signal<String>>,
    #[prop(optional)] table_class: Option<&'static str>,
    #[prop(into)] caption: Signal<String>,
    /// The header row's cells.
    head: AnyView,
    rows: AnyView,
) -> impl IntoView {
    view! {
        <div class="results-block">
            <h3>{heading}</h3>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <div class="table-wrap">
                <table class=table_class>
                    <caption class="sr-only">{caption}</caption>
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
