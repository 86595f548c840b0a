//! Reading a plan file (or a stored plan) from bytes, through every check, before
//! anything in the app changes. The result is either a plan with warnings, or the
//! full list of problems with their locations.

use super::careful::{read_envelope, Streamed};
use super::decode::{describe_value, Mode, Origins};
use super::envelope::{Envelope, FORMAT};
use super::migrate::{chain, migrate, reads_as_current};
use super::problems::{Expected, Location, Problem, ProblemKind, Severity};
use super::sniff::text_of;
use super::syntax::syntax_problem;
use super::validate::{validate, Validation};
use crate::domain::sorting;
use crate::domain::{Plan, Timestamp};
use serde_json::{Map, Value};

/// At most this many problems are listed; the rest are counted.
pub const MAX_REPORTED: usize = 200;

#[derive(Clone, Debug)]
pub struct Imported {
    pub plan: Plan,
    /// Things worth knowing that did not stop the import (and, in repair mode,
    /// what was repaired).
    pub warnings: Vec<Problem>,
    pub schema_version: u64,
    pub exported_at: Option<Timestamp>,
}

pub fn read_plan_bytes(bytes: &[u8], mode: Mode) -> Result<Imported, Vec<Problem>> {
    let text = text_of(bytes).map_err(|p| vec![p])?;
    read_plan_text(&text, mode)
}

pub fn read_plan_text(text: &str, mode: Mode) -> Result<Imported, Vec<Problem>> {
    // Text is read as bytes everywhere (`from_slice`, never `from_str`): each
    // reader type compiles every record type's reading once more, and the
    // piece reader needs bytes (issue 31: 36 KB of the Wasm, measured).
    let bytes = text.as_bytes();
    // Fast path: a well-formed current file reads in one typed pass.
    if let Some(read) = serde_json::from_slice::<Envelope>(bytes).ok().and_then(|e| read_current(e, mode)) {
        return read;
    }
    match read_careful(serde_json::Deserializer::from_slice(bytes), mode) {
        Some(read) => read,
        None => {
            let value: Value = serde_json::from_slice(bytes).map_err(|e| vec![syntax_problem(&e)])?;
            read_plan_value(value, mode)
        }
    }
}

/// A file of this app's format and version, read typed: checked and finished.
fn read_current(envelope: Envelope, mode: Mode) -> Option<Result<Imported, Vec<Problem>>> {
    if envelope.format != FORMAT || envelope.schema_version > chain().to || !reads_as_current(envelope.schema_version) {
        return None;
    }
    let version = envelope.schema_version;
    let mut plan = envelope.plan;
    let mut problems = Vec::new();
    validate(&mut plan, &Origins::identity(), mode, &mut problems);
    Some(finish(plan, problems, mode, version, Some(envelope.exported_at)))
}

/// The careful path as the JSON streams past: every problem is found and
/// reported, one record's tree at a time ([`super::careful`]). `None` for an
/// older version, read from a tree of the whole file after migrating it.
fn read_careful<'de, R: serde_json::de::Read<'de>>(mut de: serde_json::Deserializer<R>, mode: Mode) -> Option<Result<Imported, Vec<Problem>>> {
    let streamed = match read_envelope(&mut de, mode).and_then(|s| de.end().map(|()| s)) {
        Ok(streamed) => streamed,
        Err(e) => return Some(Err(vec![syntax_problem(&e)])),
    };
    let Some(streamed) = streamed else {
        return Some(Err(vec![Problem::file(ProblemKind::NotAnObject)]));
    };
    read_top(streamed, mode)
}

/// A file's top level as read by [`read_envelope`]: the plan, or every
/// problem. `None` for an older version, read from a tree of the whole file
/// after migrating it.
fn read_top(streamed: Streamed, mode: Mode) -> Option<Result<Imported, Vec<Problem>>> {
    check_top(streamed, mode).map(|read| read.and_then(Checking::finish))
}

