//! The words of the monthly-plan and channel views: field messages for the plan's inputs (their
//! own, since a share may be 0 where a rate may not), the planning errors in Japanese and
//! English, and the small labels those views share.

use funnel_model::draft::Draft;
use funnel_model::format::format_decimal;
use funnel_model::plan::draft::{FieldProblem, PlanField};
use funnel_model::plan::period::Period;
use funnel_model::plan::PlanInputError;
use funnel_model::{InputError, Lang};

use crate::i18n::common::{input_error, FieldKind};

/// Japanese or English, for labels used in one place only.
pub fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// What a plan field holds, which decides how its problems are worded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// 0–100 %: shares, a distribution's months.
    Share,
    /// A rate above 0 %: CVR, lead → MQL, margin, churn.
    Rate,
    /// Whole days ≥ 0.
    Days,
    /// Money ≥ 0.
    Amount,
    /// A relative weight ≥ 0.
    Weight,
    /// A whole number above 0 (reps' capacity).
    Count,
    /// A fixed lead count ≥ 0.
    Leads,
    /// Open pipeline: money, 0 or empty for none.
    Money,
    /// Gross margin: above 0 %, at most 100 %.
    Margin,
    /// Monthly churn: above 0 % (LTV divides by it).
    Churn,
}

fn holds(field: PlanField, fixed_volume: bool) -> Holds {
    use PlanField::*;
    match field {
        Weight(_) | Weights => Holds::Weight,
        AverageDays | Dwell(_) => Holds::Days,
        Distribution(_) | DistributionTotal | Channels => Holds::Share,
        ChannelVolume(_) if fixed_volume => Holds::Leads,
        ChannelVolume(_) => Holds::Share,
        ChannelCvr(_) | ChannelMql(_) => Holds::Rate,
        GrossMargin => Holds::Margin,
        MonthlyChurn => Holds::Churn,
        SalesCycleShare => Holds::Share,
        ChannelSpend(_) | SalesCost | RevenuePerAccount => Holds::Amount,
        InsidePerRep | FieldPerRep => Holds::Count,
        OpenPipeline => Holds::Money,
        FiscalStart | PeriodIndex => Holds::Count,
    }
}

fn input_message(lang: Lang, holds: Holds, error: InputError) -> String {
    use InputError::*;
    let ja = lang == Lang::Ja;
    match (holds, error) {
        (Holds::Share, NotPositive) | (Holds::Share, RateAboveHundred) => {
            pick(lang, "0〜100%の値を入力してください。", "Enter 0 to 100%.").into()
        }
        (Holds::Share, NotANumber) => pick(
            lang,
            "数値として読めません。例: 30、30%",
            "Not a number. Try 30 or 30%.",
        )
        .into(),
        (Holds::Days, NotPositive) | (Holds::Leads, NotPositive) => pick(
            lang,
            "0以上の整数を入力してください。",
            "Enter a whole number of 0 or more.",
        )
        .into(),
        (Holds::Days, NotANumber) => pick(
            lang,
            "日数として読めません。例: 90",
            "Not a number of days. Try 90.",
        )
        .into(),
        (Holds::Days, TooLarge) => {
            if ja {
                "長すぎます。リードタイムは1,094日（36か月）までです。".into()
            } else {
                "Too long: lead times go up to 1,094 days (36 months).".into()
            }
        }
        (Holds::Amount, NotPositive) | (Holds::Weight, NotPositive) => {
            pick(lang, "0以上の値を入力してください。", "Enter 0 or more.").into()
        }
        (Holds::Weight, NotANumber) => pick(
            lang,
            "数値として読めません。例: 1、1.5、0",
            "Not a number. Try 1, 1.5 or 0.",
        )
        .into(),
        (Holds::Margin, NotPositive) | (Holds::Margin, RateAboveHundred) => pick(
            lang,
            "粗利率は0%より大きく100%以下にしてください。",
            "Gross margin must be above 0% and at most 100%.",
        )
        .into(),
        (Holds::Churn, NotPositive) => pick(
            lang,
            "月次解約率は0%より大きくしてください（0%ではLTVが無限大になります）。",
            "Monthly churn must be above 0% (at 0% LTV would be infinite).",
        )
        .into(),
        (Holds::Churn, RateAboveHundred) => pick(
            lang,
            "月次解約率は100%以下にしてください。",
            "Monthly churn cannot be more than 100%.",
        )
        .into(),
        (Holds::Rate | Holds::Margin | Holds::Churn, e) => input_error(lang, FieldKind::Rate, e),
        (Holds::Count, NotANumber) => pick(
            lang,
            "人数あたりの件数として読めません。例: 40",
            "Not a number of items. Try 40.",
        )
        .into(),
        (Holds::Count, NotPositive) => pick(
            lang,
            "1以上の整数を入力してください。",
            "Enter a whole number of 1 or more.",
        )
        .into(),
        (Holds::Money, NotPositive) => pick(
            lang,
            "0以上の金額を入力してください（空欄か0は進行中の商談なし）。",
            "Enter an amount of 0 or more (empty or 0 means none open).",
        )
        .into(),
        (Holds::Money, NotANumber) => pick(
            lang,
            "金額として読めません。例: 2億、5,000万",
            "Not an amount. Try 200,000,000 or 2億.",
        )
        .into(),
        (Holds::Count, e) | (Holds::Leads, e) | (Holds::Days, e) => {
            input_error(lang, FieldKind::Count, e)
        }
        (_, e) => input_error(lang, FieldKind::Money, e),
    }
}

