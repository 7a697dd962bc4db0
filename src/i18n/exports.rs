//! The words of the exports: the buttons, the line under an exported image, and the headings
//! of the CSV files.

use funnel_model::plan::export::{ChannelsCsvWords, MonthlyCsvWords};
use funnel_model::risk::RiskCsvWords;
use funnel_model::Lang;

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub save_the_table_as_csv: &'static str,
    pub save_the_chart_as_png: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    save_the_table_as_csv: "表をCSVで保存",
    save_the_chart_as_png: "グラフをPNGで保存",
};

static EN: Words = Words {
    save_the_table_as_csv: "Save the table as CSV",
    save_the_chart_as_png: "Save the chart as PNG",
};

/// The line under an exported image's title: the target, the period and the day it was made.
pub fn export_details(lang: Lang, target: &str, period: &str, date: &str) -> String {
    match lang {
        Lang::Ja => format!("売上目標 {target} ・ 期間 {period} ・ {date} 作成"),
        Lang::En => format!("Revenue target {target} · {period} · exported {date}"),
    }
}

/// The results CSV's columns: stage, required, exact value, rate to the next stage, cumulative
/// rate to won, expected (forward).
pub fn results_csv_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Ja => [
            "段階",
            "必要数",
            "正確な値",
            "次の段階への転換率",
            "受注までの累積転換率",
            "見込み（順算）",
        ],
        Lang::En => [
            "Stage",
            "Required",
            "Exact value",
            "To next stage",
            "To won (cumulative)",
            "Expected (forward)",
        ],
    }
}

/// The monthly plan CSV's headings around the stages' names.
pub fn monthly_csv_words(lang: Lang) -> MonthlyCsvWords<'static> {
    match lang {
        Lang::Ja => MonthlyCsvWords {
            month: "月",
            before_period: "計画期間前",
            inside_reps: "IS人数",
            field_reps: "FS人数",
        },
        Lang::En => MonthlyCsvWords {
            month: "Month",
            before_period: "Before the period",
            inside_reps: "Inside-sales reps",
            field_reps: "Field-sales reps",
        },
    }
}

/// The channel CSV's headings and its total row's name.
pub fn channels_csv_words(lang: Lang) -> ChannelsCsvWords<'static> {
    match lang {
        Lang::Ja => ChannelsCsvWords {
            headers: [
                "チャネル",
                "リード",
                "訪問・接触",
                "予算",
                "CPL",
                "MQL",
                "受注",
                "CPA",
            ],
            total: "合計",
        },
        Lang::En => ChannelsCsvWords {
            headers: [
                "Channel", "Leads", "Visits", "Budget", "CPL", "MQL", "Won", "CPA",
            ],
            total: "Total",
        },
    }
}

/// "計画の件数（訪問）": the English file has the same full-width brackets.
fn of_stage_in_brackets(row: &str, stage: &str) -> String {
    format!("{row}（{stage}）")
}

/// The Risk CSV's headings and row names.
pub fn risk_csv_words(lang: Lang) -> RiskCsvWords<'static> {
    match lang {
        Lang::Ja => RiskCsvWords {
            figure: "項目",
            value: "値",
            won_needed: "受注の必要件数",
            planned_count: "計画の件数",
            chance: "目標達成の確率",
            chance_error: "確率の標準誤差",
            trials: "モンテカルロの試行回数",
            won_deals: "受注件数",
            revenue: "売上",
            count_needed: "必要な件数",
            budget_needed: "必要な予算",
            entries: "手持ちの件数",
            entries_chance: "手持ちでの達成確率",
            entries_won: "手持ちでの受注件数",
            deal_size: "受注単価",
            sensitivity: "感度（入力）",
            low_end: "下端",
            high_end: "上端",
            revenue_low: "下端の売上",
            revenue_high: "上端の売上",
            chance_low: "下端の達成確率",
            chance_high: "上端の達成確率",
            point_on: "+1ptの改善",
            revenue_gained: "売上の増加",
            same_as_extra: "同じ効果の追加件数",
            as_ad_budget: "その広告費",
            of_stage: of_stage_in_brackets,
        },
        Lang::En => RiskCsvWords {
            figure: "Figure",
            value: "Value",
            won_needed: "Won deals needed",
            planned_count: "Planned count",
            chance: "Chance of reaching the target",
            chance_error: "Standard error of the chance",
            trials: "Monte Carlo trials",
            won_deals: "Won deals",
            revenue: "Revenue",
            count_needed: "Count needed for",
            budget_needed: "Budget needed for",
            entries: "Entries you have",
            entries_chance: "Chance with the entries you have",
            entries_won: "Won deals from your entries",
            deal_size: "Deal size",
            sensitivity: "Sensitivity (input)",
            low_end: "Low end",
            high_end: "High end",
            revenue_low: "Revenue at low end",
            revenue_high: "Revenue at high end",
            chance_low: "Chance at low end",
            chance_high: "Chance at high end",
            point_on: "+1 point on",
            revenue_gained: "Revenue gained",
            same_as_extra: "Same as extra",
            as_ad_budget: "That as ad budget",
            of_stage: of_stage_in_brackets,
        },
    }
}

