//! Properties of the import: the order of the rows never changes an aggregate, and no input —
//! any bytes at all — makes any step panic.

use funnel_model::import::aggregate::aggregate;
use funnel_model::import::bad_rows::bad_rows_csv;
use funnel_model::import::date::{parse_date, DateOrder, Month};
use funnel_model::import::encoding::detect;
use funnel_model::import::mapping::suggest;
use funnel_model::import::period::{month_span, period_counts};
use funnel_model::import::reader::Reader;
use funnel_model::import::records::build_records;
use funnel_model::{default_stages, StageKind};
use proptest::prelude::*;

fn kinds() -> Vec<StageKind> {
    default_stages().into_iter().map(|s| s.kind).collect()
}

const STAGES: [&str; 6] = [
    "Closed Won",
    "Closed Lost",
    "Contract Sent",
    "Lead",
    "Marketing Qualified Lead",
    "Mystery",
];
const CHANNELS: [&str; 4] = ["Web", "Seminar", "", "Partner, Inc."];

fn row() -> impl Strategy<Value = String> {
    (
        0usize..6,
        0i32..400,
        proptest::option::of(0i32..200),
        proptest::option::of(1u64..10_000_000),
        0usize..4,
    )
        .prop_map(|(stage, created, close, amount, channel)| {
            let day = |offset: i32| {
                let d = funnel_model::import::date::Day(20_000 + offset);
                d.iso()
            };
            format!(
                "{},{},{},{},\"{}\"",
                STAGES[stage],
                day(created),
                close.map(|c| day(created + c - 20)).unwrap_or_default(),
                amount.map(|a| a.to_string()).unwrap_or_default(),
                CHANNELS[channel]
            )
        })
}

fn run(text: String) -> funnel_model::import::Actuals {
    let table = Reader::new(text).finish().unwrap();
    let mapping = suggest(&table, &kinds()).mapping;
    aggregate(&build_records(&table, &mapping, kinds().len()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn row_order_never_changes_an_aggregate(
        (rows, shuffled) in proptest::collection::vec(row(), 1..60)
            .prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle()))
    ) {
        let header = "Deal Stage,Create Date,Close Date,Amount,Lead Source\n";
        let text = |rows: &[String]| format!("{header}{}\n", rows.join("\n"));
        let mut a = run(text(&rows));
        let mut b = run(text(&shuffled));
        // Stage values are listed as first seen; aggregates do not depend on that.
        a.cohorts.sort_by_key(|c| c.month);
        b.cohorts.sort_by_key(|c| c.month);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = detect(&bytes);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for order in [DateOrder::MonthFirst, DateOrder::DayFirst] {
            let _ = parse_date(&text, order);
        }
        let mut reader = Reader::new(text);
        while !reader.read(3) {}
        if let Ok(table) = reader.finish() {
            for stages in [kinds(), vec![StageKind::Won], vec![]] {
                let mapping = suggest(&table, &stages);
                let records = build_records(&table, &mapping.mapping, stages.len().max(1));
                let a = aggregate(&records);
                let _ = (a.win_rate(), a.average_deal(), a.lead_times.p80_days(), a.rate_counts());
                if let Some((from, to)) = month_span(&records) {
                    let _ = period_counts(&records, a.first_stage, from, to);
                }
                let _ = bad_rows_csv(&records.bad, &table.header, &["l", "c", "v", "r"], |r| format!("{r:?}"));
            }
        }
    }

    #[test]
    fn csv_like_text_never_panics(
        cells in proptest::collection::vec(
            prop_oneof![
                Just(",".to_string()), Just("\"".to_string()), Just("\n".to_string()),
                Just("\r\n".to_string()), Just("\t".to_string()), Just("2026/4/1".to_string()),
                Just("Closed Won".to_string()), Just("Create Date".to_string()),
                Just("Became a Lead Date".to_string()), Just("13/13/2026".to_string()),
                Just("120万".to_string()), Just("総計 (3 レコード)".to_string()), "[a-z0-9 ]{0,5}",
            ],
            0..80,
        )
    ) {
        let text: String = cells.concat();
        if let Ok(table) = Reader::new(text).finish() {
            let mapping = suggest(&table, &kinds());
            let _ = aggregate(&build_records(&table, &mapping.mapping, kinds().len()));
        }
    }

    #[test]
    fn months_count_forward(year in 1i32..9999, month in 1u32..=12) {
        let m = Month::new(year, month);
        prop_assert_eq!((m.year(), m.month()), (year, month));
    }
}
