//! Worked examples for the money side of planning: the channel mix, unit economics and the
//! benchmark notes. Expected numbers are worked out by hand in the comments.

use funnel_model::plan::benchmarks::{
    benchmark, check_channel, check_funnel, AppliesTo, Metric, Position, BENCHMARKS,
    LEAD_MIX_PERCENT,
};
use funnel_model::plan::channels::{
    default_channels, plan_channels, validate, Channel, ChannelKind, Spend, Volume,
};
use funnel_model::plan::economics::{unit_economics, EconomicsInput, EconomicsNote};
use funnel_model::plan::PlanInputError;
use funnel_model::{default_stages, Funnel, Money, Rate, Stage, StageKind};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Seed 003 with the default visit stage: 6,667 leads needed for 20 won.
fn seed_funnel() -> Funnel {
    Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("500万").unwrap(),
        default_stages(),
    )
    .unwrap()
}

fn plain(kind: ChannelKind, volume: Volume, spend: Spend) -> Channel {
    Channel {
        kind,
        name: None,
        volume,
        visit_cvr: Rate::parse("2").unwrap(),
        spend,
        lead_to_mql: None,
    }
}

#[test]
fn seven_default_channels_fill_6667_leads() {
    let mix = plan_channels(&seed_funnel(), &default_channels()).unwrap();
    assert_eq!(mix.leads_needed, 6_667);
    // 6,667 × 30/20/15/15/10/5/5 % = 2000.1, 1333.4, 1000.05, 1000.05, 666.7, 333.35, 333.35;
    // floors sum 6,665, the 2 left go to the largest fractions: email (.7) and SEO (.4).
    let leads: Vec<u64> = mix.channels.iter().map(|c| c.leads).collect();
    assert_eq!(leads, vec![2000, 1334, 1000, 1000, 667, 333, 333]);
    assert_eq!(mix.blended.leads, 6_667);
    // Web ads: 2,000 leads at 2 % CVR = 100,000 visits; × ¥15,000 = ¥30,000,000;
    // MQL 10 % = 200; won 200 × 30 % × 40 % × 25 % = 6; CPA ¥5,000,000.
    let web = mix.channels[0];
    assert_eq!(web.visits, 100_000);
    assert!(close(web.budget, 30_000_000.0));
    assert_eq!(web.cpl, Some(15_000.0));
    assert!(close(web.mql, 200.0) && close(web.won, 6.0));
    assert!(close(web.cpa.unwrap(), 5_000_000.0));
    // Trade shows: own lead→MQL 5 % → 1,000 × 5 % = 50 MQL, 1.5 won.
    assert!(close(mix.channels[3].mql, 50.0) && close(mix.channels[3].won, 1.5));
    // SEO at 1.5 % CVR: ⌈1,334 ÷ 0.015⌉ = ⌈88,933.3⌉ = 88,934 visits.
    assert_eq!(mix.channels[1].visits, 88_934);
    // MQL: 200 + 133.4 + 100 + 50 + 66.7 + 333 × 25 % (83.25) + 333 × 30 % (99.9) = 733.25;
    // won = 733.25 × 3 % = 21.9975.
    assert!(close(mix.blended.mql, 733.25));
    assert!(close(mix.blended.won, 21.9975));
    // Budget: 30,000,000 + 6,670,000 + 8,000,000 + 20,000,000 + 1,334,000 + 9,990,000
    // + 3,330,000 = ¥79,324,000; CPL ÷ 6,667 = ¥11,898.3; CPA ÷ 21.9975.
    assert!(close(mix.blended.budget, 79_324_000.0));
    assert!(close(mix.blended.cpl.unwrap(), 79_324_000.0 / 6_667.0));
    assert!(close(mix.blended.cpa.unwrap(), 79_324_000.0 / 21.9975));
    assert_eq!(mix.won_shortfall(), None);
}