#[cfg(test)]
mod tests {
    use funnel_model::draft::Draft;
    use funnel_model::plan::draft::PlanDraft;
    use funnel_model::plan::export::{channels_csv, monthly_plan_csv};

    use super::*;
    use crate::i18n::names::{stage_names, Named};

    #[test]
    fn the_results_csv_is_headed_in_the_readers_language() {
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let plan = f.reverse().unwrap();
        let csv = |lang| {
            let names = stage_names(&f.stages, lang);
            funnel_model::results_csv(&f, &plan, None, &names, &results_csv_headers(lang))
        };
        let ja = csv(Lang::Ja);
        assert!(ja.starts_with(
            "\u{feff}段階,必要数,正確な値,次の段階への転換率,受注までの累積転換率\r\n訪問,333334,"
        ));
        let en = csv(Lang::En);
        assert!(en.starts_with(
            "\u{feff}Stage,Required,Exact value,To next stage,To won (cumulative)\r\n"
        ));
    }

    #[test]
    fn the_plan_csvs_are_headed_in_the_readers_language() {
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let ids: Vec<u32> = d.stages.iter().map(|s| s.id).collect();
        let t = PlanDraft::default().time_plan(&f, &ids).unwrap();
        let names: Vec<String> = f.stages.iter().map(|s| s.display_name(Lang::Ja)).collect();
        let csv = monthly_plan_csv(&t, &names, &monthly_csv_words(Lang::Ja));
        assert!(csv
            .starts_with("\u{feff}月,計画期間前,訪問,リード,MQL,SQL,商談,受注,IS人数,FS人数\r\n"));
        let m = PlanDraft::default().money_plan(&f).unwrap();
        let names: Vec<String> = (0..7).map(|i| format!("ch{i}")).collect();
        let csv = channels_csv(&m, &names, &channels_csv_words(Lang::En));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Channel,Leads,Visits,Budget,CPL,MQL,Won,CPA"
        );
        assert!(lines[8].starts_with("Total,6667,"), "{}", lines[8]);
        let ja = channels_csv(&m, &names, &channels_csv_words(Lang::Ja));
        assert!(ja.starts_with("\u{feff}チャネル,リード,訪問・接触,予算,CPL,MQL,受注,CPA\r\n"));
        assert!(ja.contains("\r\n合計,6667,"));
    }

    #[test]
    fn the_risk_csv_names_the_counted_stage_beside_its_rows() {
        use funnel_model::risk::{build_setup, risk_csv, risk_figures};
        let d = Draft::default();
        let f = d.funnel().unwrap();
        let plan = f.reverse().unwrap();
        let ids: Vec<u32> = d.stages[..d.stages.len() - 1]
            .iter()
            .map(|s| s.id)
            .collect();
        let settings = d.risk.settings(&ids).unwrap();
        let figures = risk_figures(&build_setup(&d, &f, &plan, &settings));
        let csv = |lang| {
            let rates: Vec<String> = (0..ids.len()).map(|i| format!("rate {i}")).collect();
            let top = f.stages[0].display_name(lang);
            risk_csv(&figures, &rates, &top, &risk_csv_words(lang))
        };
        let ja = csv(Lang::Ja);
        assert!(ja.contains("\r\n計画の件数（訪問）,333334\r\n"), "{ja}");
        assert!(ja.contains("\r\n必要な件数 80%（訪問）,"), "{ja}");
        assert!(ja.contains(",同じ効果の追加件数（訪問）,"), "{ja}");
        let en = csv(Lang::En);
        assert!(
            en.contains("\r\nPlanned count（Visits）,333334\r\n"),
            "{en}"
        );
        assert!(en.contains("\r\nCount needed for 80%（Visits）,"), "{en}");
        assert!(en.contains(",Same as extra（Visits）,"), "{en}");
    }
}
