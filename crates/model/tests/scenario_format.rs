//! The stored, exported and linked forms of a scenario: a fixture of every version, round trips,
//! every refusal with its exact message, and properties over generated scenarios and links.
//!
//! Long because every stored version has its fixture and every refusal its exact message.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use funnel_model::draft::{Draft, SeekChoice, StageDraft};
use funnel_model::kpi::{Basis, ChecklistItem, DefinedStage, DefinitionField, KpiEdit, ROOT_ID};
use funnel_model::link_funnel::{LinkFunnel, LinkPeriod, LinkStage, PLAN_POSITION};
use funnel_model::plan::draft::{LeadTimeMode, PlanDraft, SpendMode};
use funnel_model::plan::period::Period;
use funnel_model::scenario::{validate, MAX_JSON_BYTES, MAX_NAME_CHARS, MAX_STAGE_ID};
use funnel_model::share::open_link;
use funnel_model::{
    decode_link, encode_link, scenario_from_json, scenario_to_json, FormatError, Scenario,
    StageKind, MAX_LINK_CHARS, SCHEMA_VERSION,
};
use proptest::prelude::*;

const V1_JSON: &str = include_str!("fixtures/scenario_v1.json");
const V2_JSON: &str = include_str!("fixtures/scenario_v2.json");
const V2_LINK: &str = include_str!("fixtures/scenario_v2.link");
const V3_JSON: &str = include_str!("fixtures/scenario_v3.json");
const V3_LINK: &str = include_str!("fixtures/scenario_v3.link");

fn stage(id: u32, kind: StageKind, name: Option<&str>, rate: &str) -> StageDraft {
    StageDraft {
        id,
        kind,
        name: name.map(String::from),
        rate: rate.into(),
    }
}

/// What `fixtures/scenario_v2.*` hold: own names, a reordered custom stage, a rate typed wrong
/// (kept as typed), visits as the entry stage, goal seek on the deal size.
fn v2_expected() -> Scenario {
    Scenario {
        name: "2027年度 上期 \"攻め\" プラン".into(),
        draft: Draft {
            target: "5億".into(),
            deal_size: "¥800万".into(),
            stages: vec![
                stage(0, StageKind::Visits, None, "1.5"),
                stage(1, StageKind::Leads, Some("問い合わせ"), "12"),
                stage(2, StageKind::Mql, None, "35%"),
                stage(7, StageKind::Custom, Some("ウェビナー参加, 再訪"), "abc"),
                stage(3, StageKind::Sql, None, "40"),
                stage(4, StageKind::Opportunities, None, "25"),
                stage(5, StageKind::Won, None, "100"),
            ],
            entry_stage: 0,
            entry_count: "20万".into(),
            seek: SeekChoice::DealSize,
            plan: PlanDraft::default(),
            kpi: Default::default(),
            risk: Default::default(),
        },
    }
}

/// What `fixtures/scenario_v3.*` hold: the version-2 scenario with a plan edited in every part
/// (a month period in a January fiscal year, seasonal weights, dwell days, an own channel with a
/// budget and its own quality, a bad churn text kept as typed).
fn v3_expected() -> Scenario {
    let mut s = v2_expected();
    let p = &mut s.draft.plan;
    p.period = Period::Month;
    p.fiscal_start = 1;
    p.period_index = 2;
    p.set_weight(3, "1.5");
    p.lead_time = LeadTimeMode::StageDwell;
    p.set_dwell(3, "14");
    p.set_dwell(4, "45");
    p.open_pipeline = "2億".into();
    let id = p.add_channel().unwrap();
    p.edit_channel(id, |c| {
        c.name = Some("パートナー共催".into());
        c.spend_mode = SpendMode::Budget;
        c.spend = "300万".into();
        c.lead_to_mql = "20".into();
    });
    p.monthly_churn = "x".into();
    let basis_draft = s.draft.clone();
    let basis = Basis::new(&basis_draft, &[]);
    let k = &mut s.draft.kpi;
    k.apply(
        &basis,
        KpiEdit::SetActual {
            node: ROOT_ID,
            month: None,
            text: "4億".into(),
        },
    );
    k.apply(&basis, KpiEdit::AddKsf { parent: ROOT_ID });
    k.definitions.set(
        DefinedStage::Mql,
        DefinitionField::ScoreThreshold,
        "スコア50点以上",
    );
    k.checklist.set(ChecklistItem::KgiSet, true);
    s
}

