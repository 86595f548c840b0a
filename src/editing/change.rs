//! Edits to a plan as values: the UI dispatches a [`Change`], [`apply`] returns the
//! new plan or why it refuses the change (a [`Refusal`], which the UI words). Pure
//! and total: a refused edit leaves the plan as it was. What makes a record valid
//! is the record's own rule (`domain::Rules`); the links to the rest of the plan
//! are checked here and in `records`.

use super::{batch, records};
use crate::domain::lists::{edit_where, put};
use crate::domain::prioritisation::is_weight;
use crate::domain::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    RenamePlan(String),
    SetCurrency(Currency),
    SetFiscalYearStart(u8),
    /// How won revenue is credited to campaigns (dashboard, ROI).
    SetAttribution(Attribution),
    /// The journey-stage rules (refused unless the window is 1–3650 days and the
    /// thresholds are finite, not negative, engaged ≤ qualified).
    SetJourneyRules(JourneyRules),
    /// Adds the goal, or replaces the goal with the same id.
    PutGoal(Goal),
    RemoveGoal(GoalId),
    MoveGoal {
        id: GoalId,
        to: usize,
    },
    /// Replaces the whole content (an import that replaces, or a merge). The plan
    /// keeps its own id, so it stays the same saved plan.
    ReplaceContent(Box<Plan>),
    /// Adds accounts, or replaces those with the same id (one or many at once).
    PutAccounts(Vec<Account>),
    /// Deletes accounts and everything that belongs to them.
    RemoveAccounts(Vec<AccountId>),
    /// Sets (or, with `None`, clears) a factor value typed by hand.
    SetFactorValue {
        account: AccountId,
        factor: FactorId,
        value: Option<f64>,
    },
    SetIcp(Box<IcpProfile>),
    SetPrioritisation(Box<Prioritisation>),
    SetCustomFields(Vec<CustomFieldDef>),
    /// Adds the account's plan, or replaces the plan written for that account.
    PutAccountPlan(Box<AccountPlan>),
    /// Adds a contact, or replaces the one with the same id.
    PutContact(Box<Contact>),
    /// Deletes a contact; the people reporting to them move up to their manager.
    RemoveContact(ContactId),
    PutContent(Box<ContentAsset>),
    /// Deletes a content asset and the links to it.
    RemoveContent(ContentId),
    AddNote(AccountNote),
    AddHandoff(HandoffEvent),
    PutTeamMember(TeamMember),
    /// Deletes a team member and clears the accounts, actions and campaigns they
    /// own. Refused for someone the notes or hand-off history names: history is
    /// not rewritten.
    RemoveTeamMember(MemberId),
    SetNbaRules(Vec<NbaRule>),
    /// Adds one of the user's own channels (refused when the name is empty or
    /// already taken, case and width aside).
    AddCustomChannel(CustomChannel),
    /// Adds a campaign or replaces the one with the same id (`records::put_campaign`).
    PutCampaign(Box<Campaign>),
    /// Deletes a campaign; its activities and deals stay, unlinked.
    RemoveCampaign(CampaignId),
    PutActivity(Box<Activity>),
    RemoveActivities(Vec<ActivityId>),
    /// Adds a deal or replaces the one with the same id (`records::put_deal`).
    PutDeal(Box<Deal>),
    RemoveDeal(DealId),
    PutNps(NpsResponse),
    RemoveNps(NpsId),
    /// Writes a confirmed CSV import in one step (`batch::import_batch`).
    ImportRecords(Box<super::Batch>),
    /// Merges the account `absorb` into `keep` (`crate::data_quality::merge_accounts`).
    MergeAccounts {
        keep: AccountId,
        absorb: AccountId,
    },
    /// Marks two accounts as different companies: the duplicate finder stops
    /// offering them (refused for an account that does not exist).
    MarkDistinct(AccountId, AccountId),
    /// Offers the pair as possible duplicates again.
    UnmarkDistinct(AccountId, AccountId),
}

fn journey_rules_valid(r: &JourneyRules) -> bool {
    (1..=3650).contains(&r.window_days)
        && r.engaged_min_score.is_finite()
        && r.qualified_min_score.is_finite()
        && r.engaged_min_score >= 0.0
        && r.engaged_min_score <= r.qualified_min_score
}

