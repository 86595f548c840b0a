//! The seller's own people: who owns an account on the marketing and sales side.

use super::ids::MemberId;
use super::serde_helpers::is_default;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Team {
    Marketing,
    Sales,
    #[default]
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamMember {
    pub id: MemberId,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub team: Team,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}
