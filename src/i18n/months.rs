//! The words of the Months view: the period, phasing, lead time, team and monthly results.

use funnel_model::format::{format_count, format_decimal, format_percent};
use funnel_model::plan::cohort::CohortComparison;
use funnel_model::plan::draft::CycleDays;
use funnel_model::Lang;

use crate::i18n::plan::month_name;

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub period_and_lead_time: &'static str,
    pub monthly_plan: &'static str,
    pub some_inputs_are_not_valid_showing: &'static str,
    pub period: &'static str,
    pub the_period_is_set_beside_the: &'static str,
    pub change_the_period: &'static str,
    pub weight_the_months_seasonality: &'static str,
    pub weights_are_relative_1_is_normal: &'static str,
    pub lead_time: &'static str,
    pub give_the_lead_time_as: &'static str,
    pub average_days_from_lead_to_won: &'static str,
    pub e_g_90_about_3_months: &'static str,
    pub days: &'static str,
    pub days_an_item_stays_in_each: &'static str,
    pub of_the_leads_created_in_a: &'static str,
    pub add_a_month: &'static str,
    pub remove_the_last_month: &'static str,
    pub share_of_the_lead_time_from: &'static str,
    pub places_the_stages_when_there_are: &'static str,
    pub team_and_pipeline: &'static str,
    pub e_g_40: &'static str,
    pub e_g_8: &'static str,
    pub open_pipeline_at_the_period_start: &'static str,
    pub empty_or_0_means_none_e: &'static str,
    pub new_items_to_create_each_month: &'static str,
    pub month: &'static str,
    pub inside_sales: &'static str,
    pub field_sales: &'static str,
    pub revenue_target: &'static str,
    pub timeline: &'static str,
    pub each_stages_months_are_scaled_to: &'static str,
    pub conversion_by_period_vs_by_cohort: &'static str,
    pub per_period_in_the_example_won: &'static str,
    pub per_cohort_leads_followed_from_their: &'static str,
    pub average_days: &'static str,
    pub days_in_each_stage: &'static str,
    pub share_closing_each_month: &'static str,
    pub symbol: &'static str,
    pub deals_planned_in_the_period_each: &'static str,
    pub pipeline_coverage_needed: &'static str,
    pub deals_expected_from_the_open_pipeline: &'static str,
    pub headcount_busiest_month: &'static str,
    pub what_must_be_created_before_the: &'static str,
    pub before_the_period: &'static str,
    pub total: &'static str,
    pub before_the_period_2: &'static str,
    pub monthly_plan_timeline: &'static str,
    pub period_of_the_target: &'static str,
    pub period_length: &'static str,
    pub period_to_plan: &'static str,
    pub fiscal_year_starts_in: &'static str,
    pub quarter: &'static str,
    pub fiscal_year: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    period_and_lead_time: "期間とリードタイム",
    monthly_plan: "月次計画",
    some_inputs_are_not_valid_showing: "入力に誤りがあるため、最後に計算できた計画を表示しています。",
    period: "期間",
    the_period_is_set_beside_the: "期間は「ファネル」タブの売上目標の横で設定します。",
    change_the_period: "期間を変える",
    weight_the_months_seasonality: "月ごとに重みを付ける（季節性）",
    weights_are_relative_1_is_normal: "重みは相対値です。1が標準、2は倍、0はその月に受注を見込みません。",
    lead_time: "リードタイム",
    give_the_lead_time_as: "リードタイムの入れ方",
    average_days_from_lead_to_won: "リード獲得から受注までの平均日数",
    e_g_90_about_3_months: "例: 90（約3か月）",
    days: "日",
    days_an_item_stays_in_each: "各段階に留まる日数（次の段階に進むまで）。空欄は0日です。",
    of_the_leads_created_in_a: "ある月に生まれたリードのうち、何か月後に受注するかの割合。合計100%にします。",
    add_a_month: "月を追加",
    remove_the_last_month: "最後の月を削除",
    share_of_the_lead_time_from: "リードタイムのうち商談化から受注までの割合",
    places_the_stages_when_there_are: "段階ごとの日数がないときに各段階を作る時期を決めます。空欄は50%（商談化までと商談後が半分ずつ）。MQL・SQLはその間に均等に置きます。",
    team_and_pipeline: "体制とパイプライン",
    e_g_40: "例: 40（件）",
    e_g_8: "例: 8（件）",
    open_pipeline_at_the_period_start: "計画期間の開始時点で進行中の商談金額（任意）",
    empty_or_0_means_none_e: "空欄か0は進行中の商談なし。例: 2億。見込める受注（金額 × 受注率 ÷ 単価）は最初の月から目標に充て、期間前に作る件数を減らします。",
    new_items_to_create_each_month: "各月に新しく作る件数（受注はその月に決まる件数）。各月を切り上げるため、合計はファネルの件数を上回ることがあります。IS・FSは担当中の件数（継続中を含む）に必要な人数、売上目標はその月に決まる売上。",
    month: "月",
    inside_sales: "IS人数",
    field_sales: "FS人数",
    revenue_target: "売上目標",
    timeline: "タイムライン",
    each_stages_months_are_scaled_to: "段階ごとに各月の件数を、その段階の最大値を基準に描いています。網掛けは計画期間前の月です。",
    conversion_by_period_vs_by_cohort: "期間で見た転換率と本当の転換率",
    per_period_in_the_example_won: "例で期間で区切った率（受注 ÷ 期間内のリード）",
    per_cohort_leads_followed_from_their: "コホートの率（リードを作成月から追跡）",
    average_days: "平均日数",
    days_in_each_stage: "段階ごとの滞留日数",
    share_closing_each_month: "受注月の分布",
    symbol: "件",
    deals_planned_in_the_period_each: "期間の受注（月ごとに切り上げ）",
    pipeline_coverage_needed: "必要なパイプラインカバレッジ",
    deals_expected_from_the_open_pipeline: "進行中の商談から見込む受注",
    headcount_busiest_month: "必要人数（最大月）",
    what_must_be_created_before_the: "計画期間より前の月に作る分は「計画期間前」の行に示します。",
    before_the_period: "計画期間前",
    total: "合計",
    before_the_period_2: "計画期間前",
    monthly_plan_timeline: "月次計画のタイムライン",
    period_of_the_target: "目標の期間",
    period_length: "期間の単位",
    period_to_plan: "計画する期間",
    fiscal_year_starts_in: "期首月",
    quarter: "四半期",
    fiscal_year: "年度",
};

