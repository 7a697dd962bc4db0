//! The import's work, in slices that yield to the event loop between them (about 40 ms each),
//! so a 100,000-row file shows its progress and the page stays responsive: load the bytes,
//! guess the encoding, decode with the browser's `TextDecoder`, read the table, suggest (or
//! recall) the mapping, build the records and aggregate them.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use funnel_model::import::aggregate::aggregate;
use funnel_model::import::date::OrderEvidence;
use funnel_model::import::encoding::{detect, BytesProblem, Detected, Encoding};
use funnel_model::import::mapping::{header_set_key, suggest, Mapping};
use funnel_model::import::period::month_span;
use funnel_model::import::reader::{ReadProblem, Reader};
use funnel_model::import::records::RecordBuilder;
use funnel_model::import::Table;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::import::{FileProblem, MAX_FILE_BYTES};
use crate::import_memory;
use crate::session::Session;
use crate::ui::import::{ImportState, Progress, SourceInfo};

/// Time one slice may take before yielding.
const SLICE_MS: f64 = 40.0;

fn now() -> f64 {
    js_sys::Date::now()
}

fn later(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}

fn fail(state: ImportState, problem: FileProblem) {
    state.next_job();
    state.clear_results();
    state.source.set(None);
    state.bytes.set_value(None);
    state.progress.set(None);
    state.problem.set(Some(problem));
}

/// Reads a chosen or dropped file.
pub fn start_file(session: Session, state: ImportState, file: web_sys::File) {
    let size = file.size();
    if size > MAX_FILE_BYTES {
        return fail(state, FileProblem::TooLarge { bytes: size });
    }
    let job = state.next_job();
    state.problem.set(None);
    state.progress.set(Some(Progress::Loading));
    let Ok(reader) = web_sys::FileReader::new() else {
        return fail(state, FileProblem::Unreadable);
    };
    let name = file.name();
    let result_of = reader.clone();
    let on_load = Closure::once(move |_: web_sys::Event| {
        if !state.is_current(job) {
            return;
        }
        let Ok(buffer) = result_of.result() else {
            return fail(state, FileProblem::Unreadable);
        };
        if !buffer.is_instance_of::<js_sys::ArrayBuffer>() {
            return fail(state, FileProblem::Unreadable);
        }
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        match detect(&bytes) {
            Err(BytesProblem::Empty) => fail(state, FileProblem::Empty),
            Err(BytesProblem::Binary) => fail(state, FileProblem::Binary),
            Ok(detected) => {
                state.bytes.set_value(Some(Arc::new(bytes)));
                decode_and_read(
                    session,
                    state,
                    Some(name),
                    Some(detected),
                    detected.encoding,
                );
            }
        }
    });
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    if reader.read_as_array_buffer(&file).is_err() {
        fail(state, FileProblem::Unreadable);
    }
}

/// Decodes the kept bytes in `encoding` (the detected one, or the user's choice) and reads them.
pub fn decode_and_read(
    session: Session,
    state: ImportState,
    name: Option<String>,
    detected: Option<Detected>,
    encoding: Encoding,
) {
    let Some(bytes) = state.bytes.get_value() else {
        return;
    };
    let text = web_sys::TextDecoder::new_with_label(encoding.label())
        .ok()
        .and_then(|d| d.decode_with_u8_array(&bytes).ok());
    let Some(text) = text else {
        return fail(state, FileProblem::Unreadable);
    };
    read_text(
        session,
        state,
        SourceInfo {
            name,
            detected,
            encoding: Some(encoding),
        },
        text,
    );
}

/// Reads cells pasted from a spreadsheet (tab-separated text).
pub fn start_paste(session: Session, state: ImportState, text: String) {
    if text.trim().is_empty() {
        return fail(state, FileProblem::Empty);
    }
    state.bytes.set_value(None);
    read_text(
        session,
        state,
        SourceInfo {
            name: None,
            detected: None,
            encoding: None,
        },
        text,
    );
}

