//! Fuzzing the two importers that read what users hand us: the plan file and CSV.
//! Seeds from `tests/fuzz_corpus/` (and `docs/examples/`) are mutated — bits
//! flipped, JSON and CSV tokens inserted, slices deleted, duplicated and spliced
//! from another seed — and every result must be read without a panic. Beyond
//! "no panic": a plan file the strict reader accepts exports and reads back, and a
//! confirmed CSV import leaves a plan the strict reader accepts.
//!
//! Short run in the suite; long run: `FUZZ_CASES=1000000 cargo test --release
//! --test importers_fuzz` (figures in docs/benchmarks.md). Failures are kept in
//! `importers_fuzz.proptest-regressions` and replayed first.

use abm_planner::csv_io::import::{preview, read, EncodingChoice, Options, Reading, RecordKind};
use abm_planner::domain::{Date, IdGenerator, PlanId, Timestamp};
use abm_planner::editing::{apply, Change};
use abm_planner::plan_file::import::read_plan_value;
use abm_planner::plan_file::{can_repair, read_plan_bytes, read_plan_text, to_file_text, Mode, PieceReader};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500)
}

fn seeds(dirs: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x != "md")).collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    assert!(out.len() >= 3, "the corpus is missing");
    out
}

fn plan_seeds() -> &'static Vec<Vec<u8>> {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| seeds(&["tests/fuzz_corpus/plan", "docs/examples"]))
}

fn csv_seeds() -> &'static Vec<Vec<u8>> {
    static S: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| seeds(&["tests/fuzz_corpus/csv"]))
}

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"null",
    b"-1",
    b"1e308",
    b"0.1",
    b"\"\"",
    b"\\u0000",
    b"\\ud800",
    b"true",
    b"\n",
    b"\r\n",
    b"\t",
    b";",
    b"|",
    b"\"\"\"",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\x82\xA0",
    b"\xE3\x81",
    b"=1+1",
    b"9999-12-31",
    b"\xF0\x9F\x9A\x80",
];

#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, token: usize },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize, to: usize },
    Splice { at: usize, seed: usize, from: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..256, any::<usize>()).prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        (any::<usize>(), any::<usize>(), any::<usize>(), 1usize..512).prop_map(|(at, seed, from, len)| Mutation::Splice { at, seed, from, len }),
    ]
}

fn mutate(seed: &[u8], mutations: &[Mutation], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for m in mutations {
        let n = b.len();
        let pos = |x: usize| if n == 0 { 0 } else { x % (n + 1) };
        match *m {
            Mutation::Flip { at, bit } if n > 0 => b[at % n] ^= 1 << bit,
            Mutation::Flip { .. } => {}
            Mutation::Insert { at, token } => {
                let at = pos(at);
                b.splice(at..at, TOKENS[token].iter().copied());
            }
            Mutation::Delete { at, len } => {
                let at = pos(at);
                let end = (at + len).min(n);
                b.drain(at..end);
            }
            Mutation::Duplicate { at, len, to } => {
                let at = pos(at);
                let slice: Vec<u8> = b[at..(at + len).min(n)].to_vec();
                let to = pos(to);
                b.splice(to..to, slice);
            }
            Mutation::Splice { at, seed, from, len } => {
                let other = &corpus[seed % corpus.len()];
                let from = if other.is_empty() { 0 } else { from % other.len() };
                let slice = &other[from..(from + len).min(other.len())];
                let at = pos(at);
                b.splice(at..at, slice.iter().copied());
            }
        }
    }
    b
}

/// The file fed to a [`PieceReader`] in pieces of `size` bytes; `None` when it
/// leaves the file to the whole-file reader.
fn in_pieces(bytes: &[u8], size: usize, mode: Mode) -> Option<Result<abm_planner::plan_file::Imported, Vec<abm_planner::plan_file::Problem>>> {
    let mut reader = PieceReader::new(mode);
    bytes.chunks(size).all(|piece| reader.feed(piece)).then(|| reader.finish()).flatten()
}

fn now() -> Timestamp {
    Timestamp::parse("2026-11-24T00:00:00Z").expect("a valid time")
}

