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
    /// Adds accounts, or replaces those with the same id (one or many at once).
    PutAccounts(Vec<Account>),
    /// Deletes accounts and everything that belongs to them.
    RemoveAccounts(Vec<AccountId>),
    /// Sets (or, with `None`, clears) a factor value typed by hand.
    SetFactorValue { account: AccountId, factor: FactorId, value: Option<f64> },
    SetIcp(Box<IcpProfile>),
    SetPrioritisation(Box<Prioritisation>),
    SetCustomFields(Vec<CustomFieldDef>),
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
    AddAccount,
    EditAccount,
    EditAccounts,
    DeleteAccounts,
    EditFactorValue,
    EditIcp,
    EditPersonas,
    EditTargetList,
    EditWeights,
    EditTiers,
    EditCustomFields,
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
        Change::PutAccounts(accounts) => {
            let index: std::collections::HashMap<AccountId, usize> =
                p.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
            for mut a in accounts {
                a.updated_at = Some(now);
                match index.get(&a.id) {
                    Some(&i) => {
                        p.accounts.set(i, a);
                    }
                    None => p.accounts.push_back(a),
                }
            }
        }
        Change::RemoveAccounts(ids) => {
            let gone: std::collections::HashSet<AccountId> = ids.into_iter().collect();
            if !p.accounts.iter().any(|a| gone.contains(&a.id)) {
                return plan.clone();
            }
            p.accounts.retain(|a| !gone.contains(&a.id));
            let contacts_gone: std::collections::HashSet<ContactId> =
                p.contacts.iter().filter(|c| gone.contains(&c.account)).map(|c| c.id.clone()).collect();
            p.contacts.retain(|c| !gone.contains(&c.account));
            p.deals.retain(|d| !gone.contains(&d.account));
            p.activities.retain(|a| !gone.contains(&a.account));
            p.account_plans.retain(|x| !gone.contains(&x.account));
            p.nps_responses.retain(|x| !gone.contains(&x.account));
            p.notes.retain(|x| !gone.contains(&x.account));
            p.handoffs.retain(|x| !gone.contains(&x.account));
            if p.campaigns.iter().any(|c| c.targets.iter().any(|t| gone.contains(t))) {
                p.campaigns = p
                    .campaigns
                    .iter()
                    .map(|c| Campaign { targets: c.targets.iter().filter(|t| !gone.contains(t)).cloned().collect(), ..c.clone() })
                    .collect();
            }
            if p.content.iter().any(|c| c.account.as_ref().is_some_and(|a| gone.contains(a))) {
                p.content = p
                    .content
                    .iter()
                    .map(|c| ContentAsset { account: c.account.clone().filter(|a| !gone.contains(a)), ..c.clone() })
                    .collect();
            }
            if p.contacts.iter().any(|c| c.reports_to.as_ref().is_some_and(|r| contacts_gone.contains(r))) {
                p.contacts = p
                    .contacts
                    .iter()
                    .map(|c| Contact { reports_to: c.reports_to.clone().filter(|r| !contacts_gone.contains(r)), ..c.clone() })
                    .collect();
            }
        }
        Change::SetFactorValue { account, factor, value } => {
            let Some(i) = p.accounts.iter().position(|a| a.id == account) else {
                return plan.clone();
            };
            let Some(max) = p.prioritisation.factors.iter().find(|f| f.id == factor).map(|f| f.scale.max()) else {
                return plan.clone();
            };
            let mut a = p.accounts[i].clone();
            match value.filter(|v| v.is_finite()) {
                Some(v) => {
                    a.factors.insert(factor, v.clamp(0.0, max));
                }
                None => {
                    a.factors.remove(&factor);
                }
            }
            a.updated_at = Some(now);
            p.accounts.set(i, a);
        }
        Change::SetIcp(icp) => p.icp = *icp,
        Change::SetPrioritisation(prioritisation) => {
            // Values typed for a removed factor go with it (undo brings them back).
            let known: std::collections::HashSet<&FactorId> = prioritisation.factors.iter().map(|f| &f.id).collect();
            retain_in_accounts(&mut p, |a| &a.factors, |a| &mut a.factors, |k| known.contains(k));
            p.prioritisation = *prioritisation;
        }
        Change::SetCustomFields(fields) => {
            // Values and ICP rules of a removed field go with it (undo brings them back).
            let kept: std::collections::HashSet<FieldId> = fields.iter().map(|f| f.id.clone()).collect();
            retain_in_accounts(&mut p, |a| &a.custom, |a| &mut a.custom, |k| kept.contains(k));
            p.icp.criteria.retain(|c| !matches!(&c.rule, IcpRule::CustomField { field, .. } if !kept.contains(field)));
            p.custom_fields = fields.into_iter().collect();
        }
    }
    p.updated_at = now;
    p
}

