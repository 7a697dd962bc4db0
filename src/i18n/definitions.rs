//! The words of the Definitions view: what each defined stage is for, and each field's name and
//! example.

use funnel_model::kpi::{DefinedStage, DefinitionField};
use funnel_model::Lang;

/// A one-line reminder of what the stage is for, shown above its fields.
pub fn stage_summary(lang: Lang, stage: DefinedStage) -> &'static str {
    match (stage, lang) {
        (DefinedStage::Mql, Lang::Ja) => {
            "マーケティングが営業に渡せると判断したリード（スコアなどの基準で判定）"
        }
        (DefinedStage::Mql, Lang::En) => {
            "A lead marketing judges ready for sales, by an agreed bar such as a score"
        }
        (DefinedStage::Sal, Lang::Ja) => "インサイドセールスが正式に受け取り、引き継いだリード",
        (DefinedStage::Sal, Lang::En) => {
            "A lead inside sales has formally accepted and handed over"
        }
        (DefinedStage::Sql, Lang::Ja) => "営業が商談に進める条件を満たすと判断したリード",
        (DefinedStage::Sql, Lang::En) => "A lead sales judges to meet the conditions for a deal",
        (DefinedStage::Pql, Lang::Ja) => "製品の使い方から購入の意思が読み取れるリード",
        (DefinedStage::Pql, Lang::En) => "A lead whose use of the product signals intent to buy",
    }
}

pub fn field_label(lang: Lang, field: DefinitionField) -> &'static str {
    use DefinitionField::*;
    match (field, lang) {
        (Meaning, Lang::Ja) => "定義",
        (Meaning, Lang::En) => "Definition",
        (RequiredFields, Lang::Ja) => "必須項目",
        (RequiredFields, Lang::En) => "Required fields",
        (ScoreThreshold, Lang::Ja) => "スコアの基準値",
        (ScoreThreshold, Lang::En) => "Score threshold",
        (RejectionCriteria, Lang::Ja) => "差し戻しの基準",
        (RejectionCriteria, Lang::En) => "Rejection criteria",
        (ResponseTime, Lang::Ja) => "初回対応までの期限",
        (ResponseTime, Lang::En) => "Response-time standard",
        (DuplicateRule, Lang::Ja) => "重複したときの扱い",
        (DuplicateRule, Lang::En) => "Duplicate rule",
        (Reassignment, Lang::Ja) => "担当を替える条件",
        (Reassignment, Lang::En) => "Reassignment condition",
        (RejectionReasons, Lang::Ja) => "差し戻し理由の選択肢",
        (RejectionReasons, Lang::En) => "Rejection reasons",
    }
}

/// An example for the empty field, in our own words.
pub fn field_placeholder(lang: Lang, field: DefinitionField) -> &'static str {
    use DefinitionField::*;
    match (field, lang) {
        (Meaning, Lang::Ja) => "例：資料請求とセミナー参加があり、従業員100名以上の企業の担当者",
        (Meaning, Lang::En) => {
            "e.g. a contact at a 100+ employee company who downloaded a guide and joined a webinar"
        }
        (RequiredFields, Lang::Ja) => "例：会社名、部署、役職、電話番号、検討時期",
        (RequiredFields, Lang::En) => "e.g. company, department, title, phone, buying timeframe",
        (ScoreThreshold, Lang::Ja) => "例：行動スコアと属性スコアの合計が60点以上",
        (ScoreThreshold, Lang::En) => "e.g. behaviour plus profile score of 60 or more",
        (RejectionCriteria, Lang::Ja) => "例：学生・個人・競合企業、連絡先が無効",
        (RejectionCriteria, Lang::En) => {
            "e.g. students, individuals, competitors, invalid contact details"
        }
        (ResponseTime, Lang::Ja) => "例：受け取ってから1営業日以内に初回連絡",
        (ResponseTime, Lang::En) => "e.g. first contact within one business day",
        (DuplicateRule, Lang::Ja) => "例：同じ会社で進行中の商談があれば、その担当者が優先",
        (DuplicateRule, Lang::En) => {
            "e.g. an open deal at the same company keeps its current owner"
        }
        (Reassignment, Lang::Ja) => "例：5営業日連絡がなければ別の担当者に回す",
        (Reassignment, Lang::En) => "e.g. no contact within five business days moves it on",
        (RejectionReasons, Lang::Ja) => "例：予算なし／時期未定／決裁者不明／対象外",
        (RejectionReasons, Lang::En) => {
            "e.g. no budget / no timeframe / no decision maker / out of scope"
        }
    }
}
