//! A chart on a canvas that follows its container's width and its data: every chart of
//! `funnel-charts` draws through it, by its `Chart` trait.

use std::sync::atomic::{AtomicU32, Ordering};

use funnel_charts::Chart;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Observes `container`'s width into `width` for the page's lifetime; the observer stops by
/// itself once the component (and so the signals) is gone. The first width comes from the
/// observer's first report, made after the browser's own layout and before the frame is
/// painted: reading it at once would force a layout of the whole page inside the mount.
fn observe_width(container: NodeRef<Div>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
            move |_entries, observer: web_sys::ResizeObserver| match (
                container.try_get_untracked().flatten(),
                width.try_get_untracked(),
            ) {
                (Some(el), Some(old)) => {
                    let w = el.client_width() as f64;
                    if (w - old).abs() >= 1.0 && w > 0.0 {
                        width.try_set(w);
                    }
                }
                _ => observer.disconnect(),
            },
        );
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        on_resize.forget();
    });
}

/// The canvas, its accessible name, and a redraw on every data or width change.
#[component]
pub fn CanvasChart<T: Chart + PartialEq + Send + Sync + 'static>(
    data: Memo<Option<T>>,
    /// The chart in words, as the canvas's accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// Element id of the canvas (tests and PNG export find it by it); none where a view shows
    /// the same chart twice (the compare view's funnels).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    // Built outside the document during the first mount, the chart has no width of its own yet;
    // its twin in the build-time rendering has the same place, so it is drawn at that width
    // before it is shown, and the task that shows the app does not also draw it.
    let width = RwSignal::new(id.map_or(0.0, crate::prerender::twin_width));
    observe_width(container, width);
    Effect::new(move |_| {
        let (Some(element), Some(d)) = (canvas.get(), data.get()) else {
            return;
        };
        draw(&element, width.get(), &d);
    });
    view! {
        <div class="chart-box" node_ref=container>
            <canvas id=id node_ref=canvas role="img" aria-label=move || label.get()></canvas>
        </div>
    }
}

fn draw<T: Chart>(canvas: &HtmlCanvasElement, css_width: f64, data: &T) {
    if css_width < 10.0 {
        return;
    }
    let ratio = window().device_pixel_ratio().clamp(1.0, 4.0);
    let css_height = data.height(css_width).clamp(40.0, 20_000.0).round();
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles.
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_width}px"));
    let _ = style.set_property("height", &format!("{css_height}px"));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    if data.at_scale(ratio).draw(&area).is_ok() && area.present().is_ok() {
        mark_drawn(canvas);
    }
}

/// Leaves a trace the benchmark script and the browser tests read: how many draws so far, and
/// when the last one finished (`performance.now()`), as attributes of the canvas.
fn mark_drawn(canvas: &HtmlCanvasElement) {
    static DRAWS: AtomicU32 = AtomicU32::new(0);
    let count = DRAWS.fetch_add(1, Ordering::Relaxed) + 1;
    let _ = canvas.set_attribute("data-draws", &count.to_string());
    if let Some(performance) = window().performance() {
        let _ = canvas.set_attribute("data-drawn-at", &performance.now().to_string());
    }
}
