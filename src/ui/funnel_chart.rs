use funnel_charts::{draw_funnel, FunnelBar, FunnelChartData};
use funnel_model::format::{format_count, format_percent};
use funnel_model::Lang;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::HtmlCanvasElement;

use crate::app::ValidPlan;
use crate::i18n::texts;
use crate::ui::canvas_chart::{observe_width, FONT_STACK};

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
    let t = move || texts(lang.get());
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0_f64);

    // The container's width drives the canvas size.
    observe_width(container, width);

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

    Effect::new(move |_| {
        let (Some(element), Some(data)) = (canvas.get(), chart_data.get()) else {
            return;
        };
        draw(&element, width.get(), data);
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
                    (t().chart_summary)(&steps.join(" "))
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
                        None => t().chart_heading.to_string(),
                    }}
                </h3>
                <p class="hint">{move || t().chart_note}</p>
            </figcaption>
            <div class="chart-box" node_ref=container>
                <canvas node_ref=canvas role="img" aria-label=summary></canvas>
            </div>
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

/// Row height in CSS pixels: enough for a label and the rate between bars.
const ROW_HEIGHT: f64 = 50.0;

/// Draws at device resolution (CSS size × devicePixelRatio) so the chart is sharp on HiDPI
/// screens; plotters-canvas itself ignores the ratio.
fn draw(canvas: &HtmlCanvasElement, css_width: f64, mut data: FunnelChartData) {
    if css_width < 10.0 {
        return;
    }
    let ratio = window().device_pixel_ratio().clamp(1.0, 4.0);
    let css_height = (data.bars.len() as f64 * ROW_HEIGHT + 16.0).round();
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles.
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_width}px"));
    let _ = style.set_property("height", &format!("{css_height}px"));
    data.scale = ratio;
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    if draw_funnel(&area, &data).is_ok() && area.present().is_ok() {
        mark_drawn(canvas);
    }
}

/// Leaves a trace the benchmark script and the browser tests read: how many draws so far, and
/// when the last one finished (`performance.now()`), as attributes of the canvas.
pub fn mark_drawn(canvas: &HtmlCanvasElement) {
    static DRAWS: AtomicU32 = AtomicU32::new(0);
    let count = DRAWS.fetch_add(1, Ordering::Relaxed) + 1;
    let _ = canvas.set_attribute("data-draws", &count.to_string());
    if let Some(performance) = window().performance() {
        let _ = canvas.set_attribute("data-drawn-at", &performance.now().to_string());
    }
}
