//! What stages, rates and channels are called: the user's own name where there is one, else
//! the kind's name in the language of the moment. The model knows only the kind and the own
//! name; `Named` and `NamedStages` give its types their names here, so a view writes
//! `stage.display_name(lang)` with one `use` line.

use funnel_model::draft::Draft;
use funnel_model::plan::channels::{Channel, ChannelKind, ChannelName};
use funnel_model::plan::draft::ChannelDraft;
use funnel_model::{Lang, Stage, StageKind};

/// The names of the standard stages and channels, one table per language.
pub struct Words {
    pub visits: &'static str,
    pub leads: &'static str,
    pub opportunities: &'static str,
    pub won: &'static str,
    pub new_stage: &'static str,
    /// The singulars inside a rate's name ("Lead → MQL rate").
    pub visit: &'static str,
    pub lead: &'static str,
    pub opportunity: &'static str,
    pub won_deal: &'static str,
    pub web_ads: &'static str,
    pub seo_content: &'static str,
    pub webinars: &'static str,
    pub trade_shows: &'static str,
    pub email_ma: &'static str,
    pub abm_outbound: &'static str,
    pub referrals: &'static str,
    pub new_channel: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static JA: Words = Words {
    visits: "訪問",
    leads: "リード",
    opportunities: "商談",
    won: "受注",
    new_stage: "新しい段階",
    visit: "訪問",
    lead: "リード",
    opportunity: "商談",
    won_deal: "受注",
    web_ads: "Web広告",
    seo_content: "SEO・コンテンツ",
    webinars: "ウェビナー",
    trade_shows: "展示会",
    email_ma: "メール・MA",
    abm_outbound: "ABM・アウトバウンド",
    referrals: "紹介",
    new_channel: "新しいチャネル",
};

static EN: Words = Words {
    visits: "Visits",
    leads: "Leads",
    opportunities: "Opportunities",
    won: "Won deals",
    new_stage: "New stage",
    visit: "Visit",
    lead: "Lead",
    opportunity: "Opportunity",
    won_deal: "Won deal",
    web_ads: "Web ads",
    seo_content: "SEO / content",
    webinars: "Webinars",
    trade_shows: "Trade shows",
    email_ma: "Email / MA",
    abm_outbound: "ABM / outbound",
    referrals: "Referrals",
    new_channel: "New channel",
};

/// The name shown for a stage nobody renamed (table rows, chart bars). The qualification
/// stages are called by their acronyms in both languages.
pub fn stage_kind(kind: StageKind, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        StageKind::Visits => w.visits,
        StageKind::Leads => w.leads,
        StageKind::Mql => "MQL",
        StageKind::Sal => "SAL",
        StageKind::Sql => "SQL",
        StageKind::Pql => "PQL",
        StageKind::Opportunities => w.opportunities,
        StageKind::Won => w.won,
        StageKind::Custom => w.new_stage,
    }
}

/// The singular used inside rate names ("Lead → MQL rate").
fn stage_singular(kind: StageKind, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        StageKind::Visits => w.visit,
        StageKind::Leads => w.lead,
        StageKind::Opportunities => w.opportunity,
        StageKind::Won => w.won_deal,
        kind => stage_kind(kind, lang),
    }
}

/// The name shown for a channel nobody renamed.
pub fn channel_kind(kind: ChannelKind, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        ChannelKind::WebAds => w.web_ads,
        ChannelKind::SeoContent => w.seo_content,
        ChannelKind::Webinar => w.webinars,
        ChannelKind::TradeShow => w.trade_shows,
        ChannelKind::EmailMa => w.email_ma,
        ChannelKind::AbmOutbound => w.abm_outbound,
        ChannelKind::Referral => w.referrals,
        ChannelKind::Custom => w.new_channel,
    }
}

/// A channel kind's names in both languages, for matching the channel names of an imported
/// file (a file exported after planning here carries them).
pub fn channel_kind_names(kind: ChannelKind) -> [&'static str; 2] {
    [Lang::Ja, Lang::En].map(|lang| channel_kind(kind, lang))
}

