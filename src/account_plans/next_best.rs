//! Next best actions: the plan's rules ("a download earns a follow-up mail within
//! three days") applied to recent activity.
//!
//! - Only activity from the last [`LOOKBACK_DAYS`] days counts: older behaviour
//!   is history, not a cue.
//! - Repeats collapse: one suggestion per account, rule and person, from their
//!   latest matching activity.
//! - Accepting a suggestion records its activity as the action's `trigger`; that
//!   activity and any earlier one for the same rule and person are then covered.

use crate::domain::sorting;
use crate::domain::*;
use std::collections::HashMap;

pub const LOOKBACK_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub account: AccountId,
    pub rule: RuleId,
    pub when: ActivityKind,
    /// The activity that prompted it.
    pub trigger: ActivityId,
    pub at: Timestamp,
    pub contact: Option<ContactId>,
    pub content: Option<ContentId>,
    pub channel: Option<Channel>,
    /// The rule's wording; empty when the rule leaves it to the app's default.
    pub title: String,
    pub due: Date,
}

/// Suggestions for one account (or all accounts with `None`), soonest due first.
pub fn suggestions(plan: &Plan, account: Option<&AccountId>, today: Date) -> Vec<Suggestion> {
    let rules: Vec<&NbaRule> = plan.settings.next_best_actions.iter().filter(|r| r.enabled).collect();
    if rules.is_empty() {
        return Vec::new();
    }
    let since = today.add_days(-LOOKBACK_DAYS);
    let relevant = |a: &Activity| account.is_none_or(|id| &a.account == id);
    // Accepted triggers: (account, rule, person) → latest accepted activity time.
    // Only the few activities that are triggers are looked up.
    let accepted: Vec<(&RuleId, &ActivityId)> = plan
        .account_plans
        .iter()
        .filter(|p| account.is_none_or(|id| &p.account == id))
        .flat_map(|ap| ap.actions.iter().filter_map(|a| Some((a.rule.as_ref()?, a.trigger.as_ref()?))))
        .collect();
    let mut covered: HashMap<(&AccountId, &RuleId, &Option<ContactId>), Timestamp> = HashMap::new();
    if !accepted.is_empty() {
        let wanted: HashMap<&ActivityId, Vec<&RuleId>> = accepted.iter().fold(HashMap::new(), |mut m, (rule, trigger)| {
            m.entry(*trigger).or_insert_with(Vec::new).push(*rule);
            m
        });
        for a in plan.activities.iter().filter(|a| relevant(a)) {
            for rule in wanted.get(&a.id).into_iter().flatten() {
                let slot = covered.entry((&a.account, *rule, &a.contact)).or_insert(a.at);
                *slot = (*slot).max(a.at);
            }
        }
    }
    let mut latest: HashMap<(&AccountId, &RuleId, &Option<ContactId>), (&Activity, &NbaRule)> = HashMap::new();
    for a in plan.activities.iter().filter(|a| relevant(a) && a.at.date() >= since && a.at.date() <= today) {
        for rule in rules.iter().filter(|r| r.when == a.kind) {
            let key = (&a.account, &rule.id, &a.contact);
            if covered.get(&key).is_some_and(|t| a.at <= *t) {
                continue;
            }
            let slot = latest.entry(key).or_insert((a, rule));
            if a.at > slot.0.at || (a.at == slot.0.at && a.id > slot.0.id) {
                *slot = (a, rule);
            }
        }
    }
    let mut out: Vec<Suggestion> = latest
        .into_values()
        .map(|(a, rule)| Suggestion {
            account: a.account.clone(),
            rule: rule.id.clone(),
            when: rule.when,
            trigger: a.id.clone(),
            at: a.at,
            contact: a.contact.clone(),
            content: a.content.clone(),
            channel: rule.channel.clone(),
            title: rule.suggest.trim().to_string(),
            due: a.at.date().add_days(i64::from(rule.within_days)),
        })
        .collect();
    sorting::sort_by(&mut out, |a, b| a.due.cmp(&b.due).then_with(|| a.account.cmp(&b.account)).then_with(|| a.trigger.cmp(&b.trigger)));
    out
}

