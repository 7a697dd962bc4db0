//! The words of the Compare view.

use funnel_model::Lang;

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub compare_heading: &'static str,
    pub compare_a: &'static str,
    pub compare_b: &'static str,
    pub col_delta: &'static str,
    pub row_target: &'static str,
    pub row_deal: &'static str,
    pub row_pipeline: &'static str,
    pub compare_invalid: fn(&str) -> String,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    compare_heading: "シナリオの比較",
    compare_a: "シナリオA",
    compare_b: "シナリオB",
    col_delta: "差（B − A）",
    row_target: "売上目標",
    row_deal: "平均受注単価",
    row_pipeline: "必要パイプライン",
    compare_invalid: |n| format!("「{n}」には入力エラーがあるため比較できません。"),
};

static EN: Words = Words {
    compare_heading: "Compare scenarios",
    compare_a: "Scenario A",
    compare_b: "Scenario B",
    col_delta: "Difference (B − A)",
    row_target: "Revenue target",
    row_deal: "Average deal size",
    row_pipeline: "Pipeline needed",
    compare_invalid: |n| format!("“{n}” has invalid inputs and cannot be compared."),
};
