//! The embed's elements and what keeps them in step with the inputs: every edit is applied to
//! the draft as the model's `apply` applies it, then the cards, the chart, the messages and the
//! open-full link are brought up to date.

use std::cell::RefCell;
use std::rc::Rc;

use funnel_charts::FunnelChartData;
use funnel_model::draft::{Draft, FunnelField};
use funnel_model::edit::{FunnelEdit, PlanEdit};
use funnel_model::plan::period::Period;
use funnel_model::scenario::{FormatError, Scenario};
use funnel_model::{Edit, Funnel, Lang, OptionKey, ReversePlan};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};

use super::fields::{select_field, set_options, TextField, TextSpec};
use super::link;
use super::EmbedMode;
use crate::browser;
use crate::canvas_draw;
use crate::dom::{append, attrs, on, show_cards, Dom};
use crate::downloads::{save_chart_png, save_results_csv};
use crate::embed_code::calculator_page;
use crate::i18n::common::{format_error, input_error, texts, FieldKind};
use crate::i18n::embed::words as embed_words;
use crate::i18n::funnel::words as funnel_words;
use crate::i18n::months::words as month_words;
use crate::i18n::names::NamedStages;
use crate::i18n::plan::{month_name, period_name};
use crate::view_model::funnel::{chart_data, summary};
use crate::view_model::funnel_results::headline_cards;

/// The embed's state and the elements that show it.
struct Embed {
    dom: Dom,
    lang: Lang,
    name: String,
    draft: Draft,
    /// The last plan the inputs made; kept on screen, marked stale, while they are wrong.
    kept: Option<(Funnel, ReversePlan)>,
    chart: Option<FunnelChartData>,
    /// The chart's width in CSS pixels, as last observed (0 until it is laid out).
    width: f64,
    results: Element,
    stale_note: Element,
    cards: Element,
    figure: Element,
    canvas: HtmlCanvasElement,
    full_link: Element,
    /// The calculator this embed's open-full link leads to (its address without fragment).
    calculator: String,
    /// The link's positions as opened, which the open-full link writes the edits over.
    positions: Array,
    fields: Vec<(FunnelField, FieldKind, TextField)>,
    period_index: Option<HtmlSelectElement>,
}

type Shared = Rc<RefCell<Embed>>;

/// What the address opened: the scenario, its link's positions, and why a link did not read.
pub struct Opened {
    pub scenario: Scenario,
    pub positions: Array,
    pub link_error: Option<FormatError>,
}

/// Builds the embed and returns its root: in `outline` (the page's build-time outline of it, in
/// this language), which then keeps its cards, or outside the document when there is none.
pub fn build(
    dom: Dom,
    lang: Lang,
    mode: EmbedMode,
    opened: Opened,
    outline: Option<Element>,
) -> Element {
    let Opened {
        scenario,
        positions,
        link_error,
    } = opened;
    let fw = funnel_words(lang);
    let (root, results, stale_note, cards) = match outline.and_then(adopt) {
        Some(parts) => parts,
        None => {
            let root = dom.el("div", "embed");
            let results = dom.el("div", "results-block");
            let stale_note = dom.text("p", "stale-notice", fw.stale_notice);
            attrs(&stale_note, &[("role", "status"), ("hidden", "")]);
            let cards = dom.el("dl", "headline");
            attrs(&cards, &[("aria-label", fw.results_heading)]);
            append(&results, &[&stale_note, &cards]);
            append(&root, &[&results]);
            (root, results, stale_note, cards)
        }
    };

    let head = dom.el("header", "embed-head");
    let full_link = dom.text("a", "open-full", embed_words(lang).open_full);
    attrs(&full_link, &[("target", "_blank"), ("rel", "noopener")]);
    append(&head, &[&dom.text("h1", "", &scenario.name), &full_link]);

    let figure = dom.el("figure", "chart");
    let caption = dom.el("figcaption", "");
    append(
        &caption,
        &[
            &dom.text("h3", "", fw.chart_heading),
            &dom.text("p", "hint", fw.chart_note),
        ],
    );
    let chart_box = dom.el("div", "chart-box");
    let canvas: HtmlCanvasElement = dom.typed("canvas", "");
    attrs(&canvas, &[("role", "img")]);
    append(&chart_box, &[&canvas]);
    append(&figure, &[&caption, &chart_box]);

    let chart_figure = figure.clone();
    let embed = Rc::new(RefCell::new(Embed {
        dom: dom.clone(),
        lang,
        name: scenario.name,
        draft: scenario.draft,
        kept: None,
        chart: None,
        width: 0.0,
        results,
        stale_note,
        cards,
        figure,
        canvas,
        full_link,
        calculator: calculator_page(&browser::page_url()),
        positions,
        fields: Vec::new(),
        period_index: None,
    }));

    let _ = root.prepend_with_node_2(&head, &notices(&dom, lang, link_error));
    if mode.interactive {
        append(&root, &[&inputs(&embed)]);
    }
    append(&root, &[&chart_figure]);
    if mode.export {
        append(&root, &[&exports(&embed)]);
    }
    observe_width(&embed, &chart_box);
    embed.borrow_mut().refresh();
    root
}

