//! Merging plans: records field by field, same companies under other ids, settings, and merging in either direction.

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
    assert_eq!(accounts, &Tally { added: 1, updated: 1, to_decide: 2, unchanged: 1, only_mine: 0 }, "a2 (ours newer) and b9 (our a4) to decide");
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
    assert!(p.updates.iter().any(|u| u.collection == Collection::AccountPlans && u.label == "New name"), "{:?}", p.updates);
    assert!(p.added_examples.contains(&(Collection::AccountPlans, "Brand new".into())), "{:?}", p.added_examples);
}

#[test]
fn default_merge_keeps_mine_on_conflicts_and_repoints_same_company() {
    let (mine, theirs) = plans();
    let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "");
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
    assert!(p.settings.is_empty(), "marks are merged, not settings kept");
    let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "");
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
    choices.insert(("accounts/a2".to_string(), "name".to_string()), Resolution::TakeTheirs);
    choices.insert(("accounts/b9".to_string(), String::new()), Resolution::TakeTheirs);
    let (merged, _) = apply_merge(&mine, &theirs, &choices, ts(20), "");
    let a4 = merged.accounts.iter().find(|a| a.id.as_str() == "a4").unwrap();
    assert_eq!(a4.name, "株式会社ミナト精機");
    assert_eq!(merged.accounts.iter().find(|a| a.id.as_str() == "a2").unwrap().name, "Their older");

    choices.insert(("accounts/b9".to_string(), String::new()), Resolution::KeepBoth);
    let (merged, _) = apply_merge(&mine, &theirs, &choices, ts(20), "");
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
    let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "");
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
    let (merged, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "");
    assert!(merged.accounts.iter().any(|a| a.id == id("b12")));
    assert_eq!(merged.settings.distinct_accounts, vec![[id("a4"), id("b12")]]);
    // Unmarked, the same two are taken for one company kept twice in their
    // plan: both become our a4, as before.
    theirs.settings.distinct_accounts.clear();
    let (merged, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "");
    assert!(!merged.accounts.iter().any(|a| a.id == id("b12") || a.id == id("b9")));
}

#[test]
fn merging_a_plan_into_itself_changes_nothing() {
    let (mine, _) = plans();
    let p = preview_merge(&mine, &mine);
    assert!(p.is_empty());
    let (merged, _) = apply_merge(&mine, &mine, &HashMap::new(), ts(20), "");
    assert_eq!(merged.accounts, mine.accounts);
}

/// One plan as two people have it after sharing it: the same accounts, with
/// the same times.
fn shared() -> Plan {
    let mut p = Plan::new(PlanId("p1".into()), "shared", ts(0));
    let mut a = account("a1", "Nordlicht GmbH", "nordlicht.de", 1);
    a.industry = "Manufacturing".into();
    p.accounts.push_back(a);
    p.accounts.push_back(account("a2", "東京精機株式会社", "tokyo-seiki.co.jp", 1));
    for i in 0..3 {
        p.custom_fields.push_back(CustomFieldDef { id: FieldId(format!("f{i}")), name: format!("Field {i}"), kind: FieldKind::Text, options: vec![] });
    }
    p
}

fn edit_account(p: &Plan, id: &str, at: i64, by: &str, change: impl Fn(&mut Account)) -> Plan {
    let mut a = p.accounts.iter().find(|a| a.id.as_str() == id).unwrap().clone();
    change(&mut a);
    crate::editing::apply_edit(p, crate::editing::Change::PutAccounts(vec![a]), ts(at), by).unwrap()
}

fn account_named<'a>(p: &'a Plan, id: &str) -> &'a Account {
    p.accounts.iter().find(|a| a.id.as_str() == id).unwrap()
}

