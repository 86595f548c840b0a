//! The KPI engine (step 8 of the method, and the KPI seed): pure functions from
//! the plan's activities and deals over a period to the figures the dashboard
//! shows. Every formula is defined in docs/kpis.md and unit-tested against
//! hand-computed examples.
//!
//! Covered so far: periods, engagement, revenue, the sales cycle, campaign and
//! channel ROI with attribution, and long-term ROI; journey stages and goal
//! progress build on them.

mod content;
mod cycle;
mod engagement;
mod goals;
mod headline;
mod history;
mod index;
mod journey;
mod long_term;
mod period;
mod revenue;
mod roi;
mod summary;

pub use content::{content_performance, ContentPerformance};
pub use cycle::{cycle_distribution, sales_cycle, CycleStats, CYCLE_BUCKETS};
pub use engagement::{activity_count, email_rates, engaged_accounts, engagement_rate, engagement_scores, web_visits, weekly_responses, EmailRates};
pub use goals::{goal_progress, progress_of, GoalProgress, GoalStatus};
pub use headline::{Figure, Headline, HEADLINES};
pub use history::{account_history, Happened, HistoryEntry};
pub use index::ActivityIndex;
pub use journey::{stage_counts, stages, Stage};
pub use long_term::{long_term, LongTerm, MAX_LIFETIME_YEARS};
pub use period::{Instants, Period};
pub use revenue::{revenue_by_account, revenue_summary, AccountRevenue, RevenueSummary};
pub use roi::{attribute, budget_move, roi_report, BudgetMove, CampaignRoi, ChannelRoi, RoiReport, BUDGET_MOVE_GAP};
pub use summary::{nps, period_kpis, NpsBreakdown, PeriodKpis};

/// The engine's maps and sets: Fx hashing (keys are the plan's own ids).
pub type Map<K, V> = rustc_hash::FxHashMap<K, V>;
pub type Set<K> = rustc_hash::FxHashSet<K>;

/// How many times an activity happened (bulk records carry a count; absent is once).
fn times(a: &crate::domain::Activity) -> u64 {
    u64::from(a.count.unwrap_or(1).max(1))
}

/// The earliest date seen per key (an account's first touch, a contact's first
/// activity).
fn earliest<K: std::hash::Hash + Eq>(dated: impl Iterator<Item = (K, crate::domain::Date)>) -> Map<K, crate::domain::Date> {
    let mut first = Map::default();
    for (k, d) in dated {
        first.entry(k).and_modify(|f: &mut crate::domain::Date| *f = (*f).min(d)).or_insert(d);
    }
    first
}

#[cfg(test)]
mod fixtures;