fn demo() -> &'static abm_planner::domain::Plan {
    static P: OnceLock<abm_planner::domain::Plan> = OnceLock::new();
    P.get_or_init(|| abm_planner::demo::demo_plan(PlanId("fuzz".into()), Date::from_ymd(2026, 11, 24).expect("a valid date"), now()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"))), ..ProptestConfig::default() })]

    #[test]
    fn plan_files_never_panic_and_what_is_accepted_round_trips(seed in any::<usize>(), mutations in prop::collection::vec(mutation(), 0..6), piece in 1usize..5000) {
        let corpus = plan_seeds();
        let bytes = mutate(&corpus[seed % corpus.len()], &mutations, corpus);
        if let Ok(imported) = read_plan_bytes(&bytes, Mode::Strict) {
            let text = to_file_text(&imported.plan, now());
            let again = read_plan_text(&text, Mode::Strict);
            prop_assert!(again.is_ok(), "an accepted plan must export to a file that is accepted: {:?}", again.err().map(|p| p.into_iter().take(3).collect::<Vec<_>>()));
        }
        // "Import the rest" is offered exactly when repair keeps something.
        if let Err(problems) = read_plan_bytes(&bytes, Mode::Strict) {
            let repaired = read_plan_bytes(&bytes, Mode::Repair);
            prop_assert_eq!(can_repair(&problems), repaired.is_ok(), "{:?}", problems);
        }
        // The same file read in pieces (as the browser hands it over, cut
        // anywhere) reads the same, and so does its JSON tree (the path of files
        // that need a migration).
        for mode in [Mode::Strict, Mode::Repair] {
            let from_bytes = read_plan_bytes(&bytes, mode);
            let others = [
                in_pieces(&bytes, piece, mode),
                serde_json::from_slice::<serde_json::Value>(&bytes).ok().filter(|_| bytes.first() == Some(&b'{')).map(|v| read_plan_value(v, mode)),
            ];
            for other in others.into_iter().flatten() {
                match (&other, &from_bytes) {
                    (Ok(a), Ok(b)) => prop_assert_eq!((&a.plan, &a.warnings), (&b.plan, &b.warnings)),
                    (a, b) => prop_assert_eq!(a.as_ref().err(), b.as_ref().err(), "{:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(300)])),
                }
            }
        }
    }

    #[test]
    fn csv_files_never_panic_and_imports_keep_the_plan_valid(seed in any::<usize>(), mutations in prop::collection::vec(mutation(), 0..6), kind in 0usize..4, sjis in any::<bool>(), step in 0usize..5000) {
        let corpus = csv_seeds();
        let bytes = mutate(&corpus[seed % corpus.len()], &mutations, corpus);
        let encoding = if sjis { EncodingChoice::ShiftJis } else { EncodingChoice::Detect };
        // The page reads a file in steps: any step size reads what one go reads.
        let mut reading = Reading::new(bytes.as_slice(), encoding);
        while !reading.step(step) {}
        let read_in_steps = reading.finish();
        prop_assert_eq!(&read_in_steps, &read(&bytes, encoding));
        let Ok(file) = read_in_steps else { return Ok(()) };
        let kind = [file.kind, RecordKind::Contacts, RecordKind::Deals, RecordKind::Activities][kind];
        let plan = demo();
        let mut mapping = abm_planner::csv_io::import::guess_mapping(kind, &file.table.headers);
        // The plan's custom fields (a choice and a number) by heading, and an
        // unmapped column to one of them, so that any cell is read as one.
        let names: Vec<&str> = plan.custom_fields.iter().map(|f| f.name.as_str()).collect();
        abm_planner::csv_io::import::guess_custom(kind, &file.table.headers, &names, &mut mapping);
        if kind == RecordKind::Accounts && !names.is_empty() {
            let field = abm_planner::csv_io::import::Field::Custom((seed % names.len()) as u16);
            if let Some(free) = mapping.iter().position(Option::is_none).filter(|_| !mapping.contains(&Some(field))) {
                mapping[free] = Some(field);
            }
        }
        let options = Options::new(kind, mapping, 540, now());
        let result = preview(plan, &file.table, &options, &mut IdGenerator::seeded(seed as u64));
        // Every row is imported, merged into an earlier row's record, a repeat,
        // or skipped with its line: none goes missing.
        prop_assert_eq!(result.rows, file.table.len());
        prop_assert_eq!(result.accounted(), result.rows);
        prop_assert!(result.records() <= file.table.len());
        let lines: std::collections::HashSet<u64> = file.table.rows().map(|r| r.line).collect();
        prop_assert!(result.bad_rows.iter().all(|l| lines.contains(l)), "skipped lines are lines of the file");
        if !result.batch.is_empty() {
            let after = apply(plan, Change::ImportRecords(Box::new(result.batch)), now());
            prop_assert!(after.is_ok(), "a previewed batch is accepted whole: {:?}", after.as_ref().err());
            let after = after.unwrap_or_else(|_| plan.clone());
            let text = to_file_text(&after, now());
            let again = read_plan_text(&text, Mode::Strict);
            prop_assert!(again.is_ok(), "an import must leave a valid plan: {:?}", again.err().map(|p| p.into_iter().take(3).collect::<Vec<_>>()));
        }
    }
}

#[test]
fn every_seed_is_read_without_a_panic() {
    for bytes in plan_seeds() {
        let _ = read_plan_bytes(bytes, Mode::Strict);
        let _ = read_plan_bytes(bytes, Mode::Repair);
    }
    for bytes in csv_seeds() {
        assert!(read(bytes, EncodingChoice::Detect).is_ok(), "every CSV seed is a readable table");
    }
}