#[test]
fn different_fields_changed_on_each_side_are_both_kept_without_asking() {
    let base = shared();
    let mine = edit_account(&base, "a1", 5, "Aiko", |a| a.name = "Nordlicht AG".into());
    let theirs = edit_account(&base, "a1", 6, "Ben", |a| a.industry = "Logistics".into());
    let p = preview_merge(&mine, &theirs);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    // What will change is listed field by field, with who changed it.
    let listed: Vec<_> =
        p.updates.iter().map(|u| (u.label.as_str(), u.field.as_str(), u.mine.value.as_str(), u.theirs.value.as_str(), u.theirs.by.as_str())).collect();
    assert_eq!(listed, vec![("Nordlicht AG", "industry", "Manufacturing", "Logistics", "Ben")]);
    for (into, from) in [(&mine, &theirs), (&theirs, &mine)] {
        let (merged, problems) = apply_merge(into, from, &HashMap::new(), ts(20), "");
        assert!(problems.is_empty(), "{problems:?}");
        let a1 = account_named(&merged, "a1");
        assert_eq!((a1.name.as_str(), a1.industry.as_str()), ("Nordlicht AG", "Logistics"));
        assert_eq!(a1.updated_at, Some(ts(6)), "changed when the later side changed it");
        // Merged, each side's file has nothing more to bring.
        assert!(preview_merge(&merged, &mine).is_empty() && preview_merge(&merged, &theirs).is_empty());
    }
}

#[test]
fn the_same_field_changed_on_both_sides_is_shown_with_both_values_and_who() {
    let base = shared();
    // Both had Aiko's first change; then each changed the industry again.
    let base = edit_account(&base, "a1", 2, "Aiko", |a| a.industry = "Automotive".into());
    let mine = edit_account(&base, "a1", 5, "Aiko", |a| a.industry = "Robotics".into());
    let theirs = edit_account(&base, "a1", 6, "Ben", |a| a.industry = "Logistics".into());
    let p = preview_merge(&mine, &theirs);
    assert_eq!(p.conflicts.len(), 1, "{:?}", p.conflicts);
    let c = &p.conflicts[0];
    assert_eq!((c.mine_label.as_str(), c.field.as_str(), c.reason.clone()), ("Nordlicht GmbH", "industry", ConflictReason::BothChanged));
    assert_eq!((c.mine.value.as_str(), c.mine.by.as_str(), c.mine.at), ("Robotics", "Aiko", Some(ts(5))));
    assert_eq!((c.theirs.value.as_str(), c.theirs.by.as_str(), c.theirs.at), ("Logistics", "Ben", Some(ts(6))));
    assert_eq!(p.default_choices().get(&c.key()), Some(&Resolution::KeepMine));

    let (kept, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "Aiko");
    assert_eq!(account_named(&kept, "a1").industry, "Robotics");
    let choices = HashMap::from([(c.key(), Resolution::TakeTheirs)]);
    let (taken, _) = apply_merge(&mine, &theirs, &choices, ts(20), "Aiko");
    assert_eq!(account_named(&taken, "a1").industry, "Logistics");
    // Decided once: neither copy brings the conflict back, and Ben, merging
    // the result, takes the decision without being asked.
    for merged in [&kept, &taken] {
        assert!(preview_merge(merged, &theirs).conflicts.is_empty());
        assert!(preview_merge(merged, &mine).conflicts.is_empty());
        let p = preview_merge(&theirs, merged);
        assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
        let (bens, _) = apply_merge(&theirs, merged, &HashMap::new(), ts(30), "Ben");
        assert_eq!(account_named(&bens, "a1").industry, account_named(merged, "a1").industry);
    }
}

#[test]
fn a_deletion_is_the_deleters_change_not_a_conflict() {
    use crate::editing::{apply_edit, Change};
    let mut base = shared();
    let targets = vec![AccountId("a1".into()), AccountId("a2".into())];
    base.campaigns.push_back(Campaign {
        id: CampaignId("c1".into()),
        name: "Expo".into(),
        channel: Channel::Builtin(BuiltinChannel::Events),
        start: Date::from_ymd(2026, 4, 1).unwrap(),
        end: None,
        cost: Money::default(),
        targets,
        content: Vec::new(),
        owner: None,
        notes: String::new(),
        updated_at: Some(ts(1)),
    });
    // Ben deletes a2 (which takes it off the campaign); Aiko edits it.
    let theirs = apply_edit(&base, Change::RemoveAccounts(vec![AccountId("a2".into())]), ts(5), "Ben").unwrap();
    let mine = edit_account(&base, "a2", 6, "Aiko", |a| a.industry = "Machinery".into());
    let p = preview_merge(&mine, &theirs);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    let accounts = &p.tallies.iter().find(|(c, _)| *c == Collection::Accounts).unwrap().1;
    assert_eq!(accounts.only_mine, 1, "the account the file no longer has is kept, and counted");
    assert!(p.updates.is_empty(), "the file's side of the deletion is not taken: {:?}", p.updates);
    let (merged, problems) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "Aiko");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(merged.accounts.len(), 2);
    assert_eq!(merged.campaigns[0].targets, vec![AccountId("a1".into()), AccountId("a2".into())], "the kept account stays a target");
}

