//! The survey benchmarks of the source articles, as data: each range with its source, what in
//! the plan it compares with, and a non-blocking note when a rate falls outside it.
//!
//! These are survey and practitioner figures that vary a lot by industry, company size, deal size
//! and product; a rate outside the range is a prompt to check, not an error, and the user's own
//! history beats any of them. The page's words say so beside them.

use crate::funnel::Funnel;
use crate::stage::StageKind;

use super::channels::{Channel, ChannelKind};

/// Which benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Leads from web ads that become a meeting (商談化率): lead → opportunity for web ads.
    WebAdLeadToMeeting,
    /// Visitors who download a content asset (資料ダウンロードCVR).
    ContentDownloadCvr,
    /// MQL → SQL, as seed 003 gives it.
    MqlToSqlWide,
    /// MQL → SQL, as seed 004 gives it.
    MqlToSqlTypical,
    /// Search-ad visitors who convert.
    SearchAdCvr,
    /// Display-ad visitors who convert.
    DisplayAdCvr,
    /// Landing-page visitors who convert.
    LandingPageCvr,
    /// Emails opened.
    EmailOpen,
    /// Emails clicked.
    EmailClick,
    /// SQL that become a meeting (商談化率).
    SqlToMeeting,
}

/// The article a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The file in `seeds/`, e.g. `001_add3a8592c73fedc.txt`.
    pub seed: &'static str,
    /// The article's title (its first line), shortened.
    pub title: &'static str,
    /// Our translation of the title, for English readers.
    pub title_en: &'static str,
}

const SEED_001: Source = Source {
    seed: "001_add3a8592c73fedc.txt",
    title: "マーケティングKPI設計で失敗する企業に共通する課題",
    title_en: "Where companies go wrong designing marketing KPIs",
};
const SEED_003: Source = Source {
    seed: "003_fbc600cdacf129f3.txt",
    title: "BtoBマーケティングのKPI設計：パイプライン起点で迷わない完全ガイド",
    title_en: "B2B marketing KPI design starting from the pipeline: a complete guide",
};
const SEED_004: Source = Source {
    seed: "004_728e1560eafd6184.txt",
    title: "BtoBマーケティングにおけるKPI設定の目安の数字",
    title_en: "Benchmark figures for setting B2B marketing KPIs",
};

/// What in the plan a benchmark is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppliesTo {
    /// The product of the funnel's rates from the `from` stage to the `to` stage, for every
    /// channel (`channel: None`) or only for the channel named (with that channel's own
    /// lead → MQL rate where it has one).
    Span {
        /// The stage the span starts at.
        from: StageKind,
        /// The stage the span ends at.
        to: StageKind,
        /// Only for this channel; `None` for the whole funnel.
        channel: Option<ChannelKind>,
    },
    /// A channel's visit → lead CVR.
    ChannelCvr(ChannelKind),
    /// Nothing the plan computes (e.g. email open rate): offered as a preset and a reference.
    Reference,
}

/// One benchmark range, as fractions of one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benchmark {
    /// Which figure this is.
    pub metric: Metric,
    /// Bottom of the range, as a fraction of one.
    pub low: f64,
    /// Top of the range, as a fraction of one.
    pub high: f64,
    /// The article gives a single "about" figure; `low`–`high` is then our band of ± half of it
    /// (about 2 % → 1–3 %), so only rates clearly away from it get a note.
    pub approximate: bool,
    /// Below this the article says to act (web ads: under 5 %, revisit targeting or the LP).
    pub act_below: Option<f64>,
    /// What in the plan it is compared with.
    pub applies: AppliesTo,
    /// The article it comes from.
    pub source: Source,
}

impl Benchmark {
    /// The middle of the range, offered as a preset value.
    pub fn preset(&self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// A note when `rate` (a fraction) is outside the range; `None` inside it or for a value
    /// that is not a number.
    pub fn check(&self, rate: f64) -> Option<BenchmarkNote> {
        if !rate.is_finite() {
            return None;
        }
        let position = if self.act_below.is_some_and(|a| rate < a) {
            Position::FarBelow
        } else if rate < self.low - 1e-12 {
            Position::Below
        } else if rate > self.high + 1e-12 {
            Position::Above
        } else {
            return None;
        };
        Some(BenchmarkNote {
            benchmark: *self,
            rate,
            position,
        })
    }
}

/// Where a rate sits against a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Under the level at which the article says to act.
    FarBelow,
    /// Under the range.
    Below,
    /// Over the range.
    Above,
}

/// A rate outside a benchmark: shown beside the field, never blocking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchmarkNote {
    /// The range the rate missed.
    pub benchmark: Benchmark,
    /// The rate checked, as a fraction of one.
    pub rate: f64,
    /// Which side of the range it is on.
    pub position: Position,
}

const fn range(
    metric: Metric,
    low_pct: f64,
    high_pct: f64,
    applies: AppliesTo,
    source: Source,
) -> Benchmark {
    Benchmark {
        metric,
        low: low_pct / 100.0,
        high: high_pct / 100.0,
        approximate: false,
        act_below: None,
        applies,
        source,
    }
}