/// A file's top level as read by [`read_envelope`] or in pieces
/// ([`super::pieces`]): the plan with its checks across records still to
/// run, or every problem found before them. `None` for an older version
/// that needs a whole-file migration step, or whose records needed a step
/// they did not get (its version came after the plan): it is then read from
/// a tree of the whole file.
pub(super) fn check_top(streamed: Streamed, mode: Mode) -> Option<Result<Checking, Vec<Problem>>> {
    let c = chain();
    match format_and_version(&streamed.head) {
        Ok(version) if c.streams(version) && (c.records(version).is_empty() || carried_from(&streamed) == Some(version)) => {
            Some(check_streamed(streamed, version, mode))
        }
        Ok(_) => None,
        Err(problem) => Some(Err(vec![problem])),
    }
}

/// The version the plan's records were carried from as they were read.
fn carried_from(streamed: &Streamed) -> Option<u64> {
    streamed.plan.as_ref().and_then(|p| p.migrated_from)
}

/// The careful path on a tree of the whole file: migrated, then read as above.
pub fn read_plan_value(mut value: Value, mode: Mode) -> Result<Imported, Vec<Problem>> {
    let Some(object) = value.as_object() else {
        return Err(vec![Problem::file(ProblemKind::NotAnObject)]);
    };
    let version = format_and_version(object).map_err(|p| vec![p])?;
    migrate(&mut value, version).map_err(|p| vec![p])?;
    match read_envelope(value, mode) {
        Ok(Some(streamed)) => check_streamed(streamed, version, mode).and_then(Checking::finish),
        Ok(None) => Err(vec![Problem::file(ProblemKind::NotAnObject)]),
        Err(e) => Err(vec![Problem::file(ProblemKind::Invalid(e.to_string()))]),
    }
}

/// Whether this is a plan file of a version this app reads: the version.
fn format_and_version(head: &Map<String, Value>) -> Result<u64, Problem> {
    match head.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => return Err(Problem::file(ProblemKind::NotAPlanFile { format: Some(f.clone()) })),
        _ => return Err(Problem::file(ProblemKind::NotAPlanFile { format: None })),
    }
    let version = match head.get("schemaVersion").and_then(Value::as_u64) {
        Some(v) if v >= 1 => v,
        _ => return Err(Problem::at("schemaVersion", ProblemKind::BadVersion)),
    };
    let supported = chain().to;
    if version > supported {
        return Err(Problem::file(ProblemKind::NewerVersion { found: version, supported }));
    }
    Ok(version)
}

/// A plan read from a file, its checks across records (ids, references,
/// ranges) under way: [`step`](Checking::step) them a stretch at a time, then
/// [`finish`](Checking::finish). For a 100 MB file they are a few hundred ms,
/// which the page can now spread over several turns.
pub struct Checking {
    plan: Plan,
    origins: Origins,
    checks: Validation,
    mode: Mode,
    version: u64,
    exported_at: Option<Timestamp>,
}

impl Checking {
    /// Runs the next stretch of checks: the share done (0–1), or `None` when
    /// all are done.
    pub fn step(&mut self) -> Option<f64> {
        self.checks.step(&mut self.plan, &self.origins)
    }

    /// The plan with its warnings, or every problem found (the checks not yet
    /// run are run first).
    pub fn finish(mut self) -> Result<Imported, Vec<Problem>> {
        while self.step().is_some() {}
        let problems = self.checks.into_problems();
        finish(self.plan, problems, self.mode, self.version, self.exported_at)
    }
}