static EN: Words = Words {
    period_and_lead_time: "Period and lead time",
    monthly_plan: "Monthly plan",
    some_inputs_are_not_valid_showing: "Some inputs are not valid: showing the last plan that could be computed.",
    period: "Period",
    the_period_is_set_beside_the: "The period is set beside the revenue target, on the Funnel tab.",
    change_the_period: "Change the period",
    weight_the_months_seasonality: "Weight the months (seasonality)",
    weights_are_relative_1_is_normal: "Weights are relative: 1 is normal, 2 is double, 0 expects no deals that month.",
    lead_time: "Lead time",
    give_the_lead_time_as: "Give the lead time as",
    average_days_from_lead_to_won: "Average days from lead to won deal",
    e_g_90_about_3_months: "e.g. 90 (about 3 months)",
    days: "days",
    days_an_item_stays_in_each: "Days an item stays in each stage before it moves on. Empty means 0.",
    of_the_leads_created_in_a: "Of the leads created in a month, the share won 0, 1, 2 … months later. Adds up to 100%.",
    add_a_month: "Add a month",
    remove_the_last_month: "Remove the last month",
    share_of_the_lead_time_from: "Share of the lead time from opportunity to won",
    places_the_stages_when_there_are: "Places the stages when there are no per-stage days. Empty means 50% (half before the opportunity, half after); MQL and SQL sit evenly in between.",
    team_and_pipeline: "Team and pipeline",
    e_g_40: "e.g. 40",
    e_g_8: "e.g. 8",
    open_pipeline_at_the_period_start: "Open pipeline at the period start (optional)",
    empty_or_0_means_none_e: "Empty or 0 means none. e.g. 200,000,000. The deals it is expected to win (value × win rate ÷ deal size) count toward the first months and reduce what must be created before the period.",
    new_items_to_create_each_month: "New items to create each month (won: deals closing that month). Each month is rounded up, so totals can be above the funnel's. Inside / field sales: reps for the items worked that month (open ones included); revenue target: revenue closing that month.",
    month: "Month",
    inside_sales: "Inside sales",
    field_sales: "Field sales",
    revenue_target: "Revenue target",
    timeline: "Timeline",
    each_stages_months_are_scaled_to: "Each stage's months are scaled to that stage's largest month. Shaded months come before the period.",
    conversion_by_period_vs_by_cohort: "Conversion by period vs. by cohort",
    per_period_in_the_example_won: "Per period in the example (won ÷ leads in the period)",
    per_cohort_leads_followed_from_their: "Per cohort (leads followed from their month)",
    average_days: "Average days",
    days_in_each_stage: "Days in each stage",
    share_closing_each_month: "Share closing each month",
    symbol: "",
    deals_planned_in_the_period_each: "Deals planned in the period (each month rounded up)",
    pipeline_coverage_needed: "Pipeline coverage needed",
    deals_expected_from_the_open_pipeline: "Deals expected from the open pipeline",
    headcount_busiest_month: "Headcount (busiest month)",
    what_must_be_created_before_the: "What must be created before the period is in the rows marked “before the period”.",
    before_the_period: "before the period",
    total: "Total",
    before_the_period_2: "Before the period",
    monthly_plan_timeline: "Monthly plan timeline",
    period_of_the_target: "Period of the target",
    period_length: "Period length",
    period_to_plan: "Period to plan",
    fiscal_year_starts_in: "Fiscal year starts in",
    quarter: "Quarter",
    fiscal_year: "Fiscal year",
};