/// What the undo button names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    RenamePlan,
    PlanSettings,
    EditGoal,
    AddGoal,
    RemoveGoal,
    MoveGoal,
    Replace,
    Merge,
    AddAccount,
    EditAccount,
    EditAccounts,
    DeleteAccounts,
    EditFactorValue,
    EditIcp,
    EditPersonas,
    EditTargetList,
    EditWeights,
    EditTiers,
    EditCustomFields,
    EditAccountPlan,
    AddAction,
    EditAction,
    RemoveAction,
    AcceptSuggestion,
    EditChannels,
    AddContact,
    EditContact,
    RemoveContact,
    AddContent,
    EditContent,
    RemoveContent,
    AddNote,
    ChangeHandoff,
    EditOwners,
    EditTeam,
    EditRules,
    AddChannel,
    AddCampaign,
    EditCampaign,
    RemoveCampaign,
    AddActivity,
    EditActivity,
    RemoveActivities,
    AddDeal,
    EditDeal,
    RemoveDeal,
    AddNps,
    EditNps,
    RemoveNps,
    ImportCsv,
    MergeAccounts,
    MarkDistinct,
    Cleanse,
}

/// True when the notes or hand-off history names this member.
pub fn member_in_history(plan: &Plan, id: &MemberId) -> bool {
    plan.notes.iter().any(|n| n.author.as_ref() == Some(id)) || plan.handoffs.iter().any(|h| h.by.as_ref() == Some(id))
}