/// A planning refusal in the user's language. `channel_names` name channels by table position.
pub fn plan_input_error(lang: Lang, error: &PlanInputError, channel_names: &[String]) -> String {
    use PlanInputError::*;
    let channel = |i: &usize| channel_names.get(*i).cloned().unwrap_or_default();
    match (lang, error) {
        (Lang::En, e) => {
            let text = e.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => text,
            }
        }
        (_, FiscalStartMonth { .. }) => "期首月は1〜12月から選んでください。".into(),
        (_, PeriodIndex { count, .. }) => format!("この年度の期間は{count}つまでです。"),
        (_, WeightCount { expected, .. }) => format!("重みを{expected}か月分入力してください。"),
        (_, WeightInvalid { month }) => {
            format!("{}か月目の重みは0以上の数値にしてください。", month + 1)
        }
        (_, WeightsAllZero) => {
            "期間内の月の重みがすべて0です。少なくとも1か月は0より大きくしてください。".into()
        }
        (_, ShareInvalid { index }) => format!("{}番目の割合は0〜100%にしてください。", index + 1),
        (_, SharesNotHundred { total }) => format!(
            "割合の合計が{}%です。合計を100%にしてください。",
            format_decimal(*total, 2)
        ),
        (_, EmptyDistribution) => "少なくとも1か月分の割合を入力してください。".into(),
        (_, LeadTimeTooLong { days, max_days }) => {
            format!("リードタイム{days}日は上限の{max_days}日を超えています。")
        }
        (_, DistributionTooLong { months, max_months }) => {
            format!("{months}か月の分布は上限の{max_months}か月を超えています。")
        }
        (_, DwellCount { expected, .. }) => {
            format!("{expected}段階分の滞留日数を入力してください。")
        }
        (
            _,
            LeadTimeLongerThanPeriod {
                months,
                period_months,
            },
        ) => format!(
            "受注まで最長{months}か月かかり、期間（{period_months}か月）より長くなっています。"
        ),
        (_, Funnel(_)) => "ファネルの入力を見直してください。".into(),
        (_, NoLeadStage) => {
            "チャネルがリードを供給するには、ファネルに「リード」段階が必要です。".into()
        }
        (_, NoStageAfterLeads) => "「リード」の後に段階が必要です。".into(),
        (_, NoChannels) => "チャネルを1つ以上追加してください。".into(),
        (_, ZeroBudget { channel: i }) => format!(
            "{}: 予算は0より大きくしてください（無料のチャネルはリード単価を0にします）。",
            channel(i)
        ),
        (_, AmountInvalid { .. }) => "0〜1,000兆の数値を入力してください。".into(),
        (_, ZeroCycleDays) => "商談期間は1日以上にしてください。".into(),
        (_, ZeroCustomers) => "チャネル計画の受注が0件のため、CACなどは計算できません。".into(),
        (_, NoMarginPerAccount) => {
            "顧客あたり月額売上と粗利率はどちらも0より大きくしてください。".into()
        }
        (_, StageIndex { index }) => format!("段階{}はありません。", index + 1),
    }
}

/// The message shown next to `field`.
pub fn field_message(
    lang: Lang,
    field: PlanField,
    problem: &FieldProblem,
    fixed_volume: bool,
    channel_names: &[String],
) -> String {
    match problem {
        FieldProblem::Input(e) => input_message(lang, holds(field, fixed_volume), *e),
        FieldProblem::Plan(e) => plan_input_error(lang, e, channel_names),
    }
}

/// "2026年4月"-free month label: the calendar month alone, as the timeline and table show it.
pub fn month_name(lang: Lang, month: u8) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Ja => format!("{month}月"),
        Lang::En => EN[usize::from(month.clamp(1, 12) - 1)].to_string(),
    }
}

