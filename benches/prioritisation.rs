//! Prioritisation at scale (100,000 accounts): the target is ≤ 20 ms for
//! fit + score + rank + tier. Figures are recorded in docs/benchmarks.md.
//! Run: `cargo bench --bench prioritisation`.
//!
//! - `icp_fit`: ICP fit of every account.
//! - `fit_score_rank_tier`: the whole evaluation of accounts whose other factor
//!   values are typed (no deals or contacts to aggregate).
//! - `with_derivation_from_300k_contacts_20k_deals`: the same plus deriving
//!   purchase history and relationship from deals and stakeholders.
//! - `fit_score_rank_tier_after_an_edit`: the same after one account was edited,
//!   as the app runs it: the basis cache re-reads the edited account's chunk of
//!   64 accounts and copies the others' rows (`prioritisation::BasisCache`).
//! - `rerank_after_weight_change`: what a weight slider costs.

use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::{Date, FactorId, Plan};
use abm_planner::icp::PreparedIcp;
use abm_planner::prioritisation::{evaluate, rank, Basis, BasisCache};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;

fn plans() -> (Plan, Plan) {
    let today = Date::from_ymd(2026, 11, 23).expect("a valid date");
    let with_data = large_plan(Size { accounts: 100_000, contacts_per_account: 3, deals: 20_000, activities: 0 }, today, 1);
    let mut typed = with_data.clone();
    typed.contacts.clear();
    typed.deals.clear();
    let mut rng = fastrand::Rng::with_seed(9);
    for a in typed.accounts.iter_mut() {
        for id in ["purchase", "relationship"] {
            a.factors.insert(FactorId(id.into()), f64::from(rng.u8(0..=10)));
        }
    }
    (typed, with_data)
}

fn benches(c: &mut Criterion) {
    let (typed, with_data) = plans();
    let mut group = c.benchmark_group("prioritisation_100k_accounts");
    group.sample_size(20);
    group.bench_function("icp_fit", |b| {
        b.iter(|| {
            let icp = PreparedIcp::new(&typed.icp);
            let mut out = Vec::with_capacity(typed.accounts.len() * icp.len());
            for a in typed.accounts.iter() {
                black_box(icp.fit_into(a, &mut out));
            }
            out
        })
    });
    group.bench_function("fit_score_rank_tier", |b| b.iter(|| evaluate(black_box(&typed))));
    // Each iteration edits a different account of a plan the cache has seen (the
    // setup, not timed), then evaluates it in full: basis, scores, ranks, tiers.
    let mut cache = BasisCache::default();
    Basis::with_cache(&typed, &mut cache);
    let mut edited = typed.clone();
    let mut which = 0usize;
    group.bench_function("fit_score_rank_tier_after_an_edit", |b| {
        b.iter_batched(
            || {
                which = (which + 7919) % edited.accounts.len();
                let a = &mut edited.accounts[which];
                a.employees = Some(a.employees.map_or(100, |e| e + 1));
                edited.clone()
            },
            |plan| {
                let basis = Basis::with_cache(&plan, &mut cache);
                let weights: Vec<f64> = plan.prioritisation.factors.iter().map(|f| f.weight).collect();
                (rank(&basis, &weights, &plan.prioritisation.tiers), plan)
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("with_derivation_from_300k_contacts_20k_deals", |b| b.iter(|| evaluate(black_box(&with_data))));
    let basis = Basis::new(&typed);
    let weights = [35.0, 25.0, 15.0, 25.0];
    group.bench_function("rerank_after_weight_change", |b| b.iter(|| rank(black_box(&basis), black_box(&weights), &typed.prioritisation.tiers)));
    group.finish();
}

criterion_group!(prioritisation, benches);
criterion_main!(prioritisation);
