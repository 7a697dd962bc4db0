//! The Risk view's three charts on canvas, each with its text alternative.

use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::risk::words;
use crate::ui::canvas_chart::CanvasChart;
use crate::view_model::risk::RiskResult;
use crate::view_model::risk_charts::{
    curve_data, curve_text, distribution_data, distribution_text, tornado_data, tornado_text,
};

#[component]
pub fn RiskCharts(
    lang: RwSignal<Lang>,
    result: Memo<Option<RiskResult>>,
    current: Memo<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let distribution = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| distribution_data(r, l)))
    });
    let curve = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| curve_data(r, l)))
    });
    let tornado = Memo::new(move |_| {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| tornado_data(r, l)))
    });
    let distribution_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref()
                .map(|r| distribution_text(r, l))
                .unwrap_or_default()
        })
    });
    let curve_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| curve_text(r, l)).unwrap_or_default())
    });
    let tornado_label = Signal::derive(move || {
        let l = lang.get();
        result.with(|r| r.as_ref().map(|r| tornado_text(r, l)).unwrap_or_default())
    });
    view! {
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().distribution_of_won_deals}</h3>
            <CanvasChart data=distribution label=distribution_label id="risk-distribution-canvas" />
        </div>
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().chance_of_reaching_the_target_by}</h3>
            <CanvasChart data=curve label=curve_label id="risk-curve-canvas" />
        </div>
        <div class="chart risk-chart" class:stale=move || !current.get()>
            <h3>{move || w().revenue_sensitivity_tornado}</h3>
            <CanvasChart data=tornado label=tornado_label id="risk-tornado-canvas" />
        </div>
    }
}
