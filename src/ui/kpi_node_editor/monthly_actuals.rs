//! A node's actual figure for each month of the plan.

use funnel_model::kpi::KpiEdit;
use leptos::prelude::*;

use super::Editing;
use crate::i18n::kpi::{actual_in_month, words};
use crate::i18n::kpi_tree::value_error;
use crate::ui::field::TextField;

#[component]
pub(super) fn MonthlyActuals(ed: Editing) -> impl IntoView {
    let Editing {
        session,
        node,
        selected,
        ..
    } = ed;
    let (lang, draft) = (session.lang, session.draft);
    let w = move || words(lang.get());
    let edit = move |e: KpiEdit| ed.edit(e);
    let id = move || ed.id();
    let months = move || draft.with(|d| d.plan.calendar_months());

    view! {
        <details class="monthly-actuals">
            <summary>{move || w().actuals_by_month}</summary>
            <div class="field-row">
                {move || {
                    months()
                        .into_iter()
                        .enumerate()
                        .map(|(k, m)| {
                            let label = Signal::derive(move || actual_in_month(lang.get(), m));
                            let month = k as u8;
                            view! {
                                <TextField
                                    id=format!("node-month-{k}")
                                    label=label
                                    value=Signal::derive(move || draft.with(|d| d.kpi.actual_text(selected.get(), Some(month)).to_string()))
                                    error=Signal::derive(move || node.with(|n| n.as_ref().and_then(|n| n.month_errors.iter().find(|(mm, _)| *mm == month).map(|(_, e)| value_error(lang.get(), *e)))))
                                    on_input=Callback::new(move |text: String| edit(KpiEdit::SetActual { node: id(), month: Some(month), text }))
                                    inputmode="decimal"
                                    class="compact"
                                />
                            }
                        })
                        .collect_view()
                }}
            </div>
        </details>
    }
}
