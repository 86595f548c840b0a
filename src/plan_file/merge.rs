//! Merging a plan from a file into the current plan. First a preview says what would
//! be added, updated and what conflicts; nothing changes until the user confirms,
//! choosing for each conflict whose version to keep.
//!
//! Records match by id; accounts also match by web domain, so the same company kept
//! under different ids in two plans is recognised (by domain and name where a
//! domain is shared by several companies: see `domain_matches`). The current plan's own settings
//! (name, currency, ICP, weights, rules) are kept; the file's "Not duplicates"
//! marks, which say something of its accounts, are added.

use super::decode::{Mode, Origins};
use super::problems::Problem;
use super::validate::validate;
use crate::domain::*;
use crate::quality::company_key;
use imbl::Vector;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Team,
    Goals,
    CustomFields,
    CustomChannels,
    Accounts,
    Contacts,
    Deals,
    Campaigns,
    Content,
    Activities,
    AccountPlans,
    NpsResponses,
    Notes,
    Handoffs,
}

impl Collection {
    pub const ALL: [Collection; 14] = [
        Collection::Team,
        Collection::Goals,
        Collection::CustomFields,
        Collection::CustomChannels,
        Collection::Accounts,
        Collection::Contacts,
        Collection::Deals,
        Collection::Campaigns,
        Collection::Content,
        Collection::Activities,
        Collection::AccountPlans,
        Collection::NpsResponses,
        Collection::Notes,
        Collection::Handoffs,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictReason {
    /// Both plans changed the record and neither is known to be newer.
    BothChanged,
    /// The current plan's version is newer than the file's.
    MineNewer,
    /// The same company (same web domain) under another id.
    SameDomain { mine: AccountId },
}

/// What to do with one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepMine,
    TakeTheirs,
    /// For a same-domain account: add the file's as a separate account.
    KeepBoth,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub collection: Collection,
    /// The file's record id.
    pub id: String,
    pub mine_label: String,
    pub theirs_label: String,
    pub reason: ConflictReason,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergePreview {
    pub tallies: Vec<(Collection, Tally)>,
    /// Names of a few added and updated records, for the preview.
    pub added_examples: Vec<(Collection, String)>,
    pub updated_examples: Vec<(Collection, String)>,
    pub conflicts: Vec<Conflict>,
    /// The file's plan uses another currency: amounts are taken as they are.
    pub currency_differs: Option<(Currency, Currency)>,
    /// The file's ICP, weights or rules differ from the current ones (kept).
    pub settings_differ: bool,
    /// Pairs the file marks "Not duplicates" that the current plan does not
    /// (they are added).
    pub distinct_added: usize,
}

impl MergePreview {
    pub fn total(&self) -> Tally {
        self.tallies.iter().fold(Tally::default(), |t, (_, x)| Tally {
            added: t.added + x.added,
            updated: t.updated + x.updated,
            unchanged: t.unchanged + x.unchanged,
        })
    }

    pub fn is_empty(&self) -> bool {
        let t = self.total();
        t.added == 0 && t.updated == 0 && self.conflicts.is_empty() && self.distinct_added == 0
    }
}

const EXAMPLES: usize = 5;

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
    macro_rules! each {
        ($($c:ident => $f:ident),*) => {$(
            preview_collection(Collection::$c, &current.$f, &incoming.$f, &by_domain, &mut p);
        )*};
    }
    each!(Team => team, Goals => goals, CustomFields => custom_fields, CustomChannels => custom_channels,
          Accounts => accounts, Contacts => contacts, Deals => deals, Campaigns => campaigns, Content => content,
          Activities => activities, AccountPlans => account_plans, NpsResponses => nps_responses, Notes => notes,
          Handoffs => handoffs);
    if current.currency != incoming.currency {
        p.currency_differs = Some((current.currency.clone(), incoming.currency.clone()));
    }
    let rules = |s: &PlanSettings| PlanSettings { distinct_accounts: Vec::new(), ..s.clone() };
    p.settings_differ =
        current.icp != incoming.icp || current.prioritisation != incoming.prioritisation || rules(&current.settings) != rules(&incoming.settings);
    let ours = current.settings.distinct_lookup();
    p.distinct_added = distinct_pairs(incoming, &by_domain).iter().filter(|[a, b]| !ours(a, b)).count();
    name_account_plans(&mut p, current, incoming);
    p
}

/// An account plan's label is its account's id ("9001"): the preview names it
/// by the account's name instead, as the file or the current plan has it.
fn name_account_plans(p: &mut MergePreview, current: &Plan, incoming: &Plan) {
    let name = |id: &str| -> Option<String> { incoming.accounts.iter().chain(current.accounts.iter()).find(|a| a.id.as_str() == id).map(|a| a.name.clone()) };
    for (collection, label) in p.added_examples.iter_mut().chain(p.updated_examples.iter_mut()) {
        if *collection == Collection::AccountPlans {
            if let Some(n) = name(label) {
                *label = n;
            }
        }
    }
    for c in p.conflicts.iter_mut().filter(|c| c.collection == Collection::AccountPlans) {
        for label in [&mut c.mine_label, &mut c.theirs_label] {
            if let Some(n) = name(label) {
                *label = n;
            }
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
    pairs.sort();
    pairs.dedup();
    pairs
}

fn preview_collection<T: Record>(collection: Collection, mine: &Vector<T>, theirs: &Vector<T>, by_domain: &HashMap<String, AccountId>, p: &mut MergePreview) {
    let index: HashMap<&str, &T> = mine.iter().map(|r| (r.id(), r)).collect();
    let mut tally = Tally::default();
    for t in theirs {
        match index.get(t.id()) {
            Some(m) if *m == t => tally.unchanged += 1,
            Some(m) => match (m.updated_at(), t.updated_at()) {
                (Some(a), Some(b)) if b > a => {
                    tally.updated += 1;
                    if p.updated_examples.len() < EXAMPLES {
                        p.updated_examples.push((collection, t.label()));
                    }
                }
                (mine_at, theirs_at) => p.conflicts.push(Conflict {
                    collection,
                    id: t.id().to_string(),
                    mine_label: m.label(),
                    theirs_label: t.label(),
                    reason: match (mine_at, theirs_at) {
                        (Some(a), Some(b)) if a > b => ConflictReason::MineNewer,
                        (Some(_), None) => ConflictReason::MineNewer,
                        _ => ConflictReason::BothChanged,
                    },
                }),
            },
            None => match by_domain.get(t.id()) {
                Some(mine_id) => p.conflicts.push(Conflict {
                    collection,
                    id: t.id().to_string(),
                    mine_label: mine.iter().find(|m| m.id() == mine_id.as_str()).map(Record::label).unwrap_or_default(),
                    theirs_label: t.label(),
                    reason: ConflictReason::SameDomain { mine: mine_id.clone() },
                }),
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

/// The default choice for a conflict: keep the current plan's version.
pub fn default_resolution(_: &Conflict) -> Resolution {
    Resolution::KeepMine
}

/// Applies the merge the preview showed, with the user's choices (conflicts without
/// a choice keep the current version). Returns the merged plan and anything that
/// had to be repaired to keep its references whole.
pub fn apply_merge(current: &Plan, incoming: &Plan, choices: &HashMap<(Collection, String), Resolution>, now: Timestamp) -> (Plan, Vec<Problem>) {
    let choice = |c: Collection, id: &str| choices.get(&(c, id.to_string())).copied().unwrap_or(Resolution::KeepMine);
    // Same company under their id: re-point their records to ours, unless kept apart.
    let remap: HashMap<String, AccountId> =
        domain_matches(current, incoming).into_iter().filter(|(theirs, _)| choice(Collection::Accounts, theirs) != Resolution::KeepBoth).collect();
    let original = incoming;
    let incoming = repoint_accounts(original, &remap);

    let mut merged = current.clone();
    macro_rules! each {
        ($($c:ident => $f:ident),*) => {$(
            merged.$f = merge_collection(Collection::$c, &current.$f, &incoming.$f, &choice);
        )*};
    }
    each!(Team => team, Goals => goals, CustomFields => custom_fields, CustomChannels => custom_channels,
          Contacts => contacts, Deals => deals, Campaigns => campaigns, Content => content,
          Activities => activities, AccountPlans => account_plans, NpsResponses => nps_responses, Notes => notes,
          Handoffs => handoffs);
    // Accounts: same-company accounts (now under our id) are decided only by the
    // choice made for them; the rest merge by id.
    let theirs_by_id: Vector<Account> = original.accounts.iter().filter(|a| !remap.contains_key(a.id.as_str())).cloned().collect();
    let mut accounts = merge_collection(Collection::Accounts, &current.accounts, &theirs_by_id, &choice);
    for (theirs_id, mine_id) in &remap {
        if choice(Collection::Accounts, theirs_id) == Resolution::TakeTheirs {
            if let Some(theirs) = original.accounts.iter().find(|a| a.id.as_str() == theirs_id) {
                if let Some(slot) = accounts.iter_mut().find(|a| &a.id == mine_id) {
                    *slot = Account { id: mine_id.clone(), updated_at: Some(now), ..theirs.clone() };
                }
            }
        }
    }
    merged.accounts = accounts;
    // Their "Not duplicates" marks join ours (validate below puts them in order, once).
    merged.settings.distinct_accounts.extend(distinct_pairs(original, &remap));
    merged.updated_at = now;
    let mut problems = Vec::new();
    validate(&mut merged, &Origins::identity(), Mode::Repair, &mut problems);
    (merged, problems)
}

fn merge_collection<T: Record>(collection: Collection, mine: &Vector<T>, theirs: &Vector<T>, choice: &impl Fn(Collection, &str) -> Resolution) -> Vector<T> {
    let index: HashMap<&str, &T> = theirs.iter().map(|r| (r.id(), r)).collect();
    let mut out = Vector::new();
    let mut seen = std::collections::HashSet::new();
    for m in mine {
        seen.insert(m.id().to_string());
        match index.get(m.id()) {
            Some(t) if *t != m => {
                let newer = matches!((m.updated_at(), t.updated_at()), (Some(a), Some(b)) if b > a);
                if newer || choice(collection, t.id()) == Resolution::TakeTheirs {
                    out.push_back((*t).clone());
                } else {
                    out.push_back(m.clone());
                }
            }
            _ => out.push_back(m.clone()),
        }
    }
    for t in theirs {
        if !seen.contains(t.id()) {
            seen.insert(t.id().to_string());
            out.push_back(t.clone());
        }
    }
    out
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
mod tests {
    use super::*;

    fn ts(s: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + s * 1000).unwrap()
    }

    fn account(id: &str, name: &str, domain: &str, updated: i64) -> Account {
        let mut a = Account::new(AccountId(id.into()), name);
        a.domain = domain.into();
        a.updated_at = Some(ts(updated));
        a
    }

    fn plans() -> (Plan, Plan) {
        let mut mine = Plan::new(PlanId("p1".into()), "mine", ts(0));
        mine.accounts.push_back(account("a1", "Same", "same.jp", 1));
        mine.accounts.push_back(account("a2", "Mine newer", "a2.jp", 9));
        mine.accounts.push_back(account("a3", "Old name", "a3.jp", 1));
        mine.accounts.push_back(account("a4", "ミナト精機", "minato.co.jp", 1));
        let mut theirs = Plan::new(PlanId("p2".into()), "theirs", ts(0));
        theirs.accounts.push_back(account("a1", "Same", "same.jp", 1));
        theirs.accounts.push_back(account("a2", "Their older", "a2.jp", 5));
        theirs.accounts.push_back(account("a3", "New name", "a3.jp", 7));
        theirs.accounts.push_back(account("b9", "株式会社ミナト精機", "https://www.minato.co.jp/", 3));
        theirs.accounts.push_back(account("b10", "Brand new", "new.jp", 3));
        theirs.contacts.push_back(Contact::new(ContactId("c1".into()), AccountId("b9".into()), "佐藤"));
        (mine, theirs)
    }

    #[test]
    fn preview_sorts_records_into_added_updated_conflicts() {
        let (mine, theirs) = plans();
        let p = preview_merge(&mine, &theirs);
        let accounts = &p.tallies.iter().find(|(c, _)| *c == Collection::Accounts).unwrap().1;
        assert_eq!(accounts, &Tally { added: 1, updated: 1, unchanged: 1 });
        assert_eq!(p.total().added, 2, "the new account and the contact");
        let reasons: Vec<_> = p.conflicts.iter().map(|c| (c.id.as_str(), c.reason.clone())).collect();
        assert_eq!(reasons, vec![("a2", ConflictReason::MineNewer), ("b9", ConflictReason::SameDomain { mine: AccountId("a4".into()) })]);
        assert!(!p.is_empty());
    }

    #[test]
    fn account_plans_are_named_by_their_account_not_its_id() {
        let (mut mine, mut theirs) = plans();
        let plan_for = |account: &str, updated: i64| AccountPlan {
            id: AccountPlanId(format!("ap_{account}")),
            account: AccountId(account.into()),
            overview: Default::default(),
            goals: Vec::new(),
            marketing_plan: format!("v{updated}"),
            sales_strategy: String::new(),
            kpis: Vec::new(),
            actions: Vec::new(),
            channels: Vec::new(),
            updated_at: Some(ts(updated)),
        };
        mine.account_plans.push_back(plan_for("a3", 1));
        theirs.account_plans.push_back(plan_for("a3", 7));
        theirs.account_plans.push_back(plan_for("b10", 3));
        let p = preview_merge(&mine, &theirs);
        assert!(p.updated_examples.contains(&(Collection::AccountPlans, "New name".into())), "{:?}", p.updated_examples);
        assert!(p.added_examples.contains(&(Collection::AccountPlans, "Brand new".into())), "{:?}", p.added_examples);
    }

    #[test]
    fn default_merge_keeps_mine_on_conflicts_and_repoints_same_company() {
        let (mine, theirs) = plans();
        let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20));
        assert!(problems.is_empty(), "{problems:?}");
        let names: Vec<&str> = merged.accounts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Same", "Mine newer", "New name", "ミナト精機", "Brand new"]);
        assert_eq!(merged.contacts[0].account, AccountId("a4".into()), "their contact now hangs off our account");
    }

    #[test]
    fn their_not_duplicates_marks_are_added_under_our_ids() {
        let (mut mine, mut theirs) = plans();
        let id = |s: &str| AccountId(s.into());
        mine.settings.distinct_accounts = vec![[id("a1"), id("a2")]];
        // b9 is our a4 (same domain): their mark b9 / b10 is a4 / b10 here.
        theirs.settings.distinct_accounts = vec![[id("a1"), id("a2")], [id("b10"), id("b9")]];
        let p = preview_merge(&mine, &theirs);
        assert_eq!(p.distinct_added, 1);
        assert!(!p.settings_differ, "marks are merged, not settings kept");
        let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(merged.settings.distinct_accounts, vec![[id("a1"), id("a2")], [id("a4"), id("b10")]]);
        // The same file merged again has nothing more to add.
        let again = preview_merge(&merged, &theirs);
        assert_eq!(again.distinct_added, 0);
    }

    #[test]
    fn choices_take_theirs_or_keep_both() {
        let (mine, theirs) = plans();
        let mut choices = HashMap::new();
        choices.insert((Collection::Accounts, "a2".to_string()), Resolution::TakeTheirs);
        choices.insert((Collection::Accounts, "b9".to_string()), Resolution::TakeTheirs);
        let (merged, _) = apply_merge(&mine, &theirs, &choices, ts(20));
        let a4 = merged.accounts.iter().find(|a| a.id.as_str() == "a4").unwrap();
        assert_eq!(a4.name, "株式会社ミナト精機");
        assert_eq!(merged.accounts.iter().find(|a| a.id.as_str() == "a2").unwrap().name, "Their older");

        choices.insert((Collection::Accounts, "b9".to_string()), Resolution::KeepBoth);
        let (merged, _) = apply_merge(&mine, &theirs, &choices, ts(20));
        assert_eq!(merged.accounts.len(), 6);
        assert_eq!(merged.contacts[0].account, AccountId("b9".into()));
    }

    #[test]
    fn a_domain_shared_by_several_companies_matches_by_name_or_not_at_all() {
        let (mut mine, mut theirs) = plans();
        let id = |s: &str| AccountId(s.into());
        // Two of ours marked "Not duplicates" share minato.co.jp: their b9
        // (株式会社ミナト精機) is our a4 by name; their b11, another plant of
        // the group, is neither.
        mine.accounts.push_back(account("a5", "ミナト精機 大阪工場", "minato.co.jp", 1));
        mine.settings.distinct_accounts = vec![[id("a4"), id("a5")]];
        theirs.accounts.push_back(account("b11", "ミナト精機 九州工場", "minato.co.jp", 3));
        let p = preview_merge(&mine, &theirs);
        let same: Vec<_> = p
            .conflicts
            .iter()
            .filter_map(|c| match &c.reason {
                ConflictReason::SameDomain { mine } => Some((c.id.as_str(), mine.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(same, vec![("b9", "a4")]);
        let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(merged.accounts.iter().any(|a| a.id == id("b11")), "added as an account of its own");
        assert_eq!(merged.contacts[0].account, id("a4"));
        // Not marked, our two are taken for one company kept twice: the first
        // of them is the match for either of theirs.
        mine.settings.distinct_accounts.clear();
        let by_domain = domain_matches(&mine, &theirs);
        assert_eq!((by_domain.get("b9"), by_domain.get("b11")), (Some(&id("a4")), Some(&id("a4"))));
        // Their file's own pairs under one domain that it marks "Not
        // duplicates" do not become one account of ours: the one named as
        // ours is ours, the other is added, and the mark stays between them.
        let (mine, mut theirs) = plans();
        theirs.accounts.push_back(account("b12", "ミナト精機 九州工場", "minato.co.jp", 3));
        theirs.settings.distinct_accounts = vec![distinct_pair(&id("b12"), &id("b9"))];
        let p = preview_merge(&mine, &theirs);
        assert_eq!(p.conflicts.iter().filter(|c| matches!(c.reason, ConflictReason::SameDomain { .. })).count(), 1);
        assert_eq!(p.distinct_added, 1);
        let (merged, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20));
        assert!(merged.accounts.iter().any(|a| a.id == id("b12")));
        assert_eq!(merged.settings.distinct_accounts, vec![[id("a4"), id("b12")]]);
        // Unmarked, the same two are taken for one company kept twice in their
        // plan: both become our a4, as before.
        theirs.settings.distinct_accounts.clear();
        let (merged, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20));
        assert!(!merged.accounts.iter().any(|a| a.id == id("b12") || a.id == id("b9")));
    }

    #[test]
    fn merging_a_plan_into_itself_changes_nothing() {
        let (mine, _) = plans();
        let p = preview_merge(&mine, &mine);
        assert!(p.is_empty());
        let (merged, _) = apply_merge(&mine, &mine, &HashMap::new(), ts(20));
        assert_eq!(merged.accounts, mine.accounts);
    }
}
