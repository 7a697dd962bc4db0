//! Channels and budget: the editable channel table, what each channel and the mix contribute
//! and cost, unit economics, and the survey benchmarks with their sources.

use funnel_charts::{channel_color_hex, ChannelBar, ChannelChartData};
use funnel_model::edit::{ChannelEdit, ChannelText, Edit, FunnelEdit, PlanEdit, PlanText};
use funnel_model::format::{
    format_count, format_decimal, format_money, format_percent, format_whole,
};
use funnel_model::plan::benchmarks::{benchmark, check_channel, AppliesTo, Metric, BENCHMARKS};
use funnel_model::plan::channels::Blended;
use funnel_model::plan::draft::{ChannelDraft, MoneyPlan, PlanField, SpendMode, VolumeMode};
use funnel_model::plan::economics::UnitEconomics;
use funnel_model::plan::export::channels_csv;
use funnel_model::{Funnel, Lang, OptionKey, StageKind};
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::benchmarks::{benchmark_note, caveat, cited};
use crate::i18n::channels::{
    about, budget_above_target, channel_name_label, customers_note, economics_note, exact_value,
    field_context, fixed_above_need, give_remaining_share, months_figure, remove_channel,
    removed_channel, shares_total, totals_note_words, use_preset_for, won_shortfall, words, Words,
};
use crate::i18n::exports::channels_csv_words;
use crate::i18n::jargon::explain;
use crate::send::{on_text, send};
use crate::session::Session;
use crate::ui::canvas_chart::CanvasChart;
use crate::ui::exports::ViewExports;
use crate::ui::field::TextField;
use crate::ui::figure::Figure;
use crate::ui::period_fields::PeriodNote;
use crate::ui::plan_common::{evaluate, field_error, SelectField};
use crate::ui::results::{cards_view, CardLabel};
use crate::view_model::FONT_STACK;

/// The money plan with the funnel it was computed for.
#[derive(Clone, PartialEq)]
pub struct MoneyResult {
    pub plan: MoneyPlan,
    pub funnel: Funnel,
    /// The channel rows the plan was computed from (their names label its rows, also while an
    /// older result is kept on screen).
    pub channels: Vec<ChannelDraft>,
}

impl MoneyResult {
    /// The channels' names in table order.
    fn names(&self, lang: Lang) -> Vec<String> {
        self.channels.iter().map(|c| c.display_name(lang)).collect()
    }
}

fn money_or_dash(value: Option<f64>, lang: Lang) -> Figure {
    value.map_or_else(|| Figure::from("—".to_string()), |v| Figure::money(v, lang))
}

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

#[component]
fn ChannelTable(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    plan: Memo<ValidPlan>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let ids = move || draft.with(|d| d.plan.channels.iter().map(|c| c.id).collect::<Vec<_>>());
    let share_total = move || draft.with(|d| d.plan.share_total());
    // Forgotten when another scenario opens: undo only puts a channel back where it came from.
    let removed = RwSignal::new(None::<(usize, ChannelDraft)>);
    Effect::new(move |_| {
        session.opened.track();
        removed.set(None);
    });
    view! {
        <fieldset class="plan-group channel-table">
            <legend>{move || w().channel_table}</legend>
            <p class="hint">
                {move || w().for_each_source_of_leads_a}
            </p>
            <div class="channel-grid">
                <For each=ids key=|id| *id let:id>
                    <ChannelCard session=session errors=errors plan=plan id=id removed=removed />
                </For>
            </div>
            <p class="hint" data-testid="share-total">
                {move || share_total().map(|t| shares_total(lang.get(), &format_decimal(t, 2)))}
            </p>
            <p class="undo-line" role="status">
                {move || removed.get().map(|(_, c)| {
                    let l = lang.get();
                    let text = removed_channel(l, &c.display_name(l));
                    view! {
                        <span>{text}</span>
                        " "
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Some((at, c)) = removed.get_untracked() {
                                send(draft, ChannelEdit::Restore { index: at, channel: Box::new(c) });
                            }
                            removed.set(None);
                        }>
                            {words(l).undo}
                        </button>
                    }
                })}
            </p>
            <p class="message" role="status" data-testid="channels-message">
                {move || field_error(lang, draft, errors, PlanField::Channels).get()}
            </p>
            <div class="button-row">
                <button
                    type="button"
                    disabled=move || !draft.with(|d| d.plan.can_add_channel())
                    on:click=move |_| {
                        send(draft, ChannelEdit::Add);
                    }
                >
                    {move || w().add_a_channel}
                </button>
            </div>
        </fieldset>
    }
}

