//! The method's eight steps as a live checklist: where the plan stands on each,
//! worked out from the plan itself, and the one thing to do next. The Overview
//! shows it; each section ends by pointing to the next step.
//!
//! A step is done when the plan holds what the method asks of it, in progress
//! when it holds some of it, not started when it holds none. The rules are
//! deliberately plain, so that the user can see why a step is not done yet.

use crate::domain::prioritisation::builtin;
use crate::domain::*;
use crate::icp::suggest::{customers, MIN_CUSTOMERS};
use crate::prioritisation::{Basis, Ranking};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Goals,
    Icp,
    AccountData,
    Prioritisation,
    AccountPlans,
    Execution,
    Alignment,
    Measurement,
}

impl Step {
    pub const ALL: [Step; 8] =
        [Step::Goals, Step::Icp, Step::AccountData, Step::Prioritisation, Step::AccountPlans, Step::Execution, Step::Alignment, Step::Measurement];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    NotStarted,
    InProgress,
    Done,
}

/// What the plan holds for a step, for its one-line summary.
#[derive(Clone, Debug, PartialEq)]
pub enum Facts {
    Goals {
        goals: usize,
        dated: usize,
    },
    Icp {
        criteria: usize,
        in_list: usize,
        accounts: usize,
    },
    AccountData {
        accounts: usize,
        contacts: usize,
        deals: usize,
        activities: usize,
    },
    /// Tier counts of the target accounts, and the built-in factors no target
    /// has a value for (set aside by the ranking).
    Prioritisation {
        targets: usize,
        tiers: [usize; 3],
        set_aside: Vec<FactorId>,
    },
    AccountPlans {
        plans: usize,
        tier1: usize,
        tier1_with_plan: usize,
    },
    Execution {
        campaigns: usize,
        actions: usize,
        activities: usize,
    },
    Alignment {
        tier1: usize,
        tier1_owned: usize,
        handoffs: usize,
    },
    Measurement {
        won_deals: usize,
        activities_90_days: usize,
    },
}

/// The one thing to do next on a step.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    AddGoal,
    DateGoals,
    ImportAccounts,
    ImportContacts,
    ImportDeals,
    /// From this many customers.
    SuggestIcp {
        customers: usize,
    },
    AddIcpCriteria,
    /// The target list is empty under the current threshold.
    WidenTargetList,
    /// Fill the values of a factor no target has.
    FillFactor(FactorId),
    /// Write the plan of this account (the best-ranked without one).
    WritePlan(AccountId),
    AddCampaign,
    LogActivity,
    /// Give owners on both sides to this many tier-1 accounts.
    AssignOwners {
        accounts: usize,
    },
    RecordHandoff,
    OpenDashboard,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepStatus {
    pub step: Step,
    pub state: State,
    pub facts: Facts,
    /// `None` once the step needs nothing more.
    pub next: Option<Next>,
}

fn state(done: bool, started: bool) -> State {
    if done {
        State::Done
    } else if started {
        State::InProgress
    } else {
        State::NotStarted
    }
}

