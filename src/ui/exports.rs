//! The CSV and PNG downloads, shared by the full app's toolbar and the embed view.

use funnel_model::csv_export::results_csv;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{ForwardRun, ValidPlan};
use crate::browser;
use crate::session::Session;

/// Downloads the results table of the open scenario as CSV (UTF-8 with BOM).
pub fn download_results_csv(
    session: Session,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
) {
    let lang = session.lang.get_untracked();
    plan.with_untracked(|p| {
        if let Some((funnel, plan)) = p {
            let csv = forward
                .with_untracked(|f| results_csv(funnel, plan, f.as_ref().map(|f| &f.result), lang));
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
        browser::download_canvas_png(
            &canvas,
            &browser::file_name(&session.scenario().name, "png"),
        );
    }
}
