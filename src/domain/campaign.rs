//! Campaigns and the content they use.

use super::channel::Channel;
use super::ids::{AccountId, CampaignId, ContentId, MemberId};
use super::money::Money;
use super::serde_helpers::is_default;
use super::time::{Date, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    pub channel: Channel,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Money::is_zero")]
    pub cost: Money,
    /// The accounts the campaign targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<AccountId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<MemberId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// A user-defined channel (for example 展示会 / trade shows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomChannel {
    pub id: super::ids::ChannelId,
    pub name: String,
}

/// A content asset: a white paper, a case study, a video; or content made for one
/// account (a dedicated landing page, material, an individual newsletter).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContentAsset {
    pub id: ContentId,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: ContentKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Set when the content was made for one account (personalised content).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ContentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ContentKind {
    Whitepaper,
    CaseStudy,
    Video,
    Webinar,
    LandingPage,
    WebPage,
    Material,
    Newsletter,
    Ebook,
    BlogPost,
    #[default]
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ContentStatus {
    Planned,
    InProgress,
    Ready,
    Published,
    Retired,
}
