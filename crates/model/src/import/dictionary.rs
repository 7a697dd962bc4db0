//! What a column header or a stage value most likely means, from the words HubSpot, Salesforce
//! and Mazrica (Senses) write in their English and Japanese interfaces, and a generic set for
//! kintone, SATORI and hand-made sheets. Only suggestions: the page lets the user change each.

use crate::parse::normalize;
use crate::stage::StageKind;

/// A header's likely meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderMeaning {
    Created,
    Stage,
    Closed,
    Amount,
    Channel,
    Cost,
    Owner,
    /// The date a record entered a stage (one column per stage).
    StageDate(StageKind),
    /// A column exports always carry that the funnel does not need (name, id, pipeline …).
    Known,
    Unknown,
}

/// A stage value's likely meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueMeaning {
    Stage(StageKind),
    Won,
    Lost,
    Ignore,
}

/// Lower case, full-width to ASCII, no spaces, underscores or middle dots; so `Create Date`,
/// `createdate` and `ＣＲＥＡＴＥ　ＤＡＴＥ` compare equal.
pub fn key(text: &str) -> String {
    let ascii: String = text
        .trim()
        .trim_matches('"')
        .chars()
        .map(|c| match c {
            // Full-width ASCII (Ａ, ｂ, （, ／ …) to ASCII; the digits are left to `normalize`.
            '\u{FF01}'..='\u{FF5E}' if !c.is_numeric() => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    normalize(&ascii)
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '_' | '・' | '･' | '·'))
        .collect()
}

const CREATED: &[&str] = &[
    "createdate",
    "createddate",
    "created",
    "createdat",
    "creationdate",
    "createdtime",
    "作成日",
    "作成日時",
    "登録日",
    "登録日時",
    "案件作成日",
    "商談作成日",
    "リード獲得日",
    "獲得日",
    "問い合わせ日",
    "問合せ日",
    "受付日",
    "リード作成日",
];
const STAGE: &[&str] = &[
    "dealstage",
    "取引ステージ",
    "stage",
    "stagename",
    "フェーズ",
    "商談フェーズ",
    "ステージ",
    "lifecyclestage",
    "ライフサイクルステージ",
    "status",
    "ステータス",
    "phase",
    "進捗",
    "進捗状況",
    "商談ステータス",
];
const CLOSED: &[&str] = &[
    "closedate",
    "closeddate",
    "クローズ日",
    "完了予定日",
    "契約予定日",
    "契約日",
    "受注日",
    "成約日",
    "wondate",
    "クローズ予定日",
    "受注予定日",
];
const AMOUNT: &[&str] = &[
    "amount",
    "金額",
    "契約金額",
    "受注金額",
    "dealamount",
    "amount(jpy)",
    "amountcurrency",
    "売上",
    "売上金額",
    "見込金額",
    "商談金額",
    "totalcontractvalue",
    "受注額",
];
const CHANNEL: &[&str] = &[
    "leadsource",
    "リードソース",
    "source",
    "ソース",
    "チャネル",
    "チャネル名",
    "channel",
    "originalsource",
    "元のソース",
    "最初のソース",
    "流入経路",
    "獲得経路",
    "リード獲得元",
    "媒体",
    "経路",
    "流入元",
    "medium",
];
const COST: &[&str] = &["cost", "費用", "コスト", "広告費", "獲得費用", "spend"];
const OWNER: &[&str] = &[
    "dealowner",
    "owner",
    "取引担当者",
    "担当者",
    "所有者",
    "商談所有者",
    "opportunityowner",
    "contactowner",
    "担当営業",
    "営業担当",
    "コンタクト担当者",
];
const KNOWN: &[&str] = &[
    "recordid",
    "レコードid",
    "dealname",
    "取引名",
    "opportunityname",
    "商談名",
    "案件名",
    "accountname",
    "取引先名",
    "会社名",
    "companyname",
    "pipeline",
    "パイプライン",
    "probability(%)",
    "確度(%)",
    "契約確度",
    "確度",
    "firstname",
    "lastname",
    "email",
    "eメール",
    "メールアドレス",
    "氏名",
    "名",
    "姓",
    "id",
];

/// HubSpot's "Became a … Date" columns and the generic `MQL化日` style, by stage.
const STAGE_DATES: &[(&str, StageKind)] = &[
    ("becameasubscriberdate", StageKind::Visits),
    ("becamealeaddate", StageKind::Leads),
    ("becameamarketingqualifiedleaddate", StageKind::Mql),
    ("becameasalesqualifiedleaddate", StageKind::Sql),
    ("becameanopportunitydate", StageKind::Opportunities),
    ("becameacustomerdate", StageKind::Won),
    ("リードになった日", StageKind::Leads),
    (
        "マーケティングクオリファイドリードになった日",
        StageKind::Mql,
    ),
    ("セールスクオリファイドリードになった日", StageKind::Sql),
    ("商談になった日", StageKind::Opportunities),
    ("顧客になった日", StageKind::Won),
    ("リード化日", StageKind::Leads),
    ("mql化日", StageKind::Mql),
    ("sal化日", StageKind::Sal),
    ("sql化日", StageKind::Sql),
    ("pql化日", StageKind::Pql),
    ("商談化日", StageKind::Opportunities),
    ("受注化日", StageKind::Won),
    ("mqldate", StageKind::Mql),
    ("saldate", StageKind::Sal),
    ("sqldate", StageKind::Sql),
    ("pqldate", StageKind::Pql),
    ("opportunitydate", StageKind::Opportunities),
    ("商談開始日", StageKind::Opportunities),
];