#[test]
fn a_teammate_several_edits_behind_is_not_a_conflict() {
    let base = shared();
    let mut mine = base.clone();
    for (i, industry) in ["A", "B", "C", "D"].into_iter().enumerate() {
        mine = edit_account(&mine, "a1", 2 + i as i64, "Aiko", |a| a.industry = industry.into());
    }
    let theirs = edit_account(&base, "a1", 2, "Aiko", |a| a.industry = "A".into());
    let p = preview_merge(&mine, &theirs);
    assert!(p.is_empty() && p.nothing_new(), "their copy is behind ours: {p:?}");
    let p = preview_merge(&theirs, &mine);
    assert!(p.conflicts.is_empty() && p.total().updated == 1, "{p:?}");
}

#[test]
fn every_setting_that_differs_is_offered_with_the_newer_side_suggested() {
    use crate::editing::{apply_edit, Change};
    let base = shared();
    let mut prio = base.prioritisation.clone();
    prio.factors[0].weight = 55.0;
    let theirs = apply_edit(&base, Change::SetPrioritisation(Box::new(prio)), ts(5), "Ben").unwrap();
    let mut icp = base.icp.clone();
    icp.fit_threshold = 80.0;
    let mine = apply_edit(&base, Change::SetIcp(Box::new(icp)), ts(6), "Aiko").unwrap();
    let p = preview_merge(&mine, &theirs);
    let offered: Vec<_> = p.settings.iter().map(|s| (s.group, s.field.as_str(), s.suggested)).collect();
    assert_eq!(offered, vec![(SettingGroup::Icp, "fitThreshold", Resolution::KeepMine), (SettingGroup::Prioritisation, "factors", Resolution::TakeTheirs)]);
    assert!(p.settings[1].theirs.value.contains("55"), "{:?}", p.settings[1]);
    assert_eq!(p.settings[1].theirs.by, "Ben");
    // As suggested: their weights, our threshold.
    let (merged, _) = apply_merge(&mine, &theirs, &HashMap::new(), ts(20), "Aiko");
    assert_eq!((merged.prioritisation.factors[0].weight, merged.icp.fit_threshold), (55.0, 80.0));
    // Or each as chosen.
    let choices = HashMap::from([(p.settings[0].key(), Resolution::TakeTheirs), (p.settings[1].key(), Resolution::KeepMine)]);
    let (merged, _) = apply_merge(&mine, &theirs, &choices, ts(20), "Aiko");
    assert_eq!((merged.prioritisation.factors[0].weight, merged.icp.fit_threshold), (base.prioritisation.factors[0].weight, base.icp.fit_threshold));
    // The "Not duplicates" marks are not a setting to choose: they are added.
    assert!(!p.settings.iter().any(|s| s.field.contains("distinct")));
}

#[test]
fn revisions_survive_export_and_import_byte_for_byte() {
    let base = shared();
    let mine = edit_account(&base, "a1", 5, "Aiko", |a| a.name = "Nordlicht AG".into());
    assert!(!mine.revisions.is_empty());
    let text = crate::plan_file::to_file_text(&mine, ts(9));
    let Ok(read) = crate::plan_file::read_plan_text(&text, Mode::Strict) else { panic!("the file does not read") };
    assert_eq!(read.plan.revisions, mine.revisions);
    assert_eq!(crate::plan_file::to_file_text(&read.plan, ts(9)), text);
}

