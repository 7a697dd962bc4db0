//! The root: the one piece of state (the draft as typed, and the language), the memos derived
//! from it, and the effects that push state out to the document and to storage.

use funnel_model::draft::{Draft, DraftProblem};
use funnel_model::{ForwardResult, Funnel, Lang, ReversePlan};
use leptos::prelude::*;

use crate::i18n::texts;
use crate::storage;
use crate::ui::forward_panel::ForwardPanel;
use crate::ui::funnel_chart::FunnelChart;
use crate::ui::results::Results;
use crate::ui::stage_editor::{GoalInputs, StageEditor};
use crate::ui::top_bar::TopBar;

const LANG_KEY: &str = "funnel-calculator.lang";

/// The last plan computed from valid inputs, with the funnel it came from.
pub type ValidPlan = Option<(Funnel, ReversePlan)>;

/// Forward mode on the current plan: what the entry count yields, stage by stage.
#[derive(Clone, PartialEq)]
pub struct ForwardRun {
    pub result: ForwardResult,
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(
        storage::read(LANG_KEY)
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default(),
    );
    let draft = RwSignal::new(Draft::default());

    let checked: Memo<Result<(Funnel, ReversePlan), DraftProblem>> = Memo::new(move |_| {
        draft.with(|d| {
            let funnel = d.funnel()?;
            let plan = funnel.reverse().map_err(DraftProblem::Plan)?;
            Ok((funnel, plan))
        })
    });
    // Bad input keeps the last good answer on screen (marked as not current) instead of blanking it.
    let plan: Memo<ValidPlan> =
        Memo::new(move |previous: Option<&ValidPlan>| match checked.get() {
            Ok(valid) => Some(valid),
            Err(_) => previous.cloned().flatten(),
        });
    let current = Memo::new(move |_| checked.with(Result::is_ok));
    let forward = Memo::new(move |_| {
        let entry = draft.with(|d| d.entry()).ok()?;
        plan.with(|p| {
            p.as_ref().map(|(funnel, _)| ForwardRun {
                result: funnel.forward(entry),
            })
        })
    });

    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(texts(lang).app_title);
        storage::write(LANG_KEY, lang.code());
    });

    let t = move || texts(lang.get());
    view! {
        <TopBar lang=lang />
        <main class="layout">
            <section class="panel inputs" aria-labelledby="inputs-heading">
                <h2 id="inputs-heading">{move || t().inputs_heading}</h2>
                <GoalInputs lang=lang draft=draft />
                <StageEditor lang=lang draft=draft checked=checked />
            </section>
            <section class="panel results" aria-labelledby="results-heading">
                <Results lang=lang plan=plan forward=forward current=current />
                <FunnelChart lang=lang plan=plan current=current />
                <ForwardPanel lang=lang draft=draft plan=plan forward=forward current=current />
            </section>
        </main>
        <footer class="footer">{move || t().footer}</footer>
    }
}
