//! The Ideal Customer Profile: weighted criteria on firmographics, the personas of
//! the ideal buyer, and how accounts are selected into the target list.

use super::ids::{CriterionId, FieldId, PersonaId};
use super::money::Money;
use super::serde_helpers::is_default;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IcpProfile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<IcpCriterion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Persona>,
    /// Accounts whose fit (0–100 %) reaches this are in the target list, unless
    /// included or excluded by hand.
    #[serde(default = "default_fit_threshold")]
    pub fit_threshold: f64,
    /// A value outside a range by at most this share of the range's bound still
    /// earns partial credit, falling linearly from full to none (percent).
    #[serde(default = "default_near_miss")]
    pub near_miss_percent: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub unknown_values: UnknownPolicy,
}

fn default_fit_threshold() -> f64 {
    60.0
}

fn default_near_miss() -> f64 {
    25.0
}

impl Default for IcpProfile {
    fn default() -> Self {
        IcpProfile {
            criteria: Vec::new(),
            personas: Vec::new(),
            fit_threshold: default_fit_threshold(),
            near_miss_percent: default_near_miss(),
            unknown_values: UnknownPolicy::default(),
        }
    }
}

/// How a criterion counts when the account lacks the data to judge it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum UnknownPolicy {
    /// Left out of the calculation: fit is computed over the known criteria only.
    #[default]
    Excluded,
    /// Counts as not matching.
    NoCredit,
    /// Counts as half a match.
    HalfCredit,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IcpCriterion {
    pub id: CriterionId,
    /// Relative importance, from 0 to 1,000 (`prioritisation::MAX_WEIGHT`).
    pub weight: f64,
    pub rule: IcpRule,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum SetMatch {
    #[default]
    AnyOf,
    AllOf,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum IcpRule {
    Industry {
        values: Vec<String>,
    },
    Employees {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    AnnualRevenue {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Money>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<Money>,
    },
    Country {
        values: Vec<String>,
    },
    Region {
        values: Vec<String>,
    },
    Technologies {
        values: Vec<String>,
        #[serde(default, rename = "match", skip_serializing_if = "is_default")]
        mode: SetMatch,
    },
    Tags {
        values: Vec<String>,
        #[serde(default, rename = "match", skip_serializing_if = "is_default")]
        mode: SetMatch,
    },
    /// A rule on one of the plan's custom fields: text in a set, or a number in a range.
    CustomField {
        field: FieldId,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        values: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seniority: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pains: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}
