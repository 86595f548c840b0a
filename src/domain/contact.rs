//! Contacts and stakeholders at an account: who decides, who pays, who resists.

use super::ids::{AccountId, ContactId, PersonaId};
use super::time::{Date, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contact {
    pub id: ContactId,
    pub account: AccountId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// The contact's manager, at the same account: draws the org chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<ContactId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Strength of our relationship with this person, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<PersonaId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl Contact {
    /// A resister: by buying role, or by a stance against us. Flagged in the
    /// org chart and listed by name in the workbook.
    pub fn resists(&self) -> bool {
        self.role == Some(BuyingRole::Resister) || self.stance == Some(Stance::Opponent)
    }

    /// A person at an account, with nothing else known yet.
    pub fn new(id: ContactId, account: AccountId, name: impl Into<String>) -> Self {
        Contact {
            id,
            account,
            name: name.into(),
            title: String::new(),
            department: String::new(),
            email: String::new(),
            phone: String::new(),
            reports_to: None,
            role: None,
            stance: None,
            relationship: None,
            last_contact: None,
            persona: None,
            notes: String::new(),
            updated_at: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum BuyingRole {
    DecisionMaker,
    BudgetHolder,
    Influencer,
    Champion,
    User,
    Gatekeeper,
    Resister,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 7] = [
        BuyingRole::DecisionMaker,
        BuyingRole::BudgetHolder,
        BuyingRole::Influencer,
        BuyingRole::Champion,
        BuyingRole::User,
        BuyingRole::Gatekeeper,
        BuyingRole::Resister,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Stance {
    Supporter,
    Neutral,
    Opponent,
}

/// Highest relationship strength.
pub const MAX_RELATIONSHIP: u8 = 10;
