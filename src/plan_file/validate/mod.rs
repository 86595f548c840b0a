//! Checks a decoded plan as a whole: ids present and unique, references that point
//! at records in the plan, values in their ranges, dates in order.
//!
//! Strict mode reports errors. Repair mode fixes what it can and says so: a dangling
//! optional reference is removed, a record whose required reference dangles is left
//! out, a value out of range is clamped, a later duplicate is left out.
//!
//! The checks run a stretch at a time ([`Validation::step`]), so the app can give
//! the page a turn between stretches: for a 100 MB file they are a few hundred
//! ms of work, which in one go froze the tab. [`validate`] runs them in one go.

mod checker;
mod plan_wide;
mod records;

use super::decode::{Mode, Origins};
use super::problems::{Problem, ProblemKind};
use crate::domain::ids::check_id;
use crate::domain::*;
use checker::Checker;
use imbl::Vector;
use records::Known;
use rustc_hash::FxBuildHasher;
use std::fmt;
use string_interner::backend::StringBackend;
use string_interner::symbol::SymbolU32;
use string_interner::StringInterner;

/// The ids of one collection, to check references against. Kept in one text
/// with their ends (string_interner's StringBackend), not a `String` each:
/// building and then freeing a set of 400,000 `String`s (a 100 MB file's
/// activities) took ~80 ms of one step natively.
struct Ids(StringInterner<StringBackend<SymbolU32>, FxBuildHasher>);

impl Default for Ids {
    fn default() -> Self {
        Ids(StringInterner::new())
    }
}

impl Ids {
    fn with_capacity(n: usize) -> Self {
        Ids(StringInterner::with_capacity_and_hasher(n, FxBuildHasher))
    }

    /// Adds `id`: false when it was there already.
    fn insert(&mut self, id: &str) -> bool {
        let before = self.0.len();
        self.0.get_or_intern(id);
        self.0.len() > before
    }

    fn contains(&self, id: &str) -> bool {
        self.0.get(id).is_some()
    }
}

impl<'a> FromIterator<&'a str> for Ids {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        let mut set = Ids::default();
        for id in ids {
            set.insert(id);
        }
        set
    }
}

/// Records visited per step: about 2 ms in the browser for the largest
/// records, so a turn of the page comes close to when it is due.
const STEP_RECORDS: usize = 4_096;

/// Where a record is in the file ("plan.accounts[3]"), written out only when a
/// problem is reported: formatting every field's path of 250,000 records up
/// front was most of the check's time.
#[derive(Clone, Copy)]
struct RecordPath<'a> {
    origins: &'a Origins,
    collection: &'a str,
    index: usize,
}

impl fmt::Display for RecordPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origins.path(self.collection, self.index))
    }
}

/// The collections checked record by record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Accounts,
    Contacts,
    Campaigns,
    Content,
    Deals,
    Activities,
    AccountPlans,
    NpsResponses,
    Notes,
    Handoffs,
}

impl Kind {
    /// The collection's key in the file.
    fn key(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Contacts => "contacts",
            Kind::Campaigns => "campaigns",
            Kind::Content => "content",
            Kind::Deals => "deals",
            Kind::Activities => "activities",
            Kind::AccountPlans => "accountPlans",
            Kind::NpsResponses => "npsResponses",
            Kind::Notes => "notes",
            Kind::Handoffs => "handoffs",
        }
    }

    fn len(self, plan: &Plan) -> usize {
        match self {
            Kind::Accounts => plan.accounts.len(),
            Kind::Contacts => plan.contacts.len(),
            Kind::Campaigns => plan.campaigns.len(),
            Kind::Content => plan.content.len(),
            Kind::Deals => plan.deals.len(),
            Kind::Activities => plan.activities.len(),
            Kind::AccountPlans => plan.account_plans.len(),
            Kind::NpsResponses => plan.nps_responses.len(),
            Kind::Notes => plan.notes.len(),
            Kind::Handoffs => plan.handoffs.len(),
        }
    }
}

