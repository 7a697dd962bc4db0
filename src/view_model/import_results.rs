//! What an imported file's records add up to, as the Import view's tables show them: the
//! headline, stage conversion, lead times, cohorts, and channels with their costs.

use funnel_model::draft::Draft;
use funnel_model::format::{format_count, format_decimal, format_money, format_percent};
use funnel_model::import::channels::{cost_per, ChannelRow as ChannelCounts};
use funnel_model::import::Actuals;
use funnel_model::{Lang, Money};

use crate::i18n::import::{months_later, words};
use crate::i18n::names::NamedStages;

/// A share, or a dash with nothing to divide by.
pub fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), format_percent)
}

/// The win rate, average won deal, days to win (median and 80 %) and won deals: (label, figure)
/// each.
pub fn headline(l: Lang, a: &Actuals) -> Vec<(&'static str, String)> {
    let w = words(l);
    let days = |d: Option<f64>| {
        d.map_or_else(
            || "—".to_string(),
            |d| format!("{}{}", format_decimal(d, 1), w.days),
        )
    };
    vec![
        (w.win_rate_decided, percent(a.win_rate())),
        (
            w.average_won_deal,
            a.average_deal()
                .map_or_else(|| "—".to_string(), |v| format_money(v, l)),
        ),
        (w.days_to_win_median, days(a.lead_times.median_days())),
        (
            w.n80_of_wins_within,
            days(a.lead_times.p80_days().map(f64::from)),
        ),
        (w.won, format!("{}{}", format_count(a.won), w.deals)),
    ]
}

/// One step of stage conversion: decided and still open side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversionRow {
    pub step: String,
    pub reached: String,
    pub advanced: String,
    pub lost: String,
    pub open: String,
    pub decided_rate: String,
    pub so_far_rate: String,
}

/// Each step from the file's first stage to won, named by the open draft's rate labels.
pub fn conversion_rows(l: Lang, d: &Draft, a: &Actuals) -> Vec<ConversionRow> {
    a.conversions()
        .into_iter()
        .map(|c| ConversionRow {
            step: d
                .rate_label(c.from, l)
                .unwrap_or_else(|| d.display_name(c.from, l)),
            reached: format_count(c.reached),
            advanced: format_count(c.advanced),
            lost: format_count(c.lost),
            open: format_count(c.open),
            decided_rate: percent(c.decided_rate()),
            so_far_rate: percent(c.so_far_rate()),
        })
        .collect()
}

/// Won deals by the months from creation to won, with their share and its bar's width.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadTimeRow {
    pub month: String,
    pub won: String,
    pub share: String,
    /// The bar's CSS width.
    pub width: String,
}

pub fn lead_time_rows(l: Lang, a: &Actuals) -> Vec<LeadTimeRow> {
    let lt = &a.lead_times;
    lt.by_month
        .iter()
        .zip(lt.month_shares())
        .enumerate()
        .map(|(m, (count, share))| LeadTimeRow {
            month: months_later(l, m),
            won: format_count(*count),
            share: format_percent(share),
            width: format!("{:.1}%", share * 100.0),
        })
        .collect()
}

/// The stages after the first and before won: how far each cohort got.
pub fn cohort_middle(a: &Actuals) -> Vec<usize> {
    (a.first_stage + 1..a.stage_count.saturating_sub(1)).collect()
}

/// One creation month's cohort beside the period ratio of that month.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRow {
    pub month: String,
    pub created: String,
    /// Reached, per stage of [`cohort_middle`].
    pub middle: Vec<String>,
    pub won: String,
    pub open: String,
    pub cohort_rate: String,
    pub won_in_month: String,
    pub period_ratio: String,
}

pub fn cohort_rows(a: &Actuals) -> Vec<CohortRow> {
    let middle = cohort_middle(a);
    a.cohorts
        .iter()
        .map(|r| CohortRow {
            month: r.month.iso(),
            created: format_count(r.created),
            middle: middle.iter().map(|&i| format_count(r.reached[i])).collect(),
            won: format_count(r.won),
            open: format_count(r.open),
            cohort_rate: percent(r.cohort_rate()),
            won_in_month: format_count(r.won_in_month),
            period_ratio: percent(r.period_ratio()),
        })
        .collect()
}

/// A channel's counts from the file (its entries at the file's first stage).
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelCountsRow {
    pub entries: u64,
    pub won: u64,
    pub shown_entries: String,
    pub shown_won: String,
    pub conversion: String,
}

pub fn channel_counts(c: &ChannelCounts, first: usize) -> ChannelCountsRow {
    let entries = c.entries(first);
    ChannelCountsRow {
        entries,
        won: c.won,
        shown_entries: format_count(entries),
        shown_won: format_count(c.won),
        conversion: percent(c.conversion(first)),
    }
}

