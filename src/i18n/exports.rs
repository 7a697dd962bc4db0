//! The words of the exports view.

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
