//! 実績の取り込み / Import actuals: a CRM or MA export read in the browser (nothing uploaded),
//! mapped column by column, and turned into actual rates, lead times, cohorts and channel
//! figures that can then become the plan's rates or the KPI tree's actuals.

use std::sync::Arc;

use funnel_model::draft::Draft;
use funnel_model::import::apply::PlanChange;
use funnel_model::import::encoding::{Detected, Encoding};
use funnel_model::import::mapping::Mapping;
use funnel_model::import::{Actuals, Month, Records, Table};
use funnel_model::risk::RiskDraft;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::words;
use crate::i18n::import::FileProblem;
use crate::i18n::names::NamedStages;
use crate::session::Session;
use crate::ui::import_actions::ImportActions;
use crate::ui::import_mapping::MappingPanel;
use crate::ui::import_results::ImportResults;
use crate::ui::import_source::SourcePanel;

/// Where the rows came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The file's name; `None` for pasted cells.
    pub name: Option<String>,
    /// What the bytes looked like (files only).
    pub detected: Option<Detected>,
    /// The encoding read with (the detected one, or the user's choice).
    pub encoding: Option<Encoding>,
}

/// What the work in progress is doing, and how far it is (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    Loading,
    Reading(f64),
    Computing(f64),
}

/// Everything the view holds. Created at the root, so switching views keeps an import.
/// Rows live only here, in memory: never in storage, links or exports.
#[derive(Clone, Copy)]
pub struct ImportState {
    pub source: RwSignal<Option<SourceInfo>>,
    /// The file's bytes, kept to read again in another encoding.
    pub bytes: StoredValue<Option<Arc<Vec<u8>>>>,
    pub table: RwSignal<Option<Arc<Table>>>,
    pub mapping: RwSignal<Option<Mapping>>,
    /// The file's year-last dates read both ways: the user is asked.
    pub order_asked: RwSignal<bool>,
    pub records: RwSignal<Option<Arc<Records>>>,
    pub actuals: RwSignal<Option<Arc<Actuals>>>,
    pub progress: RwSignal<Option<Progress>>,
    pub problem: RwSignal<Option<FileProblem>>,
    /// Costs typed per channel (name, text), for CPL and CPA when the file has none.
    pub costs: RwSignal<Vec<(String, String)>>,
    /// Bumped by every new piece of work, so a superseded one stops at its next step.
    pub job: StoredValue<u32>,
    pub plan_preview: RwSignal<Option<(Draft, Vec<PlanChange>)>>,
    /// The draft before the actuals were applied (plan rates), for undo.
    pub plan_undo: RwSignal<Option<Draft>>,
    /// The draft before the KPI tree was filled, for undo, and the months filled.
    pub kpi_undo: RwSignal<Option<(Draft, Month, Month)>>,
    pub kpi_span: RwSignal<Option<(Month, Month)>>,
    /// The risk inputs before the actuals' counts went in, and how many rates they set.
    pub risk_undo: RwSignal<Option<(RiskDraft, usize)>>,
}

impl ImportState {
    pub fn new() -> ImportState {
        ImportState {
            source: RwSignal::new(None),
            bytes: StoredValue::new(None),
            table: RwSignal::new(None),
            mapping: RwSignal::new(None),
            order_asked: RwSignal::new(false),
            records: RwSignal::new(None),
            actuals: RwSignal::new(None),
            progress: RwSignal::new(None),
            problem: RwSignal::new(None),
            costs: RwSignal::new(Vec::new()),
            job: StoredValue::new(0),
            plan_preview: RwSignal::new(None),
            plan_undo: RwSignal::new(None),
            kpi_undo: RwSignal::new(None),
            risk_undo: RwSignal::new(None),
            kpi_span: RwSignal::new(None),
        }
    }

    /// Starts a new piece of work and returns its number.
    pub fn next_job(&self) -> u32 {
        let n = self.job.get_value().wrapping_add(1);
        self.job.set_value(n);
        n
    }

    pub fn is_current(&self, job: u32) -> bool {
        self.job.get_value() == job
    }

    /// Forgets the previous file's table and results (not what was applied to the plan).
    pub fn clear_results(&self) {
        self.table.set(None);
        self.mapping.set(None);
        self.order_asked.set(false);
        self.records.set(None);
        self.actuals.set(None);
        self.plan_preview.set(None);
        self.kpi_span.set(None);
    }
}

/// The stages' names as shown, in order.
pub fn stage_names(draft: &Draft, lang: Lang) -> Vec<String> {
    (0..draft.stages.len())
        .map(|i| draft.display_name(i, lang))
        .collect()
}

#[component]
pub fn ImportView(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let w = move || words(lang.get());
    let has_table = move || state.table.with(Option::is_some);
    view! {
        <main class="layout import" id="view-import">
            <section class="panel inputs" aria-labelledby="actuals-inputs-heading">
                <h2 id="actuals-inputs-heading">{move || w().import_actuals}</h2>
                <SourcePanel session=session state=state />
                <Show when=has_table>
                    <MappingPanel session=session state=state />
                </Show>
            </section>
            <section class="panel results" aria-labelledby="actuals-results-heading">
                <h2 id="actuals-results-heading">{move || w().actuals}</h2>
                <ImportResults session=session state=state />
                <ImportActions session=session state=state />
            </section>
        </main>
    }
}