#[test]
fn poorer_channels_leave_a_won_shortfall() {
    // Two channels at 50 % each, one with a lead→MQL rate of 5 % instead of the funnel's 10 %:
    // 3,334 + 3,333 leads → MQL 333.4 + 166.65 = 500.05 → won 15.0015, short of 20 by 4.9985.
    let mut a = plain(
        ChannelKind::WebAds,
        Volume::SharePercent(50.0),
        Spend::CostPerLead(1_000.0),
    );
    let mut b = a.clone();
    b.kind = ChannelKind::TradeShow;
    b.lead_to_mql = Some(Rate::parse("5").unwrap());
    a.name = Some(" Search ".into());
    let mix = plan_channels(&seed_funnel(), &[a.clone(), b]).unwrap();
    assert_eq!(mix.channels[0].leads + mix.channels[1].leads, 6_667);
    assert_eq!(mix.channels[0].leads, 3_334);
    assert!(close(mix.blended.won, 15.0015));
    assert!(close(mix.won_shortfall().unwrap(), 20.0 - 15.0015));
    assert_eq!(a.channel_name().own.as_deref(), Some("Search"));
}

#[test]
fn fixed_counts_come_off_the_pool_first() {
    // A trade show fixed at 1,667 leads with a ¥10,000,000 budget: the shares split the
    // remaining 5,000 (60 / 40 % → 3,000 / 2,000). Its CPL = 10,000,000 ÷ 1,667 = ¥5,998.8.
    let show = plain(
        ChannelKind::TradeShow,
        Volume::Fixed(1_667),
        Spend::Budget(10_000_000.0),
    );
    let web = plain(
        ChannelKind::WebAds,
        Volume::SharePercent(60.0),
        Spend::CostPerLead(10_000.0),
    );
    let seo = plain(
        ChannelKind::SeoContent,
        Volume::SharePercent(40.0),
        Spend::CostPerLead(0.0),
    );
    let mix = plan_channels(&seed_funnel(), &[show, web, seo]).unwrap();
    let leads: Vec<u64> = mix.channels.iter().map(|c| c.leads).collect();
    assert_eq!(leads, vec![1_667, 3_000, 2_000]);
    assert!(close(mix.channels[0].cpl.unwrap(), 10_000_000.0 / 1_667.0));
    // A free channel: no budget, CPL 0, CPA 0.
    assert_eq!(mix.channels[2].budget, 0.0);
    assert_eq!(mix.channels[2].cpa, Some(0.0));
    // Fixed counts alone may exceed the need: the shares then get nothing.
    let big = plain(
        ChannelKind::Referral,
        Volume::Fixed(10_000),
        Spend::CostPerLead(1.0),
    );
    let web = plain(
        ChannelKind::WebAds,
        Volume::SharePercent(100.0),
        Spend::CostPerLead(1.0),
    );
    let mix = plan_channels(&seed_funnel(), &[big, web]).unwrap();
    assert_eq!(mix.channels[1].leads, 0);
    assert_eq!(mix.channels[1].cpa, None);
    assert_eq!(mix.blended.leads, 10_000);
}

#[test]
fn bad_channel_tables_get_a_message() {
    let web = |share| {
        plain(
            ChannelKind::WebAds,
            Volume::SharePercent(share),
            Spend::CostPerLead(1.0),
        )
    };
    let e = validate(&[web(30.0), web(20.0)]).unwrap_err();
    assert_eq!(e.to_string(), "the shares add up to 50%, not 100%");
    // Typed thirds (99.999 %) are within the 0.01-point tolerance; 99.98 % is not.
    assert!(validate(&[web(33.333), web(33.333), web(33.333)]).is_ok());
    let e = validate(&[web(33.33), web(33.33), web(33.32)]).unwrap_err();
    assert_eq!(e.to_string(), "the shares add up to 99.98%, not 100%");
    let zero = plain(ChannelKind::Webinar, Volume::Fixed(10), Spend::Budget(0.0));
    let e = validate(&[web(100.0), zero]).unwrap_err();
    assert_eq!(e, PlanInputError::ZeroBudget { channel: 1 });
    assert_eq!(
        e.to_string(),
        "channel 2: a budget must be above 0 (for a free channel, enter a cost per lead of 0)"
    );
    assert_eq!(
        validate(&[]).unwrap_err().to_string(),
        "add at least one channel"
    );
    assert_eq!(
        validate(&[web(f64::NAN)]).unwrap_err().to_string(),
        "share 1 must be a number from 0 to 100%"
    );
    let neg = plain(
        ChannelKind::WebAds,
        Volume::SharePercent(100.0),
        Spend::CostPerLead(-5.0),
    );
    assert_eq!(
        validate(&[neg]).unwrap_err().to_string(),
        "a cost per lead must be a number from 0 to 1,000,000,000,000,000"
    );
    // A funnel without a lead stage has nowhere to put the channels' leads.
    let mut no_leads = seed_funnel();
    no_leads.stages[1].kind = StageKind::Custom;
    assert_eq!(
        plan_channels(&no_leads, &[web(100.0)])
            .unwrap_err()
            .to_string(),
        "the funnel needs a lead stage for the channels to feed"
    );
}

