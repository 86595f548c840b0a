//! Times the CSV import's steps on the largest files it takes (64 MB): an
//! activities export of about two million short rows and an accounts export of
//! about 280,000 wide rows, against issue 8's plan. Prints each stage's time and
//! the longest single step the page would run between two turns (and each step
//! over 10 ms).
//! Run: `cargo run --release --example csv_profile`.

use abm_planner::csv_io::import::{EncodingChoice, Options, PreviewRun, Reading, MAX_CSV_BYTES};
use abm_planner::demo::large::{large_plan, Size};
use abm_planner::domain::{Date, IdGenerator};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// The step sizes the page uses (ui/sections/data_quality/csv_import.rs).
const READ_STEP_BYTES: usize = 256 * 1024;
const CHECK_STEP_ROWS: usize = 1_000;
/// Steps longer than this are listed.
const SLOW: Duration = Duration::from_millis(10);

fn main() {
    let today = Date::from_ymd(2026, 11, 23).expect("a valid date");
    let plan = large_plan(Size { accounts: 10_000, contacts_per_account: 3, deals: 5_000, activities: 200_000 }, today, 1);
    let full = (MAX_CSV_BYTES - (1 << 20)) as usize;
    let mut activities = String::from("Company,Activity Type,Activity Date\n");
    for (i, a) in plan.accounts.iter().cycle().enumerate() {
        if activities.len() > full {
            break;
        }
        let _ = writeln!(
            activities,
            "{},{},2026-{:02}-{:02} 10:{:02}",
            a.name,
            ["Open Email", "Visit Web Page", "Click Link in Email"][i % 3],
            1 + i % 10,
            1 + i % 28,
            i % 60
        );
    }
    let mut accounts =
        String::from("Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,State/Region,Notes,Phone,City,Country,Website\n");
    for (j, a) in plan.accounts.iter().cycle().enumerate() {
        if accounts.len() > full {
            break;
        }
        let _ = writeln!(
            accounts,
            "\"{} {j}\",x{j}.{},{},{},{},{},\"notes about the company, with a comma\",03-1234-5678,東京都港区,Japan,https://www.example.com/{j}",
            a.name,
            a.domain,
            a.industry,
            a.employees.unwrap_or(0),
            1000,
            a.region
        );
    }
    for (name, text) in [("activities", activities), ("accounts", accounts)] {
        let started = Instant::now();
        let mut longest_read = Duration::ZERO;
        let mut reading = Reading::new(text.as_bytes(), EncodingChoice::Detect);
        loop {
            let step = Instant::now();
            let done = reading.step(READ_STEP_BYTES);
            if step.elapsed() > SLOW {
                println!("  {name}: a read step took {:.1?} (at {:.0}%)", step.elapsed(), reading.progress() * 100.0);
            }
            longest_read = longest_read.max(step.elapsed());
            if done {
                break;
            }
        }
        let Ok(file) = reading.finish() else { return println!("{name}: unreadable") };
        let read = started.elapsed();
        let options = Options::new(file.kind, file.mapping.clone(), 540, today.at(0, 0));
        let started = Instant::now();
        let mut ids = IdGenerator::seeded(1);
        let mut run = PreviewRun::new(&plan, &file.table, &options);
        let setup = started.elapsed();
        let mut longest_check = Duration::ZERO;
        loop {
            let step = Instant::now();
            let done = run.step(CHECK_STEP_ROWS, &mut ids);
            if step.elapsed() > SLOW {
                println!("  {name}: a check step took {:.1?} (at {:.0}%)", step.elapsed(), run.progress() * 100.0);
            }
            longest_check = longest_check.max(step.elapsed());
            if done {
                break;
            }
        }
        let p = run.finish();
        println!(
            "{name}: {:.1} MB, {} rows ({:?}): read {read:.0?} (longest step {longest_read:.1?}), check {:.0?} (set-up {setup:.1?}, longest step {longest_check:.1?}); {} records, {} rows skipped",
            text.len() as f64 / 1048576.0,
            file.table.len(),
            file.kind,
            started.elapsed(),
            p.batch.len(),
            p.bad_rows.len()
        );
    }
}
