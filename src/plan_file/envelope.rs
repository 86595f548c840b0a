//! The file envelope: what kind of file this is, which version of the format, which
//! app wrote it and when, around the plan itself. Local storage keeps plans in the
//! same envelope, so one reader serves files and storage.

use crate::domain::{Plan, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Names the kind of file, so that other JSON files are told apart.
pub const FORMAT: &str = "abm-planner/plan";

/// Version of the plan's shape. It increases whenever the shape changes; readers
/// migrate older versions and refuse newer ones.
pub const SCHEMA_VERSION: u64 = 2;

/// Version of the app that wrote the file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope<P = Plan> {
    /// Always `abm-planner/plan`.
    pub format: String,
    pub schema_version: u64,
    pub app_version: String,
    pub exported_at: Timestamp,
    pub plan: P,
}

impl<'a> Envelope<&'a Plan> {
    pub fn new(plan: &'a Plan, exported_at: Timestamp) -> Self {
        Envelope { format: FORMAT.to_string(), schema_version: SCHEMA_VERSION, app_version: APP_VERSION.to_string(), exported_at, plan }
    }
}

/// The keys an envelope may have.
pub const ENVELOPE_KEYS: [&str; 5] = ["format", "schemaVersion", "appVersion", "exportedAt", "plan"];