/// The action a suggestion becomes when accepted into the execution plan.
pub fn accept(s: &Suggestion, id: ActionId, title: String, owner: Option<MemberId>, today: Date) -> Action {
    Action {
        id,
        title,
        channel: s.channel.clone(),
        owner,
        start: Some(today.min(s.due)),
        due: Some(s.due),
        status: ActionStatus::Planned,
        content: s.content.iter().cloned().collect(),
        rule: Some(s.rule.clone()),
        trigger: Some(s.trigger.clone()),
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 23).unwrap()
    }

    fn activity(id: &str, contact: &str, kind: ActivityKind, days_ago: i64) -> Activity {
        Activity {
            id: ActivityId(id.into()),
            account: AccountId("a".into()),
            contact: Some(ContactId(contact.into())),
            kind,
            at: today().add_days(-days_ago).at(10, 0),
            campaign: None,
            content: Some(ContentId("wp".into())),
            count: None,
            progress: None,
            note: String::new(),
        }
    }

    fn plan(activities: Vec<Activity>) -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "P", today().at(9, 0));
        p.activities.extend(activities);
        p
    }

    fn keys(s: &[Suggestion]) -> Vec<(&str, &str, Date)> {
        s.iter().map(|s| (s.rule.as_str(), s.trigger.as_str(), s.due)).collect()
    }

    #[test]
    fn the_seeds_rules_suggest_a_mail_after_a_download_and_a_call_after_a_webinar() {
        let p = plan(vec![
            activity("dl", "x", ActivityKind::ContentDownload, 1),
            activity("web", "y", ActivityKind::WebinarAttended, 2),
            activity("open", "x", ActivityKind::EmailOpened, 1),
            activity("old", "z", ActivityKind::ContentDownload, 45),
        ]);
        let s = suggestions(&p, None, today());
        assert_eq!(keys(&s), [("rule_webinar_call", "web", today()), ("rule_download_followup", "dl", today().add_days(2))]);
        assert_eq!(s[1].channel, Some(Channel::Builtin(BuiltinChannel::Email)));
        assert_eq!(s[1].content, Some(ContentId("wp".into())));
    }

    #[test]
    fn repeats_collapse_to_the_latest_per_person() {
        let p = plan(vec![
            activity("dl1", "x", ActivityKind::ContentDownload, 9),
            activity("dl2", "x", ActivityKind::ContentDownload, 3),
            activity("dl3", "y", ActivityKind::ContentDownload, 5),
        ]);
        let s = suggestions(&p, None, today());
        let triggers: Vec<&str> = s.iter().map(|s| s.trigger.as_str()).collect();
        assert_eq!(triggers, ["dl3", "dl2"]);
    }

    #[test]
    fn accepting_covers_that_activity_and_earlier_ones_but_not_later_ones() {
        let mut p = plan(vec![activity("dl1", "x", ActivityKind::ContentDownload, 9), activity("dl2", "x", ActivityKind::ContentDownload, 3)]);
        let mut s = suggestions(&p, Some(&AccountId("a".into())), today());
        assert_eq!(s.len(), 1);
        let action = accept(&s.remove(0), ActionId("t".into()), "Follow up".into(), None, today());
        assert_eq!(action.trigger, Some(ActivityId("dl2".into())));
        assert_eq!(action.due, Some(today().add_days(0)));
        let mut ap = AccountPlan {
            id: AccountPlanId("ap".into()),
            account: AccountId("a".into()),
            overview: Default::default(),
            goals: vec![],
            marketing_plan: String::new(),
            sales_strategy: String::new(),
            kpis: vec![],
            actions: vec![action],
            channels: vec![],
            updated_at: None,
        };
        p.account_plans.push_back(ap.clone());
        assert!(suggestions(&p, None, today()).is_empty(), "dl2 accepted, dl1 earlier");
        p.activities.push_back(activity("dl3", "x", ActivityKind::ContentDownload, 0));
        assert_eq!(keys(&suggestions(&p, None, today())), [("rule_download_followup", "dl3", today().add_days(3))]);
        // A disabled rule suggests nothing.
        ap.actions.clear();
        for r in p.settings.next_best_actions.iter_mut() {
            r.enabled = false;
        }
        assert!(suggestions(&p, None, today()).is_empty());
    }

    #[test]
    fn other_accounts_are_left_out_when_one_is_asked_for() {
        let mut other = activity("dl", "x", ActivityKind::ContentDownload, 1);
        other.account = AccountId("b".into());
        let p = plan(vec![other]);
        assert!(suggestions(&p, Some(&AccountId("a".into())), today()).is_empty());
        assert_eq!(suggestions(&p, None, today()).len(), 1);
    }
}
