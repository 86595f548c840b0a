//! Goal progress: each KGI's actual against its target by its due date, and
//! whether it is on track. Definitions in docs/kpis.md.

use super::Set;
use super::*;
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalStatus {
    Achieved,
    /// Progress at least the share of the goal's time that has passed.
    OnTrack,
    Behind,
    /// The due date passed without reaching the target.
    Missed,
    /// No actual could be measured (nothing happened yet, or a custom goal with no
    /// value entered).
    NoData,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    pub goal: GoalId,
    /// The days the goal counts: its start (or the fiscal year's) to its due date
    /// (or, open-ended, today).
    pub period: Period,
    pub actual: Option<f64>,
    /// actual ÷ target (target ÷ actual where lower is better), 0 or more.
    pub progress: Option<f64>,
    /// Share of the period that has passed by today, 0–1.
    pub elapsed: f64,
    pub status: GoalStatus,
}

/// The first day of the fiscal year containing `d`.
fn fiscal_year_start(d: Date, fy_start_month: u8) -> Date {
    let m = u32::from(fy_start_month.clamp(1, 12));
    let year = if d.month() >= m { d.year() } else { d.year() - 1 };
    Date::from_ymd(year, m, 1).unwrap_or(d)
}

fn goal_period(g: &Goal, today: Date, fy_start_month: u8) -> Period {
    let end = g.due.unwrap_or(today);
    let start = g.start.unwrap_or_else(|| fiscal_year_start(end, fy_start_month));
    Period::new(start, end).unwrap_or(Period { start: end, end })
}

/// Contacts whose first recorded activity falls in the period: people the team
/// reached for the first time.
fn new_contacts(plan: &Plan, period: &Period) -> usize {
    let first = earliest(plan.activities.iter().filter_map(|a| a.contact.as_ref().map(|c| (c, a.at.date()))));
    first.values().filter(|d| period.contains(**d)).count()
}

