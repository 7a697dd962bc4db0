//! The compact embed for a frame in a blog post, built on the DOM directly rather than with
//! Leptos. A phone on slow 4G meets the product here first, and with the framework, the session
//! and the notices it would bring, its download was 250 KB gzipped against about 110 KB this
//! way. It shows what the full app's funnel view shows, worded and formatted by the same view
//! model and catalogue: the scenario's name, the headline cards, optionally the goal and rate
//! inputs with their messages, the funnel chart, and optionally CSV and PNG exports. Its
//! scenario and settings come from the address alone, and it never touches storage.

mod fields;
mod height;
mod link;
mod page;

use funnel_model::scenario::Scenario;
use funnel_model::Lang;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::dom::Dom;
use crate::i18n::common::texts;

/// How the embed code asked the frame to behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedMode {
    /// Inputs editable (rates, target, deal size) or read-only.
    pub interactive: bool,
    /// CSV/PNG buttons shown (the iframe then needs `allow-downloads`).
    pub export: bool,
}

/// Whether the address asks for the embed (`#embed=…`).
#[cfg(feature = "calculator")]
pub fn is_embed_address() -> bool {
    browser::fragment_params().iter().any(|(k, _)| k == "embed")
}

/// Builds the embed for the address and puts it in place of the page's loading note.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let params = browser::fragment_params();
    let param = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let mode = EmbedMode {
        interactive: param("embed") == Some("rw"),
        export: param("export") == Some("1"),
    };
    let lang = param("lang").and_then(Lang::from_code).unwrap_or_default();
    let opened = open(lang, param("s").filter(|s| !s.is_empty()));
    browser::show_language(lang);
    if let Some(body) = document.body() {
        let _ = body.class_list().add_1("embedded");
    }
    let outline = take_outline(&document, lang);
    let in_page = outline.is_some();
    let root = page::build(Dom(document), lang, mode, opened, outline);
    let root: web_sys::HtmlElement = root.unchecked_into();
    if !in_page {
        crate::replace_first_screen(root.clone());
    }
    height::post_height_on_resize(&root);
}

/// The outline of the embed in `lang` that the embed's page carries (`embed.html`, written at
/// build time), with the other languages' outlines removed. The embed is built into it rather
/// than in its place, so the cards a reader already sees stay the same elements.
fn take_outline(document: &web_sys::Document, lang: Lang) -> Option<web_sys::Element> {
    let outlines = document.query_selector_all(".embed-outline").ok()?;
    let mut kept = None;
    for i in 0..outlines.length() {
        let Some(outline) = outlines
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if kept.is_none() && outline.get_attribute("data-lang").as_deref() == Some(lang.code()) {
            kept = Some(outline);
        } else {
            outline.remove();
        }
    }
    kept
}

/// The scenario a link carries and the link's positions, or the sample one (with why) when the
/// link does not read.
fn open(lang: Lang, payload: Option<&str>) -> page::Opened {
    let (found, link_error) = match payload.map(link::open) {
        Some(Ok(found)) => (Some(found), None),
        Some(Err(error)) => (None, Some(error)),
        None => (None, None),
    };
    let (scenario, positions) = found.unwrap_or_else(|| {
        let sample = Scenario {
            name: texts(lang).starter_name.to_string(),
            draft: Default::default(),
        };
        let positions = link::positions_of(&sample);
        (sample, positions)
    });
    page::Opened {
        scenario,
        positions,
        link_error,
    }
}
