//! The survey benchmarks as a channel's card words them.

use funnel_model::plan::benchmarks::{check_channel, Metric};
use funnel_model::plan::channels::Channel;
use funnel_model::{Funnel, Lang};

use crate::i18n::benchmarks::benchmark_note;
use crate::i18n::channels::words;

/// What a benchmark measures.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    use Metric::*;
    match metric {
        WebAdLeadToMeeting => words(lang).web_ad_leads_that_become_meetings,
        ContentDownloadCvr => words(lang).content_download_cvr,
        MqlToSqlWide => words(lang).mql_sql_wide_range,
        MqlToSqlTypical => words(lang).mql_sql_typical,
        SearchAdCvr => words(lang).search_ad_cvr,
        DisplayAdCvr => words(lang).display_ad_cvr,
        LandingPageCvr => words(lang).landing_page_cvr_visit_lead,
        EmailOpen => words(lang).email_open_rate,
        EmailClick => words(lang).email_click_rate,
        SqlToMeeting => words(lang).sql_that_become_meetings,
    }
}

/// The benchmark notes on a channel's figures, each naming the span it checks: that span is
/// not on the card (web ads: lead → meeting through the funnel).
pub fn benchmark_notes(lang: Lang, funnel: &Funnel, channel: &Channel) -> Vec<String> {
    check_channel(funnel, channel)
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                metric_name(n.benchmark.metric, lang),
                benchmark_note(lang, n)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::draft::Draft;

    #[test]
    fn each_note_names_the_span_it_checks() {
        let mut d = Draft::default();
        let funnel = d.funnel().unwrap();
        // A web-ad CVR of 40 % is far above any survey's range.
        d.plan.channels[0].cvr = "40".to_string();
        let channels = d.plan.channels().unwrap();
        let notes = benchmark_notes(Lang::Ja, &funnel, &channels[0]);
        assert!(!notes.is_empty());
        for n in &notes {
            let (name, note) = n.split_once(": ").expect("a name, then the note");
            assert!(!name.is_empty() && !note.is_empty(), "{n}");
        }
    }
}
