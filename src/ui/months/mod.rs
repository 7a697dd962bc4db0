//! The monthly plan: period, seasonality, lead time and capacity in; what must be created in
//! which month, headcount, coverage, velocity and the period-vs-cohort gap out.

mod inputs;
mod lead_time;
mod results;
mod summary;

use funnel_model::plan::export::monthly_plan_csv;
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::exports::monthly_csv_words;
use crate::i18n::months::words;
use crate::i18n::names::Named;
use crate::session::Session;
use crate::ui::exports::ViewExports;
use crate::ui::period_fields::PeriodNote;
use crate::ui::plan_common::evaluate;
use crate::view_model::months::TimeResult;

use inputs::{CapacityInputs, PeriodInputs};
use lead_time::LeadTimeInputs;
use results::{CohortNote, MonthTable, TimelineChart};
use summary::MonthSummary;

#[component]
pub fn MonthsView(session: Session, plan: Memo<ValidPlan>, current: Memo<bool>) -> impl IntoView {
    let lang = session.lang;
    let eval = evaluate(session, plan, current, |d, funnel| {
        let ids: Vec<u32> = if d.stages.len() == funnel.stages.len() {
            d.stages.iter().map(|s| s.id).collect()
        } else {
            (0..funnel.stages.len() as u32).collect()
        };
        d.plan.time_plan(funnel, &ids).map(|plan| TimeResult {
            plan,
            funnel: funnel.clone(),
        })
    });
    let w = move || words(lang.get());
    view! {
        <main class="layout" id="view-months">
            <section class="panel inputs" aria-labelledby="months-inputs-heading">
                <h2 id="months-inputs-heading">{move || w().period_and_lead_time}</h2>
                <PeriodInputs session=session errors=eval.errors />
                <LeadTimeInputs session=session errors=eval.errors />
                <CapacityInputs session=session errors=eval.errors />
            </section>
            <section class="panel results" aria-labelledby="months-heading">
                <div class="results-block" class:stale=move || !eval.current.get()>
                    <h2 id="months-heading">{move || w().monthly_plan}</h2>
                    <PeriodNote lang=lang draft=session.draft />
                    <Show when=move || !eval.current.get()>
                        <p class="stale-notice" role="status">
                            {move || w().some_inputs_are_not_valid_showing}
                        </p>
                    </Show>
                    <MonthSummary lang=lang result=eval.kept draft=session.draft />
                    <MonthTable lang=lang result=eval.kept />
                </div>
                <TimelineChart lang=lang result=eval.kept current=eval.current />
                <ViewExports
                    session=session
                    csv=Signal::derive(move || eval.kept.with(|r| r.as_ref().map(|r| monthly_plan_csv(&r.plan, &r.funnel.stages.iter().map(|s| s.display_name(lang.get())).collect::<Vec<_>>(), &monthly_csv_words(lang.get())))))
                    canvas_id="timeline-canvas"
                    what="monthly-plan"
                />
                <CohortNote lang=lang result=eval.kept />
            </section>
        </main>
    }
}