pub fn month_weight_label(lang: Lang, month: u8) -> String {
    match lang {
        Lang::Ja => format!("{}の重み", month_name(Lang::Ja, month)),
        Lang::En => format!("Weight of {}", month_name(Lang::En, month)),
    }
}

pub fn dwell_days_label(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Ja => format!("{from} → {to} の日数"),
        Lang::En => format!("Days from {from} to {to}"),
    }
}

/// A won-timing distribution's field: the share won `k` months after the opportunity.
pub fn won_months_later_label(lang: Lang, k: usize) -> String {
    match (lang, k) {
        (Lang::Ja, 0) => "同じ月に受注".to_string(),
        (Lang::Ja, k) => format!("{k}か月後に受注"),
        (Lang::En, 0) => "Won the same month".to_string(),
        (Lang::En, 1) => "Won 1 month later".to_string(),
        (Lang::En, k) => format!("Won {k} months later"),
    }
}

pub fn distribution_total_text(lang: Lang, total: &str) -> String {
    match lang {
        Lang::Ja => format!("合計 {total}%"),
        Lang::En => format!("Total {total}%"),
    }
}

pub fn inside_per_rep_label(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "インサイドセールス1人が月に担当できる{}数（継続中を含む）",
            stage
        ),
        Lang::En => format!(
            "{} one inside-sales rep can work in a month (open ones included)",
            stage
        ),
    }
}

pub fn field_per_rep_label(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "フィールドセールス1人が月に担当できる{}数（継続中を含む）",
            stage
        ),
        Lang::En => format!(
            "{} one field-sales rep can work in a month (open ones included)",
            stage
        ),
    }
}

pub fn won_total_figure(lang: Lang, shown: &str, required: &str, surplus: &str) -> String {
    match lang {
        Lang::Ja => format!("{}件（目標 {}件・余裕 {}件）", shown, required, surplus),
        Lang::En => format!("{} (target {}, surplus {})", shown, required, surplus),
    }
}

pub fn needed_before_period(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::Ja => format!("計画期間前に作る{}", stage),
        Lang::En => format!("{} needed before the period", stage),
    }
}