/// A current-version file read by [`read_envelope`]: the envelope's problems,
/// then the plan's; the checks across records come next ([`Checking`]).
fn check_streamed(streamed: Streamed, version: u64, mode: Mode) -> Result<Checking, Vec<Problem>> {
    let mut problems: Vec<Problem> =
        streamed.unknown.iter().map(|key| severity(mode, Problem::at(key.clone(), ProblemKind::UnknownField { field: key.clone() }))).collect();
    let exported_at = match streamed.head.get("exportedAt") {
        None => None,
        Some(v) => match serde_json::from_value::<Timestamp>(v.clone()) {
            Ok(t) => Some(t),
            Err(_) => {
                problems.push(Problem::warning(
                    Location::Path("exportedAt".into()),
                    ProblemKind::WrongType { expected: Expected::DateTime, got: describe_value(v) },
                ));
                None
            }
        },
    };
    let Some(parts) = streamed.plan else {
        problems.push(Problem::file(ProblemKind::MissingField("plan".into())));
        return Err(problems);
    };
    let Some(decoded) = parts.decode(mode, &mut problems) else {
        // In repair mode too: without its core fields there is no plan to keep.
        // Said first, so it is never among the problems left uncounted.
        problems.insert(0, Problem::file(ProblemKind::PlanUnreadable));
        return Err(as_errors(problems));
    };
    let checks = Validation::new(&decoded.plan, mode, problems);
    Ok(Checking { plan: decoded.plan, origins: decoded.origins, checks, mode, version, exported_at })
}

fn finish(plan: Plan, problems: Vec<Problem>, mode: Mode, schema_version: u64, exported_at: Option<Timestamp>) -> Result<Imported, Vec<Problem>> {
    if mode == Mode::Strict && problems.iter().any(Problem::is_error) {
        return Err(cap(problems));
    }
    Ok(Imported { plan, warnings: cap(problems), schema_version, exported_at })
}

fn severity(mode: Mode, mut p: Problem) -> Problem {
    if mode == Mode::Repair {
        p.severity = Severity::Warning;
    }
    p
}

fn as_errors(problems: Vec<Problem>) -> Vec<Problem> {
    cap(problems
        .into_iter()
        .map(|mut p| {
            p.severity = Severity::Error;
            p
        })
        .collect())
}

