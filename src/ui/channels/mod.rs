//! Channels and budget: the editable channel table, what each channel and the mix contribute
//! and cost, unit economics, and the survey benchmarks with their sources.

mod benchmarks;
mod card;
mod economics;
mod results;
mod table;

use funnel_model::plan::export::channels_csv;
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::channels::words;
use crate::i18n::exports::channels_csv_words;
use crate::session::Session;
use crate::ui::exports::ViewExports;
use crate::ui::period_fields::PeriodNote;
use crate::ui::plan_common::evaluate;
use crate::view_model::channels::MoneyResult;

use benchmarks::{Benchmarks, SampleBanner, SampleGroup};
use economics::{EconomicsInputs, EconomicsResults};
use results::{ChannelChartView, ChannelHeadline, ChannelResults};
use table::ChannelTable;

#[component]
pub fn ChannelsView(session: Session, plan: Memo<ValidPlan>, current: Memo<bool>) -> impl IntoView {
    let lang = session.lang;
    let eval = evaluate(session, plan, current, |d, funnel| {
        d.plan.money_plan(funnel).map(|plan| MoneyResult {
            plan,
            funnel: funnel.clone(),
            channels: d.plan.channels.clone(),
        })
    });
    let w = move || words(lang.get());
    // The unit-economics fields' problems live inside an otherwise valid money plan.
    let latest = eval.latest;
    let econ_errors = Memo::new(move |_| {
        latest.with(|r| match r {
            Some(Ok(m)) => m.plan.economics.clone().err().unwrap_or_default(),
            _ => funnel_model::plan::draft::PlanErrors::default(),
        })
    });
    view! {
        <main class="stack" id="view-channels">
            <section class="panel" aria-labelledby="channels-inputs-heading">
                <h2 id="channels-inputs-heading">{move || w().channels}</h2>
                <SampleBanner session=session which=SampleGroup::Channels />
                <div class="results-block" class:stale=move || !eval.current.get()>
                    <PeriodNote lang=lang draft=session.draft />
                    <ChannelHeadline lang=lang result=eval.kept />
                </div>
                <ChannelTable session=session errors=eval.errors plan=plan />
            </section>
            <div class="layout">
                <section class="panel inputs" aria-labelledby="economics-inputs-heading">
                    <h2 id="economics-inputs-heading">{move || w().costs_and_customers}</h2>
                    <SampleBanner session=session which=SampleGroup::Economics />
                    <EconomicsInputs session=session errors=econ_errors />
                </section>
                <section class="panel results" aria-labelledby="channels-heading">
                    <div class="results-block" class:stale=move || !eval.current.get()>
                        <h2 id="channels-heading">{move || w().plan_by_channel}</h2>
                        <Show when=move || !eval.current.get()>
                            <p class="stale-notice" role="status">
                                {move || w().some_inputs_are_not_valid_showing}
                            </p>
                        </Show>
                        <ChannelResults lang=lang result=eval.kept />
                    </div>
                    <ChannelChartView lang=lang result=eval.kept current=eval.current />
                    <ViewExports
                        session=session
                        csv=Signal::derive(move || {
                            let l = lang.get();
                            eval.kept.with(|r| r.as_ref().map(|r| channels_csv(&r.plan, &r.names(l), &channels_csv_words(l))))
                        })
                        canvas_id="channel-canvas"
                        what="channels"
                    />
                    <EconomicsResults
                        lang=lang
                        result=eval.kept
                        current=eval.current
                        samples=Signal::derive(move || session.draft.with(|d| d.plan.samples().economics))
                    />
                    <Benchmarks session=session />
                </section>
            </div>
        </main>
    }
}
