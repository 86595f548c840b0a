//! A target (or candidate) account: a company, its firmographics, the factor
//! values typed by hand, and who owns it on each side.

use super::ids::{AccountId, FactorId, FieldId, MemberId};
use super::money::Money;
use super::prioritisation::Tier;
use super::serde_helpers::is_default;
use super::time::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    pub id: AccountId,
    pub name: String,
    /// The company's web domain (`example.co.jp`): how the same company is
    /// recognised across files and tools.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub domain: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_revenue: Option<Money>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// Prefecture, state or region.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Whether the company buys from us already: a CRM's lifecycle stage or
    /// account type, read as one of a few statuses (format version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AccountStatus>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Values of the plan's custom fields, by field id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<FieldId, CustomValue>,
    /// Factor values typed by hand; they override derived values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub factors: BTreeMap<FactorId, f64>,
    /// Size of the next expected deal, when known; feeds the opportunity factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_deal_size: Option<Money>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub target: TargetChoice,
    /// Why the account was included or excluded by hand.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_note: String,
    /// A tier pinned by hand; without it the tier follows the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing_owner: Option<MemberId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_owner: Option<MemberId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Last change, used to tell which side is newer when plans are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl Account {
    pub fn new(id: AccountId, name: impl Into<String>) -> Self {
        Account {
            id,
            name: name.into(),
            domain: String::new(),
            industry: String::new(),
            employees: None,
            annual_revenue: None,
            country: String::new(),
            region: String::new(),
            city: String::new(),
            status: None,
            technologies: Vec::new(),
            tags: Vec::new(),
            custom: BTreeMap::new(),
            factors: BTreeMap::new(),
            expected_deal_size: None,
            target: TargetChoice::Auto,
            target_note: String::new(),
            tier: None,
            marketing_owner: None,
            sales_owner: None,
            notes: String::new(),
            updated_at: None,
        }
    }
}

/// Where a company stands with us, as CRMs record it (HubSpot's lifecycle
/// stage, Salesforce's account type, a spreadsheet's 顧客区分).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum AccountStatus {
    Prospect,
    Customer,
    FormerCustomer,
    Partner,
    Competitor,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 5] =
        [AccountStatus::Prospect, AccountStatus::Customer, AccountStatus::FormerCustomer, AccountStatus::Partner, AccountStatus::Competitor];

    /// The key used in files and in the UI's `<option>` values.
    pub fn key(self) -> &'static str {
        match self {
            AccountStatus::Prospect => "prospect",
            AccountStatus::Customer => "customer",
            AccountStatus::FormerCustomer => "formerCustomer",
            AccountStatus::Partner => "partner",
            AccountStatus::Competitor => "competitor",
        }
    }

    pub fn from_key(key: &str) -> Option<AccountStatus> {
        AccountStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Whether an account is in the target list by its ICP fit or by hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum TargetChoice {
    #[default]
    Auto,
    Include,
    Exclude,
}

/// The value of a custom field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CustomValue {
    Bool(bool),
    Number(f64),
    Text(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    #[default]
    Text,
    Number,
    Date,
    Choice,
    Flag,
}

/// A field the user adds to accounts (for example "ERP vendor").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomFieldDef {
    pub id: FieldId,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: FieldKind,
    /// The allowed values of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}
