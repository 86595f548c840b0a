//! Merging a duplicate account into the one kept. Nothing is lost: the kept
//! account's values win, its empty fields are filled from the other, lists are
//! united, both notes are kept; every record that named the other account
//! (contacts, deals, activities, NPS, notes, hand-offs, content, campaign
//! targets) now names the kept one, and the two account plans become one.
//! One undoable change (`Change::MergeAccounts`).

use crate::domain::lists::edit_where as edit;
use crate::domain::*;
use crate::icp::normalise;

fn fill(target: &mut String, from: &str) {
    if target.trim().is_empty() && !from.trim().is_empty() {
        *target = from.to_string();
    }
}

fn unite(target: &mut Vec<String>, from: &[String]) {
    for v in from {
        if !target.iter().any(|x| normalise(x) == normalise(v)) {
            target.push(v.clone());
        }
    }
}

fn join_text(target: &mut String, from: &str) {
    let from = from.trim();
    if from.is_empty() || target.contains(from) {
        return;
    }
    if target.trim().is_empty() {
        *target = from.to_string();
    } else {
        target.push_str("\n\n");
        target.push_str(from);
    }
}

/// The kept account with the other's data folded in.
pub fn merged_account(keep: &Account, other: &Account) -> Account {
    let mut a = keep.clone();
    fill(&mut a.domain, &other.domain);
    fill(&mut a.industry, &other.industry);
    fill(&mut a.country, &other.country);
    fill(&mut a.region, &other.region);
    a.employees = a.employees.or(other.employees);
    a.annual_revenue = a.annual_revenue.or(other.annual_revenue);
    a.expected_deal_size = a.expected_deal_size.or(other.expected_deal_size);
    unite(&mut a.technologies, &other.technologies);
    unite(&mut a.tags, &other.tags);
    for (k, v) in &other.custom {
        a.custom.entry(k.clone()).or_insert_with(|| v.clone());
    }
    for (k, v) in &other.factors {
        a.factors.entry(k.clone()).or_insert(*v);
    }
    if a.target == TargetChoice::Auto {
        a.target = other.target;
    }
    fill(&mut a.target_note, &other.target_note);
    a.tier = a.tier.or(other.tier);
    a.marketing_owner = a.marketing_owner.clone().or_else(|| other.marketing_owner.clone());
    a.sales_owner = a.sales_owner.clone().or_else(|| other.sales_owner.clone());
    join_text(&mut a.notes, &other.notes);
    a
}

fn merged_plan(keep: &AccountPlan, other: &AccountPlan) -> AccountPlan {
    let mut p = keep.clone();
    join_text(&mut p.overview.business, &other.overview.business);
    join_text(&mut p.overview.challenges, &other.overview.challenges);
    join_text(&mut p.overview.needs, &other.overview.needs);
    join_text(&mut p.marketing_plan, &other.marketing_plan);
    join_text(&mut p.sales_strategy, &other.sales_strategy);
    p.goals.extend(other.goals.iter().cloned());
    p.kpis.extend(other.kpis.iter().cloned());
    p.actions.extend(other.actions.iter().cloned());
    for c in &other.channels {
        if !p.channels.contains(c) {
            p.channels.push(c.clone());
        }
    }
    p
}

