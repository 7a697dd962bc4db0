//! The little DOM building that the builds without Leptos need (the embed, and the first
//! screen's own small build): elements with a class, attributes, text, listeners, and the
//! headline cards as the full app lays them out (same classes, so one style sheet).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget};

use crate::view_model::figure::{Card, Figure};

/// Builds elements in one document.
#[derive(Clone)]
pub struct Dom(pub Document);

impl Dom {
    /// A new `tag` element with `class` (none when empty).
    pub fn el(&self, tag: &str, class: &str) -> Element {
        let element = self
            .0
            .create_element(tag)
            .expect("tag names are literals of this module's callers");
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element
    }

    /// [`Dom::el`] with `text` in it.
    pub fn text(&self, tag: &str, class: &str, text: &str) -> Element {
        let element = self.el(tag, class);
        element.set_text_content(Some(text));
        element
    }

    /// `el` cast to the element type `T` it was created as.
    pub fn typed<T: JsCast>(&self, tag: &str, class: &str) -> T {
        self.el(tag, class).unchecked_into()
    }
}

/// Sets attributes on `element`.
pub fn attrs(element: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = element.set_attribute(name, value);
    }
}

/// Appends `children` to `parent` in order.
pub fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// Calls `handler` on every `event` at `target`, for the page's lifetime (the embed's elements
/// live as long as the page does, so the closure is never freed).
pub fn on(target: &EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Shows `cards` in `list` (a `<dl class="headline">`): each card's key names its class
/// `card-<key>` and its test id `headline-<key>`. When the cards shown have the same keys and
/// labels, only their figures are rewritten: a keystroke repaints the figures alone, and the
/// cards of the page's outline, painted before the WASM ran, stay the cards on screen.
pub fn show_cards(dom: &Dom, list: &Element, cards: Vec<Card>) {
    let shown: Vec<Element> =
        std::iter::successors(list.first_element_child(), Element::next_element_sibling).collect();
    let same = shown.len() == cards.len()
        && cards.iter().zip(&shown).all(|(card, el)| {
            el.class_name() == format!("card card-{}", card.key)
                && el
                    .first_element_child()
                    .and_then(|dt| dt.text_content())
                    .is_some_and(|text| text == card.label.text)
        });
    if same {
        for (Card { key, figure, .. }, card) in cards.into_iter().zip(&shown) {
            if let Some(value) = card.last_element_child() {
                value.set_text_content(None);
                attrs(&value, &[("data-testid", &format!("headline-{key}"))]);
                show_figure(dom, &value, figure);
            }
        }
        return;
    }
    list.set_text_content(None);
    for Card { key, label, figure } in cards {
        let card = dom.el("div", &format!("card card-{key}"));
        let term = dom.el("dt", "");
        match label.explanation {
            Some(title) => {
                let abbr = dom.text("abbr", "term", &label.text);
                attrs(&abbr, &[("tabindex", "0"), ("title", title)]);
                append(&term, &[&abbr]);
            }
            None => term.set_text_content(Some(&label.text)),
        }
        let value = dom.el("dd", "");
        attrs(&value, &[("data-testid", &format!("headline-{key}"))]);
        show_figure(dom, &value, figure);
        append(&card, &[&term, &value]);
        append(list, &[&card]);
    }
}

/// A figure laid out as `Figure::view` lays it out in the full app.
fn show_figure(dom: &Dom, parent: &Element, figure: Figure) {
    if let Some(exact) = &figure.exact {
        let span = dom.text("span", "figure approx", &figure.text);
        attrs(&span, &[("tabindex", "0"), ("title", exact)]);
        append(parent, &[&span]);
        return;
    }
    for (i, group) in figure.wrap_groups().into_iter().enumerate() {
        if i > 0 {
            let _ = parent.append_with_str_1(" ");
        }
        for (j, part) in group.iter().enumerate() {
            if j > 0 {
                append(parent, &[&dom.el("wbr", "")]);
            }
            append(parent, &[&dom.text("span", "figure", part)]);
        }
    }
}
