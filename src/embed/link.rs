//! The embed's reading and writing of a link, with the browser's JSON (see
//! `funnel_model::link_funnel` for why). It reads the positions it shows as strictly as the
//! full calculator's reader does — the same types, the same lengths, the same `validate` — and
//! keeps the link's array, so the open-full link carries the plan's other inputs, the KPI tree
//! and the Risk view's inputs exactly as they came.

use funnel_model::link_funnel::{
    LinkFunnel, LinkPeriod, LinkStage, DEFAULT_PLAN_JSON, FUNNEL_POSITIONS, MAX_POSITIONS,
    PLAN_POSITION,
};
use funnel_model::scenario::{FormatError, Scenario};
use funnel_model::share::{open_link, seal_link};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;

/// The largest integer a JSON number carries exactly in the browser (2⁵³ − 1).
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// The scenario a link payload carries and the link's positions, or why it does not read.
pub fn open(payload: &str) -> Result<(Scenario, Array), FormatError> {
    let (version, json) = open_link(payload)?;
    let parsed = JSON::parse(&json).map_err(|_| FormatError::NotDecodable)?;
    if !Array::is_array(&parsed) {
        return Err(FormatError::NotDecodable);
    }
    let positions = Array::from(&parsed);
    let length = positions.length() as usize;
    let most = if version == 2 {
        FUNNEL_POSITIONS
    } else {
        MAX_POSITIONS
    };
    if !(FUNNEL_POSITIONS..=most).contains(&length) {
        return Err(FormatError::NotDecodable);
    }
    let funnel = read_funnel(&positions).ok_or(FormatError::NotDecodable)?;
    let period = read_period(&positions.get(PLAN_POSITION as u32))?;
    Ok((funnel.into_scenario(period)?, positions))
}

/// The positions of a scenario that came from no link (the sample plan).
pub fn positions_of(scenario: &Scenario) -> Array {
    let positions = Array::new();
    write_funnel(&positions, &LinkFunnel::of(scenario));
    positions
}

/// The link payload for `scenario` (the embed's edits) over the positions it was opened from.
pub fn write(positions: &Array, scenario: &Scenario) -> String {
    write_funnel(positions, &LinkFunnel::of(scenario));
    let period = LinkPeriod::of(&scenario.draft.plan);
    let at = PLAN_POSITION as u32;
    let mut plan = positions.get(at);
    if !plan.is_object() && period != LinkPeriod::of(&Default::default()) {
        plan = JSON::parse(DEFAULT_PLAN_JSON).unwrap_or(JsValue::NULL);
        positions.set(at, plan.clone());
    }
    if plan.is_object() {
        let values = [
            JsValue::from_str(LinkPeriod::period_name(period.period)),
            JsValue::from(period.fiscal_start),
            JsValue::from(period.period_index),
        ];
        for (key, value) in LinkPeriod::KEYS.iter().zip(values) {
            let _ = Reflect::set(&plan, &JsValue::from_str(key), &value);
        }
    }
    let json = JSON::stringify(positions)
        .map(String::from)
        .unwrap_or_default();
    seal_link(json.into_bytes())
}

fn read_funnel(positions: &Array) -> Option<LinkFunnel> {
    let stages = positions.get(3);
    if !Array::is_array(&stages) {
        return None;
    }
    let stages = Array::from(&stages)
        .iter()
        .map(|stage| read_stage(&stage))
        .collect::<Option<Vec<_>>>()?;
    Some(LinkFunnel {
        name: positions.get(0).as_string()?,
        target: positions.get(1).as_string()?,
        deal_size: positions.get(2).as_string()?,
        stages,
        entry_stage: whole_u32(&positions.get(4))?,
        entry_count: positions.get(5).as_string()?,
        seek: whole(&positions.get(6), -MAX_EXACT, MAX_EXACT)? as i64,
    })
}

fn read_stage(stage: &JsValue) -> Option<LinkStage> {
    if !Array::is_array(stage) {
        return None;
    }
    let stage = Array::from(stage);
    if stage.length() != 4 {
        return None;
    }
    let name = stage.get(3);
    Some(LinkStage {
        id: whole_u32(&stage.get(0))?,
        kind: whole_u8(&stage.get(1))?,
        rate: stage.get(2).as_string()?,
        name: if name.is_null() {
            None
        } else {
            Some(name.as_string()?)
        },
    })
}

/// The plan's period; `None` for the default plan (`null`, or no plan in the link).
fn read_period(plan: &JsValue) -> Result<Option<LinkPeriod>, FormatError> {
    if plan.is_null() || plan.is_undefined() {
        return Ok(None);
    }
    if !plan.is_object() || Array::is_array(plan) {
        return Err(FormatError::NotDecodable);
    }
    let field = |key: &str| Reflect::get(plan, &JsValue::from_str(key)).ok();
    let [period, fiscal_start, period_index] = LinkPeriod::KEYS.map(field);
    let period = period
        .and_then(|p| p.as_string())
        .and_then(|name| LinkPeriod::period_from_name(&name));
    let byte = |v: Option<JsValue>| v.as_ref().and_then(whole_u8);
    match (period, byte(fiscal_start), byte(period_index)) {
        (Some(period), Some(fiscal_start), Some(period_index)) => Ok(Some(LinkPeriod {
            period,
            fiscal_start,
            period_index,
        })),
        _ => Err(FormatError::NotDecodable),
    }
}

/// A JSON number that is a whole number within `min..=max`.
fn whole(value: &JsValue, min: f64, max: f64) -> Option<f64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
}

/// A JSON number that serde reads as a `u32` (a stage id, the entry stage).
fn whole_u32(value: &JsValue) -> Option<u32> {
    whole(value, 0.0, f64::from(u32::MAX)).map(|n| n as u32)
}

/// A JSON number that serde reads as a `u8` (a kind code, a month, a period's index).
fn whole_u8(value: &JsValue) -> Option<u8> {
    whole(value, 0.0, f64::from(u8::MAX)).map(|n| n as u8)
}

fn write_funnel(positions: &Array, funnel: &LinkFunnel) {
    let text = |t: &str| JsValue::from_str(t);
    let stages: Array = funnel
        .stages
        .iter()
        .map(|s| {
            let name = s.name.as_deref().map_or(JsValue::NULL, text);
            Array::of4(
                &JsValue::from(s.id),
                &JsValue::from(s.kind),
                &text(&s.rate),
                &name,
            )
        })
        .collect::<Array>();
    let values = [
        text(&funnel.name),
        text(&funnel.target),
        text(&funnel.deal_size),
        stages.into(),
        JsValue::from(funnel.entry_stage),
        text(&funnel.entry_count),
        JsValue::from_f64(funnel.seek as f64),
    ];
    for (i, value) in values.iter().enumerate() {
        positions.set(i as u32, value.clone());
    }
}