/// The outline's root, results block, stale note and cards, made the embed's: the cards stay the
/// elements already painted (`show_cards` keeps those it can), and the header and notices go,
/// to be built with the scenario. `None` when the outline lacks a part.
fn adopt(outline: Element) -> Option<(Element, Element, Element, Element)> {
    let find = |selector: &str| outline.query_selector(selector).ok().flatten();
    let results = find(".results-block")?;
    let stale_note = find(".results-block > .stale-notice")?;
    let cards = find(".results-block > dl.headline")?;
    for selector in [".embed-head", ".notices"] {
        if let Some(part) = find(selector) {
            part.remove();
        }
    }
    outline.set_class_name("embed");
    for name in ["aria-busy", "lang", "data-lang"] {
        let _ = outline.remove_attribute(name);
    }
    Some((outline, results, stale_note, cards))
}

/// The link's problem, if it did not read, with a button that dismisses it.
fn notices(dom: &Dom, lang: Lang, link_error: Option<FormatError>) -> Element {
    let t = texts(lang);
    let notices = dom.el("div", "notices");
    attrs(&notices, &[("aria-live", "polite")]);
    let list = dom.el("ul", "");
    if let Some(error) = link_error {
        let item = dom.el("li", "notice error");
        let dismiss = dom.text("button", "dismiss", "×");
        attrs(&dismiss, &[("type", "button"), ("aria-label", t.dismiss)]);
        let gone = item.clone();
        on(&dismiss, "click", move |_| gone.remove());
        let text = (embed_words(lang).link_error)(&format_error(lang, error));
        append(&item, &[&dom.text("span", "", &text), &dismiss]);
        append(&list, &[&item]);
    }
    append(&notices, &[&list]);
    notices
}

/// The target, the period, the deal size and the rate out of each stage.
fn inputs(embed: &Shared) -> Element {
    let e = embed.borrow();
    let (dom, lang, fw) = (e.dom.clone(), e.lang, funnel_words(e.lang));
    let details = dom.el("details", "embed-inputs");
    attrs(&details, &[("open", "")]);
    let goal = dom.el("div", "goal-inputs");
    append(
        &details,
        &[&dom.text("summary", "", fw.inputs_heading), &goal],
    );
    let mut fields = Vec::new();
    let target = TextField::new(
        &dom,
        TextSpec {
            id: "target".into(),
            label: fw.target_label,
            hint: Some(fw.target_hint),
            value: e.draft.target.clone(),
            class: "",
            inputmode: None,
            suffix: None,
        },
    );
    let deal = TextField::new(
        &dom,
        TextSpec {
            id: "deal-size".into(),
            label: fw.deal_label,
            hint: Some(fw.deal_hint),
            value: e.draft.deal_size.clone(),
            class: "",
            inputmode: None,
            suffix: None,
        },
    );
    let (period_fields, period_index) = period_fields(&dom, lang, &e.draft, embed);
    append(&goal, &[&target.wrap, &period_fields, &deal.wrap]);
    send_on_input(embed, &target.input, |text| FunnelEdit::Target(text).into());
    send_on_input(embed, &deal.input, |text| FunnelEdit::DealSize(text).into());
    fields.push((FunnelField::Target, FieldKind::Money, target));
    fields.push((FunnelField::DealSize, FieldKind::Money, deal));
    for i in 0..e.draft.stages.len().saturating_sub(1) {
        let id = e.draft.stages[i].id;
        let rate = TextField::new(
            &dom,
            TextSpec {
                id: format!("rate-{id}"),
                label: &e.draft.rate_label(i, lang).unwrap_or_default(),
                hint: None,
                value: e.draft.rate_text(id),
                class: "rate-field",
                inputmode: Some("decimal"),
                suffix: Some("%"),
            },
        );
        append(&details, &[&rate.wrap]);
        send_on_input(embed, &rate.input, move |text| {
            FunnelEdit::Rate { id, text }.into()
        });
        fields.push((FunnelField::Rate(id), FieldKind::Rate, rate));
    }
    drop(e);
    let mut e = embed.borrow_mut();
    e.fields = fields;
    e.period_index = Some(period_index);
    details
}

