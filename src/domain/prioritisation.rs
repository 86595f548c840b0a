//! Prioritisation as the method describes it: factor values (ICP fit %, expected
//! opportunity 0–10, purchase history 0–10, relationship with the decision maker
//! 0–10, and the user's own), each weighted; the weighted sum ranks the accounts
//! and tiers them (1:1, 1:few, 1:many).

use super::ids::FactorId;
use super::money::Money;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prioritisation {
    pub factors: Vec<Factor>,
    /// Expected deal size thresholds, ascending: an expected deal at or above the
    /// n-th threshold scores n on the 0–10 opportunity factor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunity_bands: Vec<Money>,
    pub tiers: TierRule,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Factor {
    pub id: FactorId,
    /// Empty for the built-in factors: the app then shows their name in the
    /// user's language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Relative weight, from 0 to 1,000 ([`MAX_WEIGHT`]); shown normalised as a percentage.
    pub weight: f64,
    pub scale: FactorScale,
    pub source: FactorSource,
}

/// The range of a factor's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum FactorScale {
    /// 0–100 (%).
    Percent,
    /// 0–10.
    TenPoint,
}

impl FactorScale {
    pub fn max(self) -> f64 {
        match self {
            FactorScale::Percent => 100.0,
            FactorScale::TenPoint => 10.0,
        }
    }
}

/// Where a factor's value comes from when it is not typed by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum FactorSource {
    /// Only typed by hand.
    Manual,
    /// The account's ICP fit %.
    IcpFit,
    /// The expected deal size, through `opportunityBands`.
    Opportunity,
    /// Frequency and size of past won deals.
    PurchaseHistory,
    /// The decision makers' relationship strength in the stakeholder map.
    Relationship,
    /// The account's engagement score.
    Engagement,
    /// The predicted purchase probability.
    PurchaseProbability,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "by", rename_all = "camelCase", deny_unknown_fields)]
pub enum TierRule {
    /// Tier 1 from `tier1Min` points (0–100), tier 2 from `tier2Min`, tier 3 below.
    #[serde(rename_all = "camelCase")]
    Score { tier1_min: f64, tier2_min: f64 },
    /// The top `tier1` accounts are tier 1, the next `tier2` tier 2, the rest tier 3.
    Capacity { tier1: u32, tier2: u32 },
}

/// Account tiers: 1 is one-to-one, 2 one-to-few, 3 one-to-many.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "u8", into = "u8")]
pub enum Tier {
    One,
    Two,
    Three,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::One, Tier::Two, Tier::Three];

    pub fn number(self) -> u8 {
        match self {
            Tier::One => 1,
            Tier::Two => 2,
            Tier::Three => 3,
        }
    }
}

impl TryFrom<u8> for Tier {
    type Error = String;
    fn try_from(n: u8) -> Result<Tier, String> {
        match n {
            1 => Ok(Tier::One),
            2 => Ok(Tier::Two),
            3 => Ok(Tier::Three),
            _ => Err(format!("a tier is 1, 2 or 3, not {n}")),
        }
    }
}

impl From<Tier> for u8 {
    fn from(t: Tier) -> u8 {
        t.number()
    }
}

/// The greatest weight of a prioritisation factor or an ICP criterion. Weights
/// are relative (a factor's share is its weight over the sum), so 1,000 is far
/// beyond any ratio a plan needs; the app and the plan file hold the same limit,
/// so a weight typed in one is read back by the other.
pub const MAX_WEIGHT: f64 = 1000.0;

/// Whether `w` can be a weight: a number from 0 to [`MAX_WEIGHT`].
pub fn is_weight(w: f64) -> bool {
    (0.0..=MAX_WEIGHT).contains(&w)
}

/// The ids of the four factors of the method.
pub mod builtin {
    pub const FIT: &str = "fit";
    pub const OPPORTUNITY: &str = "opportunity";
    pub const PURCHASE: &str = "purchase";
    pub const RELATIONSHIP: &str = "relationship";
}

impl Default for Prioritisation {
    /// The method's four factors, equally weighted.
    fn default() -> Self {
        let f = |id: &str, scale, source| Factor { id: FactorId(id.into()), name: String::new(), weight: 25.0, scale, source };
        Prioritisation {
            factors: vec![
                f(builtin::FIT, FactorScale::Percent, FactorSource::IcpFit),
                f(builtin::OPPORTUNITY, FactorScale::TenPoint, FactorSource::Opportunity),
                f(builtin::PURCHASE, FactorScale::TenPoint, FactorSource::PurchaseHistory),
                f(builtin::RELATIONSHIP, FactorScale::TenPoint, FactorSource::Relationship),
            ],
            opportunity_bands: Vec::new(),
            tiers: TierRule::Score { tier1_min: 70.0, tier2_min: 45.0 },
        }
    }
}
