//! Deals and orders: what was sold, to whom, when, and how it ended.

use super::ids::{AccountId, CampaignId, DealId, MemberId};
use super::money::Money;
use super::serde_helpers::is_default;
use super::time::{Date, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deal {
    pub id: DealId,
    pub account: AccountId,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: DealKind,
    pub amount: Money,
    pub created: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub stage: DealStage,
    #[serde(default, skip_serializing_if = "is_default")]
    pub outcome: Outcome,
    /// The product or service sold: counts "new products offered".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub product: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<MemberId>,
    /// The campaign that sourced the deal, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl Deal {
    /// An open new-business deal; set the rest with struct update syntax.
    pub fn new(id: DealId, account: AccountId, name: impl Into<String>, amount: Money, created: Date) -> Self {
        Deal {
            id,
            account,
            name: name.into(),
            kind: DealKind::default(),
            amount,
            created,
            closed: None,
            stage: DealStage::default(),
            outcome: Outcome::default(),
            product: String::new(),
            owner: None,
            campaign: None,
            notes: String::new(),
            updated_at: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DealKind {
    #[default]
    New,
    CrossSell,
    Upsell,
    Renewal,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DealStage {
    #[default]
    Qualification,
    Proposal,
    Negotiation,
    Closed,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    #[default]
    Open,
    Won,
    Lost,
}
