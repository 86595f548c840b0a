//! The engine without any UI, built to Wasm, to measure how much of the
//! shipped size the functional core takes on its own (docs/benchmarks.md,
//! Size). Two exports reach every part of the core the app uses: `files`
//! (reading, checking and repairing plan files, whole or in pieces, writing
//! them, storing plans compressed and in parts) and `analyse` (the demo plan,
//! prioritisation with the purchase prediction, the dashboard's KPIs and ROI,
//! duplicates, missing values, CSV in and out). Nothing of Leptos is linked.
//! Run: `bash .ci/engine-size.sh`.

use abm_planner::csv_io::import::{read as read_csv, EncodingChoice};
use abm_planner::csv_io::{accounts_csv, AccountColumns};
use abm_planner::domain::settings::Attribution;
use abm_planner::domain::time::{Date, Timestamp};
use abm_planner::domain::PlanId;
use abm_planner::kpi::{long_term, period_kpis, roi_report, ActivityIndex, Period};
use abm_planner::persistence::{MemoryStore, PlanStore};
use abm_planner::plan_file::{read_plan_bytes, to_file_text, Mode, PieceReader};
use abm_planner::prioritisation::{rank, BasisCache};
use std::hint::black_box;

/// Reads the plan file in `bytes` (flags: bit 0 repair, bit 1 in pieces),
/// writes it back and stores it.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn files(ptr: *const u8, len: usize, flags: u32) -> usize {
    // SAFETY: the caller passes a readable buffer of `len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let mode = if flags & 1 == 0 { Mode::Strict } else { Mode::Repair };
    let Some(now) = Timestamp::from_millis(i64::from(flags)) else { return 0 };
    let read = if flags & 2 == 0 {
        read_plan_bytes(bytes, mode)
    } else {
        let mut reader = PieceReader::new(mode);
        reader.feed(bytes);
        match reader.finish() {
            Some(read) => read,
            None => return 1,
        }
    };
    match read {
        Ok(imported) => {
            let text = to_file_text(&imported.plan, now);
            let mut store = PlanStore::new(MemoryStore::new());
            let saved = usize::from(store.save(&imported.plan, None, "size", now).is_ok());
            let opened = store.open(now).map_or(0, |o| o.plans.len() + o.findings.len());
            text.len() + saved + opened
        }
        Err(problems) => problems.iter().map(|p| p.subject.as_ref().map_or(0, String::len)).sum(),
    }
}

/// Runs the analyses on the demo plan and reads `bytes` as a CSV file.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn analyse(ptr: *const u8, len: usize, ms: i64) -> usize {
    let Some(now) = Timestamp::from_millis(ms) else { return 0 };
    let today = Date(now.0.date_naive());
    let plan = abm_planner::demo::demo_plan(PlanId(format!("plan_{ms}")), today, now);
    let mut cache = BasisCache::default();
    let (basis, _) = abm_planner::prediction::basis_with_prediction(&plan, today, &mut cache);
    let weights: Vec<f64> = plan.prioritisation.factors.iter().map(|f| f.weight).collect();
    let ranking = rank(&basis, &weights, &plan.prioritisation.tiers);
    let index = ActivityIndex::new(&plan);
    let period = Period::last_days(today, 90);
    black_box((
        abm_planner::prediction::predict(&plan, &basis, today),
        period_kpis(&plan, &index, &period, &[]),
        roi_report(&plan, &index, &period, Attribution::Linear),
        long_term(&plan, today),
        abm_planner::data_quality::find_duplicates(&plan),
        abm_planner::data_quality::missing_report(&plan),
    ));
    let csv = accounts_csv(&plan, &basis, &ranking, &AccountColumns::default());
    // SAFETY: the caller passes a readable buffer of `len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let table = read_csv(bytes, EncodingChoice::Detect).map_or(0, |read| std::mem::size_of_val(&read));
    csv.len() + table
}
