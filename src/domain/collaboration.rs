//! Sales and marketing on the same page: the shared log of notes per account, the
//! hand-off status history, and customer feedback (NPS).

use super::ids::{AccountId, ContactId, HandoffId, MemberId, NoteId, NpsId};
use super::time::{Date, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountNote {
    pub id: NoteId,
    pub account: AccountId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<MemberId>,
    pub at: Timestamp,
    pub text: String,
}

/// A change of an account's hand-off status; the latest one is the current status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HandoffEvent {
    pub id: HandoffId,
    pub account: AccountId,
    pub stage: HandoffStage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<MemberId>,
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum HandoffStage {
    /// Marketing-qualified: marketing hands it to sales.
    MarketingQualified,
    /// Sales accepted it.
    SalesAccepted,
    /// Sales opened an opportunity.
    Opportunity,
    /// Sales handed it back to marketing for nurturing.
    Recycled,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NpsResponse {
    pub id: NpsId,
    pub account: AccountId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactId>,
    /// 0–10.
    pub score: u8,
    pub at: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}
