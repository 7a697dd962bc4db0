use funnel_model::draft::Draft;
use funnel_model::format::format_count;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::compare::words as compare_words;
use crate::i18n::funnel::words as funnel_words;
use crate::i18n::names::Named;
use crate::session::Session;
use crate::ui::figure::{signed_count, Figure};
use crate::ui::funnel_chart::FunnelChart;
use crate::ui::risk::CompareRisk;

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
        let lang = lang.get();
        let (a, b) = (plan_a.get()?, plan_b.get()?);
        let money_row = |label: &str, x: f64, y: f64| {
            view! {
                <tr>
                    <th scope="row">{label.to_string()}</th>
                    <td class="num">{Figure::money(x, lang).view()}</td>
                    <td class="num">{Figure::money(y, lang).view()}</td>
                    <td class="num delta">{signed_money(y - x, lang).view()}</td>
                </tr>
            }
        };
        let mut rows = vec![
            money_row(
                compare_words(lang).row_target,
                a.0.target.units(),
                b.0.target.units(),
            )
            .into_any(),
            money_row(
                compare_words(lang).row_deal,
                a.0.deal_size.units(),
                b.0.deal_size.units(),
            )
            .into_any(),
            money_row(
                compare_words(lang).row_pipeline,
                a.1.pipeline_value,
                b.1.pipeline_value,
            )
            .into_any(),
        ];
        let (na, nb) = (a.1.stages.len(), b.1.stages.len());
        for k in (0..na.max(nb)).rev() {
            let ia = (k < na).then(|| na - 1 - k);
            let ib = (k < nb).then(|| nb - 1 - k);
            let name_a = ia.map(|i| a.0.stages[i].display_name(lang));
            let name_b = ib.map(|i| b.0.stages[i].display_name(lang));
            let label = match (&name_a, &name_b) {
                (Some(x), Some(y)) if x == y => x.clone(),
                (Some(x), Some(y)) => format!("{x} / {y}"),
                (Some(x), None) | (None, Some(x)) => x.clone(),
                (None, None) => String::new(),
            };
            let count_a = ia.map(|i| a.1.stages[i].required);
            let count_b = ib.map(|i| b.1.stages[i].required);
            let delta = match (count_a, count_b) {
                (Some(x), Some(y)) => signed_count(y as i128 - x as i128),
                _ => "—".to_string(),
            };
            rows.push(
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{count_a.map_or("—".to_string(), format_count)}</td>
                        <td class="num">{count_b.map_or("—".to_string(), format_count)}</td>
                        <td class="num delta">{delta}</td>
                    </tr>
                }
                .into_any(),
            );
        }
        Some(rows)
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

fn signed_money(d: f64, lang: Lang) -> Figure {
    let sign = if d.abs() < 0.5 {
        return Figure::from("±0".to_string());
    } else if d > 0.0 {
        "+"
    } else {
        "−"
    };
    let magnitude = Figure::money(d.abs(), lang);
    Figure {
        text: format!("{sign}{}", magnitude.text),
        exact: magnitude.exact.map(|e| format!("{sign}{e}")),
    }
}