mod either_direction {
    use super::*;
    use proptest::prelude::*;

    /// An edit: which account, which field, which value.
    fn edit() -> impl Strategy<Value = (usize, usize, u8)> {
        (0..2usize, 0..4usize, 0..3u8)
    }

    fn apply(p: &Plan, (account, field, value): (usize, usize, u8), at: i64, by: &str) -> Plan {
        let id = ["a1", "a2"][account];
        edit_account(p, id, at, by, |a| match field {
            0 => a.name = format!("{by} name {value}"),
            1 => a.industry = format!("industry {value}"),
            2 => {
                a.factors.insert(FactorId("opportunity".into()), f64::from(value));
            }
            _ => {
                a.custom.insert(FieldId(format!("f{value}")), CustomValue::Text(by.into()));
            }
        })
    }

    /// Each conflict decided for the later change (then by name): a rule that
    /// does not depend on which plan is ours.
    fn later_wins(p: &MergePreview) -> HashMap<ChoiceKey, Resolution> {
        p.conflicts
            .iter()
            .map(|c| {
                let theirs_later = (c.theirs.at, &c.theirs.by, &c.theirs.value) > (c.mine.at, &c.mine.by, &c.mine.value);
                (c.key(), if theirs_later { Resolution::TakeTheirs } else { Resolution::KeepMine })
            })
            .collect()
    }

    fn by_id(p: &Plan) -> Vec<(String, serde_json::Value)> {
        let mut accounts: Vec<_> = p.accounts.iter().map(|a| (a.id.to_string(), serde_json::to_value(a).unwrap())).collect();
        accounts.sort_by(|a, b| a.0.cmp(&b.0));
        accounts
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn merging_a_into_b_equals_merging_b_into_a(shared_edits in prop::collection::vec(edit(), 0..4), a_edits in prop::collection::vec(edit(), 0..6), b_edits in prop::collection::vec(edit(), 0..6)) {
            let mut base = shared();
            for (i, e) in shared_edits.into_iter().enumerate() {
                base = apply(&base, e, 10 + i as i64, "Aiko");
            }
            // Concurrent edits, at times of their own (Aiko's odd, Ben's even).
            let (mut a, mut b) = (base.clone(), base);
            for (i, e) in a_edits.into_iter().enumerate() {
                a = apply(&a, e, 101 + 2 * i as i64, "Aiko");
            }
            for (i, e) in b_edits.into_iter().enumerate() {
                b = apply(&b, e, 100 + 2 * i as i64, "Ben");
            }
            let (ab, _) = apply_merge(&a, &b, &later_wins(&preview_merge(&a, &b)), ts(500), "");
            let (ba, _) = apply_merge(&b, &a, &later_wins(&preview_merge(&b, &a)), ts(500), "");
            prop_assert_eq!(by_id(&ab), by_id(&ba));
            prop_assert_eq!(&ab.revisions, &ba.revisions);
            // And the merged plan is where both meet: merging either side into it changes nothing.
            let (pa, pb) = (preview_merge(&ab, &a), preview_merge(&ab, &b));
            prop_assert!(pa.is_empty() && pb.is_empty(), "{:?}\n{:?}", pa, pb);
        }
    }
}

#[test]
fn a_broken_revision_is_listed_and_left_out_not_the_plan() {
    let base = shared();
    let mine = edit_account(&base, "a1", 5, "Aiko", |a| a.name = "Nordlicht AG".into());
    let text = crate::plan_file::to_file_text(&mine, ts(9));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["plan"]["revisions"]["accounts/a1"]["name"]["at"] = serde_json::json!("yesterday");
    let broken = serde_json::to_string(&v).unwrap();
    let Err(problems) = crate::plan_file::read_plan_text(&broken, Mode::Strict) else { panic!("a broken revision is reported") };
    assert!(problems.iter().any(|p| p.to_string().starts_with("plan.revisions")), "{problems:?}");
    let read = crate::plan_file::read_plan_text(&broken, Mode::Repair);
    let Ok(read) = read else { panic!("the rest of the plan reads: {:?}", read.err()) };
    assert_eq!(read.plan.accounts, mine.accounts);
}
