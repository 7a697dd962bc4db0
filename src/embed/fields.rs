//! The embed's inputs, with the markup of the full app's `TextField` and `SelectField`: a
//! label, a hint, the input described by both, and the message right below it.

use web_sys::{Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

use crate::dom::{append, attrs, Dom};

/// What a text input shows and how it is marked.
pub struct TextSpec<'a> {
    pub id: String,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub value: String,
    /// Extra class on the wrapper.
    pub class: &'a str,
    pub inputmode: Option<&'a str>,
    /// A unit after the input, e.g. "%".
    pub suffix: Option<&'a str>,
}

/// A built text field: its wrapper (marked invalid), its input and its message.
pub struct TextField {
    pub wrap: Element,
    pub input: HtmlInputElement,
    message: Element,
}

impl TextField {
    pub fn new(dom: &Dom, spec: TextSpec) -> TextField {
        let TextSpec { id, .. } = &spec;
        let (hint_id, message_id) = (format!("{id}-hint"), format!("{id}-message"));
        let wrap = dom.el("div", &format!("field {}", spec.class));
        let label = dom.text("label", "", spec.label);
        attrs(&label, &[("for", id)]);
        append(&wrap, &[&label]);
        let described_by = match spec.hint {
            Some(hint) => {
                let p = dom.text("p", "hint", hint);
                attrs(&p, &[("id", &hint_id)]);
                append(&wrap, &[&p]);
                format!("{hint_id} {message_id}")
            }
            None => message_id.clone(),
        };
        let input_wrap = dom.el("div", "input-wrap");
        let input: HtmlInputElement = dom.typed("input", "");
        attrs(
            &input,
            &[
                ("id", id),
                ("type", "text"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("maxlength", "64"),
                ("aria-invalid", "false"),
                ("aria-describedby", &described_by),
            ],
        );
        if let Some(mode) = spec.inputmode {
            attrs(&input, &[("inputmode", mode)]);
        }
        input.set_value(&spec.value);
        append(&input_wrap, &[&input]);
        if let Some(suffix) = spec.suffix {
            let span = dom.text("span", "suffix", suffix);
            attrs(&span, &[("aria-hidden", "true")]);
            append(&input_wrap, &[&span]);
        }
        let message = dom.el("p", "message");
        attrs(&message, &[("id", &message_id), ("aria-live", "polite")]);
        append(&wrap, &[&input_wrap, &message]);
        TextField {
            wrap,
            input,
            message,
        }
    }

    /// Shows `error` under the field and marks the field invalid, or clears both.
    pub fn show_error(&self, error: Option<String>) {
        let _ = self
            .wrap
            .class_list()
            .toggle_with_force("invalid", error.is_some());
        attrs(
            &self.input,
            &[(
                "aria-invalid",
                if error.is_some() { "true" } else { "false" },
            )],
        );
        let text = error.unwrap_or_default();
        if self.message.text_content().unwrap_or_default() != text {
            self.message.set_text_content(Some(&text));
        }
    }
}

/// A labelled `<select>` of (value, label) `options` with `selected` chosen; returns the
/// wrapper and the select.
pub fn select_field(
    dom: &Dom,
    id: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
) -> (Element, HtmlSelectElement) {
    let wrap = dom.el("div", "field");
    let label_el = dom.text("label", "", label);
    attrs(&label_el, &[("for", id)]);
    let select: HtmlSelectElement = dom.typed("select", "");
    attrs(&select, &[("id", id)]);
    set_options(dom, &select, options, selected);
    append(&wrap, &[&label_el, &select]);
    (wrap, select)
}

/// Replaces the options of `select`.
pub fn set_options(
    dom: &Dom,
    select: &HtmlSelectElement,
    options: &[(String, String)],
    selected: &str,
) {
    select.set_text_content(None);
    for (value, text) in options {
        let option: HtmlOptionElement = dom.typed("option", "");
        option.set_value(value);
        option.set_text(text);
        let is = value == selected;
        option.set_default_selected(is);
        option.set_selected(is);
        append(select, &[&option]);
    }
}
