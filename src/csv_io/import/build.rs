//! Rows to records: each row of the table, read through the mapping, becomes an
//! account, contact, deal or activity — or a list of problems naming its line and
//! column. Nothing here touches the plan: the result is a preview whose `batch`
//! the user confirms (bad rows are skipped and listed).
//!
//! Matching, so that importing the same export twice updates instead of
//! doubling: an account by its id column, else its domain, else its name with
//! legal form and width folded away; a contact by email, else by name at the same
//! account; a deal by name at the same account; an activity already in the plan
//! (same account, contact, kind and minute) is skipped.

use super::fields::{Field, RecordKind};
use super::table::{Row, Table};
use super::values;
use crate::domain::*;
use crate::icp::normalise;
use crate::quality::{company_key, domain_key, email_domain};
use std::collections::{HashMap, HashSet};

/// The most problems kept for display; the bad-row count stays exact.
pub const MAX_PROBLEMS: usize = 1000;

pub struct Options {
    pub kind: RecordKind,
    pub mapping: Vec<Option<Field>>,
    /// The browser's offset from UTC, for times written without one.
    pub utc_offset_minutes: i32,
    pub now: Timestamp,
}

/// Records ready to be written, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub activities: Vec<Activity>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.accounts.len() + self.contacts.len() + self.deals.len() + self.activities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub kind: RecordKind,
    pub batch: Batch,
    /// Records the batch adds, and those it updates (already in the plan).
    pub added: usize,
    pub updated: usize,
    /// Rows that repeat what the plan already holds (activities only).
    pub already: usize,
    /// Lines of the rows that will be skipped, in file order.
    pub bad_rows: Vec<u64>,
    /// The problems of those rows (at most `MAX_PROBLEMS`).
    pub problems: Vec<RowProblem>,
}

impl Preview {
    /// Records the batch adds or updates: its length, also once the batch has
    /// been taken to be imported.
    pub fn records(&self) -> usize {
        self.added + self.updated
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: u64,
    /// The column (index into the headings), when one cell is at fault.
    pub column: Option<usize>,
    pub value: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required value is empty.
    Missing(Field),
    NotANumber,
    NotAnAmount,
    NotADate,
    UnknownStage,
    UnknownDealKind,
    UnknownActivityKind,
    /// No account in the plan has this name or domain.
    NoSuchAccount,
    /// Several accounts have this name: a domain column would tell them apart.
    AmbiguousAccount,
    /// Won or lost without a close date.
    ClosedWithoutDate,
    /// Closed before it was created.
    ClosedBeforeCreated,
    /// Not usable as an id (control characters, over 100 characters).
    BadId,
    /// The row has more cells than the heading row.
    TooManyCells { expected: usize },
    /// Not a number, for a custom field of numbers (decimals and signs allowed).
    NotNumeric,
    /// Not yes or no, for a custom yes/no field.
    NotAFlag,
    /// Not one of a custom choice field's options.
    NotAnOption,
}

/// Reads the table in one go (see [`PreviewRun`]). Rows with any problem are
/// left out of the batch.
pub fn preview(plan: &Plan, table: &Table, options: &Options, ids: &mut IdGenerator) -> Preview {
    let mut run = PreviewRun::new(plan, table, options);
    while !run.step(usize::MAX, ids) {}
    run.finish()
}

/// Keys of the lookups freed per row a step may read: freeing one is far
/// quicker than reading a row.
const KEYS_PER_ROW: usize = 50;

/// Reading a table's rows into a preview a stretch at a time, so a file of
/// hundreds of thousands of rows does not hold the page in one task:
/// [`PreviewRun::step`] until it says done, then [`PreviewRun::finish`].
pub struct PreviewRun<'p> {
    builder: Builder<'p>,
    next: usize,
}

impl<'p> PreviewRun<'p> {
    pub fn new(plan: &'p Plan, table: &'p Table, options: &'p Options) -> Self {
        PreviewRun { builder: Builder::new(plan, table, options), next: 0 }
    }

    /// Share of the rows read (0–1).
    pub fn progress(&self) -> f64 {
        let total = self.builder.table.len();
        if total == 0 {
            1.0
        } else {
            self.next as f64 / total as f64
        }
    }