const fn about(metric: Metric, pct: f64, applies: AppliesTo, source: Source) -> Benchmark {
    Benchmark {
        metric,
        low: pct / 200.0,
        high: pct * 3.0 / 200.0,
        approximate: true,
        act_below: None,
        applies,
        source,
    }
}

/// The benchmarks of SPEC §5.
pub const BENCHMARKS: [Benchmark; 10] = [
    Benchmark {
        act_below: Some(0.05),
        ..range(
            Metric::WebAdLeadToMeeting,
            11.0,
            20.0,
            AppliesTo::Span {
                from: StageKind::Leads,
                to: StageKind::Opportunities,
                channel: Some(ChannelKind::WebAds),
            },
            SEED_001,
        )
    },
    range(
        Metric::ContentDownloadCvr,
        1.0,
        5.0,
        AppliesTo::ChannelCvr(ChannelKind::SeoContent),
        SEED_003,
    ),
    range(
        Metric::MqlToSqlWide,
        15.0,
        40.0,
        AppliesTo::Span {
            from: StageKind::Mql,
            to: StageKind::Sql,
            channel: None,
        },
        SEED_003,
    ),
    range(
        Metric::MqlToSqlTypical,
        20.0,
        30.0,
        AppliesTo::Span {
            from: StageKind::Mql,
            to: StageKind::Sql,
            channel: None,
        },
        SEED_004,
    ),
    about(
        Metric::SearchAdCvr,
        2.0,
        AppliesTo::ChannelCvr(ChannelKind::WebAds),
        SEED_004,
    ),
    about(Metric::DisplayAdCvr, 0.5, AppliesTo::Reference, SEED_004),
    range(
        Metric::LandingPageCvr,
        2.0,
        5.0,
        AppliesTo::Span {
            from: StageKind::Visits,
            to: StageKind::Leads,
            channel: None,
        },
        SEED_004,
    ),
    range(
        Metric::EmailOpen,
        15.0,
        25.0,
        AppliesTo::Reference,
        SEED_004,
    ),
    range(Metric::EmailClick, 2.0, 5.0, AppliesTo::Reference, SEED_004),
    range(
        Metric::SqlToMeeting,
        10.0,
        20.0,
        AppliesTo::Span {
            from: StageKind::Sql,
            to: StageKind::Opportunities,
            channel: None,
        },
        SEED_004,
    ),
];

/// The lead mix of seed 004, in percent: active need, gathering information, out of scope
/// (students, individuals). A composition, not a range: offered as reference.
pub const LEAD_MIX_PERCENT: [(&str, f64); 3] = [
    ("active_need", 10.0),
    ("gathering_information", 65.0),
    ("out_of_scope", 25.0),
];

/// The benchmark for `metric`.
pub fn benchmark(metric: Metric) -> Benchmark {
    BENCHMARKS
        .iter()
        .copied()
        .find(|b| b.metric == metric)
        .unwrap_or(BENCHMARKS[0])
}

/// Product of the funnel's rates from the first `from` stage to the first `to` stage after it;
/// `lead_to_mql` replaces the rate out of the lead stage (a channel's own quality).
fn span_rate(
    funnel: &Funnel,
    from: StageKind,
    to: StageKind,
    lead_to_mql: Option<f64>,
) -> Option<(usize, f64)> {
    let start = funnel.stages.iter().position(|s| s.kind == from)?;
    let end = start + funnel.stages[start..].iter().position(|s| s.kind == to)?;
    let rate = funnel.stages[start..end]
        .iter()
        .map(|s| match (s.kind, lead_to_mql) {
            (StageKind::Leads, Some(r)) => r,
            _ => s.rate_to_next.fraction(),
        })
        .product();
    Some((start, rate))
}

/// Notes on the funnel's own rates, each with the index of the stage the span starts at (where
/// the note goes). Channel-specific benchmarks are left to [`check_channel`].
pub fn check_funnel(funnel: &Funnel) -> Vec<(usize, BenchmarkNote)> {
    BENCHMARKS
        .iter()
        .filter_map(|b| match b.applies {
            AppliesTo::Span {
                from,
                to,
                channel: None,
            } => {
                let (at, rate) = span_rate(funnel, from, to, None)?;
                b.check(rate).map(|n| (at, n))
            }
            _ => None,
        })
        .collect()
}

/// Notes on one channel: its visit → lead CVR, and spans named for its kind (web ads: lead →
/// opportunity through the funnel, with the channel's own lead → MQL rate).
pub fn check_channel(funnel: &Funnel, channel: &Channel) -> Vec<BenchmarkNote> {
    BENCHMARKS
        .iter()
        .filter_map(|b| match b.applies {
            AppliesTo::ChannelCvr(kind) if kind == channel.kind => {
                b.check(channel.visit_cvr.fraction())
            }
            AppliesTo::Span {
                from,
                to,
                channel: Some(kind),
            } if kind == channel.kind => {
                let own = channel.lead_to_mql.map(|r| r.fraction());
                let (_, rate) = span_rate(funnel, from, to, own)?;
                b.check(rate)
            }
            _ => None,
        })
        .collect()
}
