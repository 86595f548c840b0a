//! Migrations: each step carries a file of one format version to the next. A
//! file of any older version is carried step by step to the current one.
//!
//! A step that only adds optional fields changes no file: an older file is
//! already a valid file of the newer version, so it keeps the streaming reader
//! (a record at a time; a 100 MB file is never held as one JSON tree). Only a
//! step that must rewrite what is there has a `transform`, which runs on the
//! parsed tree of the whole file before the plan is read.

use super::envelope::SCHEMA_VERSION;
use super::problems::{Problem, ProblemKind};
use serde_json::Value;

/// Rewrites a version-`from` envelope's tree into a version-`from + 1` one.
pub type Transform = fn(&mut Value) -> Result<(), String>;

/// One step of the chain, from version `from` to `from + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub from: u64,
    /// What changed, for the docs and for whoever reads the chain.
    pub title: &'static str,
    pub description: &'static str,
    /// `None`: the step only adds optional fields (see the module's notes).
    pub transform: Option<Transform>,
}

/// The chain, in order.
pub const STEPS: &[Step] = &[Step {
    from: 1,
    title: "Accounts gain a city and a customer status",
    description: "Optional `city` (text) and `status` (prospect, customer, formerCustomer, partner, competitor) on \
                  accounts, read from CRM exports. Version 1 files have neither and need no change.",
    transform: None,
}];

/// Whether a file of `version` reads as the current version as it is, with no
/// step rewriting it: it then keeps the streaming reader.
pub fn reads_as_current(version: u64) -> bool {
    reads_as_current_with(version, SCHEMA_VERSION, STEPS)
}

fn reads_as_current_with(version: u64, to: u64, steps: &[Step]) -> bool {
    (version..to).all(|v| steps.iter().any(|s| s.from == v && s.transform.is_none()))
}

pub fn migrate(envelope: &mut Value, from: u64) -> Result<(), Problem> {
    migrate_with(envelope, from, SCHEMA_VERSION, STEPS)
}

pub fn migrate_with(envelope: &mut Value, from: u64, to: u64, steps: &[Step]) -> Result<(), Problem> {
    let mut version = from;
    while version < to {
        let step = steps.iter().find(|s| s.from == version).ok_or_else(|| Problem::file(ProblemKind::CannotMigrate { from }))?;
        if let Some(transform) = step.transform {
            transform(envelope).map_err(|e| Problem::file(ProblemKind::Invalid(e)))?;
        }
        version += 1;
        if let Some(obj) = envelope.as_object_mut() {
            obj.insert("schemaVersion".into(), Value::from(version));
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

    fn add_currency(v: &mut Value) -> Result<(), String> {
        v.pointer_mut("/plan").and_then(Value::as_object_mut).ok_or("no plan")?.insert("currency".into(), json!("JPY"));
        Ok(())
    }

    fn step(from: u64, transform: Option<Transform>) -> Step {
        Step { from, title: "test", description: "test", transform }
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
        let steps = [step(1, None), step(2, Some(add_currency)), step(3, None)];
        assert!(reads_as_current_with(3, 4, &steps));
        assert!(reads_as_current_with(4, 4, &steps));
        assert!(!reads_as_current_with(2, 4, &steps));
        assert!(!reads_as_current_with(1, 4, &steps));
        assert!(!reads_as_current_with(0, 4, &steps), "no step from 0");
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
