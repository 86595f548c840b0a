//! The sales cycle (lead time to contract): days from a won deal's creation (or
//! the account's first touch before it) to its close, for deals won in the period;
//! mean and median, overall and by tier. Definitions in docs/kpis.md.

use super::Map;
use super::Period;
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CycleStats {
    pub deals: usize,
    pub mean_days: Option<f64>,
    pub median_days: Option<f64>,
}

fn stats(mut days: Vec<i64>) -> CycleStats {
    if days.is_empty() {
        return CycleStats::default();
    }
    sorting::sort(&mut days);
    let n = days.len();
    let mean = days.iter().sum::<i64>() as f64 / n as f64;
    let median = if n % 2 == 1 { days[n / 2] as f64 } else { (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0 };
    CycleStats { deals: n, mean_days: Some(mean), median_days: Some(median) }
}

/// Days from start to close of each deal won in the period, with its account.
/// With `from_first_touch`, a deal's cycle starts at the account's earliest
/// activity when that came before the deal was created.
fn won_cycles<'a>(plan: &'a Plan, period: &Period, from_first_touch: bool) -> Vec<(&'a AccountId, i64)> {
    let first_touch: Map<&AccountId, Date> =
        if from_first_touch { super::earliest(plan.activities.iter().map(|a| (&a.account, a.at.date()))) } else { Map::default() };
    plan.deals
        .iter()
        .filter(|d| d.outcome == Outcome::Won)
        .filter_map(|d| {
            let closed = d.closed.filter(|c| period.contains(*c))?;
            let start = first_touch.get(&d.account).map_or(d.created, |t| (*t).min(d.created));
            Some((&d.account, start.days_until(closed).max(0)))
        })
        .collect()
}

/// Overall and per tier (1, 2, 3); `tier_of` gives an account's tier, if any.
pub fn sales_cycle(plan: &Plan, period: &Period, from_first_touch: bool, tier_of: impl Fn(&AccountId) -> Option<Tier>) -> (CycleStats, [CycleStats; 3]) {
    let mut all = Vec::new();
    let mut tiers: [Vec<i64>; 3] = Default::default();
    for (account, days) in won_cycles(plan, period, from_first_touch) {
        all.push(days);
        if let Some(t) = tier_of(account) {
            tiers[usize::from(t.number()) - 1].push(days);
        }
    }
    let [t1, t2, t3] = tiers;
    (stats(all), [stats(t1), stats(t2), stats(t3)])
}

/// Upper bounds (days, inclusive) of the sales-cycle distribution's buckets; a
/// last bucket takes everything longer.
pub const CYCLE_BUCKETS: [i64; 5] = [30, 60, 90, 180, 365];

/// How many deals won in the period took how long: one row per bucket of
/// `CYCLE_BUCKETS` plus one for longer, each `[all, tier 1, tier 2, tier 3]`.
pub fn cycle_distribution(plan: &Plan, period: &Period, from_first_touch: bool, tier_of: impl Fn(&AccountId) -> Option<Tier>) -> [[usize; 4]; 6] {
    let mut rows = [[0usize; 4]; 6];
    for (account, days) in won_cycles(plan, period, from_first_touch) {
        let b = CYCLE_BUCKETS.iter().position(|max| days <= *max).unwrap_or(CYCLE_BUCKETS.len());
        rows[b][0] += 1;
        if let Some(t) = tier_of(account) {
            rows[b][usize::from(t.number())] += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn mean_and_median_by_tier() {
        let mut p = plan_with(vec![activity("a", ActivityKind::WebVisit, 1, None)]);
        let sep = |d| Date::from_ymd(2026, 9, d).unwrap();
        p.deals.extend([
            deal("d1", "a", DealKind::New, 1, sep(1), Some(day(10)), Outcome::Won),  // 70 days
            deal("d2", "b", DealKind::New, 1, sep(21), Some(day(10)), Outcome::Won), // 50 days
            deal("d3", "b", DealKind::New, 1, sep(30), Some(day(9)), Outcome::Won),  // 40 days
            deal("d4", "c", DealKind::New, 1, sep(1), Some(day(11)), Outcome::Lost), // lost: out
            deal("d5", "c", DealKind::New, 1, sep(1), Some(sep(29)), Outcome::Won),  // closed before the period
        ]);
        let tier = |a: &AccountId| match a.as_str() {
            "a" => Some(Tier::One),
            "b" => Some(Tier::Two),
            _ => None,
        };
        let (all, by_tier) = sales_cycle(&p, &november(), false, tier);
        assert_eq!(all, CycleStats { deals: 3, mean_days: Some(160.0 / 3.0), median_days: Some(50.0) });
        assert_eq!(by_tier[0], CycleStats { deals: 1, mean_days: Some(70.0), median_days: Some(70.0) });
        assert_eq!(by_tier[1], CycleStats { deals: 2, mean_days: Some(45.0), median_days: Some(45.0) });
        assert_eq!(by_tier[2], CycleStats::default());
    }

    #[test]
    fn the_first_touch_starts_the_cycle_only_when_it_came_first() {
        let mut p = plan_with(vec![activity("a", ActivityKind::WebVisit, 1, None)]);
        p.deals.push_back(deal("d1", "a", DealKind::New, 1, day(5), Some(day(25)), Outcome::Won));
        p.deals.push_back(deal("d2", "b", DealKind::New, 1, day(5), Some(day(25)), Outcome::Won));
        let (all, _) = sales_cycle(&p, &november(), true, |_| None);
        // a: from Nov 1 (first touch) = 24 days; b: no touches, from creation = 20 days.
        assert_eq!(all.mean_days, Some(22.0));
    }

    #[test]
    fn the_distribution_counts_each_won_deal_once_in_its_bucket() {
        let mut p = plan_with(vec![]);
        let before = |n: i64| day(20).add_days(-n);
        p.deals.extend([
            deal("d1", "a", DealKind::New, 1, before(0), Some(day(20)), Outcome::Won),   // 0 days
            deal("d2", "a", DealKind::New, 1, before(30), Some(day(20)), Outcome::Won),  // 30: first bucket
            deal("d3", "b", DealKind::New, 1, before(31), Some(day(20)), Outcome::Won),  // 31: second
            deal("d4", "b", DealKind::New, 1, before(200), Some(day(20)), Outcome::Won), // 181–365
            deal("d5", "c", DealKind::New, 1, before(900), Some(day(20)), Outcome::Won), // longer
            deal("d6", "c", DealKind::New, 1, before(10), Some(day(20)), Outcome::Lost), // lost: out
        ]);
        let tier = |a: &AccountId| (a.as_str() == "a").then_some(Tier::One);
        let d = cycle_distribution(&p, &november(), false, tier);
        assert_eq!(d, [[2, 2, 0, 0], [1, 0, 0, 0], [0; 4], [0; 4], [1, 0, 0, 0], [1, 0, 0, 0]]);
        let (all, _) = sales_cycle(&p, &november(), false, tier);
        assert_eq!(all.deals, d.iter().map(|r| r[0]).sum::<usize>(), "the same deals as the cycle statistics");
    }
}
