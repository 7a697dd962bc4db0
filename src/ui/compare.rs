use funnel_model::draft::Draft;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::compare::words as compare_words;
use crate::i18n::funnel::words as funnel_words;
use crate::session::Session;
use crate::ui::funnel_chart::FunnelChart;
use crate::ui::risk::CompareRisk;
use crate::view_model::compare::{compare_rows, CompareRow};
use crate::view_model::figure::Figure;

/// Two scenarios side by side: every stage's requirement, the differences, and both funnels.
#[component]
pub fn CompareView(session: Session) -> impl IntoView {
    let lang = session.lang;
    let first = session.library.with_untracked(|l| l.current);
    let second = session.library.with_untracked(|l| {
        l.entries
            .iter()
            .map(|s| s.id)
            .find(|id| *id != first)
            .unwrap_or(first)
    });
    let a = RwSignal::new(first);
    let b = RwSignal::new(second);
    // The open scenario is read live from the draft, the others from the library.
    let draft_of = move |id: u32| -> Option<(String, Draft)> {
        let live =
            session.shared.with(Option::is_none) && session.library.with(|l| l.current) == id;
        session.library.with(|l| {
            l.get(id).map(|s| {
                let draft = if live {
                    session.draft.get()
                } else {
                    s.scenario.draft.clone()
                };
                (s.scenario.name.clone(), draft)
            })
        })
    };
    let plan_of = move |id: u32| -> ValidPlan {
        let (_, draft) = draft_of(id)?;
        let funnel = draft.funnel().ok()?;
        let plan = funnel.reverse().ok()?;
        Some((funnel, plan))
    };
    let plan_a = Memo::new(move |_| plan_of(a.get()));
    let plan_b = Memo::new(move |_| plan_of(b.get()));
    let valid = Memo::new(move |_| true);
    // Both funnels on one scale, so equal counts are equally wide.
    let range = Signal::derive(move || {
        let counts: Vec<f64> = [plan_a, plan_b]
            .iter()
            .filter_map(|p| p.get())
            .flat_map(|(_, plan)| plan.stages.into_iter().map(|s| s.required as f64))
            .collect();
        let min = counts.iter().copied().fold(f64::INFINITY, f64::min);
        let max = counts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (min.is_finite() && max.is_finite()).then_some((min, max))
    });
    let name_of = move |id: u32| draft_of(id).map(|(n, _)| n).unwrap_or_default();

    let picker = move |id: &'static str,
                       label: fn(&crate::i18n::compare::Words) -> &'static str,
                       choice: RwSignal<u32>| {
        view! {
            <div class="field compact">
                <label for=id>{move || label(compare_words(lang.get()))}</label>
                <select id=id on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse() {
                        choice.set(v);
                    }
                }>
                    {move || session.library.with(|l| {
                        l.entries.iter().map(|s| {
                            let selected = s.id == choice.get();
                            view! { <option value=s.id.to_string() selected=selected>{s.scenario.name.clone()}</option> }
                        }).collect_view()
                    })}
                </select>
            </div>
        }
    };
    let invalid = move || {
        let mut notes = Vec::new();
        for (choice, plan) in [(a, plan_a), (b, plan_b)] {
            if plan.with(Option::is_none) {
                notes.push((compare_words(lang.get()).compare_invalid)(&name_of(
                    choice.get(),
                )));
            }
        }
        notes
            .into_iter()
            .map(|n| view! { <p class="message">{n}</p> })
            .collect_view()
    };
    view! {
        <main class="compare panel" id="view-compare">
            <h2>{move || compare_words(lang.get()).compare_heading}</h2>
            <div class="compare-pickers">
                {picker("compare-a", |w| w.compare_a, a)}
                {picker("compare-b", |w| w.compare_b, b)}
            </div>
            {invalid}
            <CompareTable lang=lang plan_a=plan_a plan_b=plan_b />
            <CompareRisk lang=lang draft_a=Signal::derive(move || draft_of(a.get()).map(|(_, d)| d)) draft_b=Signal::derive(move || draft_of(b.get()).map(|(_, d)| d)) plan_a=plan_a plan_b=plan_b />
            <div class="compare-charts">
                <FunnelChart
                    lang=lang
                    plan=plan_a
                    current=valid
                    value_range=range
                    caption=Signal::derive(move || format!("A: {}", name_of(a.get())))
                />
                <FunnelChart
                    lang=lang
                    plan=plan_b
                    current=valid
                    value_range=range
                    caption=Signal::derive(move || format!("B: {}", name_of(b.get())))
                />
            </div>
        </main>
    }
}

/// Rows aligned from the bottom (won with won, opportunities with opportunities…), so funnels of
/// different lengths still compare stage for stage.
#[component]
fn CompareTable(
    lang: RwSignal<Lang>,
    plan_a: Memo<ValidPlan>,
    plan_b: Memo<ValidPlan>,
) -> impl IntoView {
    let rows = move || {
        let (a, b) = (plan_a.get()?, plan_b.get()?);
        let rows = compare_rows(lang.get(), &a, &b);
        Some(
            rows.into_iter()
                .map(|row| compare_row(row, "num delta"))
                .collect_view(),
        )
    };
    view! {
        <div class="table-wrap">
            <table class="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{move || funnel_words(lang.get()).col_stage}</th>
                        <th scope="col" class="num">{move || compare_words(lang.get()).compare_a}</th>
                        <th scope="col" class="num">{move || compare_words(lang.get()).compare_b}</th>
                        <th scope="col" class="num">{move || compare_words(lang.get()).col_delta}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A row of a compare table: the figure's name, both scenarios' and the difference (in a cell
/// of `delta_class`).
pub fn compare_row(row: CompareRow, delta_class: &'static str) -> impl IntoView {
    let cell = move |f: Figure| {
        if row.money {
            f.view()
        } else {
            f.text.into_any()
        }
    };
    view! {
        <tr>
            <th scope="row">{row.label}</th>
            <td class="num">{cell(row.a)}</td>
            <td class="num">{cell(row.b)}</td>
            <td class=delta_class>{cell(row.delta)}</td>
        </tr>
    }
}