/// The plan after `change`, or why the change is refused. A change that
/// alters nothing is refused with [`Refusal::NothingToChange`], so no empty step
/// enters the undo history.
pub fn apply(plan: &Plan, change: Change, now: Timestamp) -> Result<Plan, Refusal> {
    let mut p = plan.clone();
    match change {
        Change::RenamePlan(name) => {
            let name = name.trim();
            if name.is_empty() {
                return Err(Refusal::Empty("name"));
            }
            p.name = name.to_string();
        }
        Change::SetCurrency(c) => p.currency = c,
        Change::SetFiscalYearStart(m) if (1..=12).contains(&m) => p.fiscal_year_start_month = m,
        Change::SetFiscalYearStart(_) => return Err(Refusal::OutOfRange("fiscalYearStartMonth")),
        Change::SetAttribution(a) => p.settings.attribution = a,
        Change::SetJourneyRules(r) if journey_rules_valid(&r) => p.settings.journey = r,
        Change::SetJourneyRules(_) => return Err(Refusal::OutOfRange("journey")),
        Change::PutGoal(goal) => {
            let goal = goal.checked()?;
            match p.goals.iter().position(|g| g.id == goal.id) {
                Some(i) => {
                    p.goals.set(i, goal);
                }
                None => p.goals.push_back(goal),
            }
        }
        Change::RemoveGoal(id) => p.goals.retain(|g| g.id != id),
        Change::MoveGoal { id, to } => {
            let Some(from) = p.goals.iter().position(|g| g.id == id) else {
                return Err(Refusal::NothingToChange);
            };
            let goal = p.goals.remove(from);
            p.goals.insert(to.min(p.goals.len()), goal);
        }
        Change::ReplaceContent(content) => {
            p = Plan { id: plan.id.clone(), created_at: plan.created_at, ..*content };
        }
        Change::PutAccounts(accounts) => {
            let index: std::collections::HashMap<AccountId, usize> = p.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
            let accounts = accounts.into_iter().map(Rules::checked).collect::<Result<Vec<_>, _>>()?;
            for mut a in accounts {
                a.updated_at = Some(now);
                match index.get(&a.id) {
                    Some(&i) => {
                        p.accounts.set(i, a);
                    }
                    None => p.accounts.push_back(a),
                }
            }
        }
        Change::RemoveAccounts(ids) => {
            let gone: std::collections::HashSet<AccountId> = ids.into_iter().collect();
            if !p.accounts.iter().any(|a| gone.contains(&a.id)) {
                return Err(Refusal::NothingToChange);
            }
            p.accounts.retain(|a| !gone.contains(&a.id));
            p.settings.distinct_accounts.retain(|pair| !pair.iter().any(|id| gone.contains(id)));
            let contacts_gone: std::collections::HashSet<ContactId> = p.contacts.iter().filter(|c| gone.contains(&c.account)).map(|c| c.id.clone()).collect();
            p.contacts.retain(|c| !gone.contains(&c.account));
            p.deals.retain(|d| !gone.contains(&d.account));
            p.activities.retain(|a| !gone.contains(&a.account));
            p.account_plans.retain(|x| !gone.contains(&x.account));
            p.nps_responses.retain(|x| !gone.contains(&x.account));
            p.notes.retain(|x| !gone.contains(&x.account));
            p.handoffs.retain(|x| !gone.contains(&x.account));
            if p.campaigns.iter().any(|c| c.targets.iter().any(|t| gone.contains(t))) {
                p.campaigns =
                    p.campaigns.iter().map(|c| Campaign { targets: c.targets.iter().filter(|t| !gone.contains(t)).cloned().collect(), ..c.clone() }).collect();
            }
            if p.content.iter().any(|c| c.account.as_ref().is_some_and(|a| gone.contains(a))) {
                p.content = p.content.iter().map(|c| ContentAsset { account: c.account.clone().filter(|a| !gone.contains(a)), ..c.clone() }).collect();
            }
            if p.contacts.iter().any(|c| c.reports_to.as_ref().is_some_and(|r| contacts_gone.contains(r))) {
                p.contacts =
                    p.contacts.iter().map(|c| Contact { reports_to: c.reports_to.clone().filter(|r| !contacts_gone.contains(r)), ..c.clone() }).collect();
            }
        }
        Change::SetFactorValue { account, factor, value } => {
            let Some(i) = p.accounts.iter().position(|a| a.id == account) else {
                return Err(Refusal::Missing("account", Collection::Accounts));
            };
            let Some(max) = p.prioritisation.factors.iter().find(|f| f.id == factor).map(|f| f.scale.max()) else {
                return Err(Refusal::NothingToChange);
            };
            let mut a = p.accounts[i].clone();
            match value.filter(|v| v.is_finite()) {
                Some(v) => {
                    a.factors.insert(factor, v.clamp(0.0, max));
                }
                None => {
                    a.factors.remove(&factor);
                }
            }
            a.updated_at = Some(now);
            p.accounts.set(i, a);
        }
        Change::SetIcp(icp) => {
            let mut icp = *icp;
            // Weights within what a plan file reads back; personas held to their rules.
            if icp.criteria.iter().any(|c| !is_weight(c.weight)) {
                return Err(Refusal::OutOfRange("weight"));
            }
            icp.personas = icp.personas.into_iter().map(Rules::checked).collect::<Result<_, _>>()?;
            p.icp = icp;
        }
        Change::SetPrioritisation(prioritisation) => {
            if prioritisation.factors.iter().any(|f| !is_weight(f.weight)) {
                return Err(Refusal::OutOfRange("weight"));
            }
            // Values typed for a removed factor go with it (undo brings them back).
            let known: std::collections::HashSet<&FactorId> = prioritisation.factors.iter().map(|f| &f.id).collect();
            retain_in_accounts(&mut p, |a| &a.factors, |a| &mut a.factors, |k| known.contains(k));
            p.prioritisation = *prioritisation;
        }
        Change::SetCustomFields(fields) => {
            // Values and ICP rules of a removed field go with it (undo brings them back).
            let kept: std::collections::HashSet<FieldId> = fields.iter().map(|f| f.id.clone()).collect();
            retain_in_accounts(&mut p, |a| &a.custom, |a| &mut a.custom, |k| kept.contains(k));
            p.icp.criteria.retain(|c| !matches!(&c.rule, IcpRule::CustomField { field, .. } if !kept.contains(field)));
            p.custom_fields = fields.into_iter().collect();
        }
        Change::PutAccountPlan(ap) => {
            if !p.accounts.iter().any(|a| a.id == ap.account) {
                return Err(Refusal::Missing("account", Collection::Accounts));
            }
            let mut ap = *ap;
            // Its goals and KPIs are goals like the plan's, with the same rules.
            for g in ap.goals.iter_mut().chain(ap.kpis.iter_mut()) {
                *g = g.clone().checked()?;
            }
            for a in ap.actions.iter_mut() {
                *a = a.clone().checked()?;
            }
            ap.updated_at = Some(now);
            let account = ap.account.clone();
            put(&mut p.account_plans, ap, |x| x.account == account);
        }
        Change::PutContact(c) => {
            if !p.accounts.iter().any(|a| a.id == c.account) {
                return Err(Refusal::Missing("account", Collection::Accounts));
            }
            let mut c = (*c).checked()?;
            c.updated_at = Some(now);
            let id = c.id.clone();
            put(&mut p.contacts, c, |x| x.id == id);
        }
        Change::RemoveContact(id) => {
            let Some(gone) = p.contacts.iter().find(|c| c.id == id).cloned() else {
                return Err(Refusal::NothingToChange);
            };
            p.contacts.retain(|c| c.id != id);
            edit_where(&mut p.contacts, |c| c.reports_to.as_ref() == Some(&id), |c| c.reports_to = gone.reports_to.clone());
            edit_where(&mut p.activities, |a| a.contact.as_ref() == Some(&id), |a| a.contact = None);
            edit_where(&mut p.nps_responses, |x| x.contact.as_ref() == Some(&id), |x| x.contact = None);
        }
        Change::PutContent(c) => {
            let mut c = (*c).checked()?;
            c.updated_at = Some(now);
            let id = c.id.clone();
            put(&mut p.content, c, |x| x.id == id);
        }
        Change::RemoveContent(id) => {
            if !p.content.iter().any(|c| c.id == id) {
                return Err(Refusal::NothingToChange);
            }
            p.content.retain(|c| c.id != id);
            edit_where(
                &mut p.account_plans,
                |ap| ap.actions.iter().any(|a| a.content.contains(&id)),
                |ap| {
                    for a in ap.actions.iter_mut() {
                        a.content.retain(|c| c != &id);
                    }
                },
            );
            edit_where(&mut p.campaigns, |c| c.content.contains(&id), |c| c.content.retain(|x| x != &id));
            edit_where(&mut p.activities, |a| a.content.as_ref() == Some(&id), |a| a.content = None);
        }
        Change::AddNote(note) => {
            if note.text.trim().is_empty() {
                return Err(Refusal::Empty("text"));
            }
            if !p.accounts.iter().any(|a| a.id == note.account) {
                return Err(Refusal::Missing("account", Collection::Accounts));
            }
            p.notes.push_back(note);
        }
        Change::AddHandoff(event) => {
            if !p.accounts.iter().any(|a| a.id == event.account) {
                return Err(Refusal::Missing("account", Collection::Accounts));
            }
            p.handoffs.push_back(event);
        }
        Change::PutTeamMember(m) => {
            let m = m.checked()?;
            // Owners are picked by name, so two people of one name could not be told apart.
            let name = crate::icp::normalise(&m.name);
            if p.team.iter().any(|x| x.id != m.id && crate::icp::normalise(&x.name) == name) {
                return Err(Refusal::NameTaken);
            }
            let id = m.id.clone();
            put(&mut p.team, m, |x| x.id == id);
        }
        Change::RemoveTeamMember(id) => {
            if !p.team.iter().any(|m| m.id == id) {
                return Err(Refusal::NothingToChange);
            }
            if member_in_history(&p, &id) {
                return Err(Refusal::InHistory);
            }
            p.team.retain(|m| m.id != id);
            let mine = |o: &Option<MemberId>| o.as_ref() == Some(&id);
            edit_where(
                &mut p.accounts,
                |a| mine(&a.marketing_owner) || mine(&a.sales_owner),
                |a| {
                    a.marketing_owner = a.marketing_owner.take().filter(|o| o != &id);
                    a.sales_owner = a.sales_owner.take().filter(|o| o != &id);
                },
            );
            edit_where(
                &mut p.account_plans,
                |ap| ap.actions.iter().any(|a| mine(&a.owner)),
                |ap| {
                    for a in ap.actions.iter_mut() {
                        a.owner = a.owner.take().filter(|o| o != &id);
                    }
                },
            );
            edit_where(&mut p.campaigns, |c| mine(&c.owner), |c| c.owner = None);
        }
        Change::SetNbaRules(rules) => p.settings.next_best_actions = rules,
        Change::AddCustomChannel(c) => {
            let name = crate::icp::normalise(&c.name);
            let taken = p.custom_channels.iter().any(|x| crate::icp::normalise(&x.name) == name || x.id == c.id)
                || BuiltinChannel::ALL.iter().any(|b| b.key() == c.id.as_str());
            if name.is_empty() {
                return Err(Refusal::Empty("name"));
            }
            if taken {
                return Err(Refusal::NameTaken);
            }
            p.custom_channels.push_back(CustomChannel { name: c.name.trim().to_string(), ..c });
        }
        Change::PutCampaign(c) => {
            records::put_campaign(&mut p, *c, now)?;
        }
        Change::RemoveCampaign(id) => {
            records::remove_campaign(&mut p, &id)?;
        }
        Change::PutActivity(a) => {
            records::put_activity(&mut p, *a)?;
        }
        Change::RemoveActivities(ids) => {
            records::remove_activities(&mut p, &ids)?;
        }
        Change::PutDeal(d) => {
            records::put_deal(&mut p, *d, now)?;
        }
        Change::RemoveDeal(id) => {
            records::remove_deal(&mut p, &id)?;
        }
        Change::PutNps(r) => {
            records::put_nps(&mut p, r)?;
        }
        Change::RemoveNps(id) => {
            records::remove_nps(&mut p, &id)?;
        }
        Change::ImportRecords(b) => {
            batch::import_batch(&mut p, *b, now)?;
        }
        Change::MergeAccounts { keep, absorb } => {
            crate::data_quality::merge_accounts(&mut p, &keep, &absorb, now)?;
        }
        Change::MarkDistinct(a, b) => {
            let known = |id: &AccountId| p.accounts.iter().any(|x| &x.id == id);
            let pair = distinct_pair(&a, &b);
            if !known(&a) || !known(&b) {
                return Err(Refusal::Missing("account", Collection::Accounts));
            }
            if a == b || p.settings.distinct_accounts.contains(&pair) {
                return Err(Refusal::NothingToChange);
            }
            p.settings.distinct_accounts.push(pair);
        }
        Change::UnmarkDistinct(a, b) => {
            let pair = distinct_pair(&a, &b);
            let before = p.settings.distinct_accounts.len();
            p.settings.distinct_accounts.retain(|x| *x != pair);
            if p.settings.distinct_accounts.len() == before {
                return Err(Refusal::NothingToChange);
            }
        }
    }
    p.updated_at = now;
    Ok(p)
}

