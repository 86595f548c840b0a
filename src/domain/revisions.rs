//! Who changed which field of a record, and when: what merging two copies of a
//! plan field by field needs (`plan_file::merge`), kept beside the records so
//! the records' own types stay as they are.
//!
//! A field edited in this app gets a [`Revision`]: when, by whom, and the
//! revisions it was made on top of. Two copies of a field that differ are then
//! told apart without a common ancestor copy of the plan: the one whose
//! revision was made on top of the other's is newer; when neither was, both
//! people changed it and the user chooses. Fields never edited by hand (as
//! created or imported) have no revision, so the table stays small: a plan of
//! 10,000 imported accounts holds none.

use super::sorting;
use super::time::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many earlier revisions a revision remembers: enough for a teammate's
/// file several edits behind to be recognised as behind, not as a conflict.
pub const HISTORY: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Revision {
    pub at: Timestamp,
    /// The name the editor gave in this browser (the Share page), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The revisions this one was made on top of, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Timestamp>,
}

impl Revision {
    /// True when this revision was made on top of `other` (or is it).
    pub fn includes(&self, other: &Revision) -> bool {
        self.at == other.at || self.after.contains(&other.at)
    }

    /// A new revision made on top of those given (an edit on top of the last
    /// one, or a merge's choice on top of both sides).
    pub fn on_top_of<'a>(at: Timestamp, by: &str, earlier: impl IntoIterator<Item = &'a Revision>) -> Revision {
        let mut after: Vec<Timestamp> = earlier.into_iter().flat_map(|r| std::iter::once(r.at).chain(r.after.iter().copied())).collect();
        sorting::sort_by(&mut after, |a, b| b.cmp(a));
        after.dedup();
        after.retain(|t| *t != at);
        after.truncate(HISTORY);
        Revision { at, by: by.to_string(), after }
    }
}

/// A record's key in the table: its collection's name in the plan file and its
/// id (`accounts/acc_1`); the plan's settings are `settings/icp`,
/// `settings/prioritisation` and `settings/rules`.
pub fn record_key(collection: &str, id: &str) -> String {
    format!("{collection}/{id}")
}

/// Field path (`name`, `overview.industry`) → its last revision.
pub type FieldRevisions = BTreeMap<String, Revision>;

/// Record key ([`record_key`]) → its fields' revisions.
pub type Revisions = BTreeMap<String, FieldRevisions>;

/// The settings as the records a merge compares: their key in the revisions
/// table (`settings/…`) and their JSON. The "Not duplicates" marks are left
/// out: a merge adds them rather than choosing between two lists.
pub fn settings_records(plan: &super::plan::Plan) -> [(&'static str, serde_json::Value); 3] {
    let rules = super::settings::PlanSettings { distinct_accounts: Vec::new(), ..plan.settings.clone() };
    [("settings/icp", to_json(&plan.icp)), ("settings/prioritisation", to_json(&plan.prioritisation)), ("settings/rules", to_json(&rules))]
}

/// A record as a JSON tree. Through the compact text the plan is stored as,
/// not `serde_json::to_value`: that would compile every record type's
/// serialisation once more into the Wasm (about 140 KB gzipped with
/// `from_value`, measured).
pub fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_vec(value).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
}

/// A record from a JSON tree ([`to_json`]'s reverse), through its text for the
/// same reason: the plan file's fast reader already reads every type from text.
pub fn from_json<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Option<T> {
    serde_json::from_slice(value.to_string().as_bytes()).ok()
}

/// Fields that are not merged field by field: the record's id, and the time of
/// its last change (which follows from the fields merged).
const NOT_FIELDS: [&str; 2] = ["id", "updatedAt"];

/// The paths of the fields that differ between two versions of a record, as
/// JSON objects: each top-level field (`name`), or for a field that is itself
/// an object (`overview`, `factorValues`) each of its fields
/// (`overview.industry`), so that two people who change different parts of it
/// both keep their change. In the order of the keys.
pub fn changed_fields(a: &serde_json::Value, b: &serde_json::Value) -> Vec<String> {
    use serde_json::Value;
    let empty = serde_json::Map::new();
    let (a, b) = (a.as_object().unwrap_or(&empty), b.as_object().unwrap_or(&empty));
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).filter(|k| !NOT_FIELDS.contains(&k.as_str())).collect();
    let mut out = Vec::new();
    for key in keys {
        let (x, y) = (a.get(key.as_str()), b.get(key.as_str()));
        if x == y {
            continue;
        }
        // An object on one side and nothing on the other (an empty map is left
        // out of the file) is compared field by field too.
        let either_object = matches!(x, Some(Value::Object(_))) || matches!(y, Some(Value::Object(_)));
        match (as_object(x, &empty), as_object(y, &empty)) {
            (Some(x), Some(y)) if either_object => {
                let inner: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                out.extend(inner.into_iter().filter(|k| x.get(k.as_str()) != y.get(k.as_str())).map(|k| format!("{key}.{k}")));
            }
            _ => out.push(key.clone()),
        }
    }
    out
}

/// An object's fields; nothing counts as no fields.
fn as_object<'a>(
    v: Option<&'a serde_json::Value>,
    empty: &'a serde_json::Map<String, serde_json::Value>,
) -> Option<&'a serde_json::Map<String, serde_json::Value>> {
    match v {
        None | Some(serde_json::Value::Null) => Some(empty),
        Some(serde_json::Value::Object(m)) => Some(m),
        _ => None,
    }
}

/// The value at a field path of [`changed_fields`]; `None` when absent.
pub fn field_value<'a>(record: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    match path.split_once('.') {
        Some((top, inner)) => record.get(top)?.get(inner),
        None => record.get(path),
    }
}

/// Sets (or, with `None`, removes) the value at a field path of [`changed_fields`].
pub fn set_field(record: &mut serde_json::Value, path: &str, value: Option<serde_json::Value>) {
    use serde_json::{Map, Value};
    let Some(object) = record.as_object_mut() else { return };
    let (slot, key) = match path.split_once('.') {
        Some((top, inner)) => {
            let outer = object.entry(top.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if !outer.is_object() {
                *outer = Value::Object(Map::new());
            }
            let Some(outer) = outer.as_object_mut() else { return };
            (outer, inner)
        }
        None => (object, path),
    };
    match value {
        Some(v) => {
            slot.insert(key.to_string(), v);
        }
        None => {
            slot.remove(key);
        }
    }
}
