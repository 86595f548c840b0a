//! The plan: everything one ABM programme holds. It is the unit that is saved,
//! exported, imported and merged.

use super::account::{Account, CustomFieldDef};
use super::account_plan::AccountPlan;
use super::activity::Activity;
use super::campaign::{Campaign, ContentAsset, CustomChannel};
use super::collaboration::{AccountNote, HandoffEvent, NpsResponse};
use super::contact::Contact;
use super::deal::Deal;
use super::goal::Goal;
use super::icp::IcpProfile;
use super::ids::{MemberId, PlanId};
use super::prioritisation::Prioritisation;
use super::serde_helpers::records;
use super::settings::PlanSettings;
use super::team::TeamMember;
use super::time::Timestamp;
use imbl::Vector;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Collections are persistent vectors: a copy of the plan (an undo step) shares
/// everything it did not change, so keeping a long history of a plan with
/// 200,000 activities costs little.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// ISO 4217 code of the currency all amounts are in.
    pub currency: Currency,
    /// Month (1–12) the fiscal year starts in; 4 (April) is common in Japan.
    pub fiscal_year_start_month: u8,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<TeamMember>")]
    pub team: Vector<TeamMember>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Goal>")]
    pub goals: Vector<Goal>,
    #[serde(default)]
    pub icp: IcpProfile,
    #[serde(default)]
    pub prioritisation: Prioritisation,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<CustomFieldDef>")]
    pub custom_fields: Vector<CustomFieldDef>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<CustomChannel>")]
    pub custom_channels: Vector<CustomChannel>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Account>")]
    pub accounts: Vector<Account>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Contact>")]
    pub contacts: Vector<Contact>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Deal>")]
    pub deals: Vector<Deal>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Campaign>")]
    pub campaigns: Vector<Campaign>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<ContentAsset>")]
    pub content: Vector<ContentAsset>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<Activity>")]
    pub activities: Vector<Activity>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<AccountPlan>")]
    pub account_plans: Vector<AccountPlan>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<NpsResponse>")]
    pub nps_responses: Vector<NpsResponse>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<AccountNote>")]
    pub notes: Vector<AccountNote>,
    #[serde(default, skip_serializing_if = "Vector::is_empty", deserialize_with = "records")]
    #[schemars(with = "Vec<HandoffEvent>")]
    pub handoffs: Vector<HandoffEvent>,
    #[serde(default)]
    pub settings: PlanSettings,
}

impl Plan {
    /// The team member with this id, if the plan has one.
    pub fn member(&self, id: &MemberId) -> Option<&TeamMember> {
        self.team.iter().find(|m| &m.id == id)
    }

    /// An empty plan with the method's defaults.
    pub fn new(id: PlanId, name: impl Into<String>, now: Timestamp) -> Plan {
        Plan {
            id,
            name: name.into(),
            created_at: now,
            updated_at: now,
            currency: Currency::default(),
            fiscal_year_start_month: 4,
            team: Vector::new(),
            goals: Vector::new(),
            icp: IcpProfile::default(),
            prioritisation: Prioritisation::default(),
            custom_fields: Vector::new(),
            custom_channels: Vector::new(),
            accounts: Vector::new(),
            contacts: Vector::new(),
            deals: Vector::new(),
            campaigns: Vector::new(),
            content: Vector::new(),
            activities: Vector::new(),
            account_plans: Vector::new(),
            nps_responses: Vector::new(),
            notes: Vector::new(),
            handoffs: Vector::new(),
            settings: PlanSettings::default(),
        }
    }

    /// How many records the plan holds, for lists and summaries.
    pub fn counts(&self) -> PlanCounts {
        PlanCounts {
            accounts: self.accounts.len(),
            contacts: self.contacts.len(),
            deals: self.deals.len(),
            campaigns: self.campaigns.len(),
            activities: self.activities.len(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanCounts {
    pub accounts: usize,
    pub contacts: usize,
    pub deals: usize,
    pub campaigns: usize,
    pub activities: usize,
}

/// An ISO 4217 currency code such as `JPY` or `USD`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "String", into = "String")]
#[schemars(with = "String")]
pub struct Currency(String);

impl Currency {
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Currencies shown without decimals.
    pub fn has_no_decimals(&self) -> bool {
        matches!(self.0.as_str(), "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "TWD" | "HUF")
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency("JPY".into())
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Currency, String> {
        if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Currency(s))
        } else {
            Err(format!("a currency is a 3-letter code such as JPY or USD, not {s:?}"))
        }
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}
