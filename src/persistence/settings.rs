//! Per-browser settings: the language chosen and the plan last open.

use super::keys::SETTINGS;
use super::plan_store::{Finding, PlanStore};
use super::store::KeyValueStore;
use crate::domain::{PlanId, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppSettings {
    /// `en` or `ja`; absent means "follow the browser".
    pub language: Option<String>,
    pub current_plan: Option<PlanId>,
    /// The dashboard's period as last chosen here (`90`, `quarter`,
    /// `2026-01-01/2026-03-31`…); the dashboard reads what it understands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dashboard_period: Option<String>,
    /// The name this browser's edits are signed with (field revisions), so a
    /// teammate merging a file sees who changed what.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl<S: KeyValueStore> PlanStore<S> {
    /// Reads the settings; unreadable settings are kept as a backup and replaced by
    /// defaults.
    pub fn load_settings(&mut self, now: Timestamp) -> (AppSettings, Option<Finding>) {
        match self.store.get(SETTINGS) {
            Ok(Some(text)) => match serde_json::from_slice(text.as_bytes()) {
                Ok(s) => (s, None),
                Err(_) => {
                    let finding = self.quarantine(SETTINGS, &text, now);
                    (AppSettings::default(), Some(finding))
                }
            },
            _ => (AppSettings::default(), None),
        }
    }

    pub fn save_settings(&mut self, settings: &AppSettings) -> Result<(), super::store::StoreError> {
        let text = serde_json::to_string(settings).unwrap_or_default();
        self.store.set(SETTINGS, &text)
    }
}