    /// Reads up to `rows` more rows (at least one); true when all are read
    /// and the run is ready to [`finish`](PreviewRun::finish).
    pub fn step(&mut self, rows: usize, ids: &mut IdGenerator) -> bool {
        let table = self.builder.table;
        if self.next == table.len() {
            // All rows read: the lookups built for them are emptied a stretch
            // at a time before the preview is handed over.
            return self.builder.clear_some(rows.max(1).saturating_mul(KEYS_PER_ROW));
        }
        let end = self.next.saturating_add(rows.max(1)).min(table.len());
        for i in self.next..end {
            if let Some(row) = table.row(i) {
                self.builder.row(row, ids);
            }
        }
        self.next = end;
        false
    }

    /// The preview of the rows read.
    pub fn finish(self) -> Preview {
        self.builder.finish()
    }
}

struct Cells<'a> {
    row: Row<'a>,
    mapping: &'a [Option<Field>],
}

impl<'a> Cells<'a> {
    /// The column mapped to `field` and its text (empty when absent).
    fn get(&self, field: Field) -> (Option<usize>, &'a str) {
        match self.mapping.iter().position(|m| *m == Some(field)) {
            Some(i) => (Some(i), self.row.cell(i).unwrap_or("")),
            None => (None, ""),
        }
    }

    fn text(&self, field: Field) -> &'a str {
        self.get(field).1
    }
}

/// Problems of one row, collected before deciding whether it is usable.
struct RowCheck {
    line: u64,
    problems: Vec<RowProblem>,
}

impl RowCheck {
    fn add(&mut self, column: Option<usize>, value: &str, kind: ProblemKind) {
        self.problems.push(RowProblem { line: self.line, column, value: value.to_string(), kind });
    }

    /// Parses the cell of `field` with `read`; empty is `None`, unreadable a problem.
    fn parse<T>(&mut self, cells: &Cells, field: Field, kind: ProblemKind, read: impl Fn(&str) -> Option<T>) -> Option<T> {
        let (col, text) = cells.get(field);
        if text.is_empty() {
            return None;
        }
        let v = read(text);
        if v.is_none() {
            self.add(col, text, kind);
        }
        v
    }

    fn required<'t>(&mut self, cells: &Cells<'t>, field: Field) -> Option<&'t str> {
        let (col, text) = cells.get(field);
        if text.is_empty() {
            self.add(col, "", ProblemKind::Missing(field));
            return None;
        }
        Some(text)
    }
}

/// Finds accounts (of the plan and those the batch adds) by id, domain and name.
#[derive(Default)]
struct AccountIndex {
    by_id: HashMap<String, usize>,
    by_domain: HashMap<String, Match>,
    by_name: HashMap<String, Match>,
}

/// The accounts a domain or a name points to. Only "exactly one" is of use (a
/// row naming a company that several accounts share is a problem), so several
/// are not listed: that saves an allocation per key, which counts when an
/// accounts file adds hundreds of thousands.
#[derive(Clone, Copy)]
enum Match {
    One(usize),
    Several,
}

