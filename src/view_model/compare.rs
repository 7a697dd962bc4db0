//! The Compare view's tables: two scenarios' money and stage requirements side by side with
//! their difference, and their chance of reaching the target.

use funnel_model::format::format_count;
use funnel_model::{Funnel, Lang, ReversePlan};

use super::figure::{signed_count, signed_money, Figure};
use crate::i18n::compare::words;
use crate::i18n::names::Named;
use crate::i18n::risk::{chance, count, count_unit, signed_points, words as risk_words};

/// One figure of both scenarios and the difference B − A.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub label: String,
    pub a: Figure,
    pub b: Figure,
    pub delta: Figure,
    /// Money carries its exact value behind a rounded figure; counts and chances are plain.
    pub money: bool,
}

/// The target, deal size and pipeline, then the stages aligned from the bottom (won with won,
/// opportunities with opportunities…), so funnels of different lengths still compare stage for
/// stage.
pub fn compare_rows(
    l: Lang,
    (fa, pa): &(Funnel, ReversePlan),
    (fb, pb): &(Funnel, ReversePlan),
) -> Vec<CompareRow> {
    let w = words(l);
    let money = |label: &str, x: f64, y: f64| CompareRow {
        label: label.to_string(),
        a: Figure::money(x, l),
        b: Figure::money(y, l),
        delta: signed_money(y - x, l),
        money: true,
    };
    let mut rows = vec![
        money(w.row_target, fa.target.units(), fb.target.units()),
        money(w.row_deal, fa.deal_size.units(), fb.deal_size.units()),
        money(w.row_pipeline, pa.pipeline_value, pb.pipeline_value),
    ];
    let (na, nb) = (pa.stages.len(), pb.stages.len());
    for k in (0..na.max(nb)).rev() {
        let ia = (k < na).then(|| na - 1 - k);
        let ib = (k < nb).then(|| nb - 1 - k);
        let name_a = ia.map(|i| fa.stages[i].display_name(l));
        let name_b = ib.map(|i| fb.stages[i].display_name(l));
        let label = match (name_a, name_b) {
            (Some(x), Some(y)) if x == y => x,
            (Some(x), Some(y)) => format!("{x} / {y}"),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => String::new(),
        };
        let count_a = ia.map(|i| pa.stages[i].required);
        let count_b = ib.map(|i| pb.stages[i].required);
        let delta = match (count_a, count_b) {
            (Some(x), Some(y)) => signed_count(i128::from(y) - i128::from(x)),
            _ => "—".to_string(),
        };
        let shown = |n: Option<u64>| n.map_or_else(Figure::dash, |n| Figure::from(format_count(n)));
        rows.push(CompareRow {
            label,
            a: shown(count_a),
            b: shown(count_b),
            delta: Figure::from(delta),
            money: false,
        });
    }
    rows
}

/// Each scenario's chance of reaching its target and its top-stage count for 90 %, exact at
/// the rates as typed.
pub type RiskFigures = (f64, Option<u64>);

/// The chance and the 90 % count of both scenarios, and their differences (dashes for a
/// scenario without figures).
pub fn risk_rows(l: Lang, a: Option<RiskFigures>, b: Option<RiskFigures>) -> [CompareRow; 2] {
    let w = risk_words(l);
    let shown = |x: Option<String>| x.map_or_else(Figure::dash, Figure::from);
    let chance_of = |x: Option<RiskFigures>| shown(x.map(|x| chance(x.0)));
    let level = |x: Option<RiskFigures>| shown(x.and_then(|x| x.1).map(|n| count(l, n)));
    let chance_delta = match (a, b) {
        (Some(x), Some(y)) => signed_points(l, y.0 - x.0),
        _ => "—".to_string(),
    };
    let count_delta = match (a.and_then(|x| x.1), b.and_then(|x| x.1)) {
        (Some(x), Some(y)) => {
            let d = i128::from(y) - i128::from(x);
            count_unit(l, signed_count(d), d != 0)
        }
        _ => "—".to_string(),
    };
    [
        CompareRow {
            label: w.chance_of_reaching_the_target.to_string(),
            a: chance_of(a),
            b: chance_of(b),
            delta: Figure::from(chance_delta),
            money: false,
        },
        CompareRow {
            label: w.top_stage_count_for_90_confidence.to_string(),
            a: level(a),
            b: level(b),
            delta: Figure::from(count_delta),
            money: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::draft::Draft;

    fn cells(row: &CompareRow) -> (&str, &str, &str) {
        (&row.a.text, &row.b.text, &row.delta.text)
    }

    fn plan_of(d: &Draft) -> (Funnel, ReversePlan) {
        let funnel = d.funnel().unwrap();
        let plan = funnel.reverse().unwrap();
        (funnel, plan)
    }

    #[test]
    fn doubling_the_target_doubles_every_stage_from_the_bottom() {
        // ¥2億 instead of ¥1億 at ¥500万 a deal: 40 won instead of 20, 160 opportunities
        // instead of 80; the pipeline doubles from ¥4億 to ¥8億.
        let a = Draft::default();
        let b = Draft {
            target: "2億".to_string(),
            ..Draft::default()
        };
        let rows = compare_rows(Lang::Ja, &plan_of(&a), &plan_of(&b));
        assert_eq!(cells(&rows[0]), ("1億円", "2億円", "+1億円"));
        assert_eq!(rows[1].delta.text, "±0");
        assert_eq!(rows[2].delta.text, "+4億円");
        // the stages from the top: visits first, won deals last
        assert_eq!(rows.len(), 3 + 6);
        assert_eq!(rows[3].label, "訪問");
        assert_eq!(rows[8].label, "受注");
        assert_eq!(cells(&rows[8]), ("20", "40", "+20"));
        assert_eq!(rows[7].delta.text, "+80");
    }

    #[test]
    fn a_shorter_funnel_compares_from_won_upwards() {
        let a = Draft::default();
        let mut b = Draft::default();
        b.stages.remove(0);
        let rows = compare_rows(Lang::En, &plan_of(&a), &plan_of(&b));
        assert_eq!(rows.len(), 3 + 6);
        assert_eq!(rows[8].label, "Won deals");
        assert_eq!(rows[8].delta.text, "±0");
        let top = &rows[3];
        assert_eq!(top.label, "Visits");
        assert_eq!(top.b, Figure::dash());
        assert_eq!(top.delta.text, "—");
    }

    #[test]
    fn risk_rows_carry_points_and_counts_with_their_unit() {
        let [chance_row, level] = risk_rows(
            Lang::Ja,
            Some((0.5, Some(1_000))),
            Some((0.625, Some(1_200))),
        );
        assert_eq!(chance_row.a.text, "50.00%");
        assert_eq!(chance_row.delta.text, "+12.50ポイント");
        assert_eq!(level.b.text, "1,200件");
        assert_eq!(level.delta.text, "+200件");
        let [_, same] = risk_rows(Lang::Ja, Some((0.5, Some(1_000))), Some((0.5, None)));
        assert_eq!(same.b.text, "—");
        assert_eq!(same.delta.text, "—");
        let [none, _] = risk_rows(Lang::En, None, Some((0.5, None)));
        assert_eq!(cells(&none), ("—", "50.00%", "—"));
    }
}
