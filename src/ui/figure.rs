//! How a figure is laid out: a rounded one focusable with its exact value as its title, any
//! other in the parts [`Figure::wrap_groups`] allows a line break between.

use leptos::prelude::*;

use crate::view_model::figure::Figure;

impl Figure {
    /// A rounded figure is focusable so keyboard users reach its exact value too (the style
    /// sheet shows the title on focus as on hover).
    pub fn view(self) -> AnyView {
        if let Some(exact) = self.exact {
            return view! {
                <span class="figure approx" tabindex="0" title=exact>{self.text}</span>
            }
            .into_any();
        }
        self.wrap_groups()
            .into_iter()
            .enumerate()
            .map(|(i, parts)| view! { {(i > 0).then_some(" ")}{parts_view(parts)} })
            .collect_view()
            .into_any()
    }
}

/// A group's parts, each on one line, with a line-break opportunity between them.
fn parts_view(parts: Vec<String>) -> impl IntoView {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then(|| view! { <wbr /> })}<span class="figure">{part}</span> })
        .collect_view()
}
