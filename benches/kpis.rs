//! The dashboard's KPIs at scale: 10,000 accounts, 30,000 contacts, 5,000 deals
//! and 200,000 activities (issue 5's size). Figures in docs/benchmarks.md.
//! Run: `cargo bench --bench kpis`.
//!
//! - `period_change`: everything the dashboard recomputes when the period
//!   changes — the headline KPIs for the period and the one before, responses per
//!   week, revenue by customer, the sales-cycle distribution, campaign and channel
//!   ROI, and content performance.
//! - `activity_index`: the time-sorted activity table the period KPIs read, built
//!   when the activities change.
//! - `journey_and_goals`: what does not depend on the period — journey stages and
//!   goal progress.

use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::{AccountId, Date, Plan};
use abm_planner::kpi::*;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

pub fn period_change(p: &Plan, index: &ActivityIndex, period: &Period, targets: &[AccountId]) -> usize {
    let now = period_kpis(p, index, period, targets);
    let before = period_kpis(p, index, &period.previous(), targets);
    let weeks = weekly_responses(p, index, period);
    let revenue = revenue_by_account(p, period);
    let cycles = cycle_distribution(p, period, false, |_| None);
    let roi = roi_report(p, index, period, p.settings.attribution);
    let content = content_performance(p, period, targets);
    black_box((&now, &before, &cycles, &roi));
    weeks.len() + revenue.len() + content.len()
}

fn benches(c: &mut Criterion) {
    let today = Date::from_ymd(2026, 11, 23).expect("a valid date");
    let plan = large_plan(Size { accounts: 10_000, contacts_per_account: 3, deals: 5_000, activities: 200_000 }, today, 1);
    let targets: Vec<AccountId> = plan.accounts.iter().step_by(3).map(|a| a.id.clone()).collect();
    let period = Period::last_days(today, 90);
    let mut group = c.benchmark_group("kpis_10k_accounts_200k_activities");
    group.sample_size(20);
    let index = ActivityIndex::new(&plan);
    group.bench_function("period_change", |b| b.iter(|| period_change(black_box(&plan), &index, &period, &targets)));
    group.bench_function("activity_index", |b| b.iter(|| ActivityIndex::new(black_box(&plan))));
    group.bench_function("journey_and_goals", |b| {
        b.iter(|| {
            let s = stages(black_box(&plan), today.at(12, 0));
            let g = goal_progress(&plan, today, &targets);
            s.len() + g.len()
        })
    });
    group.finish();
}

criterion_group!(kpis, benches);
criterion_main!(kpis);
