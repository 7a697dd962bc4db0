//! The Risk view's inputs as part of the scenario: stored, linked and read back; absent from
//! scenarios that never touched them, which stay byte for byte as before.

use funnel_model::draft::Draft;
use funnel_model::risk::{DoubtMode, RiskField, RiskProblem};
use funnel_model::{decode_link, encode_link, scenario_from_json, scenario_to_json, Scenario};

fn scenario() -> Scenario {
    Scenario {
        name: "リスク".into(),
        draft: Draft::default(),
    }
}

#[test]
fn untouched_risk_inputs_leave_json_and_links_as_they_were() {
    let s = scenario();
    let json = scenario_to_json(&s);
    assert!(!json.contains("risk"), "{json}");
    let link = encode_link(&s);
    let mut touched = s.clone();
    touched.draft.risk.seed = "7".into();
    assert_ne!(encode_link(&touched), link);
    touched.draft.risk.seed = "1".into();
    assert_eq!(
        encode_link(&touched),
        link,
        "back to the default is the old link again"
    );
}

#[test]
fn risk_inputs_round_trip_through_json_and_links() {
    let mut s = scenario();
    s.draft.risk.edit_doubt(4, |d| {
        d.mode = DoubtMode::Counts;
        d.won = "48".into();
        d.trials = "190".into();
    });
    s.draft.risk.edit_doubt(2, |d| {
        d.mode = DoubtMode::Range;
        d.low = "25".into();
        d.high = "35".into();
    });
    s.draft.risk.confidence = "85".into();
    s.draft.risk.deal_p10 = "300万".into();
    s.draft.risk.deal_p90 = "800万".into();
    s.draft.risk.seed = "20260401".into();
    let json = scenario_to_json(&s);
    assert!(json.contains("\"risk\""));
    assert_eq!(scenario_from_json(&json), Ok(s.clone()));
    assert_eq!(decode_link(&encode_link(&s)), Ok(s.clone()));
    // Texts typed wrong are kept as typed, too.
    s.draft.risk.confidence = "100".into();
    assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
}

#[test]
fn bad_risk_inputs_are_refused_field_by_field() {
    let mut d = Draft::default();
    let ids: Vec<u32> = d.stages[..5].iter().map(|s| s.id).collect();
    d.risk.edit_doubt(4, |r| {
        r.mode = DoubtMode::Range;
        r.low = "30".into();
        r.high = "20".into();
    });
    d.risk.edit_doubt(3, |r| {
        r.mode = DoubtMode::Range;
        r.low = "0".into();
        r.high = "120".into();
    });
    d.risk.edit_doubt(2, |r| {
        r.mode = DoubtMode::Counts;
        r.won = "200".into();
        r.trials = "190".into();
    });
    d.risk.confidence = "100".into();
    d.risk.seed = "abc".into();
    d.risk.deal_p10 = "800万".into();
    d.risk.deal_p90 = "300万".into();
    let errors = d.risk.settings(&ids).unwrap_err();
    for want in [
        (RiskField::Low(4), RiskProblem::LowAboveHigh),
        (
            RiskField::Low(3),
            RiskProblem::Input(funnel_model::InputError::NotPositive),
        ),
        (
            RiskField::High(3),
            RiskProblem::Input(funnel_model::InputError::RateAboveHundred),
        ),
        (RiskField::Won(2), RiskProblem::WonAboveTrials),
        (RiskField::Confidence, RiskProblem::ConfidenceOutside),
        (RiskField::Seed, RiskProblem::SeedNotWhole),
        (RiskField::DealP10, RiskProblem::P10NotBelowP90),
    ] {
        assert!(errors.contains(&want), "{want:?} in {errors:?}");
    }
    d.risk.confidence = "0".into();
    d.risk.seed = "1".into();
    let errors = d.risk.settings(&ids).unwrap_err();
    assert!(errors.contains(&(RiskField::Confidence, RiskProblem::ConfidenceOutside)));
    // Fixed again with nothing typed: the doubt is dropped.
    d.risk.edit_doubt(9, |r| r.mode = DoubtMode::Range);
    d.risk.edit_doubt(9, |r| r.mode = DoubtMode::Fixed);
    assert!(d.risk.rates.iter().all(|r| r.id != 9));
}