/// The likely meaning of one header.
pub fn header_meaning(header: &str) -> HeaderMeaning {
    let k = key(header);
    let is = |list: &[&str]| in_list(&k, list);
    if let Some((_, kind)) = STAGE_DATES.iter().find(|(h, _)| key(h) == k) {
        return HeaderMeaning::StageDate(*kind);
    }
    if let Some(meaning) = date_entered(&k) {
        return meaning;
    }
    let pairs: [(&[&str], HeaderMeaning); 8] = [
        (CREATED, HeaderMeaning::Created),
        (STAGE, HeaderMeaning::Stage),
        (CLOSED, HeaderMeaning::Closed),
        (AMOUNT, HeaderMeaning::Amount),
        (CHANNEL, HeaderMeaning::Channel),
        (COST, HeaderMeaning::Cost),
        (OWNER, HeaderMeaning::Owner),
        (KNOWN, HeaderMeaning::Known),
    ];
    pairs
        .iter()
        .find(|(list, _)| is(list))
        .map_or(HeaderMeaning::Unknown, |(_, m)| *m)
}

/// Dictionary words go through the same `key`, so `ー` and full-width forms match alike.
fn in_list(k: &str, list: &[&str]) -> bool {
    list.iter().any(|w| key(w) == k)
}

/// HubSpot's stage history: `Date entered "Closed Won (Sales Pipeline)"` (and its Japanese
/// `「…」ステージになった日` form): the stage name inside decides the stage.
fn date_entered(k: &str) -> Option<HeaderMeaning> {
    let inner = k
        .strip_prefix("dateentered")
        .or_else(|| k.strip_suffix("ステージになった日"))
        .or_else(|| k.strip_suffix("に入った日"))?;
    let inner = inner.trim_matches(['"', '「', '」', '“', '”']);
    // "closedwon(salespipeline)": the pipeline in brackets is not part of the stage.
    let stage = inner
        .split(['(', '（'])
        .next()
        .unwrap_or(inner)
        .trim_matches(['"', '「', '」', '“', '”']);
    Some(match value_meaning(stage) {
        Some(ValueMeaning::Stage(kind)) => HeaderMeaning::StageDate(kind),
        Some(ValueMeaning::Won) => HeaderMeaning::StageDate(StageKind::Won),
        _ => HeaderMeaning::Known,
    })
}

const WON: &[&str] = &[
    "closedwon",
    "won",
    "customer",
    "evangelist",
    "受注",
    "受注済",
    "受注済み",
    "成約",
    "成立",
    "契約",
    "契約済",
    "契約済み",
    "顧客",
    "エバンジェリスト",
    "クローズ(成立)",
    "成立(クローズ)",
];
const LOST: &[&str] = &[
    "closedlost",
    "lost",
    "失注",
    "失注済",
    "失注済み",
    "不成立",
    "見送り",
    "クローズ(不成立)",
    "disqualified",
    "unqualified",
    "対象外",
    "不採用",
];
const IGNORE: &[&str] = &["other", "その他", "subscriber", "購読者", "(空白)", "-"];
const STAGE_VALUES: &[(&str, StageKind)] = &[
    ("lead", StageKind::Leads),
    ("リード", StageKind::Leads),
    ("new", StageKind::Leads),
    ("新規", StageKind::Leads),
    ("marketingqualifiedlead", StageKind::Mql),
    ("mql", StageKind::Mql),
    ("マーケティングクオリファイドリード", StageKind::Mql),
    ("salesacceptedlead", StageKind::Sal),
    ("sal", StageKind::Sal),
    ("salesqualifiedlead", StageKind::Sql),
    ("sql", StageKind::Sql),
    ("セールスクオリファイドリード", StageKind::Sql),
    ("pql", StageKind::Pql),
    ("opportunity", StageKind::Opportunities),
    ("商談", StageKind::Opportunities),
    ("商談中", StageKind::Opportunities),
];
/// Words of the open phases of a deal pipeline (HubSpot's default deal stages, Salesforce's
/// opportunity stages and their Japanese names): all of them are the opportunity stage.
const DEAL_PHASES: &[&str] = &[
    "appointmentscheduled",
    "qualifiedtobuy",
    "presentationscheduled",
    "decisionmakerboughtin",
    "contractsent",
    "prospecting",
    "qualification",
    "needsanalysis",
    "valueproposition",
    "id.decisionmakers",
    "perceptionanalysis",
    "proposal/pricequote",
    "negotiation/review",
    "アポイント設定済み",
    "購入見込みあり",
    "プレゼン予定",
    "意思決定者の賛同",
    "契約書送付済み",
    "見込み客",
    "ニーズ分析",
    "提案",
    "提案中",
    "見積",
    "見積提示",
    "交渉",
    "交渉中",
    "ヒアリング",
    "初回商談",
    "アポ",
    "評価",
    "検討中",
    "稟議中",
    "決裁者の特定",
    "価値提案",
    "意思決定者の特定",
    "認識分析",
    "提案/見積",
    "価格交渉",
];

