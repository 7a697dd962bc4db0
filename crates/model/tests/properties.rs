//! Invariants over thousands of generated funnels.

use std::cmp::Ordering;

use funnel_model::format::{format_decimal, format_money, format_percent};
use funnel_model::{Count, Entry, Funnel, Gap, InputError, Lang, Money, Rate, Stage, StageKind};
use proptest::prelude::*;

fn rate() -> impl Strategy<Value = Rate> {
    prop_oneof![
        // whole and half percents, as typed most of the time
        (1u32..=200).prop_map(|h| Rate::from_ppm(h * 5_000).unwrap()),
        (1u32..=1_000_000).prop_map(|p| Rate::from_ppm(p).unwrap()),
    ]
}

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        (1u64..=100_000).prop_map(|m| Money::from_units(m * 10_000).unwrap()),
        (1u64..=1_000_000_000_000_000).prop_map(|h| Money::from_hundredths(h).unwrap()),
    ]
}

fn funnel() -> impl Strategy<Value = Funnel> {
    (money(), money(), prop::collection::vec(rate(), 1..12)).prop_map(|(target, deal, rates)| {
        let mut stages: Vec<Stage> = rates
            .into_iter()
            .map(|r| Stage {
                kind: StageKind::Custom,
                name: None,
                rate_to_next: r,
            })
            .collect();
        stages.push(Stage::new(StageKind::Won, 100));
        Funnel::new(target, deal, stages).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn no_nan_or_infinity_anywhere(f in funnel()) {
        if let Ok(plan) = f.reverse() {
            for s in &plan.stages {
                prop_assert!(s.exact.is_finite() && s.exact > 0.0);
                prop_assert!(s.cumulative_to_won.is_finite() && s.cumulative_to_won > 0.0);
                prop_assert!(!format_decimal(s.exact, 2).contains(['N', '∞', 'i']));
                prop_assert!(!format_percent(s.cumulative_to_won).contains(['N', '∞', 'i']));
            }
            prop_assert!(plan.pipeline_value.is_finite());
            prop_assert!(!format_money(plan.pipeline_value, Lang::Ja).contains(['N', '∞']));
        }
    }

    #[test]
    fn required_counts_are_the_exact_ceiling(f in funnel()) {
        if let Ok(plan) = f.reverse() {
            for (i, s) in plan.stages.iter().enumerate() {
                // ceil is sufficient: forward from `required` reaches the target …
                prop_assert_ne!(f.compare_revenue_for_test(i, s.required), Ordering::Less);
                // … and minimal: one fewer does not.
                if s.required > 1 {
                    prop_assert_eq!(f.compare_revenue_for_test(i, s.required - 1), Ordering::Less);
                }
            }
        }
    }

    #[test]
    fn whole_requirements_stay_whole(won in 1u64..10_000, pcts in prop::collection::vec(1u64..=100, 1..8)) {
        // Build a funnel whose every requirement is whole: pick the won count and whole-percent
        // rates, then set the target to won × deal and multiply up exactly in integers.
        let deal = Money::from_units(1_000).unwrap();
        let target = Money::from_units(won * 1_000).unwrap();
        let mut stages: Vec<Stage> = pcts.iter().map(|&p| Stage::new(StageKind::Custom, p as u32)).collect();
        stages.push(Stage::new(StageKind::Won, 100));
        let f = Funnel::new(target, deal, stages).unwrap();
        let plan = f.reverse().unwrap();
        // stage k requires won × Π 100/p exactly; compare with integer arithmetic where whole
        let mut expected_num: u128 = u128::from(won);
        let mut expected_den: u128 = 1;
        for (k, &p) in pcts.iter().enumerate().rev() {
            expected_num *= 100;
            expected_den *= u128::from(p);
            let g = gcd(expected_num, expected_den);
            expected_num /= g;
            expected_den /= g;
            let want = expected_num.div_ceil(expected_den);
            if want <= 1_000_000_000_000_000 {
                prop_assert_eq!(u128::from(plan.stages[k].required), want);
            }
        }
        prop_assert_eq!(plan.won(), won);
    }

    #[test]
    fn raising_a_rate_never_raises_an_upstream_requirement(f in funnel(), which in 0usize..11, bump in 1u32..500_000) {
        let index = which % f.won_index();
        let mut better = f.clone();
        let ppm = better.stages[index].rate_to_next.ppm().saturating_add(bump).min(1_000_000);
        better.stages[index].rate_to_next = Rate::from_ppm(ppm).unwrap();
        if let (Ok(before), Ok(after)) = (f.reverse(), better.reverse()) {
            for (a, b) in after.stages.iter().zip(&before.stages) {
                prop_assert!(a.required <= b.required);
            }
        }
    }

    #[test]
    fn forward_on_the_reverse_plan_reaches_the_target(f in funnel(), from in 0usize..11) {
        if let Ok(plan) = f.reverse() {
            let stage = from % f.stages.len();
            let count = Count::new(plan.stages[stage].required).unwrap();
            let r = f.forward(Entry { stage, count });
            prop_assert!(matches!(r.gap, Gap::Reached { .. }), "{:?}", r.gap);
            prop_assert!(r.revenue.is_finite());
        }
    }

    #[test]
    fn money_text_round_trips(m in money()) {
        prop_assert_eq!(Money::parse(&m.to_plain_text()), Ok(m));
    }

    #[test]
    fn rate_text_round_trips(r in rate()) {
        prop_assert_eq!(Rate::parse(&r.to_percent_text()), Ok(r));
        prop_assert_eq!(Rate::parse(&format!("{}%", r.to_percent_text())), Ok(r));
    }

    #[test]
    fn parsers_never_panic(text in "\\PC{0,24}") {
        let _ = Money::parse(&text);
        let _ = Rate::parse(&text);
        let _ = Count::parse(&text);
    }
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The exact comparison forward mode uses, reached through the public forward API: a count
/// reaches the target iff forward says Reached.
trait CompareForTest {
    fn compare_revenue_for_test(&self, stage: usize, count: u64) -> Ordering;
}

impl CompareForTest for Funnel {
    fn compare_revenue_for_test(&self, stage: usize, count: u64) -> Ordering {
        match self
            .forward(Entry {
                stage,
                count: Count::new(count).unwrap(),
            })
            .gap
        {
            Gap::Reached { .. } => Ordering::Greater,
            Gap::Short { .. } => Ordering::Less,
        }
    }
}

/// Zero is shown as a plain zero, and a money field refuses it with its message.
#[test]
fn zero_money_is_refused() {
    for lang in [Lang::Ja, Lang::En] {
        let shown = format_money(0.0, lang);
        assert_eq!(
            Money::parse(&shown),
            Err(InputError::NotPositive),
            "{shown}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// The Japanese plan-document figure, typed back into a money field, is the amount itself
    /// when it carries no 約, and within half of its last shown digit (at most 0.5 % of the
    /// amount, three significant digits) when it does. English is always the whole yen. A
    /// money field takes amounts above zero (0円 there gets its message: `zero_money_is_refused`).
    #[test]
    fn shown_money_reads_back_as_the_amount(
        yen in prop_oneof![
            1u64..200_000,
            (1u64..=100_000).prop_map(|m| m * 10_000),
            1u64..=10_000_000_000_000,
        ]
    ) {
        let value = yen as f64;
        let shown = format_money(value, Lang::Ja);
        let approx = shown.starts_with('約');
        let read = Money::parse(shown.trim_start_matches('約')).unwrap().units();
        if approx {
            prop_assert!(read != value, "{shown} for {yen}");
            prop_assert!((read - value).abs() <= value * 0.005 + 0.5, "{shown} for {yen}");
            prop_assert!(funnel_model::format::money_is_rounded(value, Lang::Ja));
        } else {
            prop_assert_eq!(read, value, "{} for {}", shown, yen);
        }
        let en = format_money(value, Lang::En);
        prop_assert_eq!(Money::parse(&en).unwrap().units(), value);
    }
}
