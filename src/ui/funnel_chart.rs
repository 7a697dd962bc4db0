use funnel_charts::{draw_funnel, FunnelBar, FunnelChartData};
use funnel_model::format::{format_count, format_percent};
use funnel_model::Lang;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::computed::ValidPlan;
use crate::i18n::funnel::words as funnel_words;
use crate::ui::canvas_chart::{CanvasChart, CanvasDraw, FONT_STACK};

/// Row height in CSS pixels: enough for a label and the rate between bars.
const ROW_HEIGHT: f64 = 50.0;

#[derive(Clone, PartialEq)]
struct Funnel(FunnelChartData);

impl CanvasDraw for Funnel {
    /// A fixed height per stage, whatever the width: bars are as tall on a phone as on a desk.
    fn height(&self, _width: f64) -> f64 {
        self.0.bars.len() as f64 * ROW_HEIGHT + 16.0
    }
    fn draw(&self, area: &DrawingArea<CanvasBackend, Shift>, scale: f64) -> bool {
        let data = FunnelChartData {
            scale,
            ..self.0.clone()
        };
        draw_funnel(area, &data).is_ok()
    }
}

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
) -> impl IntoView {
    let chart_data = Memo::new(move |_| {
        let lang = lang.get();
        let range = value_range.and_then(|r| r.get());
        plan.with(|p| {
            p.as_ref().map(|(funnel, plan)| FunnelChartData {
                value_range: range,
                ..chart_data_for(funnel, plan, lang)
            })
        })
    });

    let summary = move || {
        chart_data.with(|d| {
            d.as_ref()
                .map(|d| {
                    let steps: Vec<String> = d
                        .bars
                        .iter()
                        .enumerate()
                        .map(
                            |(i, bar)| match i.checked_sub(1).and_then(|r| d.rate_labels.get(r)) {
                                Some(rate) => {
                                    format!("({rate}) → {} {}", bar.label, bar.value_label)
                                }
                                None => format!("{} {}", bar.label, bar.value_label),
                            },
                        )
                        .collect();
                    (funnel_words(lang.get()).chart_summary)(&steps.join(" "))
                })
                .unwrap_or_default()
        })
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
            <CanvasChart data=Memo::new(move |_| chart_data.get().map(Funnel)) label=Signal::derive(summary) />
        </figure>
    }
}

fn chart_data_for(
    funnel: &funnel_model::Funnel,
    plan: &funnel_model::ReversePlan,
    lang: Lang,
) -> FunnelChartData {
    FunnelChartData {
        bars: funnel
            .stages
            .iter()
            .zip(&plan.stages)
            .map(|(stage, req)| FunnelBar {
                label: stage.display_name(lang),
                value_label: format_count(req.required),
                value: req.required as f64,
            })
            .collect(),
        rate_labels: funnel.stages[..funnel.won_index()]
            .iter()
            .map(|s| format!("↓ {}", format_percent(s.rate_to_next.fraction())))
            .collect(),
        scale: 1.0,
        font_family: FONT_STACK.to_string(),
        value_range: None,
    }
}
