//! The few browser calls the page makes beyond the DOM it renders: the URL fragment, downloads,
//! the clipboard, reading a chosen file and the document's language. Each returns a value or an error, never panics.

use funnel_model::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::common::texts;

/// The URL fragment's `key=value` pairs (`#view=compare&s=…`).
pub fn fragment_params() -> Vec<(String, String)> {
    let hash = window_hash();
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (p.to_string(), String::new()),
        })
        .collect()
}

fn window_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Rewrites the fragment without a navigation or a history entry.
pub fn replace_fragment(params: &[(&str, &str)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fragment: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let location = window.location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if fragment.is_empty() {
        base
    } else {
        format!("{base}#{}", fragment.join("&"))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's own address without fragment, for building share links.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Offers `data_url` as a download named `filename`.
fn download_url(url: &str, filename: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(anchor) = document.create_element("a") else {
        return false;
    };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.click();
    true
}

/// Offers text as a file download (CSV, JSON). The text goes through a Blob so non-ASCII and
/// the CSV's byte-order mark arrive intact.
pub fn download_text(filename: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let ok = download_url(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
    ok
}

/// Offers CSV text as a file download.
pub fn download_csv(filename: &str, csv: &str) -> bool {
    download_text(filename, "text/csv;charset=utf-8", csv)
}

/// Offers a canvas as a PNG at its backing-store (device pixel) resolution.
pub fn download_canvas_png(canvas: &web_sys::HtmlCanvasElement, filename: &str) -> bool {
    canvas
        .to_data_url_with_type("image/png")
        .map(|url| download_url(&url, filename))
        .unwrap_or(false)
}

/// Downloads `canvas` as PNG under a caption band (one line per entry of `caption`), so the
/// image says what it shows once it is pasted into a slide or a chat.
pub fn download_captioned_png(
    canvas: &web_sys::HtmlCanvasElement,
    filename: &str,
    caption: &[String],
    font_family: &str,
) -> bool {
    let scale = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let line = (22.0 * scale).round();
    let band = line * caption.len() as f64 + 12.0 * scale;
    let Some(out) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return download_canvas_png(canvas, filename);
    };
    out.set_width(canvas.width());
    out.set_height(canvas.height() + band as u32);
    let Some(ctx) = out
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return download_canvas_png(canvas, filename);
    };
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(out.width()), f64::from(out.height()));
    ctx.set_fill_style_str("#111827");
    ctx.set_text_baseline("top");
    for (i, text) in caption.iter().enumerate() {
        let weight = if i == 0 { "700 " } else { "" };
        ctx.set_font(&format!(
            "{weight}{}px {font_family}",
            (15.0 * scale).round()
        ));
        let _ = ctx.fill_text(text, 10.0 * scale, 6.0 * scale + line * i as f64);
    }
    let _ = ctx.draw_image_with_html_canvas_element(canvas, 0.0, band);
    download_canvas_png(&out, filename)
}

/// Copies text to the clipboard; `done(true)` once it is there, `done(false)` if refused.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (ok, err) = (done.clone(), done);
    let on_ok = Closure::once(move |_: JsValue| {
        if let Some(f) = ok.borrow_mut().take() {
            f(true)
        }
    });
    let on_err = Closure::once(move |_: JsValue| {
        if let Some(f) = err.borrow_mut().take() {
            f(false)
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}

/// Reads the first file chosen in a file input as text.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Option<String>) + 'static,
) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        return done(None);
    };
    let reader_for_result = reader.clone();
    let on_load = Closure::once(move |_: web_sys::Event| {
        done(reader_for_result.result().ok().and_then(|r| r.as_string()))
    });
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let _ = reader.read_as_text(&file);
}

/// A file name from a scenario name: characters that file systems refuse become `_`.
pub fn file_name(name: &str, extension: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let safe = safe.trim();
    format!(
        "{}.{extension}",
        if safe.is_empty() { "scenario" } else { safe }
    )
}

/// The calendar year the fiscal year containing today starts in, for labelling the plan's
/// months with years (the plan itself has no year).
pub fn current_fiscal_year(fiscal_start: u8) -> i32 {
    let now = js_sys::Date::new_0();
    let (year, month) = (now.get_full_year() as i32, now.get_month() as u8 + 1);
    if month >= fiscal_start {
        year
    } else {
        year - 1
    }
}

/// Today in the visitor's time zone, `2026-11-30`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Tells the browser (and screen readers, and the tab's title) which language the page is in.
pub fn show_language(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(texts(lang).app_title);
}
