//! Writing a confirmed CSV import: many records in one undoable step. Built for
//! size (30,000 contacts, 200,000 activities): records are matched through hash
//! maps, never by scanning the plan once per record, and held to the same rules
//! as one record at a time (`domain::Rules`, and the links as in `records`): the
//! CSV preview has already listed every row that breaks them, so a record that
//! still does, or that names a missing account, refuses the whole batch with its
//! refusal rather than being dropped unseen; links to missing team members and
//! contacts are cleared.

use crate::domain::lists::put_at;
use crate::domain::*;
use std::collections::{HashMap, HashSet};

/// Records ready to be written, in file order: what a confirmed CSV import
/// adds or replaces (records with the id of one in the plan replace it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Team members the import names as owners and the plan lacks.
    pub team: Vec<TeamMember>,
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub activities: Vec<Activity>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.team.len() + self.accounts.len() + self.contacts.len() + self.deals.len() + self.activities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Applies the batch, or refuses it with the first record that breaks a rule
/// (the plan is then left as it was: `apply` works on a copy).
pub fn import_batch(p: &mut Plan, batch: Batch, now: Timestamp) -> Result<(), Refusal> {
    let mut wrote = false;
    let missing_account = Refusal::Missing("account", Collection::Accounts);

    for m in batch.team {
        let m = m.checked()?;
        if check_id(m.id.as_str()).is_err() || p.team.iter().any(|x| x.id == m.id) {
            continue;
        }
        p.team.push_back(m);
        wrote = true;
    }
    let members: HashSet<&str> = p.team.iter().map(|m| m.id.as_str()).collect();
    let known = |m: &Option<MemberId>| m.as_ref().is_none_or(|m| members.contains(m.as_str()));

    let index: HashMap<AccountId, usize> = p.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for a in batch.accounts {
        let mut a = a.checked()?;
        if check_id(a.id.as_str()).is_err() {
            continue;
        }
        if !known(&a.sales_owner) {
            a.sales_owner = None;
        }
        if !known(&a.marketing_owner) {
            a.marketing_owner = None;
        }
        a.updated_at = Some(now);
        put_at(&mut p.accounts, index.get(&a.id).copied(), a);
        wrote = true;
    }
    let accounts: HashSet<&str> = p.accounts.iter().map(|a| a.id.as_str()).collect();

    let index: HashMap<ContactId, usize> = p.contacts.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    let mut contacts = Vec::new();
    for c in batch.contacts {
        let mut c = c.checked()?;
        if !accounts.contains(c.account.as_str()) {
            return Err(missing_account);
        }
        c.updated_at = Some(now);
        contacts.push((index.get(&c.id).copied(), c));
    }
    for (at, c) in contacts {
        put_at(&mut p.contacts, at, c);
        wrote = true;
    }
    let contact_account: HashMap<&str, &str> = p.contacts.iter().map(|c| (c.id.as_str(), c.account.as_str())).collect();

    let index: HashMap<DealId, usize> = p.deals.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    let mut deals = Vec::new();
    for d in batch.deals {
        let mut d = d.checked()?;
        if !accounts.contains(d.account.as_str()) {
            return Err(missing_account);
        }
        if !known(&d.owner) {
            d.owner = None;
        }
        d.updated_at = Some(now);
        deals.push((index.get(&d.id).copied(), d));
    }
    for (at, d) in deals {
        put_at(&mut p.deals, at, d);
        wrote = true;
    }

    let mut activities = Vec::new();
    for a in batch.activities {
        let mut a = a.checked()?;
        if !accounts.contains(a.account.as_str()) {
            return Err(missing_account);
        }
        if a.contact.as_ref().is_some_and(|c| contact_account.get(c.as_str()) != Some(&a.account.as_str())) {
            a.contact = None;
        }
        activities.push(a);
    }
    wrote |= !activities.is_empty();
    p.activities.extend(activities);
    if wrote {
        Ok(())
    } else {
        Err(Refusal::NothingToChange)
    }
}
