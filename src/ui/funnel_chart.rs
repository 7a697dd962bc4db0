use funnel_model::Lang;
use leptos::prelude::*;

use crate::computed::ValidPlan;
use crate::i18n::funnel::words as funnel_words;
use crate::ui::canvas_chart::CanvasChart;
use crate::view_model::funnel;

/// The funnel chart on a canvas, redrawn on every plan, language or width change, with a text
/// summary for screen readers.
#[component]
pub fn FunnelChart(
    lang: RwSignal<Lang>,
    plan: Memo<ValidPlan>,
    /// False while the inputs are invalid (the chart shows the last valid plan, dimmed).
    current: Memo<bool>,
    /// A heading to use instead of "Funnel" (the compare view names each scenario).
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// Counts to scale the bar widths between, shared by charts shown side by side.
    #[prop(optional, into)]
    value_range: Option<Signal<Option<(f64, f64)>>>,
    /// The canvas's id, where the page shows this chart once.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let chart_data = Memo::new(move |_| {
        let lang = lang.get();
        let range = value_range.and_then(|r| r.get());
        plan.with(|p| {
            p.as_ref()
                .map(|(funnel, plan)| funnel::chart_data(funnel, plan, lang, range))
        })
    });
    let summary = move || {
        chart_data.with(|d| {
            d.as_ref()
                .map(|d| funnel::summary(d, lang.get()))
                .unwrap_or_default()
        })
    };
    let data = Memo::new(move |_| chart_data.get());
    let label = Signal::derive(summary);
    let canvas = match id {
        Some(id) => view! { <CanvasChart data=data label=label id=id /> }.into_any(),
        None => view! { <CanvasChart data=data label=label /> }.into_any(),
    };

    view! {
        <figure class="chart" class:stale=move || !current.get()>
            <figcaption>
                <h3>
                    {move || match caption {
                        Some(c) => c.get(),
                        None => funnel_words(lang.get()).chart_heading.to_string(),
                    }}
                </h3>
                <p class="hint">{move || funnel_words(lang.get()).chart_note}</p>
            </figcaption>
            {canvas}
        </figure>
    }
}