/// Errors first, then warnings, at most [`MAX_REPORTED`] in all.
pub fn cap(mut problems: Vec<Problem>) -> Vec<Problem> {
    sorting::sort_by_key(&mut problems, |p| !p.is_error());
    if problems.len() > MAX_REPORTED {
        let more = problems.len() - MAX_REPORTED;
        problems.truncate(MAX_REPORTED);
        problems.push(Problem::file(ProblemKind::MoreProblems(more)));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;
    use crate::plan_file::export::to_file_text;
    use crate::plan_file::problems::FileKind;
    use crate::plan_file::SCHEMA_VERSION;
    use serde_json::json;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
    }

    fn small_plan() -> Plan {
        let mut plan = Plan::new(PlanId("plan_1".into()), "テスト計画", now());
        let mut a = Account::new(AccountId("acc_1".into()), "株式会社ミナト精機");
        a.employees = Some(1200);
        plan.accounts.push_back(a);
        plan.contacts.push_back(Contact {
            id: ContactId("con_1".into()),
            account: AccountId("acc_1".into()),
            name: "佐藤 健一".into(),
            title: String::new(),
            department: String::new(),
            email: String::new(),
            phone: String::new(),
            reports_to: None,
            role: Some(BuyingRole::DecisionMaker),
            stance: None,
            relationship: Some(7),
            last_contact: None,
            persona: None,
            notes: String::new(),
            updated_at: None,
        });
        plan
    }

    /// The file fed to a [`PieceReader`] in pieces of `size` bytes.
    fn in_pieces(bytes: &[u8], size: usize, mode: Mode) -> Option<Result<Imported, Vec<Problem>>> {
        let mut reader = crate::plan_file::PieceReader::new(mode);
        bytes.chunks(size).all(|piece| reader.feed(piece)).then(|| reader.finish()).flatten()
    }

    fn file_value(plan: &Plan) -> Value {
        serde_json::from_str(&to_file_text(plan, now())).unwrap()
    }

    fn errors(v: Value) -> Vec<String> {
        read_plan_value(v, Mode::Strict).unwrap_err().iter().map(ToString::to_string).collect()
    }

    /// A record step of a format change to come (version 3): accounts'
    /// `headcount` is called `employees`.
    fn headcount_is_employees(collection: &str, record: &mut Value) -> Result<(), String> {
        if let ("accounts", Some(o)) = (collection, record.as_object_mut()) {
            if let Some(n) = o.remove("headcount") {
                o.insert("employees".into(), n);
            }
        }
        Ok(())
    }

    static TO_3: [super::super::migrate::Step; 2] = [
        super::super::migrate::STEPS[0],
        super::super::migrate::Step {
            from: 2,
            title: "Accounts' headcount is called employees",
            description: "A test-only step: a field renamed inside records.",
            transform: None,
            records: Some(headcount_is_employees),
        },
    ];

    #[test]
    fn an_older_file_whose_records_change_keeps_the_streaming_readers() {
        use super::super::migrate::{with_chain, Chain};
        let plan = small_plan();
        // A version-2 file, as written before the change: the old field name.
        let old = to_file_text(&plan, now()).replacen("\"employees\": 1200", "\"headcount\": 1200", 1);
        assert!(old.contains("\"schemaVersion\": 2") && old.contains("headcount"));
        with_chain(Chain { steps: &TO_3, to: 3 }, || {
            // Carried a record at a time as the JSON streams past: no tree of
            // the whole file (`read_careful` and the piece reader would
            // otherwise hand it over with `None`).
            let streamed = read_careful(serde_json::Deserializer::from_str(&old), Mode::Strict).expect("streamed").unwrap();
            assert_eq!(streamed.plan, plan);
            assert_eq!(streamed.schema_version, 2, "the file's own version is kept to tell the user");
            let pieces = in_pieces(old.as_bytes(), 64, Mode::Strict).expect("read in pieces").unwrap();
            assert_eq!(pieces.plan, plan);
            assert_eq!(read_plan_text(&old, Mode::Strict).unwrap().plan, plan);

            // A file whose version comes after its plan: its records passed
            // before the version was known, so it is read as a whole tree,
            // migrated the same way.
            let late = old.replacen("  \"schemaVersion\": 2,\n", "", 1);
            let late = format!("{}, \"schemaVersion\": 2}}\n", late.trim_end().trim_end_matches('}'));
            assert!(late.find("schemaVersion") > late.find("\"plan\""), "{late}");
            assert!(in_pieces(late.as_bytes(), 64, Mode::Strict).is_none(), "left to the whole-file reader");
            assert_eq!(read_plan_text(&late, Mode::Strict).unwrap().plan, plan);
        });
        // Without the step, the old name is an unknown field, not lost silently.
        let e = read_plan_text(&old, Mode::Strict).unwrap_err();
        assert!(e.iter().any(|p| p.to_string().contains("headcount")), "{e:?}");
    }

    #[test]
    fn a_written_file_reads_back_the_same_plan() {
        let plan = small_plan();
        let read = read_plan_text(&to_file_text(&plan, now()), Mode::Strict).unwrap();
        assert_eq!(read.plan, plan);
        assert!(read.warnings.is_empty());
        assert_eq!(read.exported_at, Some(now()));
    }

    #[test]
    fn a_file_read_in_pieces_reads_like_its_bytes() {
        let plan = small_plan();
        let text = to_file_text(&plan, now());
        let streamed = in_pieces(text.as_bytes(), 100, Mode::Strict).expect("a current file").unwrap();
        assert_eq!(streamed.plan, plan);
        assert_eq!(streamed.exported_at, Some(now()));
        // Broken files get the same report, and repair keeps the same, as from
        // their bytes: a dangling reference (the fast path's checks), a wrong
        // value, an unknown field, a list that is not a list, another format,
        // no plan, a plan that is not an object.
        let broken = [
            text.replacen("\"account\": \"acc_1\"", "\"account\": \"acc_gone\"", 1),
            text.replacen("\"employees\": 1200", "\"employees\": \"many\"", 1),
            text.replacen("\"appVersion\"", "\"extra\": [1, {\"a\": 2}], \"appVersion\"", 1),
            text.replacen("\"accounts\": [", "\"accounts\": {\"x\": 1}, \"accountList\": [", 1),
            text.replacen("abm-planner/plan", "excalidraw", 1),
            "{\"format\": \"abm-planner/plan\", \"schemaVersion\": 1}".to_string(),
            "  {\"format\": 1, \"plan\": []}".to_string(),
        ];
        for file in &broken {
            assert_ne!(file, &text);
            for mode in [Mode::Strict, Mode::Repair] {
                let streamed = in_pieces(file.as_bytes(), 100, mode).unwrap_or_else(|| panic!("read in pieces: {file:.80}"));
                let from_bytes = read_plan_bytes(file.as_bytes(), mode);
                match (streamed, from_bytes) {
                    (Ok(a), Ok(b)) => assert_eq!((a.plan, a.warnings), (b.plan, b.warnings), "{file:.60}"),
                    (a, b) => assert_eq!(a.err(), b.err(), "{file:.60}"),
                }
            }
        }
        assert!(in_pieces(broken[1].as_bytes(), 100, Mode::Strict).unwrap().unwrap_err()[0].to_string().starts_with("plan.accounts[0].employees"));
        // Broken JSON is placed at the same line and column as in the text,
        // whether it breaks inside a record, between records or at the end; a
        // NUL byte makes the file binary.
        let cut = &text[..text.len() - 40];
        let broken_json = [
            text.replacen("\"relationship\": 7", "\"relationship\": 7,,", 1),
            text.replacen("\"relationship\": 7", "\"relationship\": 7x", 1),
            text.replacen("\"employees\": 1200", "\"employees\": \"\\q\"", 1),
            text.replacen("\"currency\"", "\"currency\" \"", 1),
            cut.to_string(),
            format!("{cut}\"id"),
            format!("{cut}\"id\\u12x"),
            text.replacen("\"name\": \"テスト計画\"", "\"name\": \"\u{0}\"", 1),
        ];
        for file in &broken_json {
            for size in [1, 7, 100, file.len()] {
                let expected = read_plan_bytes(file.as_bytes(), Mode::Strict).unwrap_err();
                let in_pieces = in_pieces(file.as_bytes(), size, Mode::Strict);
                if let Some(read) = in_pieces {
                    assert_eq!(read.unwrap_err(), expected, "{file:.60} cut every {size} bytes");
                }
            }
        }
        let broken_record = in_pieces(broken_json[0].as_bytes(), 7, Mode::Strict).expect("placed in pieces").unwrap_err();
        assert!(matches!(broken_record[..], [Problem { kind: ProblemKind::Syntax(_), location: Location::Text { .. }, .. }]));
        // What does not start as a JSON object is left to the bytes' reader,
        // which names what it is; so is what breaks where a piece's end would
        // place it differently (after a number).
        for other in ["\u{feff}{}", "", "   ", "[1]", "会社名,業種\n", "{\"plan\": 5} trailing", "{\"a\": 1.}"] {
            assert!(in_pieces(other.as_bytes(), 100, Mode::Strict).is_none(), "{other:.40}");
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert!(in_pieces(&bom, 100, Mode::Strict).is_none());
        // Bytes that are not UTF-8 where the reader skips over them (an unknown
        // field's value) still make the file binary, as from its bytes.
        let mut hidden = text.replacen("\"appVersion\"", "\"extra\": \"?\", \"appVersion\"", 1).into_bytes();
        let at = hidden.iter().position(|b| *b == b'?').unwrap();
        hidden[at] = 0xFF;
        let expected = read_plan_bytes(&hidden, Mode::Strict).unwrap_err();
        assert_eq!(expected[0].kind, ProblemKind::WrongFileKind(FileKind::Binary));
        assert_eq!(in_pieces(&hidden, 100, Mode::Strict).unwrap().unwrap_err(), expected);
        assert_eq!(read_plan_bytes(&bom, Mode::Strict).unwrap().plan, plan);
    }

    #[test]
    fn the_issue_example_is_worded_with_its_path() {
        let mut v = file_value(&small_plan());
        v["plan"]["accounts"][0]["employees"] = json!("many");
        assert_eq!(errors(v), vec!["plan.accounts[0].employees (株式会社ミナト精機): expected a whole number, got \"many\""]);
    }

    #[test]
    fn dangling_references_are_reported() {
        let mut v = file_value(&small_plan());
        v["plan"]["activities"] = json!([{"id": "act_1", "account": "acc_gone", "kind": "webVisit", "at": "2026-01-05T10:00:00Z"}]);
        v["plan"]["contacts"][0]["reportsTo"] = json!("con_nobody");
        assert_eq!(
            errors(v),
            vec![
                "plan.contacts[0].reportsTo (佐藤 健一): refers to contact \"con_nobody\", which is not in the file",
                "plan.activities[0].account: refers to account \"acc_gone\", which is not in the file",
            ]
        );
    }

    #[test]
    fn duplicates_ranges_and_empty_names() {
        let mut v = file_value(&small_plan());
        v["plan"]["accounts"].as_array_mut().unwrap().push(json!({"id": "acc_1", "name": " "}));
        v["plan"]["contacts"][0]["relationship"] = json!(14);
        v["plan"]["fiscalYearStartMonth"] = json!(13);
        let e = errors(v);
        assert!(e.contains(&"plan.fiscalYearStartMonth: 13 is out of range (1–12)".to_string()), "{e:?}");
        assert!(e.contains(&"plan.accounts[1].id: the id \"acc_1\" is used twice".to_string()), "{e:?}");
        assert!(e.contains(&"plan.accounts[1].name: must not be empty".to_string()), "{e:?}");
        assert!(e.contains(&"plan.contacts[0].relationship (佐藤 健一): must be at most 10".to_string()), "{e:?}");
    }

    #[test]
    fn reporting_loops_are_found() {
        let mut v = file_value(&small_plan());
        v["plan"]["contacts"] = json!([
            {"id": "c1", "account": "acc_1", "name": "A", "reportsTo": "c2"},
            {"id": "c2", "account": "acc_1", "name": "B", "reportsTo": "c1"}
        ]);
        let e = errors(v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("loops back"), "{e:?}");
    }

    #[test]
    fn wrong_kinds_of_json_and_versions() {
        assert_eq!(errors(json!([1, 2])), vec!["this JSON is not an ABM Planner plan file"]);
        assert_eq!(errors(json!({"type": "excalidraw", "elements": []})), vec!["this JSON file is not an ABM Planner plan file (it has no \"format\")"]);
        let mut v = file_value(&small_plan());
        v["schemaVersion"] = json!(SCHEMA_VERSION + 1);
        assert!(errors(v)[0].starts_with("this file was made by a newer version of ABM Planner (format version 3; this app reads up to 2)"));
        // A version 1 file (no city or status on accounts) reads as it is, on the
        // streaming path, and says which version it was.
        let mut v = file_value(&small_plan());
        v["schemaVersion"] = json!(1);
        let text = v.to_string();
        let read = read_plan_text(&text, Mode::Strict).unwrap();
        assert_eq!((read.schema_version, read.plan), (1, small_plan()));
        let streamed = read_careful(serde_json::Deserializer::from_str(&text), Mode::Strict).expect("streamed, not a whole tree");
        assert_eq!(streamed.unwrap().schema_version, 1);
        let mut v = file_value(&small_plan());
        v["schemaVersion"] = json!("one");
        assert_eq!(errors(v), vec!["schemaVersion: the file's schemaVersion is not a version number"]);
    }

    #[test]
    fn a_plan_without_its_own_details_is_refused_as_a_whole() {
        let mut v = file_value(&small_plan());
        v["plan"].as_object_mut().unwrap().remove("createdAt");
        let problems = read_plan_value(v.clone(), Mode::Strict).unwrap_err();
        let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(texts, vec!["the plan's own details cannot be read, so nothing in the file can be kept", "plan.createdAt: \"createdAt\" is missing",]);
        assert!(!crate::plan_file::can_repair(&problems), "no \"import the rest\"");
        assert!(read_plan_value(v, Mode::Repair).is_err());
        // A broken record, by contrast, leaves the rest to keep.
        let mut v = file_value(&small_plan());
        v["plan"]["accounts"][0]["employees"] = json!("many");
        assert!(crate::plan_file::can_repair(&read_plan_value(v.clone(), Mode::Strict).unwrap_err()));
        assert!(read_plan_value(v, Mode::Repair).is_ok());
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let text = to_file_text(&small_plan(), now()).replacen("\"employees\": 1200", "\"employees\": 1200,,", 1);
        let problems = read_plan_text(&text, Mode::Strict).unwrap_err();
        assert_eq!(problems.len(), 1);
        match &problems[0].location {
            Location::Text { line, .. } => assert!(*line > 5),
            other => panic!("{other:?}"),
        }
        assert!(matches!(problems[0].kind, ProblemKind::Syntax(_)));
    }

    #[test]
    fn repair_mode_keeps_what_it_can() {
        let mut v = file_value(&small_plan());
        v["plan"]["contacts"][0]["reportsTo"] = json!("con_nobody");
        v["plan"]["activities"] = json!([
            {"id": "act_1", "account": "acc_gone", "kind": "webVisit", "at": "2026-01-05T10:00:00Z"},
            {"id": "act_2", "account": "acc_1", "kind": "webVisit", "at": "2026-01-05T10:00:00Z"},
            {"id": "act_3", "account": "acc_1", "kind": "teleport", "at": "2026-01-05T10:00:00Z"}
        ]);
        let read = read_plan_value(v, Mode::Repair).unwrap();
        assert_eq!(read.plan.activities.len(), 1);
        assert_eq!(read.plan.contacts[0].reports_to, None);
        assert!(read.warnings.iter().all(|w| w.severity == Severity::Warning));
        assert!(read.warnings.len() >= 3, "{:?}", read.warnings);
    }

    #[test]
    fn problems_are_capped() {
        let mut v = file_value(&small_plan());
        let bad: Vec<Value> = (0..500).map(|i| json!({"id": format!("a{i}"), "name": "x", "employees": "many"})).collect();
        v["plan"]["accounts"] = Value::Array(bad);
        v["plan"]["contacts"] = json!([]);
        let e = read_plan_value(v, Mode::Strict).unwrap_err();
        assert_eq!(e.len(), MAX_REPORTED + 1);
        assert_eq!(e.last().unwrap().kind, ProblemKind::MoreProblems(300));
    }

    #[test]
    fn pairs_marked_distinct_name_accounts_of_the_plan() {
        let mut plan = small_plan();
        plan.accounts.push_back(Account::new(AccountId("acc_2".into()), "ミナト精機（株）"));
        let mut v = file_value(&plan);
        v["plan"]["settings"]["distinctAccounts"] = json!([["acc_2", "acc_1"], ["acc_1", "acc_2"], ["acc_1", "acc_gone"]]);
        let e = errors(v.clone());
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("plan.settings.distinctAccounts[2]") && e[0].contains("acc_gone"), "{e:?}");
        // Repair drops the pair naming an unknown account and keeps the other
        // once, in id order.
        let read = read_plan_value(v, Mode::Repair).unwrap();
        assert_eq!(read.plan.settings.distinct_accounts, vec![[AccountId("acc_1".into()), AccountId("acc_2".into())]]);
        assert!(!read.warnings.is_empty());
        assert!(read.warnings.iter().all(|w| w.to_string().starts_with("plan.settings.distinctAccounts[2]")), "{:?}", read.warnings);
        // And it is written back as it was read.
        let again = read_plan_text(&to_file_text(&read.plan, now()), Mode::Strict).unwrap();
        assert_eq!(again.plan, read.plan);
    }
}