/// Where the plan stands on every step, in the method's order.
pub fn checklist(plan: &Plan, basis: &Basis, ranking: &Ranking, today: Date) -> Vec<StepStatus> {
    let tier1: Vec<usize> = ranking.order.iter().copied().filter(|&i| matches!(ranking.tiers[i], Some((Tier::One, _)))).collect();
    let planned: HashSet<&str> = plan.account_plans.iter().map(|p| p.account.as_str()).collect();
    Step::ALL
        .into_iter()
        .map(|step| match step {
            Step::Goals => {
                let dated = plan.goals.iter().filter(|g| g.due.is_some() && g.target > 0.0).count();
                let next = if plan.goals.is_empty() { Some(Next::AddGoal) } else { (dated < plan.goals.len()).then_some(Next::DateGoals) };
                StepStatus {
                    step,
                    state: state(dated > 0 && dated == plan.goals.len(), !plan.goals.is_empty()),
                    facts: Facts::Goals { goals: plan.goals.len(), dated },
                    next,
                }
            }
            Step::Icp => {
                let criteria = plan.icp.criteria.len();
                let in_list = basis.targets.iter().filter(|t| t.is_target()).count();
                let customers = customers(plan).len();
                let next = if plan.accounts.is_empty() {
                    Some(Next::ImportAccounts)
                } else if criteria == 0 && customers >= MIN_CUSTOMERS {
                    Some(Next::SuggestIcp { customers })
                } else if criteria == 0 {
                    Some(Next::AddIcpCriteria)
                } else {
                    (in_list == 0).then_some(Next::WidenTargetList)
                };
                let facts = Facts::Icp { criteria, in_list, accounts: plan.accounts.len() };
                StepStatus { step, state: state(criteria > 0 && in_list > 0, criteria > 0), facts, next }
            }
            Step::AccountData => {
                let (accounts, contacts, deals) = (plan.accounts.len(), plan.contacts.len(), plan.deals.len());
                let next = if accounts == 0 {
                    Some(Next::ImportAccounts)
                } else if contacts == 0 {
                    Some(Next::ImportContacts)
                } else {
                    (deals == 0).then_some(Next::ImportDeals)
                };
                let facts = Facts::AccountData { accounts, contacts, deals, activities: plan.activities.len() };
                StepStatus { step, state: state(accounts > 0 && contacts > 0 && deals > 0, accounts > 0), facts, next }
            }
            Step::Prioritisation => {
                let targets = ranking.order.len();
                let with_values = basis.factors_with_values();
                let builtins = [builtin::FIT, builtin::OPPORTUNITY, builtin::PURCHASE, builtin::RELATIONSHIP];
                let set_aside: Vec<FactorId> = plan
                    .prioritisation
                    .factors
                    .iter()
                    .zip(&with_values)
                    .filter(|(f, has)| !**has && f.weight > 0.0 && builtins.contains(&f.id.as_str()))
                    .map(|(f, _)| f.id.clone())
                    .collect();
                let next = if targets == 0 { Some(Next::WidenTargetList) } else { set_aside.first().cloned().map(Next::FillFactor) };
                let facts = Facts::Prioritisation { targets, tiers: ranking.tier_counts, set_aside: set_aside.clone() };
                StepStatus { step, state: state(targets > 0 && set_aside.is_empty(), targets > 0), facts, next }
            }
            Step::AccountPlans => {
                let with_plan = tier1.iter().filter(|&&i| planned.contains(plan.accounts[i].id.as_str())).count();
                // The best-ranked target without a plan: tier 1 first, as the order is.
                let next = ranking.order.iter().map(|&i| &plan.accounts[i]).find(|a| !planned.contains(a.id.as_str())).map(|a| Next::WritePlan(a.id.clone()));
                let done = !plan.account_plans.is_empty() && with_plan == tier1.len();
                let facts = Facts::AccountPlans { plans: plan.account_plans.len(), tier1: tier1.len(), tier1_with_plan: with_plan };
                StepStatus { step, state: state(done, !plan.account_plans.is_empty()), facts, next: if done { None } else { next } }
            }
            Step::Execution => {
                let actions = plan.account_plans.iter().map(|p| p.actions.len()).sum();
                let campaigns = plan.campaigns.len();
                let activities = plan.activities.len();
                let next = if campaigns == 0 { Some(Next::AddCampaign) } else { (activities == 0).then_some(Next::LogActivity) };
                let facts = Facts::Execution { campaigns, actions, activities };
                StepStatus { step, state: state(campaigns > 0 && activities > 0, campaigns > 0 || actions > 0), facts, next }
            }
            Step::Alignment => {
                let owned = tier1.iter().filter(|&&i| plan.accounts[i].marketing_owner.is_some() && plan.accounts[i].sales_owner.is_some()).count();
                let next = if owned < tier1.len() {
                    Some(Next::AssignOwners { accounts: tier1.len() - owned })
                } else {
                    plan.handoffs.is_empty().then_some(Next::RecordHandoff)
                };
                let facts = Facts::Alignment { tier1: tier1.len(), tier1_owned: owned, handoffs: plan.handoffs.len() };
                let started = owned > 0 || !plan.handoffs.is_empty();
                StepStatus { step, state: state(!tier1.is_empty() && owned == tier1.len() && !plan.handoffs.is_empty(), started), facts, next }
            }
            Step::Measurement => {
                let won_deals = plan.deals.iter().filter(|d| d.outcome == Outcome::Won).count();
                let since = today.add_days(-89);
                let recent = plan.activities.iter().filter(|a| a.at.date() >= since && a.at.date() <= today).count();
                let facts = Facts::Measurement { won_deals, activities_90_days: recent };
                let next = if plan.activities.is_empty() && plan.deals.is_empty() { Some(Next::LogActivity) } else { Some(Next::OpenDashboard) };
                StepStatus { step, state: state(won_deals > 0 && recent > 0, won_deals > 0 || !plan.activities.is_empty()), facts, next }
            }
        })
        .collect()
}

