//! Migrations: each step turns a file of one format version into the next, on the
//! parsed JSON, before the plan is read. A file of any older version is carried
//! step by step to the current one.
//!
//! Version 1 is the first published format, so the chain is empty for now; the
//! runner is tested with a chain of its own.

use super::envelope::SCHEMA_VERSION;
use super::problems::{Problem, ProblemKind};
use serde_json::Value;

/// Turns a version-`from` envelope into a version-`from + 1` one.
pub type Step = fn(&mut Value) -> Result<(), String>;

/// `(from_version, step)`, in order.
pub const STEPS: &[(u64, Step)] = &[];

pub fn migrate(envelope: &mut Value, from: u64) -> Result<(), Problem> {
    migrate_with(envelope, from, SCHEMA_VERSION, STEPS)
}

pub fn migrate_with(envelope: &mut Value, from: u64, to: u64, steps: &[(u64, Step)]) -> Result<(), Problem> {
    let mut version = from;
    while version < to {
        let step = steps
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, s)| *s)
            .ok_or_else(|| Problem::file(ProblemKind::CannotMigrate { from }))?;
        step(envelope).map_err(|e| Problem::file(ProblemKind::Invalid(e)))?;
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

    #[test]
    fn runs_each_step_in_order_and_stamps_the_version() {
        let mut v = json!({"schemaVersion": 1, "plan": {"accounts": [{"employeeCount": 5}]}});
        migrate_with(&mut v, 1, 3, &[(1, rename_employee_count), (2, add_currency)]).unwrap();
        assert_eq!(v, json!({"schemaVersion": 3, "plan": {"accounts": [{"employees": 5}], "currency": "JPY"}}));
    }

    #[test]
    fn a_gap_in_the_chain_is_a_clear_problem() {
        let mut v = json!({"schemaVersion": 0, "plan": {}});
        let p = migrate_with(&mut v, 0, 2, &[(1, add_currency)]).unwrap_err();
        assert_eq!(p.kind, ProblemKind::CannotMigrate { from: 0 });
    }

    #[test]
    fn current_version_needs_no_step() {
        let mut v = json!({"schemaVersion": SCHEMA_VERSION});
        migrate(&mut v, SCHEMA_VERSION).unwrap();
    }
}
