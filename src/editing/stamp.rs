//! Stamping an edit made by hand with the [`Revision`]s of the fields it
//! changed, so that a later merge of another copy of the plan knows which side
//! changed what (`plan_file::merge`).
//!
//! Only edits of single records and of settings are stamped: an import, a
//! merge or a replaced plan carries the revisions it came with, and stamping a
//! 10,000-row import field by field would fill the table with what no one
//! typed.

use super::change::{apply, Change};
use crate::domain::*;
use imbl::Vector;
use serde::Serialize;
use std::collections::HashMap;

/// [`apply`], then the fields it changed stamped as changed `now` by `by`
/// (the name the user gave in this browser, or empty).
pub fn apply_edit(plan: &Plan, change: Change, now: Timestamp, by: &str) -> Result<Plan, Refusal> {
    let stamped = is_hand_edit(&change);
    let mut after = apply(plan, change, now)?;
    if stamped && after != *plan {
        stamp(plan, &mut after, now, by);
    }
    Ok(after)
}

/// Edits a person makes in a form, one record (or one setting) at a time.
/// Deletions count: what they change in other records (a campaign's target
/// accounts, a deal's owner) is then the deleter's change, which a merge
/// takes rather than asks about.
fn is_hand_edit(change: &Change) -> bool {
    use Change::*;
    matches!(
        change,
        RemoveGoal(_)
            | RemoveAccounts(_)
            | RemoveContact(_)
            | RemoveContent(_)
            | RemoveTeamMember(_)
            | RemoveCampaign(_)
            | RemoveDeal(_)
            | MergeAccounts { .. }
            | SetAttribution(_)
            | SetJourneyRules(_)
            | PutGoal(_)
            | PutAccounts(_)
            | SetFactorValue { .. }
            | SetIcp(_)
            | SetPrioritisation(_)
            | SetCustomFields(_)
            | PutAccountPlan(_)
            | PutContact(_)
            | PutContent(_)
            | PutTeamMember(_)
            | SetNbaRules(_)
            | PutCampaign(_)
            | PutDeal(_)
    )
}

/// Stamps every field that differs between `before` and `after` in the
/// records both have (a new record needs none: the other copy has nothing to
/// confuse it with).
pub fn stamp(before: &Plan, after: &mut Plan, now: Timestamp, by: &str) {
    let mut changed: Vec<(String, Vec<String>)> = Vec::new();
    macro_rules! each {
        ($($c:ident => $f:ident),*) => {$(
            changed_records(Collection::$c, &before.$f, &after.$f, &mut changed);
        )*};
    }
    each!(Team => team, Goals => goals, CustomFields => custom_fields, CustomChannels => custom_channels,
          Accounts => accounts, Contacts => contacts, Deals => deals, Campaigns => campaigns, Content => content,
          AccountPlans => account_plans);
    for ((key, old), (_, new)) in settings_records(before).into_iter().zip(settings_records(after)) {
        if old != new {
            changed.push((key.to_string(), changed_fields(&old, &new)));
        }
    }
    for (key, fields) in changed {
        let record = after.revisions.entry(key).or_default();
        for field in fields {
            let revision = Revision::on_top_of(now, by, record.get(&field));
            record.insert(field, revision);
        }
    }
}

/// The records of one collection that changed, with the fields that did.
fn changed_records<T: Record + Serialize>(collection: Collection, before: &Vector<T>, after: &Vector<T>, out: &mut Vec<(String, Vec<String>)>) {
    if before.ptr_eq(after) {
        return;
    }
    let mut diff = |old: &T, new: &T| {
        if old != new {
            out.push((record_key(collection.key(), new.id()), changed_fields(&to_json(old), &to_json(new))));
        }
    };
    // Most edits change a record in place: the two lists then line up.
    if before.len() == after.len() && before.iter().zip(after.iter()).all(|(a, b)| a.id() == b.id()) {
        before.iter().zip(after.iter()).for_each(|(a, b)| diff(a, b));
        return;
    }
    let index: HashMap<&str, &T> = before.iter().map(|r| (r.id(), r)).collect();
    for new in after {
        if let Some(old) = index.get(new.id()) {
            diff(old, new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + s * 1000).unwrap()
    }

    fn plan() -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "p", at(0));
        let mut a = Account::new(AccountId("a1".into()), "Nordlicht GmbH");
        a.industry = "Manufacturing".into();
        p.accounts.push_back(a);
        p
    }

    #[test]
    fn a_hand_edit_stamps_the_fields_it_changed_on_top_of_the_last_revision() {
        let p = plan();
        let mut a = p.accounts[0].clone();
        a.industry = "Logistics".into();
        let p1 = apply_edit(&p, Change::PutAccounts(vec![a.clone()]), at(1), "Aiko").unwrap();
        let first = &p1.revisions["accounts/a1"]["industry"];
        assert_eq!((first.at, first.by.as_str(), first.after.len()), (at(1), "Aiko", 0));
        assert_eq!(p1.revisions["accounts/a1"].len(), 1, "only the field that changed: {:?}", p1.revisions);
        a.industry = "Retail".into();
        let p2 = apply_edit(&p1, Change::PutAccounts(vec![a]), at(2), "Ben").unwrap();
        let second = &p2.revisions["accounts/a1"]["industry"];
        assert_eq!((second.by.as_str(), &second.after), ("Ben", &vec![at(1)]));
        assert!(second.includes(first) && !first.includes(second));
    }

    #[test]
    fn settings_are_stamped_by_field_and_imports_are_not() {
        let p = plan();
        let mut prio = p.prioritisation.clone();
        prio.factors[0].weight += 10.0;
        let p1 = apply_edit(&p, Change::SetPrioritisation(Box::new(prio)), at(1), "").unwrap();
        assert_eq!(p1.revisions["settings/prioritisation"].keys().collect::<Vec<_>>(), vec!["factors"]);
        let mut a = p.accounts[0].clone();
        a.name = "Nordlicht AG".into();
        let replaced = apply_edit(&p, Change::ReplaceContent(Box::new(Plan { accounts: vec![a].into(), ..p.clone() })), at(1), "").unwrap();
        assert!(replaced.revisions.is_empty());
    }

    #[test]
    fn fields_of_an_object_field_are_told_apart() {
        let p = plan();
        let mut a = p.accounts[0].clone();
        a.custom.insert(FieldId("region".into()), CustomValue::Text("Kanto".into()));
        let p1 = apply_edit(&p, Change::PutAccounts(vec![a]), at(1), "").unwrap();
        assert_eq!(p1.revisions["accounts/a1"].keys().collect::<Vec<_>>(), vec!["custom.region"]);
    }
}