/// Deals created in the period offering a product the account had no earlier deal
/// for (deals without a product do not count).
fn new_products_offered(plan: &Plan, period: &Period) -> usize {
    let mut deals: Vec<&Deal> = plan.deals.iter().filter(|d| !d.product.trim().is_empty()).collect();
    sorting::sort_by(&mut deals, |a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    let mut seen: Set<(&AccountId, String)> = Set::default();
    let mut count = 0;
    for d in deals {
        let fresh = seen.insert((&d.account, d.product.trim().to_lowercase()));
        if fresh && period.contains(d.created) {
            count += 1;
        }
    }
    count
}

/// The goal's actual over `period`; `None` when it cannot be measured.
pub fn actual(plan: &Plan, g: &Goal, period: &Period, targets: &[AccountId]) -> Option<f64> {
    let count = |kind: ActivityKind| activity_count(plan.activities.iter(), period, kind) as f64;
    match g.metric {
        Metric::Custom => g.actual,
        Metric::NewContacts => Some(new_contacts(plan, period) as f64),
        Metric::NewContracts => Some(f64::from(revenue_summary(plan, period).new_contracts)),
        Metric::NewProductsOffered => Some(new_products_offered(plan, period) as f64),
        Metric::CrossSellUpsellValue => Some(revenue_summary(plan, period).cross_upsell),
        Metric::Revenue => Some(revenue_summary(plan, period).total),
        Metric::PipelineValue => Some(plan.deals.iter().filter(|d| d.outcome == Outcome::Open && d.created <= period.end).map(|d| d.amount.to_f64()).sum()),
        Metric::EngagementRate => engagement_rate(plan, targets, period),
        Metric::EngagedAccounts => {
            let scores = engagement_scores(plan, period.end.at(23, 59));
            Some(engaged_accounts(&scores, targets, plan.settings.journey.engaged_min_score) as f64)
        }
        Metric::SalesCycleDays => sales_cycle(plan, period, false, |_| None).0.median_days,
        Metric::Meetings => Some(count(ActivityKind::Meeting)),
        Metric::Nps => nps(plan, period),
        Metric::EmailOpenRate => email_rates(plan.activities.iter(), period).open_rate(),
        Metric::EmailClickRate => email_rates(plan.activities.iter(), period).click_rate(),
        Metric::WebVisits => Some(count(ActivityKind::WebVisit)),
        Metric::ContentDownloads => Some(count(ActivityKind::ContentDownload)),
    }
}

/// Progress of every goal of the plan as of `today`, in the plan's order.
pub fn goal_progress(plan: &Plan, today: Date, targets: &[AccountId]) -> Vec<GoalProgress> {
    plan.goals.iter().map(|g| progress_of(plan, g, today, targets)).collect()
}

pub fn progress_of(plan: &Plan, g: &Goal, today: Date, targets: &[AccountId]) -> GoalProgress {
    let period = goal_period(g, today, plan.fiscal_year_start_month);
    // Only what has happened: a period reaching into the future is measured to today.
    let measured = Period::new(period.start, period.end.min(today)).unwrap_or(Period { start: period.start, end: period.start });
    let actual = if today < period.start { None } else { actual(plan, g, &measured, targets) }.filter(|v| v.is_finite());
    let progress = actual.and_then(|a| match (g.metric.lower_is_better(), g.target > 0.0) {
        (_, false) => None,
        (false, true) => Some((a / g.target).max(0.0)),
        (true, true) if a > 0.0 => Some(g.target / a),
        (true, true) => None,
    });
    let elapsed = if today < period.start {
        0.0
    } else if today >= period.end {
        1.0
    } else {
        (period.start.days_until(today) + 1) as f64 / period.days() as f64
    };
    let status = match progress {
        None => GoalStatus::NoData,
        Some(p) if p >= 1.0 => GoalStatus::Achieved,
        Some(_) if today > period.end => GoalStatus::Missed,
        Some(p) if p >= elapsed => GoalStatus::OnTrack,
        Some(_) => GoalStatus::Behind,
    };
    GoalProgress { goal: g.id.clone(), period, actual, progress, elapsed, status }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn goal(metric: Metric, target: f64, start: Option<Date>, due: Option<Date>) -> Goal {
        Goal {
            id: GoalId(format!("g_{metric:?}")),
            name: String::new(),
            metric,
            target,
            unit: metric.natural_unit(),
            start,
            due,
            actual: None,
            notes: String::new(),
        }
    }

    fn won(id: &str, kind: DealKind, amount: i64, closed: u32) -> Deal {
        deal(id, "a", kind, amount, day(1), Some(day(closed)), Outcome::Won)
    }

    #[test]
    fn revenue_halfway_through_the_month_with_more_than_half_is_on_track() {
        let mut p = plan_with(vec![]);
        p.deals.push_back(won("d1", DealKind::New, 600_000, 5));
        p.deals.push_back(won("d2", DealKind::Upsell, 100_000, 20)); // after today
        let g = goal(Metric::Revenue, 1_000_000.0, Some(day(1)), Some(day(30)));
        let r = progress_of(&p, &g, day(15), &[]);
        assert_eq!(r.actual, Some(600_000.0));
        assert_eq!(r.progress, Some(0.6));
        assert_eq!(r.elapsed, 0.5);
        assert_eq!(r.status, GoalStatus::OnTrack);
        // By the 25th five sixths of the month are gone: 0.6 is behind.
        assert_eq!(progress_of(&p, &g, day(25), &[]).status, GoalStatus::Behind);
    }

    #[test]
    fn achieved_missed_and_no_data() {
        let mut p = plan_with(vec![]);
        p.deals.push_back(won("d1", DealKind::New, 600_000, 5));
        p.deals.push_back(won("d2", DealKind::New, 600_000, 6));
        let contracts = goal(Metric::NewContracts, 2.0, Some(day(1)), Some(day(30)));
        assert_eq!(progress_of(&p, &contracts, day(10), &[]).status, GoalStatus::Achieved);
        let more = goal(Metric::NewContracts, 5.0, Some(day(1)), Some(day(20)));
        let r = progress_of(&p, &more, day(25), &[]);
        assert_eq!((r.status, r.elapsed), (GoalStatus::Missed, 1.0));
        let custom = goal(Metric::Custom, 3.0, Some(day(1)), Some(day(30)));
        assert_eq!(progress_of(&p, &custom, day(10), &[]).status, GoalStatus::NoData);
        let typed = Goal { actual: Some(3.0), ..custom };
        assert_eq!(progress_of(&p, &typed, day(10), &[]).status, GoalStatus::Achieved);
    }

    #[test]
    fn a_shorter_sales_cycle_is_progress() {
        let mut p = plan_with(vec![]);
        // Created the 1st, won the 21st: 20 days, against a target of 30 or less.
        p.deals.push_back(won("d1", DealKind::New, 1, 21));
        let g = goal(Metric::SalesCycleDays, 30.0, Some(day(1)), Some(day(30)));
        let r = progress_of(&p, &g, day(30), &[]);
        assert_eq!(r.actual, Some(20.0));
        assert_eq!(r.progress, Some(1.5));
        assert_eq!(r.status, GoalStatus::Achieved);
    }

    #[test]
    fn without_a_start_the_goal_counts_from_the_fiscal_year_start() {
        let mut p = plan_with(vec![]);
        p.fiscal_year_start_month = 4;
        let g = goal(Metric::Meetings, 10.0, None, Some(Date::from_ymd(2027, 3, 31).expect("a date")));
        let r = progress_of(&p, &g, day(15), &[]);
        assert_eq!(r.period.start, Date::from_ymd(2026, 4, 1).expect("a date"));
        assert_eq!(r.actual, Some(0.0));
    }

    #[test]
    fn new_contacts_and_new_products_by_hand() {
        let with_contact = |c: &str, on: u32| Activity { contact: Some(ContactId(c.into())), ..activity("a", ActivityKind::EmailOpened, on, None) };
        // x first seen in October (before the period), y and z in November.
        let october = Activity { at: Date::from_ymd(2026, 10, 20).expect("a date").at(9, 0), ..with_contact("x", 1) };
        let mut p = plan_with(vec![october, with_contact("x", 5), with_contact("y", 6), with_contact("z", 7), with_contact("z", 8)]);
        assert_eq!(new_contacts(&p, &november()), 2);
        let offer =
            |id: &str, product: &str, created: Date| Deal { product: product.into(), ..deal(id, "a", DealKind::CrossSell, 1, created, None, Outcome::Open) };
        p.deals.push_back(offer("d1", "生産管理", Date::from_ymd(2026, 9, 1).expect("a date")));
        p.deals.push_back(offer("d2", "生産管理", day(3))); // offered before
        p.deals.push_back(offer("d3", "IoT監視", day(4)));
        p.deals.push_back(offer("d4", "", day(5))); // no product named
        assert_eq!(new_products_offered(&p, &november()), 1);
    }
}
