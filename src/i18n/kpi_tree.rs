//! The KPI tree's facts in words: node kinds, formulas, units, owners, directions, statuses,
//! node names, value errors, the SMART and checklist items, the warnings, and the words the
//! tree's CSV writes. Its length is the tables and their tests; the facts stay in one place.

use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::kpi::{
    format_value, ChecklistItem, Department, Direction, Formula, Label, NodeKind, SmartItem,
    Status, TreeCsvWords, Unit, ValueError, Warning,
};
use funnel_model::Lang;

use crate::i18n::names::{rate_name, Named};

pub fn node_kind(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Kgi => "KGI",
        NodeKind::Ksf => "KSF",
        NodeKind::Kpi => "KPI",
    }
}

pub fn formula(lang: Lang, formula: Formula) -> &'static str {
    match (formula, lang) {
        (Formula::Product, Lang::Ja) => "積（×）",
        (Formula::Product, Lang::En) => "Product (×)",
        (Formula::Sum, Lang::Ja) => "和（＋）",
        (Formula::Sum, Lang::En) => "Sum (+)",
        (Formula::Ratio, Lang::Ja) => "比（÷）",
        (Formula::Ratio, Lang::En) => "Ratio (÷)",
        (Formula::Entered, Lang::Ja) => "入力値",
        (Formula::Entered, Lang::En) => "Entered",
    }
}

pub fn unit(lang: Lang, unit: &Unit) -> String {
    match (unit, lang) {
        (Unit::Count, Lang::Ja) => "件".into(),
        (Unit::Count, Lang::En) => "count".into(),
        (Unit::Yen, Lang::Ja) => "円".into(),
        (Unit::Yen, Lang::En) => "yen".into(),
        (Unit::Percent, _) => "%".into(),
        (Unit::Custom(name), _) => name.clone(),
    }
}

pub fn department(lang: Lang, department: Department) -> &'static str {
    match (department, lang) {
        (Department::Marketing, Lang::Ja) => "マーケティング",
        (Department::Marketing, Lang::En) => "Marketing",
        (Department::InsideSales, Lang::Ja) => "インサイドセールス",
        (Department::InsideSales, Lang::En) => "Inside sales",
        (Department::FieldSales, Lang::Ja) => "フィールドセールス",
        (Department::FieldSales, Lang::En) => "Field sales",
        (Department::CustomerSuccess, Lang::Ja) => "カスタマーサクセス",
        (Department::CustomerSuccess, Lang::En) => "Customer success",
    }
}

pub fn direction(lang: Lang, direction: Direction) -> &'static str {
    match (direction, lang) {
        (Direction::Upstream, Lang::Ja) => "上流",
        (Direction::Upstream, Lang::En) => "Upstream",
        (Direction::Downstream, Lang::Ja) => "下流",
        (Direction::Downstream, Lang::En) => "Downstream",
    }
}

/// A node's name in the language of the moment (a tree built in Japanese reads in English
/// after switching).
pub fn node_label(lang: Lang, label: &Label) -> String {
    match (label, lang) {
        (Label::Own(name), _) => name.clone(),
        (Label::Revenue, Lang::Ja) => "売上".into(),
        (Label::Revenue, Lang::En) => "Revenue".into(),
        (Label::DealSize, Lang::Ja) => "平均受注単価".into(),
        (Label::DealSize, Lang::En) => "Average deal size".into(),
        // 「商談」 is the stage; 「商談数」 is the figure counted.
        (Label::Stage(stage), Lang::Ja)
            if stage.name.as_deref().is_none_or(|n| n.trim().is_empty()) =>
        {
            format!("{}数", stage.display_name(lang))
        }
        (Label::Stage(stage), _) => stage.display_name(lang),
        (Label::Rate(from, to), _) => rate_name(from, to, lang),
        (Label::Channel(name), Lang::Ja) => format!("{}のリード数", name.display_name(lang)),
        // The channel first: a narrow tree box cuts the end of a title, and the channel is what tells
        // the boxes apart.
        (Label::Channel(name), Lang::En) => format!("{} leads", name.display_name(lang)),
        (Label::Lost, Lang::Ja) => "（ファネルにない段階）".into(),
        (Label::Lost, Lang::En) => "(stage no longer in the funnel)".into(),
        (Label::Unnamed(NodeKind::Ksf), Lang::Ja) => "新しいKSF".into(),
        (Label::Unnamed(NodeKind::Ksf), Lang::En) => "New KSF".into(),
        (Label::Unnamed(_), Lang::Ja) => "新しいKPI".into(),
        (Label::Unnamed(_), Lang::En) => "New KPI".into(),
    }
}

