//! Where an import's time and memory go, natively: reads a plan file as a whole
//! (`read_plan_bytes`) and in pieces (`PieceReader`, as the app does), then
//! stores it in parts, and prints each step's time and the heap's peak. Run:
//! `cargo run --release --example import_profile -- target/large-10k-activity.abm.json`.
//! Native pointers are twice Wasm's, so the figures are an upper bound for the
//! browser; they show which step holds what.

use abm_planner::domain::Plan;
use abm_planner::persistence::{MemoryStore, PlanStore};
use abm_planner::plan_file::decode::Origins;
use abm_planner::plan_file::validate::validate;
use abm_planner::plan_file::{read_plan_bytes, Envelope, Mode, PieceReader};
use std::alloc::{GlobalAlloc, Layout, System};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// A timed autosave's name, and the small edit made before it.
type Edit = (&'static str, fn(&mut Plan));

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let n = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn step(name: &str, started: Instant) {
    println!("{name:<28} {:>7.0} ms   heap now {:>9}   peak {:>9}", started.elapsed().as_secs_f64() * 1e3, mb(NOW.load(Relaxed)), mb(PEAK.load(Relaxed)));
    PEAK.store(NOW.load(Relaxed), Relaxed);
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: import_profile FILE.abm.json");
        return ExitCode::FAILURE;
    };
    let t = Instant::now();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    step("read the file", t);
    let t = Instant::now();
    let imported = match read_plan_bytes(&bytes, Mode::Strict) {
        Ok(i) => i,
        Err(problems) => {
            eprintln!("{} problems, first: {}", problems.len(), problems[0]);
            return ExitCode::FAILURE;
        }
    };
    step("read + check (strict)", t);
    drop(bytes);
    step("file bytes dropped", Instant::now());
    let plan = imported.plan;
    // The same steps one by one (the check's share, from the whole above).
    let Ok(bytes) = std::fs::read(&path) else { return ExitCode::FAILURE };
    let t = Instant::now();
    let Ok(envelope) = serde_json::from_slice::<Envelope>(&bytes) else { return ExitCode::FAILURE };
    step("  typed parse only", t);
    let mut again = envelope.plan;
    let t = Instant::now();
    validate(&mut again, &Origins::identity(), Mode::Strict, &mut Vec::new());
    step("  check only", t);
    drop((again, bytes));
    // As the app reads a picked file: in pieces of 1 MB, with the checks.
    let t = Instant::now();
    let Ok(bytes) = std::fs::read(&path) else { return ExitCode::FAILURE };
    let mut reader = PieceReader::new(Mode::Strict);
    let all_fed = bytes.chunks(1 << 20).all(|piece| reader.feed(piece));
    step("read, in pieces", t);
    // The checks across records a stretch at a time, as the app runs them.
    let t = Instant::now();
    let mut longest = 0.0_f64;
    let in_pieces = match if all_fed { reader.finish_in_steps() } else { None } {
        Some(Ok(mut checking)) => {
            let mut at = Instant::now();
            while checking.step().is_some() {
                longest = longest.max(at.elapsed().as_secs_f64() * 1e3);
                at = Instant::now();
            }
            Some(checking.finish())
        }
        Some(Err(problems)) => Some(Err(problems)),
        None => None,
    };
    step("  then the checks", t);
    println!("  longest step of the checks {longest:>5.1} ms");
    if !matches!(in_pieces, Some(Ok(_))) {
        eprintln!("the file was not read in pieces");
    }
    drop((in_pieces, bytes));
    let t = Instant::now();
    let mut plans = PlanStore::new(MemoryStore::new());
    let mut revision = match plans.save(&plan, None, "profile", plan.updated_at) {
        Ok(head) => head.revision,
        Err(e) => {
            eprintln!("save failed: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    step("first save (parts)", t);
    // Autosaves after small edits, as the app runs them: an edit outside the
    // large collections (only the base part changes), then one account's
    // (its run of about 1,000 accounts too).
    let edits: [Edit; 2] = [
        ("autosave: the plan's name", |p| p.name.push('!')),
        ("autosave: one account", |p| {
            let middle = p.accounts.len() / 2;
            if let Some(account) = p.accounts.get_mut(middle) {
                account.name.push('!');
            }
        }),
    ];
    let mut edited = plan.clone();
    for (name, edit) in edits {
        edit(&mut edited);
        let t = Instant::now();
        let ahead = plans.store_parts_ahead(&edited, &mut || true);
        match plans.save(&edited, Some(revision), "profile", plan.updated_at) {
            Ok(head) => revision = head.revision,
            Err(e) => eprintln!("{name}: save failed: {e:?} (ahead: {ahead:?})"),
        }
        step(name, t);
    }
    println!("plan: {} accounts, {} contacts, {} deals, {} activities", plan.accounts.len(), plan.contacts.len(), plan.deals.len(), plan.activities.len());
    ExitCode::SUCCESS
}
