//! Where the rows come from: a file chosen or dropped on the page, or cells pasted from a
//! spreadsheet; the encoding found (and a way to read the file in another); the progress of
//! the work; and the file's problems.

use funnel_model::format::format_percent;
use funnel_model::import::encoding::Encoding;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::import::{file_problem, read_as, words};
use crate::session::Session;
use crate::ui::import::{ImportState, Progress};
use crate::ui::import_job::{decode_and_read, start_file, start_paste};
use crate::ui::plan_common::SelectField;

#[component]
pub fn SourcePanel(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    // A file dropped anywhere on the page while this view is open.
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            start_file(session, state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            start_file(session, state, file);
        }
        // The same file chosen again (next month's export under the same name) reads again.
        input.set_value("");
    };

    view! {
        <p class="note privacy">
            {move || w().the_file_is_read_inside_this}
        </p>
        <div class="field drop-zone" class:dragging=move || dragging.get()>
            <label for="actuals-file">{move || w().csv_or_tsv_file}</label>
            <p class="hint" id="actuals-file-hint">
                {move || w().choose_a_file_exported_from_hubspot}
            </p>
            <input
                id="actuals-file"
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                aria-describedby="actuals-file-hint"
                on:change=on_file
            />
        </div>
        <div class="field">
            <label for="actuals-paste">{move || w().paste_from_excel_or_google_sheets}</label>
            <p class="hint" id="actuals-paste-hint">
                {move || w().copy_the_cells_including_the_header}
            </p>
            <textarea
                id="actuals-paste"
                rows="3"
                spellcheck="false"
                aria-describedby="actuals-paste-hint"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <div class="button-row">
                <button
                    type="button"
                    on:click=move |_| start_paste(session, state, pasted.get_untracked())
                >
                    {move || w().read_the_pasted_cells}
                </button>
            </div>
        </div>
        <ProgressLine session=session state=state />
        {move || {
            state
                .problem
                .get()
                .map(|p| view! { <p class="message import-problem" role="alert">{file_problem(p, lang.get())}</p> })
        }}
        <EncodingChoice session=session state=state />
    }
}

#[component]
fn ProgressLine(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    move || {
        let p = state.progress.get()?;
        let w = words(lang.get());
        let (text, fraction) = match p {
            Progress::Loading => (w.opening_the_file, None),
            Progress::Reading(f) => (w.reading_rows, Some(f)),
            Progress::Computing(f) => (w.computing, Some(f)),
        };
        let value = fraction.unwrap_or(0.0).clamp(0.0, 1.0);
        Some(view! {
            <div class="actuals-progress" role="status">
                <label for="actuals-progress">
                    {text} " " {fraction.map(|f| format_percent(f.clamp(0.0, 1.0)))}
                </label>
                <progress id="actuals-progress" max="1" value=value></progress>
            </div>
        })
    }
}

#[component]
fn EncodingChoice(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    move || {
        let source = state.source.get()?;
        let name = source.name.clone();
        let detected = source.detected;
        let encoding = source.encoding;
        let described = match (&name, detected) {
            (Some(n), Some(d)) => {
                let found = format!("{}{}", d.encoding.name(), if d.bom { " (BOM)" } else { "" });
                read_as(lang.get(), n, &found)
            }
            _ => words(lang.get()).pasted_cells.to_string(),
        };
        let choice = encoding.map(|current| {
            let options = Signal::derive(move || {
                Encoding::ALL
                    .iter()
                    .map(|e| {
                        let mark = if detected.map(|d| d.encoding) == Some(*e) {
                            words(lang.get()).detected_mark
                        } else {
                            ""
                        };
                        (e.label().to_string(), format!("{}{mark}", e.name()))
                    })
                    .collect::<Vec<_>>()
            });
            let name = name.clone();
            view! {
                <SelectField
                    id="actuals-encoding"
                    label=Signal::derive(move || words(lang.get()).encoding.to_string())
                    options=options
                    selected=Signal::derive(move || current.label().to_string())
                    on_change=Callback::new(move |v: String| {
                        if let Some(e) = Encoding::from_label(&v) {
                            decode_and_read(session, state, name.clone(), detected, e);
                        }
                    })
                />
            }
        });
        Some(view! {
            <div class="import-source">
                <p class="import-file-name">{described}</p>
                {choice}
            </div>
        })
    }
}