/// Keeps only the entries of a per-account map whose key passes `keep`. Accounts
/// that lose nothing are not copied, so the edit shares them with the undo history.
fn retain_in_accounts<K: Ord, V>(
    p: &mut Plan,
    map: fn(&Account) -> &std::collections::BTreeMap<K, V>,
    map_mut: fn(&mut Account) -> &mut std::collections::BTreeMap<K, V>,
    keep: impl Fn(&K) -> bool,
) {
    for i in 0..p.accounts.len() {
        if map(&p.accounts[i]).keys().all(&keep) {
            continue;
        }
        let mut a = p.accounts[i].clone();
        map_mut(&mut a).retain(|k, _| keep(k));
        p.accounts.set(i, a);
    }
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
    fn deleting_accounts_takes_what_belongs_to_them() {
        let demo = crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now());
        let gone = demo.accounts[1].id.clone();
        let p = apply(&demo, Change::RemoveAccounts(vec![gone.clone()]), now());
        assert_eq!(p.accounts.len(), demo.accounts.len() - 1);
        assert!(p.contacts.iter().all(|c| c.account != gone));
        assert!(p.deals.iter().all(|d| d.account != gone));
        assert!(p.activities.iter().all(|a| a.account != gone));
        assert!(p.account_plans.iter().all(|a| a.account != gone));
        assert!(p.campaigns.iter().all(|c| !c.targets.contains(&gone)));
        assert!(p.content.iter().all(|c| c.account.as_ref() != Some(&gone)));
        assert!(demo.activities.len() > p.activities.len());
        // What is left is a valid plan.
        let text = crate::plan_file::to_file_text(&p, now());
        assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok());
        assert_eq!(apply(&p, Change::RemoveAccounts(vec![gone]), now()), p, "nothing left to delete");
    }

    #[test]
    fn accounts_are_added_replaced_and_factor_values_typed() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let a = Account::new(AccountId("a".into()), "A");
        let p = apply(&p, Change::PutAccounts(vec![a.clone(), Account::new(AccountId("b".into()), "B")]), now());
        assert_eq!(p.accounts.len(), 2);
        assert_eq!(p.accounts[0].updated_at, Some(now()));
        let p = apply(&p, Change::PutAccounts(vec![Account { name: "A2".into(), ..a }]), now());
        assert_eq!(p.accounts[0].name, "A2");
        let fit = FactorId("fit".into());
        let p = apply(&p, Change::SetFactorValue { account: AccountId("a".into()), factor: fit.clone(), value: Some(140.0) }, now());
        assert_eq!(p.accounts[0].factors[&fit], 100.0, "held to the factor's scale");
        let p = apply(&p, Change::SetFactorValue { account: AccountId("a".into()), factor: fit.clone(), value: None }, now());
        assert!(p.accounts[0].factors.is_empty());
        let unknown = Change::SetFactorValue { account: AccountId("a".into()), factor: FactorId("nope".into()), value: Some(1.0) };
        assert_eq!(apply(&p, unknown, now()), p);
    }

    #[test]
    fn removing_a_custom_field_takes_its_values_and_icp_rules() {
        let mut p = Plan::new(PlanId("p".into()), "P", now());
        let erp = CustomFieldDef { id: FieldId("erp".into()), name: "ERP".into(), kind: FieldKind::Text, options: vec![] };
        let seats = CustomFieldDef { id: FieldId("seats".into()), name: "Seats".into(), kind: FieldKind::Number, options: vec![] };
        let mut a = Account::new(AccountId("a".into()), "A");
        a.custom.insert(erp.id.clone(), CustomValue::Text("SAP".into()));
        a.custom.insert(seats.id.clone(), CustomValue::Number(40.0));
        p.accounts.push_back(a);
        p.icp.criteria.push(IcpCriterion {
            id: CriterionId("c".into()),
            weight: 1.0,
            rule: IcpRule::CustomField { field: erp.id.clone(), values: vec!["SAP".into()], min: None, max: None },
        });
        let p = apply(&p, Change::SetCustomFields(vec![erp.clone(), seats.clone()]), now());
        assert_eq!(p.custom_fields.len(), 2);
        let p = apply(&p, Change::SetCustomFields(vec![seats.clone()]), now());
        assert_eq!(p.custom_fields.len(), 1);
        assert_eq!(p.accounts[0].custom.keys().collect::<Vec<_>>(), [&seats.id]);
        assert!(p.icp.criteria.is_empty());
    }

    #[test]
    fn removing_a_factor_takes_its_typed_values() {
        let mut p = Plan::new(PlanId("p".into()), "P", now());
        let mut prio = p.prioritisation.clone();
        prio.factors.push(Factor { id: FactorId("f_event".into()), name: "Event".into(), weight: 10.0, scale: FactorScale::TenPoint, source: FactorSource::Manual });
        p.prioritisation = prio.clone();
        let mut a = Account::new(AccountId("a".into()), "A");
        a.factors.insert(FactorId("f_event".into()), 7.0);
        a.factors.insert(FactorId("fit".into()), 50.0);
        p.accounts.push_back(a);
        prio.factors.pop();
        let after = apply(&p, Change::SetPrioritisation(Box::new(prio)), now());
        assert_eq!(after.accounts[0].factors.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["fit"]);
        assert_eq!(after.prioritisation.factors.len(), 4);
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