#[component]
fn ChannelCard(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
    plan: Memo<ValidPlan>,
    id: u32,
    /// The last removed channel and where it was, for undo.
    removed: RwSignal<Option<(usize, ChannelDraft)>>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let channel = move || draft.with(|d| d.plan.channels.iter().find(|c| c.id == id).cloned());
    let name = move || {
        channel()
            .map(|c| c.display_name(lang.get()))
            .unwrap_or_default()
    };
    let index =
        move || draft.with(|d| d.plan.channels.iter().position(|c| c.id == id).unwrap_or(0));
    let label = move |word: fn(&Words) -> &'static str| {
        Signal::derive(move || word(words(lang.get())).to_string())
    };
    // Short visible labels; screen readers (and label lookups) hear the channel first.
    let context = Signal::derive(move || field_context(lang.get(), &name()));
    let edit = move |field: ChannelText| {
        on_text(draft, move |text| {
            ChannelEdit::Text { id, field, text }.into()
        })
    };
    let choose = move |make: fn(u32, &str) -> Option<ChannelEdit>| {
        Callback::new(move |key: String| {
            if let Some(e) = make(id, &key) {
                send(draft, e);
            }
        })
    };
    let fixed = move || channel().is_some_and(|c| c.volume_mode == VolumeMode::Fixed);
    let budget = move || channel().is_some_and(|c| c.spend_mode == SpendMode::Budget);
    let notes = move || {
        let l = lang.get();
        let Ok(channels) = draft.with(|d| d.plan.channels()) else {
            return Vec::new();
        };
        let i = index();
        plan.with(|p| {
            let (Some((funnel, _)), Some(c)) = (p.as_ref(), channels.get(i)) else {
                return Vec::new();
            };
            // The span a channel note checks is not on the card (web ads: lead → meeting through
            // the funnel), so the note names it.
            check_channel(funnel, c)
                .iter()
                .map(|n| {
                    format!(
                        "{}: {}",
                        metric_name(n.benchmark.metric, l),
                        benchmark_note(l, n)
                    )
                })
                .collect()
        })
    };
    view! {
        <fieldset class="channel-card" data-channel=id>
            <legend>
                <span class="swatch" aria-hidden="true" style:background-color=move || channel_color_hex(index())></span>
                {name}
            </legend>
            <TextField
                id=format!("ch-{id}-name")
                label=Signal::derive(move || channel_name_label(lang.get(), index() + 1))
                value=Signal::derive(move || channel().map(|c| c.display_name(lang.get())).unwrap_or_default())
                error=Signal::derive(|| None::<String>)
                on_input=on_text(draft, move |name| ChannelEdit::Name { id, name }.into())
            />
            <div class="field-row">
                <SelectField
                    id=format!("ch-{id}-volume-mode")
                    label=label(|w| w.leads_given_as)
                    context=context
                    options=Signal::derive(move || {
                        let l = lang.get();
                        vec![
                            (VolumeMode::Share.key().to_string(), words(l).share.to_string()),
                            (VolumeMode::Fixed.key().into(), words(l).fixed_count.into()),
                        ]
                    })
                    selected=Signal::derive(move || channel().map(|c| c.volume_mode).unwrap_or_default().key().to_string())
                    on_change=choose(|id, key| Some(ChannelEdit::VolumeMode { id, mode: VolumeMode::from_key(key)? }))
                />
                <TextField
                    id=format!("ch-{id}-volume")
                    label=Signal::derive(move || {
                        {
                            let w = words(lang.get());
                            if fixed() { w.number_of_leads } else { w.share_of_leads }
                        }
                        .to_string()
                    })
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.volume).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelVolume(id))
                    on_input=edit(ChannelText::Volume)
                    inputmode="decimal"
                    class="compact"
                />
            </div>
            <div class="field-row">
                <TextField
                    id=format!("ch-{id}-cvr")
                    label=label(|w| w.visit_lead_rate)
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.cvr).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelCvr(id))
                    on_input=edit(ChannelText::Cvr)
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
                <TextField
                    id=format!("ch-{id}-mql")
                    label=label(|w| w.lead_mql_rate_empty_the_funnels)
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.lead_to_mql).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelMql(id))
                    on_input=edit(ChannelText::LeadToMql)
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
            </div>
            {move || notes().into_iter().map(|n| view! { <p class="bench-note" role="note">{n}</p> }).collect_view()}
            <div class="field-row">
                <SelectField
                    id=format!("ch-{id}-spend-mode")
                    label=label(|w| w.cost_given_as)
                    context=context
                    options=Signal::derive(move || {
                        let l = lang.get();
                        vec![
                            (SpendMode::CostPerLead.key().to_string(), words(l).cost_per_lead.to_string()),
                            (SpendMode::Budget.key().into(), words(l).budget_for_the_period.into()),
                        ]
                    })
                    selected=Signal::derive(move || channel().map(|c| c.spend_mode).unwrap_or_default().key().to_string())
                    on_change=choose(|id, key| Some(ChannelEdit::SpendMode { id, mode: SpendMode::from_key(key)? }))
                />
                <TextField
                    id=format!("ch-{id}-spend")
                    label=Signal::derive(move || {
                        {
                            let w = words(lang.get());
                            if budget() { w.budget_field } else { w.cost_per_lead_field }
                        }
                        .to_string()
                    })
                    context=context
                    value=Signal::derive(move || channel().map(|c| c.spend).unwrap_or_default())
                    error=field_error(lang, draft, errors, PlanField::ChannelSpend(id))
                    on_input=edit(ChannelText::Spend)
                    inputmode="decimal"
                    class="compact"
                />
            </div>
            <div class="button-row">
                <button
                    type="button"
                    class="secondary"
                    hidden=fixed
                    disabled=move || draft.with(|d| d.plan.share_total().is_none_or(|t| (t - 100.0).abs() < 1e-9))
                    on:click=move |_| { send(draft, ChannelEdit::FillShare(id)); }
                >
                    {move || give_remaining_share(lang.get(), &name())}
                </button>
                <button
                    type="button"
                    class="danger"
                    disabled=move || draft.with(|d| d.plan.channels.len() <= 1)
                    on:click=move |_| {
                        let at = index();
                        if let Some(c) = channel() {
                            send(draft, ChannelEdit::Remove(id));
                            removed.set(Some((at, c)));
                        }
                    }
                >
                    {move || remove_channel(lang.get(), &name())}
                </button>
            </div>
        </fieldset>
    }
}

