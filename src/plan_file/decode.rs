//! Reading a plan from parsed JSON while collecting every problem, not only the
//! first. Each record (an account, an activity...) is read on its own; when a field
//! is wrong the problem is recorded with its JSON path, the field is set aside and
//! the record is read again, until it reads or cannot be saved.
//!
//! In strict mode (importing a file) any problem refuses the import, and the user
//! gets the full list. In repair mode (reading local storage, or "import the rest")
//! broken values and records are left out and reported as warnings.

use super::fault::{self, Segment};
use super::problems::{Expected, Location, Problem, ProblemKind, Severity};
use crate::domain::*;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Repair,
}

/// The plan's top-level collections, in file order.
pub const COLLECTIONS: [&str; 14] = [
    "team",
    "goals",
    "customFields",
    "customChannels",
    "accounts",
    "contacts",
    "deals",
    "campaigns",
    "content",
    "activities",
    "accountPlans",
    "npsResponses",
    "notes",
    "handoffs",
];

/// For each top-level collection, the index in the file of each record kept, so
/// later checks report the file's own positions.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    by_collection: HashMap<&'static str, Vec<usize>>,
}

impl Origins {
    pub fn path(&self, collection: &str, kept_index: usize) -> String {
        let i = self.by_collection.get(collection).and_then(|v| v.get(kept_index)).copied().unwrap_or(kept_index);
        format!("plan.{collection}[{i}]")
    }

    /// Records the file positions of the records kept from `collection`.
    pub fn insert(&mut self, collection: &'static str, positions: Vec<usize>) {
        self.by_collection.insert(collection, positions);
    }

    /// Positions match the plan's own (a plan that was not read from a file).
    pub fn identity() -> Origins {
        Origins::default()
    }
}

pub struct Decoded {
    pub plan: Plan,
    pub origins: Origins,
}

/// A record's name or title, to tell the user which one a problem is about.
pub fn subject_of(v: &Value) -> Option<String> {
    ["name", "title", "text"].iter().find_map(|k| v.get(k).and_then(Value::as_str)).map(|s| s.chars().take(80).collect())
}

/// Most removals tried on one record before giving up on it.
const MAX_ATTEMPTS: usize = 64;

/// Reads `value` as a `T`, recording each problem and setting aside the value at
/// fault, until it reads or a required part is missing.
pub fn decode_value<T: DeserializeOwned>(mut value: Value, base: &str, subject: Option<String>, mode: Mode, problems: &mut Vec<Problem>) -> Option<T> {
    let mut removed: Vec<String> = Vec::new();
    let mut shifts: HashMap<String, usize> = HashMap::new();
    for _ in 0..MAX_ATTEMPTS {
        let error = match fault::read::<T>(&value) {
            Ok(t) => return Some(t),
            Err(e) => e,
        };
        let segments = error.path;
        let kind = classify_data_error(&error.message);
        let here = join_path(&segments, &shifts);
        if let ProblemKind::MissingField(field) = &kind {
            if removed.contains(&child(&here, field)) {
                // Missing only because we set its broken value aside, which was
                // reported: drop the list element holding it and read on.
                if drop_enclosing_element(&mut value, &segments, &mut shifts) {
                    continue;
                }
                return None;
            }
        }
        // serde reports a missing field at its object: name the field in the path.
        let reported = match &kind {
            ProblemKind::MissingField(field) => child(&here, field),
            _ => here.clone(),
        };
        problems.push(problem(mode, Location::Path(full(base, &reported)), kind.clone()).with_subject(subject.clone()));
        let removable = match &kind {
            ProblemKind::MissingField(_) => false,
            _ => remove_at(&mut value, &segments, &mut shifts),
        };
        if !removable {
            return None;
        }
        removed.push(reported);
    }
    None
}

pub fn problem(mode: Mode, location: Location, kind: ProblemKind) -> Problem {
    let severity = match mode {
        Mode::Strict => Severity::Error,
        Mode::Repair => Severity::Warning,
    };
    Problem { severity, location, subject: None, kind }
}

fn full(base: &str, relative: &str) -> String {
    match relative {
        "" => base.to_string(),
        r if r.starts_with('[') => format!("{base}{r}"),
        r => format!("{base}.{r}"),
    }
}

