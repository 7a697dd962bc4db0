use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::common::{format_error, texts};
use crate::i18n::embed::words as embed_words;
use crate::session::{Notice, Session};

/// Messages about saving, links and files, each with a way to dismiss it (and undo a delete).
#[component]
pub fn Notices(session: Session) -> impl IntoView {
    let lang = session.lang;
    let t = move || texts(lang.get());
    let items = move || {
        let lang = lang.get();
        session
            .notices
            .get()
            .into_iter()
            .map(|(id, notice)| {
                let (class, text) = describe(&notice, lang);
                let undo = match notice {
                    Notice::Deleted(deleted) => Some(view! {
                        <button type="button" on:click=move |_| session.undo_delete(id, (*deleted).clone())>
                            {move || t().undo}
                        </button>
                    }),
                    _ => None,
                };
                view! {
                    <li class=format!("notice {class}")>
                        <span>{text}</span>
                        {undo}
                        <button type="button" class="dismiss" aria-label=move || t().dismiss on:click=move |_| session.dismiss(id)>
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="notices" aria-live="polite">
            <p class="notice warning storage-off" hidden=move || session.storage_ok.get()>
                {move || t().storage_off}
            </p>
            <ul>{items}</ul>
        </div>
    }
}

fn describe(notice: &Notice, lang: Lang) -> (&'static str, String) {
    let t = texts(lang);
    match notice {
        Notice::StorageFull => ("error", t.storage_full.to_string()),
        Notice::Unreadable(u) => (
            "error",
            match &u.moved_to {
                Some(key) => (t.unreadable)(&u.label, key),
                None => (t.unreadable_kept)(&u.label),
            },
        ),
        Notice::LinkError(e) => ("error", (t.link_error)(&format_error(lang, *e))),
        Notice::ImportError(e) => ("error", (t.import_error)(&format_error(lang, *e))),
        Notice::Imported(name) => ("info", (t.imported)(name)),
        Notice::Deleted(d) => ("info", (t.deleted)(&d.saved.scenario.name)),
        Notice::LinkCopied(n) => ("success", (t.link_copied)(*n)),
        Notice::EmbedCopied => ("success", embed_words(lang).embed_copied.to_string()),
        Notice::CopyFailed => ("error", t.copy_failed.to_string()),
        Notice::BothEdited(n) => ("warning", (t.both_edited)(*n)),
        Notice::KeptBoth(name) => ("warning", (t.kept_both)(name)),
    }
}