#[component]
fn EconomicsInputs(
    session: Session,
    errors: Memo<funnel_model::plan::draft::PlanErrors>,
) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let text = move |word: fn(&Words) -> &'static str| {
        Signal::derive(move || word(words(lang.get())).to_string())
    };
    view! {
        <fieldset class="plan-group">
            <legend>{move || w().unit_economics}</legend>
            <p class="hint">
                {move || w().marketing_cost_is_the_channels_total}
            </p>
            <TextField
                id="econ-sales-cost"
                label=text(|w| w.sales_cost_for_the_period)
                value=Signal::derive(move || draft.with(|d| d.plan.sales_cost.clone()))
                error=field_error(lang, draft, errors, PlanField::SalesCost)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::SalesCost, v).into())
                inputmode="decimal"
            />
            <TextField
                id="econ-revenue"
                label=text(|w| w.monthly_revenue_per_account)
                value=Signal::derive(move || draft.with(|d| d.plan.revenue_per_account.clone()))
                error=field_error(lang, draft, errors, PlanField::RevenuePerAccount)
                on_input=on_text(draft, |v| PlanEdit::Text(PlanText::RevenuePerAccount, v).into())
                inputmode="decimal"
            />
            <div class="field-row">
                <TextField
                    id="econ-margin"
                    label=text(|w| w.gross_margin)
                    value=Signal::derive(move || draft.with(|d| d.plan.gross_margin.clone()))
                    error=field_error(lang, draft, errors, PlanField::GrossMargin)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::GrossMargin, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
                <TextField
                    id="econ-churn"
                    label=text(|w| w.monthly_churn)
                    value=Signal::derive(move || draft.with(|d| d.plan.monthly_churn.clone()))
                    error=field_error(lang, draft, errors, PlanField::MonthlyChurn)
                    on_input=on_text(draft, |v| PlanEdit::Text(PlanText::MonthlyChurn, v).into())
                    inputmode="decimal"
                    suffix="%"
                    class="compact"
                />
            </div>
        </fieldset>
    }
}