/// The likely meaning of one stage value; `None` when no word is known (the user must choose).
pub fn value_meaning(value: &str) -> Option<ValueMeaning> {
    let k = key(value);
    if k.is_empty() {
        return None;
    }
    let has = |list: &[&str]| in_list(&k, list);
    if has(WON) {
        return Some(ValueMeaning::Won);
    }
    if has(LOST) {
        return Some(ValueMeaning::Lost);
    }
    if has(IGNORE) {
        return Some(ValueMeaning::Ignore);
    }
    if let Some((_, kind)) = STAGE_VALUES.iter().find(|(v, _)| key(v) == k) {
        return Some(ValueMeaning::Stage(*kind));
    }
    if has(DEAL_PHASES) {
        return Some(ValueMeaning::Stage(StageKind::Opportunities));
    }
    // Numbered forms such as "3.提案" or "Closed Won (Sales Pipeline)".
    let stripped = k
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ':')
        .split(['(', '（'])
        .next()
        .unwrap_or("");
    if stripped != k && !stripped.is_empty() {
        return value_meaning(stripped);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use HeaderMeaning as H;

    #[test]
    fn hubspot_headers_in_english_and_japanese() {
        let en = [
            "Record ID",
            "Deal Name",
            "Deal Stage",
            "Create Date",
            "Close Date",
            "Amount",
            "Pipeline",
            "Deal owner",
        ];
        let ja = [
            "レコードID",
            "取引名",
            "取引ステージ",
            "作成日",
            "クローズ日",
            "金額",
            "パイプライン",
            "取引担当者",
        ];
        let want = [
            H::Known,
            H::Known,
            H::Stage,
            H::Created,
            H::Closed,
            H::Amount,
            H::Known,
            H::Owner,
        ];
        for (headers, label) in [(en, "en"), (ja, "ja")] {
            let got: Vec<_> = headers.iter().map(|h| header_meaning(h)).collect();
            assert_eq!(got, want, "{label}");
        }
    }

    #[test]
    fn salesforce_and_mazrica_headers() {
        assert_eq!(header_meaning("Stage"), H::Stage);
        assert_eq!(header_meaning("フェーズ"), H::Stage);
        assert_eq!(header_meaning("Created Date"), H::Created);
        assert_eq!(header_meaning("完了予定日"), H::Closed);
        assert_eq!(header_meaning("Lead Source"), H::Channel);
        assert_eq!(header_meaning("リードソース"), H::Channel);
        assert_eq!(header_meaning("Probability (%)"), H::Known);
        assert_eq!(header_meaning("契約予定日"), H::Closed);
        assert_eq!(header_meaning("契約金額"), H::Amount);
        assert_eq!(header_meaning("チャネル"), H::Channel);
        assert_eq!(header_meaning("担当者"), H::Owner);
        assert_eq!(header_meaning("好きな色"), H::Unknown);
    }

    #[test]
    fn stage_date_columns() {
        assert_eq!(
            header_meaning("Became a Marketing Qualified Lead Date"),
            H::StageDate(StageKind::Mql)
        );
        assert_eq!(header_meaning("MQL化日"), H::StageDate(StageKind::Mql));
        assert_eq!(header_meaning("ＳＱＬ化日"), H::StageDate(StageKind::Sql));
        assert_eq!(
            header_meaning("Date entered \"Closed Won (Sales Pipeline)\""),
            H::StageDate(StageKind::Won)
        );
        assert_eq!(
            header_meaning("Date entered \"Contract Sent (Sales Pipeline)\""),
            H::StageDate(StageKind::Opportunities)
        );
        assert_eq!(
            header_meaning("Date entered \"Closed Lost (Sales Pipeline)\""),
            H::Known
        );
    }

    #[test]
    fn stage_values() {
        use ValueMeaning as V;
        assert_eq!(value_meaning("Closed Won"), Some(V::Won));
        assert_eq!(value_meaning("closedwon"), Some(V::Won));
        assert_eq!(value_meaning("受注"), Some(V::Won));
        assert_eq!(value_meaning("Closed Lost"), Some(V::Lost));
        assert_eq!(value_meaning("失注"), Some(V::Lost));
        assert_eq!(
            value_meaning("Proposal/Price Quote"),
            Some(V::Stage(StageKind::Opportunities))
        );
        assert_eq!(
            value_meaning("3.提案"),
            Some(V::Stage(StageKind::Opportunities))
        );
        assert_eq!(
            value_meaning("Marketing Qualified Lead"),
            Some(V::Stage(StageKind::Mql))
        );
        assert_eq!(value_meaning("リード"), Some(V::Stage(StageKind::Leads)));
        assert_eq!(value_meaning("Other"), Some(V::Ignore));
        assert_eq!(value_meaning("謎の段階"), None);
        assert_eq!(value_meaning(""), None);
    }
}
