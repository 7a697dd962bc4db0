//! The funnel's results table as CSV and a chart as PNG, captioned, as files: what the
//! calculator's toolbar and views and the embed's buttons save.

use funnel_model::draft::Draft;
use funnel_model::{results_csv, ForwardResult, Funnel, Lang, ReversePlan};
use web_sys::HtmlCanvasElement;

use crate::browser;
use crate::i18n::exports::results_csv_headers;
use crate::i18n::names::stage_names;
use crate::view_model::exports::caption_lines;
use crate::view_model::FONT_STACK;

/// Downloads `plan`'s results table as `<name>.csv` (UTF-8 with BOM), with forward mode's
/// expected counts when given.
pub fn save_results_csv(
    lang: Lang,
    name: &str,
    funnel: &Funnel,
    plan: &ReversePlan,
    forward: Option<&ForwardResult>,
) {
    let csv = results_csv(
        funnel,
        plan,
        forward,
        &stage_names(&funnel.stages, lang),
        &results_csv_headers(lang),
    );
    browser::download_csv(&browser::file_name(name, "csv"), &csv);
}

/// Downloads `canvas` as `<stem>.png` at its device-pixel resolution, captioned with the
/// scenario's name, target and period and today's date.
pub fn save_chart_png(
    canvas: &HtmlCanvasElement,
    stem: &str,
    lang: Lang,
    name: &str,
    draft: &Draft,
) {
    let caption = caption_lines(lang, name.to_string(), draft, &browser::today());
    browser::download_captioned_png(
        canvas,
        &browser::file_name(stem, "png"),
        &caption,
        FONT_STACK,
    );
}
