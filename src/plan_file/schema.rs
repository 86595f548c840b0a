//! The JSON Schema of the plan file, generated from the Rust types so it cannot
//! drift from what the app reads and writes. The committed copy lives in
//! `docs/plan-file.schema.json`; a test keeps it current.

use super::envelope::{Envelope, SCHEMA_VERSION};

pub fn json_schema() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Envelope)).unwrap_or_default();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), format!("https://abm-planner.example/schema/plan-file-v{SCHEMA_VERSION}.json").into());
        obj.insert("title".into(), "ABM Planner plan file".into());
        obj.insert(
            "description".into(),
            format!(
                "A plan exported by ABM Planner (format \"abm-planner/plan\", schemaVersion {SCHEMA_VERSION}). \
                 Money is in major units of plan.currency with at most 2 decimals; dates are YYYY-MM-DD; \
                 instants are RFC 3339 in UTC."
            )
            .into(),
        );
    }
    schema
}