/// The period selects, as the full app's `PeriodFields` shows them.
fn period_fields(
    dom: &Dom,
    lang: Lang,
    draft: &Draft,
    embed: &Shared,
) -> (Element, HtmlSelectElement) {
    let w = month_words(lang);
    let set = dom.el("fieldset", "plan-group period-fields");
    let row = dom.el("div", "field-row");
    append(
        &set,
        &[&dom.text("legend", "", w.period_of_the_target), &row],
    );
    let lengths = [
        (Period::Month, w.month),
        (Period::Quarter, w.quarter),
        (Period::Year, w.fiscal_year),
    ]
    .map(|(p, label)| (p.key().to_string(), label.to_string()));
    let (length_field, length) = select_field(
        dom,
        "plan-period",
        w.period_length,
        &lengths,
        draft.plan.period.key(),
    );
    let (index_field, index) = select_field(
        dom,
        "plan-period-index",
        w.period_to_plan,
        &period_options(lang, draft),
        &draft.plan.period_index.to_string(),
    );
    let starts: Vec<(String, String)> = (1..=12u8)
        .map(|m| (m.to_string(), month_name(lang, m)))
        .collect();
    let (start_field, start) = select_field(
        dom,
        "plan-fiscal-start",
        w.fiscal_year_starts_in,
        &starts,
        &draft.plan.fiscal_start.to_string(),
    );
    append(&row, &[&length_field, &index_field, &start_field]);
    send_on_change(embed, &length, |v| {
        Period::from_key(&v).map(|p| PlanEdit::Period(p).into())
    });
    send_on_change(embed, &index, |v| {
        v.parse().ok().map(|i| PlanEdit::PeriodIndex(i).into())
    });
    send_on_change(embed, &start, |v| {
        v.parse().ok().map(|m| PlanEdit::FiscalStart(m).into())
    });
    (set, index)
}

/// The periods of the draft's fiscal year, named.
fn period_options(lang: Lang, draft: &Draft) -> Vec<(String, String)> {
    let plan = &draft.plan;
    (0..plan.period.per_year())
        .map(|i| {
            (
                i.to_string(),
                period_name(lang, plan.period, i, plan.fiscal_start),
            )
        })
        .collect()
}

fn send_on_input(
    embed: &Shared,
    input: &HtmlInputElement,
    make: impl Fn(String) -> Edit + 'static,
) {
    let (embed, field) = (embed.clone(), input.clone());
    on(input, "input", move |_| {
        embed.borrow_mut().edit(make(field.value()))
    });
}

fn send_on_change(
    embed: &Shared,
    select: &HtmlSelectElement,
    make: impl Fn(String) -> Option<Edit> + 'static,
) {
    let (embed, field) = (embed.clone(), select.clone());
    on(select, "change", move |_| {
        if let Some(edit) = make(field.value()) {
            embed.borrow_mut().edit(edit);
        }
    });
}

/// CSV of the results table and PNG of the chart.
fn exports(embed: &Shared) -> Element {
    let e = embed.borrow();
    let t = texts(e.lang);
    let row = e.dom.el("div", "button-row embed-export");
    let csv = e.dom.text("button", "", t.export_csv);
    let png = e.dom.text("button", "", t.export_png);
    attrs(&csv, &[("type", "button")]);
    attrs(&png, &[("type", "button")]);
    append(&row, &[&csv, &png]);
    let shared = embed.clone();
    on(&csv, "click", move |_| shared.borrow().download_csv());
    let shared = embed.clone();
    on(&png, "click", move |_| shared.borrow().download_png());
    row
}