/// The name of the conversion rate from `from` to `to`, using the terms marketers search for:
/// win rate (受注率), 商談化率, visit CVR, and "A → B rate" otherwise.
pub fn rate_name(from: &Stage, to: &Stage, lang: Lang) -> String {
    use StageKind::*;
    let part = |s: &Stage| {
        s.own_name()
            .unwrap_or_else(|| stage_singular(s.kind, lang))
            .to_string()
    };
    let (a, b) = (part(from), part(to));
    match (from.kind, to.kind, lang) {
        (Opportunities, Won, Lang::Ja) => format!("受注率（{a} → {b}）"),
        (Opportunities, Won, Lang::En) => format!("Win rate ({a} → {b})"),
        (Sql, Opportunities, Lang::Ja) => format!("商談化率（{a} → {b}）"),
        (Visits, Leads, Lang::Ja) => format!("CVR（{a} → {b}）"),
        (Visits, Leads, Lang::En) => format!("{a} → {b} CVR"),
        (_, _, Lang::Ja) => format!("{a} → {b} 転換率"),
        (_, _, Lang::En) => format!("{a} → {b} rate"),
    }
}

/// Every stage's name, top first (for the CSVs, which take their words from the page).
pub fn stage_names(stages: &[Stage], lang: Lang) -> Vec<String> {
    stages.iter().map(|s| s.display_name(lang)).collect()
}

/// A stage or channel as the page names it: the user's own name (trimmed) unless blank, else
/// the kind's name in `lang`.
pub trait Named {
    fn display_name(&self, lang: Lang) -> String;
}

impl Named for Stage {
    fn display_name(&self, lang: Lang) -> String {
        self.own_name()
            .unwrap_or_else(|| stage_kind(self.kind, lang))
            .to_string()
    }
}

impl Named for ChannelName {
    fn display_name(&self, lang: Lang) -> String {
        self.own
            .clone()
            .unwrap_or_else(|| channel_kind(self.kind, lang).to_string())
    }
}

impl Named for Channel {
    fn display_name(&self, lang: Lang) -> String {
        self.channel_name().display_name(lang)
    }
}

impl Named for ChannelDraft {
    fn display_name(&self, lang: Lang) -> String {
        self.channel_name().display_name(lang)
    }
}

/// The draft's stages and the rates between them as the page names them.
pub trait NamedStages {
    /// The name shown for stage `index` ("" past the last stage).
    fn display_name(&self, index: usize, lang: Lang) -> String;
    /// The label of the rate out of stage `index`; `None` for the last (won) stage.
    fn rate_label(&self, index: usize, lang: Lang) -> Option<String>;
    /// The text of a stage's name field: its own name exactly as typed (even blank, so a field
    /// being retyped is not refilled under the cursor), or the kind's name.
    fn name_text(&self, index: usize, lang: Lang) -> String;
}

impl NamedStages for Draft {
    fn display_name(&self, index: usize, lang: Lang) -> String {
        self.named_stage(index)
            .map(|s| s.display_name(lang))
            .unwrap_or_default()
    }

    fn rate_label(&self, index: usize, lang: Lang) -> Option<String> {
        Some(rate_name(
            &self.named_stage(index)?,
            &self.named_stage(index + 1)?,
            lang,
        ))
    }

