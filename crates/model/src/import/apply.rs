//! The actuals made into plan inputs: the funnel's rates (decided conversion), the deal size
//! (average won amount), the lead-time distribution, and the channel mix (shares of the file's
//! first-stage records by channel), written as text the way a user would type it. Returns the
//! new draft and the list of what changed, for a before → after preview.

use super::aggregate::Actuals;
use super::dictionary::key;
use crate::draft::Draft;
use crate::format::group_thousands;
use crate::plan::channels::{ChannelKind, ChannelName};
use crate::plan::draft::{ChannelDraft, LeadTimeMode, VolumeMode, MAX_DISTRIBUTION_MONTHS};
use crate::stage::own_name;
use crate::values::Rate;

/// One input the actuals change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// The rate out of the stage with this id.
    Rate(u32),
    DealSize,
    LeadTime,
    /// The channel's share of leads.
    ChannelShare(ChannelName),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    pub what: Changed,
    pub before: String,
    pub after: String,
}

/// The names the page shows a channel of a kind by while the user has not named it, in each
/// language.
pub type KindNames<'a> = &'a dyn Fn(ChannelKind) -> [&'static str; 2];

/// `draft` with the actuals' rates, deal size, lead time and channel mix. A step with no
/// decided record, or none moved on, keeps its rate (a rate must be above 0 %). A file's
/// channel is matched to a row by the row's name as the page shows it, in either language
/// (`kind_names`), before its kind is guessed from the words in it.
pub fn plan_from_actuals(
    draft: &Draft,
    actuals: &Actuals,
    kind_names: KindNames,
) -> (Draft, Vec<PlanChange>) {
    let mut next = draft.clone();
    let mut changes = Vec::new();
    for c in actuals.conversions() {
        let Some(stage) = next.stages.get_mut(c.from) else {
            continue;
        };
        let decided = c.decided();
        if decided == 0 || c.advanced == 0 {
            continue;
        }
        let ppm =
            (u128::from(c.advanced) * 1_000_000 + u128::from(decided) / 2) / u128::from(decided);
        let Ok(rate) = Rate::from_ppm(ppm.clamp(1, 1_000_000) as u32) else {
            continue;
        };
        let text = rate.to_percent_text();
        if stage.rate != text {
            changes.push(PlanChange {
                what: Changed::Rate(stage.id),
                before: stage.rate.clone(),
                after: text.clone(),
            });
            stage.rate = text;
        }
    }
    if actuals.won_with_amount > 0 {
        let yen = (actuals.won_amount + u128::from(actuals.won_with_amount) * 50)
            / (u128::from(actuals.won_with_amount) * 100);
        if yen > 0 {
            let text = group_thousands(&yen.to_string());
            if next.deal_size != text {
                changes.push(PlanChange {
                    what: Changed::DealSize,
                    before: next.deal_size.clone(),
                    after: text.clone(),
                });
                next.deal_size = text;
            }
        }
    }
    apply_lead_time(&mut next, actuals, &mut changes);
    apply_channels(&mut next, actuals, kind_names, &mut changes);
    (next, changes)
}

fn apply_lead_time(next: &mut Draft, actuals: &Actuals, changes: &mut Vec<PlanChange>) {
    let mut counts = actuals.lead_times.by_month.clone();
    if counts.iter().sum::<u64>() == 0 {
        return;
    }
    if counts.len() > MAX_DISTRIBUTION_MONTHS {
        let tail: u64 = counts[MAX_DISTRIBUTION_MONTHS - 1..].iter().sum();
        counts.truncate(MAX_DISTRIBUTION_MONTHS);
        counts[MAX_DISTRIBUTION_MONTHS - 1] = tail;
    }
    let shares: Vec<String> = hundredths_of_percent(&counts)
        .into_iter()
        .map(percent_text)
        .collect();
    let plan = &mut next.plan;
    let before = describe_lead_time(plan.lead_time, &plan.average_days, &plan.distribution);
    plan.lead_time = LeadTimeMode::Distribution;
    plan.distribution = shares;
    let days = &actuals.lead_times.days;
    if !days.is_empty() {
        let total: u64 = days.iter().map(|&d| u64::from(d)).sum();
        let n = days.len() as u64;
        plan.average_days = ((total + n / 2) / n).to_string();
    }
    let after = describe_lead_time(plan.lead_time, &plan.average_days, &plan.distribution);
    if before != after {
        changes.push(PlanChange {
            what: Changed::LeadTime,
            before,
            after,
        });
    }
}

/// `30% / 50% / 20%` for a distribution, `90 days`-style for the other modes (the number only;
/// the page words the unit).
fn describe_lead_time(mode: LeadTimeMode, days: &str, distribution: &[String]) -> String {
    match mode {
        LeadTimeMode::Distribution => distribution
            .iter()
            .map(|s| format!("{s}%"))
            .collect::<Vec<_>>()
            .join(" / "),
        _ => days.to_string(),
    }
}

/// Shares of `counts` in hundredths of a percent that add up to exactly 10,000 (largest
/// remainder), so the plan's "must total 100 %" check always passes.
pub fn hundredths_of_percent(counts: &[u64]) -> Vec<u64> {
    let total: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<(u128, u128)> = counts
        .iter()
        .map(|&c| {
            let x = u128::from(c) * 10_000;
            (x / total, x % total)
        })
        .collect();
    let mut out: Vec<u64> = exact.iter().map(|(q, _)| *q as u64).collect();
    let short = 10_000 - out.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(short as usize) {
        out[i] += 1;
    }
    out
}

/// `12.5`, `33.33`, `100` from hundredths of a percent.
fn percent_text(h: u64) -> String {
    match h % 100 {
        0 => (h / 100).to_string(),
        f if f % 10 == 0 => format!("{}.{}", h / 100, f / 10),
        f => format!("{}.{f:02}", h / 100),
    }
}

/// The plan channel a file's channel name most likely is.
pub fn channel_kind(name: &str) -> Option<ChannelKind> {
    let k = key(name);
    let any = |words: &[&str]| words.iter().any(|w| k.contains(&key(w)));
    use ChannelKind::*;
    [
        (
            Webinar,
            &["webinar", "ウェビナー", "セミナー", "seminar"][..],
        ),
        (
            TradeShow,
            &["展示会", "tradeshow", "expo", "イベント", "event"],
        ),
        (Referral, &["referral", "紹介", "partner", "パートナー"]),
        (
            AbmOutbound,
            &[
                "outbound",
                "アウトバウンド",
                "abm",
                "テレアポ",
                "coldcall",
                "prospecting",
            ],
        ),
        (
            EmailMa,
            &["email", "メール", "newsletter", "メルマガ", "nurtur"],
        ),
        (
            SeoContent,
            &[
                "seo",
                "organic",
                "自然検索",
                "content",
                "コンテンツ",
                "ホワイトペーパー",
                "blog",
                "ブログ",
                "website",
            ],
        ),
        (
            WebAds,
            &[
                "ads",
                "広告",
                "paid",
                "ppc",
                "リスティング",
                "advert",
                "cpc",
                "display",
                "social",
            ],
        ),
    ]
    .into_iter()
    .find(|(_, words)| any(words))
    .map(|(kind, _)| kind)
}

fn apply_channels(
    next: &mut Draft,
    actuals: &Actuals,
    kind_names: KindNames,
    changes: &mut Vec<PlanChange>,
) {
    let first = actuals.first_stage;
    let named: Vec<_> = actuals
        .channels
        .iter()
        .filter(|c| !c.name.is_empty() && c.entries(first) > 0)
        .collect();
    if named.is_empty() {
        return;
    }
    let plan = &mut next.plan;
    // Each file channel finds its plan row: same name, then same kind, else a new row.
    let mut rows: Vec<(u32, u64)> = Vec::new();
    for c in &named {
        let k = key(&c.name);
        let taken = |id: u32, rows: &[(u32, u64)]| rows.iter().any(|(r, _)| *r == id);
        // A row is called what the page shows: its own name, else its kind's in either
        // language. The kind names come from the page's catalogue, not a copy here, because
        // they are what a user copies into a CRM: a rewording there is matched at once.
        let shown_as = |p: &ChannelDraft| match own_name(p.name.as_deref()) {
            Some(own) => key(own) == k,
            None => kind_names(p.kind).iter().any(|n| key(n) == k),
        };
        let by_name = plan
            .channels
            .iter()
            .find(|p| !taken(p.id, &rows) && shown_as(p));
        let by_kind = || {
            let kind = channel_kind(&c.name)?;
            plan.channels
                .iter()
                .find(|p| p.kind == kind && p.name.is_none() && !taken(p.id, &rows))
        };
        let id = match by_name.or_else(by_kind).map(|p| p.id) {
            Some(id) => id,
            None => match plan.add_channel() {
                Some(id) => {
                    let name = c.name.clone();
                    plan.edit_channel(id, |p| p.name = Some(name));
                    id
                }
                // The table is full: the rest joins the last row matched.
                None => match rows.last() {
                    Some(&(id, _)) => id,
                    None => continue,
                },
            },
        };
        match rows.iter_mut().find(|(r, _)| *r == id) {
            Some(row) => row.1 += c.entries(first),
            None => rows.push((id, c.entries(first))),
        }
    }
    let ids: Vec<u32> = plan.channels.iter().map(|p| p.id).collect();
    let counts: Vec<u64> = ids
        .iter()
        .map(|id| rows.iter().find(|(r, _)| r == id).map_or(0, |(_, n)| *n))
        .collect();
    let shares = hundredths_of_percent(&counts);
    for (id, share) in ids.into_iter().zip(shares) {
        plan.edit_channel(id, |p| {
            let text = percent_text(share);
            if p.volume_mode != VolumeMode::Share || p.volume != text {
                changes.push(PlanChange {
                    what: Changed::ChannelShare(p.channel_name()),
                    before: match p.volume_mode {
                        VolumeMode::Share => format!("{}%", p.volume),
                        VolumeMode::Fixed => p.volume.clone(),
                    },
                    after: format!("{text}%"),
                });
                p.volume_mode = VolumeMode::Share;
                p.volume = text;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::aggregate::aggregate;
    use crate::import::mapping::suggest;
    use crate::import::reader::Reader;
    use crate::import::records::build_records;

    /// Stand-ins for the page's names of the kinds (matching by them is what is tested).
    fn test_kind_names(kind: ChannelKind) -> [&'static str; 2] {
        match kind {
            ChannelKind::Custom => ["Neuer Kanal", "New channel"],
            _ => ["Anderer Kanal", "Other channel"],
        }
    }

    fn actuals(text: &str, draft: &Draft) -> Actuals {
        let t = Reader::new(text.to_string()).finish().unwrap();
        let kinds: Vec<_> = draft.stages.iter().map(|s| s.kind).collect();
        let m = suggest(&t, &kinds).mapping;
        aggregate(&build_records(&t, &m, kinds.len()))
    }

    #[test]
    fn shares_always_total_exactly_one_hundred_percent() {
        assert_eq!(hundredths_of_percent(&[1, 1, 1]), [3334, 3333, 3333]);
        assert_eq!(hundredths_of_percent(&[1, 0, 3]), [2500, 0, 7500]);
        assert_eq!(hundredths_of_percent(&[0, 0]), [0, 0]);
        assert_eq!(percent_text(3334), "33.34");
        assert_eq!(percent_text(2500), "25");
        assert_eq!(percent_text(1250), "12.5");
    }

    #[test]
    fn a_deal_export_sets_the_win_rate_deal_size_lead_time_and_mix() {
        let draft = Draft::default();
        // 4 won of 5 decided opportunities (1 open): win rate 80 %; deals ¥1,000,000 and
        // ¥2,000,000 (two won without an amount); lead times lag 0, 1, 1, 2 months.
        let a = actuals(
            "Deal Stage,Create Date,Close Date,Amount,Lead Source\n\
             Closed Won,2026/04/01,2026/04/21,100万,Webinar\n\
             Closed Won,2026/04/01,2026/05/01,200万,Webinar\n\
             Closed Won,2026/04/01,2026/05/11,,Web広告\n\
             Closed Won,2026/04/01,2026/06/10,,Partner Co\n\
             Closed Lost,2026/04/01,2026/04/30,,Web広告\n\
             Contract Sent,2026/04/01,,,\n",
            &draft,
        );
        let (next, changes) = plan_from_actuals(&draft, &a, &test_kind_names);
        // Opportunities are the 5th default stage (id 4).
        assert_eq!(next.stages[4].rate, "80");
        assert_eq!(next.deal_size, "1,500,000");
        assert_eq!(next.plan.lead_time, LeadTimeMode::Distribution);
        assert_eq!(next.plan.distribution, ["25", "50", "25"]);
        // Days 20, 30, 40, 70 → mean 40.
        assert_eq!(next.plan.average_days, "40");
        // Mix over the 5 records with a channel: webinar 2, web ads 2, referral 1.
        let share = |kind| {
            next.plan
                .channels
                .iter()
                .find(|c| c.kind == kind)
                .map(|c| c.volume.clone())
        };
        assert_eq!(share(ChannelKind::Webinar).as_deref(), Some("40"));
        assert_eq!(share(ChannelKind::WebAds).as_deref(), Some("40"));
        assert_eq!(share(ChannelKind::Referral).as_deref(), Some("20"));
        assert_eq!(share(ChannelKind::TradeShow).as_deref(), Some("0"));
        assert_eq!(
            changes[0],
            PlanChange {
                what: Changed::Rate(4),
                before: "25".into(),
                after: "80".into()
            }
        );
        assert!(changes
            .iter()
            .any(|c| c.what == Changed::DealSize && c.before == "500万"));
        assert!(next.funnel().is_ok());
        let ids: Vec<u32> = next.stages.iter().map(|s| s.id).collect();
        assert!(next.plan.time_plan(&next.funnel().unwrap(), &ids).is_ok());
        assert!(next.plan.money_plan(&next.funnel().unwrap()).is_ok());
    }

    #[test]
    fn an_unknown_channel_becomes_a_new_row_and_nothing_without_data_changes() {
        let draft = Draft::default();
        let a = actuals(
            "Stage,Created,Source\nOpportunity,2026/4/1,Podcast\n",
            &draft,
        );
        let (next, changes) = plan_from_actuals(&draft, &a, &test_kind_names);
        let podcast = next.plan.channels.last().unwrap();
        assert_eq!(
            (podcast.name.as_deref(), podcast.volume.as_str()),
            (Some("Podcast"), "100")
        );
        assert_eq!(
            next.stages.iter().map(|s| &s.rate).collect::<Vec<_>>(),
            draft.stages.iter().map(|s| &s.rate).collect::<Vec<_>>()
        );
        assert_eq!(next.deal_size, draft.deal_size);
        assert!(changes
            .iter()
            .all(|c| matches!(c.what, Changed::ChannelShare(_))));
    }

    #[test]
    fn a_file_channel_finds_the_row_by_the_name_the_page_shows_in_either_language() {
        let mut draft = Draft::default();
        let custom = draft.plan.add_channel().unwrap();
        let named = draft.plan.add_channel().unwrap();
        draft
            .plan
            .edit_channel(named, |p| p.name = Some("  Podcast ".into()));
        let volume = |next: &Draft, id| {
            let row = next.plan.channels.iter().find(|c| c.id == id).unwrap();
            row.volume.clone()
        };
        for custom_as_typed in ["neuer kanal", "NEW CHANNEL"] {
            let a = actuals(
                &format!(
                    "Stage,Created,Source\n\
                     Opportunity,2026/4/1,{custom_as_typed}\n\
                     Opportunity,2026/4/1,{custom_as_typed}\n\
                     Opportunity,2026/4/1,podcast\n"
                ),
                &draft,
            );
            let (next, changes) = plan_from_actuals(&draft, &a, &test_kind_names);
            assert_eq!(next.plan.channels.len(), draft.plan.channels.len());
            assert_eq!(volume(&next, custom), "66.67");
            assert_eq!(volume(&next, named), "33.33");
            assert!(changes.iter().any(|c| c.what
                == Changed::ChannelShare(ChannelName {
                    kind: ChannelKind::Custom,
                    own: Some("Podcast".into())
                })));
        }
    }
}