/// Redraws the chart at its container's width: the observer's first report comes once the
/// embed is laid out, before it is painted.
fn observe_width(embed: &Shared, chart_box: &Element) {
    let shared = embed.clone();
    let container = chart_box.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let width = container.client_width() as f64;
        let mut e = shared.borrow_mut();
        if width > 0.0 && (width - e.width).abs() >= 1.0 {
            e.width = width;
            e.draw();
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(chart_box);
    }
    on_resize.forget();
}

impl Embed {
    fn edit(&mut self, edit: Edit) {
        let new_period = matches!(
            edit,
            Edit::Plan(PlanEdit::Period(_)) | Edit::Plan(PlanEdit::FiscalStart(_))
        );
        // Each area's edit is applied on its own, as `funnel_model::apply` would: the embed
        // sends no other, and `apply` itself would link every area's edits into it (13 KB
        // gzipped: the KPI tree, the import, the channels).
        match edit {
            Edit::Funnel(e) => {
                e.apply_to(&mut self.draft);
            }
            Edit::Plan(e) => e.apply_to(&mut self.draft.plan),
            _ => return,
        }
        if new_period {
            if let Some(select) = &self.period_index {
                let options = period_options(self.lang, &self.draft);
                set_options(
                    &self.dom,
                    select,
                    &options,
                    &self.draft.plan.period_index.to_string(),
                );
            }
        }
        self.refresh();
    }

    /// Brings the figures, the chart, the messages and the open-full link up to date.
    fn refresh(&mut self) {
        let lang = self.lang;
        let checked = self.draft.funnel_and_plan();
        let problem = checked.as_ref().err();
        for (field, kind, text_field) in &self.fields {
            let error = problem.and_then(|p| p.input(*field));
            text_field.show_error(error.map(|e| input_error(lang, *kind, e)));
        }
        let current = checked.is_ok();
        let _ = self
            .results
            .class_list()
            .toggle_with_force("stale", !current);
        let _ = self
            .figure
            .class_list()
            .toggle_with_force("stale", !current);
        if current {
            let _ = self.stale_note.set_attribute("hidden", "");
        } else {
            // Without an earlier answer there is nothing stale to point at: say why it is empty.
            let note = match self.kept {
                Some(_) => funnel_words(lang).stale_notice,
                None => {
                    // The page's outline of the cards has nothing to fill in: it goes.
                    show_cards(&self.dom, &self.cards, Vec::new());
                    embed_words(lang).no_answer
                }
            };
            self.stale_note.set_text_content(Some(note));
            let _ = self.stale_note.remove_attribute("hidden");
        }
        if let Ok(made) = checked {
            if self.kept.as_ref() != Some(&made) {
                let (funnel, plan) = &made;
                show_cards(&self.dom, &self.cards, headline_cards(lang, funnel, plan));
                let data = chart_data(funnel, plan, lang, None);
                let _ = self
                    .canvas
                    .set_attribute("aria-label", &summary(&data, lang));
                self.chart = Some(data);
                self.kept = Some(made);
                self.draw();
            }
        }
        // Without any answer there is no chart to show: no empty box in its place.
        let _ = self
            .figure
            .toggle_attribute_with_force("hidden", self.chart.is_none());
        let scenario = Scenario {
            name: self.name.clone(),
            draft: self.draft.clone(),
        };
        let href = format!(
            "{}#s={}",
            self.calculator,
            link::write(&self.positions, &scenario)
        );
        let _ = self.full_link.set_attribute("href", &href);
    }

    fn draw(&self) {
        if let Some(data) = &self.chart {
            canvas_draw::draw(&self.canvas, self.width, data);
        }
    }

    fn download_csv(&self) {
        let Some((funnel, plan)) = &self.kept else {
            return;
        };
        let forward = self
            .draft
            .entry_or_planned(Some(plan))
            .ok()
            .map(|entry| funnel.forward(entry));
        save_results_csv(self.lang, &self.name, funnel, plan, forward.as_ref());
    }

    fn download_png(&self) {
        save_chart_png(&self.canvas, &self.name, self.lang, &self.name, &self.draft);
    }
}