fn default_scenario() -> Scenario {
    Scenario {
        name: "FY2027 基本計画".into(),
        draft: Draft::default(),
    }
}

/// The link's check as specified: FNV-1a (32 bit) over the version marker and the JSON.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// A version-2 link around any bytes, with a correct check.
fn link_around(json: &[u8]) -> String {
    let mut checked = b"2".to_vec();
    checked.extend_from_slice(json);
    let mut bytes = json.to_vec();
    bytes.extend_from_slice(&fnv1a(&checked).to_be_bytes());
    format!("2.{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn v2_json_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(V2_JSON).unwrap();
    edit(&mut value);
    value.to_string()
}

// ---------------------------------------------------------------------------------------------
// Fixtures: one per version, compared with the Draft they must give.

#[test]
fn version_1_fixture_migrates() {
    let mut expected = Draft {
        entry_count: "3000".into(),
        ..Draft::default()
    };
    expected.stages[4].name = Some("商談（有効）".into());
    assert_eq!(
        scenario_from_json(V1_JSON),
        Ok(Scenario {
            name: "旧形式のシナリオ".into(),
            draft: expected,
        })
    );
}

#[test]
fn version_1_without_a_leads_stage_starts_from_the_first_stage() {
    let json = r#"{"format":"funnel-calculator-scenario","version":1,"name":"x",
        "target":"1億","deal_size":"500万",
        "stages":[{"kind":"sql","rate":"40"},{"kind":"opportunities","name":null,"rate":"25"},
                  {"kind":"won","name":null,"rate":"100"}],
        "leads":"300"}"#;
    let s = scenario_from_json(json).unwrap();
    assert_eq!(s.draft.entry_stage, 0);
    assert_eq!(s.draft.entry_count, "300");
    assert_eq!(s.draft.seek, SeekChoice::Rate(1));
    assert_eq!(
        s.draft.stages.iter().map(|s| s.id).collect::<Vec<_>>(),
        [0, 1, 2]
    );
}

#[test]
fn version_1_with_leads_last_is_repaired() {
    let json = r#"{"format":"funnel-calculator-scenario","version":1,"name":"x",
        "target":"1","deal_size":"1",
        "stages":[{"kind":"visits","rate":"2"},{"kind":"leads","rate":"100"}],"leads":"1"}"#;
    let s = scenario_from_json(json).unwrap();
    assert_eq!(s.draft.entry_stage, 0);
    assert_eq!(s.draft.seek, SeekChoice::Rate(0));
}

#[test]
fn version_2_fixtures_load_with_the_default_plan() {
    assert_eq!(scenario_from_json(V2_JSON), Ok(v2_expected()));
    assert_eq!(decode_link(V2_LINK.trim_end()), Ok(v2_expected()));
}

#[test]
fn version_3_fixture_loads_and_is_what_today_writes() {
    assert_eq!(scenario_from_json(V3_JSON), Ok(v3_expected()));
    assert_eq!(scenario_to_json(&v3_expected()), V3_JSON.trim_end());
}

#[test]
fn link_fixture_decodes_and_is_what_today_writes() {
    assert_eq!(decode_link(V3_LINK.trim_end()), Ok(v3_expected()));
    assert_eq!(encode_link(&v3_expected()), V3_LINK.trim_end());
}

#[test]
fn a_default_plan_is_left_out_of_the_link() {
    let link = encode_link(&v2_expected());
    let json = URL_SAFE_NO_PAD.decode(&link[2..]).unwrap();
    let json = std::str::from_utf8(&json[..json.len() - 4]).unwrap();
    assert!(json.ends_with(",null]"), "{json}");
}

// ---------------------------------------------------------------------------------------------
// Round trips and the link's size.

#[test]
fn default_scenario_round_trips_and_its_link_is_short() {
    let s = default_scenario();
    let link = encode_link(&s);
    println!("default scenario link: {} characters: #{link}", link.len());
    assert!(link.len() <= 600);
    assert_eq!(decode_link(&link), Ok(s.clone()));
    assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
}

#[test]
fn a_byte_order_mark_before_imported_json_is_ignored() {
    let with_bom = format!("\u{feff}{V2_JSON}");
    assert_eq!(scenario_from_json(&with_bom), Ok(v2_expected()));
}

// ---------------------------------------------------------------------------------------------
// Every refusal, with its exact message.

