use funnel_model::draft::FunnelField;
use funnel_model::edit::{Edit, FunnelEdit};
use funnel_model::share::encode_link;
use funnel_model::Lang;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::computed::{ForwardRun, FunnelResults, ValidPlan};
use crate::i18n::common::{texts, FieldKind};
use crate::i18n::embed::words as embed_words;
use crate::i18n::funnel::words as funnel_words;
use crate::i18n::names::NamedStages;
use crate::send::on_text;
use crate::session::Session;
use crate::staged_mount::Deferred;
use crate::ui::exports::{download_chart_png, download_results_csv};
use crate::ui::field::TextField;
use crate::ui::funnel_chart::FunnelChart;
use crate::ui::results::Headline;
use crate::ui::stage_editor::{field_error, Checked, GoalInputs};

/// How the embed code asked the frame to behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedMode {
    /// Inputs editable (rates, target, deal size) or read-only.
    pub interactive: bool,
    /// CSV/PNG buttons shown (the iframe then needs `allow-downloads`).
    pub export: bool,
}

/// The embed on its own: its settings, language and scenario come from the address alone (an
/// embed in a third-party frame never reads or writes storage).
#[component]
pub fn EmbedRoot() -> impl IntoView {
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
    let session = Session::start(lang, false);
    let FunnelResults {
        checked,
        plan,
        current,
        forward,
        ..
    } = FunnelResults::new(session);
    Effect::new(move |_| {
        let lang = session.lang.get();
        browser::show_language(lang);
    });
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("embedded");
    }
    view! {
        <EmbedView session=session mode=mode plan=plan forward=forward current=current checked=checked />
    }
}

/// The compact view for an iframe in a blog post: key numbers and the funnel, optionally the
/// inputs, and a link to the full calculator. It never touches storage, and it tells the parent
/// page its height whenever its content changes.
#[component]
pub fn EmbedView(
    session: Session,
    mode: EmbedMode,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
    current: Memo<bool>,
    checked: Checked,
) -> impl IntoView {
    let lang = session.lang;
    let draft = session.draft;
    let t = move || texts(lang.get());
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            post_height_on_resize(&element);
        }
    });
    let full_link = move || {
        session.draft.track();
        format!(
            "{}#s={}",
            browser::page_url(),
            encode_link(&session.scenario())
        )
    };
    let name = move || session.scenario().name;
    let rates = move || {
        draft.with(|d| {
            (0..d.stages.len().saturating_sub(1))
                .map(|i| {
                    (
                        d.stages[i].id,
                        d.rate_label(i, lang.get()).unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let export_csv = move |_| download_results_csv(session, plan, forward);
    let export_png = move |_| download_chart_png(session);
    view! {
        <div class="embed" node_ref=root>
            <header class="embed-head">
                <h1>{name}</h1>
                <a class="open-full" href=full_link target="_blank" rel="noopener">
                    {move || embed_words(lang.get()).open_full}
                </a>
            </header>
            <crate::ui::notices::Notices session=session />
            <div class="results-block" class:stale=move || !current.get()>
                <p class="stale-notice" role="status" hidden=move || current.get()>
                    {move || funnel_words(lang.get()).stale_notice}
                </p>
                <Deferred><Headline lang=lang plan=plan /></Deferred>
            </div>
            {mode.interactive.then(|| view! {
                <details class="embed-inputs" open>
                    <summary>{move || funnel_words(lang.get()).inputs_heading}</summary>
                    <Deferred><GoalInputs lang=lang draft=draft checked=checked /></Deferred>
                    <For each=rates key=|(id, label)| (*id, label.clone()) let:((id, label))>
                        <TextField
                            id=format!("rate-{id}")
                            class="rate-field"
                            label=Signal::derive(move || label.clone())
                            value=Signal::derive(move || draft.with(|d| d.rate_text(id)))
                            error=Signal::derive(move || {
                                field_error(lang, checked, FunnelField::Rate(id), FieldKind::Rate)
                            })
                            inputmode="decimal"
                            suffix="%"
                            on_input=on_text(draft, move |text| Edit::Funnel(FunnelEdit::Rate { id, text }))
                        />
                    </For>
                </details>
            })}
            <Deferred><FunnelChart lang=lang plan=plan current=current /></Deferred>
            {mode.export.then(|| view! {
                <div class="button-row embed-export">
                    <button type="button" on:click=export_csv>{move || t().export_csv}</button>
                    <button type="button" on:click=export_png>{move || t().export_png}</button>
                </div>
            })}
        </div>
    }
}

/// Posts the embed's height (a bare number) to the parent page each time it changes, at most
/// once per animation frame. The number carries nothing secret, so any parent may read it; the
/// parent snippet in the embed code checks who sent it.
fn post_height_on_resize(element: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(parent) = window.parent() else {
        return;
    };
    let Some(parent) = parent else {
        return;
    };
    let element_for_frame = element.clone();
    let last = std::rc::Rc::new(std::cell::Cell::new(0.0_f64));
    let scheduled = std::rc::Rc::new(std::cell::Cell::new(false));
    let frame = {
        let (last, scheduled) = (last.clone(), scheduled.clone());
        Closure::<dyn FnMut()>::new(move || {
            scheduled.set(false);
            let height = element_for_frame.get_bounding_client_rect().height().ceil();
            if height > 0.0 && (height - last.get()).abs() >= 1.0 {
                last.set(height);
                let _ = parent.post_message(&JsValue::from_f64(height), "*");
            }
        })
    };
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if !scheduled.replace(true) {
            let _ = web_sys::window()
                .map(|w| w.request_animation_frame(frame.as_ref().unchecked_ref()));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    on_resize.forget();
}
