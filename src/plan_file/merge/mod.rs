//! Merging a plan from a file into the current plan. First a preview says what would
//! be added, updated and what conflicts; nothing changes until the user confirms,
//! choosing for each conflict whose version to keep.
//!
//! Records merge field by field (`fields`): two people who changed different
//! fields of one account both keep their change; a field both changed is a
//! conflict, shown with both values and who changed each when. The settings
//! (ICP, weights, tiers, bands, rules) merge the same way, but every setting
//! that differs is offered, with the newer side suggested. Records are never
//! removed by a merge: a record only one plan has is kept or added.
//!
//! Records match by id; accounts also match by web domain, so the same company kept
//! under different ids in two plans is recognised (by domain and name where a
//! domain is shared by several companies: see `domain_matches`). The current plan's name and
//! currency are kept; the file's "Not duplicates" marks, which say something of
//! its accounts, are added.

mod fields;

use super::decode::{Mode, Origins};
use super::problems::Problem;
use super::validate::validate;
use crate::data_quality::company_key;
use crate::domain::sorting;
pub use crate::domain::Collection;
use crate::domain::*;
use fields::{diff_record, merged_revision, merged_value, same_value_revision, short_text, Ask, FieldDiff, Side};
use imbl::Vector;
use serde::{de::DeserializeOwned, Serialize};
use std::collections::{HashMap, HashSet};

/// Which choice a conflict or a setting difference is: the record's key in the
/// revisions table (`accounts/a1`, `settings/icp`) and the field's path (empty
/// for a whole record).
pub type ChoiceKey = (String, String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictReason {
    /// Both plans changed the field, or neither says which is newer.
    BothChanged,
    /// Neither plan has the field's revisions and the current plan's record is
    /// the newer.
    MineNewer,
    /// The same company (same web domain) under another id.
    SameDomain { mine: AccountId },
}

/// What to do with one conflict or setting difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepMine,
    TakeTheirs,
    /// For a same-domain account: add the file's as a separate account.
    KeepBoth,
}

/// One side of a conflict: the value as a line of text, and who changed it
/// and when, where that is known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldSide {
    pub value: String,
    /// The value itself, for the UI to word where the text above cannot (a
    /// built-in factor is named in the user's language).
    pub raw: Option<serde_json::Value>,
    pub by: String,
    pub at: Option<Timestamp>,
}

impl FieldSide {
    fn of(value: Option<&serde_json::Value>, revision: Option<&Revision>, record_updated: Option<Timestamp>) -> FieldSide {
        FieldSide {
            value: short_text(value),
            raw: value.cloned(),
            by: revision.map(|r| r.by.clone()).unwrap_or_default(),
            at: revision.map(|r| r.at).or(record_updated),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub collection: Collection,
    /// The file's record id.
    pub id: String,
    /// The record's name in the current plan.
    pub mine_label: String,
    /// The field both changed (`name`, `overview.industry`); empty for a whole
    /// record (the same company under another id).
    pub field: String,
    pub mine: FieldSide,
    pub theirs: FieldSide,
    pub reason: ConflictReason,
}

impl Conflict {
    pub fn key(&self) -> ChoiceKey {
        (record_key(self.collection.key(), &self.id), self.field.clone())
    }
}

/// A group of the plan's settings, merged field by field like a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingGroup {
    Icp,
    Prioritisation,
    /// Engagement, journey, next-best-action rules and attribution.
    Rules,
}

const SETTING_GROUPS: [SettingGroup; 3] = [SettingGroup::Icp, SettingGroup::Prioritisation, SettingGroup::Rules];

/// One setting the file has otherwise: offered to take or keep, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingDiff {
    pub group: SettingGroup,
    /// The record key of the group (`settings/icp`).
    pub record: &'static str,
    pub field: String,
    pub mine: FieldSide,
    pub theirs: FieldSide,
    /// Theirs when the file's is the newer change, else ours.
    pub suggested: Resolution,
    /// Both changed it since they last shared it.
    pub both_changed: bool,
}

