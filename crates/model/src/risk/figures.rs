//! Every figure of the Risk view from one setup: exact when the rates are fixed, integrated by
//! the seeded Monte Carlo when some rate has a range.

use super::confidence::smallest_top;
use super::distribution::Pmf;
use super::monte_carlo::{sample, Estimate, RateDraws};
use super::sensitivity::{improvements, tornado, Improvement, Swing};
use super::setup::RiskSetup;
use super::spread::revenue_quantiles;
use super::won_model::won_pmf;

/// The levels always shown beside the user's own.
pub const FIXED_LEVELS: [f64; 2] = [0.8, 0.9];

/// Points of the P(reach)-against-count curve.
const CURVE_POINTS: usize = 24;

/// Won deals and revenue at P10 / P50 / P90, and the chance of reaching the target, for one
/// count at one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    pub stage: usize,
    pub count: u64,
    pub reach: Estimate,
    pub won: [u64; 3],
    pub revenue: [f64; 3],
    pub pmf: Pmf,
}

/// The top-stage count a confidence level needs, and its budget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelCount {
    pub level: f64,
    /// `None` when no count up to a trillion reaches it.
    pub top: Option<u64>,
    pub budget: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskFigures {
    /// The plan's own top-stage count.
    pub plan: Outlook,
    /// What forward mode's entries give.
    pub forward: Option<Outlook>,
    /// 80 %, 90 % and the user's level.
    pub levels: Vec<LevelCount>,
    /// P(reach) against the top-stage count.
    pub curve: Vec<(u64, f64)>,
    pub tornado: Vec<Swing>,
    pub improvements: Vec<Improvement>,
    /// Rate draws of the main pass; `None` when everything is exact.
    pub trials: Option<u32>,
    pub need: u64,
}

/// The exact or sampled outlook for `count` entries at stage `from`.
pub fn outlook(setup: &RiskSetup, from: usize, count: u64) -> (Outlook, Option<RateDraws>) {
    let (reach, pmf, draws) = if setup.uncertain() {
        let (s, draws) = sample(setup, from, count, setup.seed);
        (s.reach, s.pmf, Some(draws))
    } else {
        let pmf = won_pmf(&setup.classes(&setup.point, from), count);
        let reach = Estimate {
            value: if setup.need == 0 {
                1.0
            } else {
                pmf.at_least(setup.need)
            },
            error: 0.0,
        };
        (reach, pmf, None)
    };
    let won = [pmf.quantile(0.1), pmf.quantile(0.5), pmf.quantile(0.9)];
    let revenue = match setup.spread {
        Some(spread) => revenue_quantiles(&pmf, spread, setup.seed),
        None => won.map(|w| w as f64 * setup.deal()),
    };
    (
        Outlook {
            stage: from,
            count,
            reach,
            won,
            revenue,
            pmf,
        },
        draws,
    )
}

/// Milliseconds spent on each part of [`risk_figures_timed`], by the caller's clock.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// The plan's outlook: exact, or the Monte Carlo's main pass.
    pub outlook: f64,
    /// The confidence searches and the curve.
    pub levels: f64,
    pub tornado: f64,
    pub total: f64,
}

/// Everything at once. Cost: one distribution per count evaluated (exact), or the Monte Carlo.
pub fn risk_figures(setup: &RiskSetup) -> RiskFigures {
    risk_figures_timed(setup, &|| 0.0).0
}

/// As [`risk_figures`], timing its parts with `clock` (milliseconds; the page passes
/// `performance.now`, which this crate cannot name).
pub fn risk_figures_timed(setup: &RiskSetup, clock: &dyn Fn() -> f64) -> (RiskFigures, Timings) {
    let start = clock();
    let (plan, draws) = outlook(setup, 0, setup.top);
    let after_outlook = clock();
    let trials = draws.as_ref().map(RateDraws::trials);
    let forward = setup
        .entry
        .filter(|(stage, _)| *stage < setup.point.len())
        .map(|(stage, count)| outlook(setup, stage, count).0);
    let reach_at = |n: u64| match &draws {
        Some(d) => d.reach(setup, n),
        None => {
            if setup.need == 0 {
                1.0
            } else {
                won_pmf(&setup.classes(&setup.point, 0), n).at_least(setup.need)
            }
        }
    };
    let before_levels = clock();
    let levels: Vec<LevelCount> = FIXED_LEVELS
        .iter()
        .chain(std::iter::once(&setup.level))
        .map(|&level| {
            let top = smallest_top(reach_at, level, setup.top);
            LevelCount {
                level,
                top,
                budget: top.and_then(|t| setup.budget_for(t as f64)),
            }
        })
        .collect();
    let curve = curve(setup, &levels, reach_at);
    let after_levels = clock();
    let tornado = tornado(setup);
    let after_tornado = clock();
    let figures = RiskFigures {
        plan,
        forward,
        levels,
        curve,
        tornado,
        improvements: improvements(setup),
        trials,
        need: setup.need,
    };
    let timings = Timings {
        outlook: after_outlook - start,
        levels: after_levels - before_levels,
        tornado: after_tornado - after_levels,
        total: clock() - start,
    };
    (figures, timings)
}

/// From well below the plan to past the 90 % count, plus the plan and the level points.
fn curve(
    setup: &RiskSetup,
    levels: &[LevelCount],
    reach_at: impl Fn(u64) -> f64,
) -> Vec<(u64, f64)> {
    let marks: Vec<u64> = levels.iter().filter_map(|l| l.top).collect();
    let high = marks
        .iter()
        .copied()
        .chain([setup.top])
        .max()
        .unwrap_or(1)
        .max(1) as f64
        * 1.25;
    let low = marks.iter().copied().chain([setup.top]).min().unwrap_or(0) as f64 * 0.5;
    let mut counts: Vec<u64> = (0..=CURVE_POINTS)
        .map(|i| (low + (high - low) * i as f64 / CURVE_POINTS as f64).round() as u64)
        .chain(marks)
        .chain([setup.top])
        .collect();
    counts.sort_unstable();
    counts.dedup();
    counts.into_iter().map(|n| (n, reach_at(n))).collect()
}

/// The smallest top-stage count reaching `level` at the rates as typed, exactly (the compare
/// view's figure: one bisection, no sampling).
pub fn exact_level_count(setup: &RiskSetup, level: f64) -> Option<u64> {
    let classes = setup.classes(&setup.point, 0);
    smallest_top(
        |n| {
            if setup.need == 0 {
                1.0
            } else {
                won_pmf(&classes, n).at_least(setup.need)
            }
        },
        level,
        setup.top,
    )
}
