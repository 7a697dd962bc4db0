//! The value each choice carries in a `<select>`, kept beside its enum so a view never maps
//! option strings to variants by hand. The keys are the page's, not the stored format's (the
//! JSON names some variants differently and must not change).

/// An enum chosen from a fixed list: every value with the key its `<option>` carries.
pub trait OptionKey: Copy + PartialEq + 'static {
    /// Every value in the order the list shows them, each with its key.
    const OPTIONS: &'static [(Self, &'static str)];

    fn key(self) -> &'static str {
        Self::OPTIONS
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, k)| k)
    }

    /// The value an option's key stands for; `None` for a key no option carries.
    fn from_key(key: &str) -> Option<Self> {
        Self::OPTIONS
            .iter()
            .find(|(_, k)| *k == key)
            .map(|(v, _)| *v)
    }
}

use crate::draft::SeekChoice;
use crate::kpi::{Department, Direction, Formula, Unit};
use crate::plan::draft::{LeadTimeMode, SpendMode, VolumeMode};
use crate::plan::period::Period;
use crate::risk::DoubtMode;

impl OptionKey for Period {
    const OPTIONS: &'static [(Period, &'static str)] = &[
        (Period::Month, "month"),
        (Period::Quarter, "quarter"),
        (Period::Year, "year"),
    ];
}

impl OptionKey for LeadTimeMode {
    const OPTIONS: &'static [(LeadTimeMode, &'static str)] = &[
        (LeadTimeMode::AverageDays, "average"),
        (LeadTimeMode::StageDwell, "dwell"),
        (LeadTimeMode::Distribution, "distribution"),
    ];
}

impl OptionKey for VolumeMode {
    const OPTIONS: &'static [(VolumeMode, &'static str)] =
        &[(VolumeMode::Share, "share"), (VolumeMode::Fixed, "fixed")];
}

impl OptionKey for SpendMode {
    const OPTIONS: &'static [(SpendMode, &'static str)] = &[
        (SpendMode::CostPerLead, "cpl"),
        (SpendMode::Budget, "budget"),
    ];
}

impl OptionKey for DoubtMode {
    const OPTIONS: &'static [(DoubtMode, &'static str)] = &[
        (DoubtMode::Fixed, "fixed"),
        (DoubtMode::Range, "range"),
        (DoubtMode::Counts, "counts"),
    ];
}

impl OptionKey for Formula {
    const OPTIONS: &'static [(Formula, &'static str)] = &[
        (Formula::Product, "product"),
        (Formula::Sum, "sum"),
        (Formula::Ratio, "ratio"),
        (Formula::Entered, "entered"),
    ];
}

/// A KPI's owner; "none" is a choice of its own (no department yet).
impl OptionKey for Option<Department> {
    const OPTIONS: &'static [(Option<Department>, &'static str)] = &[
        (None, "none"),
        (Some(Department::Marketing), "marketing"),
        (Some(Department::InsideSales), "inside_sales"),
        (Some(Department::FieldSales), "field_sales"),
        (Some(Department::CustomerSuccess), "customer_success"),
    ];
}

impl OptionKey for Direction {
    const OPTIONS: &'static [(Direction, &'static str)] = &[
        (Direction::Upstream, "upstream"),
        (Direction::Downstream, "downstream"),
    ];
}

/// Goal seek's choice: a rate is keyed by its stage's id, so the list is not fixed.
impl SeekChoice {
    pub fn key(self) -> String {
        match self {
            SeekChoice::Rate(id) => format!("rate-{id}"),
            SeekChoice::DealSize => "deal".into(),
            SeekChoice::EntryCount => "count".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<SeekChoice> {
        match key {
            "deal" => Some(SeekChoice::DealSize),
            "count" => Some(SeekChoice::EntryCount),
            other => other
                .strip_prefix("rate-")
                .and_then(|id| id.parse().ok())
                .map(SeekChoice::Rate),
        }
    }
}

/// A KPI's unit: "custom" carries a name, which the caller gives in the page's language.
impl Unit {
    pub const KEYS: [&'static str; 4] = ["count", "yen", "percent", "custom"];

    pub fn key(&self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Yen => "yen",
            Unit::Percent => "percent",
            Unit::Custom(_) => "custom",
        }
    }

    pub fn from_key(key: &str, custom_name: &str) -> Option<Unit> {
        match key {
            "count" => Some(Unit::Count),
            "yen" => Some(Unit::Yen),
            "percent" => Some(Unit::Percent),
            "custom" => Some(Unit::Custom(custom_name.into())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key reads back as its own value, and no two values share a key.
    fn round_trips<T: OptionKey + std::fmt::Debug>() {
        for (value, key) in T::OPTIONS {
            assert_eq!(value.key(), *key);
            assert_eq!(T::from_key(key), Some(*value), "{key}");
        }
        assert_eq!(T::from_key("nonsense"), None);
    }

    #[test]
    fn every_list_round_trips() {
        round_trips::<Period>();
        round_trips::<LeadTimeMode>();
        round_trips::<VolumeMode>();
        round_trips::<SpendMode>();
        round_trips::<DoubtMode>();
        round_trips::<Formula>();
        round_trips::<Option<Department>>();
        round_trips::<Direction>();
    }

    #[test]
    fn the_page_keeps_its_option_values() {
        // The browser tests and any bookmarked form state choose options by these values.
        assert_eq!(LeadTimeMode::StageDwell.key(), "dwell");
        assert_eq!(SpendMode::CostPerLead.key(), "cpl");
        assert_eq!(Option::<Department>::None.key(), "none");
        assert_eq!(Period::from_key("year"), Some(Period::Year));
    }

    #[test]
    fn unit_keys() {
        for key in Unit::KEYS {
            assert_eq!(Unit::from_key(key, "時間").unwrap().key(), key);
        }
        assert_eq!(
            Unit::from_key("custom", "hours"),
            Some(Unit::Custom("hours".into()))
        );
        assert_eq!(Unit::from_key("kg", "hours"), None);
    }

    #[test]
    fn seek_choice_keys() {
        assert_eq!(SeekChoice::Rate(4).key(), "rate-4");
        assert_eq!(SeekChoice::from_key("rate-4"), Some(SeekChoice::Rate(4)));
        assert_eq!(SeekChoice::from_key("deal"), Some(SeekChoice::DealSize));
        assert_eq!(SeekChoice::from_key("count"), Some(SeekChoice::EntryCount));
        assert_eq!(SeekChoice::from_key("rate-x"), None);
    }
}