/// The coverage needed; with the open pipeline given, what it has and whether that is enough.
pub fn coverage_figure(lang: Lang, needed: &str, have: Option<(String, bool)>) -> String {
    match (lang, have) {
        (Lang::Ja, None) => format!("{}倍", needed),
        (Lang::En, None) => format!("{}×", needed),
        (Lang::Ja, Some((have, enough))) => format!(
            "{}倍（現在 {}倍{}）",
            needed,
            have,
            if enough {
                "・足りています"
            } else {
                "・不足"
            }
        ),
        (Lang::En, Some((have, enough))) => format!(
            "{}× (have {}×{})",
            needed,
            have,
            if enough { ", enough" } else { ", short" }
        ),
    }
}

pub fn deals_figure(lang: Lang, deals: &str) -> String {
    match lang {
        Lang::Ja => format!("{}件", deals),
        Lang::En => deals.to_string(),
    }
}

pub fn velocity_label(lang: Lang, cycle: CycleDays, days: &str) -> String {
    match (cycle, lang) {
        (CycleDays::SalesCycle, Lang::Ja) => {
            format!("セールスベロシティ（1日あたり・商談→受注{days}日）")
        }
        (CycleDays::SalesCycle, Lang::En) => {
            format!("Sales velocity (per day, {days}-day sales cycle)")
        }
        (CycleDays::LeadToClose, Lang::Ja) => {
            format!("セールスベロシティ（1日あたり・リード→受注{days}日）")
        }
        (CycleDays::LeadToClose, Lang::En) => {
            format!("Sales velocity (per day, {days} days lead to won)")
        }
    }
}

pub fn headcount_figure(lang: Lang, inside: u64, field: u64) -> String {
    match lang {
        Lang::Ja => format!("IS {}人・FS {}人", inside, field),
        Lang::En => format!("inside sales {} · field sales {}", inside, field),
    }
}

/// What the sales velocity divides by, or why there is none.
pub fn velocity_note(lang: Lang, computed: bool, cycle: CycleDays) -> &'static str {
    match (computed, cycle, lang) {
        (true, CycleDays::SalesCycle, Lang::Ja) => "セールスベロシティは商談から受注までの日数（段階ごとの日数）で割っています。",
        (true, CycleDays::SalesCycle, Lang::En) => "Sales velocity divides by the days from opportunity to won (the days per stage).",
        (true, CycleDays::LeadToClose, Lang::Ja) => "セールスベロシティはリードから受注までの日数で割っています。段階ごとの日数を入れると商談期間で計算します。",
        (true, CycleDays::LeadToClose, Lang::En) => "Sales velocity divides by the days from lead to won; give days per stage to use the sales cycle.",
        (false, CycleDays::SalesCycle, Lang::Ja) => "商談から受注までが0日のため、1日あたりのセールスベロシティは計算できません。",
        (false, CycleDays::SalesCycle, Lang::En) => "The opportunity stage has 0 days, so there is no sales velocity per day to compute.",
        (false, CycleDays::LeadToClose, Lang::Ja) => "リードタイムが1日未満のため、1日あたりのセールスベロシティは計算できません。",
        (false, CycleDays::LeadToClose, Lang::En) => "The lead time is under a day, so there is no sales velocity per day to compute.",
    }
}

/// Above a period's totals, so a total is never read as a year's when it is a quarter's.
pub fn period_note(lang: Lang, phrase: &str) -> String {
    match lang {
        Lang::Ja => format!("期間: {phrase}"),
        Lang::En => format!("Period: {phrase}"),
    }
}