fn child(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Path text in the file's own positions: indices in arrays that lost elements
/// earlier are moved back by the number of elements removed before them.
fn join_path(segments: &[Segment], shifts: &HashMap<String, usize>) -> String {
    let mut out = String::new();
    for seg in segments {
        match seg {
            Segment::Seq { index } => {
                let shift = shifts.get(&out).copied().unwrap_or(0);
                out.push_str(&format!("[{}]", index + shift));
            }
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
        }
    }
    out
}

fn node_mut<'a>(value: &'a mut Value, segments: &[Segment]) -> Option<&'a mut Value> {
    let mut node = value;
    for seg in segments {
        node = match seg {
            Segment::Seq { index } => node.get_mut(*index)?,
            Segment::Map { key } => node.get_mut(key.as_str())?,
        };
    }
    Some(node)
}

/// Removes the innermost list element on `segments`' way, if there is one.
fn drop_enclosing_element(value: &mut Value, segments: &[Segment], shifts: &mut HashMap<String, usize>) -> bool {
    // A field's revision (`plan.revisions.<record>.<field>`) is an entry of a
    // map, not of a list: leaving it out loses only what a merge knows of
    // that field's history.
    if let [Segment::Map { key }, _, _, ..] = segments {
        if key == "revisions" {
            return remove_at(value, &segments[..3], shifts);
        }
    }
    match segments.iter().rposition(|s| matches!(s, Segment::Seq { .. })) {
        Some(i) => remove_at(value, &segments[..=i], shifts),
        None => false,
    }
}

fn remove_at(value: &mut Value, segments: &[Segment], shifts: &mut HashMap<String, usize>) -> bool {
    let Some((last, parent)) = segments.split_last() else {
        return false;
    };
    let parent_path = join_path(parent, shifts);
    match (last, node_mut(value, parent)) {
        (Segment::Map { key }, Some(Value::Object(map))) => map.shift_remove(key).is_some(),
        (Segment::Seq { index }, Some(Value::Array(items))) if *index < items.len() => {
            items.remove(*index);
            *shifts.entry(parent_path).or_insert(0) += 1;
            true
        }
        _ => false,
    }
}

pub fn wrong_type(expected: Expected, got: &Value) -> ProblemKind {
    ProblemKind::WrongType { expected, got: describe_value(got) }
}

/// A short, language-neutral rendering of a value: JSON for scalars.
pub fn describe_value(v: &Value) -> String {
    match v {
        Value::Array(_) => "[…]".into(),
        Value::Object(_) => "{…}".into(),
        Value::String(s) if s.chars().count() > 40 => {
            format!("{:?}", format!("{}…", s.chars().take(40).collect::<String>()))
        }
        other => other.to_string(),
    }
}

/// Turns serde's wording ("invalid type: string \"many\", expected u32") into a
/// [`ProblemKind`] the UI can word in the user's language.
pub fn classify_data_error(message: &str) -> ProblemKind {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            return ProblemKind::WrongType { expected: expected_of(expected), got: got_of(got) };
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            let got = got_of(got);
            if let Some(max) = integer_max(expected) {
                return ProblemKind::OutOfRange { got, min: "0".into(), max: max.into() };
            }
            return ProblemKind::WrongType { expected: expected_of(expected), got };
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return ProblemKind::MissingField(unquote(field).to_string());
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split_once(", ").map_or(rest, |(f, _)| f);
        return ProblemKind::UnknownField { field: unquote(field).to_string() };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (got, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ").split([',', ' ']).filter(|s| s.starts_with('`')).map(|s| unquote(s).to_string()).collect();
        return ProblemKind::UnknownOption { got: unquote(got).to_string(), allowed };
    }
    if message.starts_with("data did not match any variant of untagged enum") {
        return ProblemKind::WrongType { expected: Expected::Other("text, a number or true/false".into()), got: "?".into() };
    }
    ProblemKind::Invalid(message.to_string())
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches('`')
}

fn expected_of(e: &str) -> Expected {
    match e {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => Expected::WholeNumber,
        "f32" | "f64" => Expected::Number,
        "a string" | "string" => Expected::Text,
        "a boolean" => Expected::TrueFalse,
        "a sequence" => Expected::List,
        "a map" => Expected::Object,
        "a date like 2026-04-01" => Expected::Date,
        "a date and time like 2026-04-01T09:30:00Z" => Expected::DateTime,
        "an amount of money" => Expected::Money,
        e if e.starts_with("struct ") || e.starts_with("internally tagged enum") => Expected::Object,
        e if e.starts_with("enum ") || e.starts_with("variant identifier") => Expected::Text,
        other => Expected::Other(other.to_string()),
    }
}

