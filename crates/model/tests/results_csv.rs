//! The results table as CSV: BOM, CRLF, RFC 4180 quoting, headers per language.

use funnel_model::draft::Draft;
use funnel_model::{results_csv, Lang, StageKind};

/// The headings the page passes (its catalogue holds the real ones).
const CSV_HEADERS_JA: [&str; 6] = [
    "段階",
    "必要数",
    "正確な値",
    "次の段階への転換率",
    "受注までの累積転換率",
    "見込み（順算）",
];
const CSV_HEADERS_EN: [&str; 6] = [
    "Stage",
    "Required",
    "Exact value",
    "To next stage",
    "To won (cumulative)",
    "Expected (forward)",
];

/// The stage names the page passes: a stage's own name, else its kind's (the page's catalogue
/// holds the real ones).
fn stage_names(draft: &Draft, lang: Lang) -> Vec<String> {
    use StageKind::*;
    (0..draft.stages.len())
        .map(|i| {
            let stage = draft.named_stage(i).unwrap();
            let kind = match (stage.kind, lang) {
                (Visits, Lang::Ja) => "訪問",
                (Visits, Lang::En) => "Visits",
                (Leads, Lang::Ja) => "リード",
                (Leads, Lang::En) => "Leads",
                (Mql, _) => "MQL",
                (Sql, _) => "SQL",
                (Opportunities, Lang::Ja) => "商談",
                (Opportunities, Lang::En) => "Opportunities",
                (Won, Lang::Ja) => "受注",
                (Won, Lang::En) => "Won deals",
                (other, _) => panic!("no stand-in name for {other:?}"),
            };
            stage.own_name().unwrap_or(kind).to_string()
        })
        .collect()
}

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records), independent of the
/// writer, to check that what is written reads back field for field.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(
                        chars.next(),
                        Some('\n'),
                        "CR outside quotes must start CRLF"
                    );
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "ends with CRLF"
    );
    rows
}

fn default_results(draft: &Draft, lang: Lang, with_forward: bool) -> String {
    let funnel = draft.funnel().unwrap();
    let plan = funnel.reverse().unwrap();
    // The figures below were worked by hand for 3,000 leads typed into forward mode.
    let mut draft = draft.clone();
    if draft.entry_count.is_empty() {
        draft.entry_count = "3,000".into();
    }
    let forward = funnel.forward(draft.entry().unwrap());
    let headers = match lang {
        Lang::Ja => CSV_HEADERS_JA,
        Lang::En => CSV_HEADERS_EN,
    };
    results_csv(
        &funnel,
        &plan,
        with_forward.then_some(&forward),
        &stage_names(&draft, lang),
        &headers,
    )
}

#[test]
fn japanese_table_of_the_default_plan() {
    let csv = default_results(&Draft::default(), Lang::Ja, true);
    assert_eq!(
        csv,
        "\u{feff}段階,必要数,正確な値,次の段階への転換率,受注までの累積転換率,見込み（順算）\r\n\
         訪問,333334,333333.33,2%,0.006%,\r\n\
         リード,6667,6666.67,10%,0.3%,3000.00\r\n\
         MQL,667,666.67,30%,3%,300.00\r\n\
         SQL,200,200.00,40%,10%,90.00\r\n\
         商談,80,80.00,25%,25%,36.00\r\n\
         受注,20,20.00,,100%,9.00\r\n"
    );
}

#[test]
fn english_headers_and_no_forward_column_without_a_forward_result() {
    let csv = default_results(&Draft::default(), Lang::En, false);
    let rows = parse_csv(csv.strip_prefix('\u{feff}').expect("starts with a BOM"));
    assert_eq!(rows[0], CSV_HEADERS_EN[..5]);
    assert_eq!(rows[1], ["Visits", "333334", "333333.33", "2%", "0.006%"]);
    assert_eq!(rows[6], ["Won deals", "20", "20.00", "", "100%"]);
    assert!(rows.iter().all(|r| r.len() == 5));
    let ja = default_results(&Draft::default(), Lang::Ja, true);
    assert_eq!(parse_csv(&ja[3..])[0], CSV_HEADERS_JA);
}

#[test]
fn awkward_stage_names_read_back_exactly() {
    let names = [
        "Leads, inbound",
        "the \"hot\" ones",
        "two\nlines",
        "cr\r\nlf",
        "\"",
        ",",
        "商談（有効）, 再訪 😀",
    ];
    let mut draft = Draft::default();
    for (stage, name) in draft.stages.clone().iter().zip(names) {
        draft.rename_stage(stage.id, name);
    }
    let csv = default_results(&draft, Lang::En, true);
    let rows = parse_csv(csv.strip_prefix('\u{feff}').unwrap());
    assert_eq!(rows.len(), 7);
    for (row, name) in rows[1..].iter().zip(names) {
        assert_eq!(row[0], name.trim());
        assert_eq!(row.len(), 6);
    }
}

#[test]
fn a_name_that_looks_like_a_formula_is_defused() {
    let mut draft = Draft::default();
    draft.rename_stage(0, "=HYPERLINK(\"http://x\")");
    let csv = default_results(&draft, Lang::En, false);
    let rows = parse_csv(csv.strip_prefix('\u{feff}').unwrap());
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\")");
}