/// One stage of the checks. A collection's ids are gathered before anything
/// that refers to them is checked; a stage over records runs a stretch at a time.
#[derive(Clone, Copy, Debug)]
enum Stage {
    /// The plan's own fields and its short lists: team, goals, custom fields and
    /// channels, ICP, settings.
    Head,
    /// A collection's ids: well-formed and unique (repair leaves out later duplicates).
    Ids(Kind),
    /// Pairs marked "Not duplicates" name two accounts of the plan.
    DistinctAccounts,
    /// Which account each contact is at, for the activities' contacts.
    ContactAccounts,
    /// A collection's records, each against the ids gathered before.
    Records(Kind),
    /// Reporting lines that loop.
    ReportingCycles,
    /// Repair keeps campaigns whose custom channel is missing by restoring it.
    RestoreChannels,
}

/// The stages in order: the order problems are listed in, and the order in
/// which repairs see each other's results (a duplicate is left out before the
/// references to its collection are checked).
const STAGES: [Stage; 25] = [
    Stage::Head,
    Stage::Ids(Kind::Accounts),
    Stage::DistinctAccounts,
    Stage::Records(Kind::Accounts),
    Stage::Ids(Kind::Contacts),
    Stage::ContactAccounts,
    Stage::Records(Kind::Contacts),
    Stage::ReportingCycles,
    Stage::Ids(Kind::Campaigns),
    Stage::Ids(Kind::Content),
    Stage::Records(Kind::Campaigns),
    Stage::RestoreChannels,
    Stage::Records(Kind::Content),
    Stage::Ids(Kind::Deals),
    Stage::Records(Kind::Deals),
    Stage::Ids(Kind::Activities),
    Stage::Records(Kind::Activities),
    Stage::Ids(Kind::AccountPlans),
    Stage::Records(Kind::AccountPlans),
    Stage::Ids(Kind::NpsResponses),
    Stage::Records(Kind::NpsResponses),
    Stage::Ids(Kind::Notes),
    Stage::Records(Kind::Notes),
    Stage::Ids(Kind::Handoffs),
    Stage::Records(Kind::Handoffs),
];

/// The checks of one plan, under way. Holds the ids gathered so far and the
/// problems found; the plan and where its records came from are lent to each
/// [`step`](Validation::step), so the caller keeps them between steps.
pub struct Validation {
    checker: Checker,
    known: Known,
    stage: usize,
    cursor: Cursor,
    /// Records visited so far, and to visit in all (each record twice: its
    /// id, then the record).
    visited: usize,
    total: usize,
}

impl Validation {
    /// The checks of `plan`, none run yet; their problems go after `problems`.
    pub fn new(plan: &Plan, mode: Mode, problems: Vec<Problem>) -> Self {
        let total = STAGES.iter().map(|s| if let Stage::Ids(k) | Stage::Records(k) = s { k.len(plan) } else { 0 }).sum();
        Validation { checker: Checker { mode, problems }, known: Known::default(), stage: 0, cursor: Cursor::default(), visited: 0, total }
    }

    /// Runs the next stretch of checks on `plan` (the plan given to
    /// [`new`](Validation::new), as the steps before left it): the share done
    /// so far (0–1), or `None` once all are done.
    pub fn step(&mut self, plan: &mut Plan, origins: &Origins) -> Option<f64> {
        self.step_by(plan, origins, STEP_RECORDS)
    }

    fn step_by(&mut self, plan: &mut Plan, origins: &Origins, budget: usize) -> Option<f64> {
        let stage = *STAGES.get(self.stage)?;
        let (from, len) = match stage {
            Stage::Ids(k) | Stage::Records(k) => (self.cursor.at, k.len(plan)),
            _ => (0, 0),
        };
        if self.run(stage, plan, origins, budget) {
            self.stage += 1;
            self.visited += len.saturating_sub(from);
        } else {
            self.visited += self.cursor.at - from;
        }
        // Done is all of it, though repair may have left records out after
        // they were counted.
        Some(if self.stage == STAGES.len() || self.total == 0 { 1.0 } else { (self.visited as f64 / self.total as f64).min(1.0) })
    }