    fn name_text(&self, index: usize, lang: Lang) -> String {
        match self.stages.get(index) {
            Some(stage) => match &stage.name {
                Some(name) => name.clone(),
                None => stage_kind(stage.kind, lang).to_string(),
            },
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use funnel_model::default_stages;
    use funnel_model::plan::channels::default_channels;

    #[test]
    fn rate_names_use_the_words_marketers_use() {
        let s = default_stages();
        assert_eq!(
            rate_name(&s[4], &s[5], Lang::En),
            "Win rate (Opportunity → Won deal)"
        );
        assert_eq!(rate_name(&s[4], &s[5], Lang::Ja), "受注率（商談 → 受注）");
        assert_eq!(rate_name(&s[3], &s[4], Lang::Ja), "商談化率（SQL → 商談）");
        assert_eq!(rate_name(&s[3], &s[4], Lang::En), "SQL → Opportunity rate");
        assert_eq!(rate_name(&s[1], &s[2], Lang::En), "Lead → MQL rate");
        assert_eq!(rate_name(&s[1], &s[2], Lang::Ja), "リード → MQL 転換率");
        assert_eq!(rate_name(&s[0], &s[1], Lang::En), "Visit → Lead CVR");
        assert_eq!(rate_name(&s[0], &s[1], Lang::Ja), "CVR（訪問 → リード）");
    }

    #[test]
    fn a_renamed_stage_shows_its_own_name() {
        let mut s = default_stages();
        s[2].name = Some("  Hot leads ".into());
        assert_eq!(s[2].display_name(Lang::Ja), "Hot leads");
        assert_eq!(rate_name(&s[1], &s[2], Lang::En), "Lead → Hot leads rate");
        s[2].name = Some("   ".into());
        assert_eq!(s[2].display_name(Lang::En), "MQL");
    }

    #[test]
    fn every_stage_kind_has_its_name_in_both_languages() {
        use StageKind::*;
        let names = |lang| {
            [
                Visits,
                Leads,
                Mql,
                Sal,
                Sql,
                Pql,
                Opportunities,
                Won,
                Custom,
            ]
            .map(|k| stage_kind(k, lang))
        };
        assert_eq!(
            names(Lang::Ja),
            [
                "訪問",
                "リード",
                "MQL",
                "SAL",
                "SQL",
                "PQL",
                "商談",
                "受注",
                "新しい段階"
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                "Visits",
                "Leads",
                "MQL",
                "SAL",
                "SQL",
                "PQL",
                "Opportunities",
                "Won deals",
                "New stage"
            ]
        );
    }

    #[test]
    fn draft_names_stages_and_rates_in_both_languages() {
        let d = Draft::default();
        assert_eq!(d.display_name(4, Lang::Ja), "商談");
        assert_eq!(d.display_name(4, Lang::En), "Opportunities");
        assert_eq!(d.display_name(9, Lang::En), "");
        assert_eq!(
            d.rate_label(4, Lang::En).as_deref(),
            Some("Win rate (Opportunity → Won deal)")
        );
        assert_eq!(
            d.rate_label(0, Lang::Ja).as_deref(),
            Some("CVR（訪問 → リード）")
        );
        assert_eq!(d.rate_label(5, Lang::Ja), None);
    }

    #[test]
    fn a_stage_name_can_be_cleared_and_retyped() {
        let mut d = Draft::default();
        d.rename_stage(2, "");
        assert_eq!(d.name_text(2, Lang::Ja), "");
        assert_eq!(d.display_name(2, Lang::Ja), "MQL");
        d.rename_stage(2, "SAL");
        assert_eq!(d.name_text(2, Lang::En), "SAL");
        assert_eq!(d.name_text(4, Lang::En), "Opportunities");
        assert_eq!(d.name_text(4, Lang::Ja), "商談");
        d.rename_stage(2, &"x".repeat(60));
        assert_eq!(d.name_text(2, Lang::En).chars().count(), 40);
    }

    #[test]
    fn channels_are_named_by_kind_until_a_user_names_them() {
        let names = |lang| {
            default_channels()
                .iter()
                .map(|c| c.display_name(lang))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(Lang::Ja),
            [
                "Web広告",
                "SEO・コンテンツ",
                "ウェビナー",
                "展示会",
                "メール・MA",
                "ABM・アウトバウンド",
                "紹介"
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                "Web ads",
                "SEO / content",
                "Webinars",
                "Trade shows",
                "Email / MA",
                "ABM / outbound",
                "Referrals"
            ]
        );
        let mut c = default_channels()[0].clone();
        c.name = Some("  Search ".into());
        assert_eq!(c.display_name(Lang::En), "Search");
        c.name = Some(" ".into());
        assert_eq!(c.display_name(Lang::En), "Web ads");
        let custom = ChannelName::new(ChannelKind::Custom, Some(""));
        assert_eq!(custom.display_name(Lang::Ja), "新しいチャネル");
        assert_eq!(custom.display_name(Lang::En), "New channel");
        assert_eq!(
            channel_kind_names(ChannelKind::Referral),
            ["紹介", "Referrals"]
        );
        // The draft's row is named as the computed channel is.
        let draft = Draft::default();
        assert_eq!(draft.plan.channels[3].display_name(Lang::Ja), "展示会");
    }
}
