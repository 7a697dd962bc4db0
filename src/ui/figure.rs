//! A figure as people read it (`約3,333万円`, `133`), carrying the exact value for hover and
//! focus when the shown one is rounded.

use funnel_model::format::{
    format_count_exact, format_money, format_money_exact, format_whole, money_is_rounded,
};
use funnel_model::Lang;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub text: String,
    /// The exact value, when `text` is rounded.
    pub exact: Option<String>,
}

impl Figure {
    /// Money by the app-wide rule, the exact yen behind a rounded one.
    pub fn money(units: f64, lang: Lang) -> Figure {
        Figure {
            text: format_money(units, lang),
            exact: money_is_rounded(units, lang).then(|| format_money_exact(units, lang)),
        }
    }

    /// A count shown whole, the exact value behind a fractional one.
    pub fn count(value: f64) -> Figure {
        let rounded = value.is_finite() && (value * 100.0).round() % 100.0 != 0.0;
        Figure {
            text: format_whole(value),
            exact: rounded.then(|| format_count_exact(value)),
        }
    }

    /// A rounded figure is focusable so keyboard users reach its exact value too (the style
    /// sheet shows the title on focus as on hover).
    pub fn view(self) -> AnyView {
        match self.exact {
            Some(exact) => view! {
                <span class="figure approx" tabindex="0" title=exact>{self.text}</span>
            }
            .into_any(),
            None => view! { <span class="figure">{self.text}</span> }.into_any(),
        }
    }
}

impl From<String> for Figure {
    fn from(text: String) -> Figure {
        Figure { text, exact: None }
    }
}
