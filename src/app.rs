//! The root: the session (scenarios, the open draft, the language), the memos derived from the
//! draft, and the effects that push state out to the document and to storage.

use std::time::Duration;

use funnel_model::Lang;
use leptos::prelude::*;

use crate::browser;
use crate::computed::FunnelResults;
use crate::i18n::common::texts;
use crate::i18n::funnel::words as funnel_words;
use crate::session::{Session, View};
use crate::staged_mount::Deferred;
use crate::storage;
use crate::ui::channels::ChannelsView;
use crate::ui::compare::CompareView;
use crate::ui::forward_panel::ForwardPanel;
use crate::ui::funnel_chart::FunnelChart;
use crate::ui::import::{ImportState, ImportView};
use crate::ui::kpi::KpiView;
use crate::ui::kpi_extras::DefinitionsView;
use crate::ui::months::MonthsView;
use crate::ui::notices::Notices;
use crate::ui::results::{CompactSummary, Results};
use crate::ui::risk::{ReachHeadline, RiskView};
use crate::ui::stage_editor::{GoalInputs, StageEditor};
use crate::ui::toolbar::{tab_id, Tabs, Toolbar, PANEL_ID};
use crate::ui::top_bar::TopBar;

const LANG_KEY: &str = "funnel-calculator.lang";
/// Autosave waits this long after the last keystroke.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Reads the visitor's session: their language, their scenarios and the address.
pub fn start_session() -> Session {
    // Each tab keeps its own language (a reload keeps it; switching it in one tab leaves the
    // others as they are); a new tab opens in the one chosen last.
    let lang = storage::read_for_tab(LANG_KEY)
        .or_else(|| storage::read(LANG_KEY))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    Session::start(lang)
}

/// The whole calculator over `session`.
pub fn app(session: Session) -> AnyView {
    let (lang, draft) = (session.lang, session.draft);

    let FunnelResults {
        checked,
        plan,
        current,
        entry,
        forward,
    } = FunnelResults::new(session);

    Effect::new(move |_| {
        let lang = lang.get();
        browser::show_language(lang);
        storage::write_for_tab(LANG_KEY, lang.code());
        let _ = storage::write(LANG_KEY, lang.code());
    });

    // Autosave: every change to the open draft is written shortly after typing pauses, and at
    // once when the page is hidden or closed. Which fields changed, and when, is noted at once:
    // another tab saving in between merges by it.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        draft.track();
        session.note_edits();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || session.flush(), SAVE_DELAY).ok();
        pending.set_value(handle);
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| session.page_hidden());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| session.follow_fragment());
    // Other tabs of the app save, create, rename and delete scenarios: follow them.
    let _ = window_event_listener(leptos::ev::storage, move |ev| session.on_storage(ev.key()));

    // Kept at the root so an import survives a look at another view.
    let import = ImportState::new();

    let t = move || texts(lang.get());
    // The skip link moves focus to the open view's first field; the URL fragment holds the view
    // and the scenario, so it is not a plain `#anchor` jump.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let first = document()
            .query_selector(&format!(
                "#{PANEL_ID} input:not([type=hidden]):not([disabled]), #{PANEL_ID} select, #{PANEL_ID} textarea"
            ))
            .ok()
            .flatten();
        if let Some(el) = first
            .and_then(|e| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    };
    view! {
        <a class="skip-link" href="#view-panel" on:click=skip>
            {move || texts(lang.get()).skip_to_inputs}
        </a>
        <Deferred><TopBar lang=lang on_pick=Callback::new(move |l| session.follow_language(l)) /></Deferred>
        <Deferred><Toolbar session=session plan=plan forward=forward /></Deferred>
        <Deferred><Notices session=session /></Deferred>
        <Deferred><Tabs session=session /></Deferred>
        <div role="tabpanel" id=PANEL_ID aria-labelledby=move || tab_id(session.view.get())>
        {move || match session.view.get() {
            View::Funnel => view! {
                <main class="layout" id="view-funnel">
                    <section class="panel inputs" aria-labelledby="inputs-heading">
                        <h2 id="inputs-heading">{move || funnel_words(lang.get()).inputs_heading}</h2>
                        <Deferred><GoalInputs lang=lang draft=draft checked=checked /></Deferred>
                        <Deferred><StageEditor lang=lang draft=draft checked=checked /></Deferred>
                        <Deferred><CompactSummary lang=lang plan=plan current=current /></Deferred>
                    </section>
                    <section class="panel results" aria-labelledby="results-heading">
                        <Deferred>
                            <Results lang=lang plan=plan forward=forward current=current draft=draft>
                                <ReachHeadline session=session plan=plan current=current />
                            </Results>
                        </Deferred>
                        <Deferred><FunnelChart lang=lang plan=plan current=current id="funnel-canvas" /></Deferred>
                        <Deferred>
                            <ForwardPanel lang=lang draft=draft plan=plan entry=entry forward=forward current=current />
                        </Deferred>
                    </section>
                </main>
            }
            .into_any(),
            View::Months => view! { <Deferred><MonthsView session=session plan=plan current=current /></Deferred> }.into_any(),
            View::Channels => view! { <Deferred><ChannelsView session=session plan=plan current=current /></Deferred> }.into_any(),
            View::Kpi => view! { <Deferred><KpiView session=session /></Deferred> }.into_any(),
            View::Definitions => view! { <Deferred><DefinitionsView session=session /></Deferred> }.into_any(),
            View::Compare => view! { <Deferred><CompareView session=session /></Deferred> }.into_any(),
            View::Risk => view! { <Deferred><RiskView session=session plan=plan current=current /></Deferred> }.into_any(),
            View::Import => view! { <Deferred><ImportView session=session state=import /></Deferred> }.into_any(),
        }}
        </div>
        <footer class="footer">{move || t().footer}</footer>
    }
    .into_any()
}