pub fn status(lang: Lang, status: Status) -> &'static str {
    match (status, lang) {
        (Status::Ahead, Lang::Ja) => "達成",
        (Status::Ahead, Lang::En) => "Ahead",
        (Status::OnTrack, Lang::Ja) => "ほぼ計画どおり",
        (Status::OnTrack, Lang::En) => "On track",
        (Status::Behind, Lang::Ja) => "遅れ",
        (Status::Behind, Lang::En) => "Behind",
        (Status::NoData, Lang::Ja) => "データなし",
        (Status::NoData, Lang::En) => "No data",
    }
}

/// Why a typed target or actual was not read.
pub fn value_error(lang: Lang, error: ValueError) -> String {
    match (error, lang) {
        (ValueError::Negative, Lang::Ja) => "マイナスの値は入力できません".into(),
        (ValueError::Negative, Lang::En) => "cannot be negative".into(),
        (ValueError::NotANumber, Lang::Ja) => "数値として読めません".into(),
        (ValueError::NotANumber, Lang::En) => "not a number".into(),
        (ValueError::TooLarge, Lang::Ja) => "大きすぎます（上限は1,000兆）".into(),
        (ValueError::TooLarge, Lang::En) => "too large: at most 1,000,000,000,000,000".into(),
        (ValueError::TooPrecise { max_decimals }, Lang::Ja) => {
            format!("小数は{max_decimals}桁までです")
        }
        (ValueError::TooPrecise { max_decimals }, Lang::En) => {
            format!("at most {max_decimals} decimal places")
        }
        (ValueError::NotWhole, Lang::Ja) => "件数は整数で入力してください".into(),
        (ValueError::NotWhole, Lang::En) => "a count must be a whole number".into(),
        (ValueError::AboveHundred, Lang::Ja) => "転換率は100%以下です".into(),
        (ValueError::AboveHundred, Lang::En) => "a conversion rate cannot exceed 100%".into(),
    }
}

pub fn smart_item(lang: Lang, item: SmartItem) -> &'static str {
    match (item, lang) {
        (SmartItem::Specific, Lang::Ja) => "具体的",
        (SmartItem::Specific, Lang::En) => "Specific",
        (SmartItem::Measurable, Lang::Ja) => "測定できる",
        (SmartItem::Measurable, Lang::En) => "Measurable",
        (SmartItem::Achievable, Lang::Ja) => "達成できる",
        (SmartItem::Achievable, Lang::En) => "Achievable",
        (SmartItem::Relevant, Lang::Ja) => "KGIにつながる",
        (SmartItem::Relevant, Lang::En) => "Relevant",
        (SmartItem::TimeBound, Lang::Ja) => "期限がある",
        (SmartItem::TimeBound, Lang::En) => "Time-bound",
    }
}

/// The question the user answers for a SMART item.
pub fn smart_question(lang: Lang, item: SmartItem) -> &'static str {
    match (item, lang) {
        (SmartItem::Specific, Lang::Ja) => "誰が読んでも同じものを数えられる定義になっているか",
        (SmartItem::Specific, Lang::En) => "Would two people counting it get the same number?",
        (SmartItem::Measurable, Lang::Ja) => "単位と目標値があり、ツールで自動的に数えられるか",
        (SmartItem::Measurable, Lang::En) => {
            "Does it have a unit and a target, and can a tool count it?"
        }
        (SmartItem::Achievable, Lang::Ja) => "過去の実績や人員から見て届く目標か",
        (SmartItem::Achievable, Lang::En) => {
            "Can the target be reached given past results and headcount?"
        }
        (SmartItem::Relevant, Lang::Ja) => "改善するとKGIが動くか",
        (SmartItem::Relevant, Lang::En) => "If it improves, does the KGI move?",
        (SmartItem::TimeBound, Lang::Ja) => "いつまでの数字かが決まっているか",
        (SmartItem::TimeBound, Lang::En) => "Is the period it is measured over set?",
    }
}