/// Leads, visits, budget, CPL and CPA: the answers, above the channel table so they are seen
/// first.
#[component]
fn ChannelHeadline(lang: RwSignal<Lang>, result: Memo<Option<MoneyResult>>) -> impl IntoView {
    let cards = move || {
        let l = lang.get();
        result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let b = &r.plan.mix.blended;
            vec![
                (
                    "leads",
                    words(l).leads_in_total,
                    Figure::from(format_count(b.leads)),
                ),
                (
                    "visits",
                    words(l).visits_contacts_needed,
                    Figure::from(format_count(b.visits)),
                ),
                (
                    "budget",
                    words(l).marketing_budget,
                    Figure::money(b.budget, l),
                ),
                (
                    "cpl",
                    words(l).blended_cost_per_lead_cpl,
                    money_or_dash(b.cpl, l),
                ),
                (
                    "cpa",
                    words(l).cost_per_won_deal_cpa,
                    money_or_dash(b.cpa, l),
                ),
            ]
        })
    };
    view! {
        <dl class="headline">{move || cards_view("channels", cards())}</dl>
    }
}

#[component]
fn ChannelResults(lang: RwSignal<Lang>, result: Memo<Option<MoneyResult>>) -> impl IntoView {
    let w = move || words(lang.get());
    let shortfall = move || {
        let l = lang.get();
        result.with(|r| {
            // Below what the won column shows (2 decimals), the mix reaches the target as shown.
            let gap = r
                .as_ref()?
                .plan
                .mix
                .won_shortfall()
                .filter(|g| format_decimal(*g, 2) != "0")?;
            Some(won_shortfall(l, &format_decimal(gap, 2)))
        })
    };
    let rows = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let names = r.names(l);
            let exact = move |x: f64| exact_value(l, &format_decimal(x, 2));
            let mut rows: Vec<_> = r
                .plan
                .mix
                .channels
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let name = names.get(i).cloned().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" aria-hidden="true" style:background-color=channel_color_hex(i)></span>
                                {name}
                            </th>
                            <td class="num">{format_count(c.leads)}</td>
                            <td class="num">{format_count(c.visits)}</td>
                            <td class="num">{Figure::money(c.budget, l).view()}</td>
                            <td class="num">{money_or_dash(c.cpl, l).view()}</td>
                            <td class="num" title=exact(c.mql)>{format_count(c.mql_shown)}</td>
                            <td class="num" title=exact(c.won)>{format_count(c.won_shown)}</td>
                            <td class="num">{money_or_dash(c.cpa, l).view()}</td>
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            let b = &r.plan.mix.blended;
            rows.push(view! {
                <tr class="total">
                    <th scope="row">{words(l).total}</th>
                    <td class="num">{format_count(b.leads)}</td>
                    <td class="num">{format_count(b.visits)}</td>
                    <td class="num">{Figure::money(b.budget, l).view()}</td>
                    <td class="num">{money_or_dash(b.cpl, l).view()}</td>
                    <td class="num" title=exact(b.mql)>{format_count(b.mql_shown)}</td>
                    <td class="num" title=exact(b.won)>{format_count(b.won_shown)}</td>
                    <td class="num">{money_or_dash(b.cpa, l).view()}</td>
                </tr>
            }.into_any());
            Some(rows)
        })
    };
    let over_budget = move || {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let (budget, target) = (r.plan.mix.blended.budget, r.funnel.target.units());
            (budget >= target)
                .then(|| budget_above_target(l, &format_money(budget, l), &format_money(target, l)))
        })
    };
    let fixed_above = move || {
        let l = lang.get();
        result.with(|r| {
            let mix = &r.as_ref()?.plan.mix;
            let fixed = mix.fixed_above_need?;
            Some(fixed_above_need(
                l,
                &format_count(fixed),
                &format_count(mix.leads_needed),
                &format_count(fixed - mix.leads_needed),
            ))
        })
    };
    let reconcile = move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| totals_note(l, r)))
    };
    view! {
        {move || over_budget().map(|s| view! { <p class="note warning-note" role="note" data-testid="budget-warning">{s}</p> })}
        {move || reconcile().map(|s| view! { <p class="note totals-note" role="note" data-testid="channel-totals-note">{s}</p> })}
        {move || fixed_above().map(|s| view! { <p class="note" role="note" data-testid="fixed-above-need">{s}</p> })}
        {move || shortfall().map(|s| view! { <p class="note" role="note">{s}</p> })}
        <p class="hint">
            {move || w().mql_and_won_deals_are_rounded}
        </p>
        <div class="table-wrap">
            <table class="channel-results" data-testid="channel-results">
                <caption class="sr-only">{move || w().results_by_channel}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || w().channel}</th>
                        <th scope="col" class="num">{move || w().leads}</th>
                        <th scope="col" class="num">{move || w().visits}</th>
                        <th scope="col" class="num">{move || w().budget}</th>
                        <th scope="col" class="num">"CPL"</th>
                        <th scope="col" class="num">"MQL"</th>
                        <th scope="col" class="num">{move || w().won}</th>
                        <th scope="col" class="num">"CPA"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn ChannelChartView(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
    current: Memo<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let data = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| {
            let r = r.as_ref()?;
            let names = r.names(l);
            Some(ChannelChartData {
                bars: r
                    .plan
                    .mix
                    .channels
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ChannelBar {
                        label: names.get(i).cloned().unwrap_or_default(),
                        leads: c.leads as f64,
                        leads_label: format_count(c.leads),
                        budget: c.budget,
                        budget_label: format_money(c.budget, l),
                        extra_label: c
                            .cpa
                            .map(|v| format!("CPA {}", format_money(v, l)))
                            .unwrap_or_default(),
                        color_index: i,
                    })
                    .collect(),
                leads_title: words(l).leads_2.to_string(),
                budget_title: words(l).budget.to_string(),
                scale: 1.0,
                font_family: FONT_STACK.to_string(),
            })
        })
    });
    let label = Signal::derive(move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    let parts: Vec<String> = d
                        .bars
                        .iter()
                        .map(|b| {
                            format!(
                                "{}: {} {}, {} {}",
                                b.label,
                                d.leads_title,
                                b.leads_label,
                                d.budget_title,
                                b.budget_label
                            )
                        })
                        .collect();
                    parts.join("; ")
                })
                .unwrap_or_default()
        })
    });
    view! {
        <figure class="chart" class:stale=move || !current.get()>
            <figcaption>
                <h3>{move || w().leads_and_budget_by_channel}</h3>
            </figcaption>
            <CanvasChart data=data label=label id="channel-canvas" />
        </figure>
    }
}

