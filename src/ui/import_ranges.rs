//! Using the actuals as the Risk view's doubt about each rate: the decided counts of every step
//! become "converted of total" beliefs there, undoable like the other uses.

use funnel_model::edit::ImportEdit;
use funnel_model::import::risk_fill::risk_from_actuals;
use leptos::prelude::*;

use crate::i18n::plan::pick;
use crate::send::send;
use crate::session::{Session, View};
use crate::ui::import::ImportState;

#[component]
pub fn UseAsRanges(session: Session, state: ImportState) -> impl IntoView {
    let lang = session.lang;
    let tr = move |ja: &'static str, en: &'static str| pick(lang.get(), ja, en);
    let undo = state.risk_undo;
    let apply = move |_| {
        let Some(actuals) = state.actuals.get_untracked() else {
            return;
        };
        let draft = session.draft.get_untracked();
        let (risk, changed) = risk_from_actuals(&draft, &actuals);
        send(session.draft, ImportEdit::Risk(Box::new(risk)));
        undo.set(Some((draft.risk, changed.len())));
    };
    let restore = move |_| {
        if let Some((before, _)) = undo.get_untracked() {
            send(session.draft, ImportEdit::Risk(Box::new(before)));
            undo.set(None);
        }
    };
    view! {
        <div class="results-block">
            <h3>{move || tr("リスクの見積もりに使う", "Use the actuals in the risk view")}</h3>
            <p class="hint">
                {move || tr(
                    "各段階の決着分（進んだ件数／決着した件数）を、リスクと感度の「実績（成功数／母数）」に入れます。進行中の件は失敗に数えません。",
                    "Puts each step's decided counts (moved on of decided) into the Risk view's \"History (won of total)\". Records still open are not counted as failures.",
                )}
            </p>
            <div class="button-row">
                <button type="button" on:click=apply>{move || tr("転換率の幅として使う", "Use as rate ranges")}</button>
            </div>
            {move || undo.get().map(|(_, n)| {
                let lang = lang.get();
                let text = if n == 0 {
                    pick(lang, "リスクの入力はすでに実績と同じです。", "The risk inputs already match the actuals.").to_string()
                } else {
                    match lang {
                        funnel_model::Lang::Ja => format!("{n}段階の転換率に実績の件数を入れました。"),
                        funnel_model::Lang::En => format!("The actual counts now back {n} rate(s) in the risk view."),
                    }
                };
                view! {
                    <p class="note applied" role="status">
                        {text} " "
                        <button type="button" class="link" on:click=move |_| session.set_view(View::Risk)>{pick(lang, "リスクと感度を見る", "See risk & sensitivity")}</button>
                        " "
                        <button type="button" on:click=restore>{pick(lang, "元に戻す", "Undo")}</button>
                    </p>
                }
            })}
        </div>
    }
}
