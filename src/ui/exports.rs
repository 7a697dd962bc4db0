//! The CSV and PNG downloads, shared by the full app's toolbar and the embed view.

use funnel_model::csv_export::results_csv;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::computed::{ForwardRun, ValidPlan};
use crate::i18n::exports::{results_csv_headers, words};
use crate::i18n::names::stage_names;
use crate::session::Session;
use crate::view_model::exports::caption_lines;
use crate::view_model::FONT_STACK;

/// Downloads the results table of the open scenario as CSV (UTF-8 with BOM).
pub fn download_results_csv(
    session: Session,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
) {
    let lang = session.lang.get_untracked();
    plan.with_untracked(|p| {
        if let Some((funnel, plan)) = p {
            let csv = forward.with_untracked(|f| {
                results_csv(
                    funnel,
                    plan,
                    f.as_ref().map(|f| &f.result),
                    &stage_names(&funnel.stages, lang),
                    &results_csv_headers(lang),
                )
            });
            browser::download_text(
                &browser::file_name(&session.scenario().name, "csv"),
                "text/csv;charset=utf-8",
                &csv,
            );
        }
    });
}

/// Downloads the funnel chart on screen as PNG, at its device-pixel resolution.
pub fn download_chart_png(session: Session) {
    let canvas = document()
        .query_selector(".chart canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    if let Some(canvas) = canvas {
        browser::download_captioned_png(
            &canvas,
            &browser::file_name(&session.scenario().name, "png"),
            &png_caption(session),
            FONT_STACK,
        );
    }
}

/// The caption an exported chart carries: the scenario's name, then its target, period and
/// the date it was exported.
pub fn png_caption(session: Session) -> Vec<String> {
    let lang = session.lang.get_untracked();
    let name = session.scenario().name;
    session
        .draft
        .with_untracked(|d| caption_lines(lang, name, d, &browser::today()))
}

/// Downloads the canvas with element id `canvas_id` as PNG, named after the scenario and `what`.
pub fn download_canvas_png(session: Session, canvas_id: &str, what: &str) {
    let canvas = document()
        .get_element_by_id(canvas_id)
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    if let Some(canvas) = canvas {
        let name = format!("{}-{what}", session.scenario().name);
        browser::download_captioned_png(
            &canvas,
            &browser::file_name(&name, "png"),
            &png_caption(session),
            FONT_STACK,
        );
    }
}

/// Downloads `csv` named after the scenario and `what`.
pub fn download_csv(session: Session, what: &str, csv: &str) {
    let name = format!("{}-{what}", session.scenario().name);
    browser::download_text(
        &browser::file_name(&name, "csv"),
        "text/csv;charset=utf-8",
        csv,
    );
}

/// "Save as CSV" and "Save chart as PNG" for one view's table and chart.
#[component]
pub fn ViewExports(
    session: Session,
    /// The CSV of the view's table, or `None` while there is nothing to export.
    csv: Signal<Option<String>>,
    canvas_id: &'static str,
    /// Part of the file names, e.g. "monthly-plan".
    what: &'static str,
) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    view! {
        <div class="button-row view-exports">
            <button
                type="button"
                class="secondary"
                disabled=move || csv.with(Option::is_none)
                on:click=move |_| {
                    if let Some(text) = csv.get_untracked() {
                        download_csv(session, what, &text);
                    }
                }
            >
                {move || w().save_the_table_as_csv}
            </button>
            <button type="button" class="secondary" on:click=move |_| download_canvas_png(session, canvas_id, what)>
                {move || w().save_the_chart_as_png}
            </button>
        </div>
    }
}
