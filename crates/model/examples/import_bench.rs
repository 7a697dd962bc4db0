//! Times the import pipeline natively on 100,000 rows × 20 columns (the browser benchmark's
//! file): `cargo run --release -p funnel-model --example import_bench`.

use std::time::Instant;

use funnel_model::default_stages;
use funnel_model::import::aggregate::aggregate;
use funnel_model::import::mapping::suggest;
use funnel_model::import::reader::Reader;
use funnel_model::import::records::build_records;

fn main() {
    let stages = [
        "Closed Won",
        "Closed Lost",
        "Contract Sent",
        "Appointment Scheduled",
    ];
    let sources = [
        "Webinar",
        "Paid Search",
        "Referral",
        "Organic Search",
        "Trade Show",
    ];
    let mut head: Vec<String> = [
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Create Date",
        "Close Date",
        "Amount",
        "Pipeline",
        "Deal owner",
        "Original Source",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for i in head.len()..20 {
        head.push(format!("Custom {i}"));
    }
    let mut text = head.join(",");
    for i in 0..100_000usize {
        let stage = stages[i % 4];
        let (day, month) = (1 + i % 28, 1 + i % 12);
        let created = format!("2025-{month:02}-{day:02}");
        let close = if stage.starts_with("Closed") {
            format!("2026-{month:02}-{day:02}")
        } else {
            String::new()
        };
        let mut row = vec![
            i.to_string(),
            format!("\"Deal {i}, renewal\""),
            stage.to_string(),
            created,
            close,
            (100_000 + (i % 50) * 10_000).to_string(),
            "Sales Pipeline".into(),
            "Sato".into(),
            sources[i % 5].into(),
        ];
        for c in row.len()..20 {
            row.push(format!("value {c}-{}", i % 97));
        }
        text.push_str("\r\n");
        text.push_str(&row.join(","));
    }
    let mb = text.len() as f64 / 1e6;
    let kinds: Vec<_> = default_stages().into_iter().map(|s| s.kind).collect();
    let t = Instant::now();
    let table = Reader::new(text).finish().unwrap();
    let read = t.elapsed();
    let mapping = suggest(&table, &kinds).mapping;
    let suggested = t.elapsed();
    let records = build_records(&table, &mapping, kinds.len());
    let built = t.elapsed();
    let a = aggregate(&records);
    let done = t.elapsed();
    println!(
        "{mb:.1} MB, {} rows: read {:?}, suggest {:?}, records {:?}, aggregate {:?}; total {:?} (win rate {:?})",
        table.rows.len(),
        read,
        suggested - read,
        built - suggested,
        done - built,
        done,
        a.win_rate()
    );
}
