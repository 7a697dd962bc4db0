//! Risk & sensitivity: how likely the plan is to reach its target, the count (and budget) that
//! buys 80 %, 90 % or the user's confidence, what the entries on hand give, which input moves
//! revenue most, and which single improvement is worth most. Computed only while this view is
//! open, so typing in the Funnel view never waits for it.

use funnel_model::draft::Draft;
use funnel_model::format::{format_count, format_money};
use funnel_model::risk::{
    build_setup, exact_level_count, risk_csv, risk_figures_timed, Belief, RiskFigures, Timings,
};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::ValidPlan;

use crate::i18n::exports::risk_csv_words;
use crate::i18n::risk::{
    aside, budget_part, chance, chance_words, count, count_unit, error_points, forward_outlook,
    method_note, needed_for_confidence, same_as_extra, signed_points, span, words, worth_sentence,
};
use crate::session::Session;
use crate::ui::exports::{download_canvas_png, download_csv};
use crate::ui::figure::signed_count;
use crate::ui::results::cards_view;
use crate::ui::risk_charts::{input_label, RiskCharts};
use crate::ui::risk_inputs::RiskInputs;

/// The figures with the draft they were computed from (its names label them, also while an
/// older result is kept on screen).
#[derive(Clone, PartialEq)]
pub struct RiskResult {
    pub figures: RiskFigures,
    pub draft: Draft,
    /// Expected revenue at the rates as typed.
    pub base_revenue: f64,
    pub seed: u64,
    /// How long the figures took (the benchmark reads them off the page).
    pub timings: Timings,
}

impl RiskResult {
    pub fn rate_name(&self, i: usize, lang: Lang) -> String {
        self.draft.rate_label(i, lang).unwrap_or_default()
    }

    pub fn top_name(&self, lang: Lang) -> String {
        self.draft.display_name(0, lang)
    }

    fn rate_names(&self, lang: Lang) -> Vec<String> {
        (0..self.draft.stages.len().saturating_sub(1))
            .map(|i| self.rate_name(i, lang))
            .collect()
    }
}

/// The stage ids that have a rate out (every stage but won).
pub fn rate_ids(d: &Draft) -> Vec<u32> {
    let n = d.stages.len().saturating_sub(1);
    d.stages[..n].iter().map(|s| s.id).collect()
}

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

/// The chance, won deals and revenue at P10 / P50 / P90, and the counts for each confidence.
#[component]
fn RiskHeadline(lang: RwSignal<Lang>, result: Memo<Option<RiskResult>>) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let f = &r.figures;
            let top = r.top_name(l);
            let three = |v: [String; 3]| v.join(" / ");
            let mut cards = vec![
                (
                    "reach",
                    words(l).chance_of_reaching_the_target.to_string(),
                    format!(
                        "{}{}",
                        chance(f.plan.reach.value),
                        aside(l, &chance_words(l, f.plan.reach.value))
                    ),
                ),
                (
                    "won",
                    words(l).won_deals_p10_p50_p90.to_string(),
                    three(f.plan.won.map(|w| count(l, w))),
                ),
                (
                    "revenue",
                    words(l).revenue_p10_p50_p90.to_string(),
                    three(f.plan.revenue.map(|v| format_money(v, l))),
                ),
            ];
            for (level, key) in f.levels.iter().zip(["level80", "level90", "level-user"]) {
                let pct = format!("{:.0}%", level.level * 100.0);
                let label = needed_for_confidence(l, &pct, &top);
                let value = match level.top {
                    Some(n) => {
                        let more = n.saturating_sub(f.plan.count);
                        let mut v = count(l, n);
                        if more > 0 {
                            v += &aside(l, &format!("+{}", format_count(more)));
                        }
                        if let Some(b) = level.budget {
                            v += &budget_part(l, &format_money(b, l));
                        }
                        v
                    }
                    None => words(l).out_of_reach_at_these_rates.to_string(),
                };
                cards.push((key, label, value));
            }
            cards
        })
    };
    let timing = move |part: fn(&Timings) -> f64| {
        result.with(|r| {
            r.as_ref()
                .map_or(String::new(), |r| format!("{:.3}", part(&r.timings)))
        })
    };
    let method = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let f = &r.figures;
            let need = count(l, f.need);
            Some(method_note(
                l,
                &need,
                f.trials.map(|t| {
                    (
                        format_count(u64::from(t)),
                        r.seed,
                        error_points(l, f.plan.reach.error),
                    )
                }),
            ))
        })
    };
    view! {
        <dl
            class="headline"
            data-testid="risk-headline"
            data-ms-outlook=move || timing(|t| t.outlook)
            data-ms-levels=move || timing(|t| t.levels)
            data-ms-tornado=move || timing(|t| t.tornado)
            data-ms-total=move || timing(|t| t.total)
            data-trials=move || result.with(|r| r.as_ref().and_then(|r| r.figures.trials).unwrap_or(0).to_string())
        >
            {move || cards_view("risk", cards())}
        </dl>
        <p class="note" data-testid="risk-method">{method}</p>
    }
}

