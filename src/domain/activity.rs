//! Activities: every touch between an account and the seller, the raw material of
//! engagement, journey stages and attribution.

use super::ids::{AccountId, ActivityId, CampaignId, ContactId, ContentId};
use super::time::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Activity {
    pub id: ActivityId,
    pub account: AccountId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactId>,
    pub kind: ActivityKind,
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<ContentId>,
    /// How many times this happened, for activities recorded in bulk (ad
    /// impressions); absent means once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Share of a video watched, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ActivityKind {
    EmailSent,
    EmailOpened,
    EmailClicked,
    WebVisit,
    ContentDownload,
    VideoView,
    WebinarRegistered,
    WebinarAttended,
    EventAttended,
    Meeting,
    Call,
    SocialEngagement,
    AdImpression,
    AdClick,
    FormSubmitted,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 15] = [
        ActivityKind::EmailSent,
        ActivityKind::EmailOpened,
        ActivityKind::EmailClicked,
        ActivityKind::WebVisit,
        ActivityKind::ContentDownload,
        ActivityKind::VideoView,
        ActivityKind::WebinarRegistered,
        ActivityKind::WebinarAttended,
        ActivityKind::EventAttended,
        ActivityKind::Meeting,
        ActivityKind::Call,
        ActivityKind::SocialEngagement,
        ActivityKind::AdImpression,
        ActivityKind::AdClick,
        ActivityKind::FormSubmitted,
    ];
}
