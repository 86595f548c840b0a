//! Plan-level rules the measurement screens use: next-best-action rules, the
//! engagement model, journey-stage thresholds and the attribution model; and
//! the pairs of accounts a person has said are different companies.

use super::activity::ActivityKind;
use super::channel::{BuiltinChannel, Channel};
use super::ids::{AccountId, RuleId};
use super::serde_helpers::is_default;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanSettings {
    #[serde(default = "default_nba_rules")]
    pub next_best_actions: Vec<NbaRule>,
    #[serde(default)]
    pub engagement: EngagementModel,
    #[serde(default)]
    pub journey: JourneyRules,
    #[serde(default, skip_serializing_if = "is_default")]
    pub attribution: Attribution,
    /// Pairs of accounts marked "Not duplicates" (Data quality › Duplicates):
    /// the duplicate finder does not offer them again. Each pair is kept in
    /// id order, once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distinct_accounts: Vec<[AccountId; 2]>,
}

impl PlanSettings {
    /// Whether two accounts were marked as different companies, for asking
    /// many times: the marks are put in a set once. Relies on the pairs being
    /// in id order ([`distinct_pair`]; import puts them so).
    pub fn distinct_lookup(&self) -> impl Fn(&AccountId, &AccountId) -> bool + '_ {
        let marked: HashSet<(&str, &str)> = self.distinct_accounts.iter().map(|[a, b]| (a.as_str(), b.as_str())).collect();
        move |a: &AccountId, b: &AccountId| {
            let (x, y) = (a.as_str(), b.as_str());
            marked.contains(&if x <= y { (x, y) } else { (y, x) })
        }
    }
}

/// The pair `a`, `b` in the order [`PlanSettings::distinct_accounts`] keeps.
pub fn distinct_pair(a: &AccountId, b: &AccountId) -> [AccountId; 2] {
    if a <= b {
        [a.clone(), b.clone()]
    } else {
        [b.clone(), a.clone()]
    }
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            next_best_actions: default_nba_rules(),
            engagement: EngagementModel::default(),
            journey: JourneyRules::default(),
            attribution: Attribution::default(),
            distinct_accounts: Vec::new(),
        }
    }
}

/// "When an account does X, suggest Y within N days."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NbaRule {
    pub id: RuleId,
    pub when: ActivityKind,
    /// Suggested action title.
    pub suggest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The action is due this many days after the activity.
    pub within_days: u32,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// The seed's examples: a download earns a follow-up mail, a webinar a call.
fn default_nba_rules() -> Vec<NbaRule> {
    vec![
        NbaRule {
            id: RuleId("rule_download_followup".into()),
            when: ActivityKind::ContentDownload,
            suggest: String::new(),
            channel: Some(Channel::Builtin(BuiltinChannel::Email)),
            within_days: 3,
            enabled: true,
        },
        NbaRule {
            id: RuleId("rule_webinar_call".into()),
            when: ActivityKind::WebinarAttended,
            suggest: String::new(),
            channel: Some(Channel::Builtin(BuiltinChannel::FieldSales)),
            within_days: 2,
            enabled: true,
        },
    ]
}

/// Engagement score: each activity earns its kind's points, halved every
/// `halfLifeDays` days of age.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EngagementModel {
    pub half_life_days: u32,
    pub points: BTreeMap<ActivityKind, f64>,
}

impl Default for EngagementModel {
    fn default() -> Self {
        use ActivityKind::*;
        let points = [
            (EmailSent, 0.0),
            (EmailOpened, 1.0),
            (EmailClicked, 3.0),
            (WebVisit, 2.0),
            (ContentDownload, 5.0),
            (VideoView, 3.0),
            (WebinarRegistered, 4.0),
            (WebinarAttended, 8.0),
            (EventAttended, 8.0),
            (Meeting, 10.0),
            (Call, 4.0),
            (SocialEngagement, 2.0),
            (AdImpression, 0.0),
            (AdClick, 2.0),
            (FormSubmitted, 6.0),
        ];
        EngagementModel { half_life_days: 30, points: points.into_iter().collect() }
    }
}

/// Thresholds for the journey stage of an account (unaware → aware → engaged →
/// marketing-qualified → opportunity → customer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JourneyRules {
    /// Activities older than this do not count (days).
    pub window_days: u32,
    pub engaged_min_score: f64,
    pub qualified_min_score: f64,
}

impl Default for JourneyRules {
    fn default() -> Self {
        JourneyRules { window_days: 180, engaged_min_score: 10.0, qualified_min_score: 30.0 }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Attribution {
    FirstTouch,
    LastTouch,
    #[default]
    Linear,
}
