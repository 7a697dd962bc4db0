use funnel_model::scenario::scenario_to_json;
use funnel_model::share::{encode_link, MAX_LINK_CHARS};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::browser;
use crate::computed::{ForwardRun, ValidPlan};
use crate::embed_code::{embed_code, embed_page};
use crate::i18n::common::{texts, Texts};
use crate::i18n::embed::words as embed_words;
use crate::session::{Notice, Session, View};
use crate::staged_mount::AfterFirstMount;
use crate::ui::exports::{download_chart_png, download_results_csv};

/// The scenario bar: pick, name, create, duplicate, delete; share by link; export and import.
#[component]
pub fn Toolbar(
    session: Session,
    /// The open scenario's last valid plan (for the CSV).
    plan: Memo<ValidPlan>,
    /// Its forward run (for the CSV's expected column).
    forward: Memo<Option<ForwardRun>>,
) -> impl IntoView {
    let lang = session.lang;
    let t = move || texts(lang.get());
    // A memo, so another tab's save of some other field does not reset a name being typed here.
    let name = Memo::new(move |_| {
        session
            .shared
            .get()
            .unwrap_or_else(|| session.library.with(|l| l.current().scenario.name.clone()))
    });
    // On a phone the scenario controls fold behind one button, so the target field and the
    // answer are on the first screen; from 600 px they are always shown and the button hidden.
    let menu_open = RwSignal::new(false);
    view! {
        <section class="toolbar" class:open=move || menu_open.get() aria-label=move || t().scenario_label>
            <button
                type="button"
                class="menu-toggle"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="scenario-controls"
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true">"☰"</span>
                <span class="menu-label">{move || format!("{}: {}", t().scenario_label, name.get())}</span>
            </button>
            // Shown also while the controls are folded on a phone: a shared scenario on screen
            // must say so.
            <SharedBanner session=session />
            <DeletedBanner session=session />
            <div class="scenario-controls" id="scenario-controls">
            <ScenarioBar session=session name=name />
            <details class="share">
                <summary>{move || t().share_heading}</summary>
                <AfterFirstMount>
                    <ShareAndExport session=session plan=plan forward=forward />
                </AfterFirstMount>
            </details>
            </div>
        </section>
    }
}

/// Picking, naming, creating, duplicating and deleting scenarios, and whether they are saved.
#[component]
fn ScenarioBar(
    session: Session,
    /// The open scenario's name, as the toolbar shows it.
    name: Memo<String>,
) -> impl IntoView {
    let lang = session.lang;
    let t = move || texts(lang.get());
    let viewing_shared = move || session.shared.with(Option::is_some);
    // Renaming, copying or deleting waits until a scenario deleted in another tab is kept or closed.
    let detached = move || viewing_shared() || session.deleted_elsewhere.get();
    let options = move || {
        let shared = session.shared.get().map(|name| {
            view! { <option selected disabled>{(t().shared_option)(&name)}</option> }
        });
        let own = session.library.with(|l| {
            let viewing_shared = session.shared.with(Option::is_some);
            l.entries
                .iter()
                .map(|s| {
                    let selected = s.id == l.current && !viewing_shared;
                    view! {
                        // The property, not only the attribute: once the user has picked an
                        // option, the attribute no longer moves the selection when another tab
                        // adds or removes options above it.
                        <option value=s.id.to_string() selected=selected prop:selected=selected>
                            {s.scenario.name.clone()}
                        </option>
                    }
                })
                .collect_view()
        });
        (shared, own)
    };
    view! {
        <div class="scenario-bar">
            <div class="field compact">
                <label for="scenario-picker">{move || t().scenario_label}</label>
                <select
                    id="scenario-picker"
                    on:change=move |ev| {
                        if let Ok(id) = event_target_value(&ev).parse() {
                            session.switch(id);
                        }
                    }
                >
                    {options}
                </select>
            </div>
            <div class="field compact">
                <label for="scenario-name">{move || t().scenario_name_label}</label>
                <input
                    id="scenario-name"
                    type="text"
                    maxlength="80"
                    autocomplete="off"
                    prop:value=name
                    disabled=detached
                    on:change=move |ev| session.rename(&event_target_value(&ev))
                />
            </div>
            <div class="button-row">
                <button type="button" disabled=detached on:click=move |_| session.create()>
                    {move || t().new_scenario}
                </button>
                <button type="button" disabled=detached on:click=move |_| session.duplicate()>
                    {move || t().duplicate}
                </button>
                <button
                    type="button"
                    class="danger"
                    disabled=move || session.library.with(|l| l.entries.len() < 2) || detached()
                    on:click=move |_| session.delete()
                >
                    {move || t().delete}
                </button>
            </div>
            <span class="save-status" role="status">
                {move || {
                    if !session.storage_ok.get() {
                        t().saving_off_status
                    } else if session.save_failed.get() {
                        t().save_failed_status
                    } else if detached() {
                        ""
                    } else if session.updated_elsewhere.get() {
                        t().updated_elsewhere_status
                    } else {
                        t().saved_status
                    }
                }}
            </span>
        </div>
    }
}

