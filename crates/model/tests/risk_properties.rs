//! Properties of the Risk model over random funnels.

use funnel_model::risk::{risk_figures, Belief, ChannelShare, RiskSetup};
use funnel_model::{Funnel, Money, Rate, Stage, StageKind};
use proptest::prelude::*;

fn setup(rates_pct: &[u32], target_units: u64, deal_units: u64) -> Option<RiskSetup> {
    let mut stages: Vec<Stage> = rates_pct
        .iter()
        .map(|r| Stage {
            kind: StageKind::Custom,
            name: None,
            rate_to_next: Rate::from_ppm(r * 10_000).unwrap(),
        })
        .collect();
    stages.push(Stage::new(StageKind::Won, 100));
    let f = Funnel::new(
        Money::from_units(target_units).ok()?,
        Money::from_units(deal_units).ok()?,
        stages,
    )
    .ok()?;
    let plan = f.reverse().ok()?;
    Some(RiskSetup::new(&f, &plan))
}

fn rates() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(5u32..=100, 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn reach_never_falls_when_the_top_count_or_a_rate_rises(
        rates in rates(), won in 1u64..40, extra in 1u64..500, which in 0usize..3,
    ) {
        let s = setup(&rates, won * 1_000, 1_000).unwrap();
        let mut more = s.clone();
        more.top += extra;
        prop_assert!(more.exact_reach() >= s.exact_reach() - 1e-12);
        let i = which % s.point.len();
        let mut better = s.clone();
        better.point[i] = (better.point[i] + 0.05).min(1.0);
        prop_assert!(better.exact_reach() >= s.exact_reach() - 1e-12);
    }

    #[test]
    fn the_80_percent_count_reaches_80_and_one_fewer_does_not(
        rates in rates(), won in 1u64..60,
    ) {
        let s = setup(&rates, won * 1_000, 1_000).unwrap();
        let f = risk_figures(&s);
        for level in &f.levels {
            let n = level.top.unwrap();
            let mut at = s.clone();
            at.top = n;
            prop_assert!(at.exact_reach() >= level.level);
            if n > 0 {
                at.top = n - 1;
                prop_assert!(at.exact_reach() < level.level);
            }
        }
    }

    #[test]
    fn quantiles_are_ordered(rates in rates(), won in 1u64..60, top in 1u64..5_000_000) {
        let mut s = setup(&rates, won * 1_000, 1_000).unwrap();
        s.top = top;
        let f = risk_figures(&s);
        let [a, b, c] = f.plan.won;
        prop_assert!(a <= b && b <= c);
        let [x, y, z] = f.plan.revenue;
        prop_assert!(x <= y && y <= z);
        prop_assert!((0.0..=1.0).contains(&f.plan.reach.value));
    }

    #[test]
    fn channels_keep_reach_monotone_in_the_top_count(
        w in prop::collection::vec(1u32..100, 2..5), own in prop::collection::vec(1u32..100, 2..5),
        won in 1u64..20, top in 10u64..3_000,
    ) {
        let mut s = setup(&[20, 50, 40], won * 1_000, 1_000).unwrap();
        s.lead_stage = Some(0);
        s.channels = w.iter().zip(own.iter().cycle()).map(|(w, o)| ChannelShare {
            weight: f64::from(*w),
            own_lead_to_mql: Some(f64::from(*o) / 100.0),
        }).collect();
        s.top = top;
        let a = s.exact_reach();
        s.top = top + 1;
        prop_assert!(s.exact_reach() >= a - 1e-12);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn monte_carlo_with_zero_width_ranges_matches_exact_and_repeats_by_seed(
        rates in rates(), won in 1u64..30, seed in any::<u64>(),
    ) {
        let s = setup(&rates, won * 1_000, 1_000).unwrap();
        let exact = s.exact_reach();
        let mut zero = s.clone();
        zero.beliefs = zero.point.iter().map(|p| Belief::Range { low: *p, high: *p }).collect();
        zero.beliefs[0] = Belief::Range { low: s.point[0], high: s.point[0] };
        let f = risk_figures(&zero);
        prop_assert!((f.plan.reach.value - exact).abs() <= 3.0 * f.plan.reach.error + 1e-12);

        let mut wide = s.clone();
        wide.seed = seed;
        let p = wide.point[0];
        wide.beliefs[0] = Belief::Range { low: (p * 0.8).max(1e-4), high: p };
        let one = risk_figures(&wide);
        let two = risk_figures(&wide);
        prop_assert_eq!(&one.plan, &two.plan);
        prop_assert_eq!(&one.levels, &two.levels);
    }
}