/// Keeps only the entries of a per-account map whose key passes `keep`. Accounts
/// that lose nothing are not copied, so the edit shares them with the undo history.
fn retain_in_accounts<K: Ord, V>(
    p: &mut Plan,
    map: fn(&Account) -> &std::collections::BTreeMap<K, V>,
    map_mut: fn(&mut Account) -> &mut std::collections::BTreeMap<K, V>,
    keep: impl Fn(&K) -> bool,
) {
    for i in 0..p.accounts.len() {
        if map(&p.accounts[i]).keys().all(&keep) {
            continue;
        }
        let mut a = p.accounts[i].clone();
        map_mut(&mut a).retain(|k, _| keep(k));
        p.accounts.set(i, a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
    }

    fn goal(id: &str) -> Goal {
        Goal {
            id: GoalId(id.into()),
            name: id.into(),
            metric: Metric::NewContracts,
            target: 8.0,
            unit: Unit::Count,
            start: None,
            due: None,
            actual: None,
            notes: String::new(),
        }
    }

    #[test]
    fn goals_are_added_replaced_moved_and_removed() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let p = apply(&p, Change::PutGoal(goal("a")), now()).unwrap();
        let p = apply(&p, Change::PutGoal(goal("b")), now()).unwrap();
        let mut changed = goal("a");
        changed.target = 10.0;
        let p = apply(&p, Change::PutGoal(changed), now()).unwrap();
        assert_eq!(p.goals.len(), 2);
        assert_eq!(p.goals[0].target, 10.0);
        let p = apply(&p, Change::MoveGoal { id: GoalId("b".into()), to: 0 }, now()).unwrap();
        assert_eq!(p.goals[0].id.as_str(), "b");
        let p = apply(&p, Change::RemoveGoal(GoalId("b".into())), now()).unwrap();
        assert_eq!(p.goals.len(), 1);
    }

    #[test]
    fn the_attribution_model_is_a_plan_setting() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let q = apply(&p, Change::SetAttribution(Attribution::FirstTouch), now()).unwrap();
        assert_eq!(q.settings.attribution, Attribution::FirstTouch);
        assert_eq!(apply(&q, Change::SetAttribution(Attribution::Linear), now()).unwrap().settings.attribution, Attribution::Linear);
    }

    #[test]
    fn journey_rules_are_set_only_when_they_make_sense() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let ok = JourneyRules { window_days: 90, engaged_min_score: 5.0, qualified_min_score: 20.0 };
        assert_eq!(apply(&p, Change::SetJourneyRules(ok.clone()), now()).unwrap().settings.journey, ok);
        for bad in [
            JourneyRules { window_days: 0, ..ok.clone() },
            JourneyRules { engaged_min_score: f64::NAN, ..ok.clone() },
            JourneyRules { engaged_min_score: -1.0, ..ok.clone() },
            JourneyRules { engaged_min_score: 30.0, ..ok.clone() },
        ] {
            assert_eq!(apply(&p, Change::SetJourneyRules(bad), now()), Err(Refusal::OutOfRange("journey")));
        }
    }

    #[test]
    fn invalid_edits_change_nothing() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        assert_eq!(apply(&p, Change::RenamePlan("  ".into()), now()), Err(Refusal::Empty("name")));
        assert_eq!(apply(&p, Change::SetFiscalYearStart(13), now()), Err(Refusal::OutOfRange("fiscalYearStartMonth")));
        assert_eq!(apply(&p, Change::MoveGoal { id: GoalId("x".into()), to: 0 }, now()), Err(Refusal::NothingToChange));
    }

    #[test]
    fn deleting_accounts_takes_what_belongs_to_them() {
        let demo = crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now());
        let gone = demo.accounts[1].id.clone();
        let p = apply(&demo, Change::RemoveAccounts(vec![gone.clone()]), now()).unwrap();
        assert_eq!(p.accounts.len(), demo.accounts.len() - 1);
        assert!(p.contacts.iter().all(|c| c.account != gone));
        assert!(p.deals.iter().all(|d| d.account != gone));
        assert!(p.activities.iter().all(|a| a.account != gone));
        assert!(p.account_plans.iter().all(|a| a.account != gone));
        assert!(p.campaigns.iter().all(|c| !c.targets.contains(&gone)));
        assert!(p.content.iter().all(|c| c.account.as_ref() != Some(&gone)));
        assert!(demo.activities.len() > p.activities.len());
        // What is left is a valid plan.
        let text = crate::plan_file::to_file_text(&p, now());
        assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok());
        assert_eq!(apply(&p, Change::RemoveAccounts(vec![gone]), now()), Err(Refusal::NothingToChange), "nothing left to delete");
    }

    #[test]
    fn accounts_are_added_replaced_and_factor_values_typed() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let a = Account::new(AccountId("a".into()), "A");
        let p = apply(&p, Change::PutAccounts(vec![a.clone(), Account::new(AccountId("b".into()), "B")]), now()).unwrap();
        assert_eq!(p.accounts.len(), 2);
        assert_eq!(p.accounts[0].updated_at, Some(now()));
        let p = apply(&p, Change::PutAccounts(vec![Account { name: "A2".into(), ..a }]), now()).unwrap();
        assert_eq!(p.accounts[0].name, "A2");
        let fit = FactorId("fit".into());
        let p = apply(&p, Change::SetFactorValue { account: AccountId("a".into()), factor: fit.clone(), value: Some(140.0) }, now()).unwrap();
        assert_eq!(p.accounts[0].factors[&fit], 100.0, "held to the factor's scale");
        let p = apply(&p, Change::SetFactorValue { account: AccountId("a".into()), factor: fit.clone(), value: None }, now()).unwrap();
        assert!(p.accounts[0].factors.is_empty());
        let unknown = Change::SetFactorValue { account: AccountId("a".into()), factor: FactorId("nope".into()), value: Some(1.0) };
        assert_eq!(apply(&p, unknown, now()), Err(Refusal::NothingToChange));
    }

    #[test]
    fn removing_a_custom_field_takes_its_values_and_icp_rules() {
        let mut p = Plan::new(PlanId("p".into()), "P", now());
        let erp = CustomFieldDef { id: FieldId("erp".into()), name: "ERP".into(), kind: FieldKind::Text, options: vec![] };
        let seats = CustomFieldDef { id: FieldId("seats".into()), name: "Seats".into(), kind: FieldKind::Number, options: vec![] };
        let mut a = Account::new(AccountId("a".into()), "A");
        a.custom.insert(erp.id.clone(), CustomValue::Text("SAP".into()));
        a.custom.insert(seats.id.clone(), CustomValue::Number(40.0));
        p.accounts.push_back(a);
        p.icp.criteria.push(IcpCriterion {
            id: CriterionId("c".into()),
            weight: 1.0,
            rule: IcpRule::CustomField { field: erp.id.clone(), values: vec!["SAP".into()], min: None, max: None },
        });
        let p = apply(&p, Change::SetCustomFields(vec![erp.clone(), seats.clone()]), now()).unwrap();
        assert_eq!(p.custom_fields.len(), 2);
        let p = apply(&p, Change::SetCustomFields(vec![seats.clone()]), now()).unwrap();
        assert_eq!(p.custom_fields.len(), 1);
        assert_eq!(p.accounts[0].custom.keys().collect::<Vec<_>>(), [&seats.id]);
        assert!(p.icp.criteria.is_empty());
    }

    #[test]
    fn removing_a_factor_takes_its_typed_values() {
        let mut p = Plan::new(PlanId("p".into()), "P", now());
        let mut prio = p.prioritisation.clone();
        prio.factors.push(Factor {
            id: FactorId("f_event".into()),
            name: "Event".into(),
            weight: 10.0,
            scale: FactorScale::TenPoint,
            source: FactorSource::Manual,
        });
        p.prioritisation = prio.clone();
        let mut a = Account::new(AccountId("a".into()), "A");
        a.factors.insert(FactorId("f_event".into()), 7.0);
        a.factors.insert(FactorId("fit".into()), 50.0);
        p.accounts.push_back(a);
        prio.factors.pop();
        let after = apply(&p, Change::SetPrioritisation(Box::new(prio)), now()).unwrap();
        assert_eq!(after.accounts[0].factors.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["fit"]);
        assert_eq!(after.prioritisation.factors.len(), 4);
    }

    #[test]
    fn replacing_keeps_the_plan_identity() {
        let p = Plan::new(PlanId("p".into()), "Mine", now());
        let mut other = Plan::new(PlanId("other".into()), "Theirs", now());
        other.accounts.push_back(Account::new(AccountId("a".into()), "A"));
        let r = apply(&p, Change::ReplaceContent(Box::new(other)), now()).unwrap();
        assert_eq!(r.id, p.id);
        assert_eq!(r.name, "Theirs");
        assert_eq!(r.accounts.len(), 1);
    }

    fn demo() -> Plan {
        crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now())
    }

    fn still_valid(p: &Plan) {
        let text = crate::plan_file::to_file_text(p, now());
        assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok(), "the edited plan must stay valid");
    }

    #[test]
    fn a_removed_contacts_reports_move_up_and_links_to_them_go() {
        let p = demo();
        // Someone with a manager and reports of their own.
        let middle = p
            .contacts
            .iter()
            .find(|c| c.reports_to.is_some() && p.contacts.iter().any(|x| x.reports_to.as_ref() == Some(&c.id)))
            .expect("the demo has a middle manager")
            .clone();
        let reports: Vec<ContactId> = p.contacts.iter().filter(|x| x.reports_to.as_ref() == Some(&middle.id)).map(|x| x.id.clone()).collect();
        let after = apply(&p, Change::RemoveContact(middle.id.clone()), now()).unwrap();
        assert_eq!(after.contacts.len(), p.contacts.len() - 1);
        for r in &reports {
            let c = after.contacts.iter().find(|c| &c.id == r).unwrap();
            assert_eq!(c.reports_to, middle.reports_to, "moved up to the removed person's manager");
        }
        assert!(after.activities.iter().all(|a| a.contact.as_ref() != Some(&middle.id)));
        still_valid(&after);
        assert_eq!(apply(&after, Change::RemoveContact(middle.id), now()), Err(Refusal::NothingToChange), "already gone");
    }

    #[test]
    fn contacts_and_account_plans_are_put_by_id_and_by_account() {
        let p = demo();
        let mut c = p.contacts[0].clone();
        c.relationship = Some(2);
        c.reports_to = Some(c.id.clone());
        let after = apply(&p, Change::PutContact(Box::new(c.clone())), now()).unwrap();
        assert_eq!(after.contacts[0].relationship, Some(2));
        assert_eq!(after.contacts[0].reports_to, None, "nobody reports to themselves");
        let mut ap = p.account_plans[0].clone();
        ap.id = AccountPlanId("ap_other".into());
        ap.marketing_plan = "New".into();
        let after = apply(&p, Change::PutAccountPlan(Box::new(ap.clone())), now()).unwrap();
        assert_eq!(after.account_plans.len(), p.account_plans.len(), "one plan per account");
        assert_eq!(after.account_plans[0].marketing_plan, "New");
        assert_eq!(after.account_plans[0].updated_at, Some(now()));
        ap.account = AccountId("acc_missing".into());
        assert_eq!(
            apply(&p, Change::PutAccountPlan(Box::new(ap)), now()),
            Err(Refusal::Missing("account", Collection::Accounts)),
            "no plan for a missing account"
        );
    }

    #[test]
    fn removing_content_unlinks_it_everywhere() {
        let p = demo();
        let linked = p.account_plans.iter().flat_map(|ap| ap.actions.iter()).flat_map(|a| a.content.iter()).next().expect("demo links content").clone();
        let after = apply(&p, Change::RemoveContent(linked.clone()), now()).unwrap();
        assert!(after.content.iter().all(|c| c.id != linked));
        assert!(after.account_plans.iter().flat_map(|ap| ap.actions.iter()).all(|a| !a.content.contains(&linked)));
        assert!(after.campaigns.iter().all(|c| !c.content.contains(&linked)));
        still_valid(&after);
    }

    #[test]
    fn team_members_are_added_and_removed_unless_history_names_them() {
        let p = demo();
        let newcomer = TeamMember { id: MemberId("mem_new".into()), name: "新人".into(), team: Team::Sales, email: String::new() };
        let p2 = apply(&p, Change::PutTeamMember(newcomer.clone()), now()).unwrap();
        assert_eq!(p2.team.len(), p.team.len() + 1);
        let mut a = p2.accounts[0].clone();
        a.sales_owner = Some(newcomer.id.clone());
        let p3 = apply(&p2, Change::PutAccounts(vec![a]), now()).unwrap();
        let p4 = apply(&p3, Change::RemoveTeamMember(newcomer.id.clone()), now()).unwrap();
        assert_eq!(p4.team.len(), p.team.len());
        assert_eq!(p4.accounts[0].sales_owner, None, "ownership cleared");
        still_valid(&p4);
        let author = p.notes[0].author.clone().unwrap();
        assert!(member_in_history(&p, &author));
        assert_eq!(apply(&p, Change::RemoveTeamMember(author), now()), Err(Refusal::InHistory), "history keeps its authors");
        let blank = TeamMember { name: " ".into(), ..newcomer };
        assert_eq!(apply(&p, Change::PutTeamMember(blank), now()), Err(Refusal::Empty("name")));
    }

    #[test]
    fn notes_need_text_and_hand_offs_an_account() {
        let p = demo();
        let note = AccountNote { id: NoteId("n".into()), account: p.accounts[0].id.clone(), author: None, at: now(), text: "  ".into() };
        assert_eq!(apply(&p, Change::AddNote(note.clone()), now()), Err(Refusal::Empty("text")));
        let after = apply(&p, Change::AddNote(AccountNote { text: "Met the CFO".into(), ..note }), now()).unwrap();
        assert_eq!(after.notes.len(), p.notes.len() + 1);
        let event = HandoffEvent {
            id: HandoffId("h".into()),
            account: AccountId("nope".into()),
            stage: HandoffStage::Opportunity,
            by: None,
            at: now(),
            note: String::new(),
        };
        assert_eq!(apply(&p, Change::AddHandoff(event), now()), Err(Refusal::Missing("account", Collection::Accounts)));
    }

    #[test]
    fn own_channels_are_added_once() {
        let p = Plan::new(PlanId("p".into()), "P", now());
        let expo = CustomChannel { id: ChannelId("ch_expo".into()), name: " 展示会 ".into() };
        let p = apply(&p, Change::AddCustomChannel(expo.clone()), now()).unwrap();
        assert_eq!(p.custom_channels.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["展示会"]);
        let again = CustomChannel { id: ChannelId("ch_other".into()), name: "展示会".into() };
        assert_eq!(apply(&p, Change::AddCustomChannel(again), now()), Err(Refusal::NameTaken), "the name is taken");
        let blank = CustomChannel { id: ChannelId("ch_blank".into()), name: "  ".into() };
        assert_eq!(apply(&p, Change::AddCustomChannel(blank), now()), Err(Refusal::Empty("name")));
    }

    #[test]
    fn a_team_member_may_not_take_a_teammates_name() {
        let mut p = Plan::new(PlanId("p".into()), "Team", now());
        let member = |id: &str, name: &str| TeamMember { id: MemberId(id.into()), name: name.into(), team: Team::Sales, email: String::new() };
        p.team.push_back(member("m1", "Aiko Tanaka"));
        assert_eq!(apply(&p, Change::PutTeamMember(member("m2", " aiko TANAKA ")), now()), Err(Refusal::NameTaken));
        assert_eq!(apply(&p, Change::PutTeamMember(member("m2", "")), now()), Err(Refusal::Empty("name")));
        let renamed = apply(&p, Change::PutTeamMember(member("m1", "Aiko Tanaka-Sato")), now()).expect("renaming oneself");
        assert_eq!(renamed.team[0].name, "Aiko Tanaka-Sato");
    }
}
