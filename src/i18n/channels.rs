//! The words of the Channels view: the channel table, unit economics and the benchmarks table.

use funnel_model::format::format_decimal;
use funnel_model::plan::economics::EconomicsNote;
use funnel_model::Lang;

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub channels: &'static str,
    pub costs_and_customers: &'static str,
    pub plan_by_channel: &'static str,
    pub some_inputs_are_not_valid_showing: &'static str,
    pub channel_table: &'static str,
    pub for_each_source_of_leads_a: &'static str,
    pub add_a_channel: &'static str,
    pub unit_economics: &'static str,
    pub marketing_cost_is_the_channels_total: &'static str,
    pub mql_and_won_deals_are_rounded: &'static str,
    pub results_by_channel: &'static str,
    pub channel: &'static str,
    pub leads: &'static str,
    pub visits: &'static str,
    pub budget: &'static str,
    pub won: &'static str,
    pub leads_and_budget_by_channel: &'static str,
    pub benchmarks: &'static str,
    pub metric: &'static str,
    pub range: &'static str,
    pub source: &'static str,
    pub use_as_preset: &'static str,
    pub undo: &'static str,
    pub share: &'static str,
    pub fixed_count: &'static str,
    pub cost_per_lead: &'static str,
    pub budget_for_the_period: &'static str,
    pub leads_in_total: &'static str,
    pub visits_contacts_needed: &'static str,
    pub marketing_budget: &'static str,
    pub blended_cost_per_lead_cpl: &'static str,
    pub cost_per_won_deal_cpa: &'static str,
    pub total: &'static str,
    pub leads_2: &'static str,
    pub check_the_unit_economics_inputs: &'static str,
    pub romi_is_not_shown_the_marketing: &'static str,
    pub cac_payback: &'static str,
    pub no_verdict_on_sample_values_enter: &'static str,
    pub romi_is_negative_at_this_budget: &'static str,
    pub web_ad_leads_that_become_meetings: &'static str,
    pub content_download_cvr: &'static str,
    pub mql_sql_wide_range: &'static str,
    pub mql_sql_typical: &'static str,
    pub search_ad_cvr: &'static str,
    pub display_ad_cvr: &'static str,
    pub landing_page_cvr_visit_lead: &'static str,
    pub email_open_rate: &'static str,
    pub email_click_rate: &'static str,
    pub sql_that_become_meetings: &'static str,
    pub sample_values: &'static str,
    pub use_these_values: &'static str,
    pub leads_given_as: &'static str,
    pub share_of_leads: &'static str,
    pub number_of_leads: &'static str,
    pub visit_lead_rate: &'static str,
    pub lead_mql_rate_empty_the_funnels: &'static str,
    pub cost_given_as: &'static str,
    pub cost_per_lead_field: &'static str,
    pub budget_field: &'static str,
    pub sales_cost_for_the_period: &'static str,
    pub monthly_revenue_per_account: &'static str,
    pub gross_margin: &'static str,
    pub monthly_churn: &'static str,
    pub sample_channels: &'static str,
    pub sample_economics: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    channels: "チャネル",
    costs_and_customers: "費用と顧客",
    plan_by_channel: "チャネル別の計画",
    some_inputs_are_not_valid_showing: "入力に誤りがあるため、最後に計算できた結果を表示しています。",
    channel_table: "チャネル表",
    for_each_source_of_leads_a: "リードの出どころごとに、割合（または固定の件数）、訪問→リード率、費用を入れます。割合の合計は100%にします。",
    add_a_channel: "チャネルを追加",
    unit_economics: "ユニットエコノミクス",
    marketing_cost_is_the_channels_total: "マーケティング費用はチャネルの予算合計、新規顧客は受注数を使います。",
    mql_and_won_deals_are_rounded: "MQLと受注はチャネルごとに切り上げた件数です（正確な値はカーソルを合わせると表示）。CPAは正確な受注件数で割っています。",
    results_by_channel: "チャネル別の結果",
    channel: "チャネル",
    leads: "リード",
    visits: "訪問・接触",
    budget: "予算",
    won: "受注",
    leads_and_budget_by_channel: "チャネル別のリードと予算",
    benchmarks: "目安の数値（ベンチマーク）",
    metric: "指標",
    range: "目安",
    source: "出典",
    use_as_preset: "目安値を入れる",
    undo: "元に戻す",
    share: "割合（%）",
    fixed_count: "固定の件数",
    cost_per_lead: "リード単価",
    budget_for_the_period: "期間の予算",
    leads_in_total: "リード合計",
    visits_contacts_needed: "必要な訪問・接触",
    marketing_budget: "マーケティング予算",
    blended_cost_per_lead_cpl: "平均リード単価（CPL）",
    cost_per_won_deal_cpa: "受注獲得単価（CPA）",
    total: "合計",
    leads_2: "リード数",
    check_the_unit_economics_inputs: "ユニットエコノミクスの入力を見直してください。",
    romi_is_not_shown_the_marketing: "マーケティング予算が0のため、ROMI（マーケティング費用に対する粗利の割合）は計算できません。",
    cac_payback: "CAC回収期間",
    no_verdict_on_sample_values_enter: "サンプル値のため判定は表示しません。自社の値を入れるか確定すると、LTV/CAC・回収期間・ROMIの判定を表示します。",
    romi_is_negative_at_this_budget: "ROMIがマイナスです: この予算では、マーケティング費用が受注から得る粗利を上回ります。",
    web_ad_leads_that_become_meetings: "Web広告リードの商談化率",
    content_download_cvr: "資料ダウンロードのCVR",
    mql_sql_wide_range: "MQL→SQL率（広めの目安）",
    mql_sql_typical: "MQL→SQL率（一般的な目安）",
    search_ad_cvr: "検索広告のCVR",
    display_ad_cvr: "ディスプレイ広告のCVR",
    landing_page_cvr_visit_lead: "LPのCVR（訪問→リード）",
    email_open_rate: "メール開封率",
    email_click_rate: "メールクリック率",
    sql_that_become_meetings: "SQLの商談化率",
    sample_values: "サンプル値",
    use_these_values: "この値で確定",
    leads_given_as: "リード数の決め方",
    share_of_leads: "リード割合",
    number_of_leads: "リード件数",
    visit_lead_rate: "訪問→リード率",
    lead_mql_rate_empty_the_funnels: "リード→MQL率（空欄はファネルの率）",
    cost_given_as: "費用の入れ方",
    cost_per_lead_field: "リード単価",
    budget_field: "予算",
    sales_cost_for_the_period: "期間の営業コスト（人件費・ツール）",
    monthly_revenue_per_account: "顧客1社あたりの月額売上",
    gross_margin: "粗利率",
    monthly_churn: "月次解約率",
    sample_channels: "サンプル値: チャネル・割合・CVR・費用は例として入っています。予算とCPAはこの例から計算した値です。自社の値に変えるか、このまま使うなら確定してください。",
    sample_economics: "サンプル値: 営業費用・月額売上・粗利率・解約率は例として入っています（平均受注単価とは連動しません）。自社の値に変えるか、確定してください。",
};

