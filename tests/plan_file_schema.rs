//! The committed JSON Schema and example files stay true to the code.
//! After a deliberate change of the format, refresh them with
//! `UPDATE_EXPECT=1 cargo test --test plan_file_schema`.

use abm_planner::demo::demo_plan;
use abm_planner::domain::{Date, PlanId};
use abm_planner::plan_file::{read_plan_text, schema::json_schema, to_file_text, Mode};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `actual` with a committed file, or rewrites it when asked to.
fn expect_file(path: &str, actual: &str) {
    let file = root().join(path);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, actual).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(committed == actual, "{path} is out of date; if the change is intended, run UPDATE_EXPECT=1 cargo test --test plan_file_schema");
}

fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&json_schema()).unwrap();
    s.push('\n');
    s
}

/// The demo plan for a fixed day, as shipped in docs/examples.
fn demo_text() -> String {
    let day = Date::from_ymd(2026, 11, 23).unwrap();
    to_file_text(&demo_plan(PlanId("plan_demo".into()), day, day.at(0, 0)), day.at(0, 0))
}

#[test]
fn committed_schema_is_current() {
    expect_file("docs/plan-file.schema.json", &schema_text());
}

#[test]
fn committed_demo_example_is_current() {
    expect_file("docs/examples/demo-plan.abm.json", &demo_text());
}

#[test]
fn examples_validate_against_the_schema_and_import() {
    let schema = json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    for example in ["docs/examples/demo-plan.abm.json", "docs/examples/minimal-plan.abm.json"] {
        let text = std::fs::read_to_string(root().join(example)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{example}: {errors:#?}");
        let read = read_plan_text(&text, Mode::Strict).unwrap_or_else(|p| panic!("{example}: {p:#?}"));
        assert!(read.warnings.is_empty(), "{example}: {:?}", read.warnings);
    }
}

#[test]
fn the_schema_rejects_what_the_reader_rejects() {
    let validator = jsonschema::validator_for(&json_schema()).unwrap();
    let text = std::fs::read_to_string(root().join("docs/examples/minimal-plan.abm.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["plan"]["accounts"][0]["employees"] = "many".into();
    assert!(!validator.is_valid(&value));
    assert!(read_plan_text(&value.to_string(), Mode::Strict).is_err());
}
