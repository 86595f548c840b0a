//! The hand-off status between marketing and sales: the latest event is the
//! current stage; the events, newest first, are its history.

use crate::domain::sorting;
use crate::domain::{AccountId, HandoffEvent, HandoffStage, Plan};
use std::collections::HashMap;

/// The account's events, newest first (equal times: the later-recorded first).
pub fn handoff_history<'a>(plan: &'a Plan, account: &AccountId) -> Vec<&'a HandoffEvent> {
    let mut events: Vec<(usize, &HandoffEvent)> = plan.handoffs.iter().enumerate().filter(|(_, h)| &h.account == account).collect();
    sorting::sort_by(&mut events, |a, b| b.1.at.cmp(&a.1.at).then(b.0.cmp(&a.0)));
    events.into_iter().map(|(_, h)| h).collect()
}

/// Every account's current stage, in one pass (for lists of many accounts).
pub fn current_stages(plan: &Plan) -> HashMap<&AccountId, HandoffStage> {
    let mut latest: HashMap<&AccountId, &HandoffEvent> = HashMap::new();
    for h in plan.handoffs.iter() {
        let slot = latest.entry(&h.account).or_insert(h);
        if h.at >= slot.at {
            *slot = h;
        }
    }
    latest.into_iter().map(|(a, h)| (a, h.stage)).collect()
}

pub fn current_stage<'a>(plan: &'a Plan, account: &AccountId) -> Option<&'a HandoffEvent> {
    handoff_history(plan, account).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    #[test]
    fn the_latest_event_is_the_current_stage() {
        let t = |d| Date::from_ymd(2026, 11, d).unwrap().at(9, 0);
        let mut p = Plan::new(PlanId("p".into()), "P", t(1));
        let event =
            |id: &str, stage, day| HandoffEvent { id: HandoffId(id.into()), account: AccountId("a".into()), stage, by: None, at: t(day), note: String::new() };
        p.handoffs.extend([
            event("2", HandoffStage::SalesAccepted, 5),
            event("1", HandoffStage::MarketingQualified, 2),
            event("3", HandoffStage::Opportunity, 5),
        ]);
        let a = AccountId("a".into());
        assert_eq!(current_stage(&p, &a).map(|h| h.stage), Some(HandoffStage::Opportunity), "same time: the later recorded wins");
        let ids: Vec<&str> = handoff_history(&p, &a).iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["3", "2", "1"]);
        assert!(current_stage(&p, &AccountId("b".into())).is_none());
        assert_eq!(current_stages(&p).get(&a), Some(&HandoffStage::Opportunity), "the one-pass view agrees");
    }
}