static EN: Words = Words {
    channels: "Channels",
    costs_and_customers: "Costs and customers",
    plan_by_channel: "Plan by channel",
    some_inputs_are_not_valid_showing: "Some inputs are not valid: showing the last result that could be computed.",
    channel_table: "Channel table",
    for_each_source_of_leads_a: "For each source of leads: a share (or a fixed count), the visit → lead rate and the cost. Shares add up to 100%.",
    add_a_channel: "Add a channel",
    unit_economics: "Unit economics",
    marketing_cost_is_the_channels_total: "Marketing cost is the channels' total budget; new customers are the won deals.",
    mql_and_won_deals_are_rounded: "MQL and won deals are rounded up per channel (hover for the exact value). CPA divides by the exact deals.",
    results_by_channel: "Results by channel",
    channel: "Channel",
    leads: "Leads",
    visits: "Visits",
    budget: "Budget",
    won: "Won",
    leads_and_budget_by_channel: "Leads and budget by channel",
    benchmarks: "Benchmarks",
    metric: "Metric",
    range: "Range",
    source: "Source",
    use_as_preset: "Use as preset",
    undo: "Undo",
    share: "Share (%)",
    fixed_count: "Fixed count",
    cost_per_lead: "Cost per lead",
    budget_for_the_period: "Budget for the period",
    leads_in_total: "Leads in total",
    visits_contacts_needed: "Visits / contacts needed",
    marketing_budget: "Marketing budget",
    blended_cost_per_lead_cpl: "Blended cost per lead (CPL)",
    cost_per_won_deal_cpa: "Cost per won deal (CPA)",
    total: "Total",
    leads_2: "Leads",
    check_the_unit_economics_inputs: "Check the unit-economics inputs.",
    romi_is_not_shown_the_marketing: "ROMI is not shown: the marketing budget is 0, and ROMI is gross profit relative to marketing spend.",
    cac_payback: "CAC payback",
    no_verdict_on_sample_values_enter: "No verdict on sample values: enter your own figures or confirm them to see the LTV/CAC, payback and ROMI checks.",
    romi_is_negative_at_this_budget: "ROMI is negative: at this budget the marketing spend exceeds the gross margin the won deals bring.",
    web_ad_leads_that_become_meetings: "Web-ad leads that become meetings",
    content_download_cvr: "Content download CVR",
    mql_sql_wide_range: "MQL → SQL (wide range)",
    mql_sql_typical: "MQL → SQL (typical)",
    search_ad_cvr: "Search-ad CVR",
    display_ad_cvr: "Display-ad CVR",
    landing_page_cvr_visit_lead: "Landing-page CVR (visit → lead)",
    email_open_rate: "Email open rate",
    email_click_rate: "Email click rate",
    sql_that_become_meetings: "SQL that become meetings",
    sample_values: "Sample values",
    use_these_values: "Use these values",
    leads_given_as: "leads given as",
    share_of_leads: "share of leads",
    number_of_leads: "number of leads",
    visit_lead_rate: "visit → lead rate",
    lead_mql_rate_empty_the_funnels: "lead → MQL rate (empty: the funnel's)",
    cost_given_as: "cost given as",
    cost_per_lead_field: "cost per lead",
    budget_field: "budget",
    sales_cost_for_the_period: "Sales cost for the period (people, tools)",
    monthly_revenue_per_account: "Monthly revenue per account",
    gross_margin: "Gross margin",
    monthly_churn: "Monthly churn",
    sample_channels: "Sample values: the channels, shares, CVRs and costs are examples, and the budget and CPA are computed from them. Change them to your own, or confirm them to use them as they are.",
    sample_economics: "Sample values: the sales cost, monthly revenue, gross margin and churn are examples (not tied to the deal size). Change them to your own, or confirm them.",
};

