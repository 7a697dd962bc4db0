//! Drawing a chart of `funnel-charts` on a canvas, sharp at the device's pixel ratio; shared by
//! the calculator's chart component and the embed.

use std::sync::atomic::{AtomicU32, Ordering};

use funnel_charts::Chart;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Draws `data` into `canvas` at `css_width` CSS pixels, sharp at the device's pixel ratio.
pub fn draw<T: Chart>(canvas: &HtmlCanvasElement, css_width: f64, data: &T) {
    if css_width < 10.0 {
        return;
    }
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
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
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = canvas.set_attribute("data-drawn-at", &performance.now().to_string());
    }
}
