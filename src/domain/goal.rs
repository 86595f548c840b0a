//! Goals: the plan's KGIs, an account plan's goals and the KPIs chosen for an
//! account all share this shape: a metric, a target and a due date.

use super::ids::GoalId;
use super::money::Money;
use super::quantity::{parse_count, parse_number, NumberProblem};
use super::serde_helpers::is_default;
use super::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a goal measures. The first group are the seed's KGIs, the second its KPIs;
/// `custom` goals carry their actual value by hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Metric {
    NewContacts,
    NewContracts,
    NewProductsOffered,
    CrossSellUpsellValue,
    Revenue,
    PipelineValue,
    EngagementRate,
    EngagedAccounts,
    SalesCycleDays,
    Meetings,
    Nps,
    EmailOpenRate,
    EmailClickRate,
    WebVisits,
    ContentDownloads,
    #[default]
    Custom,
}

impl Metric {
    pub const ALL: [Metric; 16] = [
        Metric::NewContacts,
        Metric::NewContracts,
        Metric::NewProductsOffered,
        Metric::CrossSellUpsellValue,
        Metric::Revenue,
        Metric::PipelineValue,
        Metric::EngagementRate,
        Metric::EngagedAccounts,
        Metric::SalesCycleDays,
        Metric::Meetings,
        Metric::Nps,
        Metric::EmailOpenRate,
        Metric::EmailClickRate,
        Metric::WebVisits,
        Metric::ContentDownloads,
        Metric::Custom,
    ];

    /// The unit a metric is naturally measured in.
    pub fn natural_unit(self) -> Unit {
        match self {
            Metric::CrossSellUpsellValue | Metric::Revenue | Metric::PipelineValue => Unit::Money,
            Metric::EngagementRate | Metric::EmailOpenRate | Metric::EmailClickRate => Unit::Percent,
            Metric::SalesCycleDays => Unit::Days,
            Metric::Nps => Unit::Score,
            _ => Unit::Count,
        }
    }

    /// True when a lower actual is better (a shorter sales cycle).
    pub fn lower_is_better(self) -> bool {
        matches!(self, Metric::SalesCycleDays)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    #[default]
    Count,
    Money,
    Percent,
    Days,
    Score,
}

impl Unit {
    /// Reads a target or an actual typed in this unit, as every amount and
    /// count field reads (`domain::quantity`): money as `$250,000`, `3.5億`;
    /// a percentage with or without `%`; counts and days whole (`120件`,
    /// `90日`); scores as numbers. Never negative.
    pub fn read(self, text: &str) -> Result<f64, NumberProblem> {
        self.read_money_as(text, |t| Money::parse(t).map(Some))
    }

    /// [`Unit::read`] in a plan kept in `currency`: an amount in another
    /// currency is refused (see [`Money::parse_in`]).
    pub fn read_in(self, text: &str, currency: &super::Currency) -> Result<f64, NumberProblem> {
        self.read_money_as(text, |t| Money::parse_in(t, currency))
    }

    fn read_money_as(self, text: &str, money: impl Fn(&str) -> Result<Option<Money>, NumberProblem>) -> Result<f64, NumberProblem> {
        let t = text.trim();
        let v = match self {
            Unit::Money => money(t)?.ok_or(NumberProblem::Empty)?.to_f64(),
            Unit::Count => parse_count(t)?.map(f64::from).ok_or(NumberProblem::Empty)?,
            Unit::Days => {
                parse_count(t.trim_end_matches(['日', 'd']).trim_end_matches(" days").trim_end_matches("days"))?.map(f64::from).ok_or(NumberProblem::Empty)?
            }
            Unit::Percent | Unit::Score => {
                let t = t.trim_end_matches(['%', '％']).trim();
                if t.is_empty() {
                    return Err(NumberProblem::Empty);
                }
                parse_number(t).ok_or(NumberProblem::NotANumber)?
            }
        };
        if v < 0.0 {
            return Err(NumberProblem::Negative);
        }
        Ok(v)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    pub id: GoalId,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub metric: Metric,
    /// Target value in `unit` (money in major units of the plan's currency).
    pub target: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The actual value, entered by hand, for metrics the app cannot compute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_in_their_unit() {
        assert_eq!(Unit::Money.read("$250,000"), Ok(250_000.0));
        assert_eq!(Unit::Money.read("3.5億円"), Ok(350_000_000.0));
        assert_eq!(Unit::Money.read("-5"), Err(NumberProblem::Negative));
        assert_eq!(Unit::Percent.read("45%"), Ok(45.0));
        assert_eq!(Unit::Percent.read("12.5"), Ok(12.5));
        assert_eq!(Unit::Count.read("120件"), Ok(120.0));
        assert_eq!(Unit::Count.read("1.5"), Err(NumberProblem::NotWhole));
        assert_eq!(Unit::Days.read("90日"), Ok(90.0));
        assert_eq!(Unit::Score.read(""), Err(NumberProblem::Empty));
        assert_eq!(Unit::Score.read("many"), Err(NumberProblem::NotANumber));
    }
}