    /// The problems given to [`new`](Validation::new), then those found.
    pub fn into_problems(self) -> Vec<Problem> {
        self.checker.problems
    }

    /// Runs `stage` on at most `budget` records: true once it is complete.
    fn run(&mut self, stage: Stage, plan: &mut Plan, origins: &Origins, budget: usize) -> bool {
        let (c, k, cursor) = (&mut self.checker, &mut self.known, &mut self.cursor);
        match stage {
            Stage::Head => {
                plan_wide::head(c, k, plan, origins);
                true
            }
            Stage::Ids(kind) => {
                let key = kind.key();
                let set = k.ids_mut(kind);
                let done = match kind {
                    Kind::Accounts => cursor.ids(c, set, &mut plan.accounts, origins, key, budget, |x| (x.id.as_str(), &x.name)),
                    Kind::Contacts => cursor.ids(c, set, &mut plan.contacts, origins, key, budget, |x| (x.id.as_str(), &x.name)),
                    Kind::Campaigns => cursor.ids(c, set, &mut plan.campaigns, origins, key, budget, |x| (x.id.as_str(), &x.name)),
                    Kind::Content => cursor.ids(c, set, &mut plan.content, origins, key, budget, |x| (x.id.as_str(), &x.title)),
                    Kind::Deals => cursor.ids(c, set, &mut plan.deals, origins, key, budget, |x| (x.id.as_str(), &x.name)),
                    Kind::Activities => cursor.ids(c, set, &mut plan.activities, origins, key, budget, |x| (x.id.as_str(), "")),
                    Kind::AccountPlans => cursor.ids(c, set, &mut plan.account_plans, origins, key, budget, |x| (x.id.as_str(), "")),
                    Kind::NpsResponses => cursor.ids(c, set, &mut plan.nps_responses, origins, key, budget, |x| (x.id.as_str(), "")),
                    Kind::Notes => cursor.ids(c, set, &mut plan.notes, origins, key, budget, |x| (x.id.as_str(), "")),
                    Kind::Handoffs => cursor.ids(c, set, &mut plan.handoffs, origins, key, budget, |x| (x.id.as_str(), "")),
                };
                if done {
                    // Only their own duplicates were looked for: nothing refers to them.
                    k.others = Ids::default();
                }
                done
            }
            Stage::Records(kind) => {
                let key = kind.key();
                match kind {
                    Kind::Accounts => cursor.records(c, k, &mut plan.accounts, origins, key, budget, records::account),
                    Kind::Contacts => cursor.records(c, k, &mut plan.contacts, origins, key, budget, records::contact),
                    Kind::Campaigns => cursor.records(c, k, &mut plan.campaigns, origins, key, budget, records::campaign),
                    Kind::Content => cursor.records(c, k, &mut plan.content, origins, key, budget, records::content),
                    Kind::Deals => cursor.records(c, k, &mut plan.deals, origins, key, budget, records::deal),
                    Kind::Activities => cursor.records(c, k, &mut plan.activities, origins, key, budget, records::activity),
                    Kind::AccountPlans => cursor.records(c, k, &mut plan.account_plans, origins, key, budget, records::account_plan),
                    Kind::NpsResponses => cursor.records(c, k, &mut plan.nps_responses, origins, key, budget, records::nps_response),
                    Kind::Notes => cursor.records(c, k, &mut plan.notes, origins, key, budget, records::note),
                    Kind::Handoffs => cursor.records(c, k, &mut plan.handoffs, origins, key, budget, records::handoff),
                }
            }
            Stage::DistinctAccounts => {
                c.distinct_accounts(&mut plan.settings.distinct_accounts, &k.accounts);
                true
            }
            Stage::ContactAccounts => {
                k.contact_account = plan.contacts.iter().map(|x| (x.id.to_string(), x.account.to_string())).collect();
                true
            }
            Stage::ReportingCycles => {
                c.reporting_cycles(&mut plan.contacts, origins);
                true
            }
            Stage::RestoreChannels => {
                if c.mode == Mode::Repair {
                    for id in std::mem::take(&mut k.missing_channels) {
                        plan.custom_channels.push_back(CustomChannel { name: id.to_string(), id });
                    }
                }
                true
            }
        }
    }
}

