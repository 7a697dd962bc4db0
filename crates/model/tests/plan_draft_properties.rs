//! The plan inputs as typed: whatever text is in any field, evaluating them never panics, every
//! problem names a field, and every figure that comes out is finite.

use funnel_model::draft::Draft;
use funnel_model::plan::draft::{LeadTimeMode, PlanDraft, SpendMode, VolumeMode};
use funnel_model::plan::period::Period;
use proptest::prelude::*;

/// Texts users type, right and wrong: numbers, units, percents, signs, huge and odd values.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "0",
            "1",
            "2",
            "30",
            "100",
            "120",
            "-5",
            "abc",
            "1e16",
            "1e400",
            "0.5",
            "90",
            "2000",
            "1,500万",
            "40万",
            "１億",
            "25%",
            "２５％",
            "0%",
            "99.999",
            "1.5",
            " ",
            "∞",
            "NaN",
        ])
        .prop_map(String::from),
        "[0-9]{1,6}(\\.[0-9]{1,3})?",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

fn plan() -> impl Strategy<Value = PlanDraft> {
    (
        (0u8..3, 0u8..14, 0u8..13, prop::bool::ANY, 0u8..3),
        prop::collection::vec(text(), 12),
        (
            text(),
            prop::collection::vec(text(), 1..6),
            text(),
            text(),
            text(),
        ),
        prop::collection::vec(
            (
                text(),
                text(),
                text(),
                text(),
                prop::bool::ANY,
                prop::bool::ANY,
            ),
            1..9,
        ),
        (text(), text(), text(), text()),
        prop::collection::vec(text(), 5),
    )
        .prop_map(|(kinds, weights, lead, channels, econ, dwell)| {
            let (period, start, index, seasonal, mode) = kinds;
            let mut p = PlanDraft {
                fiscal_start: start,
                ..PlanDraft::default()
            };
            p.set_period(match period {
                0 => Period::Month,
                1 => Period::Quarter,
                _ => Period::Year,
            });
            p.period_index = index;
            if seasonal {
                for (m, w) in weights.iter().enumerate() {
                    p.set_weight(m as u8 + 1, w);
                }
            }
            p.lead_time = match mode {
                0 => LeadTimeMode::AverageDays,
                1 => LeadTimeMode::StageDwell,
                _ => LeadTimeMode::Distribution,
            };
            (
                p.average_days,
                p.distribution,
                p.inside_per_rep,
                p.field_per_rep,
                p.open_pipeline,
            ) = lead;
            for (id, d) in dwell.iter().enumerate() {
                p.set_dwell(id as u32, d);
            }
            p.channels.truncate(1);
            while p.channels.len() < channels.len() {
                p.add_channel();
            }
            for (c, (volume, cvr, spend, mql, fixed, budget)) in p.channels.iter_mut().zip(channels)
            {
                c.volume = volume;
                c.cvr = cvr;
                c.spend = spend;
                c.lead_to_mql = mql;
                c.volume_mode = if fixed {
                    VolumeMode::Fixed
                } else {
                    VolumeMode::Share
                };
                c.spend_mode = if budget {
                    SpendMode::Budget
                } else {
                    SpendMode::CostPerLead
                };
            }
            (
                p.sales_cost,
                p.revenue_per_account,
                p.gross_margin,
                p.monthly_churn,
            ) = econ;
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_typed_plan_evaluates_to_finite_figures_or_field_problems(p in plan()) {
        let d = Draft::default();
        let funnel = d.funnel().unwrap();
        let ids: Vec<u32> = d.stages.iter().map(|s| s.id).collect();
        match p.time_plan(&funnel, &ids) {
            Ok(t) => {
                for m in &t.monthly.months {
                    prop_assert!(m.exact.iter().all(|x| x.is_finite() && *x >= 0.0));
                }
                prop_assert!(t.coverage.needed.is_finite() && t.coverage.have.is_finite());
                prop_assert!(t.velocity.is_none_or(f64::is_finite));
                prop_assert!(t.cohort.cohort_based.is_finite());
                prop_assert!(t.cohort.period_based.is_none_or(f64::is_finite));
            }
            Err(e) => prop_assert!(!e.is_empty(), "a refusal names at least one field"),
        }
        match p.money_plan(&funnel) {
            Ok(m) => {
                let b = &m.mix.blended;
                prop_assert!(b.budget.is_finite() && b.mql.is_finite() && b.won.is_finite());
                prop_assert!(b.cpl.is_none_or(f64::is_finite) && b.cpa.is_none_or(f64::is_finite));
                for c in &m.mix.channels {
                    prop_assert!(c.budget.is_finite() && c.won.is_finite());
                }
                if let Ok(e) = &m.economics {
                    prop_assert!(e.cac.is_finite() && e.ltv.is_finite() && e.payback_months.is_finite());
                    prop_assert!(e.ltv_to_cac.is_none_or(f64::is_finite) && e.romi.is_none_or(f64::is_finite));
                }
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
        // what storage keeps is what it reads back
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<PlanDraft>(&json).unwrap(), p);
    }
}
