//! The words of the embed dialog and the embedded page.

use funnel_model::Lang;

/// The labels, headings and sentences of the view, one table per language.
pub struct Words {
    pub open_full: &'static str,
    pub embed_heading: &'static str,
    pub embed_mode_label: &'static str,
    pub embed_ro: &'static str,
    pub embed_rw: &'static str,
    pub embed_export: &'static str,
    pub embed_code_label: &'static str,
    pub copy_embed: &'static str,
    pub embed_copied: &'static str,
    pub embed_title: fn(&str) -> String,
    /// An embed whose link does not read shows the sample plan instead, and says so.
    pub link_error: fn(&str) -> String,
    /// Shown in place of the answer when the scenario's inputs never made one.
    pub no_answer: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    open_full: "フル機能の電卓で開く ↗",
    embed_heading: "ブログなどに埋め込む",
    embed_mode_label: "埋め込みの種類",
    embed_ro: "閲覧のみ（数値と図）",
    embed_rw: "操作できる（入力欄つき）",
    embed_export: "書き出しボタン（CSV・PNG）を表示",
    embed_code_label: "埋め込みコード（HTMLに貼り付け）",
    copy_embed: "埋め込みコードをコピー",
    embed_copied: "埋め込みコードをコピーしました。",
    embed_title: |n| format!("ファネル計算: {n}"),
    link_error: |r| {
        format!("共有リンクを開けませんでした: {r}。代わりにサンプルの計画を表示しています。")
    },
    no_answer:
        "この計画の入力には誤りがあり、結果を出せません。フル機能の電卓で開いて確かめてください。",
};

static EN: Words = Words {
    open_full: "Open in the full calculator ↗",
    embed_heading: "Embed in a blog or site",
    embed_mode_label: "Embed type",
    embed_ro: "Read-only (numbers and chart)",
    embed_rw: "Interactive (with inputs)",
    embed_export: "Show export buttons (CSV, PNG)",
    embed_code_label: "Embed code (paste into your HTML)",
    copy_embed: "Copy embed code",
    embed_copied: "Embed code copied.",
    embed_title: |n| format!("Funnel calculation: {n}"),
    link_error: |r| {
        format!("Could not open the shared link: {r}. Showing the sample plan instead.")
    },
    no_answer: "This plan's inputs have an error, so there is no answer to show. Open it in the full calculator to check them.",
};
