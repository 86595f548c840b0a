//! The preview's state while rows are read: the records the file touches (the
//! plan's, copied, and new ones), the lookups that match rows to them, and the
//! problems found. One row at a time (`row`), then `finish`.

use super::cells::{Cells, RowCheck};
use super::index::{AccountIndex, Members, Touched};
use super::{structure_problems, Merge, Options, Preview, ProblemKind, RowProblem, Severity, MAX_PROBLEMS, ONE_CELL_TABLE};
use crate::csv_io::import::fields::{Field, RecordKind};
use crate::csv_io::import::table::{shorten, StructureKind, Table};
use crate::domain::sorting;
use crate::domain::*;
use crate::editing::Batch;
use crate::icp::normalise;
use std::collections::{BTreeMap, HashMap, HashSet};

pub(super) struct Builder<'p> {
    pub plan: &'p Plan,
    pub table: &'p Table,
    pub options: &'p Options,
    /// Accounts: those of the plan (slots 0..n), then those the batch adds.
    pub accounts: Vec<Account>,
    pub account_index: AccountIndex,
    pub touched_accounts: Touched,
    pub contacts: Vec<Contact>,
    pub contact_by_email: HashMap<String, usize>,
    pub contact_by_name: HashMap<(String, String), usize>,
    pub touched_contacts: Touched,
    pub deals: Vec<Deal>,
    pub deal_by_name: HashMap<(String, String), usize>,
    pub touched_deals: Touched,
    pub activities: Vec<Activity>,
    /// Activities present, by (account slot, contact position or `usize::MAX`,
    /// kind, minute): integers, so 200,000 of them hash quickly.
    pub seen_activities: HashSet<(usize, usize, ActivityKind, i64)>,
    pub members: Members,
    /// Accounts added for companies that contact or deal rows name.
    pub new_accounts: Vec<usize>,
    pub already: usize,
    pub merged_rows: usize,
    pub bad_rows: Vec<u64>,
    pub bad_cells: usize,
    pub problems: Vec<RowProblem>,
    pub currencies: BTreeMap<&'static str, usize>,
    /// The merges, once `resolve_merges` ran.
    pub merges: Vec<Merge>,
}

pub(super) fn minute(t: Timestamp) -> i64 {
    t.millis().div_euclid(60_000)
}

impl<'p> Builder<'p> {
    pub fn new(plan: &'p Plan, table: &'p Table, options: &'p Options) -> Self {
        let mut b = Builder {
            plan,
            table,
            options,
            accounts: plan.accounts.iter().cloned().collect(),
            account_index: AccountIndex::default(),
            touched_accounts: Touched::default(),
            contacts: Vec::new(),
            contact_by_email: HashMap::new(),
            contact_by_name: HashMap::new(),
            touched_contacts: Touched::default(),
            deals: Vec::new(),
            deal_by_name: HashMap::new(),
            touched_deals: Touched::default(),
            activities: Vec::new(),
            seen_activities: HashSet::new(),
            members: Members::new(plan),
            new_accounts: Vec::new(),
            already: 0,
            merged_rows: 0,
            bad_rows: Vec::new(),
            bad_cells: 0,
            problems: structure_problems(table).collect(),
            currencies: BTreeMap::new(),
            merges: Vec::new(),
        };
        let rows = table.len();
        // Each row may add an account (an accounts file, or a contact naming a
        // new company): room in the index at once, so it is not rehashed
        // (hundreds of thousands of keys) in the middle of a step.
        let adds_accounts = options.kind == RecordKind::Accounts || (options.add_accounts && options.kind != RecordKind::Activities);
        b.account_index.reserve(plan.accounts.len() + if adds_accounts { rows } else { 0 });
        for (i, a) in b.accounts.iter().enumerate() {
            b.account_index.insert(i, a);
        }
        // Likewise every list a row may add to: room for one record per row, so
        // no step copies hundreds of MB of records to a larger list (a growing
        // list is copied whole, in one step, on the page's main thread).
        match options.kind {
            RecordKind::Accounts => {
                b.accounts.reserve(rows);
                b.touched_accounts.reserve(rows);
            }
            RecordKind::Contacts => {
                b.contacts.reserve(rows);
                b.contact_by_email.reserve(rows);
                b.contact_by_name.reserve(rows);
                b.touched_contacts.reserve(rows);
            }
            RecordKind::Deals => {
                b.deals.reserve(rows);
                b.deal_by_name.reserve(rows);
                b.touched_deals.reserve(rows);
            }
            RecordKind::Activities => b.activities.reserve(rows),
        }
        match options.kind {
            RecordKind::Accounts => {}
            RecordKind::Contacts | RecordKind::Activities => {
                b.contacts = plan.contacts.iter().cloned().collect();
                for (i, c) in b.contacts.iter().enumerate() {
                    if !c.email.trim().is_empty() {
                        b.contact_by_email.insert(normalise(&c.email), i);
                    }
                    b.contact_by_name.insert((c.account.0.clone(), normalise(&c.name)), i);
                }
                if options.kind == RecordKind::Activities {
                    let contact_pos: HashMap<&str, usize> = plan.contacts.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
                    let seen = plan
                        .activities
                        .iter()
                        .filter_map(|a| {
                            let slot = *b.account_index.by_id.get(a.account.as_str())?;
                            let contact = a.contact.as_ref().and_then(|c| contact_pos.get(c.as_str()).copied()).unwrap_or(usize::MAX);
                            Some((slot, contact, a.kind, minute(a.at)))
                        })
                        .collect::<HashSet<_>>();
                    b.seen_activities = seen;
                    b.seen_activities.reserve(rows);
                }
            }
            RecordKind::Deals => {
                b.deals = plan.deals.iter().cloned().collect();
                for (i, d) in b.deals.iter().enumerate() {
                    b.deal_by_name.insert((d.account.0.clone(), normalise(&d.name)), i);
                }
            }
        }
        b
    }

