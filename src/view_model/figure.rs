//! A figure as people read it (`約3,333万円`, `133`), carrying the exact value for hover and
//! focus when the shown one is rounded; and a headline card: a key, a label and a figure.

use funnel_model::format::{
    format_count, format_count_exact, format_money, format_money_exact, format_whole,
    money_is_rounded, remark_parts,
};
use funnel_model::Lang;

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

    /// Money when there is a figure, a dash when there is none (no lead, no deal to divide by).
    pub fn money_or_dash(value: Option<f64>, lang: Lang) -> Figure {
        value.map_or_else(Figure::dash, |v| Figure::money(v, lang))
    }

    /// Nothing to show.
    pub fn dash() -> Figure {
        Figure::from("—")
    }

    /// Where an unrounded figure may wrap on a phone: between groups (shown with a space), and
    /// inside a group only between its clauses. A compound value ("358,152件（+24,818） · 予算
    /// 約8,523万円", "¥75,000,000 / ¥110,000,000") is grouped so a separator ("·", "/") stays
    /// with what precedes it and a word after a number stays with the number ("12 deals"); a
    /// figure with a remark ("21件（目標 20件・余裕 1件）") breaks before the remark and between
    /// its clauses ([`remark_parts`]). Nothing breaks inside a part.
    pub fn wrap_groups(&self) -> Vec<Vec<String>> {
        let groups = if self.text.contains(" · ") || self.text.contains(" / ") {
            compound_groups(&self.text)
        } else {
            vec![self.text.clone()]
        };
        groups
            .into_iter()
            .map(|group| match remark_parts(&group) {
                Some(parts) => parts.into_iter().map(str::to_string).collect(),
                None => vec![group],
            })
            .collect()
    }
}

fn compound_groups(text: &str) -> Vec<String> {
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
}

impl From<String> for Figure {
    fn from(text: String) -> Figure {
        Figure { text, exact: None }
    }
}

impl From<&str> for Figure {
    fn from(text: &str) -> Figure {
        Figure::from(text.to_string())
    }
}

/// A signed difference of two counts: `+1,200`, `−80`, `±0`.
pub fn signed_count(d: i128) -> String {
    match d {
        0 => "±0".to_string(),
        d if d > 0 => format!("+{}", format_count(u64::try_from(d).unwrap_or(u64::MAX))),
        d => format!(
            "−{}",
            format_count(u64::try_from(d.unsigned_abs()).unwrap_or(u64::MAX))
        ),
    }
}

/// A signed difference of two amounts, by the money rule: `+2,000万円`, `−約333万円`, `±0`
/// below half a yen.
pub fn signed_money(d: f64, lang: Lang) -> Figure {
    let sign = if d.abs() < 0.5 {
        return Figure::from("±0");
    } else if d > 0.0 {
        "+"
    } else {
        "−"
    };
    let magnitude = Figure::money(d.abs(), lang);
    Figure {
        text: format!("{sign}{}", magnitude.text),
        exact: magnitude.exact.map(|e| format!("{sign}{e}")),
    }
}

/// A card's label, with the one-line explanation of the jargon it names (hover and focus).
#[derive(Clone, Debug, PartialEq)]
pub struct CardLabel {
    pub text: String,
    pub explanation: Option<&'static str>,
}

impl CardLabel {
    pub fn term(text: impl Into<String>, explanation: Option<&'static str>) -> CardLabel {
        CardLabel {
            text: text.into(),
            explanation,
        }
    }
}

impl From<String> for CardLabel {
    fn from(text: String) -> CardLabel {
        CardLabel {
            text,
            explanation: None,
        }
    }
}

impl From<&str> for CardLabel {
    fn from(text: &str) -> CardLabel {
        CardLabel::from(text.to_string())
    }
}

/// One headline card: the key names its class `card-<key>` and, with the view's prefix, its
/// test id `<prefix>-<key>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub key: &'static str,
    pub label: CardLabel,
    pub figure: Figure,
}

impl Card {
    pub fn new(key: &'static str, label: impl Into<CardLabel>, figure: impl Into<Figure>) -> Card {
        Card {
            key,
            label: label.into(),
            figure: figure.into(),
        }
    }
}

/// The shown texts of `cards`, by key (for tests).
#[cfg(test)]
pub fn texts(cards: &[Card]) -> Vec<(&'static str, &str)> {
    cards
        .iter()
        .map(|c| (c.key, c.figure.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_rounded_amount_carries_its_exact_yen() {
        // ¥33,333,333 is shown in 万 units, rounded; its exact yen is kept for hover.
        let f = Figure::money(33_333_333.0, Lang::Ja);
        assert_eq!(f.text, "約3,333万円");
        assert_eq!(f.exact.as_deref(), Some("33,333,333円"));
        let whole = Figure::money(120_000_000.0, Lang::Ja);
        assert_eq!(whole.text, "1.2億円");
        assert_eq!(whole.exact, None);
    }

    #[test]
    fn a_fractional_count_is_shown_whole_with_its_exact_value_behind() {
        assert_eq!(Figure::count(20.0), Figure::from("20"));
        let f = Figure::count(6.67);
        assert_eq!(f.text, "7");
        assert!(f.exact.is_some());
    }

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(signed_count(0), "±0");
        assert_eq!(signed_count(1_200), "+1,200");
        assert_eq!(signed_count(-80), "−80");
        assert_eq!(signed_money(0.4, Lang::Ja).text, "±0");
        assert_eq!(signed_money(20_000_000.0, Lang::Ja).text, "+2,000万円");
        assert_eq!(signed_money(-20_000_000.0, Lang::En).text, "−¥20,000,000");
    }

    #[test]
    fn a_figure_wraps_only_between_its_groups_and_clauses() {
        let groups = |text: &str| Figure::from(text).wrap_groups();
        assert_eq!(groups("1,200件"), vec![vec!["1,200件"]]);
        // a separator stays with what precedes it, a word with its number
        assert_eq!(
            groups("358,152 deals · budget 12 deals"),
            vec![vec!["358,152 deals ·"], vec!["budget"], vec!["12 deals"]]
        );
        assert_eq!(
            groups("¥75,000,000 / ¥110,000,000"),
            vec![vec!["¥75,000,000 /"], vec!["¥110,000,000"]]
        );
        // a remark breaks before itself and between its clauses
        assert_eq!(
            groups("21件（目標 20件・余裕 1件）"),
            vec![vec!["21件", "（目標 20件・", "余裕 1件）"]]
        );
    }

    proptest! {
        #[test]
        fn a_figure_s_parts_put_back_together_are_the_figure(text in "[0-9a-z ·/（）・]{0,24}") {
            let joined = Figure::from(text.as_str())
                .wrap_groups()
                .iter()
                .map(|g| g.concat())
                .collect::<Vec<_>>()
                .join(" ");
            let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            prop_assert_eq!(words(&joined), words(&text));
        }

        #[test]
        fn a_difference_of_counts_reads_back_as_that_difference(d in -10_000_000i128..10_000_000) {
            let s = signed_count(d);
            let digits: String = s.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits.parse::<i128>().unwrap(), d.abs());
            prop_assert_eq!(s.starts_with('−'), d < 0);
        }
    }
}
