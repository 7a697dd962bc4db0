//! Invariants of the planning layer over generated inputs: monthly plans add up to the
//! period's totals, more lead time never needs less pipeline in advance, and no NaN or ∞ leaves
//! any function whatever the input.

use funnel_model::plan::channels::{plan_channels, Channel, ChannelKind, Spend, Volume};
use funnel_model::plan::cohort::compare;
use funnel_model::plan::economics::{unit_economics, EconomicsInput};
use funnel_model::plan::largest_remainder;
use funnel_model::plan::lead_time::LeadTime;
use funnel_model::plan::period::{FiscalStart, MonthlyTargets, Period, PeriodSpec, Weights};
use funnel_model::plan::phasing::monthly_plan;
use funnel_model::plan::velocity::{coverage, sales_velocity};
use funnel_model::{Funnel, Money, Rate, Stage, StageKind};
use proptest::prelude::*;

fn rate() -> impl Strategy<Value = Rate> {
    prop_oneof![
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

/// visits → leads → (1–4 middle stages) → won, so channels always find a lead stage.
fn funnel() -> impl Strategy<Value = Funnel> {
    (
        money(),
        money(),
        rate(),
        rate(),
        prop::collection::vec(rate(), 1..5),
    )
        .prop_map(|(target, deal, visit, lead, rest)| {
            let mut stages = vec![
                Stage {
                    kind: StageKind::Visits,
                    name: None,
                    rate_to_next: visit,
                },
                Stage {
                    kind: StageKind::Leads,
                    name: None,
                    rate_to_next: lead,
                },
            ];
            stages.extend(rest.into_iter().map(|r| Stage {
                kind: StageKind::Custom,
                name: None,
                rate_to_next: r,
            }));
            stages.push(Stage::new(StageKind::Won, 100));
            Funnel::new(target, deal, stages).unwrap()
        })
}

fn period() -> impl Strategy<Value = PeriodSpec> {
    (0usize..3, 1u8..=12, 0u8..12).prop_map(|(p, start, index)| {
        let period = [Period::Month, Period::Quarter, Period::Year][p];
        let index = index % period.per_year();
        PeriodSpec::new(period, FiscalStart::new(start).unwrap(), index).unwrap()
    })
}

fn weights(months: usize) -> impl Strategy<Value = Weights> {
    prop_oneof![
        Just(Weights::Even),
        prop::collection::vec(0.0f64..10.0, months)
            .prop_filter("not all zero", |w| w.iter().sum::<f64>() > 1e-6)
            .prop_map(Weights::Seasonal),
    ]
}

fn lead_time() -> impl Strategy<Value = LeadTime> {
    prop_oneof![
        (0u32..=400).prop_map(LeadTime::AverageDays),
        prop::collection::vec(0u32..=1_000u32, 1..6).prop_map(|v| {
            // Normalise into percents summing to 100 (all zero → everything at lag 0).
            let total: u32 = v.iter().sum();
            if total == 0 {
                LeadTime::Distribution(vec![100.0])
            } else {
                LeadTime::Distribution(
                    v.iter()
                        .map(|x| f64::from(*x) * 100.0 / f64::from(total))
                        .collect(),
                )
            }
        }),
    ]
}

fn plan_inputs() -> impl Strategy<Value = (Funnel, PeriodSpec, Weights, LeadTime)> {
    (funnel(), period(), lead_time()).prop_flat_map(|(f, p, l)| {
        let months = p.period.months() as usize;
        (Just(f), Just(p), weights(months), Just(l))
    })
}

fn finite(x: f64) -> bool {
    x.is_finite()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_month_reaches_its_target_and_the_creation_delivers_it((f, p, w, l) in plan_inputs()) {
        if let Ok(plan) = monthly_plan(&f, p, &w, &l) {
            let won = f.won_index();
            let deal = f.deal_size.units();
            let shares = w.shares(p.period.months() as usize).unwrap();
            let target = f.target.units();
            // Counted in deals, as the model rounds: a month needing a billionth of a deal
            // (binary noise of its share) plans none.
            let tol = |x: f64| 1e-9 * x.abs().max(1.0);
            // Every month's won deals reach that month's share of the target in deals, and so
            // every month-to-date plan reaches the month-to-date target.
            let (mut planned, mut due) = (0.0, 0.0);
            for (t, share) in shares.iter().enumerate() {
                let month_deals = target * share / deal;
                let deals = plan.won_targets.shown[t] as f64;
                prop_assert!(deals >= month_deals - tol(month_deals), "month {}", t);
                planned += deals;
                due += month_deals;
                prop_assert!(planned >= due - tol(due), "to date at month {}", t);
            }
            prop_assert!(plan.won_targets.shown_total() >= f.reverse().unwrap().won());
            // Each stage's whole counts, spread forward by its lag distribution and converted
            // at its share ending won, deliver at least every month's won deals.
            for (i, s) in plan.reverse.stages.iter().enumerate() {
                if i == won {
                    continue;
                }
                for (t, d) in plan.delivered(i).iter().enumerate() {
                    let want = plan.won_targets.shown[t] as f64;
                    prop_assert!(*d >= want - 1e-6 * want.max(1.0),
                        "stage {} month {}: {} < {} (cum {})", i, t, d, want, s.cumulative_to_won);
                }
            }
            for m in &plan.months {
                prop_assert!(m.exact.iter().all(|x| finite(*x) && *x >= 0.0));
                prop_assert_eq!(m.already_in_pipeline, m.offset < 0);
            }
            // Won deals land only inside the period.
            prop_assert!(plan.months.iter().filter(|m| m.offset < 0).all(|m| m.exact[won] == 0.0));
            let c = compare(&plan, 1);
            prop_assert!(finite(c.cohort_based) && c.period_based.is_none_or(finite));
            // The figures the page words the comparison with.
            prop_assert!([c.won_in_period, c.leads_in_period, c.closing_inside, c.mean_lag_months]
                .into_iter()
                .all(finite));
        }
    }

    // "More average days never need less created before the period" held for the backward
    // reading of the lead time. Read forward, longer days also move more of the earliest
    // months' creation into deals that close before the period, and the planned amount can dip
    // by a fraction of a percent between neighbouring day counts, so it is not an invariant;
    // the distribution version below (a whole-month delay) still is.

    #[test]
    fn delaying_a_distribution_never_lowers_the_pipeline_needed_in_advance(
        (f, p, w, _) in plan_inputs(),
        shares in prop::collection::vec(0u32..=100, 1..5),
        delay in 1usize..4,
    ) {
        let total: u32 = shares.iter().sum();
        prop_assume!(total > 0);
        let pct: Vec<f64> = shares.iter().map(|s| f64::from(*s) * 100.0 / f64::from(total)).collect();
        let mut later = vec![0.0; delay];
        later.extend(&pct);
        let before = |d: Vec<f64>| {
            monthly_plan(&f, p, &w, &LeadTime::Distribution(d)).map(|plan| plan.before_period())
        };
        // Stages up to the lead stage carry the distribution itself. A later stage carries it
        // scaled by the share of the lead time left, so a whole-month delay becomes a fraction
        // of a month split between two neighbouring months, and its creation can shift by a few
        // percent either way; the invariant is stated for the stages that see the whole delay.
        let lead = funnel_model::plan::phasing::lead_stage(&f);
        if let (Ok(s), Ok(l)) = (before(pct), before(later)) {
            for (x, y) in s.iter().zip(&l).take(lead + 1) {
                prop_assert!(*y >= *x - 1e-9 * x.max(1.0), "{:?} vs {:?}", s, l);
            }
        }
    }

    #[test]
    fn splits_always_add_up(total in 0u64..=1_000_000_000_000_000, w in prop::collection::vec(0.0f64..1e6, 1..13)) {
        let parts = largest_remainder(total, &w);
        prop_assert_eq!(parts.len(), w.len());
        prop_assert_eq!(parts.iter().sum::<u64>(), total);
        if w.iter().sum::<f64>() > 0.0 {
            if let Ok(t) = MonthlyTargets::split(total as f64, total, w.len(), &Weights::Seasonal(w.clone())) {
                // Each month rounds its own need up: at least the total, less than one extra
                // deal per month (binary rounding of huge totals aside).
                prop_assert!(t.shown_total() >= total);
                prop_assert!(t.shown_total() <= total + w.len() as u64 + total / 1_000_000_000);
                prop_assert!(t.shown.iter().zip(&t.exact).all(|(s, x)| *s as f64 >= *x * (1.0 - 1e-12)));
                prop_assert!(t.exact.iter().all(|x| finite(*x)));
            }
        }
    }

    #[test]
    fn channels_never_produce_nan(
        f in funnel(),
        rows in prop::collection::vec(
            (0usize..7, prop::bool::ANY, 0.0f64..100.0, 0u64..100_000, rate(),
             prop::bool::ANY, 0.0f64..1e12, prop::option::of(rate())),
            1..8),
    ) {
        let kinds = [ChannelKind::WebAds, ChannelKind::SeoContent, ChannelKind::Webinar,
            ChannelKind::TradeShow, ChannelKind::EmailMa, ChannelKind::AbmOutbound, ChannelKind::Referral];
        let channels: Vec<Channel> = rows.iter().map(|(k, fixed, share, n, cvr, budget, money, mql)| Channel {
            kind: kinds[*k],
            name: None,
            volume: if *fixed { Volume::Fixed(*n) } else { Volume::SharePercent(*share) },
            visit_cvr: *cvr,
            spend: if *budget { Spend::Budget(*money) } else { Spend::CostPerLead(*money) },
            lead_to_mql: *mql,
        }).collect();
        if let Ok(mix) = plan_channels(&f, &channels) {
            let b = mix.blended;
            prop_assert!(finite(b.budget) && finite(b.mql) && finite(b.won));
            prop_assert!(b.cpl.is_none_or(finite) && b.cpa.is_none_or(finite));
            for c in &mix.channels {
                prop_assert!(finite(c.budget) && finite(c.mql) && finite(c.won) && finite(c.visits_exact));
                prop_assert!(c.cpl.is_none_or(finite) && c.cpa.is_none_or(finite));
            }
            // With only shares, the mix fills the need exactly.
            if channels.iter().all(|c| matches!(c.volume, Volume::SharePercent(_))) {
                prop_assert_eq!(b.leads, mix.leads_needed);
            }
            // Shown counts are the exact ones rounded up.
            for c in &mix.channels {
                prop_assert!(c.won_shown as f64 >= c.won * (1.0 - 1e-12) && (c.won_shown as f64) < c.won + 1.0);
                prop_assert!(c.mql_shown as f64 >= c.mql * (1.0 - 1e-12) && (c.mql_shown as f64) < c.mql + 1.0);
            }
        }
    }

    /// Unit economics count the deals the channels deliver, as CPA does, so CAC (marketing and
    /// sales) is never below CPA (marketing only) while the sales cost is ≥ 0.
    #[test]
    fn cac_is_never_below_cpa(
        f in funnel(),
        shares in prop::collection::vec((1u32..100, 0.0f64..1e6, prop::option::of(rate())), 1..6),
        sales in 0.0f64..1e12,
    ) {
        let total: u32 = shares.iter().map(|s| s.0).sum();
        let mut channels: Vec<Channel> = shares.iter().map(|(w, cpl, mql)| Channel {
            kind: ChannelKind::WebAds,
            name: None,
            volume: Volume::SharePercent(f64::from(*w) * 100.0 / f64::from(total)),
            visit_cvr: Rate::from_ppm(20_000).unwrap(),
            spend: Spend::CostPerLead(*cpl),
            lead_to_mql: *mql,
        }).collect();
        // Make the shares add up to exactly 100 despite rounding.
        let sum: f64 = channels.iter().map(|c| match c.volume { Volume::SharePercent(s) => s, Volume::Fixed(_) => 0.0 }).sum();
        if let Volume::SharePercent(s) = &mut channels[0].volume { *s += 100.0 - sum; }
        if let Ok(mix) = plan_channels(&f, &channels) {
            let input = EconomicsInput {
                marketing_cost: mix.blended.budget,
                sales_cost: sales,
                new_customers: mix.blended.won,
                monthly_revenue_per_account: 100_000.0,
                gross_margin: Rate::from_ppm(700_000).unwrap(),
                monthly_churn: Rate::from_ppm(10_000).unwrap(),
                attributed_revenue: mix.blended.won * f.deal_size.units(),
            };
            if let (Ok(u), Some(cpa)) = (unit_economics(&input), mix.blended.cpa) {
                prop_assert!(u.cac >= cpa * (1.0 - 1e-12), "CAC {} < CPA {}", u.cac, cpa);
            }
        }
    }

    #[test]
    fn money_functions_never_produce_nan(
        values in prop::collection::vec(prop_oneof![
            Just(0.0), Just(f64::NAN), Just(f64::INFINITY), Just(-1.0), Just(1e300),
            0.0f64..1e15], 5),
        margin in rate(), churn in rate(), win in rate(), deal in money(), days in 0u32..1000,
    ) {
        let input = EconomicsInput {
            marketing_cost: values[0],
            sales_cost: values[1],
            new_customers: values[2],
            monthly_revenue_per_account: values[3],
            gross_margin: margin,
            monthly_churn: churn,
            attributed_revenue: values[4],
        };
        if let Ok(u) = unit_economics(&input) {
            prop_assert!(finite(u.cac) && finite(u.ltv) && finite(u.payback_months));
            prop_assert!(u.ltv_to_cac.is_none_or(finite) && u.romi.is_none_or(finite));
        }
        if let Ok(v) = sales_velocity(values[0], deal, win, days) {
            prop_assert!(finite(v));
        }
        let c = coverage(Some(deal), deal, win);
        prop_assert!(finite(c.needed) && finite(c.have));
    }
}
