//! Revenue: contracts and contract value per account, each account's share,
//! concentration in the largest accounts (Pareto), average revenue per account,
//! cross-sell and upsell value. Definitions in docs/kpis.md.

use super::Map;
use super::Period;
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Debug, PartialEq)]
pub struct AccountRevenue {
    pub account: AccountId,
    /// Won deals closed in the period.
    pub contracts: u32,
    pub value: f64,
    /// % of the period's total.
    pub share: f64,
}

/// Won deals closed in the period, per account, largest value first (ties by id).
pub fn revenue_by_account(plan: &Plan, period: &Period) -> Vec<AccountRevenue> {
    let mut by: Map<&AccountId, (u32, f64)> = Map::default();
    for d in won_in(plan, period) {
        let e = by.entry(&d.account).or_default();
        e.0 += 1;
        e.1 += d.amount.to_f64();
    }
    let total: f64 = by.values().map(|v| v.1).sum();
    let mut out: Vec<AccountRevenue> = by
        .into_iter()
        .map(|(a, (contracts, value))| AccountRevenue { account: a.clone(), contracts, value, share: if total > 0.0 { value / total * 100.0 } else { 0.0 } })
        .collect();
    sorting::sort_by(&mut out, |a, b| b.value.total_cmp(&a.value).then_with(|| a.account.cmp(&b.account)));
    out
}

fn won_in<'a>(plan: &'a Plan, period: &'a Period) -> impl Iterator<Item = &'a Deal> + 'a {
    plan.deals.iter().filter(|d| d.outcome == Outcome::Won && d.closed.is_some_and(|c| period.contains(c)))
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RevenueSummary {
    pub total: f64,
    pub contracts: u32,
    /// Won deals of kind "new".
    pub new_contracts: u32,
    /// Accounts with at least one won deal in the period.
    pub customers: usize,
    /// Total ÷ customers.
    pub average_per_account: Option<f64>,
    /// Won cross-sell and upsell deals.
    pub cross_upsell: f64,
    /// % of the total from the largest fifth of the customers (at least one).
    pub top_fifth_share: Option<f64>,
    /// Cumulative % of the total, customers largest first (the Pareto curve).
    pub pareto: Vec<f64>,
}

pub fn revenue_summary(plan: &Plan, period: &Period) -> RevenueSummary {
    let by = revenue_by_account(plan, period);
    let total: f64 = by.iter().map(|r| r.value).sum();
    let mut s = RevenueSummary { total, customers: by.len(), ..Default::default() };
    for d in won_in(plan, period) {
        s.contracts += 1;
        match d.kind {
            DealKind::New => s.new_contracts += 1,
            DealKind::CrossSell | DealKind::Upsell => s.cross_upsell += d.amount.to_f64(),
            DealKind::Renewal => {}
        }
    }
    if !by.is_empty() && total > 0.0 {
        s.average_per_account = Some(total / by.len() as f64);
        let top = by.len().div_ceil(5);
        s.top_fifth_share = Some(by.iter().take(top).map(|r| r.value).sum::<f64>() / total * 100.0);
        let mut running = 0.0;
        s.pareto = by
            .iter()
            .map(|r| {
                running += r.value;
                running / total * 100.0
            })
            .collect();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn plan() -> Plan {
        let mut p = plan_with(vec![]);
        let oct = Date::from_ymd(2026, 10, 1).unwrap();
        p.deals.extend([
            deal("d1", "a", DealKind::New, 6_000_000, oct, Some(day(5)), Outcome::Won),
            deal("d2", "a", DealKind::Upsell, 2_000_000, oct, Some(day(20)), Outcome::Won),
            deal("d3", "b", DealKind::New, 1_500_000, oct, Some(day(10)), Outcome::Won),
            deal("d4", "c", DealKind::CrossSell, 500_000, oct, Some(day(11)), Outcome::Won),
            deal("d5", "d", DealKind::New, 9_000_000, oct, Some(day(12)), Outcome::Lost),
            deal("d6", "d", DealKind::New, 9_000_000, oct, None, Outcome::Open),
            deal("d7", "e", DealKind::Renewal, 1_000_000, oct, Some(oct.add_days(3)), Outcome::Won), // October
        ]);
        p
    }

    #[test]
    fn revenue_per_account_and_share() {
        let r = revenue_by_account(&plan(), &november());
        let got: Vec<(&str, u32, f64, f64)> = r.iter().map(|r| (r.account.as_str(), r.contracts, r.value, r.share)).collect();
        assert_eq!(got, [("a", 2, 8_000_000.0, 80.0), ("b", 1, 1_500_000.0, 15.0), ("c", 1, 500_000.0, 5.0)]);
    }

    #[test]
    fn the_summary_by_hand() {
        let s = revenue_summary(&plan(), &november());
        assert_eq!(s.total, 10_000_000.0);
        assert_eq!((s.contracts, s.new_contracts, s.customers), (4, 2, 3));
        assert_eq!(s.cross_upsell, 2_500_000.0);
        assert_eq!(s.average_per_account.map(|v| v.round()), Some(3_333_333.0));
        // The largest fifth of 3 customers is 1 customer: a, 80 %.
        assert_eq!(s.top_fifth_share, Some(80.0));
        assert_eq!(s.pareto, [80.0, 95.0, 100.0]);
        let empty = revenue_summary(&plan_with(vec![]), &november());
        assert_eq!((empty.average_per_account, empty.top_fifth_share), (None, None));
    }
}