#[component]
fn EconomicsResults(
    lang: RwSignal<Lang>,
    result: Memo<Option<MoneyResult>>,
    current: Memo<bool>,
    /// Whether the unit-economics inputs are still untouched samples: then the figures show,
    /// but no verdict on them (a verdict appears once its inputs are the user's own).
    samples: Signal<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    // The last good figures stay (dimmed) while an economics input is wrong.
    let econ = Memo::new(
        move |previous: Option<&(Option<(UnitEconomics, Blended)>, bool)>| {
            result.with(
                |r| match r.as_ref().map(|r| (&r.plan.economics, r.plan.mix.blended)) {
                    Some((Ok(e), b)) => (Some((e.clone(), b)), true),
                    Some((Err(_), _)) => (previous.and_then(|p| p.0.clone()), false),
                    None => (None, true),
                },
            )
        },
    );
    let body = move || {
        let l = lang.get();
        econ.with(|(e, ok)| {
            let message = (!ok).then(|| view! {
                <p class="message">
                    {words(l).check_the_unit_economics_inputs}
                </p>
            });
            let figures = e.as_ref().map(|(e, b)| {
                {
                    let customers = customers_note(l, &format_count(b.won_shown), &format_decimal(b.won, 4));
                    let romi_note = e.romi.is_none().then(|| words(l).romi_is_not_shown_the_marketing);
                    let ratio = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_decimal(v, 2));
                    let cards = vec![
                        ("cac", CardLabel::term("CAC", explain("CAC", l)), Figure::money(e.cac, l)),
                        ("ltv", CardLabel::term("LTV", explain("LTV", l)), Figure::money(e.ltv, l)),
                        ("ltv-cac", CardLabel::from("LTV / CAC"), Figure::from(ratio(e.ltv_to_cac))),
                        ("romi", CardLabel::term("ROMI", explain("ROMI", l)), Figure::from(e.romi.map_or_else(|| "—".to_string(), format_percent))),
                        (
                            "payback",
                            CardLabel::from(words(l).cac_payback),
                            Figure::from(months_figure(l, &format_decimal(e.payback_months, 1))),
                        ),
                    ];
                    let mut notes: Vec<String> = e.notes.iter().map(|n| economics_note(l, *n)).collect();
                    let sample = samples.get();
                    if sample {
                        notes = vec![words(l).no_verdict_on_sample_values_enter.to_string()];
                    } else if e.romi.is_some_and(|r| r < 0.0) {
                        notes.insert(0, words(l).romi_is_negative_at_this_budget.to_string());
                    }
                    view! {
                        <p class="hint" data-testid="econ-customers">{customers}</p>
                        <dl class="headline">{cards_view("econ", cards)}</dl>
                        {romi_note.map(|n| view! { <p class="note" role="note" data-testid="romi-note">{n}</p> })}
                        {notes.into_iter().map(|n| view! { <p class="note" role="note">{n}</p> }).collect_view()}
                    }
                    .into_any()
                }
            });
            view! { {message} <div class:stale=!ok>{figures}</div> }
        })
    };
    view! {
        <section class="economics" class:stale=move || !current.get() aria-labelledby="economics-heading">
            <h3 id="economics-heading">{move || w().unit_economics}</h3>
            {body}
        </section>
    }
}

fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    use Metric::*;
    match metric {
        WebAdLeadToMeeting => words(lang).web_ad_leads_that_become_meetings,
        ContentDownloadCvr => words(lang).content_download_cvr,
        MqlToSqlWide => words(lang).mql_sql_wide_range,
        MqlToSqlTypical => words(lang).mql_sql_typical,
        SearchAdCvr => words(lang).search_ad_cvr,
        DisplayAdCvr => words(lang).display_ad_cvr,
        LandingPageCvr => words(lang).landing_page_cvr_visit_lead,
        EmailOpen => words(lang).email_open_rate,
        EmailClick => words(lang).email_click_rate,
        SqlToMeeting => words(lang).sql_that_become_meetings,
    }
}

/// Applies a benchmark's middle value where it fits one input: a channel's CVR, or a single
/// funnel rate between two adjacent stages. `None` when there is nothing single to set.
fn preset_target(draft: &funnel_model::draft::Draft, applies: AppliesTo) -> Option<PresetTarget> {
    match applies {
        AppliesTo::ChannelCvr(kind) => draft
            .plan
            .channels
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| PresetTarget::ChannelCvr(c.id)),
        AppliesTo::Span {
            from,
            to,
            channel: None,
        } => {
            let at = draft.stages.iter().position(|s| s.kind == from)?;
            (draft.stages.get(at + 1)?.kind == to)
                .then(|| PresetTarget::StageRate(draft.stages[at].id))
        }
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum PresetTarget {
    ChannelCvr(u32),
    StageRate(u32),
}

#[component]
fn Benchmarks(session: Session) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let rows = move || {
        let l = lang.get();
        BENCHMARKS
            .iter()
            .map(|b| {
                let b = benchmark(b.metric);
                let range = if b.approximate {
                    about(l, &format_percent(b.preset()))
                } else {
                    format!("{}–{}", format_percent(b.low), format_percent(b.high))
                };
                let preset = b.preset();
                let preset_text = format_decimal(preset * 100.0, 2);
                let name = metric_name(b.metric, l);
                let target = draft.with(|d| preset_target(d, b.applies));
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="num">{range}</td>
                        <td class="source">{cited(l, &b.source)}</td>
                        <td>
                            {target.map(|t| {
                                let text = preset_text.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="small"
                                        aria-label=use_preset_for(l, name, &preset_text)
                                        on:click=move |_| {
                                            let text = text.clone();
                                            send(draft, match t {
                                                PresetTarget::ChannelCvr(id) => Edit::Channel(ChannelEdit::Text { id, field: ChannelText::Cvr, text }),
                                                PresetTarget::StageRate(id) => Edit::Funnel(FunnelEdit::Rate { id, text }),
                                            });
                                        }
                                    >
                                        {format!("{}%", preset_text)}
                                    </button>
                                }
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="benchmarks" aria-labelledby="benchmarks-heading">
            <h3 id="benchmarks-heading">{move || w().benchmarks}</h3>
            <p class="hint">{move || caveat(lang.get())}</p>
            <div class="table-wrap">
                <table class="benchmark-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || w().metric}</th>
                            <th scope="col" class="num">{move || w().range}</th>
                            <th scope="col">{move || w().source}</th>
                            <th scope="col">{move || w().use_as_preset}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Why the channel totals need not equal the funnel's figures, said beside the totals: visits
/// come from each channel's own visit → lead CVR, and won deals from each channel's own
/// lead → MQL rate where it has one; and whether the channel plan reaches the target.
fn totals_note(lang: Lang, r: &MoneyResult) -> String {
    let mix = &r.plan.mix;
    let reverse = r.funnel.reverse().ok();
    let funnel_count = |kind: StageKind| {
        let i = r.funnel.stages.iter().position(|s| s.kind == kind)?;
        reverse.as_ref().map(|p| p.stages[i].required)
    };
    let won_shown = format_whole(mix.blended.won);
    let won_needed = format_whole(mix.won_needed.ceil());
    let reaches = mix.won_shortfall().is_none();
    let visits = funnel_count(StageKind::Visits)
        .filter(|v| *v != mix.blended.visits)
        .map(|v| (format_count(v), format_count(mix.blended.visits)));
    totals_note_words(lang, visits, &won_shown, &won_needed, reaches)
}

/// Which group of sample inputs a banner speaks for.
#[derive(Clone, Copy, PartialEq)]
enum SampleGroup {
    Channels,
    Economics,
}

/// "Sample values" over a group of inputs still holding the figures they started with, so a
/// budget computed from sample costs is not read as an answer; gone once the user changes a
/// figure or confirms them.
#[component]
fn SampleBanner(session: Session, which: SampleGroup) -> impl IntoView {
    let (lang, draft) = (session.lang, session.draft);
    let shown = move || {
        draft.with(|d| {
            let s = d.plan.samples();
            match which {
                SampleGroup::Channels => s.channels,
                SampleGroup::Economics => s.economics,
            }
        })
    };
    let text = move || {
        let w = words(lang.get());
        match which {
            SampleGroup::Channels => w.sample_channels,
            SampleGroup::Economics => w.sample_economics,
        }
    };
    view! {
        <Show when=shown>
            <div class="sample-banner" role="note" data-testid="sample-banner">
                <span class="badge sample">{move || words(lang.get()).sample_values}</span>
                <p>{text}</p>
                <button type="button" class="secondary" on:click=move |_| { send(draft, PlanEdit::ConfirmSamples); }>
                    {move || words(lang.get()).use_these_values}
                </button>
            </div>
        </Show>
    }
}
