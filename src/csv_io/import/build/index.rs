//! The lookups a preview matches rows through: accounts by id, domain and name;
//! team members by name or email; and which records the file has touched.

use crate::data_quality::{company_key, domain_key};
use crate::domain::*;
use crate::icp::normalise;
use std::collections::HashMap;

/// Finds accounts (of the plan and those the batch adds) by id, domain and name.
#[derive(Default)]
pub(super) struct AccountIndex {
    pub by_id: HashMap<String, usize>,
    pub by_domain: HashMap<String, Match>,
    pub by_name: HashMap<String, Match>,
}

/// The accounts a domain or a name points to. Only "exactly one" is of use (a
/// row naming a company that several accounts share is a problem), so several
/// are not listed: that saves an allocation per key, which counts when an
/// accounts file adds hundreds of thousands.
#[derive(Clone, Copy)]
pub(super) enum Match {
    One(usize),
    Several,
}

impl AccountIndex {
    pub fn reserve(&mut self, more: usize) {
        self.by_id.reserve(more);
        self.by_domain.reserve(more);
        self.by_name.reserve(more);
    }

    pub fn insert(&mut self, slot: usize, a: &Account) {
        self.by_id.insert(a.id.0.clone(), slot);
        let add = |m: &mut Match| {
            if !matches!(m, Match::One(s) if *s == slot) {
                *m = Match::Several;
            }
        };
        let d = domain_key(&a.domain);
        if !d.is_empty() {
            self.by_domain.entry(d).and_modify(add).or_insert(Match::One(slot));
        }
        let n = company_key(&a.name);
        if !n.is_empty() {
            self.by_name.entry(n).and_modify(add).or_insert(Match::One(slot));
        }
    }

    /// The one account with this domain or name: `Err(())` when several match.
    pub fn find(&self, domain: &str, name: &str) -> Result<Option<usize>, ()> {
        let pick = |m: Option<&Match>| match m {
            None => Ok(None),
            Some(Match::One(one)) => Ok(Some(*one)),
            Some(Match::Several) => Err(()),
        };
        let d = domain_key(domain);
        if !d.is_empty() {
            if let Some(found) = pick(self.by_domain.get(&d))? {
                return Ok(Some(found));
            }
        }
        let n = company_key(name);
        if n.is_empty() {
            return Ok(None);
        }
        pick(self.by_name.get(&n))
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty() && self.by_domain.is_empty() && self.by_name.is_empty()
    }

    /// Empties the lookups by up to `n` keys; how many it removed.
    pub fn clear_some(&mut self, n: usize) -> usize {
        let mut left = n;
        left -= remove_some(&mut self.by_id, left);
        left -= remove_some(&mut self.by_domain, left);
        left -= remove_some(&mut self.by_name, left);
        n - left
    }
}

/// Removes up to `n` entries of `map`; returns how many it removed.
pub(super) fn remove_some<K, V>(map: &mut HashMap<K, V>, n: usize) -> usize {
    let mut removed = 0;
    if n > 0 && !map.is_empty() {
        map.retain(|_, _| {
            removed += 1;
            removed > n
        });
    }
    removed.min(n)
}

/// Our team as the owner columns name it: members of the plan, found by name
/// or email (case and width folded), and those the import adds.
pub(super) struct Members {
    pub list: Vec<TeamMember>,
    by_key: HashMap<String, usize>,
    /// Members before this position were in the plan.
    known: usize,
}

impl Members {
    pub fn new(plan: &Plan) -> Members {
        let mut m = Members { list: Vec::new(), by_key: HashMap::new(), known: plan.team.len() };
        for member in plan.team.iter() {
            m.add(member.clone());
        }
        m
    }

    fn add(&mut self, member: TeamMember) -> usize {
        let i = self.list.len();
        for key in [normalise(&member.name), normalise(&member.email)] {
            if !key.trim().is_empty() {
                self.by_key.entry(key).or_insert(i);
            }
        }
        self.list.push(member);
        i
    }

    /// The member a cell names (a name or an email), added to the team when
    /// the plan has nobody of that name.
    pub fn find_or_add(&mut self, text: &str, team: Team, ids: &mut IdGenerator) -> MemberId {
        let key = normalise(text);
        if let Some(&i) = self.by_key.get(&key) {
            return self.list[i].id.clone();
        }
        let text = text.trim();
        let email = if text.contains('@') { text.to_string() } else { String::new() };
        let i = self.add(TeamMember { id: MemberId::generate(ids), name: text.to_string(), team, email });
        self.list[i].id.clone()
    }

    /// The members the import adds.
    pub fn added(self) -> Vec<TeamMember> {
        self.list.into_iter().skip(self.known).collect()
    }
}

/// Records the batch writes, in first-touched order, each with the first row
/// of the file that touched it and, once a second row names it too, every row.
#[derive(Default)]
pub(super) struct Touched {
    pub order: Vec<usize>,
    /// Record position → the first row that touched it.
    first: HashMap<usize, u32>,
    /// Record position → the rows that touched it, when more than one did.
    pub merged: HashMap<usize, Vec<u32>>,
}

impl Touched {
    pub fn reserve(&mut self, more: usize) {
        self.order.reserve(more);
        self.first.reserve(more);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.first.contains_key(&i)
    }

    /// Notes that row `row` touched record `i`; true when an earlier row did
    /// (the row is merged into that record).
    pub fn add(&mut self, i: usize, row: u32) -> bool {
        match self.first.get(&i) {
            None => {
                self.first.insert(i, row);
                self.order.push(i);
                false
            }
            Some(&first) => {
                self.merged.entry(i).or_insert_with(|| vec![first]).push(row);
                true
            }
        }
    }
}
