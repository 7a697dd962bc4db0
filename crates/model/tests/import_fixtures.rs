//! The import fixtures (written by scripts/make_import_fixtures.py from one set of 12 deals)
//! read end to end: every export shape gives the same figures, computed here by hand.
//!
//! The deals: 5 won, 3 lost, 2 open at "contract sent", 2 open at "appointment scheduled" —
//! all opportunities (the 5th default stage).
//! Won: D1 Jan 10 → Jan 30 (20 days, same month) ¥1,000,000; D2 Jan 15 → Mar 1 (45 days,
//! 2 months) ¥2,000,000; D3 Feb 1 → Mar 3 (30 days, 1 month) ¥3,000,000; D4 Feb 10 → May 11
//! (90 days, 3 months) ¥1,500,000; D5 Mar 5 → Apr 4 (30 days, 1 month) ¥2,500,000.

use funnel_model::import::aggregate::aggregate;
use funnel_model::import::bad_rows::bad_rows_csv;
use funnel_model::import::date::{DateError, Month};
use funnel_model::import::encoding::{detect, Encoding};
use funnel_model::import::mapping::{suggest, Role, StageTarget};
use funnel_model::import::period::period_counts;
use funnel_model::import::reader::Reader;
use funnel_model::import::records::{build_records, BadReason, Records};
use funnel_model::{default_stages, StageKind};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/import_fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).unwrap()
}

/// Decodes as the page does with TextDecoder (BOM dropped).
fn decode(bytes: &[u8]) -> (Encoding, bool, String) {
    let d = detect(bytes).unwrap();
    let enc = match d.encoding {
        Encoding::Utf8 => encoding_rs::UTF_8,
        Encoding::ShiftJis => encoding_rs::SHIFT_JIS,
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
    };
    let (text, _, errors) = enc.decode(bytes);
    assert!(!errors);
    (d.encoding, d.bom, text.into_owned())
}

fn kinds() -> Vec<StageKind> {
    default_stages().into_iter().map(|s| s.kind).collect()
}

fn import(name: &str) -> (Records, Vec<String>, usize) {
    let (_, _, text) = decode(&fixture(name));
    let table = Reader::new(text).finish().unwrap();
    let s = suggest(&table, &kinds());
    assert_eq!(s.mapping.problem(), None, "{name}");
    assert!(
        name == "bad_rows.csv"
            || s.mapping
                .values
                .iter()
                .all(|v| v.target != StageTarget::Unmapped),
        "{name}: {:?}",
        s.mapping.values
    );
    let records = build_records(&table, &s.mapping, kinds().len());
    (records, table.header, table.footer.len())
}

#[test]
fn encodings_are_told_apart() {
    let enc = |name| {
        let (e, bom, _) = decode(&fixture(name));
        (e, bom)
    };
    assert_eq!(enc("hubspot_deals_en.csv"), (Encoding::Utf8, false));
    assert_eq!(enc("hubspot_deals_ja_bom.csv"), (Encoding::Utf8, true));
    assert_eq!(
        enc("salesforce_report_ja_sjis.csv"),
        (Encoding::ShiftJis, false)
    );
    assert_eq!(enc("excel_paste.tsv"), (Encoding::Utf8, false));
}

