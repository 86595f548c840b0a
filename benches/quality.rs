//! Data quality at scale: 10,000 accounts, 30,000 contacts, 5,000 deals and
//! 200,000 activities (issue 8's plan). Figures in docs/benchmarks.md.
//! Run: `cargo bench --bench quality`.
//!
//! - `duplicates`: every likely duplicate pair among the 10,000 accounts.
//! - `predict`: features, five-fold cross-validation and the final fit.
//! - `basis_with_prediction`: what a plan edit costs when a prioritisation factor
//!   uses the predicted probability (basis, prediction, fill).
//! - `csv_preview_accounts_10k` / `csv_preview_activities_50k`: reading a CSV
//!   export into a preview against the plan (decoding, parsing, matching).
//! - `missing_report`: gaps per field and per account.

use abm_planner::csv_io::import::{preview, read, EncodingChoice, Options};
use abm_planner::data_quality::{find_duplicates, missing_report};
use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::{Date, IdGenerator};
use abm_planner::prediction::{basis_with_prediction, predict};
use abm_planner::prioritisation::{Basis, BasisCache};
use criterion::{criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let today = Date::from_ymd(2026, 11, 23).expect("a valid date");
    let plan = large_plan(Size { accounts: 10_000, contacts_per_account: 3, deals: 5_000, activities: 200_000 }, today, 1);
    let mut group = c.benchmark_group("quality_10k_accounts_200k_activities");
    group.sample_size(10);
    group.bench_function("duplicates", |b| b.iter(|| find_duplicates(black_box(&plan)).len()));
    let basis = Basis::new(&plan);
    group.bench_function("predict", |b| b.iter(|| predict(black_box(&plan), &basis, today).open));
    let mut with_factor = plan.clone();
    with_factor.prioritisation.factors.push(abm_planner::domain::Factor {
        id: abm_planner::domain::FactorId("fac_p".into()),
        name: "p".into(),
        weight: 20.0,
        scale: abm_planner::domain::FactorScale::Percent,
        source: abm_planner::domain::FactorSource::PurchaseProbability,
    });
    group.bench_function("basis_with_prediction", |b| b.iter(|| basis_with_prediction(black_box(&with_factor), today, &mut BasisCache::default()).0.len()));
    group.bench_function("missing_report", |b| b.iter(|| missing_report(black_box(&plan)).by_account.len()));

    let mut accounts = String::from("Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,State/Region\n");
    for a in plan.accounts.iter() {
        let _ = writeln!(accounts, "\"{}\",{},{},{},{},{}", a.name, a.domain, a.industry, a.employees.unwrap_or(0), 1000, a.region);
    }
    let mut activities = String::from("Email Address,Activity Type,Activity Date\n");
    for (i, c) in plan.contacts.iter().cycle().take(50_000).enumerate() {
        let _ = writeln!(
            activities,
            "{},{},2026-{:02}-{:02} 10:{:02}",
            c.email,
            ["Open Email", "Visit Web Page", "Click Link in Email"][i % 3],
            1 + i % 10,
            1 + i % 28,
            i % 60
        );
    }
    for (name, text) in [("csv_preview_accounts_10k", accounts), ("csv_preview_activities_50k", activities)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let file = read(black_box(text.as_bytes()), EncodingChoice::Detect).expect("readable");
                let options = Options::new(file.kind, file.mapping.clone(), 540, today.at(0, 0));
                preview(&plan, &file.table, &options, &mut IdGenerator::seeded(1)).batch.len()
            })
        });
    }
    group.finish();
}

criterion_group!(quality, benches);
criterion_main!(quality);
