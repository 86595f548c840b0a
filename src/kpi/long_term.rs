//! Long-term ROI: how often customers buy again, and an estimate of what a
//! customer is worth over the relationship. Definitions in docs/kpis.md.

use super::Map;
use crate::domain::*;

/// Longest customer lifetime the estimate assumes, in years.
pub const MAX_LIFETIME_YEARS: f64 = 10.0;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LongTerm {
    /// Accounts with a won deal closed on or before the date.
    pub customers: usize,
    /// Of those, accounts with two or more.
    pub repeat_customers: usize,
    /// repeat ÷ customers × 100; `None` without customers.
    pub repeat_rate: Option<f64>,
    /// Average won value per customer per year as a customer.
    pub annual_value: Option<f64>,
    /// 1 ÷ (1 − repeat rate), at most [`MAX_LIFETIME_YEARS`].
    pub lifetime_years: Option<f64>,
    /// annual value × lifetime.
    pub lifetime_value: Option<f64>,
}

/// Repeat purchase rate and customer lifetime value from every deal won on or
/// before `until`.
pub fn long_term(plan: &Plan, until: Date) -> LongTerm {
    // Per customer: won deals, total value, first win.
    let mut by: Map<&AccountId, (u32, f64, Date)> = Map::default();
    for d in plan.deals.iter().filter(|d| d.outcome == Outcome::Won) {
        let Some(closed) = d.closed.filter(|c| *c <= until) else { continue };
        let e = by.entry(&d.account).or_insert((0, 0.0, closed));
        e.0 += 1;
        e.1 += d.amount.to_f64();
        e.2 = e.2.min(closed);
    }
    let customers = by.len();
    if customers == 0 {
        return LongTerm::default();
    }
    let repeat_customers = by.values().filter(|v| v.0 >= 2).count();
    let rate = repeat_customers as f64 / customers as f64;
    // A customer of less than a year counts as one year, so a new customer's
    // first order is not annualised upwards.
    let annual: f64 = by.values().map(|(_, total, first)| total / (first.days_until(until) as f64 / 365.0).max(1.0)).sum::<f64>() / customers as f64;
    let lifetime = if rate >= 1.0 { MAX_LIFETIME_YEARS } else { (1.0 / (1.0 - rate)).min(MAX_LIFETIME_YEARS) };
    LongTerm {
        customers,
        repeat_customers,
        repeat_rate: Some(rate * 100.0),
        annual_value: Some(annual),
        lifetime_years: Some(lifetime),
        lifetime_value: Some(annual * lifetime),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn repeat_rate_and_lifetime_value_by_hand() {
        let mut p = plan_with(vec![]);
        let y = |year: i32, m: u32, d: u32| Date::from_ymd(year, m, d).expect("a date");
        // a: 2 wins over two years (1,000,000 + 1,000,000) → 1,000,000 a year.
        p.deals.push_back(deal("d1", "a", DealKind::New, 1_000_000, y(2024, 11, 1), Some(y(2024, 11, 30)), Outcome::Won));
        p.deals.push_back(deal("d2", "a", DealKind::Upsell, 1_000_000, y(2025, 11, 1), Some(y(2025, 11, 30)), Outcome::Won));
        // b: one win a month ago → counts as one year: 600,000 a year.
        p.deals.push_back(deal("d3", "b", DealKind::New, 600_000, day(1), Some(day(1)), Outcome::Won));
        // c: lost, and d: won after the date: neither counts.
        p.deals.push_back(deal("d4", "c", DealKind::New, 900_000, day(1), Some(day(2)), Outcome::Lost));
        p.deals.push_back(deal("d5", "d", DealKind::New, 900_000, day(1), Some(y(2027, 1, 5)), Outcome::Won));
        let r = long_term(&p, y(2026, 11, 30));
        assert_eq!((r.customers, r.repeat_customers), (2, 1));
        assert_eq!(r.repeat_rate, Some(50.0));
        assert_eq!(r.lifetime_years, Some(2.0));
        // (1,000,000 + 600,000) ÷ 2 = 800,000 a year × 2 years.
        let annual = r.annual_value.unwrap_or(f64::NAN);
        assert!((annual - 800_000.0).abs() < 1_000.0, "{annual}");
        assert!((r.lifetime_value.unwrap_or(f64::NAN) - 2.0 * annual).abs() < 1e-6);
    }

    #[test]
    fn without_customers_nothing_is_estimated() {
        let r = long_term(&plan_with(vec![]), day(30));
        assert_eq!(r, LongTerm::default());
    }

    #[test]
    fn everyone_repeating_caps_the_lifetime() {
        let mut p = plan_with(vec![]);
        p.deals.push_back(deal("d1", "a", DealKind::New, 100, day(1), Some(day(2)), Outcome::Won));
        p.deals.push_back(deal("d2", "a", DealKind::New, 100, day(1), Some(day(3)), Outcome::Won));
        assert_eq!(long_term(&p, day(30)).lifetime_years, Some(MAX_LIFETIME_YEARS));
    }
}