pub fn checklist_item(lang: Lang, item: ChecklistItem) -> &'static str {
    use ChecklistItem::*;
    match (item, lang) {
        (KgiSet, Lang::Ja) => "期間の最終目標（KGI）を数字で決めた",
        (KgiSet, Lang::En) => "The period's final goal (KGI) is a number",
        (KsfExtracted, Lang::Ja) => "KGIに届くための成功条件（KSF）を言葉にした",
        (KsfExtracted, Lang::En) => "The conditions for reaching it (KSFs) are written down",
        (TreeTopDown, Lang::Ja) => "KGIから逆算してツリーを上から分解した",
        (TreeTopDown, Lang::En) => "The tree was broken down from the KGI, top down",
        (SmartChecked, Lang::Ja) => "各KPIをSMARTの5項目で確かめた",
        (SmartChecked, Lang::En) => "Every KPI passed the five SMART questions",
        (DownstreamSet, Lang::Ja) => "商談化率や受注率など下流のKPIも置いた",
        (DownstreamSet, Lang::En) => "Downstream KPIs (meeting rate, win rate) are in the tree too",
        (DefinitionsAgreed, Lang::Ja) => "MQL・SQLなどの定義を営業と合意した",
        (DefinitionsAgreed, Lang::En) => "Sales agreed to the MQL, SQL and other stage definitions",
        (ToolDecided, Lang::Ja) => "どのツール（MA・SFA）で、どう自動で数えるか決めた",
        (ToolDecided, Lang::En) => {
            "The tool that counts each KPI (MA, SFA) and how it counts are set"
        }
        (ReviewCadence, Lang::Ja) => "いつ、誰と数字を見直すか（頻度と場）を決めた",
        (ReviewCadence, Lang::En) => "When and with whom the numbers are reviewed is set",
        (MissPlan, Lang::Ja) => "KPIが未達のときに最初に打つ手を決めた",
        (MissPlan, Lang::En) => "The first move when a KPI falls short is agreed",
    }
}

pub fn warning(lang: Lang, warning: &Warning) -> String {
    match (warning, lang) {
        (
            Warning::QualityVsQuantity {
                count,
                rate,
                count_actual,
                count_plan,
                rate_actual,
                rate_plan,
                ..
            },
            lang,
        ) => {
            let (c, ca, cp) = (
                node_label(lang, count),
                format_decimal(*count_actual, 2),
                format_count(*count_plan as u64),
            );
            let (r, ra, rp) = (
                node_label(lang, rate),
                format_percent(*rate_actual),
                format_percent(*rate_plan),
            );
            match lang {
                Lang::Ja => format!(
                    "{c}は{ca}で計画（{cp}）を上回っていますが、{r}は{ra}で計画（{rp}）を\
                         下回っています。数を増やすために質を落としていないか確かめてください。"
                ),
                Lang::En => format!(
                    "{c} is above plan ({ca} against {cp}) while {r} is below it ({ra} \
                         against {rp}): check that volume is not being bought with quality."
                ),
            }
        }
        (Warning::UpstreamOnly { .. }, Lang::Ja) => {
            "KPIがすべて上流（訪問数・リード数など）です。商談化率や受注率のような、売上に近い\
                 下流のKPIも置きましょう（調査ではリード数を最重視する担当者32.1%に対し、受注率は\
                 11.1%）。"
                .into()
        }
        (Warning::UpstreamOnly { .. }, Lang::En) => {
            "Every KPI is upstream (visits, leads, …). Add downstream KPIs closer to revenue, \
                 such as the meeting rate and the win rate (in one survey 32.1% of marketers put \
                 lead count first and only 11.1% the win rate)."
                .into()
        }
        (
            Warning::Inconsistent {
                label,
                unit,
                target,
                computed,
                ..
            },
            lang,
        ) => {
            let (l, t, c) = (
                node_label(lang, label),
                format_value(*target, unit, lang),
                format_value(*computed, unit, lang),
            );
            match lang {
                Lang::Ja => {
                    format!("{l}の目標{t}が、下の項目から計算した{c}と一致しません。")
                }
                Lang::En => format!(
                    "{l}: the target {t} does not match {c}, what the items under it compute."
                ),
            }
        }
        (Warning::UncontrollableOwned { label, owner, .. }, lang) => {
            let (l, o) = (node_label(lang, label), department(lang, *owner));
            match lang {
                Lang::Ja => format!(
                    "{l}は自部門では動かせない指標ですが、{o}のKPIになっています。施策で動かせる\
                         指標をKPIにして、これは参考として追いましょう。"
                ),
                Lang::En => format!(
                    "{l} is marked as outside the team's control yet is assigned to {o} as a \
                         KPI. Hold the team to a figure its actions move and follow this one for \
                         reference."
                ),
            }
        }
    }
}