#[test]
fn messages_are_exact() {
    assert_eq!(
        FormatError::TooLarge.to_string(),
        "the scenario is too large to open"
    );
    assert_eq!(
        FormatError::NotDecodable.to_string(),
        "the scenario could not be read: it is damaged or incomplete"
    );
    assert_eq!(
        FormatError::FutureVersion { found: 4 }.to_string(),
        "the scenario was saved by a newer version of the calculator \
         (format 4; this version reads up to 3)"
    );
    assert_eq!(
        FormatError::Invalid.to_string(),
        "the scenario breaks the calculator's rules \
         (2 to 12 stages, unique stage ids, texts of at most 64 characters)"
    );
}

#[test]
fn too_large() {
    let long_link = format!("2.{}", "A".repeat(MAX_LINK_CHARS));
    assert_eq!(decode_link(&long_link), Err(FormatError::TooLarge));
    // a future marker does not get past the size check either
    assert_eq!(
        decode_link(&format!("4.{}", "A".repeat(MAX_LINK_CHARS))),
        Err(FormatError::TooLarge)
    );
    let long_json = format!("{}{}", V2_JSON, " ".repeat(MAX_JSON_BYTES));
    assert_eq!(scenario_from_json(&long_json), Err(FormatError::TooLarge));
    // just under the cap is fine
    let padded = format!("{V2_JSON}{}", " ".repeat(MAX_JSON_BYTES - V2_JSON.len()));
    assert_eq!(scenario_from_json(&padded), Ok(v2_expected()));
}

