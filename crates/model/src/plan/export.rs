//! The monthly plan and the channel mix as CSV, with the conventions of
//! [`crate::csv_export`]: UTF-8 with a byte-order mark (Japanese Excel), CRLF, RFC 4180 quoting,
//! plain digits (no thousands separators) so spreadsheets read numbers as numbers.

use super::draft::{MoneyPlan, TimePlan};
use crate::csv_export::{defuse_formula, push_row};
use crate::funnel::Funnel;
use crate::lang::Lang;

fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn money(value: f64) -> String {
    format!("{:.0}", value.round())
}

fn optional(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(String::new, |v| format!("{v:.decimals$}"))
}

/// One row per month (months before the period marked): the calendar month, whether it is
/// before the period, the whole count to create per stage, and inside- and field-sales reps.
pub fn monthly_plan_csv(plan: &TimePlan, funnel: &Funnel, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        pick(lang, "月", "Month").to_string(),
        pick(lang, "計画期間前", "Before the period").to_string(),
    ];
    header.extend(
        funnel
            .stages
            .iter()
            .map(|s| defuse_formula(s.display_name(lang))),
    );
    header.push(pick(lang, "IS人数", "Inside-sales reps").into());
    header.push(pick(lang, "FS人数", "Field-sales reps").into());
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
pub fn channels_csv(plan: &MoneyPlan, names: &[String], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header = match lang {
        Lang::Ja => [
            "チャネル",
            "リード",
            "訪問・接触",
            "予算",
            "CPL",
            "MQL",
            "受注",
            "CPA",
        ],
        Lang::En => [
            "Channel", "Leads", "Visits", "Budget", "CPL", "MQL", "Won", "CPA",
        ],
    };
    push_row(&mut out, &header);
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
            pick(lang, "合計", "Total").to_string(),
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

    #[test]
    fn month_rows_add_up_to_the_funnel() {
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let ids: Vec<u32> = d.stages.iter().map(|s| s.id).collect();
        let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
        let csv = monthly_plan_csv(&t, &f, Lang::Ja);
        assert!(csv
            .starts_with("\u{feff}月,計画期間前,訪問,リード,MQL,SQL,商談,受注,IS人数,FS人数\r\n"));
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
        let csv = channels_csv(&m, &names, Lang::En);
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