    /// Empties the lookups by up to `keys` keys; true when they are empty.
    /// Freeing the keys of a few hundred thousand records at once would hold
    /// the page for a noticeable part of a second.
    pub fn clear_some(&mut self, keys: usize) -> bool {
        use super::index::remove_some;
        let mut left = keys;
        left -= self.account_index.clear_some(left);
        left -= remove_some(&mut self.contact_by_email, left);
        left -= remove_some(&mut self.contact_by_name, left);
        remove_some(&mut self.deal_by_name, left);
        self.account_index.is_empty() && self.contact_by_email.is_empty() && self.contact_by_name.is_empty() && self.deal_by_name.is_empty()
    }

    /// Reads row `index` of the table.
    pub fn row(&mut self, index: usize, ids: &mut IdGenerator) {
        let Some(row) = self.table.row(index) else { return };
        let mut check = RowCheck::new(row.line, self.options.skip_rows_with_bad_cells);
        let expected = self.table.headers.len();
        let whole_row = || {
            let delimiter = char::from(self.table.delimiter);
            shorten(&row.cells().collect::<Vec<_>>().join(&delimiter.to_string()))
        };
        let listed_whole = if row.len() > expected && row.cells().skip(expected).any(|c| !c.is_empty()) {
            // Cells have shifted (usually an unquoted comma): reading them
            // would put values under the wrong headers, so the row is listed
            // whole and none of its cells is guessed at.
            Some(ProblemKind::TooManyCells { expected })
        } else if row.len() == 1 && expected >= ONE_CELL_TABLE {
            // One value on a line of a wide table is a report's title, total
            // or footer ("Grand Totals (8 records)", "Confidential…"), not a
            // company: listed, never imported as one.
            Some(ProblemKind::OneCellLine { expected })
        } else {
            None
        };
        if let Some(kind) = listed_whole {
            check.add(None, &whole_row(), kind);
            self.bad_rows.push(row.line);
            self.problems.extend(check.problems.into_iter().take(MAX_PROBLEMS.saturating_sub(self.problems.len())));
            return;
        } else if row.len() < expected {
            check.note(None, "", ProblemKind::FewerCells { cells: row.len(), expected });
        }
        let cells = Cells { row, mapping: &self.options.mapping };
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        match self.options.kind {
            RecordKind::Accounts => self.account_row(index, &cells, &mut check, ids),
            RecordKind::Contacts => self.contact_row(index, &cells, &mut check, ids),
            RecordKind::Deals => self.deal_row(index, &cells, &mut check, ids),
            RecordKind::Activities => self.activity_row(&cells, &mut check, ids),
        }
        if check.skips_row() {
            self.bad_rows.push(row.line);
        }
        self.bad_cells += check.problems.iter().filter(|p| p.severity == Severity::Cell).count();
        let room = MAX_PROBLEMS.saturating_sub(self.problems.len());
        self.problems.extend(check.problems.into_iter().take(room));
    }

    /// Notes the currency an amount cell named.
    pub fn saw_currency(&mut self, currency: Option<&'static str>) {
        if let Some(c) = currency {
            *self.currencies.entry(c).or_default() += 1;
        }
    }

    /// The account a contact, deal or activity row names, or a problem. With
    /// `add`, a company the plan lacks is added as an account (by its name,
    /// or its domain column when it has no name).
    pub fn linked_account(&mut self, cells: &Cells, check: &mut RowCheck, email_domain: Option<String>, add: Option<&mut IdGenerator>) -> Option<usize> {
        let (dcol, domain_text) = cells.get(Field::CompanyDomain);
        let (ncol, name) = cells.get(Field::Company);
        let domain = if domain_text.is_empty() { email_domain.unwrap_or_default() } else { domain_text.to_string() };
        match self.account_index.find(&domain, name) {
            Ok(Some(slot)) => Some(slot),
            Ok(None) => {
                let company = if name.is_empty() { domain_text } else { name };
                if let (Some(ids), false) = (add, company.is_empty()) {
                    if !check.skips_row() {
                        return Some(self.add_account(company, domain_text, ids));
                    }
                    return None;
                }
                let (col, value) = if name.is_empty() { (dcol, domain.as_str()) } else { (ncol, name) };
                check.add(col.or(ncol).or(dcol), value, if value.is_empty() { ProblemKind::Missing(Field::Company) } else { ProblemKind::NoSuchAccount });
                None
            }
            Err(()) => {
                check.add(ncol, name, ProblemKind::AmbiguousAccount);
                None
            }
        }
    }