/// Shown while a scenario opened from a link is on screen and not saved.
#[component]
fn SharedBanner(session: Session) -> impl IntoView {
    let t = move || texts(session.lang.get());
    move || {
        session.shared.get().map(|name| {
            view! {
                <div class="shared-banner" role="status">
                    <p>{(t().shared_banner)(&name)}</p>
                    <button type="button" class="primary" on:click=move |_| session.save_shared_copy()>
                        {move || t().save_copy}
                    </button>
                    <button type="button" on:click=move |_| session.close_shared()>
                        {move || t().close_shared}
                    </button>
                </div>
            }
        })
    }
}

/// Shown while the open scenario has been deleted in another tab: keep this tab's copy, or close.
#[component]
fn DeletedBanner(session: Session) -> impl IntoView {
    let t = move || texts(session.lang.get());
    move || {
        session.deleted_elsewhere.get().then(|| {
            let name = session.library.with(|l| l.current().scenario.name.clone());
            view! {
                <div class="shared-banner deleted-banner" role="alert">
                    <p>{move || (t().deleted_elsewhere)(&name)}</p>
                    <button type="button" class="primary" on:click=move |_| session.keep_deleted_copy()>
                        {move || t().save_copy}
                    </button>
                    <button type="button" on:click=move |_| session.close_deleted()>
                        {move || t().close_deleted}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn ShareAndExport(
    session: Session,
    plan: Memo<ValidPlan>,
    forward: Memo<Option<ForwardRun>>,
) -> impl IntoView {
    let lang = session.lang;
    let t = move || texts(lang.get());
    let link = Memo::new(move |_| {
        session.draft.track();
        session.shared.track();
        session.library.track();
        format!(
            "{}#s={}",
            browser::page_url(),
            encode_link(&session.scenario())
        )
    });
    // A link the decoder would refuse is not offered; the JSON export carries any size.
    let too_long = move || link.with(|l| l.len() > MAX_LINK_CHARS + browser::page_url().len() + 3);
    let file_input = NodeRef::<Input>::new();
    // The button itself says the link was copied (for two seconds), where the eye already is,
    // also on a phone where the notice above may be off screen.
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let url = link.get_untracked();
        let chars = url.chars().count();
        browser::copy_text(&url, move |ok| {
            if ok {
                copied.set(true);
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
            }
            session.notify(if ok {
                Notice::LinkCopied(chars)
            } else {
                Notice::CopyFailed
            });
        });
    };
    let export_json = move |_| {
        let scenario = session.scenario();
        browser::download_text(
            &browser::file_name(&scenario.name, "json"),
            "application/json",
            &scenario_to_json(&scenario),
        );
    };
    let export_csv = move |_| download_results_csv(session, plan, forward);
    let export_png = move |_| download_chart_png(session);
    let import = move |_| {
        if let Some(input) = file_input.get_untracked() {
            let chosen = input.clone();
            browser::read_chosen_file(&input, move |text| {
                match text {
                    Some(text) => session.import(&text),
                    None => session.notify(Notice::ImportError(
                        funnel_model::scenario::FormatError::NotDecodable,
                    )),
                }
                chosen.set_value("");
            });
        }
    };
    view! {
        <div class="share-body">
            <div class="field">
                <label for="share-link">{move || t().link_label}</label>
                <div class="input-wrap">
                    <input id="share-link" type="text" readonly prop:value=move || link.get() />
                    <button type="button" class="primary copy-link" class:copied=move || copied.get() disabled=too_long on:click=copy>
                        {move || {
                            if copied.get() {
                                t().copied
                            } else {
                                t().copy_link
                            }
                        }}
                    </button>
                </div>
                <p class="message" hidden=move || !too_long()>{move || t().link_too_long}</p>
            </div>
            <div class="button-row">
                <button type="button" on:click=export_json>{move || t().export_json}</button>
                <label class="button" for="import-file">{move || t().import_json}</label>
                <input
                    id="import-file"
                    class="sr-only"
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input
                    on:change=import
                />
                <button type="button" on:click=export_csv>{move || t().export_csv}</button>
                <button
                    type="button"
                    hidden=move || session.view.get() != View::Funnel
                    on:click=export_png
                >
                    {move || t().export_png}
                </button>
            </div>
            <EmbedCode session=session link=link />
        </div>
    }
}

/// The view tabs, in order: the one list the tab row, its keyboard navigation and `#view=`
/// follow. A view is added with one line here (and its arm in the root's view switch).
/// A tab's label in the open language.
type TabLabel = fn(&Texts) -> &'static str;

const TABS: &[(View, TabLabel)] = &[
    (View::Funnel, |t| t.tab_funnel),
    (View::Months, |t| t.tab_months),
    (View::Channels, |t| t.tab_channels),
    (View::Risk, |t| t.tab_risk),
    (View::Kpi, |t| t.tab_kpi),
    (View::Definitions, |t| t.tab_definitions),
    (View::Compare, |t| t.tab_compare),
    (View::Import, |t| t.tab_import),
];

/// Every view that has a tab, for reading `#view=`.
pub fn tab_views() -> impl Iterator<Item = View> {
    TABS.iter().map(|(view, _)| *view)
}

/// The id of a view's tab, which its panel is labelled by.
pub fn tab_id(view: View) -> String {
    format!(
        "tab-{}",
        if view.key().is_empty() {
            "funnel"
        } else {
            view.key()
        }
    )
}

/// The id of the panel every tab controls (one panel, its content switched by the tab).
pub const PANEL_ID: &str = "view-panel";

/// The view tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys move and select, Home and
/// End go to the first and last; each view is also addressable as `#view=…`. On a phone the
/// row scrolls sideways instead of wrapping, and the selected tab is scrolled into sight.
#[component]
pub fn Tabs(session: Session) -> impl IntoView {
    let t = move || texts(session.lang.get());
    let select = move |view: View, focus: bool| {
        session.set_view(view);
        if let Some(el) = document().get_element_by_id(&tab_id(view)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                if focus {
                    let _ = el.focus();
                }
                if let Some(row) = el.parent_element() {
                    let left = f64::from(el.offset_left()) - 16.0;
                    let right = f64::from(el.offset_left() + el.offset_width()) + 16.0;
                    let (scroll, width) =
                        (f64::from(row.scroll_left()), f64::from(row.client_width()));
                    if left < scroll {
                        row.set_scroll_left(left as i32);
                    } else if right > scroll + width {
                        row.set_scroll_left((right - width) as i32);
                    }
                }
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = TABS
            .iter()
            .position(|(v, _)| *v == session.view.get_untracked())
            .unwrap_or(0);
        let last = TABS.len() - 1;
        let to = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % TABS.len(),
            "ArrowLeft" => (at + last) % TABS.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        select(TABS[to].0, true);
    };
    let tabs = TABS
        .iter()
        .map(|&(view, label)| {
            let selected = move || session.view.get() == view;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    id=tab_id(view)
                    aria-controls=PANEL_ID
                    aria-selected=move || selected().to_string()
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| select(view, false)
                >
                    {move || label(t())}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="tabs" role="tablist" aria-label=move || t().views_label on:keydown=on_key>
            {tabs}
        </nav>
    }
}

/// The iframe tag and the small parent script that lets the frame's height follow its content.
#[component]
fn EmbedCode(session: Session, link: Memo<String>) -> impl IntoView {
    let interactive = RwSignal::new(false);
    let export = RwSignal::new(false);
    let code = Memo::new(move |_| {
        let payload = link.with(|l| {
            l.split_once("#s=")
                .map_or(String::new(), |(_, p)| p.to_string())
        });
        let url = format!(
            "{}#embed={}&lang={}{}&s={payload}",
            embed_page(&browser::page_url()),
            if interactive.get() { "rw" } else { "ro" },
            session.lang.get().code(),
            if export.get() { "&export=1" } else { "" },
        );
        let title = (embed_words(session.lang.get()).embed_title)(&session.scenario().name);
        embed_code(&url, &title, export.get())
    });
    let copy = move |_| {
        browser::copy_text(&code.get_untracked(), move |ok| {
            session.notify(if ok {
                Notice::EmbedCopied
            } else {
                Notice::CopyFailed
            });
        });
    };
    view! {
        <fieldset class="embed-code">
            <legend>{move || embed_words(session.lang.get()).embed_heading}</legend>
            <div class="button-row">
                <div class="field compact">
                    <label for="embed-mode">{move || embed_words(session.lang.get()).embed_mode_label}</label>
                    <select id="embed-mode" on:change=move |ev| interactive.set(event_target_value(&ev) == "rw")>
                        <option value="ro">{move || embed_words(session.lang.get()).embed_ro}</option>
                        <option value="rw">{move || embed_words(session.lang.get()).embed_rw}</option>
                    </select>
                </div>
                <label class="checkbox">
                    <input type="checkbox" on:change=move |ev| export.set(event_target_checked(&ev)) />
                    {move || embed_words(session.lang.get()).embed_export}
                </label>
            </div>
            <div class="field">
                <label for="embed-code">{move || embed_words(session.lang.get()).embed_code_label}</label>
                <textarea id="embed-code" readonly rows="4" prop:value=move || code.get()></textarea>
            </div>
            <button type="button" class="primary" on:click=copy>{move || embed_words(session.lang.get()).copy_embed}</button>
        </fieldset>
    }
}
