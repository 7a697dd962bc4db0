//! The monthly plan and the channel mix as CSV, with the conventions of
//! [`crate::csv_export`]: UTF-8 with a byte-order mark (Japanese Excel), CRLF, RFC 4180 quoting,
//! plain digits (no thousands separators) so spreadsheets read numbers as numbers.

use super::draft::{MoneyPlan, TimePlan};
use crate::csv_export::{defuse_formula, push_row};

/// The monthly plan CSV's headings around the stages' names, in the reader's language.
pub struct MonthlyCsvWords<'a> {
    pub month: &'a str,
    pub before_period: &'a str,
    pub inside_reps: &'a str,
    pub field_reps: &'a str,
}

/// The channel CSV's eight headings (channel, leads, visits, budget, CPL, MQL, won, CPA) and the
/// total row's name, in the reader's language.
pub struct ChannelsCsvWords<'a> {
    pub headers: [&'a str; 8],
    pub total: &'a str,
}

fn money(value: f64) -> String {
    format!("{:.0}", value.round())
}

fn optional(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(String::new, |v| format!("{v:.decimals$}"))
}

/// One row per month (months before the period marked): the calendar month, whether it is
/// before the period, the whole count to create per stage (`stage_names`, top first), and
/// inside- and field-sales reps.
pub fn monthly_plan_csv(
    plan: &TimePlan,
    stage_names: &[String],
    words: &MonthlyCsvWords,
) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![words.month.to_string(), words.before_period.to_string()];
    header.extend(stage_names.iter().map(|s| defuse_formula(s.clone())));
    header.push(words.inside_reps.into());
    header.push(words.field_reps.into());
    push_row(&mut out, &header);
    for (row, m) in plan.monthly.months.iter().enumerate() {
        let mut fields = vec![
            m.calendar_month.to_string(),
            if m.already_in_pipeline { "1" } else { "0" }.to_string(),
        ];
        fields.extend(m.shown.iter().map(u64::to_string));
        fields.push(
            plan.staffing
                .inside_sales
                .get(row)
                .copied()
                .unwrap_or(0)
                .to_string(),
        );
        fields.push(
            plan.staffing
                .field_sales
                .get(row)
                .copied()
                .unwrap_or(0)
                .to_string(),
        );
        push_row(&mut out, &fields);
    }
    out
}

/// One row per channel and a total: leads, visits, budget, CPL, MQL, won, CPA.
pub fn channels_csv(plan: &MoneyPlan, names: &[String], words: &ChannelsCsvWords) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &words.headers);
    for (i, c) in plan.mix.channels.iter().enumerate() {
        push_row(
            &mut out,
            &[
                defuse_formula(names.get(i).cloned().unwrap_or_default()),
                c.leads.to_string(),
                c.visits.to_string(),
                money(c.budget),
                optional(c.cpl, 0),
                format!("{:.2}", c.mql),
                format!("{:.2}", c.won),
                optional(c.cpa, 0),
            ],
        );
    }
    let b = &plan.mix.blended;
    push_row(
        &mut out,
        &[
            words.total.to_string(),
            b.leads.to_string(),
            b.visits.to_string(),
            money(b.budget),
            optional(b.cpl, 0),
            format!("{:.2}", b.mql),
            format!("{:.2}", b.won),
            optional(b.cpa, 0),
        ],
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::plan::draft::PlanDraft;

    const MONTHLY: MonthlyCsvWords = MonthlyCsvWords {
        month: "Month",
        before_period: "Before",
        inside_reps: "IS",
        field_reps: "FS",
    };

    #[test]
    fn month_rows_add_up_to_the_funnel() {
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let ids: Vec<u32> = d.stages.iter().map(|s| s.id).collect();
        let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
        let names: Vec<String> = (0..f.stages.len()).map(|i| format!("s{i}")).collect();
        let csv = monthly_plan_csv(&t, &names, &MONTHLY);
        assert!(csv.starts_with("\u{feff}Month,Before,s0,s1,s2,s3,s4,s5,IS,FS\r\n"));
        let rows: Vec<Vec<u64>> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').map(|x| x.trim().parse().unwrap()).collect())
            .collect();
        assert_eq!(rows.len(), 6);
        // Each month is rounded up, so the rows add up to the plan's own totals (7 deals in each
        // of the three months: 21), not to the single-period funnel.
        let leads: u64 = rows.iter().map(|r| r[3]).sum();
        assert_eq!(leads, t.monthly.shown_totals()[1]);
        let won: u64 = rows.iter().map(|r| r[7]).sum();
        assert_eq!(won, 21);
    }

    #[test]
    fn channel_rows_end_with_the_total() {
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let m = PlanDraft::default().money_plan(&f).unwrap();
        let names: Vec<String> = (0..7).map(|i| format!("=ch{i}")).collect();
        let words = ChannelsCsvWords {
            headers: [
                "Channel", "Leads", "Visits", "Budget", "CPL", "MQL", "Won", "CPA",
            ],
            total: "Total",
        };
        let csv = channels_csv(&m, &names, &words);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Channel,Leads,Visits,Budget,CPL,MQL,Won,CPA"
        );
        // Web ads: 30 % of 6,667 = 2,000 leads at ¥15,000 = ¥30,000,000; 2 % CVR → 100,000 visits.
        assert!(
            lines[1].starts_with("'=ch0,2000,100000,30000000,15000,"),
            "{}",
            lines[1]
        );
        assert!(lines[8].starts_with("Total,6667,"), "{}", lines[8]);
    }
}