/// A month of the plan: its name alone, or with its year ("2026/12") when `year` is given
/// (the months span calendar years, so a name alone would repeat).
pub fn plan_month_name(lang: Lang, month: u8, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{y}/{month}"),
        None => month_name(lang, month),
    }
}

/// The period the target covers, as one phrase: `第1四半期（4月〜6月）`, `Q1 (Apr–Jun)`.
pub fn period_phrase(lang: Lang, draft: &Draft) -> String {
    period_name(
        lang,
        draft.plan.period,
        draft.plan.period_index,
        draft.plan.fiscal_start,
    )
}

/// The name of period `index` of kind `period` in a year starting in `fiscal_start`:
/// "第1四半期（4〜6月）", "Q1 (Apr–Jun)".
pub fn period_name(lang: Lang, period: Period, index: u8, fiscal_start: u8) -> String {
    let first = funnel_model::plan::period::calendar_month(
        fiscal_start,
        i32::from(index) * period.months() as i32,
    );
    let last = funnel_model::plan::period::calendar_month(first, period.months() as i32 - 1);
    let (a, b) = (month_name(lang, first), month_name(lang, last));
    match (lang, period) {
        (_, Period::Month) => a,
        (Lang::Ja, Period::Quarter) => format!("第{}四半期（{a}〜{b}）", index + 1),
        (Lang::En, Period::Quarter) => format!("Q{} ({a}–{b})", index + 1),
        (Lang::Ja, Period::Year) => format!("通期（{a}〜{b}）"),
        (Lang::En, Period::Year) => format!("Full year ({a}–{b})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_rates_are_worded_apart() {
        let share = FieldProblem::Input(InputError::NotPositive);
        assert_eq!(
            field_message(Lang::Ja, PlanField::ChannelVolume(0), &share, false, &[]),
            "0〜100%の値を入力してください。"
        );
        assert_eq!(
            field_message(Lang::Ja, PlanField::ChannelCvr(0), &share, false, &[]),
            "転換率は0%より大きくしてください。"
        );
        assert_eq!(
            field_message(Lang::En, PlanField::ChannelVolume(0), &share, true, &[]),
            "Enter a whole number of 0 or more."
        );
    }

    #[test]
    fn each_field_names_what_it_holds() {
        let zero = FieldProblem::Input(InputError::NotPositive);
        let msg = |l, f| field_message(l, f, &zero, false, &[]);
        assert_eq!(
            msg(Lang::Ja, PlanField::GrossMargin),
            "粗利率は0%より大きく100%以下にしてください。"
        );
        assert_eq!(
            msg(Lang::En, PlanField::MonthlyChurn),
            "Monthly churn must be above 0% (at 0% LTV would be infinite)."
        );
        assert_eq!(
            msg(Lang::En, PlanField::OpenPipeline),
            "Enter an amount of 0 or more (empty or 0 means none open)."
        );
        assert_eq!(
            msg(Lang::Ja, PlanField::FieldPerRep),
            "1以上の整数を入力してください。"
        );
        let nan = FieldProblem::Input(InputError::NotANumber);
        assert_eq!(
            field_message(Lang::En, PlanField::InsidePerRep, &nan, false, &[]),
            "Not a number of items. Try 40."
        );
    }

    #[test]
    fn months_carry_their_year_when_asked() {
        assert_eq!(plan_month_name(Lang::Ja, 12, Some(2026)), "2026/12");
        assert_eq!(plan_month_name(Lang::En, 1, None), "Jan");
    }

    #[test]
    fn planning_errors_read_in_both_languages() {
        let e = PlanInputError::SharesNotHundred { total: 90.0 };
        assert_eq!(
            plan_input_error(Lang::Ja, &e, &[]),
            "割合の合計が90%です。合計を100%にしてください。"
        );
        assert_eq!(
            plan_input_error(Lang::En, &e, &[]),
            "The shares add up to 90%, not 100%."
        );
        let zero = PlanInputError::ZeroBudget { channel: 1 };
        assert!(
            plan_input_error(Lang::Ja, &zero, &["A".into(), "展示会".into()])
                .starts_with("展示会: 予算は0より大きく")
        );
    }

    #[test]
    fn periods_are_named_from_the_fiscal_start() {
        assert_eq!(
            period_name(Lang::Ja, Period::Quarter, 0, 4),
            "第1四半期（4月〜6月）"
        );
        assert_eq!(period_name(Lang::En, Period::Quarter, 3, 4), "Q4 (Jan–Mar)");
        assert_eq!(period_name(Lang::Ja, Period::Month, 9, 4), "1月");
        assert_eq!(
            period_name(Lang::En, Period::Year, 0, 1),
            "Full year (Jan–Dec)"
        );
    }
}
