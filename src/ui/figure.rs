//! How a figure is laid out: a rounded one focusable with its exact value as its title, a
//! compound one wrapping only between its parts.

use funnel_model::format::remark_parts;
use leptos::prelude::*;

use crate::view_model::figure::Figure;

impl Figure {
    /// A rounded figure is focusable so keyboard users reach its exact value too (the style
    /// sheet shows the title on focus as on hover).
    pub fn view(self) -> AnyView {
        match self.exact {
            Some(exact) => view! {
                <span class="figure approx" tabindex="0" title=exact>{self.text}</span>
            }
            .into_any(),
            // A compound value ("358,152件（+24,818） · 予算約8,523万円", "¥75,000,000 /
            // ¥110,000,000") may wrap between its parts on a phone, never inside one.
            None if self.text.contains(" · ") || self.text.contains(" / ") => {
                compound_view(&self.text)
            }
            // A figure with a remark ("21件（目標 20件・余裕 1件）", "21 (target 20, surplus 1)")
            // may wrap before the remark and between its clauses, never inside one.
            None => nowrap_part(self.text),
        }
    }
}

/// A compound value as groups that each stay on one line: a separator ("·", "/") stays with
/// what precedes it, and a word after a number stays with the number ("12 deals").
fn compound_view(text: &str) -> AnyView {
    let mut groups: Vec<String> = Vec::new();
    for token in text.split(' ').filter(|t| !t.is_empty()) {
        let joins = groups.last().is_some_and(|last| {
            matches!(token, "·" | "/")
                || (last.ends_with(|c: char| c.is_ascii_digit())
                    && token.starts_with(|c: char| c.is_alphabetic()))
        });
        match groups.last_mut() {
            Some(last) if joins => {
                last.push(' ');
                last.push_str(token);
            }
            _ => groups.push(token.to_string()),
        }
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| view! { {(i > 0).then_some(" ")}{nowrap_part(group)} })
        .collect_view()
        .into_any()
}

/// One part of a compound value (or a whole figure), kept on one line; a bracketed remark after
/// the figure may move to the next line, clause by clause ([`remark_parts`]).
fn nowrap_part(part: String) -> AnyView {
    match remark_parts(&part) {
        Some(parts) => remark_view(parts),
        None => view! { <span class="figure">{part}</span> }.into_any(),
    }
}

fn remark_view(parts: Vec<&str>) -> AnyView {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_string();
            view! { {(i > 0).then(|| view! { <wbr /> })}<span class="figure">{part}</span> }
        })
        .collect_view()
        .into_any()
}