impl SettingDiff {
    pub fn key(&self) -> ChoiceKey {
        (self.record.to_string(), self.field.clone())
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub added: usize,
    /// Records with a field taken from the file without asking.
    pub updated: usize,
    /// Records with a field both changed (the user decides).
    pub to_decide: usize,
    /// Records both have the same, or where ours is the newer in every field.
    pub unchanged: usize,
    /// Records only the current plan has: a merge keeps them.
    pub only_mine: usize,
}

/// A field the merge takes from the file without asking (the file's change
/// is the newer), shown so the user sees what will change.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldUpdate {
    pub collection: Collection,
    pub label: String,
    pub field: String,
    pub mine: FieldSide,
    pub theirs: FieldSide,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergePreview {
    pub tallies: Vec<(Collection, Tally)>,
    /// Names of a few added records, for the preview (what is updated is
    /// listed field by field in `updates`).
    pub added_examples: Vec<(Collection, String)>,
    /// Fields both changed (one per field), and same companies under another id.
    pub conflicts: Vec<Conflict>,
    /// The first [`UPDATES_LISTED`] fields taken from the file without asking.
    pub updates: Vec<FieldUpdate>,
    /// The file's plan uses another currency: amounts are taken as they are.
    pub currency_differs: Option<(Currency, Currency)>,
    /// Every setting (ICP, weights, tiers, bands, rules) the file has otherwise.
    pub settings: Vec<SettingDiff>,
    /// Pairs the file marks "Not duplicates" that the current plan does not
    /// (they are added).
    pub distinct_added: usize,
}

impl MergePreview {
    pub fn total(&self) -> Tally {
        self.tallies.iter().fold(Tally::default(), |t, (_, x)| Tally {
            added: t.added + x.added,
            updated: t.updated + x.updated,
            to_decide: t.to_decide + x.to_decide,
            unchanged: t.unchanged + x.unchanged,
            only_mine: t.only_mine + x.only_mine,
        })
    }

    /// Nothing would change as the preview stands: the file has nothing the
    /// plan lacks or has older (settings the file has otherwise are all older).
    pub fn nothing_new(&self) -> bool {
        let t = self.total();
        t.added == 0
            && t.updated == 0
            && self.updates.is_empty()
            && self.conflicts.is_empty()
            && self.distinct_added == 0
            && self.settings.iter().all(|s| s.suggested == Resolution::KeepMine && !s.both_changed)
    }

    pub fn is_empty(&self) -> bool {
        let t = self.total();
        t.added == 0 && t.updated == 0 && self.conflicts.is_empty() && self.distinct_added == 0 && self.settings.is_empty()
    }

