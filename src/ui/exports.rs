//! The calculator's downloads of the open scenario: the results table, the funnel chart and
//! each view's own table and chart.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::computed::{ForwardRun, ValidPlan};
use crate::downloads::{save_chart_png, save_results_csv};
use crate::i18n::exports::words;
use crate::session::Session;

/// Downloads the results table of the open scenario as CSV (UTF-8 with BOM).
pub fn download_results_csv(
    session: Session,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
) {
    let lang = session.lang.get_untracked();
    let name = session.scenario().name;
    plan.with_untracked(|p| {
        if let Some((funnel, plan)) = p {
            forward.with_untracked(|f| {
                save_results_csv(lang, &name, funnel, plan, f.as_ref().map(|f| &f.result))
            });
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
        let name = session.scenario().name;
        save_canvas(session, &canvas, &name);
    }
}

/// Downloads the canvas with element id `canvas_id` as PNG, named after the scenario and `what`.
pub fn download_canvas_png(session: Session, canvas_id: &str, what: &str) {
    let canvas = document()
        .get_element_by_id(canvas_id)
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    if let Some(canvas) = canvas {
        save_canvas(
            session,
            &canvas,
            &format!("{}-{what}", session.scenario().name),
        );
    }
}

/// `canvas` as `<stem>.png`, captioned with the open scenario.
fn save_canvas(session: Session, canvas: &web_sys::HtmlCanvasElement, stem: &str) {
    let lang = session.lang.get_untracked();
    let name = session.scenario().name;
    session
        .draft
        .with_untracked(|d| save_chart_png(canvas, stem, lang, &name, d));
}

/// Downloads `csv` named after the scenario and `what`.
pub fn download_csv(session: Session, what: &str, csv: &str) {
    let name = format!("{}-{what}", session.scenario().name);
    browser::download_csv(&browser::file_name(&name, "csv"), csv);
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