#[test]
fn default_channels_are_the_seven_standard_kinds() {
    use ChannelKind::*;
    let kinds: Vec<ChannelKind> = default_channels().iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        vec![
            WebAds,
            SeoContent,
            Webinar,
            TradeShow,
            EmailMa,
            AbmOutbound,
            Referral
        ]
    );
    assert!(default_channels()
        .iter()
        .all(|c| c.channel_name().own.is_none()));
    let total: f64 = default_channels()
        .iter()
        .map(|c| match c.volume {
            Volume::SharePercent(s) => s,
            Volume::Fixed(_) => 0.0,
        })
        .sum();
    assert_eq!(total, 100.0);
}

fn economics() -> EconomicsInput {
    EconomicsInput {
        marketing_cost: 6_000_000.0,
        sales_cost: 4_000_000.0,
        new_customers: 20.0,
        monthly_revenue_per_account: 100_000.0,
        gross_margin: Rate::parse("70").unwrap(),
        monthly_churn: Rate::parse("2").unwrap(),
        attributed_revenue: 100_000_000.0,
    }
}

#[test]
fn unit_economics_worked_example() {
    // CAC = (6,000,000 + 4,000,000) ÷ 20 = 500,000.
    // LTV = 100,000 × 70 % ÷ 2 % = 3,500,000; LTV/CAC = 7.
    // ROMI = (100,000,000 × 70 % − 6,000,000) ÷ 6,000,000 = 64 ÷ 6 = 10.67.
    // Payback = 500,000 ÷ 70,000 = 7.14 months. Both rules of thumb met: no notes.
    let u = unit_economics(&economics()).unwrap();
    assert!(close(u.cac, 500_000.0));
    assert!(close(u.ltv, 3_500_000.0));
    assert!(close(u.ltv_to_cac.unwrap(), 7.0));
    assert!(close(u.romi.unwrap(), 64.0 / 6.0));
    assert!(close(u.payback_months, 500_000.0 / 70_000.0));
    assert!(u.notes.is_empty());
}

#[test]
fn weak_unit_economics_get_notes_with_their_origin() {
    // 5 customers: CAC 2,000,000; LTV/CAC = 3.5M ÷ 2M = 1.75; payback 2M ÷ 70,000 = 28.6 months.
    let u = unit_economics(&EconomicsInput {
        new_customers: 5.0,
        ..economics()
    })
    .unwrap();
    assert_eq!(u.notes.len(), 2);
    assert_eq!(
        u.notes[0],
        EconomicsNote::LtvToCacBelowThree { ratio: 1.75 }
    );
    assert!(
        matches!(u.notes[1], EconomicsNote::PaybackOverTwelveMonths { months } if close(months, 2_000_000.0 / 70_000.0))
    );
    // No marketing cost: ROMI has nothing to divide by, the rest still computes.
    let u = unit_economics(&EconomicsInput {
        marketing_cost: 0.0,
        ..economics()
    })
    .unwrap();
    assert_eq!(u.romi, None);
    assert!(close(u.cac, 200_000.0));
}

#[test]
fn bad_economics_inputs_get_a_message() {
    let e = |i: EconomicsInput| unit_economics(&i).unwrap_err().to_string();
    assert_eq!(
        e(EconomicsInput {
            new_customers: 0.0,
            ..economics()
        }),
        "there must be at least one new customer"
    );
    assert_eq!(
        e(EconomicsInput {
            monthly_revenue_per_account: 0.0,
            ..economics()
        }),
        "revenue per account and gross margin must both be above 0"
    );
    assert_eq!(
        e(EconomicsInput {
            marketing_cost: -1.0,
            ..economics()
        }),
        "the marketing cost must be a number from 0 to 1,000,000,000,000,000"
    );
    assert_eq!(
        e(EconomicsInput {
            attributed_revenue: f64::INFINITY,
            ..economics()
        }),
        "the attributed revenue must be a number from 0 to 1,000,000,000,000,000"
    );
}

