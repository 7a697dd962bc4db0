//! Around the KPI tree: the bottleneck ranking, the warnings, the stage definitions with their
//! SLA fields, and the KPI-design checklist.

use funnel_model::edit::Edit;
use funnel_model::kpi::{ChecklistItem, DefinedStage, DefinitionField, KpiTree};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::definitions::{field_label, field_placeholder, stage_summary};
use crate::i18n::kpi::{checklist_progress, words};
use crate::i18n::kpi_tree::{checklist_item, warning};
use crate::send::send;
use crate::session::Session;
use crate::view_model::kpi::{bottleneck_rows, bottleneck_sentence};

/// The stage whose shortfall costs the most revenue, then every stage with an actual, ranked.
#[component]
pub fn Bottlenecks(session: Session, tree: Memo<KpiTree>) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let rows = move || {
        let l = lang.get();
        tree.with(|t| draft.with(|d| bottleneck_rows(l, d, t)))
    };
    let headline = move || bottleneck_sentence(lang.get(), &rows());
    view! {
        <section class="bottlenecks" aria-labelledby="bottleneck-heading">
            <h3 id="bottleneck-heading">{move || w().bottleneck}</h3>
            <p class="bottleneck-headline" data-testid="bottleneck" role="status">
                {move || headline().unwrap_or_else(|| w().enter_actual_counts_rates_the_deal.to_string())}
            </p>
            <Show when=move || !rows().is_empty()>
                <div class="table-wrap">
                    <table class="bottleneck-table" data-testid="bottleneck-table">
                        <caption class="sr-only">{move || w().revenue_impact_of_each_figure_with}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || w().figure}</th>
                                <th scope="col" class="num">{move || w().shortfall}</th>
                                <th scope="col" class="num">{move || w().plan}</th>
                                <th scope="col" class="num">{move || w().actual_2}</th>
                                <th scope="col" class="num">{move || w().revenue_with_only_this_at_actual}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows().into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.name}</th>
                                    <td class="num">{r.loss}</td>
                                    <td class="num">{r.plan}</td>
                                    <td class="num">{r.actual}</td>
                                    <td class="num">{r.revenue}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn Warnings(lang: RwSignal<Lang>, tree: Memo<KpiTree>) -> impl IntoView {
    let texts = move || {
        let l = lang.get();
        tree.with(|t| t.warnings.iter().map(|w| warning(l, w)).collect::<Vec<_>>())
    };
    view! {
        <Show when=move || !texts().is_empty()>
            <ul class="warnings" data-testid="kpi-warnings">
                {move || texts().into_iter().map(|w| view! { <li class="note" role="note">{w}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The definitions-and-checklist view: what each stage means, agreed with sales, and how far
/// the KPI design has come.
#[component]
pub fn DefinitionsView(session: Session) -> impl IntoView {
    view! {
        <main class="layout kpi-layout" id="view-definitions">
            <section class="panel inputs" aria-labelledby="definitions-heading">
                <Definitions session=session />
            </section>
            <section class="panel results" aria-labelledby="checklist-heading">
                <Checklist session=session />
            </section>
        </main>
    }
}

#[component]
fn Definitions(session: Session) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let stage = RwSignal::new(DefinedStage::Mql);
    view! {
        <h2 id="definitions-heading">{move || w().stage_definitions_and_sla}</h2>
        <p class="hint">
            {move || w().what_marketing_and_sales_agree_each}
        </p>
        <div class="tabs small" role="tablist" aria-label=move || w().stage_to_define>
            {DefinedStage::ALL
                .into_iter()
                .map(|s| {
                    let filled = move || draft.with(|d| d.kpi.definitions.stage(s).filled());
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            aria-selected=move || (stage.get() == s).to_string()
                            title=move || stage_summary(lang.get(), s)
                            on:click=move |_| stage.set(s)
                        >
                            {s.name()}
                            <span class="tab-count">{move || format!(" {}/{}", filled(), DefinitionField::ALL.len())}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <p class="hint">{move || stage_summary(lang.get(), stage.get())}</p>
        {move || {
            let s = stage.get();
            DefinitionField::ALL
                .into_iter()
                .map(|f| {
                    let id = format!("def-{}-{:?}", s.name().to_lowercase(), f).to_lowercase();
                    view! {
                        <div class="field">
                            <label for=id.clone()>
                                <span class="sr-only">{format!("{} ", s.name())}</span>
                                {move || field_label(lang.get(), f)}
                            </label>
                            <textarea
                                id=id
                                rows="2"
                                maxlength="400"
                                placeholder=move || field_placeholder(lang.get(), f)
                                prop:value=move || draft.with(|d| d.kpi.definitions.get(s, f).to_string())
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    send(draft, Edit::Definition { stage: s, field: f, text });
                                }
                            ></textarea>
                        </div>
                    }
                })
                .collect_view()
        }}
    }
}

#[component]
fn Checklist(session: Session) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let progress = move || draft.with(|d| (d.kpi.checklist.done_count(), d.kpi.checklist.total()));
    view! {
        <h2 id="checklist-heading">{move || w().kpi_design_checklist}</h2>
        <p class="progress-line" data-testid="checklist-progress">
            {move || {
                let (done, total) = progress();
                checklist_progress(lang.get(), done, total)
            }}
        </p>
        <progress
            max=move || progress().1.to_string()
            value=move || progress().0.to_string()
            aria-label=move || w().checklist_progress
        ></progress>
        <ul class="checklist">
            {ChecklistItem::ALL
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let id = format!("check-{i}");
                    view! {
                        <li class="check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || draft.with(|d| d.kpi.checklist.is_done(item))
                                on:change=move |ev| {
                                    let done = event_target_checked(&ev);
                                    send(draft, Edit::Check { item, done });
                                }
                            />
                            <label for=id>{move || checklist_item(lang.get(), item)}</label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
