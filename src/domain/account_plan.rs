//! The account plan written for each target account: overview, goals, marketing
//! plan and sales strategy, KPIs, the execution plan and the channel mix.
//! Personalised content lives in [`super::campaign::ContentAsset`] with `account` set.

use super::channel::Channel;
use super::goal::Goal;
use super::ids::{AccountId, AccountPlanId, ActionId, ActivityId, ContentId, MemberId, RuleId};
use super::serde_helpers::is_default;
use super::time::{Date, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountPlan {
    pub id: AccountPlanId,
    pub account: AccountId,
    #[serde(default, skip_serializing_if = "is_default")]
    pub overview: Overview,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marketing_plan: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sales_strategy: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Goal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The channel mix chosen for this account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// What we know of the customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Overview {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub challenges: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub needs: String,
}

/// One step of the execution plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Action {
    pub id: ActionId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<MemberId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentId>,
    /// The next-best-action rule that suggested it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
    /// The activity that prompted the suggestion (a download, a webinar), so the
    /// same activity is not suggested again once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<ActivityId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Action {
    /// A planned step with only its title: the rest is filled in later.
    pub fn new(id: ActionId, title: impl Into<String>) -> Self {
        Action {
            id,
            title: title.into(),
            channel: None,
            owner: None,
            start: None,
            due: None,
            status: ActionStatus::Planned,
            content: Vec::new(),
            rule: None,
            trigger: None,
            notes: String::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Cancelled,
}

impl ActionStatus {
    /// Still to be done: planned or under way (it can be overdue, and be next).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}