    /// The choices the preview starts with: ours for every conflict, the
    /// suggested side for every setting.
    pub fn default_choices(&self) -> HashMap<ChoiceKey, Resolution> {
        let settings = self.settings.iter().map(|s| (s.key(), s.suggested));
        self.conflicts.iter().map(|c| (c.key(), Resolution::KeepMine)).chain(settings).collect()
    }
}

const EXAMPLES: usize = 5;
/// How many fields taken without asking the preview lists one by one.
pub const UPDATES_LISTED: usize = 200;

/// Their account id → the id of the same company in the current plan: the
/// account of ours with the same web domain. Where the domain is not enough,
/// the company name decides ([`company_key`]): when several of ours share it
/// and are marked "Not duplicates" (a group's companies, one company's sites),
/// or when their file marks two accounts that would both become one of ours
/// "Not duplicates". What stays ambiguous is not matched, so it merges as an
/// account of its own rather than into the wrong one. Several of ours with
/// one domain and no such mark are taken for one company kept twice (the
/// duplicate finder offers to merge them): the first is matched.
fn domain_matches(current: &Plan, incoming: &Plan) -> HashMap<String, AccountId> {
    let mut mine: HashMap<String, Vec<&Account>> = HashMap::new();
    for a in &current.accounts {
        let domain = normalise_domain(&a.domain);
        if !domain.is_empty() {
            mine.entry(domain).or_default().push(a);
        }
    }
    let ids: HashSet<&str> = current.accounts.iter().map(|a| a.id.as_str()).collect();
    let same_name = |a: &Account, b: &Account| company_key(&a.name) == company_key(&b.name);
    let ours_apart = current.settings.distinct_lookup();
    let any_apart = |accounts: &[&Account], apart: &dyn Fn(&AccountId, &AccountId) -> bool| {
        accounts.iter().enumerate().any(|(i, a)| accounts[i + 1..].iter().any(|b| apart(&a.id, &b.id)))
    };
    // Each of theirs to one of ours: the only one with its domain, else the only
    // one with its domain and name, else the first when none is marked apart.
    let mut to_mine: HashMap<&str, (&Account, Vec<&Account>)> = HashMap::new();
    for theirs in incoming.accounts.iter().filter(|a| !ids.contains(a.id.as_str())) {
        let Some(candidates) = mine.get(&normalise_domain(&theirs.domain)) else { continue };
        let chosen = match candidates[..] {
            [only] => Some(only),
            [first, ..] => {
                let mut named = candidates.iter().filter(|m| same_name(m, theirs));
                match (named.next(), named.next()) {
                    (Some(m), None) => Some(*m),
                    _ if !any_apart(candidates, &ours_apart) => Some(first),
                    _ => None,
                }
            }
            [] => None,
        };
        if let Some(m) = chosen {
            to_mine.entry(m.id.as_str()).or_insert_with(|| (m, Vec::new())).1.push(theirs);
        }
    }
    let theirs_apart = incoming.settings.distinct_lookup();
    let mut matches = HashMap::new();
    for (m, theirs) in to_mine.into_values() {
        let matched: Vec<&&Account> = if any_apart(&theirs, &theirs_apart) {
            // Only the one that is ours by name too, if there is exactly one.
            let named: Vec<&&Account> = theirs.iter().filter(|a| same_name(m, a)).collect();
            if named.len() == 1 {
                named
            } else {
                Vec::new()
            }
        } else {
            theirs.iter().collect()
        };
        matches.extend(matched.into_iter().map(|a| (a.id.to_string(), m.id.clone())));
    }
    matches
}

pub fn preview_merge(current: &Plan, incoming: &Plan) -> MergePreview {
    let mut p = MergePreview::default();
    let by_domain = domain_matches(current, incoming);
    let kept = only_mine(current, incoming);
    let both = Both { revisions: (&current.revisions, &incoming.revisions), kept: &kept };
    macro_rules! each {
        ($($c:ident => $f:ident),*) => {$(
            preview_collection(Collection::$c, &current.$f, &incoming.$f, both, &by_domain, &mut p);
        )*};
    }
    each!(Team => team, Goals => goals, CustomFields => custom_fields, CustomChannels => custom_channels,
          Accounts => accounts, Contacts => contacts, Deals => deals, Campaigns => campaigns, Content => content,
          Activities => activities, AccountPlans => account_plans, NpsResponses => nps_responses, Notes => notes,
          Handoffs => handoffs);
    if current.currency != incoming.currency {
        p.currency_differs = Some((current.currency.clone(), incoming.currency.clone()));
    }
    p.settings = setting_diffs(current, incoming);
    let ours = current.settings.distinct_lookup();
    p.distinct_added = distinct_pairs(incoming, &by_domain).iter().filter(|[a, b]| !ours(a, b)).count();
    name_account_plans(&mut p, current, incoming);
    p
}

/// An account plan's label is its account's id ("9001"): the preview names it
/// by the account's name instead, as the file or the current plan has it.
fn name_account_plans(p: &mut MergePreview, current: &Plan, incoming: &Plan) {
    let name = |id: &str| -> Option<String> { incoming.accounts.iter().chain(current.accounts.iter()).find(|a| a.id.as_str() == id).map(|a| a.name.clone()) };
    for (collection, label) in p.added_examples.iter_mut() {
        if *collection == Collection::AccountPlans {
            if let Some(n) = name(label) {
                *label = n;
            }
        }
    }
    for u in p.updates.iter_mut().filter(|u| u.collection == Collection::AccountPlans) {
        if let Some(n) = name(&u.label) {
            u.label = n;
        }
    }
    for c in p.conflicts.iter_mut().filter(|c| c.collection == Collection::AccountPlans) {
        if let Some(n) = name(&c.mine_label) {
            c.mine_label = n;
        }
    }
}

/// The file's "Not duplicates" pairs under the current plan's ids (`remap`:
/// their account id → ours, for the same company), in id order, once, as a
/// merge adds them. (The current plan's pairs are in that order too: import
/// and `Change::MarkDistinct` keep them so.)
fn distinct_pairs(incoming: &Plan, remap: &HashMap<String, AccountId>) -> Vec<[AccountId; 2]> {
    let map = |id: &AccountId| remap.get(id.as_str()).cloned().unwrap_or_else(|| id.clone());
    let mut pairs: Vec<[AccountId; 2]> =
        incoming.settings.distinct_accounts.iter().map(|[a, b]| distinct_pair(&map(a), &map(b))).filter(|[a, b]| a != b).collect();
    sorting::sort(&mut pairs);
    pairs.dedup();
    pairs
}

/// The fields of a record both plans hold that differ, each with whose is
/// newer; empty when the two are the same.
fn record_diffs<T: Record + Serialize>(collection: Collection, mine: &T, theirs: &T, both: Both) -> Vec<FieldDiff> {
    if mine == theirs {
        return Vec::new();
    }
    let key = record_key(collection.key(), mine.id());
    let revisions = (both.revisions.0.get(&key), both.revisions.1.get(&key));
    diff_record(&to_json(mine), &to_json(theirs), revisions, (mine.updated_at(), theirs.updated_at()), both.kept)
}

/// What comparing a record of ours with theirs needs besides the two.
#[derive(Clone, Copy)]
struct Both<'a> {
    revisions: (&'a Revisions, &'a Revisions),
    /// Ids of the records only ours has (the merge keeps them).
    kept: &'a HashSet<String>,
}

