//! One-line explanations of the jargon the page uses, shown on hover and on focus.

use funnel_model::Lang;

/// The explanation of `term` (`"ROMI"`, `"KSF"` …) in `lang`; `None` for a term not listed.
pub fn explain(term: &str, lang: Lang) -> Option<&'static str> {
    let (ja, en) = match term {
        "KGI" => (
            "重要目標達成指標。最終的な目標で、ここでは期間の売上目標です。",
            "Key goal indicator: the final goal, here the period's revenue target.",
        ),
        "KSF" => (
            "重要成功要因（Key Success Factor）。KGIを達成するために押さえるべき要因です。",
            "Key success factor: what must go right for the KGI to be reached.",
        ),
        "KPI" => (
            "重要業績評価指標。KSFの進み具合を測る数値で、チームが日々動かすものです。",
            "Key performance indicator: a number that measures a KSF, one a team moves day to day.",
        ),
        "SAL" => (
            "営業が受け入れたリード（Sales Accepted Lead）。営業が対応すると合意したMQLです。",
            "Sales-accepted lead: an MQL that sales has agreed to work.",
        ),
        "PQL" => (
            "製品の利用状況から見込みが高いと判断したリード（Product Qualified Lead）。",
            "Product-qualified lead: a lead qualified by how they use the product.",
        ),
        "SMART" => (
            "具体的・測定可能・達成可能・関連性・期限の5つの条件を満たす目標の書き方。",
            "Specific, measurable, achievable, relevant and time-bound: five tests of a well-written target.",
        ),
        "ROMI" => (
            "マーケティング投資利益率。（受注の粗利 − マーケティング費用）÷ マーケティング費用。",
            "Return on marketing investment: (gross margin of the won deals − marketing spend) ÷ marketing spend.",
        ),
        "CAC" => (
            "顧客獲得コスト。（マーケティング費用 + 営業費用）÷ 新規顧客数。",
            "Customer acquisition cost: (marketing + sales cost) ÷ new customers.",
        ),
        "LTV" => (
            "顧客生涯価値。月額売上 × 粗利率 ÷ 月次解約率。",
            "Lifetime value: monthly revenue × gross margin ÷ monthly churn.",
        ),
        "velocity" => (
            "セールスベロシティ。商談数 × 平均受注単価 × 受注率 ÷ 営業サイクル日数で、1日あたりに生まれる売上です。",
            "Sales velocity: opportunities × deal size × win rate ÷ sales-cycle days, the revenue the pipeline yields per day.",
        ),
        "coverage" => (
            "パイプラインカバレッジ。期首に進行中の商談金額 ÷ 残りの目標。必要な倍率は 1 ÷ 受注率です。",
            "Pipeline coverage: open pipeline ÷ remaining target; the plan needs 1 ÷ win rate.",
        ),
        "forward" => (
            "順算: 手元の件数から下流の段階へ計算し、見込みの受注数と売上を出すこと。",
            "Forward mode: from a count you have, run the funnel downstream to the expected won deals and revenue.",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Ja => ja,
        Lang::En => en,
    })
}