/// The first step not done, where the user is best sent next.
pub fn current(steps: &[StepStatus]) -> Option<&StepStatus> {
    steps.iter().find(|s| s.state != State::Done)
}

/// Where a section's "next step" sends the user: `step` (the one after the
/// section), or when it is done already, the first later step that is not;
/// `step` itself when every later one is done. A finished step is no way on.
pub fn next_from(steps: &[StepStatus], step: Step) -> Step {
    let later = Step::ALL.iter().skip_while(|s| **s != step);
    later.copied().find(|s| steps.iter().any(|x| x.step == *s && x.state != State::Done)).unwrap_or(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prioritisation::evaluate;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 23).unwrap()
    }

    fn run(plan: &Plan) -> Vec<StepStatus> {
        let (basis, ranking) = evaluate(plan);
        checklist(plan, &basis, &ranking, today())
    }

    #[test]
    fn an_empty_plan_starts_with_goals_and_an_import() {
        let p = Plan::new(PlanId("p".into()), "t", today().at(0, 0));
        let steps = run(&p);
        assert_eq!(steps.len(), 8);
        assert!(steps.iter().all(|s| s.state == State::NotStarted), "{steps:#?}");
        assert_eq!(steps[0].next, Some(Next::AddGoal));
        assert_eq!(steps[1].next, Some(Next::ImportAccounts));
        assert_eq!(steps[2].next, Some(Next::ImportAccounts));
        assert_eq!(current(&steps).map(|s| s.step), Some(Step::Goals));
    }

    #[test]
    fn a_crm_import_leads_to_the_icp_suggested_from_customers_then_to_the_gaps() {
        let mut p = crate::demo::demo_plan(PlanId("d".into()), today(), today().at(0, 0));
        p.icp.criteria.clear();
        p.contacts.clear();
        p.account_plans.clear();
        let steps = run(&p);
        assert!(matches!(steps[1].next, Some(Next::SuggestIcp { customers }) if customers >= 10), "{:?}", steps[1]);
        assert_eq!(steps[2].next, Some(Next::ImportContacts));
        // Without criteria no fit is known: only the account included by hand
        // is a target, and it has neither a fit nor people to relate to.
        let set_aside = vec![FactorId("fit".into()), FactorId("relationship".into())];
        let Facts::Prioritisation { targets, tiers, set_aside: ref aside } = steps[3].facts else { panic!("{:?}", steps[3]) };
        assert_eq!((targets, tiers.iter().sum::<usize>(), aside), (1, 1, &set_aside), "its tier comes from the factors it has");
        assert_eq!(steps[3].next, Some(Next::FillFactor(set_aside[0].clone())));
    }

    #[test]
    fn a_section_points_past_steps_already_done() {
        let p = crate::demo::demo_plan(PlanId("d".into()), today(), today().at(0, 0));
        let steps = run(&p);
        // Goals → ICP, but the demo's ICP and account data are done.
        let first_open = Step::ALL.into_iter().skip(1).find(|s| steps.iter().any(|x| x.step == *s && x.state != State::Done)).unwrap();
        assert_ne!(first_open, Step::Icp);
        assert_eq!(next_from(&steps, Step::Icp), first_open);
        // A step not done is where it sends.
        let empty = run(&Plan::new(PlanId("p".into()), "t", today().at(0, 0)));
        assert_eq!(next_from(&empty, Step::Icp), Step::Icp);
        // Everything after done: the step itself.
        let mut done = steps.clone();
        done.iter_mut().for_each(|s| s.state = State::Done);
        assert_eq!(next_from(&done, Step::Measurement), Step::Measurement);
    }

    #[test]
    fn the_demo_points_to_its_next_account_plan_and_its_owners() {
        let p = crate::demo::demo_plan(PlanId("d".into()), today(), today().at(0, 0));
        let steps = run(&p);
        assert_eq!(steps[0].state, State::Done);
        assert_eq!(steps[1].state, State::Done);
        assert_eq!(steps[2].state, State::Done);
        assert_eq!(steps[7].state, State::Done);
        let Facts::AccountPlans { plans, tier1, tier1_with_plan } = steps[4].facts else { panic!() };
        assert_eq!(plans, 3);
        assert!(tier1_with_plan <= tier1);
        if let Some(Next::WritePlan(id)) = &steps[4].next {
            assert!(!p.account_plans.iter().any(|ap| &ap.account == id), "a plan is suggested for an account without one");
        }
    }
}