/// The ids of the records the current plan has and the file does not.
fn only_mine(current: &Plan, incoming: &Plan) -> HashSet<String> {
    let mut out = HashSet::new();
    macro_rules! each {
        ($($f:ident),*) => {$(
            let theirs: HashSet<&str> = incoming.$f.iter().map(Record::id).collect();
            out.extend(current.$f.iter().map(Record::id).filter(|id| !theirs.contains(id)).map(str::to_string));
        )*};
    }
    each!(team, goals, custom_fields, custom_channels, accounts, contacts, deals, campaigns, content, account_plans);
    out
}

fn preview_collection<T: Record + Serialize>(
    collection: Collection,
    mine: &Vector<T>,
    theirs: &Vector<T>,
    both: Both,
    by_domain: &HashMap<String, AccountId>,
    p: &mut MergePreview,
) {
    let index: HashMap<&str, &T> = mine.iter().map(|r| (r.id(), r)).collect();
    let mut tally = Tally::default();
    let their_ids: HashSet<&str> = theirs.iter().map(Record::id).collect();
    tally.only_mine = mine.iter().filter(|m| !their_ids.contains(m.id()) && !by_domain.values().any(|ours| ours.as_str() == m.id())).count();
    for t in theirs {
        match index.get(t.id()) {
            Some(m) => {
                let diffs = record_diffs(collection, *m, t, both);
                let taken = diffs.iter().any(|d| d.decided == Ok(Side::Theirs));
                for d in diffs.iter().filter(|d| d.decided == Ok(Side::Theirs)).take(UPDATES_LISTED.saturating_sub(p.updates.len())) {
                    p.updates.push(FieldUpdate {
                        collection,
                        label: m.label(),
                        field: d.path.clone(),
                        mine: FieldSide::of(d.mine.as_ref(), d.mine_revision.as_ref(), m.updated_at()),
                        theirs: FieldSide::of(d.theirs.as_ref(), d.theirs_revision.as_ref(), t.updated_at()),
                    });
                }
                // Each record counts once: to decide, else updated, else unchanged.
                let asks = diffs.iter().any(|d| d.decided.is_err());
                if asks {
                    tally.to_decide += 1;
                }
                for d in diffs.iter().filter(|d| d.decided.is_err()) {
                    p.conflicts.push(Conflict {
                        collection,
                        id: t.id().to_string(),
                        mine_label: m.label(),
                        field: d.path.clone(),
                        mine: FieldSide::of(d.mine.as_ref(), d.mine_revision.as_ref(), m.updated_at()),
                        theirs: FieldSide::of(d.theirs.as_ref(), d.theirs_revision.as_ref(), t.updated_at()),
                        reason: match d.decided {
                            Err(Ask::MineNewer) => ConflictReason::MineNewer,
                            _ => ConflictReason::BothChanged,
                        },
                    });
                }
                if taken && !asks {
                    tally.updated += 1;
                }
                if !taken && !asks {
                    tally.unchanged += 1;
                }
            }
            None => match by_domain.get(t.id()) {
                Some(mine_id) => {
                    let m = mine.iter().find(|m| m.id() == mine_id.as_str());
                    let label = |r: Option<&T>| FieldSide {
                        value: r.map(Record::label).unwrap_or_default(),
                        raw: None,
                        by: String::new(),
                        at: r.and_then(Record::updated_at),
                    };
                    p.conflicts.push(Conflict {
                        collection,
                        id: t.id().to_string(),
                        mine_label: m.map(Record::label).unwrap_or_default(),
                        field: String::new(),
                        mine: label(m),
                        theirs: label(Some(t)),
                        reason: ConflictReason::SameDomain { mine: mine_id.clone() },
                    });
                    tally.to_decide += 1;
                }
                None => {
                    tally.added += 1;
                    if p.added_examples.len() < EXAMPLES {
                        p.added_examples.push((collection, t.label()));
                    }
                }
            },
        }
    }
    p.tallies.push((collection, tally));
}

