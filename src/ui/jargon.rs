//! A term shown with its explanation (`i18n/jargon.rs`) on hover and on focus.

use leptos::prelude::*;

/// A term with its explanation on hover and focus (the style sheet shows the title on focus).
pub fn term_view(text: String, explanation: Option<&'static str>) -> AnyView {
    match explanation {
        Some(title) => view! {
            <abbr class="term" tabindex="0" title=title>{text}</abbr>
        }
        .into_any(),
        None => text.into_any(),
    }
}
