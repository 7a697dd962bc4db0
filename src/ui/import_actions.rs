//! Using the actuals: as the plan's rates (deal size, lead time and channel mix too), shown
//! as a before → after preview first and undoable; and as the KPI tree's actuals for a chosen
//! span of months, undoable too.

use funnel_model::edit::{Edit, ImportEdit};
use funnel_model::import::apply::{plan_from_actuals, Changed};
use funnel_model::import::date::Month;
use funnel_model::import::kpi_fill::kpi_actual_edits;
use funnel_model::import::period::{month_span, period_counts};
use funnel_model::kpi::{channel_inputs, Basis};
use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::import::change_label;
use crate::i18n::plan::pick;
use crate::send::send;
use crate::session::{Session, View};
use crate::ui::import::ImportState;
use crate::ui::import_ranges::UseAsRanges;
use crate::ui::plan_common::SelectField;

#[component]
pub fn ImportActions(session: Session, state: ImportState) -> impl IntoView {
    move || {
        state.actuals.with(Option::is_some).then(|| {
            view! {
                <UseAsPlan session=session state=state />
                <FillKpi session=session state=state />
                <UseAsRanges session=session state=state />
            }
        })
    }
}

#[component]
fn UseAsPlan(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let tr = move |ja: &'static str, en: &'static str| pick(lang.get(), ja, en);
    let preview = move |_| {
        let Some(actuals) = state.actuals.get_untracked() else {
            return;
        };
        let draft = session.draft.get_untracked();
        state.plan_preview.set(Some(plan_from_actuals(
            &draft,
            &actuals,
            lang.get_untracked(),
        )));
    };
    let apply = move |_| {
        let Some((next, _)) = state.plan_preview.get_untracked() else {
            return;
        };
        let before = session.draft.get_untracked();
        send(session.draft, ImportEdit::UsePlan(Box::new(next)));
        state.plan_undo.set(Some(before));
        state.plan_preview.set(None);
    };
    let undo = move |_| {
        if let Some(before) = state.plan_undo.get_untracked() {
            send(session.draft, ImportEdit::RestorePlan(Box::new(before)));
            state.plan_undo.set(None);
        }
    };
    let changes_view = move || {
        let (_, changes) = state.plan_preview.get()?;
        let lang = lang.get();
        if changes.is_empty() {
            return Some(
                view! { <p class="note" role="status">{pick(lang, "計画はすでに実績と同じです。", "The plan already matches the actuals.")}</p> }
                    .into_any(),
            );
        }
        let rows = session.draft.with(|d| {
            changes
                .iter()
                .map(|c| {
                    let label = change_label(
                        &c.what,
                        |id| {
                            d.position_of(id)
                                .and_then(|i| d.rate_label(i, lang))
                                .unwrap_or_default()
                        },
                        lang,
                    );
                    // Rates are typed without their unit; a lead time given in days says so.
                    let with_unit = |text: &str| match c.what {
                        Changed::Rate(_) => format!("{text}%"),
                        Changed::LeadTime if !text.contains('%') => {
                            format!("{text}{}", pick(lang, "日", " days"))
                        }
                        _ => text.to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{with_unit(&c.before)}</td>
                            <td class="num required">{with_unit(&c.after)}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        Some(
            view! {
                <div class="table-wrap">
                    <table class="import-plan-preview">
                        <caption>{pick(lang, "反映する前に確認してください", "Check before applying")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{pick(lang, "項目", "Input")}</th>
                                <th scope="col" class="num">{pick(lang, "いまの計画", "Plan now")}</th>
                                <th scope="col" class="num">{pick(lang, "実績から", "From the actuals")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="button-row">
                    <button type="button" class="primary" on:click=apply>{pick(lang, "この内容で計画に反映", "Apply to the plan")}</button>
                    <button type="button" on:click=move |_| state.plan_preview.set(None)>{pick(lang, "やめる", "Cancel")}</button>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <div class="results-block">
            <h3>{move || tr("実績を計画に使う", "Use the actuals in the plan")}</h3>
            <p class="hint">
                {move || tr(
                    "決着分の転換率、平均受注単価、リードタイムの分布、チャネル構成を計画の入力にします。先に変更点を表示し、反映後も元に戻せます。",
                    "Sets the plan's rates (decided), deal size, lead-time distribution and channel mix from the actuals. The changes are shown first, and can be undone after.",
                )}
            </p>
            <div class="button-row">
                <button type="button" on:click=preview>{move || tr("計画の転換率として使う", "Use as the plan's rates")}</button>
            </div>
            {changes_view}
            {move || state.plan_undo.with(Option::is_some).then(|| view! {
                <p class="note applied" role="status">
                    {tr("実績を計画に反映しました。", "The actuals are now the plan's inputs.")} " "
                    <button type="button" class="link" on:click=move |_| session.set_view(View::Funnel)>{tr("ファネルを見る", "See the funnel")}</button>
                    " "
                    <button type="button" on:click=undo>{tr("元に戻す", "Undo")}</button>
                </p>
            })}
        </div>
    }
}

fn month_options(from: Month, to: Month) -> Vec<(String, String)> {
    (from.0..=to.0)
        .map(|m| {
            let m = Month(m);
            (m.0.to_string(), m.iso())
        })
        .collect()
}

#[component]
fn FillKpi(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let tr = move |ja: &'static str, en: &'static str| pick(lang.get(), ja, en);
    let span = Memo::new(move |_| {
        state
            .records
            .with(|r| r.as_ref().and_then(|r| month_span(r)))
    });
    let options = Signal::derive(move || {
        span.get()
            .map(|(a, b)| month_options(a, b))
            .unwrap_or_default()
    });
    let chosen = move || state.kpi_span.get().or_else(|| span.get());
    let set_end = move |start: bool, v: String| {
        let Ok(m) = v.parse::<i32>() else {
            return;
        };
        let Some((a, b)) = chosen() else {
            return;
        };
        let (a, b) = if start { (Month(m), b) } else { (a, Month(m)) };
        state
            .kpi_span
            .set(Some(if a <= b { (a, b) } else { (b, a) }));
    };
    let fill = move |_| {
        let (Some(records), Some(actuals), Some((from, to))) = (
            state.records.get_untracked(),
            state.actuals.get_untracked(),
            chosen(),
        ) else {
            return;
        };
        let counts = period_counts(&records, actuals.first_stage, from, to);
        let before = session.draft.get_untracked();
        let lang = lang.get_untracked();
        let channels = channel_inputs(&before, lang);
        let nodes = before.kpi.nodes(&Basis::new(&before, &channels));
        let ids: Vec<u32> = before.stages.iter().map(|s| s.id).collect();
        let edits = kpi_actual_edits(&nodes, &ids, actuals.first_stage, &counts)
            .into_iter()
            .map(Edit::Kpi)
            .collect();
        send(session.draft, Edit::Batch(edits));
        state.kpi_undo.set(Some((before, from, to)));
    };
    let undo = move |_| {
        if let Some((before, _, _)) = state.kpi_undo.get_untracked() {
            send(session.draft, ImportEdit::Kpi(Box::new(before.kpi)));
            state.kpi_undo.set(None);
        }
    };
    view! {
        <div class="results-block">
            <h3>{move || tr("KPIツリーの実績に入れる", "Fill the KPI tree's actuals")}</h3>
            <p class="hint">
                {move || tr(
                    "選んだ月の件数・受注・売上を、KPIツリーの各段階の実績（期間の合計）に入れます。ボトルネックの順位が実データで決まります。",
                    "Puts the chosen months' counts, wins and revenue into the KPI tree's actuals (period totals), so the bottleneck ranking works on real data.",
                )}
            </p>
            <div class="field-row">
                <SelectField
                    id="actuals-kpi-from"
                    label=Signal::derive(move || tr("開始月", "From month").to_string())
                    options=options
                    selected=Signal::derive(move || chosen().map(|(a, _)| a.0.to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v| set_end(true, v))
                />
                <SelectField
                    id="actuals-kpi-to"
                    label=Signal::derive(move || tr("終了月", "To month").to_string())
                    options=options
                    selected=Signal::derive(move || chosen().map(|(_, b)| b.0.to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v| set_end(false, v))
                />
            </div>
            <div class="button-row">
                <button type="button" on:click=fill>{move || tr("KPIツリーの実績に入れる", "Fill the KPI tree's actuals")}</button>
            </div>
            {move || state.kpi_undo.get().map(|(_, from, to)| {
                let lang = lang.get();
                let text = match lang {
                    Lang::Ja => format!("{}〜{}の実績をKPIツリーに入れました。", from.iso(), to.iso()),
                    Lang::En => format!("The KPI tree's actuals now hold {} to {}.", from.iso(), to.iso()),
                };
                view! {
                    <p class="note applied" role="status">
                        {text} " "
                        <button type="button" class="link" on:click=move |_| session.set_view(View::Kpi)>{pick(lang, "KPIツリーを見る", "See the KPI tree")}</button>
                        " "
                        <button type="button" on:click=undo>{pick(lang, "元に戻す", "Undo")}</button>
                    </p>
                }
            })}
        </div>
    }
}
