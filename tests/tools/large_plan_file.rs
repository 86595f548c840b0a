//! Writes a large plan file for the in-browser benchmarks (the app imports it as a
//! person would). Run: `cargo run --release --example large_plan_file -- 10000 out.abm.json`.

use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::Date;
use abm_planner::plan_file::to_file_text;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(accounts), Some(out)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: large_plan_file ACCOUNTS OUT.abm.json");
        return ExitCode::FAILURE;
    };
    let Some(today) = Date::from_ymd(2026, 11, 23) else { return ExitCode::FAILURE };
    let plan = large_plan(Size { accounts, contacts_per_account: 0, deals: accounts / 5, activities: 0 }, today, 1);
    let text = to_file_text(&plan, today.at(0, 0));
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{out}: {} accounts, {} deals, {} bytes", plan.accounts.len(), plan.deals.len(), text.len());
    ExitCode::SUCCESS
}