/// Every setting the file has otherwise, with the side suggested: the file's
/// when it is the newer change (by the settings' revisions), else ours.
fn setting_diffs(current: &Plan, incoming: &Plan) -> Vec<SettingDiff> {
    let mut out = Vec::new();
    for ((group, (record, mine)), (_, theirs)) in SETTING_GROUPS.into_iter().zip(settings_records(current)).zip(settings_records(incoming)) {
        let revisions = (current.revisions.get(record), incoming.revisions.get(record));
        for d in diff_record(&mine, &theirs, revisions, (None, None), &HashSet::new()) {
            out.push(SettingDiff {
                group,
                record,
                mine: FieldSide::of(d.mine.as_ref(), d.mine_revision.as_ref(), None),
                theirs: FieldSide::of(d.theirs.as_ref(), d.theirs_revision.as_ref(), None),
                suggested: if d.decided == Ok(Side::Theirs) { Resolution::TakeTheirs } else { Resolution::KeepMine },
                both_changed: d.decided.is_err() && d.mine_revision.is_some() && d.theirs_revision.is_some(),
                field: d.path,
            });
        }
    }
    out
}

/// Applies the merge the preview showed, with the user's choices (a conflict
/// without a choice keeps the current version; a setting without one takes
/// the suggested side). `by` is the name the user gave in this browser: the
/// fields the user decided are stamped as their change. Returns the merged
/// plan and anything that had to be repaired to keep its references whole.
pub fn apply_merge(current: &Plan, incoming: &Plan, choices: &HashMap<ChoiceKey, Resolution>, now: Timestamp, by: &str) -> (Plan, Vec<Problem>) {
    let choice = |record: &str, field: &str| choices.get(&(record.to_string(), field.to_string())).copied();
    let account_choice = |theirs: &str| choice(&record_key(Collection::Accounts.key(), theirs), "").unwrap_or(Resolution::KeepMine);
    // Same company under their id: re-point their records to ours, unless kept apart.
    let remap: HashMap<String, AccountId> =
        domain_matches(current, incoming).into_iter().filter(|(theirs, _)| account_choice(theirs) != Resolution::KeepBoth).collect();
    let original = incoming;
    let incoming = repoint_accounts(original, &remap);

    let mut merged = current.clone();
    let kept = only_mine(current, &incoming);
    let both = Both { revisions: (&current.revisions, &incoming.revisions), kept: &kept };
    let mut m = Merging { both, choice: &choice, now, by, out: Revisions::new() };
    macro_rules! each {
        ($($c:ident => $f:ident),*) => {$(
            merged.$f = m.collection(Collection::$c, &current.$f, &incoming.$f);
        )*};
    }
    each!(Team => team, Goals => goals, CustomFields => custom_fields, CustomChannels => custom_channels,
          Contacts => contacts, Deals => deals, Campaigns => campaigns, Content => content,
          Activities => activities, AccountPlans => account_plans, NpsResponses => nps_responses, Notes => notes,
          Handoffs => handoffs);
    // Accounts: same-company accounts (now under our id) are decided only by the
    // choice made for them; the rest merge by id.
    let theirs_by_id: Vector<Account> = original.accounts.iter().filter(|a| !remap.contains_key(a.id.as_str())).cloned().collect();
    let mut accounts = m.collection(Collection::Accounts, &current.accounts, &theirs_by_id);
    for (theirs_id, mine_id) in &remap {
        if account_choice(theirs_id) == Resolution::TakeTheirs {
            if let Some(theirs) = original.accounts.iter().find(|a| a.id.as_str() == theirs_id) {
                if let Some(slot) = accounts.iter_mut().find(|a| &a.id == mine_id) {
                    *slot = Account { id: mine_id.clone(), updated_at: Some(now), ..theirs.clone() };
                }
            }
        }
    }
    merged.accounts = accounts;
    m.settings(&mut merged, &incoming);
    merged.revisions = m.out;
    // Their "Not duplicates" marks join ours (validate below puts them in order, once).
    merged.settings.distinct_accounts.extend(distinct_pairs(original, &remap));
    merged.updated_at = now;
    let mut problems = Vec::new();
    validate(&mut merged, &Origins::identity(), Mode::Repair, &mut problems);
    (merged, problems)
}