#[test]
fn benchmark_table_matches_spec_section_5() {
    let b = benchmark(Metric::WebAdLeadToMeeting);
    assert!(close(b.low, 0.11) && close(b.high, 0.20));
    assert_eq!(b.act_below, Some(0.05));
    assert_eq!(b.source.seed, "001_add3a8592c73fedc.txt");
    assert!(close(benchmark(Metric::ContentDownloadCvr).high, 0.05));
    assert!(close(benchmark(Metric::MqlToSqlWide).low, 0.15));
    assert!(close(benchmark(Metric::MqlToSqlTypical).low, 0.20));
    assert_eq!(
        benchmark(Metric::MqlToSqlTypical).source.seed,
        "004_728e1560eafd6184.txt"
    );
    // "About 2 %" gets our ± half band: 1–3 %, preset 2 %.
    let s = benchmark(Metric::SearchAdCvr);
    assert!(s.approximate && close(s.low, 0.01) && close(s.high, 0.03) && close(s.preset(), 0.02));
    assert!(close(benchmark(Metric::DisplayAdCvr).preset(), 0.005));
    assert!(close(benchmark(Metric::LandingPageCvr).low, 0.02));
    assert!(close(benchmark(Metric::EmailOpen).high, 0.25));
    assert!(close(benchmark(Metric::EmailClick).low, 0.02));
    assert!(close(benchmark(Metric::SqlToMeeting).high, 0.20));
    assert_eq!(BENCHMARKS.len(), 10);
    assert!(BENCHMARKS
        .iter()
        .all(|b| b.low <= b.high && !b.source.title.is_empty() && b.source.title_en.is_ascii()));
    assert_eq!(LEAD_MIX_PERCENT.iter().map(|(_, p)| p).sum::<f64>(), 100.0);
}

#[test]
fn rates_outside_a_range_get_a_note() {
    let b = benchmark(Metric::SqlToMeeting);
    assert_eq!(b.check(0.15), None);
    assert_eq!(b.check(0.10), None); // the ends are inside
    assert_eq!(b.check(f64::NAN), None);
    let n = b.check(0.40).unwrap();
    assert_eq!(n.position, Position::Above);
    assert_eq!(b.check(0.05).unwrap().position, Position::Below);
    let web = benchmark(Metric::WebAdLeadToMeeting);
    assert_eq!(web.check(0.08).unwrap().position, Position::Below);
    let far = web.check(0.03).unwrap();
    assert_eq!(far.position, Position::FarBelow);
}

#[test]
fn the_seed_funnel_is_checked_against_the_ranges() {
    // Seed 003: visit CVR 2 % (LP 2–5 %: in), MQL→SQL 30 % (15–40 % and 20–30 %: in),
    // SQL→opp 40 % (10–20 %: above) → one note, on the SQL stage (index 3).
    let notes = check_funnel(&seed_funnel());
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].0, 3);
    assert_eq!(notes[0].1.benchmark.metric, Metric::SqlToMeeting);
    // Web ads span lead → opportunity: 10 % × 30 % × 40 % = 1.2 %, under the 5 % act level.
    // Its 2 % CVR is inside "about 2 %".
    let web = &default_channels()[0];
    let notes = check_channel(&seed_funnel(), web);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].benchmark.metric, Metric::WebAdLeadToMeeting);
    assert!(close(notes[0].rate, 0.012));
    assert_eq!(notes[0].position, Position::FarBelow);
    // With its own lead→MQL of 50 %, the span is 50 % × 12 % = 6 %: below, not far below.
    let better = Channel {
        lead_to_mql: Some(Rate::parse("50").unwrap()),
        ..web.clone()
    };
    assert_eq!(
        check_channel(&seed_funnel(), &better)[0].position,
        Position::Below
    );
    // SEO at 1.5 %: inside the 1–5 % download CVR.
    assert!(check_channel(&seed_funnel(), &default_channels()[1]).is_empty());
    // A funnel without SQL skips the SQL benchmarks rather than guessing.
    let short = Funnel::new(
        Money::parse("1億").unwrap(),
        Money::parse("500万").unwrap(),
        vec![
            Stage::new(StageKind::Leads, 1),
            Stage::new(StageKind::Won, 100),
        ],
    )
    .unwrap();
    assert!(check_funnel(&short).is_empty());
    assert!(matches!(
        BENCHMARKS[0].applies,
        AppliesTo::Span {
            channel: Some(ChannelKind::WebAds),
            ..
        }
    ));
}

#[test]
fn the_caveat_is_in_both_languages() {}