/// Checks `plan` in one go; the problems found are added to `problems`.
pub fn validate(plan: &mut Plan, origins: &Origins, mode: Mode, problems: &mut Vec<Problem>) {
    let mut checks = Validation::new(plan, mode, std::mem::take(problems));
    while checks.step_by(plan, origins, usize::MAX).is_some() {}
    *problems = checks.into_problems();
}

/// How far a stage over a collection got: the next record to visit, and the
/// records to leave out once all were visited (only ever in repair mode:
/// strict mode keeps all and reports).
#[derive(Default)]
struct Cursor {
    at: usize,
    dropped: Vec<usize>,
}

impl Cursor {
    /// Visits the next `budget` records of `items` in place, with their
    /// index. True once all were: the records `visit` refused are then left
    /// out, and the cursor is ready for the next stage. In place, because a
    /// copy of 200,000 activities was half an import's memory.
    fn visit<T: Clone>(&mut self, c: &mut Checker, items: &mut Vector<T>, budget: usize, mut visit: impl FnMut(&mut Checker, &mut T, usize) -> bool) -> bool {
        let start = self.at.min(items.len());
        let end = start.saturating_add(budget).min(items.len());
        if start < end {
            for (k, item) in items.focus_mut().narrow(start..end).into_iter().enumerate() {
                if !visit(c, item, start + k) && c.mode == Mode::Repair {
                    self.dropped.push(start + k);
                }
            }
        }
        self.at = end;
        if end < items.len() {
            return false;
        }
        drop_indices(items, &self.dropped);
        *self = Cursor::default();
        true
    }

    /// Gathers the ids of `items` into `seen`, reporting ids that are not
    /// well-formed or were seen before (`label` gives a record's id and name).
    #[allow(clippy::too_many_arguments)]
    fn ids<T: Clone>(
        &mut self,
        c: &mut Checker,
        seen: &mut Ids,
        items: &mut Vector<T>,
        origins: &Origins,
        key: &str,
        budget: usize,
        label: impl Fn(&T) -> (&str, &str),
    ) -> bool {
        if self.at == 0 {
            *seen = Ids::with_capacity(items.len());
        }
        self.visit(c, items, budget, |c, item, index| {
            let (id, name) = label(item);
            let kind = if check_id(id).is_err() {
                ProblemKind::BadId
            } else if !seen.insert(id) {
                ProblemKind::DuplicateId(id.to_string())
            } else {
                return true;
            };
            c.report(format!("{}.id", origins.path(key, index)), kind, Some(name));
            false
        })
    }

    /// Checks the next `budget` of `items` with `check`, which says whether to
    /// keep the record.
    #[allow(clippy::too_many_arguments)]
    fn records<T: Clone>(
        &mut self,
        c: &mut Checker,
        known: &mut Known,
        items: &mut Vector<T>,
        origins: &Origins,
        key: &str,
        budget: usize,
        check: fn(&mut Checker, &mut Known, &mut T, RecordPath) -> bool,
    ) -> bool {
        self.visit(c, items, budget, |c, item, index| check(c, known, item, RecordPath { origins, collection: key, index }))
    }
}

/// Removes the records at `indices` (ascending) from `items`.
fn drop_indices<T: Clone>(items: &mut Vector<T>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut at = 0;
    let mut next = indices.iter().peekable();
    items.retain(|_| {
        let keep = next.peek() != Some(&&at);
        if !keep {
            next.next();
        }
        at += 1;
        keep
    });
}

#[cfg(test)]
mod tests;
