//! Unit economics of the plan: CAC, LTV, LTV/CAC, ROMI and CAC payback, with notes when a
//! result falls on the wrong side of the usual rules of thumb.
//!
//! Where the thresholds come from: LTV/CAC of at least 3 and a CAC payback within 12 months are
//! rules of thumb from SaaS investors and operators (widely repeated in SaaS metrics writing);
//! they are not survey results and not from this product's source articles — seed 003 lists
//! LTV/CAC, ROMI and the payback period as efficiency KPIs but gives no target for them. They fit
//! subscription businesses best; treat them as a prompt to look, not a verdict.

use super::error::{check_amount, PlanInputError};
use super::ratio;
use crate::values::Rate;

/// LTV/CAC below this gets a note.
pub const LTV_TO_CAC_FLOOR: f64 = 3.0;
/// A payback longer than this many months gets a note.
pub const PAYBACK_CEILING_MONTHS: f64 = 12.0;

/// What unit economics need. Money in whole units (yen), ≥ 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EconomicsInput {
    /// Marketing spend for the period (e.g. the channel mix's blended budget).
    pub marketing_cost: f64,
    /// Sales cost for the period (people, tools).
    pub sales_cost: f64,
    /// New customers won in the period.
    pub new_customers: f64,
    /// Average revenue per account per month.
    pub monthly_revenue_per_account: f64,
    /// Gross margin on that revenue.
    pub gross_margin: Rate,
    /// Share of accounts lost per month.
    pub monthly_churn: Rate,
    /// Revenue attributed to marketing, for ROMI (e.g. won deals × deal size).
    pub attributed_revenue: f64,
}

/// A rule of thumb the plan misses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EconomicsNote {
    /// LTV/CAC below 3: each customer returns less than three times what winning it cost.
    LtvToCacBelowThree { ratio: f64 },
    /// Payback over 12 months: the acquisition cost takes more than a year of margin to earn back.
    PaybackOverTwelveMonths { months: f64 },
}

/// The plan's unit economics.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitEconomics {
    /// (marketing + sales cost) ÷ new customers.
    pub cac: f64,
    /// Monthly revenue per account × gross margin ÷ monthly churn.
    pub ltv: f64,
    /// `None` when CAC is 0 (nothing spent).
    pub ltv_to_cac: Option<f64>,
    /// (attributed revenue × gross margin − marketing cost) ÷ marketing cost; `None` with no
    /// marketing cost.
    pub romi: Option<f64>,
    /// CAC ÷ (monthly revenue per account × gross margin).
    pub payback_months: f64,
    /// Rules of thumb the plan misses.
    pub notes: Vec<EconomicsNote>,
}

/// Computes the unit economics and the rule-of-thumb notes.
///
/// Example: ¥6,000,000 marketing + ¥4,000,000 sales for 20 customers → CAC ¥500,000; ¥100,000 a
/// month at 70 % margin and 2 % monthly churn → LTV ¥3,500,000, LTV/CAC 7, payback 7.1 months.
pub fn unit_economics(input: &EconomicsInput) -> Result<UnitEconomics, PlanInputError> {
    let marketing = check_amount(input.marketing_cost, "the marketing cost")?;
    let sales = check_amount(input.sales_cost, "the sales cost")?;
    let customers = check_amount(input.new_customers, "the number of new customers")?;
    let revenue = check_amount(
        input.monthly_revenue_per_account,
        "the monthly revenue per account",
    )?;
    let attributed = check_amount(input.attributed_revenue, "the attributed revenue")?;
    let margin = input.gross_margin.fraction();
    let cac = ratio(marketing + sales, customers).ok_or(PlanInputError::ZeroCustomers)?;
    let monthly_margin = revenue * margin;
    if monthly_margin <= 0.0 {
        return Err(PlanInputError::NoMarginPerAccount);
    }
    let ltv = ratio(monthly_margin, input.monthly_churn.fraction()).unwrap_or(0.0);
    let ltv_to_cac = ratio(ltv, cac);
    let romi = ratio(attributed * margin - marketing, marketing);
    let payback_months = ratio(cac, monthly_margin).unwrap_or(0.0);
    let mut notes = Vec::new();
    if let Some(r) = ltv_to_cac.filter(|r| *r < LTV_TO_CAC_FLOOR) {
        notes.push(EconomicsNote::LtvToCacBelowThree { ratio: r });
    }
    if payback_months > PAYBACK_CEILING_MONTHS {
        notes.push(EconomicsNote::PaybackOverTwelveMonths {
            months: payback_months,
        });
    }
    Ok(UnitEconomics {
        cac,
        ltv,
        ltv_to_cac,
        romi,
        payback_months,
        notes,
    })
}
