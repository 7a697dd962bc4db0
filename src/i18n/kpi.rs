//! The words of the KPI view: its labels and headings, a node's plan, actual and achievement,
//! and the sentences around the tree (the tree's own facts are worded in `kpi_tree.rs`).

use funnel_model::format::format_percent;
use funnel_model::kpi::{format_value, Direction, EvaluatedNode, NodeKind};
use funnel_model::Lang;

use crate::i18n::kpi_tree::direction;
use crate::i18n::plan::{month_name, pick};

/// Target → actual, with the achievement: "目標 20件 ・ 実績 15件 ・ 75%".
pub fn node_detail(n: &EvaluatedNode, lang: Lang) -> String {
    let value =
        |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_value(v, &n.unit, lang));
    if n.kind == NodeKind::Ksf {
        return pick(lang, "重要成功要因", "Key success factor").to_string();
    }
    let mut parts = vec![match lang {
        Lang::Ja => format!("目標 {}", value(n.target)),
        Lang::En => format!("Plan {}", value(n.target)),
    }];
    if n.actual.is_some() {
        parts.push(match lang {
            Lang::Ja => format!("実績 {}", value(n.actual)),
            Lang::En => format!("Actual {}", value(n.actual)),
        });
    }
    if let Some(a) = n.achievement {
        parts.push(format_percent(a));
    }
    parts.join(" ・ ")
}

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub kpi_tree: &'static str,
    pub breaks_revenue_the_kgi_down_to: &'static str,
    pub the_funnels_inputs_are_not_valid: &'static str,
    pub measured_over: &'static str,
    pub e_g_fy2027_q1: &'static str,
    pub rebuild_from_the_funnel: &'static str,
    pub expand_all: &'static str,
    pub tree_and_actuals: &'static str,
    pub tree_diagram: &'static str,
    pub colour_and_mark_ahead_on_track: &'static str,
    pub not_controllable: &'static str,
    pub bottleneck: &'static str,
    pub does_not_add_up: &'static str,
    pub actual: &'static str,
    pub enter_actual_counts_rates_the_deal: &'static str,
    pub revenue_impact_of_each_figure_with: &'static str,
    pub figure: &'static str,
    pub shortfall: &'static str,
    pub plan: &'static str,
    pub actual_2: &'static str,
    pub revenue_with_only_this_at_actual: &'static str,
    pub stage_definitions_and_sla: &'static str,
    pub what_marketing_and_sales_agree_each: &'static str,
    pub stage_to_define: &'static str,
    pub kpi_design_checklist: &'static str,
    pub checklist_progress: &'static str,
    pub average_deal_size: &'static str,
    pub node_name: &'static str,
    pub how_it_is_computed: &'static str,
    pub unit: &'static str,
    pub unit_name: &'static str,
    pub the_plan_figure_comes_from_the: &'static str,
    pub plan_figure: &'static str,
    pub empty_computes_it_from_the_nodes: &'static str,
    pub owner: &'static str,
    pub upstream_or_downstream: &'static str,
    pub this_kpis_period_empty_the_trees: &'static str,
    pub the_owning_team_can_move_it: &'static str,
    pub part_of_the_parents_formula: &'static str,
    pub smart_check: &'static str,
    pub actuals_by_month: &'static str,
    pub add_a_kpi_below: &'static str,
    pub add_a_ksf_below: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub remove_this_node_and_those_below: &'static str,
    pub move_under_new_parent: &'static str,
    pub move_word: &'static str,
    pub count: &'static str,
    pub yen: &'static str,
    pub percent: &'static str,
    pub other: &'static str,
    pub not_set: &'static str,
    pub visits_leads: &'static str,
    pub meeting_rate_win_rate: &'static str,
    pub hours: &'static str,
    pub choose: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    kpi_tree: "KPIツリー",
    breaks_revenue_the_kgi_down_to: "売上（KGI）から、各チームが動かす数値（KPI）までを分解します。ファネルと連動し、実績を入れると達成率とボトルネックがわかります。",
    the_funnels_inputs_are_not_valid: "ファネルの入力に誤りがあるため、ファネルから来る目標値を表示できません。",
    measured_over: "測定期間",
    e_g_fy2027_q1: "例: 2027年度 第1四半期",
    rebuild_from_the_funnel: "ファネルから作り直す",
    expand_all: "すべて展開",
    tree_and_actuals: "ツリーと実績",
    tree_diagram: "ツリー図",
    colour_and_mark_ahead_on_track: "色と記号: ↑達成 ✓ほぼ計画どおり !遅れ –データなし。太枠がボトルネックです。",
    not_controllable: "コントロール不可",
    bottleneck: "ボトルネック",
    does_not_add_up: "計算が合いません",
    actual: "実績",
    enter_actual_counts_rates_the_deal: "件数・転換率・受注単価・チャネル別リードの実績を入れると、売上への影響が最も大きい指標を示します。",
    revenue_impact_of_each_figure_with: "実績のある指標ごとの売上への影響（大きい順）",
    figure: "指標",
    shortfall: "不足額",
    plan: "計画",
    actual_2: "実績",
    revenue_with_only_this_at_actual: "この指標だけ実績の売上",
    stage_definitions_and_sla: "段階の定義とSLA",
    what_marketing_and_sales_agree_each: "マーケティングと営業で同じ言葉を同じ意味で使うための取り決めです。シナリオと一緒に保存・共有されます。",
    stage_to_define: "定義する段階",
    kpi_design_checklist: "KPI設計チェックリスト",
    checklist_progress: "チェックリストの進み具合",
    average_deal_size: "平均受注単価",
    node_name: "ノード名",
    how_it_is_computed: "計算方法",
    unit: "単位",
    unit_name: "単位の名前",
    the_plan_figure_comes_from_the: "目標値はファネルから計算されます（ファネルの入力を変えると更新されます）。",
    plan_figure: "目標値",
    empty_computes_it_from_the_nodes: "空欄なら下位ノードから計算します。例: 120、25%、300万",
    owner: "担当部門",
    upstream_or_downstream: "上流・下流",
    this_kpis_period_empty_the_trees: "このKPIの期間（空欄はツリーの測定期間）",
    the_owning_team_can_move_it: "担当チームが自分の行動で動かせる（コントロール可能）",
    part_of_the_parents_formula: "親ノードの計算に含める",
    smart_check: "SMARTチェック",
    actuals_by_month: "月別の実績",
    add_a_kpi_below: "下にKPIを追加",
    add_a_ksf_below: "下にKSFを追加",
    up: "上へ",
    down: "下へ",
    remove_this_node_and_those_below: "このノードと下位を削除",
    move_under_new_parent: "移動先（新しい親ノード）",
    move_word: "移動",
    count: "件数",
    yen: "金額（円）",
    percent: "率（%）",
    other: "その他",
    not_set: "未設定",
    visits_leads: "訪問・リードなど",
    meeting_rate_win_rate: "商談化率・受注率など",
    hours: "時間",
    choose: "選んでください",
};