#[test]
fn every_export_shape_gives_the_same_hand_computed_figures() {
    for name in [
        "hubspot_deals_en.csv",
        "hubspot_deals_ja_bom.csv",
        "salesforce_report_ja_sjis.csv",
        "excel_paste.tsv",
    ] {
        let (records, _, footer) = import(name);
        assert_eq!((records.used(), records.skipped()), (12, 0), "{name}");
        let a = aggregate(&records);
        assert_eq!(a.first_stage, 4, "{name}");
        let c = a.conversions();
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].reached, c[0].advanced, c[0].lost, c[0].open),
            (12, 5, 3, 4)
        );
        // 5 won of 8 decided; 5 of 12 so far.
        assert_eq!(a.win_rate(), Some(0.625), "{name}");
        assert_eq!(c[0].so_far_rate(), Some(5.0 / 12.0));
        // (1.0 + 2.0 + 3.0 + 1.5 + 2.5) million ÷ 5.
        assert_eq!(a.average_deal(), Some(2_000_000.0), "{name}");
        assert_eq!(a.lead_times.days, [20, 30, 30, 45, 90], "{name}");
        assert_eq!(a.lead_times.median_days(), Some(30.0));
        // ceil(0.8 × 5) = 4th.
        assert_eq!(a.lead_times.p80_days(), Some(45));
        assert_eq!(a.lead_times.by_month, [1, 2, 1, 1]);
        // Cohorts: (month, created, won so far, open, won closed in the month).
        let cohorts: Vec<_> = a
            .cohorts
            .iter()
            .map(|r| (r.month.iso(), r.created, r.won, r.open, r.won_in_month))
            .collect();
        assert_eq!(
            cohorts,
            [
                ("2026-01".to_string(), 3, 2, 0, 1),
                ("2026-02".to_string(), 3, 2, 0, 0),
                ("2026-03".to_string(), 3, 1, 1, 2),
                ("2026-04".to_string(), 3, 0, 3, 1),
                ("2026-05".to_string(), 0, 0, 0, 1),
            ],
            "{name}"
        );
        // March: the period ratio (2 won in March ÷ 3 created) is twice the cohort's (1 ÷ 3).
        assert_eq!(a.cohorts[2].period_ratio(), Some(2.0 / 3.0));
        assert_eq!(a.cohorts[2].cohort_rate(), Some(1.0 / 3.0));
        // Channels: paid search 6 deals, 2 won (¥4,500,000); webinar 4, 2 won (¥4,000,000);
        // then the one without a channel and referral (1 each, by name).
        let channels: Vec<_> = a
            .channels
            .iter()
            .map(|c| (c.entries(4), c.won, c.won_amount / 100))
            .collect();
        assert_eq!(
            channels,
            [
                (6, 2, 4_500_000),
                (4, 2, 4_000_000),
                (1, 0, 0),
                (1, 1, 1_500_000)
            ],
            "{name}"
        );
        assert_eq!(a.channels[2].name, "");
        let expected_footer = if name.contains("salesforce") { 3 } else { 0 };
        assert_eq!(footer, expected_footer, "{name}");
        // April alone: 3 deals created, 1 won (D5, ¥2,500,000).
        let april = Month::new(2026, 4);
        let p = period_counts(&records, 4, april, april);
        assert_eq!(
            (p.stages[4], p.won, p.revenue / 100),
            (3, 1, 2_500_000),
            "{name}"
        );
    }
}

#[test]
fn bad_rows_are_reported_by_line_and_reason() {
    let (records, header, _) = import("bad_rows.csv");
    assert_eq!((records.used(), records.skipped()), (3, 6));
    let got: Vec<_> = records.bad.iter().map(|b| (b.line, b.reason)).collect();
    assert_eq!(
        got,
        [
            (3, BadReason::BadDate(DateError::NoSuchDay)),
            (4, BadReason::ClosedBeforeCreated),
            (5, BadReason::UnknownStage),
            (6, BadReason::Missing(Role::Created)),
            (7, BadReason::BadAmount),
            (
                8,
                BadReason::FieldCount {
                    found: 2,
                    expected: 5
                }
            ),
        ]
    );
    let titles = ["Line", "Column", "Value", "Reason"];
    let csv = bad_rows_csv(&records.bad, &header, &titles, |r| format!("{r:?}"));
    assert!(csv.contains("\r\n3,Create Date,2026-02-30,BadDate(NoSuchDay)\r\n"));
    assert!(csv.contains("\r\n5,Deal Stage,Maybe Later,UnknownStage\r\n"));
    assert_eq!(csv.lines().count(), 7);
}