/// "Shares total 95%", under the channel table.
pub fn shares_total(lang: Lang, total: &str) -> String {
    match lang {
        Lang::Ja => format!("割合の合計 {}%", total),
        Lang::En => format!("Shares total {}%", total),
    }
}

pub fn removed_channel(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("「{}」を削除しました。", name),
        Lang::En => format!("Removed “{}”.", name),
    }
}

/// Put before a channel's short field labels in their accessible names.
pub fn field_context(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{}の", name),
        Lang::En => format!("{}: ", name),
    }
}

pub fn channel_name_label(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Ja => format!("チャネル{}の名前", number),
        Lang::En => format!("Name of channel {}", number),
    }
}

pub fn give_remaining_share(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{}に残りの割合を割り当て", name),
        Lang::En => format!("Give {} the remaining share", name),
    }
}

pub fn remove_channel(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{}を削除", name),
        Lang::En => format!("Remove {}", name),
    }
}

pub fn won_shortfall(lang: Lang, gap: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "チャネルの質（リード→MQL率）がファネルの率より低いか固定件数が足りないため、受注が目標より{}件足りません。割合や各チャネルの率を見直してください。",
            gap
        ),
        Lang::En => format!(
            "The channels' quality (lead → MQL) is below the funnel's or their fixed counts fall short, so the mix wins {} deals fewer than the target needs. Revisit the shares or the rates.",
            gap
        ),
    }
}

pub fn exact_value(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Ja => format!("正確な値: {}", value),
        Lang::En => format!("Exact: {}", value),
    }
}

pub fn budget_above_target(lang: Lang, budget: &str, target: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "マーケティング予算（{}）が売上目標（{}）以上です。チャネルの費用を見直してください。",
            budget, target
        ),
        Lang::En => format!(
            "The marketing budget ({}) is at or above the revenue target ({}). Revisit the channel costs.",
            budget, target
        ),
    }
}

pub fn fixed_above_need(lang: Lang, fixed: &str, needed: &str, over: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "固定件数のチャネルの合計 {}件が、必要なリード {}件を{}件上回っています。割合で指定したチャネルには0件が割り当てられます。固定件数を見直してください。",
            fixed, needed, over
        ),
        Lang::En => format!(
            "The fixed-count channels add up to {} leads, {} more than the {} needed, so the share channels get none. Check the fixed counts.",
            fixed, over, needed
        ),
    }
}

pub fn customers_note(lang: Lang, won_shown: &str, won_exact: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "顧客数はチャネル計画が生む受注 {}件（正確には{}件）です。CPA・CAC・LTV/CAC・回収期間・ROMIはすべてこの件数で計算しています。",
            won_shown, won_exact
        ),
        Lang::En => format!(
            "Customers: the {} deals the channel plan delivers ({} exactly). CPA, CAC, LTV/CAC, payback and ROMI all use this count.",
            won_shown, won_exact
        ),
    }
}

