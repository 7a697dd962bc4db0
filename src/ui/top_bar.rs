use funnel_model::Lang;
use leptos::prelude::*;

use crate::i18n::common::{language_name, texts};

/// Product name and the language switch (remembered by the root).
#[component]
pub fn TopBar(
    /// The page language; the buttons set it.
    lang: RwSignal<Lang>,
    /// Told when the reader picks a language.
    on_pick: Callback<Lang>,
) -> impl IntoView {
    let t = move || texts(lang.get());
    let choice = move |value: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="lang-choice"
                lang=value.code()
                aria-pressed=move || (lang.get() == value).to_string()
                on:click=move |_| {
                    lang.set(value);
                    on_pick.run(value);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="top-bar">
            <div class="brand">
                <h1>{move || t().app_title}</h1>
                <p class="tagline">{move || t().tagline}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=move || t().language>
                {choice(Lang::Ja, language_name(Lang::Ja))}
                {choice(Lang::En, language_name(Lang::En))}
            </div>
        </header>
    }
}
