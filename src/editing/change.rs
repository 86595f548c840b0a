//! Edits to a plan as values: the UI dispatches a [`Change`], [`apply`] returns the
//! new plan. Pure and total: an edit that does not apply (a goal that no longer
//! exists) leaves the plan as it was.

use crate::domain::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    RenamePlan(String),
    SetCurrency(Currency),
    SetFiscalYearStart(u8),
    /// Adds the goal, or replaces the goal with the same id.
    PutGoal(Goal),
    RemoveGoal(GoalId),
    MoveGoal { id: GoalId, to: usize },
    /// Replaces the whole content (an import that replaces, or a merge). The plan
    /// keeps its own id, so it stays the same saved plan.
    ReplaceContent(Box<Plan>),
}

/// What the undo button names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    RenamePlan,
    PlanSettings,
    EditGoal,
    AddGoal,
    RemoveGoal,
    MoveGoal,
    Replace,
    Merge,
}

pub fn apply(plan: &Plan, change: Change, now: Timestamp) -> Plan {
    let mut p = plan.clone();
    match change {
        Change::RenamePlan(name) => {
            let name = name.trim();
            if name.is_empty() {
                return plan.clone();
            }
            p.name = name.to_string();
        }
        Change::SetCurrency(c) => p.currency = c,
        Change::SetFiscalYearStart(m) if (1..=12).contains(&m) => p.fiscal_year_start_month = m,
        Change::SetFiscalYearStart(_) => return plan.clone(),
        Change::PutGoal(goal) => match p.goals.iter().position(|g| g.id == goal.id) {
            Some(i) => {
                p.goals.set(i, goal);
            }
            None => p.goals.push_back(goal),
        },
        Change::RemoveGoal(id) => p.goals.retain(|g| g.id != id),
        Change::MoveGoal { id, to } => {
            let Some(from) = p.goals.iter().position(|g| g.id == id) else {
                return plan.clone();
            };
            let goal = p.goals.remove(from);
            p.goals.insert(to.min(p.goals.len()), goal);
        }
        Change::ReplaceContent(content) => {
            p = Plan { id: plan.id.clone(), created_at: plan.created_at, ..*content };
        }
    }
    p.updated_at = now;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
    }

    fn goal(id: &str) -> Goal {
        Goal {
            id: GoalId(id.into()),
            name: id.into(),
            metric: Metric::NewContracts,
            target: 8.0,
            unit: Unit::Count,
            start: None,
            due: None,
            actual: None,
            notes: String::new(),
        }
    }

    #[test]
    fn goals_are_added_replaced_moved_and_removed() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let p = apply(&p, Change::PutGoal(goal("a")), now());
        let p = apply(&p, Change::PutGoal(goal("b")), now());
        let mut changed = goal("a");
        changed.target = 10.0;
        let p = apply(&p, Change::PutGoal(changed), now());
        assert_eq!(p.goals.len(), 2);
        assert_eq!(p.goals[0].target, 10.0);
        let p = apply(&p, Change::MoveGoal { id: GoalId("b".into()), to: 0 }, now());
        assert_eq!(p.goals[0].id.as_str(), "b");
        let p = apply(&p, Change::RemoveGoal(GoalId("b".into())), now());
        assert_eq!(p.goals.len(), 1);
    }

    #[test]
    fn invalid_edits_change_nothing() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        assert_eq!(apply(&p, Change::RenamePlan("  ".into()), now()), p);
        assert_eq!(apply(&p, Change::SetFiscalYearStart(13), now()), p);
        assert_eq!(apply(&p, Change::MoveGoal { id: GoalId("x".into()), to: 0 }, now()), p);
    }

    #[test]
    fn replacing_keeps_the_plan_identity() {
        let p = Plan::new(PlanId("p".into()), "Mine", now());
        let mut other = Plan::new(PlanId("other".into()), "Theirs", now());
        other.accounts.push_back(Account::new(AccountId("a".into()), "A"));
        let r = apply(&p, Change::ReplaceContent(Box::new(other)), now());
        assert_eq!(r.id, p.id);
        assert_eq!(r.name, "Theirs");
        assert_eq!(r.accounts.len(), 1);
    }
}