/// A channel's cost in currency units: the file's (in hundredths) when it has a cost column,
/// else what was typed (empty is nothing spent); `Err` when the typed text is not an amount.
pub fn channel_cost(file_cost: Option<u128>, typed: &str) -> Result<f64, ()> {
    if let Some(hundredths) = file_cost {
        return Ok(hundredths as f64 / 100.0);
    }
    if typed.trim().is_empty() {
        return Ok(0.0);
    }
    Money::parse(typed).map(|m| m.units()).map_err(|_| ())
}

/// Cost per entry and per won deal, a dash where there is nothing to divide (or no cost).
pub fn cost_per_figures(
    l: Lang,
    cost: Result<f64, ()>,
    row: &ChannelCountsRow,
) -> (String, String) {
    let per = |count: u64| {
        cost.ok()
            .and_then(|u| cost_per(u, count))
            .map_or_else(|| "—".to_string(), |v| format_money(v, l))
    };
    (per(row.entries), per(row.won))
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::default_stages;
    use funnel_model::import::aggregate::aggregate;
    use funnel_model::import::mapping::suggest;
    use funnel_model::import::reader::Reader;
    use funnel_model::import::records::build_records;

    /// Three opportunities created in January 2026: two won (¥1,000,000 after 46 days and
    /// ¥3,000,000 after 50), one lost; a lead created in February still open.
    fn actuals() -> Actuals {
        let text = "Deal Stage,Create Date,Close Date,Amount,Lead Source\n\
                    Closed Won,2026-01-05,2026-02-20,1000000,Web\n\
                    Closed Won,2026-01-10,2026-03-01,3000000,Seminar\n\
                    Closed Lost,2026-01-12,2026-02-01,,Web\n\
                    Lead,2026-02-03,,,Web\n";
        let kinds: Vec<_> = default_stages().into_iter().map(|s| s.kind).collect();
        let table = Reader::new(text.to_string()).finish().unwrap();
        let mapping = suggest(&table, &kinds).mapping;
        aggregate(&build_records(&table, &mapping, kinds.len()))
    }

    #[test]
    fn two_wins_average_two_million() {
        let a = actuals();
        let h = headline(Lang::Ja, &a);
        // The lost deal names no stage it reached, so it is lost at the file's first stage: the
        // last step decided 2 won of 2. (¥1,000,000 + ¥3,000,000) ÷ 2 = ¥200万; days to win 46
        // and 50, median 48.
        assert_eq!(h[0].1, "100%");
        assert_eq!(h[1].1, "200万円");
        assert_eq!(h[2].1, "48日");
        assert_eq!(h[4].1, "2件");
        let en = headline(Lang::En, &a);
        assert_eq!(en[1].1, "¥2,000,000");
    }

    #[test]
    fn the_tables_have_a_row_per_step_month_and_cohort() {
        let a = actuals();
        let steps = conversion_rows(Lang::En, &Draft::default(), &a);
        assert_eq!(steps.len(), a.conversions().len());
        let last = steps.last().unwrap();
        assert_eq!(last.decided_rate, "100%");
        let months = lead_time_rows(Lang::Ja, &a);
        // both wins came within the second month after creation
        let won: u64 = a.lead_times.by_month.iter().sum();
        assert_eq!(won, 2);
        assert!(months.iter().all(|m| m.width.ends_with('%')));
        let cohorts = cohort_rows(&a);
        assert_eq!(cohorts[0].month, "2026-01");
        assert_eq!(cohorts[0].won, "2");
        assert!(cohorts
            .iter()
            .all(|c| c.middle.len() == cohort_middle(&a).len()));
    }

    #[test]
    fn a_channel_costs_what_was_typed_per_entry_and_per_win() {
        let a = actuals();
        let web = a.channels.iter().find(|c| c.name == "Web").unwrap();
        let row = channel_counts(web, a.first_stage);
        assert_eq!(row.won, 1);
        // ¥300,000 typed over Web's entries and its one won deal
        let cost = channel_cost(None, "30万");
        assert_eq!(cost, Ok(300_000.0));
        let (cpl, cpa) = cost_per_figures(Lang::Ja, cost, &row);
        assert_eq!(cpa, "30万円");
        assert_eq!(cpl, format_money(300_000.0 / row.entries as f64, Lang::Ja));
        assert_eq!(channel_cost(None, ""), Ok(0.0));
        assert_eq!(
            cost_per_figures(Lang::Ja, Ok(0.0), &row),
            ("—".into(), "—".into())
        );
        assert_eq!(channel_cost(None, "abc"), Err(()));
        assert_eq!(channel_cost(Some(12_345), "ignored"), Ok(123.45));
    }
}