fn read_text(session: Session, state: ImportState, source: SourceInfo, text: String) {
    let job = state.next_job();
    state.problem.set(None);
    state.clear_results();
    state.source.set(Some(source));
    state.progress.set(Some(Progress::Reading(0.0)));
    let reader = Rc::new(RefCell::new(Reader::new(text)));
    later(move || read_step(session, state, job, reader));
}

fn read_step(session: Session, state: ImportState, job: u32, reader: Rc<RefCell<Reader>>) {
    if !state.is_current(job) {
        return;
    }
    let start = now();
    let mut done = false;
    while !done && now() - start < SLICE_MS {
        done = reader.borrow_mut().read(2_000);
    }
    if !done {
        state
            .progress
            .set(Some(Progress::Reading(reader.borrow().progress())));
        return later(move || read_step(session, state, job, reader));
    }
    let reader = reader.replace(Reader::new(String::new()));
    match reader.finish() {
        Err(ReadProblem::Empty) => fail(state, FileProblem::Empty),
        Err(ReadProblem::HeaderOnly) => fail(state, FileProblem::HeaderOnly),
        Ok(table) => {
            let kinds: Vec<_> = session
                .draft
                .with_untracked(|d| d.stages.iter().map(|s| s.kind).collect());
            let suggestion = suggest(&table, &kinds);
            let mapping = match import_memory::recall(&header_set_key(&table.header)) {
                Some(remembered) => Mapping::restore(suggestion.mapping, &remembered, kinds.len()),
                None => suggestion.mapping,
            };
            state.order_asked.set(matches!(
                suggestion.order,
                OrderEvidence::Ambiguous | OrderEvidence::Conflicting
            ));
            state.table.set(Some(Arc::new(table)));
            state.mapping.set(Some(mapping));
            compute(session, state);
        }
    }
}

/// Changes the mapping, remembers it for this header set, and computes again.
pub fn edit_mapping(session: Session, state: ImportState, edit: impl FnOnce(&mut Mapping)) {
    state.mapping.update(|m| {
        if let Some(m) = m {
            edit(m);
        }
    });
    if let (Some(table), Some(mapping)) =
        (state.table.get_untracked(), state.mapping.get_untracked())
    {
        import_memory::remember(&header_set_key(&table.header), &mapping);
    }
    compute(session, state);
}

/// Builds the records and the actuals under the current mapping, in slices.
pub fn compute(session: Session, state: ImportState) {
    let job = state.next_job();
    state.plan_preview.set(None);
    let (Some(table), Some(mapping)) = (state.table.get_untracked(), state.mapping.get_untracked())
    else {
        return;
    };
    if mapping.problem().is_some() {
        state.records.set(None);
        state.actuals.set(None);
        state.progress.set(None);
        return;
    }
    let stages = session.draft.with_untracked(|d| d.stages.len());
    state.progress.set(Some(Progress::Computing(0.0)));
    let builder = RecordBuilder::new(mapping, table.header.len(), stages);
    let builder = Rc::new(RefCell::new(Some(builder)));
    later(move || build_step(state, job, table, builder, 0));
}

fn build_step(
    state: ImportState,
    job: u32,
    table: Arc<Table>,
    builder: Rc<RefCell<Option<RecordBuilder>>>,
    mut at: usize,
) {
    if !state.is_current(job) {
        return;
    }
    let rows = table.rows.len();
    let start = now();
    {
        let mut b = builder.borrow_mut();
        let Some(b) = b.as_mut() else {
            return;
        };
        while at < rows && now() - start < SLICE_MS {
            let end = (at + 2_000).min(rows);
            b.add(&table.rows[at..end]);
            at = end;
        }
    }
    if at < rows {
        state
            .progress
            .set(Some(Progress::Computing(at as f64 / rows as f64)));
        return later(move || build_step(state, job, table, builder, at));
    }
    let Some(b) = builder.borrow_mut().take() else {
        return;
    };
    let records = b.finish();
    let actuals = aggregate(&records);
    let span = month_span(&records);
    if state.kpi_span.get_untracked().is_none() {
        state.kpi_span.set(span.map(|(_, last)| (last, last)));
    }
    state.records.set(Some(Arc::new(records)));
    state.actuals.set(Some(Arc::new(actuals)));
    state.progress.set(None);
}