/// The tree CSV's words in one language.
pub struct TreeCsv(pub Lang);

impl TreeCsvWords for TreeCsv {
    fn headers(&self) -> [&str; 12] {
        match self.0 {
            Lang::Ja => [
                "位置",
                "階層",
                "名前",
                "種類",
                "単位",
                "担当部門",
                "目標",
                "実績",
                "達成率",
                "状況",
                "コントロール可能",
                "上流・下流",
            ],
            Lang::En => [
                "Position",
                "Depth",
                "Name",
                "Kind",
                "Unit",
                "Owner",
                "Target",
                "Actual",
                "Achievement",
                "Status",
                "Controllable",
                "Direction",
            ],
        }
    }
    fn label(&self, label: &Label) -> String {
        node_label(self.0, label)
    }
    fn kind(&self, kind: NodeKind) -> &str {
        node_kind(kind)
    }
    fn unit(&self, unit: &Unit) -> String {
        self::unit(self.0, unit)
    }
    fn owner(&self, owner: Department) -> &str {
        department(self.0, owner)
    }
    fn status(&self, status: Status) -> &str {
        self::status(self.0, status)
    }
    fn yes_no(&self, yes: bool) -> &str {
        match (yes, self.0) {
            (true, Lang::Ja) => "はい",
            (false, Lang::Ja) => "いいえ",
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
        }
    }
    fn direction(&self, direction: Direction) -> &str {
        self::direction(self.0, direction)
    }
}

#[cfg(test)]
mod tests {
    use funnel_model::draft::{Draft, StageDraft};
    use funnel_model::kpi::{evaluate, tree_csv, Basis, Binding, KpiDraft, KpiEdit, KpiTree};
    use funnel_model::plan::channels::{ChannelKind, ChannelName};
    use funnel_model::StageKind;

    use super::*;

    /// Seed 003 with stage ids 10, 11, …: ¥1億, ¥500万 a deal, lead→MQL 10 %, MQL→SQL 30 %,
    /// SQL→opp 40 %, win 25 %.
    fn seed_003() -> Draft {
        use StageKind::*;
        let stages = [
            (Leads, "10"),
            (Mql, "30"),
            (Sql, "40"),
            (Opportunities, "25"),
            (Won, ""),
        ];
        Draft {
            target: "1億".into(),
            deal_size: "500万".into(),
            stages: stages
                .iter()
                .enumerate()
                .map(|(i, (kind, rate))| StageDraft {
                    id: 10 + i as u32,
                    kind: *kind,
                    name: None,
                    rate: rate.to_string(),
                })
                .collect(),
            entry_stage: 10,
            ..Draft::default()
        }
    }

    fn tree(kpi: &KpiDraft, d: &Draft) -> KpiTree {
        evaluate(kpi, &Basis::new(d, &[]))
    }

    fn set_actual(kpi: &mut KpiDraft, d: &Draft, binding: Binding, text: &str) {
        let node = tree(kpi, d).bound(binding).expect("bound node").id;
        let done = kpi.apply(
            &Basis::new(d, &[]),
            KpiEdit::SetActual {
                node,
                month: None,
                text: text.into(),
            },
        );
        assert_eq!(done, Some(node));
    }