static EN: Words = Words {
    kpi_tree: "KPI tree",
    breaks_revenue_the_kgi_down_to: "Breaks revenue (the KGI) down to the numbers each team moves (KPIs). It follows the funnel; enter actuals to see achievement and the bottleneck.",
    the_funnels_inputs_are_not_valid: "The funnel's inputs are not valid, so the targets that come from it cannot be shown.",
    measured_over: "Measured over",
    e_g_fy2027_q1: "e.g. FY2027 Q1",
    rebuild_from_the_funnel: "Rebuild from the funnel",
    expand_all: "Expand all",
    tree_and_actuals: "Tree and actuals",
    tree_diagram: "Tree diagram",
    colour_and_mark_ahead_on_track: "Colour and mark: ↑ ahead, ✓ on track, ! behind, – no data. The thick outline is the bottleneck.",
    not_controllable: "Not controllable",
    bottleneck: "Bottleneck",
    does_not_add_up: "Does not add up",
    actual: "actual",
    enter_actual_counts_rates_the_deal: "Enter actual counts, rates, the deal size or channel leads to see which figure costs the most revenue.",
    revenue_impact_of_each_figure_with: "Revenue impact of each figure with an actual, largest first",
    figure: "Figure",
    shortfall: "Shortfall",
    plan: "Plan",
    actual_2: "Actual",
    revenue_with_only_this_at_actual: "Revenue with only this at actual",
    stage_definitions_and_sla: "Stage definitions and SLA",
    what_marketing_and_sales_agree_each: "What marketing and sales agree each word means. Saved and shared with the scenario.",
    stage_to_define: "Stage to define",
    kpi_design_checklist: "KPI design checklist",
    checklist_progress: "Checklist progress",
    average_deal_size: "Average deal size",
    node_name: "Node name",
    how_it_is_computed: "How it is computed",
    unit: "Unit",
    unit_name: "Unit name",
    the_plan_figure_comes_from_the: "The plan figure comes from the funnel (it updates when the funnel's inputs change).",
    plan_figure: "Plan figure",
    empty_computes_it_from_the_nodes: "Empty computes it from the nodes below. e.g. 120, 25%, 3M",
    owner: "Owner",
    upstream_or_downstream: "Upstream or downstream",
    this_kpis_period_empty_the_trees: "This KPI's period (empty: the tree's)",
    the_owning_team_can_move_it: "The owning team can move it by its own actions (controllable)",
    part_of_the_parents_formula: "Part of the parent's formula",
    smart_check: "SMART check",
    actuals_by_month: "Actuals by month",
    add_a_kpi_below: "Add a KPI below",
    add_a_ksf_below: "Add a KSF below",
    up: "Up",
    down: "Down",
    remove_this_node_and_those_below: "Remove this node and those below",
    move_under_new_parent: "Move under (new parent)",
    move_word: "Move",
    count: "Count",
    yen: "Yen",
    percent: "Percent",
    other: "Other",
    not_set: "Not set",
    visits_leads: "visits, leads…",
    meeting_rate_win_rate: "meeting rate, win rate…",
    hours: "hours",
    choose: "Choose",
};

