//! The Risk model's figures against values computed here independently: exact sums of binomial
//! terms in big integers for small counts, and a direct log-space sum for a plan from visits.

use funnel_model::risk::{risk_figures, Belief, ChannelShare, RiskSetup};
use funnel_model::{default_stages, Funnel, Money, Stage, StageKind};

/// A minimal unsigned big integer (little-endian u32 limbs), enough for sums of products.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }
    fn mul(&mut self, f: u64) {
        let mut carry: u128 = 0;
        for limb in &mut self.0 {
            let wide = u128::from(*limb) * u128::from(f) + carry;
            *limb = wide as u32;
            carry = wide >> 32;
        }
        while carry > 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
    }
    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let s = u64::from(*limb) + u64::from(*other.0.get(i).unwrap_or(&0)) + carry;
            *limb = s as u32;
            carry = s >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
    fn to_f64(&self) -> f64 {
        self.0
            .iter()
            .rev()
            .fold(0.0, |acc, limb| acc * 4_294_967_296.0 + f64::from(*limb))
    }
}

/// C(n, k) exactly.
fn choose(n: u64, k: u64) -> Big {
    // Multiply first, divide at the end through a u128-free route: build from Pascal's row.
    let mut row: Vec<Big> = vec![Big::from(1)];
    for _ in 0..n {
        let mut next = vec![Big::from(1)];
        for w in row.windows(2) {
            let mut s = w[0].clone();
            s.add(&w[1]);
            next.push(s);
        }
        next.push(Big::from(1));
        row = next;
    }
    row[k as usize].clone()
}

fn pow(base: u64, e: u64) -> Big {
    let mut b = Big::from(1);
    for _ in 0..e {
        b.mul(base);
    }
    b
}

/// P(Binomial(n, a/b) ≥ k) as an exact ratio of big integers, then divided once in f64.
fn tail_exact(n: u64, a: u64, b: u64, k: u64) -> f64 {
    let mut num = Big::from(0);
    for j in k..=n {
        let mut term = choose(n, j);
        let hits = pow(a, j);
        let misses = pow(b - a, n - j);
        // term × a^j × (b−a)^(n−j), multiplying limb by limb through the small helpers.
        term = big_mul(&big_mul(&term, &hits), &misses);
        num.add(&term);
    }
    num.to_f64() / pow(b, n).to_f64()
}