    #[test]
    fn nodes_are_named_as_the_funnel_names_them() {
        let d = seed_003();
        let t = tree(&KpiDraft::default(), &d);
        let name = |b: Binding, lang| node_label(lang, &t.bound(b).unwrap().label);
        assert_eq!(
            name(Binding::StageRate(13), Lang::Ja),
            "受注率（商談 → 受注）"
        );
        assert_eq!(name(Binding::StageCount(11), Lang::Ja), "MQL数");
        assert_eq!(name(Binding::Revenue, Lang::En), "Revenue");
        let web = Label::Channel(ChannelName::new(ChannelKind::WebAds, None));
        assert_eq!(node_label(Lang::Ja, &web), "Web広告のリード数");
        assert_eq!(node_label(Lang::En, &web), "Web ads leads");
        let own = Label::Channel(ChannelName::new(ChannelKind::WebAds, Some(" 検索広告 ")));
        assert_eq!(node_label(Lang::En, &own), "検索広告 leads");
        let own = Label::Own("商談の質を上げる".into());
        assert_eq!(node_label(Lang::En, &own), "商談の質を上げる");
        assert_eq!(
            node_label(Lang::Ja, &Label::Unnamed(NodeKind::Ksf)),
            "新しいKSF"
        );
    }

    #[test]
    fn quality_bought_with_volume_is_worded_with_its_figures() {
        let d = seed_003();
        let mut kpi = KpiDraft::default();
        // 8,000 leads > 6,667 planned, 500 ÷ 8,000 = 6.25 % < 10 %
        set_actual(&mut kpi, &d, Binding::StageCount(10), "8,000");
        set_actual(&mut kpi, &d, Binding::StageCount(11), "500");
        let t = tree(&kpi, &d);
        let w = t
            .warnings
            .iter()
            .find(|w| matches!(w, Warning::QualityVsQuantity { stage: 10, .. }))
            .expect("fires");
        assert_eq!(
            warning(Lang::En, w),
            "Leads is above plan (8,000 against 6,667) while Lead → MQL rate is below it (6.25% \
             against 10%): check that volume is not being bought with quality."
        );
        assert!(warning(Lang::Ja, w).starts_with("リード数は8,000で計画（6,667）を上回って"));
    }

    #[test]
    fn the_other_warnings_in_both_languages() {
        let upstream = Warning::UpstreamOnly { kpis: 9 };
        assert!(warning(Lang::Ja, &upstream).contains("32.1%"));
        assert!(warning(Lang::En, &upstream).contains("11.1%"));
        let owned = Warning::UncontrollableOwned {
            node: 3,
            label: Label::DealSize,
            owner: Department::FieldSales,
        };
        assert_eq!(
            warning(Lang::En, &owned),
            "Average deal size is marked as outside the team's control yet is assigned to Field \
             sales as a KPI. Hold the team to a figure its actions move and follow this one for \
             reference."
        );
        let inconsistent = Warning::Inconsistent {
            node: 20,
            label: Label::Unnamed(NodeKind::Kpi),
            unit: Unit::Count,
            target: 200.0,
            computed: 150.0,
        };
        assert_eq!(
            warning(Lang::En, &inconsistent),
            "New KPI: the target 200 does not match 150, what the items under it compute."
        );
    }

    #[test]
    fn value_errors_in_both_languages() {
        assert_eq!(
            value_error(Lang::Ja, ValueError::Negative),
            "マイナスの値は入力できません"
        );
        assert_eq!(
            value_error(Lang::En, ValueError::TooLarge),
            "too large: at most 1,000,000,000,000,000"
        );
        assert_eq!(
            value_error(Lang::Ja, ValueError::TooPrecise { max_decimals: 2 }),
            "小数は2桁までです"
        );
    }

    #[test]
    fn the_tree_exports_as_csv() {
        let d = seed_003();
        let mut kpi = KpiDraft::default();
        set_actual(&mut kpi, &d, Binding::StageRate(11), "24%");
        let csv = tree_csv(&tree(&kpi, &d), &TreeCsv(Lang::Ja));
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 11 + 2, "header, 11 nodes, trailing empty");
        assert_eq!(
            lines[0],
            "位置,階層,名前,種類,単位,担当部門,目標,実績,達成率,状況,コントロール可能,上流・下流"
        );
        assert_eq!(
            lines[1],
            "1,0,売上,KGI,円,,100000000,,,データなし,はい,下流"
        );
        assert!(lines.contains(
            &"1 > 1 > 1 > 1 > 2,4,MQL → SQL 転換率,KPI,%,マーケティング,30%,24%,80%,遅れ,はい,上流"
        ));
        let en = tree_csv(&tree(&kpi, &d), &TreeCsv(Lang::En));
        assert!(en.contains(
            "\r\n1 > 2,1,Average deal size,KPI,yen,Field sales,5000000,,,No data,yes,Downstream\r\n"
        ));
    }
}
