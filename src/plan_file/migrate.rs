//! Migrations: each step carries a file of one format version to the next. A
//! file of any older version is carried step by step to the current one.
//!
//! A step says what it changes in one of three ways, cheapest first:
//! - nothing (`transform` and `records` both `None`): it only adds optional
//!   fields, so an older file is already a valid file of the newer version and
//!   is read typed, as a current one;
//! - one record at a time (`records`): the change is inside records (a field
//!   renamed, a value rewritten). The streaming readers apply it to each
//!   record's JSON as it passes, before reading it, so an older file or stored
//!   plan keeps the streaming path (a 100 MB file is never held as one tree);
//! - the whole file (`transform`): a change across records or of the
//!   envelope. Only then is the file read as one JSON tree, migrated, then read.

use super::envelope::SCHEMA_VERSION;
use super::problems::{Problem, ProblemKind};
use serde_json::Value;

/// Rewrites a version-`from` envelope's tree into a version-`from + 1` one.
pub type Transform = fn(&mut Value) -> Result<(), String>;

/// Rewrites one record of the list `collection` (its name in the file,
/// `accounts`) from version `from` to `from + 1`; it leaves other lists' records
/// as they are.
pub type RecordTransform = fn(collection: &str, record: &mut Value) -> Result<(), String>;

/// One step of the chain, from version `from` to `from + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub from: u64,
    /// What changed, for the docs and for whoever reads the chain.
    pub title: &'static str,
    pub description: &'static str,
    /// A change of the whole file (see the module's notes).
    pub transform: Option<Transform>,
    /// A change of each record, applied as the file streams past.
    pub records: Option<RecordTransform>,
}

/// The chain, in order.
pub const STEPS: &[Step] = &[Step {
    from: 1,
    title: "Accounts gain a city and a customer status",
    description: "Optional `city` (text) and `status` (prospect, customer, formerCustomer, partner, competitor) on \
                  accounts, read from CRM exports. Version 1 files have neither and need no change.",
    transform: None,
    records: None,
}];

/// The steps the readers go by, and the version they lead to.
#[derive(Clone, Copy, Debug)]
pub struct Chain {
    pub steps: &'static [Step],
    pub to: u64,
}

#[cfg(test)]
thread_local! {
    static TEST_CHAIN: std::cell::Cell<Option<Chain>> = const { std::cell::Cell::new(None) };
}

/// This app's chain (in a test, the one [`with_chain`] set).
pub fn chain() -> Chain {
    #[cfg(test)]
    if let Some(c) = TEST_CHAIN.with(std::cell::Cell::get) {
        return c;
    }
    Chain { steps: STEPS, to: SCHEMA_VERSION }
}

/// Runs `f` with the readers going by `chain`: a test's stand-in for a
/// format change that has not happened yet.
#[cfg(test)]
pub fn with_chain<R>(chain: Chain, f: impl FnOnce() -> R) -> R {
    TEST_CHAIN.with(|c| c.set(Some(chain)));
    let out = f();
    TEST_CHAIN.with(|c| c.set(None));
    out
}

impl Chain {
    fn step(self, from: u64) -> Option<&'static Step> {
        self.steps.iter().find(|s| s.from == from)
    }

    /// Whether a file of `version` reads as the current version as it is, with
    /// no step changing it: it is then read typed.
    pub fn reads_as_current(self, version: u64) -> bool {
        (version..self.to).all(|v| self.step(v).is_some_and(|s| s.transform.is_none() && s.records.is_none()))
    }

    /// Whether a file of `version` keeps the streaming readers: no step
    /// changes the whole file (record steps are applied as records pass).
    pub fn streams(self, version: u64) -> bool {
        (version..self.to).all(|v| self.step(v).is_some_and(|s| s.transform.is_none()))
    }

    /// The record steps a file of `version` needs, in order.
    pub fn records(self, version: u64) -> RecordMigration {
        RecordMigration((version..self.to).filter_map(|v| self.step(v).and_then(|s| s.records)).collect())
    }
}

/// The record steps from one version to the current one.
#[derive(Clone, Debug, Default)]
pub struct RecordMigration(Vec<RecordTransform>);

impl RecordMigration {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Carries one record of the list `collection` to the current version.
    pub fn apply(&self, collection: &str, record: &mut Value) -> Result<(), String> {
        self.0.iter().try_for_each(|step| step(collection, record))
    }
}

/// Whether a file of `version` reads as the current version as it is.
pub fn reads_as_current(version: u64) -> bool {
    chain().reads_as_current(version)
}

/// Carries a whole file's tree from version `from` to the current one: each
/// step's whole-file transform, then its record transform on every record.
pub fn migrate(envelope: &mut Value, from: u64) -> Result<(), Problem> {
    let c = chain();
    migrate_with(envelope, from, c.to, c.steps)
}

