//! The first screen's own small build (`bin/first_screen.rs`). A first visit paints the build-time
//! rendering of the Funnel view at once, but the calculator's WASM takes seconds more on a slow
//! phone. This build arrives long before it, and makes the rendering answer what is typed into
//! it: the target, the deal size and the stage rates recompute the headline cards, the phone's
//! summary line, the stage table (all but forward mode's column) and the funnel chart (drawn
//! here at once; the rendering leaves it blank), with the model, view model and drawing the
//! calculator uses. After anything else is changed there (a stage's name, the period,
//! forward mode…), or while an input is wrong, the figures stay marked as waiting for the
//! calculator (the gate script's mark), which then replaces the rendering with what was typed,
//! as it always has.

use std::cell::RefCell;
use std::rc::Rc;

use funnel_model::draft::Draft;
use funnel_model::edit::FunnelEdit;
use funnel_model::{Funnel, Lang, ReversePlan};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};

use crate::canvas_draw;
use crate::dom::{on, show_cards, Dom};
use crate::prerender::{self, LIVE_CLASS, OFF_CLASS, ROOT_ID};
use crate::view_model::funnel::{chart_data, summary};
use crate::view_model::funnel_results::{headline_cards, stage_rows, StageRow};

/// The rendering is a first visitor's, so it is in the app's first language.
const LANG: Lang = Lang::Ja;

struct FirstScreen {
    dom: Dom,
    root: Element,
    draft: Draft,
    /// Something this build does not read was changed: only the calculator can answer now.
    foreign: bool,
}

/// Starts answering the rendering's fields, if the page shows this visitor the rendering and it
/// is the default plan this build starts from.
pub fn drive() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id(ROOT_ID) else {
        return;
    };
    let off = document
        .document_element()
        .is_some_and(|html| html.class_list().contains(OFF_CLASS));
    if off {
        return;
    }
    let mut screen = FirstScreen {
        dom: Dom(document),
        root: root.clone(),
        draft: Draft::default(),
        foreign: false,
    };
    // A rendering of another plan than this build's default would be answered wrongly.
    let Ok((funnel, plan)) = screen.draft.funnel_and_plan() else {
        return;
    };
    let default_figures: Vec<String> = headline_cards(LANG, &funnel, &plan)
        .into_iter()
        .map(|card| card.figure.text)
        .collect();
    if screen.summary_figures() != default_figures {
        return;
    }
    // What was typed while this build was on its way; the rendering itself already shows the
    // default plan.
    let typed = prerender::changes(&root);
    for (field, _) in &typed {
        screen.take(field);
    }
    let untouched = typed.is_empty();
    if untouched {
        screen.mark_live(true);
    } else {
        screen.refresh();
    }
    let screen = Rc::new(RefCell::new(screen));
    if untouched {
        // The chart in a task of its own: with the check above, a slow phone's CPU made one
        // long task of the two, holding up anything typed meanwhile. What was typed since has
        // drawn its own chart by then, unless it left the default plan.
        let screen = screen.clone();
        after_this_task(move || {
            let screen = screen.borrow();
            if !screen.foreign && screen.draft == Draft::default() {
                screen.show_chart(&funnel, &plan);
            }
        });
    }
    for event in ["input", "change"] {
        let screen = screen.clone();
        on(&root, event, move |event| {
            let field = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            if let Some(field) = field {
                let mut screen = screen.borrow_mut();
                screen.take(&field);
                screen.refresh();
            }
        });
    }
}

/// Runs `f` in a task of its own, after the current one.
fn after_this_task(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

impl FirstScreen {
    /// Applies what `field` now holds to the draft, or notes that this build cannot.
    fn take(&mut self, field: &Element) {
        // The toolbar (the scenario's name, the embed code's options) changes no figure.
        if field.closest("#view-funnel").ok().flatten().is_none() {
            return;
        }
        let id = field.id();
        // Every field this build reads is a text input.
        let text = field
            .dyn_ref::<HtmlInputElement>()
            .map(HtmlInputElement::value)
            .unwrap_or_default();
        let edit = match id.as_str() {
            "target" => Some(FunnelEdit::Target(text)),
            "deal-size" => Some(FunnelEdit::DealSize(text)),
            _ => id
                .strip_prefix("rate-")
                .and_then(|stage| stage.parse().ok())
                .map(|id| FunnelEdit::Rate { id, text }),
        };
        match edit {
            Some(edit) => {
                edit.apply_to(&mut self.draft);
            }
            None => self.foreign = true,
        }
    }

    /// Shows the draft's answer, and marks it current, when this build can answer.
    fn refresh(&self) {
        let answer = (!self.foreign)
            .then(|| self.draft.funnel_and_plan().ok())
            .flatten();
        let live = answer.is_some();
        if let Some((funnel, plan)) = answer {
            let cards = headline_cards(LANG, &funnel, &plan);
            let rows = stage_rows(LANG, &funnel, &plan, &[]);
            self.show_chart(&funnel, &plan);
            for (key, figure) in cards.iter().map(|c| (c.key, &c.figure.text)) {
                if let Some(shown) = self.find(&format!("[data-testid=\"summary-{key}\"] b")) {
                    shown.set_text_content(Some(figure));
                }
            }
            if let Some(list) = self.find(".results-block > dl.headline") {
                show_cards(&self.dom, &list, cards);
            }
            self.show_rows(&rows);
        }
        self.mark_live(live);
    }

    /// The funnel chart, drawn as the calculator draws it, at the width the rendering gives it,
    /// with its description for screen readers.
    fn show_chart(&self, funnel: &Funnel, plan: &ReversePlan) {
        let Some(canvas) = self
            .find("#view-funnel figure.chart canvas")
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        let data = chart_data(funnel, plan, LANG, None);
        canvas_draw::draw(&canvas, f64::from(canvas.client_width()), &data);
        let _ = canvas.set_attribute("aria-label", &summary(&data, LANG));
    }

    /// The stage table's figures, each cell as the calculator fills it; forward mode's column
    /// is left to the calculator (it stays marked as waiting).
    fn show_rows(&self, rows: &[StageRow]) {
        for (i, row) in rows.iter().enumerate() {
            let Some(cells) = self
                .find(&format!(".stage-table tr[data-stage=\"{i}\"]"))
                .and_then(|tr| tr.query_selector_all("td").ok())
            else {
                continue;
            };
            let cell = |k: u32| cells.item(k).and_then(|n| n.dyn_into::<Element>().ok());
            let texts = [&row.required, &row.exact, &row.rate, &row.cumulative];
            for (k, text) in (0..).zip(texts) {
                if let Some(cell) = cell(k) {
                    cell.set_text_content(Some(text));
                }
            }
            if let Some(required) = cell(0) {
                let _ = required.set_attribute("title", &row.exact_title);
            }
        }
    }

    fn mark_live(&self, live: bool) {
        if let Some(html) = self.dom.0.document_element() {
            let _ = html.class_list().toggle_with_force(LIVE_CLASS, live);
        }
    }

    /// The figures of the phone's summary line, as the rendering shows them.
    fn summary_figures(&self) -> Vec<String> {
        let Ok(shown) = self.root.query_selector_all(".compact-summary .item b") else {
            return Vec::new();
        };
        (0..shown.length())
            .filter_map(|i| shown.item(i)?.text_content())
            .collect()
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }
}
