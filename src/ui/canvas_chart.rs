//! A chart on a canvas that follows its container's width and its data: every chart of
//! `funnel-charts` draws through it, by its `Chart` trait.

use funnel_charts::Chart;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use crate::canvas_draw::draw;
use wasm_bindgen::prelude::*;

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