impl AccountIndex {
    fn insert(&mut self, slot: usize, a: &Account) {
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

    /// The one account with this domain or name: `Err(true)` when several match.
    fn find(&self, domain: &str, name: &str) -> Result<Option<usize>, bool> {
        let pick = |m: Option<&Match>| match m {
            None => Ok(None),
            Some(Match::One(one)) => Ok(Some(*one)),
            Some(Match::Several) => Err(true),
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

}

/// Removes up to `n` entries of `map`; returns how many it removed.
fn remove_some<K, V>(map: &mut HashMap<K, V>, n: usize) -> usize {
    let mut removed = 0;
    if n > 0 && !map.is_empty() {
        map.retain(|_, _| {
            removed += 1;
            removed > n
        });
    }
    removed.min(n)
}

struct Builder<'p> {
    plan: &'p Plan,
    table: &'p Table,
    options: &'p Options,
    /// Accounts: those of the plan (slots 0..n), then those the batch adds.
    accounts: Vec<Account>,
    account_index: AccountIndex,
    touched_accounts: Touched,
    contacts: Vec<Contact>,
    contact_by_email: HashMap<String, usize>,
    contact_by_name: HashMap<(String, String), usize>,
    touched_contacts: Touched,
    deals: Vec<Deal>,
    deal_by_name: HashMap<(String, String), usize>,
    touched_deals: Touched,
    activities: Vec<Activity>,
    /// Activities present, by (account slot, contact position or `usize::MAX`,
    /// kind, minute): integers, so 200,000 of them hash quickly.
    seen_activities: HashSet<(usize, usize, ActivityKind, i64)>,
    already: usize,
    bad_rows: Vec<u64>,
    problems: Vec<RowProblem>,
}

/// Records the batch writes, in first-touched order.
#[derive(Default)]
struct Touched {
    order: Vec<usize>,
    set: HashSet<usize>,
}

impl Touched {
    fn reserve(&mut self, more: usize) {
        self.order.reserve(more);
        self.set.reserve(more);
    }

    fn add(&mut self, i: usize) {
        if self.set.insert(i) {
            self.order.push(i);
        }
    }
}

fn person_name(first: &str, last: &str) -> String {
    let cjk = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
    match (first.is_empty(), last.is_empty()) {
        (true, _) => last.to_string(),
        (_, true) => first.to_string(),
        // Japanese names are family name first, without a space.
        _ if cjk(first) || cjk(last) => format!("{last}{first}"),
        _ => format!("{first} {last}"),
    }
}

fn minute(t: Timestamp) -> i64 {
    t.millis().div_euclid(60_000)
}

impl<'p> Builder<'p> {
    fn new(plan: &'p Plan, table: &'p Table, options: &'p Options) -> Self {
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
            already: 0,
            bad_rows: Vec::new(),
            problems: Vec::new(),
        };
        if options.kind == RecordKind::Accounts {
            // Each row may add an account: room in the index at once, so it is
            // not rehashed (hundreds of thousands of keys) in the middle of a step.
            let room = plan.accounts.len() + table.len();
            b.account_index.by_id.reserve(room);
            b.account_index.by_domain.reserve(room);
            b.account_index.by_name.reserve(room);
        }
        for (i, a) in b.accounts.iter().enumerate() {
            b.account_index.insert(i, a);
        }
        // Likewise every list a row may add to: room for one record per row, so
        // no step copies hundreds of MB of records to a larger list (a growing
        // list is copied whole, in one step, on the page's main thread).
        let rows = table.len();
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
    fn clear_some(&mut self, keys: usize) -> bool {
        let mut left = keys;
        left -= remove_some(&mut self.account_index.by_id, left);
        left -= remove_some(&mut self.account_index.by_domain, left);
        left -= remove_some(&mut self.account_index.by_name, left);
        left -= remove_some(&mut self.contact_by_email, left);
        left -= remove_some(&mut self.contact_by_name, left);
        remove_some(&mut self.deal_by_name, left);
        let index = &self.account_index;
        index.by_id.is_empty()
            && index.by_domain.is_empty()
            && index.by_name.is_empty()
            && self.contact_by_email.is_empty()
            && self.contact_by_name.is_empty()
            && self.deal_by_name.is_empty()
    }

    fn row(&mut self, row: Row<'p>, ids: &mut IdGenerator) {
        let mut check = RowCheck { line: row.line, problems: Vec::new() };
        let expected = self.table.headers.len();
        if row.len() > expected && row.cells().skip(expected).any(|c| !c.is_empty()) {
            check.add(None, "", ProblemKind::TooManyCells { expected });
        }
        let cells = Cells { row, mapping: &self.options.mapping };
        match self.options.kind {
            RecordKind::Accounts => self.account_row(&cells, &mut check, ids),
            RecordKind::Contacts => self.contact_row(&cells, &mut check, ids),
            RecordKind::Deals => self.deal_row(&cells, &mut check, ids),
            RecordKind::Activities => self.activity_row(&cells, &mut check, ids),
        }
        if !check.problems.is_empty() {
            self.bad_rows.push(row.line);
            let room = MAX_PROBLEMS.saturating_sub(self.problems.len());
            self.problems.extend(check.problems.into_iter().take(room));
        }
    }

    /// The account a contact, deal or activity row names, or a problem.
    fn linked_account(&self, cells: &Cells, check: &mut RowCheck, email_domain: Option<String>) -> Option<usize> {
        let (dcol, domain) = cells.get(Field::CompanyDomain);
        let (ncol, name) = cells.get(Field::Company);
        let domain = if domain.is_empty() { email_domain.unwrap_or_default() } else { domain.to_string() };
        match self.account_index.find(&domain, name) {
            Ok(Some(slot)) => Some(slot),
            Ok(None) => {
                let (col, value) = if name.is_empty() { (dcol, domain.as_str()) } else { (ncol, name) };
                check.add(col.or(ncol).or(dcol), value, if value.is_empty() { ProblemKind::Missing(Field::Company) } else { ProblemKind::NoSuchAccount });
                None
            }
            Err(_) => {
                check.add(ncol, name, ProblemKind::AmbiguousAccount);
                None
            }
        }
    }

    fn account_row(&mut self, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let name = check.required(cells, Field::Name);
        let (id_col, id_text) = cells.get(Field::AccountId);
        if !id_text.is_empty() && check_id(id_text).is_err() {
            check.add(id_col, id_text, ProblemKind::BadId);
        }
        let employees = check.parse(cells, Field::Employees, ProblemKind::NotANumber, values::whole);
        let revenue = check.parse(cells, Field::Revenue, ProblemKind::NotAnAmount, values::amount);
        let expected = check.parse(cells, Field::ExpectedDealSize, ProblemKind::NotAnAmount, values::amount);
        let custom = self.custom_values(cells, check);
        let Some(name) = name else { return };
        if !check.problems.is_empty() {
            return;
        }
        let domain = cells.text(Field::Domain);
        let slot = match self.account_index.by_id.get(id_text).copied() {
            Some(slot) => Some(slot),
            None => match self.account_index.find(domain, name) {
                Ok(found) => found,
                Err(_) => {
                    // Two accounts of the plan already share this name: updating
                    // either would be a guess, adding a third would make it worse.
                    check.add(cells.get(Field::Name).0, name, ProblemKind::AmbiguousAccount);
                    return;
                }
            },
        };
        let slot = slot.unwrap_or_else(|| {
            let id = if id_text.is_empty() { AccountId::generate(ids) } else { AccountId(id_text.to_string()) };
            self.accounts.push(Account::new(id, name));
            self.accounts.len() - 1
        });
        let a = &mut self.accounts[slot];
        let set = |target: &mut String, text: &str| {
            if !text.is_empty() {
                *target = text.to_string();
            }
        };
        set(&mut a.name, name);
        if !domain.is_empty() {
            a.domain = domain_key(domain);
        }
        set(&mut a.industry, cells.text(Field::Industry));
        set(&mut a.country, cells.text(Field::Country));
        set(&mut a.region, cells.text(Field::Region));
        set(&mut a.notes, cells.text(Field::Notes));
        a.employees = employees.or(a.employees);
        a.annual_revenue = revenue.or(a.annual_revenue);
        a.expected_deal_size = expected.or(a.expected_deal_size);
        for (field, list) in [(Field::Technologies, &mut a.technologies), (Field::Tags, &mut a.tags)] {
            for v in values::list(cells.text(field)) {
                if !list.iter().any(|x| normalise(x) == normalise(&v)) {
                    list.push(v);
                }
            }
        }
        a.custom.extend(custom);
        a.updated_at = Some(self.options.now);
        self.account_index.insert(slot, &self.accounts[slot]);
        self.touched_accounts.add(slot);
    }

    /// The row's values of the plan's custom fields, each read as its kind
    /// asks (an empty cell leaves the account's value as it is); a value that
    /// cannot be read is a problem of its cell.
    fn custom_values(&self, cells: &Cells, check: &mut RowCheck) -> Vec<(FieldId, CustomValue)> {
        let mut read = Vec::new();
        for (col, field) in cells.mapping.iter().enumerate() {
            let Some(Field::Custom(k)) = *field else { continue };
            let Some(def) = self.plan.custom_fields.get(usize::from(k)) else { continue };
            let text = cells.row.cell(col).unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let value = match def.kind {
                FieldKind::Text => Ok(CustomValue::Text(text.to_string())),
                FieldKind::Number => values::number(text).map(CustomValue::Number).ok_or(ProblemKind::NotNumeric),
                // Kept as the account editor keeps dates: YYYY-MM-DD.
                FieldKind::Date => values::date(text).map(|d| CustomValue::Text(d.to_string())).ok_or(ProblemKind::NotADate),
                FieldKind::Flag => values::flag(text).map(CustomValue::Bool).ok_or(ProblemKind::NotAFlag),
                // Written as the option is, whatever the cell's case or width.
                FieldKind::Choice if def.options.is_empty() => Ok(CustomValue::Text(text.to_string())),
                FieldKind::Choice => def
                    .options
                    .iter()
                    .find(|o| normalise(o) == normalise(text))
                    .map(|o| CustomValue::Text(o.clone()))
                    .ok_or(ProblemKind::NotAnOption),
            };
            match value {
                Ok(v) => read.push((def.id.clone(), v)),
                Err(kind) => check.add(Some(col), text, kind),
            }
        }
        read
    }

    fn contact_row(&mut self, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let (name_col, full) = cells.get(Field::Name);
        let name = if full.is_empty() { person_name(cells.text(Field::FirstName), cells.text(Field::LastName)) } else { full.to_string() };
        if name.is_empty() {
            check.add(name_col, "", ProblemKind::Missing(Field::Name));
        }
        let email = cells.text(Field::Email);
        let slot = self.linked_account(cells, check, email_domain(email));
        let (Some(slot), false) = (slot, name.is_empty()) else { return };
        if !check.problems.is_empty() {
            return;
        }
        let account = self.accounts[slot].id.clone();
        let existing = (!email.is_empty()).then(|| self.contact_by_email.get(&normalise(email)).copied()).flatten()
            .or_else(|| self.contact_by_name.get(&(account.0.clone(), normalise(&name))).copied());
        let i = existing.unwrap_or_else(|| {
            self.contacts.push(Contact::new(ContactId::generate(ids), account.clone(), name.clone()));
            self.contacts.len() - 1
        });
        let c = &mut self.contacts[i];
        c.name = name;
        c.account = account;
        for (field, target) in [(Field::Email, &mut c.email), (Field::Title, &mut c.title), (Field::Department, &mut c.department), (Field::Phone, &mut c.phone), (Field::Notes, &mut c.notes)] {
            let t = cells.text(field);
            if !t.is_empty() {
                *target = t.to_string();
            }
        }
        c.updated_at = Some(self.options.now);
        if !c.email.is_empty() {
            self.contact_by_email.insert(normalise(&c.email), i);
        }
        self.contact_by_name.insert((c.account.0.clone(), normalise(&c.name)), i);
        self.touched_contacts.add(i);
    }

    fn deal_row(&mut self, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let name = check.required(cells, Field::Name);
        let amount = check.required(cells, Field::Amount).and_then(|_| check.parse(cells, Field::Amount, ProblemKind::NotAnAmount, values::amount));
        let created = check.required(cells, Field::Created).and_then(|_| check.parse(cells, Field::Created, ProblemKind::NotADate, values::date));
        let closed = check.parse(cells, Field::Closed, ProblemKind::NotADate, values::date);
        let stage = check.parse(cells, Field::Stage, ProblemKind::UnknownStage, values::stage);
        let kind = check.parse(cells, Field::DealKind, ProblemKind::UnknownDealKind, values::deal_kind);
        let (closed_col, _) = cells.get(Field::Closed);
        if let Some((_, Outcome::Won | Outcome::Lost)) = stage {
            if closed.is_none() && !check.problems.iter().any(|p| p.column == closed_col && closed_col.is_some()) {
                check.add(closed_col.or(cells.get(Field::Stage).0), cells.text(Field::Stage), ProblemKind::ClosedWithoutDate);
            }
        }
        if let (Some(c), Some(d)) = (created, closed) {
            if d < c {
                check.add(closed_col, cells.text(Field::Closed), ProblemKind::ClosedBeforeCreated);
            }
        }
        let slot = self.linked_account(cells, check, None);
        let (Some(name), Some(amount), Some(created), Some(slot)) = (name, amount, created, slot) else { return };
        if !check.problems.is_empty() {
            return;
        }
        let account = self.accounts[slot].id.clone();
        let key = (account.0.clone(), normalise(name));
        let i = self.deal_by_name.get(&key).copied().unwrap_or_else(|| {
            self.deals.push(Deal::new(DealId::generate(ids), account.clone(), name, amount, created));
            self.deals.len() - 1
        });
        self.deal_by_name.insert(key, i);
        let d = &mut self.deals[i];
        d.name = name.to_string();
        d.amount = amount;
        d.created = created;
        d.closed = closed.or(d.closed);
        if let Some((stage, outcome)) = stage {
            d.stage = stage;
            d.outcome = outcome;
        }
        if d.outcome == Outcome::Open {
            // An open deal has no close date in this app (the CRM's is a forecast).
            d.closed = None;
        }
        if let Some(k) = kind {
            d.kind = k;
        }
        let product = cells.text(Field::Product);
        if !product.is_empty() {
            d.product = product.to_string();
        }
        let notes = cells.text(Field::Notes);
        if !notes.is_empty() {
            d.notes = notes.to_string();
        }
        d.updated_at = Some(self.options.now);
        self.touched_deals.add(i);
    }

    fn activity_row(&mut self, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let kind = check.required(cells, Field::ActivityKind).and_then(|_| check.parse(cells, Field::ActivityKind, ProblemKind::UnknownActivityKind, values::activity_kind));
        let offset = self.options.utc_offset_minutes;
        let at = check.required(cells, Field::At).and_then(|_| check.parse(cells, Field::At, ProblemKind::NotADate, |t| values::instant(t, offset)));
        let count = check.parse(cells, Field::Count, ProblemKind::NotANumber, |t| values::whole(t).filter(|n| *n > 0));
        let email = cells.text(Field::Email);
        let contact = (!email.is_empty()).then(|| self.contact_by_email.get(&normalise(email)).copied()).flatten();
        let slot = match contact {
            Some(c) if cells.text(Field::Company).is_empty() && cells.text(Field::CompanyDomain).is_empty() => {
                let account = &self.contacts[c].account;
                self.account_index.by_id.get(account.as_str()).copied()
            }
            _ => self.linked_account(cells, check, email_domain(email)),
        };
        let (Some(kind), Some(at), Some(slot)) = (kind, at, slot) else { return };
        if !check.problems.is_empty() {
            return;
        }
        let account = self.accounts[slot].id.clone();
        let contact = contact.filter(|&c| self.contacts[c].account == account);
        if !self.seen_activities.insert((slot, contact.unwrap_or(usize::MAX), kind, minute(at))) {
            self.already += 1;
            return;
        }
        self.activities.push(Activity {
            id: ActivityId::generate(ids),
            account,
            contact: contact.map(|c| self.contacts[c].id.clone()),
            kind,
            at,
            campaign: None,
            content: None,
            count,
            progress: None,
            note: cells.text(Field::Notes).to_string(),
        });
    }

    fn finish(self) -> Preview {
        let n_accounts = self.plan.accounts.len();
        let n_contacts = self.plan.contacts.len();
        let n_deals = self.plan.deals.len();
        let mut added = 0;
        let mut updated = 0;
        let mut count = |old: bool| if old { updated += 1 } else { added += 1 };
        let mut batch = Batch {
            accounts: Vec::with_capacity(self.touched_accounts.order.len()),
            contacts: Vec::with_capacity(self.touched_contacts.order.len()),
            deals: Vec::with_capacity(self.touched_deals.order.len()),
            activities: Vec::new(),
        };
        // Moved out, not copied: an accounts file can add hundreds of thousands.
        // Each position is in a `Touched` order once.
        let (mut accounts, mut contacts, mut deals) = (self.accounts, self.contacts, self.deals);
        for slot in self.touched_accounts.order {
            count(slot < n_accounts);
            batch.accounts.push(std::mem::replace(&mut accounts[slot], Account::new(AccountId(String::new()), "")));
        }
        for i in self.touched_contacts.order {
            count(i < n_contacts);
            batch.contacts.push(std::mem::replace(&mut contacts[i], Contact::new(ContactId(String::new()), AccountId(String::new()), "")));
        }
        for i in self.touched_deals.order {
            count(i < n_deals);
            let blank = Deal::new(DealId(String::new()), AccountId(String::new()), "", Money::ZERO, Date(chrono::NaiveDate::MIN));
            batch.deals.push(std::mem::replace(&mut deals[i], blank));
        }
        added += self.activities.len();
        batch.activities = self.activities;
        Preview { kind: self.options.kind, batch, added, updated, already: self.already, bad_rows: self.bad_rows, problems: self.problems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_io::import::{guess_mapping, parse};

    #[test]
    fn a_run_empties_its_lookups_in_steps_before_it_is_done() {
        let mut text = String::from("Company name,Company Domain Name\n");
        for i in 0..500 {
            text.push_str(&format!("Company {i},company-{i}.example\n"));
        }
        let table = parse(&text, b',').unwrap();
        let now = Timestamp::parse("2026-05-01T00:00:00Z").unwrap();
        let options = Options { kind: RecordKind::Accounts, mapping: guess_mapping(RecordKind::Accounts, &table.headers), utc_offset_minutes: 540, now };
        let plan = Plan::new(PlanId("p".into()), "t", now);
        let mut run = PreviewRun::new(&plan, &table, &options);
        let mut ids = IdGenerator::seeded(1);
        let mut steps = 0;
        while !run.step(1, &mut ids) {
            steps += 1;
        }
        // 500 rows one at a time, then 1,500 keys (id, domain, name per new
        // account) 50 at a time.
        assert_eq!(steps, 500 + 1500 / KEYS_PER_ROW - 1);
        let index = &run.builder.account_index;
        assert!(index.by_id.is_empty() && index.by_domain.is_empty() && index.by_name.is_empty());
        assert_eq!(run.finish().added, 500);
    }
}
