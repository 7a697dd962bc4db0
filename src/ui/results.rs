use funnel_charts::stage_color_hex;
use funnel_model::draft::Draft;
use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::{ForwardRun, ValidPlan};
use crate::i18n::funnel::short_label;
use crate::i18n::funnel::words as funnel_words;
use crate::ui::jargon::term_view;
use crate::ui::period_fields::PeriodNote;
use crate::view_model::figure::Card;
use crate::view_model::funnel_results::{headline_cards, stage_rows};

/// The headline numbers and the per-stage table of the reverse funnel.
#[component]
pub fn Results(
    lang: RwSignal<Lang>,
    /// The last valid plan.
    plan: Memo<ValidPlan>,
    /// Forward mode's expected count per stage, shown beside the requirement.
    forward: Memo<Option<ForwardRun>>,
    /// False while the inputs are invalid and `plan` is an older answer.
    current: Memo<bool>,
    /// The open draft, for the period the totals are for.
    draft: RwSignal<Draft>,
    /// Shown right under the headline numbers (the Funnel view's chance of reaching the target).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="results-block" class:stale=move || !current.get()>
            <h2 id="results-heading">{move || funnel_words(lang.get()).results_heading}</h2>
            <PeriodNote lang=lang draft=draft />
            <Show when=move || !current.get()>
                <p class="stale-notice" role="status">{move || funnel_words(lang.get()).stale_notice}</p>
            </Show>
            <Headline lang=lang plan=plan />
            {children.map(|c| c())}
            <StageTable lang=lang plan=plan forward=forward />
        </div>
    }
}

/// Won deals, opportunities, leads and pipeline value: the answers first.
#[component]
pub fn Headline(lang: RwSignal<Lang>, plan: Memo<ValidPlan>) -> impl IntoView {
    let cards = Signal::derive(move || plan.with(|p| cards_of(lang.get(), p)));
    view! {
        <HeadlineCards prefix="headline" cards={cards} {..} aria-label=move || funnel_words(lang.get()).results_heading />
    }
}

/// The headline answers in one line, kept in sight at the foot of the screen on a phone while
/// the inputs are typed (the full cards are then a screen further down).
#[component]
pub fn CompactSummary(
    lang: RwSignal<Lang>,
    plan: Memo<ValidPlan>,
    current: Memo<bool>,
) -> impl IntoView {
    let items = move || {
        plan.with(|p| cards_of(lang.get(), p))
            .into_iter()
            .map(|card| {
                // The pipeline card's long label is shortened to its first words here.
                let label = short_label(&card.label.text).to_string();
                view! {
                    <span class="item" data-testid=format!("summary-{}", card.key)>
                        {label}" "<b>{card.figure.text}</b>
                    </span>
                }
            })
            .collect_view()
    };
    view! {
        <div
            class="compact-summary"
            class:stale=move || !current.get()
            role="group"
            aria-label=move || funnel_words(lang.get()).results_heading
            data-testid="compact-summary"
        >
            {items}
        </div>
    }
}

/// Per stage: required (rounded up), exact value, rate to the next stage, cumulative rate to won.
#[component]
fn StageTable(
    lang: RwSignal<Lang>,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
) -> impl IntoView {
    let rows = move || {
        let lang = lang.get();
        let expected = forward.with(|f| {
            f.as_ref()
                .map(|f| f.result.expected.clone())
                .unwrap_or_default()
        });
        plan.with(|p| {
            let (funnel, plan) = p.as_ref()?;
            let rows = stage_rows(lang, funnel, plan, &expected);
            Some(
                rows.into_iter()
                    .enumerate()
                    .map(|(i, row)| {
                        view! {
                            <tr data-stage=i>
                                <th scope="row">
                                    <span
                                        class="swatch"
                                        aria-hidden="true"
                                        style:background-color=stage_color_hex(i)
                                    ></span>
                                    {row.name}
                                </th>
                                <td class="num required" title=row.exact_title>{row.required}</td>
                                <td class="num exact">{row.exact}</td>
                                <td class="num">{row.rate}</td>
                                <td class="num">{row.cumulative}</td>
                                <td class="num expected">{row.expected.view()}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <div class="table-wrap">
            <table class="stage-table">
                <caption class="sr-only">{move || funnel_words(lang.get()).table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || funnel_words(lang.get()).col_stage}</th>
                        <th scope="col" class="num">{move || funnel_words(lang.get()).col_required}</th>
                        <th scope="col" class="num exact">{move || funnel_words(lang.get()).col_exact}</th>
                        <th scope="col" class="num">{move || funnel_words(lang.get()).col_rate_next}</th>
                        <th scope="col" class="num">{move || funnel_words(lang.get()).col_cumulative}</th>
                        <th scope="col" class="num expected">{move || funnel_words(lang.get()).col_expected}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The headline cards of the last valid plan (none before there is one).
fn cards_of(lang: Lang, plan: &ValidPlan) -> Vec<Card> {
    plan.as_ref()
        .map(|(funnel, plan)| headline_cards(lang, funnel, plan))
        .unwrap_or_default()
}

/// A view's headline cards, the same look in every view. Attributes given after `{..}` go on
/// the list.
#[component]
pub fn HeadlineCards(prefix: &'static str, cards: Signal<Vec<Card>>) -> impl IntoView {
    view! { <dl class="headline">{move || cards_view(prefix, cards.get())}</dl> }
}

/// A row of headline cards: each card's key names its class `card-<key>` and its test id
/// `<prefix>-<key>`.
pub fn cards_view(prefix: &'static str, cards: Vec<Card>) -> impl IntoView {
    cards
        .into_iter()
        .map(|Card { key, label, figure }| {
            let label = term_view(label.text, label.explanation);
            let value = figure.view();
            view! {
                <div class=format!("card card-{key}")>
                    <dt>{label}</dt>
                    <dd data-testid=format!("{prefix}-{key}")>{value}</dd>
                </div>
            }
        })
        .collect_view()
}