    /// Adds an account for a company a contact or deal names.
    fn add_account(&mut self, name: &str, domain: &str, ids: &mut IdGenerator) -> usize {
        let mut a = Account::new(AccountId::generate(ids), name);
        a.domain = crate::data_quality::domain_key(domain);
        a.updated_at = Some(self.options.now);
        let slot = self.accounts.len();
        self.account_index.insert(slot, &a);
        self.accounts.push(a);
        self.new_accounts.push(slot);
        slot
    }

    pub fn finish(mut self) -> Preview {
        let merges = std::mem::take(&mut self.merges);
        let n_accounts = self.plan.accounts.len();
        let n_contacts = self.plan.contacts.len();
        let n_deals = self.plan.deals.len();
        let mut added = 0;
        let mut updated = 0;
        let mut count = |old: bool| if old { updated += 1 } else { added += 1 };
        let mut batch = Batch {
            team: Vec::new(),
            accounts: Vec::with_capacity(self.touched_accounts.order.len() + self.new_accounts.len()),
            contacts: Vec::with_capacity(self.touched_contacts.order.len()),
            deals: Vec::with_capacity(self.touched_deals.order.len()),
            activities: Vec::new(),
        };
        // Moved out, not copied: an accounts file can add hundreds of thousands.
        // Each position is in a `Touched` order once.
        let (mut accounts, mut contacts, mut deals) = (std::mem::take(&mut self.accounts), std::mem::take(&mut self.contacts), std::mem::take(&mut self.deals));
        let blank_account = || Account::new(AccountId(String::new()), "");
        for &slot in &self.touched_accounts.order {
            count(slot < n_accounts);
            batch.accounts.push(std::mem::replace(&mut accounts[slot], blank_account()));
        }
        for &slot in &self.new_accounts {
            batch.accounts.push(std::mem::replace(&mut accounts[slot], blank_account()));
        }
        for &i in &self.touched_contacts.order {
            count(i < n_contacts);
            batch.contacts.push(std::mem::replace(&mut contacts[i], Contact::new(ContactId(String::new()), AccountId(String::new()), "")));
        }
        for &i in &self.touched_deals.order {
            count(i < n_deals);
            let blank = Deal::new(DealId(String::new()), AccountId(String::new()), "", Money::ZERO, Date(chrono::NaiveDate::MIN));
            batch.deals.push(std::mem::replace(&mut deals[i], blank));
        }
        added += self.activities.len();
        batch.activities = self.activities;
        batch.team = self.members.added();
        let new_members = batch.team.iter().map(|m| (m.name.clone(), m.team)).collect();
        // An unclosed quote costs its own line (the lines after it are read
        // again); quotes that joined lines cost all of them.
        let broken_lines = self.table.structure.iter().map(|s| if matches!(s.kind, StructureKind::UnclosedQuote) { 1 } else { s.lines() }).sum();
        let broken_rows = self.table.structure.iter().map(|s| s.line).collect();
        let mut problems = self.problems;
        sorting::sort_by_key(&mut problems, |p| p.line);
        Preview {
            kind: self.options.kind,
            batch,
            rows: self.table.len(),
            added,
            updated,
            merged_rows: self.merged_rows,
            merges,
            already: self.already,
            bad_rows: self.bad_rows,
            bad_cells: self.bad_cells,
            problems,
            new_accounts: self.new_accounts.len(),
            new_members,
            broken_lines,
            broken_rows,
            currencies: self.currencies.into_iter().collect(),
        }
    }

    /// The merge list, once every row is read: conflicts found and the user's
    /// choices applied (see `merges`).
    pub fn resolve_merges(&mut self, ids: &mut IdGenerator) {
        let kind = self.options.kind;
        let groups: Vec<(usize, Vec<u32>)> = {
            let touched = match kind {
                RecordKind::Accounts => &mut self.touched_accounts,
                RecordKind::Contacts => &mut self.touched_contacts,
                RecordKind::Deals => &mut self.touched_deals,
                RecordKind::Activities => return,
            };
            let mut g: Vec<(usize, Vec<u32>)> = std::mem::take(&mut touched.merged).into_iter().collect();
            sorting::sort_by_key(&mut g, |(_, rows)| rows.first().copied());
            g
        };
        for (slot, rows) in groups {
            let merge = self.merge(kind, slot, &rows, ids);
            if self.merges.len() < super::MAX_MERGES {
                self.merges.push(merge);
            }
        }
    }
}
