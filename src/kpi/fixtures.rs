//! Small hand-made data for the KPI tests: November 2026, accounts a, b, c.

use super::Period;
use crate::domain::*;

pub fn day(d: u32) -> Date {
    Date::from_ymd(2026, 11, d).expect("a November day")
}

pub fn november() -> Period {
    Period { start: day(1), end: day(30) }
}

pub fn activity(account: &str, kind: ActivityKind, on: u32, count: Option<u32>) -> Activity {
    let on = if on > 30 { Date::from_ymd(2026, 12, on - 30).expect("a December day") } else { day(on) };
    Activity {
        id: ActivityId(format!("act_{account}_{kind:?}_{on}")),
        account: AccountId(account.into()),
        contact: None,
        kind,
        at: on.at(10, 0),
        campaign: None,
        content: None,
        count,
        progress: None,
        note: String::new(),
    }
}

pub fn plan_with(activities: Vec<Activity>) -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "P", day(1).at(0, 0));
    p.activities.extend(activities);
    p
}

pub fn deal(id: &str, account: &str, kind: DealKind, amount: i64, created: Date, closed: Option<Date>, outcome: Outcome) -> Deal {
    Deal {
        kind,
        closed,
        stage: if closed.is_some() { DealStage::Closed } else { DealStage::Proposal },
        outcome,
        ..Deal::new(DealId(id.into()), AccountId(account.into()), id, Money::from_major(amount), created)
    }
}
