use funnel_charts::stage_color_hex;
use funnel_model::draft::Draft;
use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::{Lang, StageKind};
use leptos::prelude::*;

use crate::computed::{ForwardRun, ValidPlan};
use crate::i18n::funnel::{short_label, words as funnel_words};
use crate::i18n::names::Named;
use crate::ui::figure::Figure;
use crate::ui::jargon::term_view;
use crate::ui::period_fields::PeriodNote;

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

/// Won deals, opportunities, leads and pipeline value: (key, label, figure) each.
fn headline_cards(lang: Lang, plan: &ValidPlan) -> Vec<(&'static str, String, Figure)> {
    let Some((funnel, plan)) = plan else {
        return Vec::new();
    };
    let won = funnel.won_index();
    let count = |i: usize| {
        Figure::from(format!(
            "{}{}",
            format_count(plan.stages[i].required),
            funnel_words(lang).unit_count
        ))
    };
    let mut cards = vec![
        (
            "won",
            funnel_words(lang).headline_won.to_string(),
            count(won),
        ),
        (
            "opps",
            if funnel.stages[won - 1].kind == StageKind::Opportunities {
                funnel_words(lang).headline_opps.to_string()
            } else {
                funnel.stages[won - 1].display_name(lang)
            },
            count(won - 1),
        ),
    ];
    if let Some(leads) = funnel
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Leads)
    {
        if leads < won - 1 {
            cards.push((
                "leads",
                funnel_words(lang).headline_top.to_string(),
                count(leads),
            ));
        }
    }
    cards.push((
        "pipeline",
        funnel_words(lang).headline_pipeline.to_string(),
        Figure::money(plan.pipeline_value, lang),
    ));
    cards
}

/// Won deals, opportunities, leads and pipeline value: the answers first.
#[component]
pub fn Headline(lang: RwSignal<Lang>, plan: Memo<ValidPlan>) -> impl IntoView {
    let cards = move || plan.with(|p| headline_cards(lang.get(), p));
    view! {
        <dl class="headline" aria-label=move || funnel_words(lang.get()).results_heading>
            {move || cards_view("headline", cards())}
        </dl>
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
        plan.with(|p| headline_cards(lang.get(), p))
            .into_iter()
            .map(|(key, label, figure)| {
                // The pipeline card's long label is shortened to its first words here.
                let label = short_label(&label).to_string();
                view! {
                    <span class="item" data-testid=format!("summary-{key}")>
                        {label}" "<b>{figure.text}</b>
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
        plan.with(|p| {
            let (funnel, plan) = p.as_ref()?;
            let won = funnel.won_index();
            let expected = forward.with(|f| {
                f.as_ref()
                    .map(|f| f.result.expected.clone())
                    .unwrap_or_default()
            });
            let rows: Vec<_> = plan
                .stages
                .iter()
                .enumerate()
                .map(|(i, req)| {
                    let exact = format_decimal(req.exact, 2);
                    let rate = if i < won {
                        funnel.stages[i].rate_to_next.to_percent_text() + "%"
                    } else {
                        "—".to_string()
                    };
                    view! {
                        <tr data-stage=i>
                            <th scope="row">
                                <span
                                    class="swatch"
                                    aria-hidden="true"
                                    style:background-color=stage_color_hex(i)
                                ></span>
                                {funnel.stages[i].display_name(lang)}
                            </th>
                            <td class="num required" title=(funnel_words(lang).exact_title)(&exact)>
                                {format_count(req.required)}
                            </td>
                            <td class="num exact">{exact}</td>
                            <td class="num">{rate}</td>
                            <td class="num">{format_percent(req.cumulative_to_won)}</td>
                            <td class="num expected">
                                {expected
                                    .get(i)
                                    .copied()
                                    .flatten()
                                    .map_or_else(|| Figure::from("—".to_string()), Figure::count)
                                    .view()}
                            </td>
                        </tr>
                    }
                })
                .collect();
            Some(rows)
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

/// A row of headline cards, the same look in every view: (key, label, value) each, the key
/// naming the card's class `card-<key>` and its test id `<prefix>-<key>`.
pub fn cards_view<L: Into<CardLabel>, V: Into<Figure>>(
    prefix: &'static str,
    cards: Vec<(&'static str, L, V)>,
) -> impl IntoView {
    cards
        .into_iter()
        .map(|(key, label, value)| {
            let label: CardLabel = label.into();
            let label = term_view(label.text, label.explanation);
            let value = value.into().view();
            view! {
                <div class=format!("card card-{key}")>
                    <dt>{label}</dt>
                    <dd data-testid=format!("{prefix}-{key}")>{value}</dd>
                </div>
            }
        })
        .collect_view()
}

/// A card's label, with the one-line explanation of the jargon it names (hover and focus).
pub struct CardLabel {
    pub text: String,
    pub explanation: Option<&'static str>,
}

impl CardLabel {
    pub fn term(text: impl Into<String>, explanation: Option<&'static str>) -> CardLabel {
        CardLabel {
            text: text.into(),
            explanation,
        }
    }
}

impl From<String> for CardLabel {
    fn from(text: String) -> CardLabel {
        CardLabel {
            text,
            explanation: None,
        }
    }
}

impl From<&str> for CardLabel {
    fn from(text: &str) -> CardLabel {
        CardLabel::from(text.to_string())
    }
}