pub fn migrate_with(envelope: &mut Value, from: u64, to: u64, steps: &[Step]) -> Result<(), Problem> {
    let mut version = from;
    while version < to {
        let step = steps.iter().find(|s| s.from == version).ok_or_else(|| Problem::file(ProblemKind::CannotMigrate { from }))?;
        if let Some(transform) = step.transform {
            transform(envelope).map_err(|e| Problem::file(ProblemKind::Invalid(e)))?;
        }
        if let Some(records) = step.records {
            each_record(envelope, records)?;
        }
        version += 1;
        if let Some(obj) = envelope.as_object_mut() {
            obj.insert("schemaVersion".into(), Value::from(version));
        }
    }
    Ok(())
}

/// A record step over every record of a whole file's tree.
fn each_record(envelope: &mut Value, step: RecordTransform) -> Result<(), Problem> {
    let Some(plan) = envelope.get_mut("plan").and_then(Value::as_object_mut) else { return Ok(()) };
    for (key, list) in plan.iter_mut() {
        if !super::decode::COLLECTIONS.contains(&key.as_str()) {
            continue;
        }
        let Some(records) = list.as_array_mut() else { continue };
        for (i, record) in records.iter_mut().enumerate() {
            step(key, record).map_err(|e| Problem::at(format!("plan.{key}[{i}]"), ProblemKind::Invalid(e)))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_employee_count(v: &mut Value) -> Result<(), String> {
        let accounts = v.pointer_mut("/plan/accounts").and_then(Value::as_array_mut).ok_or("no accounts")?;
        for a in accounts {
            if let Some(obj) = a.as_object_mut() {
                if let Some(n) = obj.remove("employeeCount") {
                    obj.insert("employees".into(), n);
                }
            }
        }
        Ok(())
    }

    fn rename_headcount(collection: &str, record: &mut Value) -> Result<(), String> {
        if collection == "accounts" {
            if let Some(n) = record.as_object_mut().and_then(|o| o.remove("headcount")) {
                record.as_object_mut().ok_or("not an object")?.insert("employees".into(), n);
            }
        }
        Ok(())
    }

    #[test]
    fn a_whole_tree_runs_record_steps_on_every_record_of_their_list() {
        static STEPS_2_TO_3: [Step; 1] = [Step { from: 2, title: "t", description: "d", transform: None, records: Some(rename_headcount) }];
        let mut v = json!({"schemaVersion": 2, "plan": {"accounts": [{"headcount": 5}, {"name": "x"}], "contacts": [{"headcount": 1}]}});
        migrate_with(&mut v, 2, 3, &STEPS_2_TO_3).unwrap();
        assert_eq!(v, json!({"schemaVersion": 3, "plan": {"accounts": [{"employees": 5}, {"name": "x"}], "contacts": [{"headcount": 1}]}}));
    }

    fn add_currency(v: &mut Value) -> Result<(), String> {
        v.pointer_mut("/plan").and_then(Value::as_object_mut).ok_or("no plan")?.insert("currency".into(), json!("JPY"));
        Ok(())
    }

    fn step(from: u64, transform: Option<Transform>) -> Step {
        Step { from, title: "test", description: "test", transform, records: None }
    }

    #[test]
    fn runs_each_step_in_order_and_stamps_the_version() {
        let mut v = json!({"schemaVersion": 1, "plan": {"accounts": [{"employeeCount": 5}]}});
        migrate_with(&mut v, 1, 4, &[step(1, Some(rename_employee_count)), step(2, None), step(3, Some(add_currency))]).unwrap();
        assert_eq!(v, json!({"schemaVersion": 4, "plan": {"accounts": [{"employees": 5}], "currency": "JPY"}}));
    }

    #[test]
    fn a_gap_in_the_chain_is_a_clear_problem() {
        let mut v = json!({"schemaVersion": 0, "plan": {}});
        let p = migrate_with(&mut v, 0, 2, &[step(1, Some(add_currency))]).unwrap_err();
        assert_eq!(p.kind, ProblemKind::CannotMigrate { from: 0 });
    }

    #[test]
    fn only_steps_without_a_transform_keep_the_streaming_reader() {
        static STEPS_1_TO_4: [Step; 3] = [
            Step { from: 1, title: "t", description: "d", transform: None, records: None },
            Step { from: 2, title: "t", description: "d", transform: Some(add_currency), records: None },
            Step { from: 3, title: "t", description: "d", transform: None, records: Some(rename_headcount) },
        ];
        let c = Chain { steps: &STEPS_1_TO_4, to: 4 };
        assert!(c.reads_as_current(4));
        assert!(!c.reads_as_current(3) && c.streams(3), "a record step streams, but is not read typed as it is");
        assert!(!c.streams(2) && !c.streams(1), "a whole-file step does not stream");
        assert!(!c.streams(0), "no step from 0");
        assert_eq!(c.records(1).0.len(), 1);
        assert!(reads_as_current(1), "version 1 only lacks optional fields");
        for s in STEPS {
            assert!(!s.title.is_empty() && !s.description.is_empty());
        }
    }

    #[test]
    fn current_version_needs_no_step() {
        let mut v = json!({"schemaVersion": SCHEMA_VERSION});
        migrate(&mut v, SCHEMA_VERSION).unwrap();
    }
}
