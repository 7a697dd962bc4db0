//! Any bytes as an exported CSV/TSV file: guessing the encoding, reading the table in slices,
//! suggesting a mapping, building records and aggregating must never panic, and reading in
//! slices must give the same table as reading at once.
#![no_main]

use funnel_model::import::aggregate::aggregate;
use funnel_model::import::encoding::detect;
use funnel_model::import::mapping::suggest;
use funnel_model::import::reader::Reader;
use funnel_model::import::records::build_records;
use funnel_model::{default_stages, StageKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    let text = String::from_utf8_lossy(data).into_owned();
    let mut sliced = Reader::new(text.clone());
    while !sliced.read(2) {}
    let table = sliced.finish();
    assert_eq!(table, Reader::new(text).finish());
    if let Ok(table) = table {
        let kinds: Vec<StageKind> = default_stages().into_iter().map(|s| s.kind).collect();
        let mapping = suggest(&table, &kinds).mapping;
        let records = build_records(&table, &mapping, kinds.len());
        assert_eq!(records.used() + records.skipped(), table.rows.len());
        let a = aggregate(&records);
        let _ = (a.win_rate(), a.average_deal(), a.lead_times.p80_days());
    }
});
