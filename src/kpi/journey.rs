//! Journey stages: where each account stands, from unaware to customer, by rules
//! the user edits (the plan's `settings.journey`). Definitions in docs/kpis.md.

use super::engagement_scores;
use super::{Map, Set};
use crate::domain::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Unaware,
    Aware,
    Engaged,
    MarketingQualified,
    Opportunity,
    Customer,
}

impl Stage {
    pub const ALL: [Stage; 6] = [Stage::Unaware, Stage::Aware, Stage::Engaged, Stage::MarketingQualified, Stage::Opportunity, Stage::Customer];
}

/// Each account's stage at `at`, in the plan's account order. The first rule that
/// holds, from the top:
/// customer (a won deal closed by then) → opportunity (an open deal, or a hand-off
/// whose latest stage is opportunity) → marketing-qualified (engagement score at
/// least `qualifiedMinScore`, or a latest hand-off of marketing-qualified or
/// accepted by sales) → engaged (score at least `engagedMinScore`) → aware (any
/// activity in the last `windowDays` days) → unaware.
pub fn stages(plan: &Plan, at: Timestamp) -> Vec<Stage> {
    let today = at.date();
    let rules = &plan.settings.journey;
    let scores = engagement_scores(plan, at);
    let customers: Set<&AccountId> =
        plan.deals.iter().filter(|d| d.outcome == Outcome::Won && d.closed.is_some_and(|c| c <= today)).map(|d| &d.account).collect();
    let open: Set<&AccountId> = plan.deals.iter().filter(|d| d.outcome == Outcome::Open && d.created <= today).map(|d| &d.account).collect();
    let mut latest: Map<&AccountId, (Timestamp, HandoffStage)> = Map::default();
    for h in plan.handoffs.iter().filter(|h| h.at <= at) {
        let e = latest.entry(&h.account).or_insert((h.at, h.stage));
        if h.at >= e.0 {
            *e = (h.at, h.stage);
        }
    }
    let window_start = at.add_days(-i64::from(rules.window_days));
    let aware: Set<&AccountId> = plan.activities.iter().filter(|a| a.at >= window_start && a.at <= at).map(|a| &a.account).collect();
    plan.accounts
        .iter()
        .map(|a| {
            let id = &a.id;
            let score = scores.get(id).copied().unwrap_or(0.0);
            let handoff = latest.get(id).map(|(_, s)| *s);
            if customers.contains(id) {
                Stage::Customer
            } else if open.contains(id) || handoff == Some(HandoffStage::Opportunity) {
                Stage::Opportunity
            } else if score >= rules.qualified_min_score || matches!(handoff, Some(HandoffStage::MarketingQualified | HandoffStage::SalesAccepted)) {
                Stage::MarketingQualified
            } else if score >= rules.engaged_min_score {
                Stage::Engaged
            } else if aware.contains(id) {
                Stage::Aware
            } else {
                Stage::Unaware
            }
        })
        .collect()
}

/// Accounts per stage (in [`Stage::ALL`] order) among those `include` keeps.
pub fn stage_counts(stages: &[Stage], include: impl Fn(usize) -> bool) -> [usize; 6] {
    let mut counts = [0; 6];
    for (_, s) in stages.iter().enumerate().filter(|(i, _)| include(*i)) {
        counts[*s as usize] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn account(id: &str) -> Account {
        Account::new(AccountId(id.into()), id)
    }

    #[test]
    fn each_rule_in_turn() {
        let mut p = plan_with(vec![
            // b: one open (1 point) on the 25th: aware.
            activity("b", ActivityKind::EmailOpened, 25, None),
            // c: two meetings on the 29th: about 20 points: engaged (10) not qualified (30).
            activity("c", ActivityKind::Meeting, 29, Some(2)),
            // d: four meetings: about 40 points: qualified.
            activity("d", ActivityKind::Meeting, 29, Some(4)),
        ]);
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            p.accounts.push_back(account(id));
        }
        // e: an open deal; f: a won deal (and an open one); g: handed to sales.
        p.deals.push_back(deal("d1", "e", DealKind::New, 1, day(2), None, Outcome::Open));
        p.deals.push_back(deal("d2", "f", DealKind::New, 1, day(2), Some(day(10)), Outcome::Won));
        p.deals.push_back(deal("d3", "f", DealKind::Upsell, 1, day(12), None, Outcome::Open));
        p.handoffs.push_back(HandoffEvent {
            id: HandoffId("h1".into()),
            account: AccountId("g".into()),
            stage: HandoffStage::SalesAccepted,
            by: None,
            at: day(20).at(9, 0),
            note: String::new(),
        });
        let s = stages(&p, day(30).at(12, 0));
        use Stage::*;
        assert_eq!(s, [Unaware, Aware, Engaged, MarketingQualified, Opportunity, Customer, MarketingQualified]);
        assert_eq!(stage_counts(&s, |_| true), [1, 1, 1, 2, 1, 1]);
        assert_eq!(stage_counts(&s, |i| i < 2), [1, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn the_rules_are_the_plan_settings() {
        let mut p = plan_with(vec![activity("a", ActivityKind::EmailOpened, 1, None)]);
        p.accounts.push_back(account("a"));
        let at = day(30).at(12, 0);
        assert_eq!(stages(&p, at), [Stage::Aware]);
        // A shorter window forgets the open of the 1st.
        p.settings.journey.window_days = 10;
        assert_eq!(stages(&p, at), [Stage::Unaware]);
        // A lower bar makes the same open count as engagement (1 point, decayed).
        p.settings.journey.window_days = 60;
        p.settings.journey.engaged_min_score = 0.1;
        assert_eq!(stages(&p, at), [Stage::Engaged]);
    }
}