fn big_mul(x: &Big, y: &Big) -> Big {
    let mut out = Big(vec![0; x.0.len() + y.0.len() + 1]);
    for (i, a) in x.0.iter().enumerate() {
        let mut carry = 0u64;
        for (j, b) in y.0.iter().enumerate() {
            let t = u64::from(out.0[i + j]) + u64::from(*a) * u64::from(*b) + carry;
            out.0[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut at = i + y.0.len();
        while carry > 0 {
            let t = u64::from(out.0[at]) + carry;
            out.0[at] = t as u32;
            carry = t >> 32;
            at += 1;
        }
    }
    out
}

fn funnel(stages: Vec<Stage>, target: &str, deal: &str) -> Funnel {
    Funnel::new(
        Money::parse(target).unwrap(),
        Money::parse(deal).unwrap(),
        stages,
    )
    .unwrap()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[test]
fn eighty_opportunities_at_25_percent_for_20_won_is_a_coin_flip() {
    let f = funnel(
        vec![
            Stage::new(StageKind::Opportunities, 25),
            Stage::new(StageKind::Won, 100),
        ],
        "1億",
        "500万",
    );
    let plan = f.reverse().unwrap();
    let setup = RiskSetup::new(&f, &plan);
    assert_eq!((setup.top, setup.need), (80, 20));
    let want = tail_exact(80, 1, 4, 20);
    // Σ_{k≥20} C(80,k)·3^(80−k) / 4^80 = 0.5428…: about half, not a plan.
    assert!((want - 0.5428).abs() < 1e-4, "{want}");
    let got = setup.exact_reach();
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    assert_eq!(round4(got), round4(want));

    let figures = risk_figures(&setup);
    // Quantiles from the exact CDF: the smallest k with P(X ≤ k) ≥ q.
    let cdf = |k: u64| 1.0 - tail_exact(80, 1, 4, k + 1);
    let quantile = |q: f64| (0..=80).find(|k| cdf(*k) >= q).unwrap();
    assert_eq!(
        figures.plan.won,
        [quantile(0.1), quantile(0.5), quantile(0.9)]
    );
    assert_eq!(figures.plan.won[1], 20);
    assert_eq!(figures.plan.revenue[1], 100_000_000.0);
    // The 80 % count: the smallest n with P(Binomial(n, 1/4) ≥ 20) ≥ 0.8, by direct sums.
    let n80 = (80..200).find(|n| tail_exact(*n, 1, 4, 20) >= 0.8).unwrap();
    assert_eq!(figures.levels[0].top, Some(n80));
    let n90 = (80..200).find(|n| tail_exact(*n, 1, 4, 20) >= 0.9).unwrap();
    assert_eq!(figures.levels[1].top, Some(n90));
    assert!(
        figures.trials.is_none(),
        "fixed rates are exact, not sampled"
    );
}

#[test]
fn a_plan_from_visits_matches_a_direct_log_space_sum() {
    let f = funnel(default_stages(), "1億", "500万");
    let plan = f.reverse().unwrap();
    let setup = RiskSetup::new(&f, &plan);
    // 20 won need 6,667 leads at 2 %: ⌈6,666.67 / 0.02⌉ = 333,334 visits.
    assert_eq!((setup.top, setup.need), (333_334, 20));
    let n = 333_334.0f64;
    let p: f64 = 0.02 * 0.1 * 0.3 * 0.4 * 0.25;
    // P(X ≤ 19) = Σ_{k<20} exp(ln C(n,k) + k ln p + (n−k) ln(1−p)), with ln C built term by term.
    let mut below = 0.0;
    let mut ln_choose = 0.0f64;
    for k in 0..20u32 {
        if k > 0 {
            ln_choose += (n - f64::from(k) + 1.0).ln() - f64::from(k).ln();
        }
        below += (ln_choose + f64::from(k) * p.ln() + (n - f64::from(k)) * (-p).ln_1p()).exp();
    }
    let want = 1.0 - below;
    let got = setup.exact_reach();
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    assert_eq!(round4(got), round4(want));
}

#[test]
fn two_channels_with_their_own_lead_to_mql_rates_convolve_exactly() {
    // Leads → MQL (the funnel's 30 %, unused: both channels have their own) → won at 50 %.
    let f = funnel(
        vec![
            Stage::new(StageKind::Leads, 30),
            Stage::new(StageKind::Mql, 50),
            Stage::new(StageKind::Won, 100),
        ],
        "1,500万",
        "100万",
    );
    let plan = f.reverse().unwrap();
    let mut setup = RiskSetup::new(&f, &plan);
    setup.top = 100;
    setup.channels = vec![
        ChannelShare {
            weight: 60.0,
            own_lead_to_mql: Some(0.5),
        },
        ChannelShare {
            weight: 40.0,
            own_lead_to_mql: Some(0.1),
        },
    ];
    assert_eq!(setup.need, 15);
    // 60 leads at 50 % × 50 % = 1/4, 40 leads at 10 % × 50 % = 1/20. P(A + B ≥ 15) as
    // Σ_{a+b≥15} C(60,a)·3^(60−a) · C(40,b)·19^(40−b) over 4^60 · 20^40.
    let mut num = Big::from(0);
    for a in 0..=60u64 {
        let left = big_mul(&choose(60, a), &pow(3, 60 - a));
        for b in 15u64.saturating_sub(a)..=40 {
            let right = big_mul(&choose(40, b), &pow(19, 40 - b));
            num.add(&big_mul(&left, &right));
        }
    }
    let den = big_mul(&pow(4, 60), &pow(20, 40));
    let want = num.to_f64() / den.to_f64();
    let got = setup.exact_reach();
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    // One pooled binomial at the mean rate (16/100) would say something else.
    let pooled = tail_exact(100, 4, 25, 15);
    assert!((pooled - want).abs() > 1e-3);
}

#[test]
fn zero_width_ranges_give_the_exact_answer() {
    let f = funnel(
        vec![
            Stage::new(StageKind::Opportunities, 25),
            Stage::new(StageKind::Won, 100),
        ],
        "1億",
        "500万",
    );
    let plan = f.reverse().unwrap();
    let mut setup = RiskSetup::new(&f, &plan);
    let exact = setup.exact_reach();
    setup.beliefs[0] = Belief::Range {
        low: 0.25,
        high: 0.25,
    };
    let figures = risk_figures(&setup);
    assert_eq!(figures.plan.reach.value, exact);
    // Counts of 48 won of 190 put the rate near 25 % with real doubt: P(reach) drops toward ½
    // and is sampled, with an error shown.
    setup.beliefs[0] = Belief::Counts {
        won: 48,
        trials: 190,
    };
    let doubt = risk_figures(&setup);
    assert!(doubt.trials.is_some());
    assert!(doubt.plan.reach.error > 0.0 && doubt.plan.reach.error < 0.005);
    assert!(doubt.plan.won[0] < figures.plan.won[0] || doubt.plan.won[2] > figures.plan.won[2]);
}
