//! Takes over from the build-time rendering of the default scenario that `dist/index.html`
//! carries for a first visit (written by `scripts/prerender.mjs`). The rendering is removed and
//! the app mounted in the same task, so nothing is painted in between; whatever the visitor
//! typed or chose in it before the WASM arrived is replayed into the app's own fields, and the
//! focus and scroll position stay where they were.

use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
};

pub const ROOT_ID: &str = "prerender";
/// Set on `<html>` by the page's gate script when the rendering is not this visitor's.
pub const OFF_CLASS: &str = "prerender-off";
/// Set on `<html>` by the gate script once something is typed into the rendering.
const TYPED_CLASS: &str = "prerender-typed";
/// Set on `<html>` by the first screen's own build while it answers the rendering.
pub const LIVE_CLASS: &str = "prerender-live";

/// What a field of the rendering holds once changed.
pub enum Carry {
    Text(String),
    Checked(bool),
    Choice(String),
}

/// What the visitor changed in the rendering, keyed by the field's id.
pub struct Carried {
    fields: Vec<(String, Carry)>,
    focus: Option<String>,
    scroll: (f64, f64),
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Reads what was typed into the rendering and removes it (and the gate's class).
pub fn take_over() -> Carried {
    let mut carried = Carried {
        fields: Vec::new(),
        focus: None,
        scroll: scroll_position(),
    };
    let Some(doc) = document() else {
        return carried;
    };
    if let Some(html) = doc.document_element() {
        let _ = html
            .class_list()
            .remove_3(OFF_CLASS, TYPED_CLASS, LIVE_CLASS);
    }
    let Some(root) = doc.get_element_by_id(ROOT_ID) else {
        return carried;
    };
    carried.fields = changes(&root)
        .into_iter()
        .map(|(field, carry)| (field.id(), carry))
        .filter(|(id, _)| !id.is_empty())
        .collect();
    carried.focus = doc
        .active_element()
        .filter(|e| root.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    root.remove();
    // Removing the focused field that was typed into fires its change, which marks it again
    // (and the first screen's own build answers it).
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().remove_2(TYPED_CLASS, LIVE_CLASS);
    }
    carried
}

/// The fields of the rendering `root` that differ from how it was written, with what they hold.
pub fn changes(root: &Element) -> Vec<(Element, Carry)> {
    let Ok(fields) = root.query_selector_all("input, select") else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|field| {
            let carry = if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                let kind = input.type_();
                if kind == "checkbox" || kind == "radio" {
                    (input.checked() != input.default_checked())
                        .then(|| Carry::Checked(input.checked()))
                } else {
                    (!input.read_only() && input.value() != input.default_value())
                        .then(|| Carry::Text(input.value()))
                }
            } else if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
                let initial = (0..select.length())
                    .filter_map(|k| select.item(k))
                    .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                    .find(|o| o.default_selected())
                    .map(|o| o.value());
                (initial.as_deref() != Some(select.value().as_str()))
                    .then(|| Carry::Choice(select.value()))
            } else {
                None
            };
            Some((field, carry?))
        })
        .collect()
}

/// Replays the carried changes into the mounted app, as if typed there.
pub fn restore(carried: Carried) {
    let Some(doc) = document() else { return };
    for (id, carry) in &carried.fields {
        let Some(element) = doc.get_element_by_id(id) else {
            continue;
        };
        match carry {
            Carry::Text(text) => {
                if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                    input.set_value(text);
                    dispatch(&element, "input");
                }
            }
            Carry::Checked(on) => {
                if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                    input.set_checked(*on);
                    dispatch(&element, "input");
                    dispatch(&element, "change");
                }
            }
            Carry::Choice(value) => {
                if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
                    select.set_value(value);
                    dispatch(&element, "change");
                }
            }
        }
    }
    if let Some(id) = &carried.focus {
        if let Some(element) = doc
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(carried.scroll.0, carried.scroll.1);
    }
}

/// The width of the box around the rendering's element with this id (0 when there is none, or
/// it is hidden): the app's own element will sit in the same place.
pub fn twin_width(id: &str) -> f64 {
    document()
        .and_then(|doc| {
            doc.query_selector(&format!("#{ROOT_ID} #{id}"))
                .ok()
                .flatten()
        })
        .and_then(|twin| twin.parent_element())
        .map_or(0.0, |parent| f64::from(parent.client_width()))
}

fn scroll_position() -> (f64, f64) {
    web_sys::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or((0.0, 0.0))
}

/// The app listens through delegated handlers, so the event must bubble.
fn dispatch(element: &web_sys::Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = element.dispatch_event(&event);
    }
}