/// What merging record by record needs, and the revisions table it builds.
struct Merging<'a, C: Fn(&str, &str) -> Option<Resolution>> {
    both: Both<'a>,
    choice: &'a C,
    now: Timestamp,
    by: &'a str,
    out: Revisions,
}

impl<C: Fn(&str, &str) -> Option<Resolution>> Merging<'_, C> {
    /// Ours in our order, each merged field by field with theirs of the same
    /// id, then theirs that are new, in their order.
    fn collection<T: Record + Serialize + DeserializeOwned>(&mut self, collection: Collection, mine: &Vector<T>, theirs: &Vector<T>) -> Vector<T> {
        let index: HashMap<&str, &T> = theirs.iter().map(|r| (r.id(), r)).collect();
        let mut out = Vector::new();
        let mut seen = HashSet::new();
        // Most records of a large plan are the same in both and have no
        // revisions (200,000 activities): those are taken as they are.
        let prefix = record_key(collection.key(), "");
        let has_revisions = |r: &Revisions| r.range(prefix.clone()..).next().is_some_and(|(k, _)| k.starts_with(&prefix));
        let any_revisions = has_revisions(self.both.revisions.0) || has_revisions(self.both.revisions.1);
        for m in mine {
            seen.insert(m.id());
            let same = index.get(m.id()).is_some_and(|t| *t == m);
            if same && !any_revisions {
                out.push_back(m.clone());
                continue;
            }
            let key = record_key(collection.key(), m.id());
            let Some(t) = index.get(m.id()) else {
                self.keep(&key, self.both.revisions.0);
                out.push_back(m.clone());
                continue;
            };
            let diffs = record_diffs(collection, m, *t, self.both);
            let take = |d: &FieldDiff| match d.decided {
                Ok(side) => side,
                Err(_) => match (self.choice)(&key, &d.path) {
                    Some(Resolution::TakeTheirs) => Side::Theirs,
                    _ => Side::Mine,
                },
            };
            let fields = self.field_revisions(&key, &diffs, &take);
            if !fields.is_empty() {
                self.out.insert(key.clone(), fields);
            }
            if m == *t {
                out.push_back(m.clone());
                continue;
            }
            let mut value = merged_value(&to_json(m), &diffs, take);
            // The record changed when the later of the two did, or now where the user decided.
            let decided_now = diffs.iter().any(|d| d.decided.is_err());
            let updated = if decided_now { Some(self.now) } else { m.updated_at().max(t.updated_at()) };
            if let (Some(at), Some(object)) = (updated.filter(|_| m.updated_at().is_some() || t.updated_at().is_some()), value.as_object_mut()) {
                object.insert("updatedAt".into(), to_json(&at));
            }
            // A merged record the types refuse (it cannot happen with two valid
            // records, whose fields are independent) keeps ours.
            out.push_back(from_json(&value).unwrap_or_else(|| m.clone()));
        }
        for t in theirs {
            if seen.insert(t.id()) {
                if any_revisions {
                    self.keep(&record_key(collection.key(), t.id()), self.both.revisions.1);
                }
                out.push_back(t.clone());
            }
        }
        out
    }

    /// Keeps a record's revisions as one side has them (a record only it has).
    fn keep(&mut self, key: &str, from: &Revisions) {
        if let Some(fields) = from.get(key) {
            self.out.insert(key.to_string(), fields.clone());
        }
    }

    /// A record's field revisions after the merge: for each field that
    /// differed, the revision of the side taken (or a new one where the user
    /// decided); for the others, the one both agree on.
    fn field_revisions(&self, key: &str, diffs: &[FieldDiff], take: &impl Fn(&FieldDiff) -> Side) -> FieldRevisions {
        let empty = FieldRevisions::new();
        let mine = self.both.revisions.0.get(key).unwrap_or(&empty);
        let theirs = self.both.revisions.1.get(key).unwrap_or(&empty);
        let mut out = FieldRevisions::new();
        for path in mine.keys().chain(theirs.keys()) {
            let revision = match (mine.get(path), theirs.get(path)) {
                (Some(a), Some(b)) => same_value_revision(a, b),
                (Some(r), None) | (None, Some(r)) => r.clone(),
                (None, None) => continue,
            };
            out.insert(path.clone(), revision);
        }
        for d in diffs {
            match merged_revision(d, take(d), self.now, self.by) {
                Some(r) => out.insert(d.path.clone(), r),
                None => out.remove(&d.path),
            };
        }
        out
    }

    /// The settings, field by field: each as chosen, else as suggested.
    fn settings(&mut self, merged: &mut Plan, incoming: &Plan) {
        let current = merged.clone();
        for ((record, mine), (_, theirs)) in settings_records(&current).into_iter().zip(settings_records(incoming)) {
            let revisions = (current.revisions.get(record), incoming.revisions.get(record));
            let diffs = diff_record(&mine, &theirs, revisions, (None, None), &HashSet::new());
            let take = |d: &FieldDiff| match (self.choice)(record, &d.path) {
                Some(Resolution::TakeTheirs) => Side::Theirs,
                Some(_) => Side::Mine,
                None => d.decided.unwrap_or(Side::Mine),
            };
            let fields = self.field_revisions(record, &diffs, &take);
            if !fields.is_empty() {
                self.out.insert(record.to_string(), fields);
            }
            if diffs.iter().all(|d| take(d) == Side::Mine) {
                continue;
            }
            let value = merged_value(&mine, &diffs, take);
            // Settings the types refuse keep ours (as for records).
            match record {
                "settings/icp" => merged.icp = from_json(&value).unwrap_or_else(|| current.icp.clone()),
                "settings/prioritisation" => merged.prioritisation = from_json(&value).unwrap_or_else(|| current.prioritisation.clone()),
                _ => {
                    let rules: PlanSettings = from_json(&value).unwrap_or_else(|| current.settings.clone());
                    merged.settings = PlanSettings { distinct_accounts: current.settings.distinct_accounts.clone(), ..rules };
                }
            }
        }
    }
}

