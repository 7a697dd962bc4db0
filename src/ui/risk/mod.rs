//! Risk & sensitivity: how likely the plan is to reach its target, the count (and budget) that
//! buys 80 %, 90 % or the user's confidence, what the entries on hand give, which input moves
//! revenue most, and which single improvement is worth most. Computed only while this view is
//! open, so typing in the Funnel view never waits for it.

mod other_views;
mod results;

use funnel_model::risk::{build_setup, risk_csv, risk_figures_timed};
use leptos::prelude::*;

use crate::computed::ValidPlan;

use crate::i18n::exports::risk_csv_words;
use crate::i18n::risk::words;
use crate::session::Session;
use crate::ui::exports::{download_canvas_png, download_csv};
use crate::ui::risk_charts::RiskCharts;
use crate::ui::risk_inputs::RiskInputs;
use crate::view_model::risk::{rate_ids, RiskResult};

pub use other_views::{CompareRisk, ReachHeadline};
use results::{ForwardOutlook, RiskHeadline, TornadoTable, WorthMost};

#[component]
pub fn RiskView(session: Session, plan: Memo<ValidPlan>, current: Memo<bool>) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let settings = Memo::new(move |_| draft.with(|d| d.risk.settings(&rate_ids(d))));
    let errors = Memo::new(move |_| settings.with(|s| s.clone().err().unwrap_or_default()));
    let latest: Memo<Option<RiskResult>> = Memo::new(move |_| {
        let settings = settings.get().ok()?;
        draft.with(|d| {
            plan.with(|p| {
                let (funnel, reverse) = p.as_ref()?;
                let setup = build_setup(d, funnel, reverse, &settings);
                if !setup.within_exact_limits() {
                    return None;
                }
                let clock = || window().performance().map_or(0.0, |p| p.now());
                let (figures, timings) = risk_figures_timed(&setup, &clock);
                Some(RiskResult {
                    base_revenue: setup.expected_revenue(&setup.point, setup.top, setup.deal()),
                    figures,
                    draft: d.clone(),
                    seed: setup.seed,
                    timings,
                })
            })
        })
    });
    // Bad input keeps the last good figures of this scenario on screen, marked as not current.
    let opened = session.opened;
    let kept: Memo<(u32, Option<RiskResult>)> =
        Memo::new(move |previous: Option<&(u32, Option<RiskResult>)>| {
            let generation = opened.get();
            match latest.get() {
                Some(r) => (generation, Some(r)),
                None => match previous {
                    Some((g, r)) if *g == generation => (generation, r.clone()),
                    _ => (generation, None),
                },
            }
        });
    let result = Memo::new(move |_| kept.with(|(_, r)| r.clone()));
    let too_large = Memo::new(move |_| {
        let Ok(settings) = settings.get() else {
            return false;
        };
        draft.with(|d| {
            plan.with(|p| {
                p.as_ref().is_some_and(|(funnel, reverse)| {
                    !build_setup(d, funnel, reverse, &settings).within_exact_limits()
                })
            })
        })
    });
    let fresh = Memo::new(move |_| {
        current.get() && settings.with(Result::is_ok) && latest.with(Option::is_some)
    });
    let csv = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref().map(|r| {
                risk_csv(
                    &r.figures,
                    &r.rate_names(l),
                    &r.top_name(l),
                    &risk_csv_words(l),
                )
            })
        })
    });
    view! {
        <main class="layout" id="view-risk">
            <section class="panel inputs" aria-labelledby="risk-inputs-heading">
                <h2 id="risk-inputs-heading">{move || w().what_is_uncertain}</h2>
                <RiskInputs lang=lang draft=draft errors=errors />
            </section>
            <section class="panel results" aria-labelledby="risk-heading">
                <div class="results-block" class:stale=move || !fresh.get()>
                    <h2 id="risk-heading">{move || w().risk_sensitivity}</h2>
                    <Show when=move || too_large.get()>
                        <p class="stale-notice" role="status" data-testid="risk-too-large">
                            {move || w().this_plans_counts_are_too_large}
                        </p>
                    </Show>
                    <Show when=move || !fresh.get() && !too_large.get() && result.with(Option::is_some)>
                        <p class="stale-notice" role="status" data-testid="risk-stale">
                            {move || w().some_inputs_are_not_valid_showing}
                        </p>
                    </Show>
                    <RiskHeadline lang=lang result=result />
                    <ForwardOutlook lang=lang result=result />
                    <WorthMost lang=lang result=result />
                </div>
                <RiskCharts lang=lang result=result current=fresh />
                <TornadoTable lang=lang result=result />
                <div class="button-row view-exports">
                    <button type="button" class="secondary" disabled=move || csv.with(Option::is_none)
                        on:click=move |_| if let Some(text) = csv.get_untracked() { download_csv(session, "risk", &text) }>
                        {move || w().save_the_figures_as_csv}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| download_canvas_png(session, "risk-distribution-canvas", "risk-distribution")>
                        {move || w().save_the_distribution_as_png}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| download_canvas_png(session, "risk-curve-canvas", "risk-curve")>
                        {move || w().save_the_chance_curve_as_png}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| download_canvas_png(session, "risk-tornado-canvas", "risk-tornado")>
                        {move || w().save_the_tornado_as_png}
                    </button>
                </div>
            </section>
        </main>
    }
}
