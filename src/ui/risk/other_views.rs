//! The risk figures other views show: the Funnel view's chance of reaching the target and the
//! Compare view's risk rows, both exact at the rates as typed.

use funnel_model::draft::Draft;
use funnel_model::risk::{build_setup, exact_level_count, Belief};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::ValidPlan;

use crate::i18n::risk::{aside, chance, chance_words, words};
use crate::session::Session;
use crate::ui::compare::compare_row;
use crate::view_model::compare::risk_rows;

use crate::view_model::risk::rate_ids;

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
    // Shown only when both scenarios can be compared, like the stage table above it.
    let both = move || a.with(Option::is_some) && b.with(Option::is_some);
    let rows = move || {
        let rows = risk_rows(lang.get(), a.get(), b.get());
        rows.into_iter()
            .map(|row| compare_row(row, "num"))
            .collect_view()
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
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