/// What the entries on hand (forward mode's) give.
#[component]
fn ForwardOutlook(lang: RwSignal<Lang>, result: Memo<Option<RiskResult>>) -> impl IntoView {
    let text = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let fw = r.figures.forward.as_ref()?;
            let stage = r.draft.display_name(fw.stage, l);
            let range = span(l, &count(l, fw.won[0]), &count(l, fw.won[2]));
            let revenue = span(
                l,
                &format_money(fw.revenue[0], l),
                &format_money(fw.revenue[2], l),
            );
            Some(forward_outlook(
                l,
                &stage,
                &format_count(fw.count),
                fw.reach.value,
                &range,
                &revenue,
            ))
        })
    };
    view! {
        <Show when=move || text().is_some()>
            <h3>{move || words(lang.get()).with_what_you_have}</h3>
            <p data-testid="risk-forward">{text}</p>
        </Show>
    }
}

/// Every rate's +1 point, ranked, and the single improvement worth most in a sentence.
#[component]
fn WorthMost(lang: RwSignal<Lang>, result: Memo<Option<RiskResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let best = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let top = r.figures.improvements.first()?;
            let name = r.rate_name(top.stage, l);
            let top_name = r.top_name(l);
            Some(worth_sentence(
                l,
                &name,
                top.revenue,
                top.extra_top,
                &top_name,
                top.budget,
            ))
        })
    };
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            Some(r.figures.improvements.iter().enumerate().map(|(rank, imp)| view! {
                <tr>
                    <td class="num">{rank + 1}</td>
                    <th scope="row">{r.rate_name(imp.stage, l)}</th>
                    <td class="num">{format_money(imp.revenue, l)}</td>
                    <td class="num">{count(l, imp.extra_top)}</td>
                    <td class="num">{imp.budget.map_or("—".to_string(), |b| format_money(b, l))}</td>
                </tr>
            }).collect_view())
        })
    };
    let extra_col = move || {
        let l = lang.get();
        result.with(|r| {
            let top = r.as_ref().map(|r| r.top_name(l)).unwrap_or_default();
            same_as_extra(l, &top)
        })
    };
    view! {
        <h3>{move || w().which_single_improvement_is_worth_most}</h3>
        <p class="worth-best" data-testid="risk-worth">{best}</p>
        <div class="table-wrap">
            <table class="risk-worth">
                <caption class="sr-only">{move || w().what_1_point_on_each_rate}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{move || w().rank}</th>
                        <th scope="col">{move || w().rate_1_pt}</th>
                        <th scope="col" class="num">{move || w().revenue_gained}</th>
                        <th scope="col" class="num">{extra_col}</th>
                        <th scope="col" class="num">{move || w().as_ad_budget}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The tornado's numbers, also its text alternative: each input's range, revenue and chance at
/// both ends.
#[component]
fn TornadoTable(lang: RwSignal<Lang>, result: Memo<Option<RiskResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            Some(r.figures.tornado.iter().map(|s| view! {
                <tr>
                    <th scope="row">{input_label(r, s.input, s.low, s.high, s.source, l)}</th>
                    <td class="num">{format_money(s.revenue_low, l)}</td>
                    <td class="num">{format_money(s.revenue_high, l)}</td>
                    <td class="num">{chance(s.reach_low)}</td>
                    <td class="num">{chance(s.reach_high)}</td>
                </tr>
            }).collect_view())
        })
    };
    view! {
        <div class="table-wrap">
            <table class="risk-tornado">
                <caption>{move || w().ranges_are_yours_where_given_else}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().input_and_range}</th>
                        <th scope="col" class="num">{move || w().revenue_low_end}</th>
                        <th scope="col" class="num">{move || w().revenue_high_end}</th>
                        <th scope="col" class="num">{move || w().chance_low_end}</th>
                        <th scope="col" class="num">{move || w().chance_high_end}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The Funnel view's chance of reaching the target, exact at the rates as typed: one
