//! Writing a confirmed CSV import: many records in one undoable step. Built for
//! size (30,000 contacts, 200,000 activities): records are matched through hash
//! maps, never by scanning the plan once per record, and held to the same rules
//! as one record at a time (`records`): a record naming a missing account is
//! dropped, links to missing records are cleared, a decided deal is at the closed
//! stage with a close date.

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

/// Applies the batch; false when it writes nothing.
pub fn import_batch(p: &mut Plan, batch: Batch, now: Timestamp) -> bool {
    let mut wrote = false;

    for m in batch.team {
        if m.name.trim().is_empty() || check_id(m.id.as_str()).is_err() || p.team.iter().any(|x| x.id == m.id) {
            continue;
        }
        p.team.push_back(m);
        wrote = true;
    }
    let members: HashSet<&str> = p.team.iter().map(|m| m.id.as_str()).collect();
    let known = |m: &Option<MemberId>| m.as_ref().is_none_or(|m| members.contains(m.as_str()));

    let index: HashMap<AccountId, usize> = p.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for mut a in batch.accounts {
        if a.name.trim().is_empty() || check_id(a.id.as_str()).is_err() {
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
    for mut c in batch.contacts {
        if !accounts.contains(c.account.as_str()) || c.name.trim().is_empty() {
            continue;
        }
        if c.reports_to.as_ref() == Some(&c.id) {
            c.reports_to = None;
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
    for mut d in batch.deals {
        d.name = d.name.trim().to_string();
        let closed_ok = match (d.outcome, d.closed) {
            (Outcome::Open, c) => c.is_none_or(|c| c >= d.created),
            (_, Some(c)) => c >= d.created,
            (_, None) => false,
        };
        if !accounts.contains(d.account.as_str()) || d.name.is_empty() || d.amount.minor() < 0 || !closed_ok {
            continue;
        }
        if !known(&d.owner) {
            d.owner = None;
        }
        if d.outcome != Outcome::Open {
            d.stage = DealStage::Closed;
        } else if d.stage == DealStage::Closed {
            d.stage = DealStage::Negotiation;
        }
        d.updated_at = Some(now);
        deals.push((index.get(&d.id).copied(), d));
    }
    for (at, d) in deals {
        put_at(&mut p.deals, at, d);
        wrote = true;
    }

    let mut activities = Vec::new();
    for mut a in batch.activities {
        if !accounts.contains(a.account.as_str()) {
            continue;
        }
        if a.contact.as_ref().is_some_and(|c| contact_account.get(c.as_str()) != Some(&a.account.as_str())) {
            a.contact = None;
        }
        a.count = a.count.filter(|n| *n > 1);
        a.note = a.note.trim().to_string();
        activities.push(a);
    }
    wrote |= !activities.is_empty();
    p.activities.extend(activities);
    wrote
}
