//! Writes a large plan file for the in-browser benchmarks (the app imports it as a
//! person would). Run: `cargo run --release --example large_plan_file -- 10000 out.abm.json`;
//! add `activity` for issue 5's measured plan (3 contacts per account, one deal per
//! two accounts, 20 activities per account).

use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::Date;
use abm_planner::plan_file::to_file_text;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(accounts), Some(out)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: large_plan_file ACCOUNTS OUT.abm.json [activity]");
        return ExitCode::FAILURE;
    };
    let Some(today) = Date::from_ymd(2026, 11, 23) else { return ExitCode::FAILURE };
    let size = if args.get(3).map(String::as_str) == Some("activity") {
        Size { accounts, contacts_per_account: 3, deals: accounts / 2, activities: accounts * 20 }
    } else {
        Size { accounts, contacts_per_account: 0, deals: accounts / 5, activities: 0 }
    };
    let plan = large_plan(size, today, 1);
    let text = to_file_text(&plan, today.at(0, 0));
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "{out}: {} accounts, {} contacts, {} deals, {} activities, {} bytes",
        plan.accounts.len(),
        plan.contacts.len(),
        plan.deals.len(),
        plan.activities.len(),
        text.len()
    );
    ExitCode::SUCCESS
}
