//! The KPI engine (step 8 of the method, and the KPI seed): pure functions from
//! the plan's activities and deals over a period to the figures the dashboard
//! shows. Every formula is defined in docs/kpis.md and unit-tested against
//! hand-computed examples.
//!
//! This first slice covers periods, engagement, revenue and the sales cycle;
//! campaign ROI, journey stages and goal progress build on it.

mod cycle;
mod engagement;
mod period;
mod revenue;

pub use cycle::{sales_cycle, CycleStats};
pub use engagement::{email_rates, engaged_accounts, engagement_rate, engagement_scores, web_visits, EmailRates};
pub use period::Period;
pub use revenue::{revenue_by_account, revenue_summary, AccountRevenue, RevenueSummary};

/// How many times an activity happened (bulk records carry a count; absent is once).
fn times(a: &crate::domain::Activity) -> u64 {
    u64::from(a.count.unwrap_or(1).max(1))
}

#[cfg(test)]
mod fixtures;