fn integer_max(expected: &str) -> Option<&'static str> {
    match expected {
        "u8" => Some("255"),
        "u16" => Some("65535"),
        "u32" => Some("4294967295"),
        "u64" | "usize" => Some("18446744073709551615"),
        _ => None,
    }
}

fn got_of(g: &str) -> String {
    if let Some(s) = g.strip_prefix("string ") {
        return s.to_string();
    }
    for prefix in ["integer ", "floating point ", "boolean ", "character "] {
        if let Some(s) = g.strip_prefix(prefix) {
            return unquote(s).to_string();
        }
    }
    match g {
        "sequence" => "[…]".into(),
        "map" => "{…}".into(),
        "unit value" | "null" => "null".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn collections_are_the_domain_collections_in_order() {
        assert_eq!(COLLECTIONS, crate::domain::Collection::ALL.map(crate::domain::Collection::key));
    }

    fn strict<T: DeserializeOwned>(v: Value) -> (Option<T>, Vec<String>) {
        let mut problems = Vec::new();
        let t = decode_value::<T>(v, "plan.accounts[3]", None, Mode::Strict, &mut problems);
        (t, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reports_every_broken_field_of_a_record() {
        let (account, problems) = strict::<Account>(json!({
            "id": "acc_1", "name": "A", "employees": "many", "annualRevenue": "lots", "tags": ["x", 5, "y", true]
        }));
        assert!(account.is_some(), "optional fields set aside, the rest reads");
        assert_eq!(
            problems,
            vec![
                "plan.accounts[3].employees: expected a whole number, got \"many\"",
                "plan.accounts[3].annualRevenue: expected an amount of money, got \"lots\"",
                "plan.accounts[3].tags[1]: expected text, got 5",
                "plan.accounts[3].tags[3]: expected text, got true",
            ]
        );
    }

    #[test]
    fn a_broken_required_field_is_reported_once() {
        let (account, problems) = strict::<Account>(json!({"id": "acc_1", "name": 42}));
        assert!(account.is_none());
        assert_eq!(problems, vec!["plan.accounts[3].name: expected text, got 42"]);
        let (_, problems) = strict::<Account>(json!({"id": "acc_1"}));
        assert_eq!(problems, vec!["plan.accounts[3].name: \"name\" is missing"]);
    }

    #[test]
    fn unknown_fields_and_options_are_named() {
        let (_, problems) = strict::<Contact>(json!({
            "id": "c", "account": "a", "name": "N", "role": "boss", "titel": "CEO"
        }));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("plan.accounts[3].role: \"boss\" is not one of the allowed values (decisionMaker, budgetHolder"), "{}", problems[0]);
        assert_eq!(problems[1], "plan.accounts[3].titel: \"titel\" is not a field ABM Planner knows");
    }

    #[test]
    fn out_of_range_integers_and_bad_dates() {
        let (_, problems) = strict::<Contact>(json!({
            "id": "c", "account": "a", "name": "N", "relationship": 300, "lastContact": "2026-02-30"
        }));
        assert_eq!(
            problems,
            vec![
                "plan.accounts[3].relationship: 300 is out of range (0–255)",
                "plan.accounts[3].lastContact: expected a date like 2026-04-01, got \"2026-02-30\"",
            ]
        );
    }

    #[test]
    fn nested_tagged_enums_report_paths() {
        let mut problems = Vec::new();
        let icp: Option<IcpProfile> = decode_value(
            json!({"criteria": [{"id": "c1", "weight": 1, "rule": {"kind": "employees", "min": "big"}}]}),
            "plan.icp",
            None,
            Mode::Strict,
            &mut problems,
        );
        // The broken criterion is left out, the profile reads, and the problem is
        // reported once, at the rule.
        assert_eq!(icp.map(|p| p.criteria.len()), Some(0));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].to_string(), "plan.icp.criteria[0].rule: expected a whole number, got \"big\"");
    }

    #[test]
    fn repair_mode_turns_problems_into_warnings() {
        let mut problems = Vec::new();
        let a: Option<Account> = decode_value(json!({"id": "a", "name": "A", "employees": -5}), "p", None, Mode::Repair, &mut problems);
        assert_eq!(a.unwrap().employees, None);
        assert_eq!(problems[0].severity, Severity::Warning);
    }
}