/// Rewrites account references (and the accounts' own ids) from their ids to ours.
fn repoint_accounts(plan: &Plan, remap: &HashMap<String, AccountId>) -> Plan {
    if remap.is_empty() {
        return plan.clone();
    }
    let map = |id: &AccountId| remap.get(id.as_str()).cloned().unwrap_or_else(|| id.clone());
    let mut p = plan.clone();
    p.accounts = p.accounts.iter().map(|a| Account { id: map(&a.id), ..a.clone() }).collect();
    p.contacts = p.contacts.iter().map(|c| Contact { account: map(&c.account), ..c.clone() }).collect();
    p.deals = p.deals.iter().map(|d| Deal { account: map(&d.account), ..d.clone() }).collect();
    p.activities = p.activities.iter().map(|a| Activity { account: map(&a.account), ..a.clone() }).collect();
    p.campaigns = p.campaigns.iter().map(|c| Campaign { targets: c.targets.iter().map(map).collect(), ..c.clone() }).collect();
    p.content = p.content.iter().map(|c| ContentAsset { account: c.account.as_ref().map(map), ..c.clone() }).collect();
    p.account_plans = p.account_plans.iter().map(|x| AccountPlan { account: map(&x.account), ..x.clone() }).collect();
    p.nps_responses = p.nps_responses.iter().map(|x| NpsResponse { account: map(&x.account), ..x.clone() }).collect();
    p.notes = p.notes.iter().map(|x| AccountNote { account: map(&x.account), ..x.clone() }).collect();
    p.handoffs = p.handoffs.iter().map(|x| HandoffEvent { account: map(&x.account), ..x.clone() }).collect();
    p
}

#[cfg(test)]
mod tests;