/// The explanation beside the period and cohort ratios, worded from the example's figures.
pub fn cohort_explanation(lang: Lang, c: &CohortComparison) -> String {
    let cohort = format_percent(c.cohort_based);
    let period = c
        .period_based
        .map_or_else(|| "—".to_string(), format_percent);
    let per_month = format_count(c.leads_per_month);
    let leads = format_count(c.leads_in_period.round() as u64);
    let won = format_decimal(c.won_in_period, 1);
    let inside = format_percent(c.closing_inside);
    let lag = format_decimal(c.mean_lag_months, 1);
    let unit = if lag == "1" { "month" } else { "months" };
    match (lang, c.agrees()) {
        (Lang::Ja, true) => format!(
            "例: 毎月{per_month}件のリードを作ると、どのリードも作った月に受注するため、期間で区切った率とコホートの率はどちらも{cohort}です。"
        ),
        (Lang::En, true) => format!(
            "Example: with {per_month} leads every month, every lead closes in the month it is created, so the period ratio and the cohort ratio are both {cohort}."
        ),
        (Lang::Ja, false) => format!(
            "例: 期間の初月から毎月{per_month}件のリードを作ると、期間内のリードは{leads}件、期間内の受注は{won}件で、期間で区切った率は{period}です。リードの本当の転換率は{cohort}ですが、リードタイムが平均{lag}か月のため、期間内に受注するのは期間内に作ったリードの{inside}だけで、残りは次の期間に受注します。期間前から同じ件数を作り続けていれば前の期間のリードの受注が加わり、期間で区切った率も{cohort}になります。"
        ),
        (Lang::En, false) => format!(
            "Example: creating {per_month} leads every month from the period's first month gives {leads} leads and {won} deals won in the period, so won ÷ leads in the period is {period}. Each lead truly converts at {cohort}, but with a lead time of {lag} {unit} on average only {inside} of the period's leads close inside it; the rest close in the next period. Had the same number been created every month before the period too, the deals from those earlier leads would land in the period and its ratio would also be {cohort}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2,223 leads a month for a quarter at a 0.3 % lead → won rate, every deal closing one
    /// month after its lead: the third month's leads close after the period, so 2 of 3 months'
    /// leads close inside it and the period ratio reads 0.3 % × 2/3 = 0.2 %.
    fn one_month_late() -> CohortComparison {
        CohortComparison {
            period_based: Some(0.002),
            cohort_based: 0.003,
            leads_per_month: 2_223,
            period_months: 3,
            won_in_period: 2.0 * 2_223.0 * 0.003,
            leads_in_period: 6_669.0,
            closing_inside: 2.0 / 3.0,
            mean_lag_months: 1.0,
            monthly: Vec::new(),
        }
    }

    #[test]
    fn the_cohort_gap_is_explained_with_the_examples_figures() {
        let c = one_month_late();
        assert_eq!(
            cohort_explanation(Lang::En, &c),
            "Example: creating 2,223 leads every month from the period's first month gives 6,669 leads and 13.3 deals won in the period, so won ÷ leads in the period is 0.2%. Each lead truly converts at 0.3%, but with a lead time of 1 month on average only 66.67% of the period's leads close inside it; the rest close in the next period. Had the same number been created every month before the period too, the deals from those earlier leads would land in the period and its ratio would also be 0.3%."
        );
        assert_eq!(
            cohort_explanation(Lang::Ja, &c),
            "例: 期間の初月から毎月2,223件のリードを作ると、期間内のリードは6,669件、期間内の受注は13.3件で、期間で区切った率は0.2%です。リードの本当の転換率は0.3%ですが、リードタイムが平均1か月のため、期間内に受注するのは期間内に作ったリードの66.67%だけで、残りは次の期間に受注します。期間前から同じ件数を作り続けていれば前の期間のリードの受注が加わり、期間で区切った率も0.3%になります。"
        );
        let longer = CohortComparison {
            mean_lag_months: 1.5,
            ..one_month_late()
        };
        assert!(cohort_explanation(Lang::En, &longer).contains("1.5 months on average"));
    }

    #[test]
    fn without_a_lead_time_the_two_ratios_agree() {
        let c = CohortComparison {
            period_based: Some(0.003),
            won_in_period: 3.0 * 2_223.0 * 0.003,
            closing_inside: 1.0,
            mean_lag_months: 0.0,
            ..one_month_late()
        };
        assert_eq!(
            cohort_explanation(Lang::En, &c),
            "Example: with 2,223 leads every month, every lead closes in the month it is created, so the period ratio and the cohort ratio are both 0.3%."
        );
        assert_eq!(
            cohort_explanation(Lang::Ja, &c),
            "例: 毎月2,223件のリードを作ると、どのリードも作った月に受注するため、期間で区切った率とコホートの率はどちらも0.3%です。"
        );
    }
}