pub fn months_figure(lang: Lang, months: &str) -> String {
    match lang {
        Lang::Ja => format!("{}か月", months),
        Lang::En => format!("{} months", months),
    }
}

/// An approximate benchmark: "約3%".
pub fn about(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Ja => format!("約{}", value),
        Lang::En => format!("about {}", value),
    }
}

pub fn use_preset_for(lang: Lang, name: &str, preset_text: &str) -> String {
    match lang {
        Lang::Ja => format!("{name}に目安の{}%を入れる", preset_text),
        Lang::En => format!("Use {}% for {name}", preset_text),
    }
}

/// Why the channel totals differ from the funnel's figures (`visits`: the funnel's and the
/// channels' counts, when they differ), and whether the plan reaches the target.
pub fn totals_note_words(
    lang: Lang,
    visits: Option<(String, String)>,
    won_shown: &str,
    won_needed: &str,
    reaches: bool,
) -> String {
    match lang {
        Lang::Ja => {
            let mut parts = Vec::new();
            if let Some((f, c)) = &visits {
                parts.push(format!(
                    "訪問数はチャネルごとのCVRで計算するため、ファネルの{f}件ではなく{c}件です。"
                ));
            }
            if won_shown != won_needed {
                parts.push(format!(
                    "受注はチャネルごとのリード→MQL率で計算するため、ファネルの{won_needed}件に対して{won_shown}件です。"
                ));
            }
            parts.push(if reaches {
                "このチャネル計画で売上目標に届きます。".to_string()
            } else {
                "このチャネル計画では売上目標に届きません。".to_string()
            });
            parts.concat()
        }
        Lang::En => {
            let mut parts = Vec::new();
            if let Some((f, c)) = &visits {
                parts.push(format!(
                    "Visits use each channel's own CVR: {c}, not the funnel's {f}."
                ));
            }
            if won_shown != won_needed {
                parts.push(format!(
                    "Won deals use each channel's own lead → MQL rate: {won_shown} against the funnel's {won_needed}."
                ));
            }
            parts.push(if reaches {
                "This channel plan reaches the revenue target.".to_string()
            } else {
                "This channel plan does not reach the revenue target.".to_string()
            });
            parts.join(" ")
        }
    }
}

/// A rule of thumb the plan misses, with where its threshold comes from, in our own words.
pub fn economics_note(lang: Lang, note: EconomicsNote) -> String {
    match (note, lang) {
        (EconomicsNote::LtvToCacBelowThree { ratio }, Lang::Ja) => format!(
            "LTV/CACが{}で、目安の3を下回っています。3以上という目安はSaaS投資家・経営者の間で広く使われる経験則で、調査値ではありません（出典記事にも基準値はありません）。",
            format_decimal(ratio, 2)
        ),
        (EconomicsNote::LtvToCacBelowThree { ratio }, Lang::En) => format!(
            "LTV/CAC is {}, below the usual 3. \"At least 3\" is a rule of thumb common among SaaS investors and operators, not a survey figure (the source articles give no threshold).",
            format_decimal(ratio, 2)
        ),
        (EconomicsNote::PaybackOverTwelveMonths { months }, Lang::Ja) => format!(
            "CAC回収期間が{}か月で、目安の12か月を超えています。12か月以内という目安はSaaS投資家・経営者の間で広く使われる経験則で、調査値ではありません。",
            format_decimal(months, 1)
        ),
        (EconomicsNote::PaybackOverTwelveMonths { months }, Lang::En) => format!(
            "CAC payback is {} months, beyond the usual 12. \"Within 12 months\" is a rule of thumb common among SaaS investors and operators, not a survey figure.",
            format_decimal(months, 1)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn economics_notes_say_where_their_threshold_comes_from() {
        let ltv = EconomicsNote::LtvToCacBelowThree { ratio: 1.75 };
        let payback = EconomicsNote::PaybackOverTwelveMonths {
            months: 2_000_000.0 / 70_000.0,
        };
        assert_eq!(
            economics_note(Lang::En, ltv),
            "LTV/CAC is 1.75, below the usual 3. \"At least 3\" is a rule of thumb common among SaaS investors and operators, not a survey figure (the source articles give no threshold)."
        );
        assert!(economics_note(Lang::En, payback).starts_with("CAC payback is 28.6 months"));
        assert!(economics_note(Lang::Ja, payback).contains("28.6か月"));
        assert!(economics_note(Lang::Ja, ltv).contains("経験則"));
    }
}
