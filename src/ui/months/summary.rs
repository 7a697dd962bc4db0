//! The monthly plan's headline: what must exist before the period, coverage, velocity,
//! headcount, and the notes on the phasing.

use funnel_model::format::{format_count, format_decimal};
use funnel_model::plan::phasing::PhasingNote;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::jargon::explain as explain_term;
use crate::i18n::months::{
    coverage_figure, deals_figure, headcount_figure, needed_before_period, velocity_label,
    velocity_note, won_total_figure, words,
};
use crate::i18n::names::Named;
use crate::i18n::plan::plan_input_error;
use crate::ui::figure::Figure;
use crate::ui::results::{cards_view, CardLabel};
use crate::view_model::months::TimeResult;

#[component]
pub(super) fn MonthSummary(
    lang: RwSignal<Lang>,
    result: Memo<Option<TimeResult>>,
    draft: RwSignal<funnel_model::draft::Draft>,
) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        // The verdict needs the open pipeline, an optional field: without it only the coverage
        // the plan needs is shown, never "0× · short".
        let pipeline_given = draft.with(|d| !d.plan.open_pipeline.trim().is_empty());
        result.with(|r| {
            r.as_ref()
                .map(|r| summary_cards(l, pipeline_given, r))
                .unwrap_or_default()
        })
    };
    let notes = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| phasing_notes(l, r)).unwrap_or_default())
    };
    // Which days the velocity divides by, and why there is none at 0 days.
    let velocity_note = move || {
        let l = lang.get();
        result.with(|r| {
            let plan = &r.as_ref()?.plan;
            Some(velocity_note(l, plan.velocity.is_some(), plan.cycle_source))
        })
    };
    view! {
        {move || notes().into_iter().map(|n| view! { <p class="note" role="note">{n}</p> }).collect_view()}
        <dl class="headline">{move || cards_view("months", cards())}</dl>
        <p class="hint" data-testid="velocity-note">{velocity_note}</p>
    }
}

/// The monthly plan's headline cards, in the order they are shown.
fn summary_cards(
    l: Lang,
    pipeline_given: bool,
    result: &TimeResult,
) -> Vec<(&'static str, CardLabel, Figure)> {
    let TimeResult { plan, funnel } = result;
    let won = funnel.won_index();
    let before_shown = plan.monthly.before_period_shown();
    let before = |i: usize| -> u64 { before_shown.get(i).copied().unwrap_or(0) };
    let lead = plan.lead_stage;
    let opp = won.saturating_sub(1);
    let unit = words(l).symbol;
    let targets = &plan.monthly.won_targets;
    let mut cards = vec![
        (
            "won-total",
            words(l).deals_planned_in_the_period_each.to_string(),
            won_total_figure(
                l,
                &format_count(targets.shown_total()),
                &format_count(targets.period_required),
                &format_count(targets.surplus()),
            ),
        ),
        (
            "before-leads",
            needed_before_period(l, &funnel.stages[lead].display_name(l)),
            format!("{}{unit}", format_count(before(lead))),
        ),
        (
            "before-opps",
            needed_before_period(l, &funnel.stages[opp].display_name(l)),
            format!("{}{unit}", format_count(before(opp))),
        ),
        (
            "coverage",
            words(l).pipeline_coverage_needed.to_string(),
            coverage_figure(
                l,
                &format_decimal(plan.coverage.needed, 2),
                pipeline_given
                    .then(|| (format_decimal(plan.coverage.have, 2), plan.coverage.enough)),
            ),
        ),
    ];
    if plan.open_pipeline_deals > 0.0 {
        cards.push((
            "open-deals",
            words(l).deals_expected_from_the_open_pipeline.to_string(),
            deals_figure(l, &format_decimal(plan.open_pipeline_deals, 1)),
        ));
    }
    let days = format_decimal(plan.cycle_days, 0);
    cards.push((
        "velocity",
        velocity_label(l, plan.cycle_source, &days),
        plan.velocity.map_or_else(
            || "—".to_string(),
            |v| funnel_model::format::format_money(v, l),
        ),
    ));
    let peak = |v: &[u64]| v.iter().copied().max().unwrap_or(0);
    cards.push((
        "headcount",
        words(l).headcount_busiest_month.to_string(),
        headcount_figure(
            l,
            peak(&plan.staffing.inside_sales),
            peak(&plan.staffing.field_sales),
        ),
    ));
    // Jargon explained on hover and focus; money with its exact figure.
    cards
        .into_iter()
        .map(|(key, label, value)| {
            let explanation = match key {
                "coverage" | "velocity" => explain_term(key, l),
                _ => None,
            };
            let figure = match (key, plan.velocity) {
                ("velocity", Some(v)) => Figure::money(v, l),
                _ => Figure::from(value),
            };
            (key, CardLabel::term(label, explanation), figure)
        })
        .collect::<Vec<_>>()
}

/// What the phasing had to bend, worded.
fn phasing_notes(l: Lang, r: &TimeResult) -> Vec<String> {
    r.plan
        .monthly
        .notes
        .iter()
        .map(|n| match n {
            PhasingNote::LeadTimeLongerThanPeriod {
                months,
                period_months,
            } => {
                let e = funnel_model::plan::PlanInputError::LeadTimeLongerThanPeriod {
                    months: *months,
                    period_months: *period_months,
                };
                let extra = words(l).what_must_be_created_before_the;
                format!("{} {extra}", plan_input_error(l, &e, &[]))
            }
        })
        .collect::<Vec<_>>()
}