/// Merges `absorb` into `keep`; refused (nothing changes) unless both exist and differ.
pub fn merge_accounts(p: &mut Plan, keep: &AccountId, absorb: &AccountId, now: Timestamp) -> Result<(), Refusal> {
    let (Some(ki), Some(ai)) = (p.accounts.iter().position(|a| &a.id == keep), p.accounts.iter().position(|a| &a.id == absorb)) else {
        return Err(Refusal::Missing("account", Collection::Accounts));
    };
    if ki == ai {
        return Err(Refusal::NothingToChange);
    }
    let mut merged = merged_account(&p.accounts[ki], &p.accounts[ai]);
    merged.updated_at = Some(now);
    p.accounts.set(ki, merged);
    p.accounts.remove(ai);
    // The absorbed account is gone; what was said of it is not said of the kept one.
    p.settings.distinct_accounts.retain(|pair| !pair.contains(absorb));

    let repoint = |id: &mut AccountId| {
        if id == absorb {
            *id = keep.clone();
        }
    };
    let mine = |id: &AccountId| id == absorb;
    edit(&mut p.contacts, |c| mine(&c.account), |c| repoint(&mut c.account));
    edit(&mut p.deals, |d| mine(&d.account), |d| repoint(&mut d.account));
    edit(&mut p.activities, |a| mine(&a.account), |a| repoint(&mut a.account));
    edit(&mut p.nps_responses, |r| mine(&r.account), |r| repoint(&mut r.account));
    edit(&mut p.notes, |n| mine(&n.account), |n| repoint(&mut n.account));
    edit(&mut p.handoffs, |h| mine(&h.account), |h| repoint(&mut h.account));
    edit(&mut p.content, |c| c.account.as_ref().is_some_and(mine), |c| c.account = Some(keep.clone()));
    edit(
        &mut p.campaigns,
        |c| c.targets.contains(absorb),
        |c| {
            let had_keep = c.targets.contains(keep);
            c.targets.retain(|t| t != absorb && (!had_keep || t != keep));
            c.targets.push(keep.clone());
        },
    );

    let kept_plan = p.account_plans.iter().position(|x| &x.account == keep);
    let other_plan = p.account_plans.iter().position(|x| &x.account == absorb);
    match (kept_plan, other_plan) {
        (Some(k), Some(o)) => {
            let mut joined = merged_plan(&p.account_plans[k], &p.account_plans[o]);
            joined.updated_at = Some(now);
            p.account_plans.set(k, joined);
            p.account_plans.remove(o);
        }
        (None, Some(o)) => {
            let mut moved = p.account_plans[o].clone();
            moved.account = keep.clone();
            p.account_plans.set(o, moved);
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::{apply, Change};

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-24T00:00:00Z").unwrap()
    }

    /// The demo plan with a second spelling of its first account that has its own
    /// contact, deal, activity, account plan and campaign target.
    fn with_duplicate() -> (Plan, AccountId, AccountId) {
        let mut p = crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now());
        let keep = p.accounts[0].clone();
        let mut dup = Account::new(AccountId("acc_dup".into()), format!("{}（株）", keep.name));
        dup.domain = "dup.example".into();
        dup.tags = vec!["from-csv".into()];
        dup.notes = "met at the expo".into();
        p.accounts.push_back(dup.clone());
        p.contacts.push_back(Contact::new(ContactId("con_dup".into()), dup.id.clone(), "重複 花子"));
        p.deals.push_back(Deal::new(DealId("deal_dup".into()), dup.id.clone(), "Pilot", Money::from_major(100), Date::from_ymd(2026, 1, 1).unwrap()));
        let mut act = p.activities[0].clone();
        act.id = ActivityId("act_dup".into());
        act.account = dup.id.clone();
        act.contact = None;
        p.activities.push_back(act);
        let mut plan = AccountPlan {
            id: AccountPlanId("ap_dup".into()),
            account: dup.id.clone(),
            ..p.account_plans.iter().find(|x| x.account == keep.id).cloned().unwrap_or_else(|| p.account_plans[0].clone())
        };
        plan.marketing_plan = "Webinar series".into();
        p.account_plans.push_back(plan);
        let mut c = p.campaigns[0].clone();
        c.targets = vec![keep.id.clone(), dup.id.clone()];
        p.campaigns.set(0, c);
        (p, keep.id, dup.id)
    }

    #[test]
    fn merging_repoints_everything_and_loses_nothing() {
        let (p, keep, dup) = with_duplicate();
        let counts = (p.contacts.len(), p.deals.len(), p.activities.len());
        let after = apply(&p, Change::MergeAccounts { keep: keep.clone(), absorb: dup.clone() }, now()).unwrap();
        assert_eq!(after.accounts.len(), p.accounts.len() - 1);
        assert!(!after.accounts.iter().any(|a| a.id == dup));
        assert_eq!((after.contacts.len(), after.deals.len(), after.activities.len()), counts, "no record is dropped");
        assert!(after.contacts.iter().any(|c| c.id.as_str() == "con_dup" && c.account == keep));
        assert!(after.deals.iter().any(|d| d.id.as_str() == "deal_dup" && d.account == keep));
        assert!(after.activities.iter().any(|a| a.id.as_str() == "act_dup" && a.account == keep));
        let kept = after.accounts.iter().find(|a| a.id == keep).unwrap();
        let before = p.accounts.iter().find(|a| a.id == keep).unwrap();
        assert_eq!(kept.name, before.name, "the kept account's values win");
        assert!(kept.tags.contains(&"from-csv".to_string()));
        assert!(kept.notes.contains("met at the expo"));
        if before.domain.is_empty() {
            assert_eq!(kept.domain, "dup.example");
        } else {
            assert_eq!(kept.domain, before.domain);
        }
        assert_eq!(after.campaigns[0].targets.iter().filter(|t| **t == keep).count(), 1);
        assert!(!after.campaigns[0].targets.contains(&dup));
        let plans: Vec<&AccountPlan> = after.account_plans.iter().filter(|x| x.account == keep).collect();
        assert_eq!(plans.len(), 1, "one account plan");
        assert!(plans[0].marketing_plan.contains("Webinar series"));
        assert!(!after.account_plans.iter().any(|x| x.account == dup));
        // The merged plan is a valid file.
        let text = crate::plan_file::to_file_text(&after, now());
        assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok());
    }

    #[test]
    fn merging_an_account_into_itself_or_a_missing_one_does_nothing() {
        let (p, keep, _) = with_duplicate();
        assert_eq!(apply(&p, Change::MergeAccounts { keep: keep.clone(), absorb: keep.clone() }, now()), Err(Refusal::NothingToChange));
        assert_eq!(apply(&p, Change::MergeAccounts { keep, absorb: AccountId("gone".into()) }, now()), Err(Refusal::Missing("account", Collection::Accounts)));
    }
}