pub fn channel_leads(lang: Lang, channel: &str) -> String {
    match lang {
        Lang::Ja => format!("{channel}のリード数"),
        Lang::En => format!("{channel} leads"),
    }
}

/// The worst shortfall in one sentence: the node, its plan and actual, and the revenue lost.
pub fn bottleneck_headline(lang: Lang, name: &str, plan: &str, actual: &str, loss: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "ボトルネック: 「{name}」が計画 {plan} に対して実績 {actual}。他をすべて計画どおりとしても、売上が {loss} 不足します。"
        ),
        Lang::En => format!(
            "Bottleneck: “{name}” is {actual} against a plan of {plan}. With everything else at plan, revenue falls {loss} short."
        ),
    }
}

pub fn checklist_progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{done} / {total} 完了"),
        Lang::En => format!("{done} of {total} done"),
    }
}

/// A direction as the node editor offers it, with what belongs to it.
pub fn direction_choice(lang: Lang, d: Direction) -> String {
    let examples = match d {
        Direction::Upstream => words(lang).visits_leads,
        Direction::Downstream => words(lang).meeting_rate_win_rate,
    };
    format!("{}（{examples}）", direction(lang, d))
}

pub fn stages_missing_from_tree(lang: Lang, names: &[String]) -> String {
    let names = names.join("、");
    match lang {
        Lang::Ja => format!("ファネルの段階「{names}」がツリーに含まれていません。「ファネルから作り直す」で加わります（ツリーの編集は元に戻ります）。"),
        Lang::En => format!("The funnel's stage “{names}” is not in the tree. “Rebuild from the funnel” adds it (and undoes the tree's edits)."),
    }
}

pub fn nodes_of_removed_stages(lang: Lang, lost: usize) -> String {
    match lang {
        Lang::Ja => format!("ファネルから削除された段階を指すノードが{lost}つあります。削除するか、ファネルから作り直してください。"),
        Lang::En => format!("{lost} node(s) point at stages no longer in the funnel. Remove them or rebuild from the funnel."),
    }
}

/// Put before a node's short field labels in their accessible names.
pub fn node_context(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Ja => format!("{}の", title),
        Lang::En => format!("{}: ", title),
    }
}

pub fn toggle_children(lang: Lang, title: &str, collapsed: bool) -> String {
    match lang {
        Lang::Ja => format!(
            "{}の下位を{}",
            title,
            if collapsed {
                "展開"
            } else {
                "折りたたむ"
            }
        ),
        Lang::En => format!(
            "{} under {}",
            if collapsed { "Expand" } else { "Collapse" },
            title
        ),
    }
}

pub fn selected_node(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Ja => format!("選択中のノード: {}", title),
        Lang::En => format!("Selected node: {}", title),
    }
}

/// A node whose plan figure differs from what the nodes below it compute.
pub fn inconsistent_node(lang: Lang, n: &EvaluatedNode) -> String {
    let computed = n
        .computed
        .map(|c| format_value(c, &n.unit, lang))
        .unwrap_or_default();
    match lang {
        Lang::Ja => format!(
            "下位ノードから計算すると {} になり、目標値と合いません。",
            computed
        ),
        Lang::En => format!(
            "The nodes below compute {}, which does not match the plan figure.",
            computed
        ),
    }
}

pub fn smart_progress(lang: Lang, passed: usize) -> String {
    match lang {
        Lang::Ja => {
            format!("{passed} / 5 項目を満たしています（測定可能・期限は入力内容からも判定）。")
        }
        Lang::En => {
            format!("{passed} of 5 met (measurable and time-bound are also read from the node).")
        }
    }
}

pub fn actual_in_month(lang: Lang, month: u8) -> String {
    match lang {
        Lang::Ja => format!("{}の実績", month_name(Lang::Ja, month)),
        Lang::En => format!("Actual in {}", month_name(Lang::En, month)),
    }
}
