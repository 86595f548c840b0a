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
use super::revisions::Revisions;
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
    /// Who changed which field of which record, and when (`revisions`): what a
    /// field-by-field merge of two copies of the plan goes by.
    #[serde(default, skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
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
            revisions: Revisions::new(),
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

/// Currencies offered when a plan is created, most used by this app's users first.
pub const COMMON_CURRENCIES: [&str; 16] = ["JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "HKD", "SGD", "THB", "INR", "AUD", "CAD", "CHF", "SEK", "NZD"];

impl Currency {
    /// The currency of a browser language tag's region (`ja-JP` → JPY,
    /// `en-GB` → GBP, `de-AT` → EUR); a tag without a region goes by its
    /// language (`ja` → JPY, `en` → USD). Anything else: USD.
    pub fn for_locale(tag: &str) -> Currency {
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())).map(|r| r.to_ascii_uppercase());
        const EURO: [&str; 20] = ["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"];
        let code = match region.as_deref() {
            Some("JP") => "JPY",
            Some("US") => "USD",
            Some("GB") => "GBP",
            Some("CN") => "CNY",
            Some("KR") => "KRW",
            Some("TW") => "TWD",
            Some("HK") => "HKD",
            Some("SG") => "SGD",
            Some("TH") => "THB",
            Some("IN") => "INR",
            Some("AU") => "AUD",
            Some("CA") => "CAD",
            Some("CH") => "CHF",
            Some("SE") => "SEK",
            Some("NZ") => "NZD",
            Some(r) if EURO.contains(&r) => "EUR",
            _ => match language.as_str() {
                "ja" => "JPY",
                "zh" => "CNY",
                "ko" => "KRW",
                "de" | "fr" | "it" | "es" | "nl" | "pt" | "fi" => "EUR",
                _ => "USD",
            },
        };
        Currency(code.to_string())
    }

    /// The month a fiscal year usually starts in where this currency is used:
    /// April in Japan, India and (often) the UK, July in Australia and New
    /// Zealand, January elsewhere.
    pub fn usual_fiscal_start(&self) -> u8 {
        match self.0.as_str() {
            "JPY" | "INR" | "GBP" => 4,
            "AUD" | "NZD" => 7,
            _ => 1,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_gets_the_currency_of_the_browser_locale() {
        for (tag, code, month) in [
            ("ja-JP", "JPY", 4),
            ("ja", "JPY", 4),
            ("en-US", "USD", 1),
            ("en", "USD", 1),
            ("en-GB", "GBP", 4),
            ("de-AT", "EUR", 1),
            ("fr", "EUR", 1),
            ("en-AU", "AUD", 7),
            ("zh-Hant-TW", "TWD", 1),
            ("", "USD", 1),
        ] {
            let c = Currency::for_locale(tag);
            assert_eq!((c.code(), c.usual_fiscal_start()), (code, month), "{tag}");
            assert!(COMMON_CURRENCIES.contains(&c.code()));
        }
    }
}