#[test]
fn not_decodable_links() {
    let good = encode_link(&default_scenario());
    let body = &good[2..];
    let cases = [
        String::new(),
        "2".into(),
        "2.".into(),
        format!("#{good}"),
        format!("{good}="),
        format!("{good} "),
        format!("2.{}!", &body[..body.len() - 1]),
        good[..good.len() - 1].to_string(),
        good[..good.len() / 2].to_string(),
        format!("1.{body}"),
        format!("02.{body}"),
        format!("x.{body}"),
        link_around(b"not json"),
        link_around(b"{}"),
        link_around(b"[]"),
        link_around(br#"["n","1","1",[[0,0,"1",null],[1,7,"1",null]],0,"1",0,"extra"]"#),
        link_around(br#"["n","1","1",[[0,9,"1",null],[1,7,"1",null]],0,"1",0]"#),
        link_around(br#"["n","1","1",[[0,0,"1",null],[1,7,"1",null]],0,"1",-3]"#),
        link_around(br#"["n","1","1",[[0,0,"1",null],[1,7,"1",null]],0,"1",4294967296]"#),
        link_around(br#"["n","1","1",[[0,0,1,null],[1,7,"1",null]],0,"1",0]"#),
        link_around("[".repeat(5000).as_bytes()),
    ];
    for link in &cases {
        assert_eq!(decode_link(link), Err(FormatError::NotDecodable), "{link}");
    }
    // the hand-made link itself is fine once its content is
    assert!(decode_link(&link_around(
        br#"["n","1","1",[[0,0,"1",null],[1,7,"1",null]],0,"1",0]"#
    ))
    .is_ok());
}

#[test]
fn not_decodable_json() {
    let cases = [
        String::new(),
        "null".into(),
        "{}".into(),
        "[1,2]".into(),
        "not json".into(),
        V2_JSON[..V2_JSON.len() / 2].to_string(),
        V2_JSON.replace("funnel-calculator-scenario", "something-else"),
        v2_json_with(|v| v["version"] = 0.into()),
        v2_json_with(|v| v["version"] = "2".into()),
        v2_json_with(|v| v["version"] = (-1).into()),
        v2_json_with(|v| v["extra"] = 1.into()),
        v2_json_with(|v| v["draft"]["stages"][0]["kind"] = "funnel".into()),
        v2_json_with(|v| v["draft"]["seek"] = "everything".into()),
        v2_json_with(|v| {
            v["draft"].as_object_mut().unwrap().remove("entry_count");
        }),
        // a version-1 body under a version-2 header, and the other way round
        V1_JSON.replace("\"version\": 1", "\"version\": 2"),
        V2_JSON.replace("\"version\": 2", "\"version\": 1"),
    ];
    for json in &cases {
        assert_eq!(
            scenario_from_json(json),
            Err(FormatError::NotDecodable),
            "{json}"
        );
    }
}

#[test]
fn future_versions() {
    let body = &encode_link(&default_scenario())[2..];
    assert_eq!(
        decode_link(&format!("4.{body}")),
        Err(FormatError::FutureVersion { found: 4 })
    );
    assert_eq!(
        decode_link("4.anything at all"),
        Err(FormatError::FutureVersion { found: 4 })
    );
    assert_eq!(
        decode_link("123456789012."),
        Err(FormatError::FutureVersion { found: u32::MAX })
    );
    // a future JSON is recognised whatever shape the rest has
    assert_eq!(
        scenario_from_json(r#"{"format":"funnel-calculator-scenario","version":4,"x":[1]}"#),
        Err(FormatError::FutureVersion { found: 4 })
    );
    assert_eq!(
        scenario_from_json(&v2_json_with(|v| v["version"] = 7_000_000_000u64.into())),
        Err(FormatError::FutureVersion { found: u32::MAX })
    );
    assert_eq!(
        SCHEMA_VERSION, 3,
        "the cases above are written for version 3"
    );
}

#[test]
fn invalid_scenarios_are_refused_the_same_way_everywhere() {
    let base = default_scenario();
    let mut cases = Vec::new();
    let mut one = base.clone();
    one.draft.stages.truncate(1);
    cases.push(one);
    let mut thirteen = base.clone();
    thirteen.draft.stages = (0..13)
        .map(|id| stage(id, StageKind::Custom, None, "50"))
        .collect();
    cases.push(thirteen);
    let mut dup = base.clone();
    dup.draft.stages[3].id = 1;
    cases.push(dup);
    let mut big_id = base.clone();
    big_id.draft.stages[0].id = MAX_STAGE_ID + 1;
    cases.push(big_id);
    let mut long_rate = base.clone();
    long_rate.draft.stages[0].rate = "9".repeat(65);
    cases.push(long_rate);
    let mut long_count = base.clone();
    long_count.draft.entry_count = "あ".repeat(65);
    cases.push(long_count);
    let mut long_stage_name = base.clone();
    long_stage_name.draft.stages[2].name = Some("x".repeat(41));
    cases.push(long_stage_name);
    for s in &cases {
        assert_eq!(decode_link(&encode_link(s)), Err(FormatError::Invalid));
        assert_eq!(
            scenario_from_json(&scenario_to_json(s)),
            Err(FormatError::Invalid)
        );
    }
}

#[test]
fn repairs_are_the_same_everywhere() {
    let mut s = default_scenario();
    s.name = "名".repeat(MAX_NAME_CHARS + 20);
    s.draft.entry_stage = 5; // the won stage cannot be the entry
    s.draft.seek = SeekChoice::Rate(42);
    let repaired = validate(s.clone()).unwrap();
    assert_eq!(repaired.name, "名".repeat(MAX_NAME_CHARS));
    assert_eq!(repaired.draft.entry_stage, 0);
    assert_eq!(repaired.draft.seek, SeekChoice::Rate(4));
    assert_eq!(decode_link(&encode_link(&s)), Ok(repaired.clone()));
    assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(repaired));
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn any_text(max_chars: usize) -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => prop::char::range('0', '9'),
        2 => prop::sample::select(vec![
            '億', '万', '円', '％', '件', '¥', '.', ',', '"', '\'', '\\', '/', '#', '&', '?',
            ' ', '\n', '\t', '\u{0}', '\u{feff}', '😀', '🏽', '👍', 'é', '\u{202e}',
        ]),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..=max_chars).prop_map(String::from_iter)
}

fn any_kind() -> impl Strategy<Value = StageKind> {
    prop::sample::select(vec![
        StageKind::Visits,
        StageKind::Leads,
        StageKind::Mql,
        StageKind::Sal,
        StageKind::Sql,
        StageKind::Pql,
        StageKind::Opportunities,
        StageKind::Won,
        StageKind::Custom,
    ])
}

/// Valid scenarios as the page makes them: 2..=12 stages with unique ids, any texts within
/// their lengths (numbers or not), an entry stage above the last, a seek choice that fits.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    (2usize..=12)
        .prop_flat_map(|n| {
            (
                prop::collection::hash_set(0..=MAX_STAGE_ID, n),
                prop::collection::vec(
                    (any_kind(), prop::option::of(any_text(40)), any_text(12)),
                    n,
                ),
                0..n - 1,
                any::<prop::sample::Index>(),
                0u8..3,
                (
                    any_text(MAX_NAME_CHARS),
                    any_text(16),
                    any_text(16),
                    any_text(16),
                ),
            )
        })
        .prop_map(|(ids, stages, entry, seek_at, seek_kind, texts)| {
            let n = stages.len();
            let stages: Vec<StageDraft> = ids
                .into_iter()
                .zip(stages)
                .map(|(id, (kind, name, rate))| StageDraft {
                    id,
                    kind,
                    name,
                    rate,
                })
                .collect();
            let seek = match seek_kind {
                0 => SeekChoice::DealSize,
                1 => SeekChoice::EntryCount,
                _ => SeekChoice::Rate(stages[entry + seek_at.index(n - 1 - entry)].id),
            };
            let (name, target, deal_size, entry_count) = texts;
            Scenario {
                name,
                draft: Draft {
                    target,
                    deal_size,
                    entry_stage: stages[entry].id,
                    stages,
                    entry_count,
                    seek,
                    plan: PlanDraft::default(),
                    kpi: Default::default(),
                    risk: Default::default(),
                },
            }
        })
}

/// A link's name, funnel and period as the embed reads them from `JSON.parse`'s values.
fn read_as_embed(link: &str) -> Option<(LinkFunnel, Option<LinkPeriod>)> {
    let (_, json) = open_link(link).ok()?;
    let positions: Vec<serde_json::Value> = serde_json::from_str(&json).ok()?;
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let whole = |v: &serde_json::Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
    let byte = |v: &serde_json::Value| v.as_u64().and_then(|n| u8::try_from(n).ok());
    let stages = positions[3]
        .as_array()?
        .iter()
        .map(|s| {
            let s = s.as_array().filter(|s| s.len() == 4)?;
            Some(LinkStage {
                id: whole(&s[0])?,
                kind: byte(&s[1])?,
                rate: text(&s[2])?,
                name: if s[3].is_null() {
                    None
                } else {
                    Some(text(&s[3])?)
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let funnel = LinkFunnel {
        name: text(&positions[0])?,
        target: text(&positions[1])?,
        deal_size: text(&positions[2])?,
        stages,
        entry_stage: whole(&positions[4])?,
        entry_count: text(&positions[5])?,
        seek: positions[6].as_i64()?,
    };
    let period = match positions.get(PLAN_POSITION) {
        Some(serde_json::Value::Object(plan)) => {
            let [period, fiscal_start, period_index] = LinkPeriod::KEYS.map(|k| plan.get(k));
            Some(LinkPeriod {
                period: LinkPeriod::period_from_name(period?.as_str()?)?,
                fiscal_start: byte(fiscal_start?)?,
                period_index: byte(period_index?)?,
            })
        }
        _ => None,
    };
    Some((funnel, period))
}

/// What the embed makes of a scenario: its name, funnel and period; all else the default.
fn as_the_embed_shows_it(mut s: Scenario) -> Scenario {
    let plan = PlanDraft {
        period: s.draft.plan.period,
        fiscal_start: s.draft.plan.fiscal_start,
        period_index: s.draft.plan.period_index,
        ..PlanDraft::default()
    };
    s.draft.plan = plan;
    s.draft.kpi = Default::default();
    s.draft.risk = Default::default();
    s
}

#[test]
fn the_embed_reads_the_fixtures_funnel_and_period() {
    for link in [V2_LINK.trim_end(), V3_LINK.trim_end()] {
        let full = decode_link(link).unwrap();
        let (funnel, period) = read_as_embed(link).unwrap();
        assert_eq!(funnel, LinkFunnel::of(&full));
        assert_eq!(
            funnel.into_scenario(period),
            Ok(as_the_embed_shows_it(full))
        );
    }
}

/// Scenarios at the limits: every text as long as allowed, in multi-byte characters.
fn big_scenario() -> impl Strategy<Value = Scenario> {
    (
        any_scenario(),
        prop::sample::select(vec!['あ', '😀', '"', '\u{1}']),
    )
        .prop_map(|(mut s, c)| {
            let fill = |n: usize| std::iter::repeat_n(c, n).collect::<String>();
            s.name = fill(MAX_NAME_CHARS);
            s.draft.target = fill(64);
            for st in &mut s.draft.stages {
                st.rate = fill(64);
                st.name = Some(fill(40));
            }
            s
        })
}

fn link_alphabet_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('A', 'Z'),
        prop::char::range('a', 'z'),
        prop::char::range('0', '9'),
        prop::sample::select(vec!['-', '_', '.', '=', '+', '/', '%', ' ', 'é']),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_scenarios_are_valid_as_they_are(s in any_scenario()) {
        prop_assert_eq!(validate(s.clone()), Ok(s));
    }

    #[test]
    fn link_round_trip(s in any_scenario()) {
        let link = encode_link(&s);
        prop_assert!(link.starts_with("3."));
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        prop_assert_eq!(decode_link(&link), Ok(s));
    }

    /// The embed's reading of a link (positions, then `LinkFunnel`) gives the scenario the
    /// calculator's reading gives, but for what the embed does not show.
    #[test]
    fn the_embed_reads_every_link_as_the_calculator_does(
        s in any_scenario(),
        period in prop::sample::select(vec![Period::Month, Period::Quarter, Period::Year]),
        fiscal_start in 1u8..=12,
        index in 0u8..12,
    ) {
        let mut s = s;
        s.draft.plan.set_period(period);
        s.draft.plan.fiscal_start = fiscal_start;
        s.draft.plan.period_index = index % period.per_year();
        let link = encode_link(&s);
        let (funnel, read_period) = read_as_embed(&link).unwrap();
        prop_assert_eq!(&funnel, &LinkFunnel::of(&s));
        prop_assert_eq!(funnel.into_scenario(read_period), Ok(as_the_embed_shows_it(s)));
    }

    #[test]
    fn json_round_trip(s in any_scenario()) {
        prop_assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
    }

    /// A scenario at every limit may make a link longer than the decoder reads; then it is
    /// refused as too large (the page offers JSON export instead), never misread.
    #[test]
    fn the_biggest_scenarios_round_trip_or_are_too_large(s in big_scenario()) {
        prop_assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s.clone()));
        let link = encode_link(&s);
        if link.len() <= MAX_LINK_CHARS {
            prop_assert_eq!(decode_link(&link), Ok(s));
        } else {
            prop_assert_eq!(decode_link(&link), Err(FormatError::TooLarge));
        }
    }

    #[test]
    fn decode_never_panics_on_any_string(text in any::<String>()) {
        let _ = decode_link(&text);
        let _ = scenario_from_json(&text);
    }

    #[test]
    fn decode_never_panics_on_link_like_strings(
        marker in prop::sample::select(vec!["2.", "3.", "1.", "", "2..", "0."]),
        body in prop::collection::vec(link_alphabet_char(), 0..600),
    ) {
        let link = format!("{marker}{}", String::from_iter(body));
        let _ = decode_link(&link);
    }

    /// Arbitrary JSON-ish bytes behind a correct check reach the JSON reader and validation.
    #[test]
    fn checked_garbage_never_panics_and_what_decodes_is_valid(
        parts in prop::collection::vec(prop::sample::select(vec![
            "[", "]", ",", "null", "0", "1", "7", "-1", "-2", "4294967295", "\"\"", "\"1\"",
            "\"億\"", "1e99", "{}", "\"\\u0000\"", "\"\\ud800\"", "true",
        ]), 0..60),
    ) {
        let link = link_around(parts.concat().as_bytes());
        if let Ok(s) = decode_link(&link) {
            prop_assert_eq!(validate(s.clone()), Ok(s));
        }
    }

    /// Any one character changed, dropped or added — or the link cut short — is refused.
    #[test]
    fn altered_links_are_refused(
        s in any_scenario(),
        at in any::<prop::sample::Index>(),
        with in link_alphabet_char(),
        how in 0u8..4,
    ) {
        let link = encode_link(&s);
        let i = at.index(link.len());
        let mut altered: Vec<char> = link.chars().collect();
        match how {
            0 => altered[i] = with,
            1 => { altered.remove(i); }
            2 => altered.insert(i, with),
            _ => altered.truncate(i),
        }
        let altered = String::from_iter(altered);
        prop_assume!(altered != link);
        let result = decode_link(&altered);
        prop_assert!(result.is_err(), "{} → {:?}", altered, result);
    }

    #[test]
    fn altered_json_never_panics(
        s in any_scenario(),
        at in any::<prop::sample::Index>(),
        with in any::<char>(),
    ) {
        let json = scenario_to_json(&s);
        let mut chars: Vec<char> = json.chars().collect();
        let i = at.index(chars.len());
        chars[i] = with;
        if let Ok(back) = scenario_from_json(&String::from_iter(chars)) {
            prop_assert_eq!(validate(back.clone()), Ok(back));
        }
    }
}

#[test]
#[ignore = "writes the version-3 fixtures; run by hand when the format version changes"]
fn write_v3_fixtures() {
    std::fs::write(
        "tests/fixtures/scenario_v3.json",
        scenario_to_json(&v3_expected()) + "\n",
    )
    .unwrap();
    std::fs::write(
        "tests/fixtures/scenario_v3.link",
        encode_link(&v3_expected()) + "\n",
    )
    .unwrap();
}