/// distribution, cheap enough for every keystroke.
pub fn headline_reach(d: &Draft, plan: &ValidPlan) -> Option<f64> {
    let (funnel, reverse) = plan.as_ref()?;
    let settings = d.risk.settings(&rate_ids(d)).unwrap_or_default();
    let mut setup = build_setup(d, funnel, reverse, &settings);
    if !setup.within_exact_limits() {
        return None;
    }
    setup.beliefs = setup.point.iter().map(|p| Belief::Fixed(*p)).collect();
    Some(setup.exact_reach())
}

/// The headline card and its link to the Risk view.
#[component]
pub fn ReachHeadline(
    session: Session,
    plan: Memo<ValidPlan>,
    current: Memo<bool>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let reach = Memo::new(move |_| draft.with(|d| plan.with(|p| headline_reach(d, p))));
    view! {
        <Show when=move || reach.get().is_some()>
            <div class="reach-headline" class:stale=move || !current.get()>
                <p>
                    <span class="reach-label">{move || words(lang.get()).chance_of_reaching_the_target}</span>
                    " "
                    <strong data-testid="funnel-reach">{move || reach.get().map(chance).unwrap_or_default()}</strong>
                    " "
                    <span class="reach-words">{move || reach.get().map(|p| aside(lang.get(), &chance_words(lang.get(), p))).unwrap_or_default()}</span>
                </p>
                <a href="#view=risk" on:click=move |ev| {
                    ev.prevent_default();
                    session.set_view(crate::session::View::Risk);
                }>
                    {move || words(lang.get()).see_risk_sensitivity}
                </a>
            </div>
        </Show>
    }
}

/// The compare view's risk rows: each scenario's chance of reaching its target and the
/// top-stage count for 90 %, exact at the rates as typed.
#[component]
pub fn CompareRisk(
    lang: RwSignal<Lang>,
    draft_a: Signal<Option<Draft>>,
    draft_b: Signal<Option<Draft>>,
    plan_a: Memo<ValidPlan>,
    plan_b: Memo<ValidPlan>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let figures = move |d: Option<Draft>, p: ValidPlan| -> Option<(f64, Option<u64>)> {
        let d = d?;
        let (funnel, reverse) = p.as_ref()?;
        let settings = d.risk.settings(&rate_ids(&d)).unwrap_or_default();
        let setup = build_setup(&d, funnel, reverse, &settings);
        if !setup.within_exact_limits() {
            return None;
        }
        Some((setup.exact_reach(), exact_level_count(&setup, 0.9)))
    };
    let a = Memo::new(move |_| figures(draft_a.get(), plan_a.get()));
    let b = Memo::new(move |_| figures(draft_b.get(), plan_b.get()));
    let cell = move |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    // Shown only when both scenarios can be compared, like the stage table above it.
    let both = move || a.with(Option::is_some) && b.with(Option::is_some);
    let chance_delta = move || {
        let (Some(x), Some(y)) = (a.get(), b.get()) else {
            return "—".to_string();
        };
        signed_points(lang.get(), y.0 - x.0)
    };
    let count_delta = move || match (a.get().and_then(|x| x.1), b.get().and_then(|x| x.1)) {
        (Some(x), Some(y)) => signed_count_with_unit(lang.get(), i128::from(y) - i128::from(x)),
        _ => "—".to_string(),
    };
    view! {
        <div class="table-wrap" hidden=move || !both()>
            <table class="compare-risk" data-testid="compare-risk">
                <caption>{move || w().chance_of_reaching_the_target_exact}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().figure}</th>
                        <th scope="col" class="num">{move || w().scenario_a}</th>
                        <th scope="col" class="num">{move || w().scenario_b}</th>
                        <th scope="col" class="num">{move || w().difference_b_a}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{move || w().chance_of_reaching_the_target}</th>
                        <td class="num">{move || cell(a.get().map(|x| chance(x.0)))}</td>
                        <td class="num">{move || cell(b.get().map(|x| chance(x.0)))}</td>
                        <td class="num">{chance_delta}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || w().top_stage_count_for_90_confidence}</th>
                        <td class="num">{move || cell(a.get().and_then(|x| x.1).map(|n| count(lang.get(), n)))}</td>
                        <td class="num">{move || cell(b.get().and_then(|x| x.1).map(|n| count(lang.get(), n)))}</td>
                        <td class="num">{count_delta}</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// A difference of two counts with its unit: `+1,200件` / `+1,200` (no unit on `±0`).
fn signed_count_with_unit(lang: Lang, d: i128) -> String {
    count_unit(lang, signed_count(d), d != 0)
}
